import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Only functions/kernel/clock.ts reads the machine's clock. Anything else that asks what day or time
// it is (product code, the local stack and its demo data, the web app, the tests) asks the clock, so
// that PLATFORM_TODAY moves all of it together. Elapsed time is measured with performance.now().

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const SCANNED = ['functions', 'web/src', 'local', 'lib', 'bin', 'test', 'scripts'];
const THE_CLOCK = 'functions/kernel/clock.ts';
const READS_THE_CLOCK = /\bDate\.now\s*\(|new Date\s*\(\s*\)|new Date\s*;/;

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (/\.(ts|mjs|js)$/.test(name)) out.push(path);
  }
  return out;
}

describe('one clock', () => {
  it('is the only reader of the machine’s clock', () => {
    const readers: string[] = [];
    for (const dir of SCANNED) {
      for (const file of sourceFiles(join(ROOT, dir))) {
        const path = relative(ROOT, file);
        if (path === THE_CLOCK || path === 'test/unit/kernel/clock-discipline.test.ts') continue;
        readFileSync(file, 'utf8')
          .split('\n')
          .forEach((line, i) => {
            if (READS_THE_CLOCK.test(line.replace(/\/\/.*$/, ''))) readers.push(`${path}:${i + 1}: ${line.trim()}`);
          });
      }
    }
    expect(readers, 'ask functions/kernel/clock.ts instead (clock.now(), clock.today(), …)').toEqual([]);
  });

  it('would see a reader', () => {
    expect(READS_THE_CLOCK.test('const at = new Date();')).toBe(true);
    expect(READS_THE_CLOCK.test('const t = Date.now() + 5;')).toBe(true);
    expect(READS_THE_CLOCK.test("new Date('2026-01-01')")).toBe(false);
    expect(READS_THE_CLOCK.test('performance.now()')).toBe(false);
  });
});
