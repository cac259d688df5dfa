// The claim command: `npm run --silent claim -- <input.json>`.
// Prints the result JSON on stdout and exits 0; on input it cannot compute (unreadable file, not JSON,
// a shape error) it explains the problem on stderr in Korean, naming the field, and exits 1.
// Imports only the engine and zod, so it starts quickly.

import { readFileSync } from 'node:fs';
import { computeClaim } from './engine.ts';
import { describeIssues } from './input-errors.ts';
import { ClaimInputSchema } from './schema.ts';

const MAX_LISTED_ISSUES = 30;

function fail(lines: string[]): void {
  process.stderr.write(`${lines.join('\n')}\n`);
  process.exitCode = 1;
}

function main(args: string[]): void {
  const path = args[0];
  if (path === undefined || args.length > 1) {
    fail([
      '사용법: npm run --silent claim -- <입력.json> (usage: claim <input.json>)',
      '한 달의 활동일지 입력 파일 하나를 넘겨 주세요.',
    ]);
    return;
  }

  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    fail([`입력 파일 ${path}을(를) 읽을 수 없습니다 (cannot read file: ${reason}). 경로를 확인해 주세요.`]);
    return;
  }

  let raw: unknown;
  try {
    // A byte-order mark is invisible in editors; do not fail on it.
    raw = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    fail([
      `입력 파일 ${path}이(가) 올바른 JSON이 아닙니다 (not JSON: ${(error as Error).message}). 파일 내용을 확인해 주세요.`,
    ]);
    return;
  }

  const parsed = ClaimInputSchema.safeParse(raw);
  if (!parsed.success) {
    const lines = describeIssues(parsed.error.issues, raw);
    const listed = lines.slice(0, MAX_LISTED_ISSUES).map((line) => `- ${line}`);
    if (lines.length > MAX_LISTED_ISSUES) listed.push(`- 그 밖에 ${lines.length - MAX_LISTED_ISSUES}건이 더 있습니다.`);
    fail([`입력 파일 ${path}의 내용이 계약과 맞지 않습니다 (invalid input, ${lines.length}건):`, ...listed]);
    return;
  }

  const output = computeClaim(parsed.data);
  process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
}

// `claim … | head` closes the pipe early; that is the reader's choice, not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
});

main(process.argv.slice(2));
