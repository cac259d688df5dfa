import type { z } from 'zod';
import { type FieldProblem, ValidationFailed } from '../errors.ts';

/** Parse one part of a request; on failure, name every bad field in Korean and say how to fix it. */
export function parseOrThrow<T>(
  schema: z.ZodType<T>,
  value: unknown,
  part: 'query' | 'body' | 'params',
  labels: Record<string, string> = {},
): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const seen = new Set<string>();
  const fields: FieldProblem[] = [];
  for (const issue of result.error.issues) {
    const field = issue.path.join('.');
    const label = labels[field] ?? labels[String(issue.path[0] ?? '')] ?? (field || partLabel(part));
    const problem = { field: field ? `${part}.${field}` : part, label, message: koreanIssue(issue, label) };
    // a value that breaks two checks with the same message (too long and of the wrong shape) says it once
    const key = `${problem.field}\u0000${problem.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    fields.push(problem);
  }
  throw new ValidationFailed(fields, `입력한 내용을 확인해 주세요: ${fields.map((f) => f.message).join(' ')}`);
}

function partLabel(part: 'query' | 'body' | 'params'): string {
  return part === 'body' ? '요청 내용' : part === 'query' ? '검색 조건' : '주소';
}

// Schemas may carry their own Korean message ({ error: '…' }); zod's English defaults are replaced here.
function koreanIssue(issue: z.core.$ZodIssue, label: string): string {
  if (issue.message && /[가-힣]/.test(issue.message)) return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? `${label}을(를) 입력해 주세요.` : `${label}의 형식이 올바르지 않습니다.`;
    case 'too_small':
      return issue.origin === 'string'
        ? `${label}은(는) ${issue.minimum}자 이상 입력해 주세요.`
        : `${label}은(는) ${issue.minimum} 이상이어야 합니다.`;
    case 'too_big':
      return issue.origin === 'string'
        ? `${label}은(는) ${issue.maximum}자 이하로 입력해 주세요.`
        : `${label}은(는) ${issue.maximum} 이하여야 합니다.`;
    case 'invalid_value':
      return `${label}은(는) 목록에 있는 값 중에서 골라 주세요.`;
    case 'invalid_format':
      return `${label}의 형식이 올바르지 않습니다.`;
    case 'unrecognized_keys':
      return `알 수 없는 항목이 있습니다: ${issue.keys.join(', ')}. 빼고 다시 보내 주세요.`;
    default:
      return `${label}의 값을 확인해 주세요.`;
  }
}
