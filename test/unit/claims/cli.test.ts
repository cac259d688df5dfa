// The claim command as a user runs it: a file in, JSON on stdout and exit 0, or a Korean explanation
// on stderr and exit 1. Each test spawns the real command.

import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { computeClaim } from '#functions/claims/engine/engine';
import { claimInput, service } from './support.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'claim-cli-'));

function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(command: string, args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(command, args, { cwd: root }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

/** The command as package.json's "claim" script runs it, without npm's own start-up cost. */
const claim = (...args: string[]) =>
  run(process.execPath, ['--import', 'tsx', 'functions/claims/engine/cli.ts', ...args]);

// Spawning node with tsx takes about a second on a busy two-core machine; allow for it.
describe('npm run claim', { timeout: 30_000 }, () => {
  it('prints the result JSON and exits 0 (through npm, as documented)', async () => {
    const input = claimInput([service('A1', 'W1', '2026-03-03', '09:00', '13:00')], { workers: ['W1'] });
    const result = await run('npm', ['run', '--silent', 'claim', '--', file('example.json', JSON.stringify(input))]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual(computeClaim(input));
    expect(JSON.parse(result.stdout).totals.total).toBe(52566);
  });

  it('reports calendar and clock faults as problems, not as invalid input', async () => {
    const input = claimInput([service('A1', 'W1', '2026-02-30', '09:00', '25:00')]);
    const result = await claim(file('calendar.json', JSON.stringify(input)));
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).problems.map((p: { code: string }) => p.code)).toEqual(['INVALID_TIME']);
  });

  it.each([
    ['a date not shaped YYYY-MM-DD', { date: '2026-03-3' }, 'entries[0].date', 'YYYY-MM-DD'],
    ['a time not shaped HH:MM', { end: '1pm' }, 'entries[0].end', 'HH:MM'],
    ['an unknown type', { type: 'overtime' }, 'entries[0].type', 'service, paidLeave'],
    ['a mistyped field', { assistantId: 1 }, 'entries[0].assistantId', '문자열'],
  ])('exits 1 on %s, naming the field on stderr', async (name, change, path, words) => {
    const input = claimInput([service('A1', 'W1', '2026-03-03', '09:00', '13:00')]);
    input.entries[0] = { ...input.entries[0]!, ...change } as never;
    const result = await claim(file(`${path}.json`, JSON.stringify(input)));
    expect(result.code, name).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`${path}:`);
    expect(result.stderr).toContain(words);
    expect(result.stderr).toContain('계약과 맞지 않습니다');
  });

  it('exits 1 on a missing field', async () => {
    const { entries: _entries, ...withoutEntries } = claimInput([]);
    const result = await claim(file('missing.json', JSON.stringify(withoutEntries)));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('entries: 꼭 있어야 하는 항목이 없습니다');
  });

  it('exits 1 on a file that is not JSON', async () => {
    const result = await claim(file('broken.json', '{"month": "2026-03",'));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('올바른 JSON이 아닙니다');
  });

  it('exits 1 on a file it cannot read, and on a missing argument', async () => {
    const [missing, noArgument] = await Promise.all([claim(join(dir, 'nope.json')), claim()]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('읽을 수 없습니다');
    expect(missing.stderr).toContain('ENOENT');
    expect(noArgument.code).toBe(1);
    expect(noArgument.stderr).toContain('사용법');
  });
});
