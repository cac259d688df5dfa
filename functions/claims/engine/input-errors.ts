// Turns zod issues into lines a person can act on: the field's path as it appears in the JSON file
// (entries[3].start), what is wrong in Korean (English in parentheses), and the value received.

import type { z } from 'zod';
import { ENTRY_TYPES } from '#kernel/attendance-kinds';

const TYPE_NAMES: Record<string, string> = {
  string: '문자열',
  number: '숫자',
  int: '정수',
  boolean: 'true 또는 false',
  array: '배열',
  object: '객체',
  record: '객체',
  null: 'null',
};

/** entries[3].start, rates.premiumByRatio["2"] */
export function formatPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) text += text ? `.${key}` : key;
    else text += `[${JSON.stringify(String(key))}]`;
  }
  return text || '(전체)';
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function describeValue(value: unknown): string {
  if (value === undefined) return '없음 (missing)';
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function explain(issue: z.core.$ZodIssue, received: unknown): string {
  // Messages written in the schema are already Korean and specific.
  if (/[가-힣]/.test(issue.message)) return issue.message;
  switch (issue.code) {
    case 'invalid_type': {
      const expected = TYPE_NAMES[issue.expected] ?? issue.expected;
      if (received === undefined)
        return `꼭 있어야 하는 항목이 없습니다. ${expected} 값을 넣어 주세요 (missing field).`;
      return `${expected} 값이어야 합니다 (expected ${issue.expected}, got ${kindOf(received)}).`;
    }
    case 'invalid_union':
      if ('discriminator' in issue && issue.discriminator === 'type') {
        return `type은 ${ENTRY_TYPES.join(', ')} 중 하나여야 합니다 (unknown type).`;
      }
      return `허용되는 형태가 아닙니다 (no allowed shape matches).`;
    case 'invalid_value':
      return `허용되는 값은 ${issue.values.map((v) => JSON.stringify(v)).join(', ')}입니다 (invalid value).`;
    case 'invalid_key':
      return issue.issues[0]?.message && /[가-힣]/.test(issue.issues[0].message)
        ? issue.issues[0].message
        : '허용되지 않는 키입니다 (invalid key).';
    case 'too_small':
      return `${String(issue.minimum)} 이상이어야 합니다 (too small).`;
    case 'too_big':
      return `${String(issue.maximum)} 이하여야 합니다 (too big).`;
    default:
      return `값을 확인해 주세요 (${issue.message}).`;
  }
}

/** One line per issue: "entries[3].start: 시각은 HH:MM 형식이어야 합니다 … 받은 값: "9:00"". */
export function describeIssues(issues: readonly z.core.$ZodIssue[], input: unknown): string[] {
  return issues.map((issue) => {
    const received = valueAt(input, issue.path);
    const shown = issue.code === 'invalid_key' ? '' : ` 받은 값: ${describeValue(received)}`;
    return `${formatPath(issue.path)}: ${explain(issue, received)}${shown}`;
  });
}
