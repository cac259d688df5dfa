import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Korea time and months have one home: functions/kernel (korea-time.ts, clock.ts, fields.ts). Product
// code outside it neither offsets an instant by nine hours (nor asks Intl for Asia/Seoul, nor reads the
// machine's zone) nor matches a month with a regex of its own: it calls koreaDay, koreaMinute,
// koreaSecond, startOfKoreaDay, isMonth, MONTH_PATTERN or MONTH_SOURCE. Tests may pin a browser's zone
// or check an output's shape; they are not scanned. The kernel itself imports nothing above it.

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const SCANNED = ['functions', 'web/src', 'local', 'lib', 'bin', 'scripts'];
const KERNEL = 'functions/kernel/';

/** An instant moved to Korea time by hand: 9 × an hour, 32,400,000 ms, a +09:00 suffix, the zone's name. */
const NINE_HOURS =
  /\b9\s*\*\s*(?:3_?600_?000|3_?600\s*\*\s*1_?000|60\s*\*\s*60\s*\*\s*1_?000)\b|\b32_?400_?000\b|\+09:?00\b|Asia\/Seoul|getTimezoneOffset\s*\(/;

/**
 * A month matched by a regex of its own: a year followed by the month-number alternation
 * (\d{4}-(0[1-9]|1[0-2])) or by two digits that do not go on into a YYYY-MM-DD day (\d{4}-\d{2}).
 * A month-day such as 03-01 (a fiscal year's start) is no month.
 */
const OWN_MONTH_REGEX = /(?:\\d|\[0-9\])\{4\}\)?-\(?(?:\?:)?(?:0\[1-9\]\|1\[0-2\]|(?:\\d|\[0-9\])\{2\}(?!\)?-))/;

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

function offenders(pattern: RegExp): string[] {
  const found: string[] = [];
  for (const dir of SCANNED) {
    for (const file of sourceFiles(join(ROOT, dir))) {
      const path = relative(ROOT, file);
      if (path.startsWith(KERNEL)) continue;
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (pattern.test(line.replace(/^\s*(\/\/|\*|\/\*).*$/, ''))) found.push(`${path}:${i + 1}: ${line.trim()}`);
        });
    }
  }
  return found;
}

describe('Korea time and months only from the kernel', () => {
  it('no file outside functions/kernel offsets by nine hours', () => {
    expect(offenders(NINE_HOURS), 'use koreaDay/koreaMinute/koreaSecond/startOfKoreaDay (#kernel/korea-time)').toEqual(
      [],
    );
  });

  it('no file outside functions/kernel matches a month with a regex of its own', () => {
    expect(offenders(OWN_MONTH_REGEX), 'use isMonth, MONTH_PATTERN or MONTH_SOURCE (#kernel/korea-time)').toEqual([]);
  });

  it('would see an offset', () => {
    for (const line of [
      'new Date(new Date(iso).getTime() + 9 * 3600_000)',
      'at + 9 * 3_600_000',
      'ms + 9 * 60 * 60 * 1000',
      'const KST = 32_400_000;',
      'new Date(day + "T00:00:00+09:00")',
      "new Intl.DateTimeFormat('ko-KR', { timeZone: 'Asia/Seoul' })",
      'd.getTimezoneOffset()',
    ]) {
      expect(NINE_HOURS.test(line), line).toBe(true);
    }
    for (const line of ['timeoutMs: 3_600_000', 'const start = 9 * 60; // 09:00', 'span / 86_400_000']) {
      expect(NINE_HOURS.test(line), line).toBe(false);
    }
  });

  it('would see a month regex', () => {
    for (const line of [
      String.raw`/^\d{4}-(0[1-9]|1[0-2])$/.test(month)`,
      String.raw`/^\d{4}-\d{2}$/.test(month)`,
      String.raw`/^([A-Za-z0-9-]+)_(\d{4}-(?:0[1-9]|1[0-2]))_(.+)$/`,
      String.raw`/^(\d{4})-(\d{2})$/`,
      '/^[0-9]{4}-[0-9]{2}$/',
    ]) {
      expect(OWN_MONTH_REGEX.test(line), line).toBe(true);
    }
    for (const line of [
      String.raw`const DAY_SHAPE = /^\d{4}-\d{2}-\d{2}$/;`,
      String.raw`/^(\d{4})-(\d{2})-(\d{2})$/`,
      String.raw`/^\d{2}-\d{2}$/`,
      String.raw`/^(\d{4})(\d{2})(\d{2})/`,
      '/^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$/',
    ]) {
      expect(OWN_MONTH_REGEX.test(line), line).toBe(false);
    }
  });
});

describe('the kernel', () => {
  it('imports nothing outside functions/kernel (no AWS, no commons, no capability), zod aside', () => {
    const imports: string[] = [];
    for (const file of sourceFiles(join(ROOT, KERNEL))) {
      const path = relative(ROOT, file);
      for (const match of readFileSync(file, 'utf8').matchAll(
        /(?:^|\n)\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]/g,
      )) {
        const target = match[1]!;
        if (target.startsWith('./') && !target.includes('/', 2)) continue;
        if (target === 'zod') continue;
        imports.push(`${path}: ${target}`);
      }
    }
    expect(imports).toEqual([]);
  });
});
