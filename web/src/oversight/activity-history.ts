import { ATTENDANCE_TYPES } from '#functions/activity/codes';
import type { Totals, WorkerOption } from '#functions/activity/entry-contract';
import { isMonth, shiftMonth } from '#kernel/korea-time';

// 근로지원인 활동내역 (My page, SPEC F4): the assistant's own logs across months. Pure: which
// worker-months to ask for, and the sums the page shows.

/** At most a year per view: twelve months of each worker's list. */
export const MAX_MONTHS = 12;
export const DEFAULT_MONTHS = 6;

export interface HistoryRange {
  from: string;
  to: string;
}

export type RangeProblem = { field: 'from' | 'to'; message: string };

/** The range from the URL (?from=&to=), else the last six months up to this month. */
export function rangeFrom(search: URLSearchParams, thisMonth: string): { range: HistoryRange; problem?: RangeProblem } {
  const fallback = { from: shiftMonth(thisMonth, -(DEFAULT_MONTHS - 1)), to: thisMonth };
  const from = search.get('from') ?? fallback.from;
  const to = search.get('to') ?? fallback.to;
  if (!isMonth(from))
    return { range: fallback, problem: { field: 'from', message: '시작 월은 2026-01 같은 형식으로 입력해 주세요.' } };
  if (!isMonth(to))
    return { range: fallback, problem: { field: 'to', message: '끝 월은 2026-06 같은 형식으로 입력해 주세요.' } };
  if (from > to)
    return {
      range: fallback,
      problem: {
        field: 'from',
        message: '시작 월이 끝 월보다 늦습니다. 시작 월을 끝 월과 같거나 앞선 달로 골라 주세요.',
      },
    };
  if (monthsBetween(from, to).length > MAX_MONTHS)
    return {
      range: fallback,
      problem: { field: 'from', message: `한 번에 ${MAX_MONTHS}개월까지 볼 수 있습니다. 기간을 줄여 주세요.` },
    };
  return { range: { from, to } };
}

/** Months from `from` to `to`, both included, oldest first. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = from; m <= to && out.length <= MAX_MONTHS; m = shiftMonth(m, 1)) out.push(m);
  return out;
}

export interface WorkerMonth {
  workerId: string;
  workerName: string;
  month: string;
}

/** The months of the range in which the assistant was matched with each worker (nothing to ask for otherwise). */
export function workerMonths(workers: readonly WorkerOption[], range: HistoryRange): WorkerMonth[] {
  const months = monthsBetween(range.from, range.to);
  return months.flatMap((month) =>
    workers
      .filter((w) => w.matchings.some((m) => m.startDate.slice(0, 7) <= month && m.endDate.slice(0, 7) >= month))
      .map((w) => ({ workerId: w.workerId, workerName: w.workerName, month })),
  );
}

/** The totals of several months added up. */
export function sumTotals(list: readonly Totals[]): Totals {
  const sum: Totals = { entries: 0, minutes: {}, signed: 0, requested: 0, unsigned: 0 };
  for (const t of list) {
    sum.entries += t.entries;
    sum.signed += t.signed;
    sum.requested += t.requested;
    sum.unsigned += t.unsigned;
    for (const [code, minutes] of Object.entries(t.minutes) as [keyof Totals['minutes'], number][])
      sum.minutes[code] = (sum.minutes[code] ?? 0) + minutes;
  }
  return sum;
}

/** 근로자 동의 for a month (or a period) in words: never colour alone. */
export function consentText(t: Totals): string {
  if (t.entries === 0) return '기록 없음';
  if (t.signed === t.entries) return '모두 동의 완료';
  const parts = [
    t.signed ? `동의 완료 ${t.signed}건` : '',
    t.requested ? `동의 요청 중 ${t.requested}건` : '',
    t.unsigned ? `미요청 ${t.unsigned}건` : '',
  ].filter(Boolean);
  return parts.join(', ');
}

/** The attendance kinds that occur in `t`, in the table's order, with their minutes. */
export function minutesByKind(t: Totals): { code: string; label: string; minutes: number }[] {
  return ATTENDANCE_TYPES.filter((k) => t.minutes[k.code]).map((k) => ({
    code: k.code,
    label: k.label,
    minutes: t.minutes[k.code]!,
  }));
}

export function hoursText(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m === 0 ? `${h}시간` : `${h}시간 ${m}분`;
}
