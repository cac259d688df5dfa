// Problem codes and their Korean messages. A message names what the reader must find in the
// activity log (date, times, worker) and says what was done with it and how to fix it.
// Messages about a day describe sets of minutes, not individual entries, so that splitting an entry
// in two or reordering entries never changes the text.

import { type EntryType, TYPE_SHORT_LABELS } from '#kernel/attendance-kinds';
import { formatClock } from '#kernel/calendar';
import type { ClaimOutput } from './schema.ts';

/** In the order the rules check them; problems of one assistant and day are listed in this order. */
export const PROBLEM_CODES = [
  'INVALID_TIME',
  'OUT_OF_PERIOD',
  'UNKNOWN_ASSISTANT',
  'UNKNOWN_WORKER',
  'DUPLICATE_OVERLAP',
  'OVER_CONCURRENCY',
  'LEAVE_SERVICE_OVERLAP',
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

export type Problem = ClaimOutput['problems'][number];

/** The fields of an entry a message needs, exactly as the sender wrote them. */
export interface EntryRef {
  assistantId: string;
  workerId?: string | null;
  date: string;
  start: string;
  end: string;
  type: EntryType;
}

function describeEntry(entry: EntryRef): string {
  const worker = entry.type === 'service' && entry.workerId ? `(근로자 ${entry.workerId})` : '';
  return `${entry.date} ${entry.start}~${entry.end} ${TYPE_SHORT_LABELS[entry.type]}${worker} 기록`;
}

function entryProblem(code: ProblemCode, entry: EntryRef, message: string): Problem {
  // Only a service entry is about a worker; a leave entry's stray workerId means nothing.
  if (entry.type === 'service' && entry.workerId) {
    return { code, assistantId: entry.assistantId, date: entry.date, workerId: entry.workerId, message };
  }
  return { code, assistantId: entry.assistantId, date: entry.date, message };
}

export interface TimeFaults {
  badDate: boolean;
  badStart: boolean;
  badEnd: boolean;
  endNotAfterStart: boolean;
}

export function invalidTime(entry: EntryRef, faults: TimeFaults): Problem {
  const reasons: string[] = [];
  if (faults.badDate) reasons.push(`${entry.date}은(는) 달력에 없는 날짜입니다`);
  if (faults.badStart) reasons.push(`시작 시각 ${entry.start}은(는) 00:00~23:59 사이여야 합니다`);
  if (faults.badEnd) reasons.push(`종료 시각 ${entry.end}은(는) 00:00~24:00 사이여야 합니다`);
  if (faults.endNotAfterStart) reasons.push(`종료 시각 ${entry.end}이(가) 시작 시각 ${entry.start}보다 늦어야 합니다`);
  return entryProblem(
    'INVALID_TIME',
    entry,
    `${describeEntry(entry)}의 날짜나 시각이 올바르지 않아 계산에서 뺐습니다: ${reasons.join(', ')}. 기록을 고쳐 주세요.`,
  );
}

export function outOfPeriod(entry: EntryRef, month: string, periodStart: string, periodEnd: string): Problem {
  return entryProblem(
    'OUT_OF_PERIOD',
    entry,
    `${describeEntry(entry)}은 ${month} 청구 기간(${periodStart}~${periodEnd}) 밖의 날짜라 계산에서 뺐습니다. 날짜를 확인해 주세요.`,
  );
}

export function unknownAssistant(entry: EntryRef): Problem {
  return entryProblem(
    'UNKNOWN_ASSISTANT',
    entry,
    `${describeEntry(entry)}의 근로지원인 ${entry.assistantId}이(가) 근로지원인 명단에 없어 계산에서 뺐습니다. 명단에 추가하거나 근로지원인 아이디를 고쳐 주세요.`,
  );
}

export function unknownWorker(entry: EntryRef): Problem {
  return entryProblem(
    'UNKNOWN_WORKER',
    entry,
    `${describeEntry(entry)}의 근로자 ${entry.workerId}이(가) 근로자 명단에 없어 계산에서 뺐습니다. 명단에 추가하거나 근로자 아이디를 고쳐 주세요.`,
  );
}

/** Segments as flat [start, end, start, end, …] minutes. */
function describeSegments(segments: readonly number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < segments.length; i += 2) {
    parts.push(`${formatClock(segments[i]!)}~${formatClock(segments[i + 1]!)}`);
  }
  return parts.join(', ');
}

function segmentMinutes(segments: readonly number[]): number {
  let total = 0;
  for (let i = 0; i < segments.length; i += 2) total += segments[i + 1]! - segments[i]!;
  return total;
}

export function duplicateOverlap(assistantId: string, date: string, workerId: string, segments: number[]): Problem {
  return {
    code: 'DUPLICATE_OVERLAP',
    assistantId,
    date,
    workerId,
    message: `${date} 근로자 ${workerId}에 대한 서비스 기록이 ${describeSegments(segments)}에 겹칩니다. 겹친 ${segmentMinutes(segments)}분은 한 번만 셌습니다. 중복된 기록을 고쳐 주세요.`,
  };
}

export function overConcurrency(
  assistantId: string,
  date: string,
  segments: number[],
  workerIds: string[],
  highest: number,
  maxConcurrency: number,
): Problem {
  return {
    code: 'OVER_CONCURRENCY',
    assistantId,
    date,
    message: `${date} ${describeSegments(segments)}에 동시에 지원한 근로자가 최대 ${highest}명으로 동시 지원 한도 ${maxConcurrency}명을 넘었습니다(관련 근로자: ${workerIds.join(', ')}). 이 ${segmentMinutes(segments)}분은 지급과 본인부담금에서 뺐습니다. 활동일지를 고쳐 주세요.`,
  };
}

export function leaveServiceOverlap(
  assistantId: string,
  date: string,
  segments: number[],
  types: EntryType[],
): Problem {
  return {
    code: 'LEAVE_SERVICE_OVERLAP',
    assistantId,
    date,
    message: `${date} ${describeSegments(segments)}에 ${types.map((type) => TYPE_SHORT_LABELS[type]).join('·')} 기록이 서로 겹칩니다. 시간은 기록대로 모두 셌습니다. 휴가·결근 기록과 다른 기록의 시간을 확인해 주세요.`,
  };
}

const CODE_RANK: Record<ProblemCode, number> = Object.fromEntries(PROBLEM_CODES.map((code, i) => [code, i])) as Record<
  ProblemCode,
  number
>;

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Output order: assistant, date, rule order, worker (none first), then message (which starts with the times). */
export function compareProblems(a: Problem, b: Problem): number {
  return (
    compareText(a.assistantId, b.assistantId) ||
    compareText(a.date, b.date) ||
    CODE_RANK[a.code] - CODE_RANK[b.code] ||
    compareText(a.workerId ?? '', b.workerId ?? '') ||
    compareText(a.message, b.message)
  );
}
