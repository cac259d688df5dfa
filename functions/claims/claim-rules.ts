import { type EntryType, PAID_NON_SERVICE_TYPES, type PaidNonServiceType } from '#kernel/attendance-kinds';
import { claimPeriod, formatDay } from '#kernel/calendar';
import { isMonthOver } from '#kernel/korea-time';
import type { ClaimInput, ClaimOutput, ClaimRates } from './engine/schema.ts';

/**
 * The monthly claim workflow's pure rules (SPEC C5): which logs feed the engine, how its result is cut
 * into lines that keep the entries behind them, and which state changes a claim allows.
 */

/** 사업비 신청 상태 as every screen names it; the entity's status enum is its keys. */
export const STATUS_LABELS = {
  computing: '계산 중',
  review: '기관 검토 중',
  submitted: '지사 결정 대기',
  returned: '반려 (기관 수정 중)',
  approved: '승인',
  failed: '처리 실패 (다시 시작 가능)',
} as const;

export type ClaimStatus = keyof typeof STATUS_LABELS;

/** 합계 of an activity line, and 총근로시간 of a claim: the paid minutes (service, 주휴, the paid kinds of leave). */
export function paidMinutes(
  m: { service: number; weeklyHoliday: number } & Record<PaidNonServiceType, number>,
): number {
  return m.service + m.weeklyHoliday + PAID_NON_SERVICE_TYPES.reduce((sum, t) => sum + m[t], 0);
}

/** 신청일자 and 결정일자 of the list: the last submit, and the last decision after it (approve or return). */
export function claimDates(history: readonly { at: string; action: string }[]): {
  submittedAt?: string;
  decidedAt?: string;
} {
  const submitted = history.findLast((h) => h.action === 'submit');
  const decided = history.findLast((h) => h.action === 'approve' || h.action === 'return');
  return {
    ...(submitted ? { submittedAt: submitted.at } : {}),
    ...(decided && (!submitted || decided.at >= submitted.at) ? { decidedAt: decided.at } : {}),
  };
}

/**
 * 사업비 신청 목록's figure columns as seed 000 names them, in its order (선택 and No. come first, then
 * 신청일자, 수행년월, 진행상태, 결정일자): the screen and the Excel file both read this list.
 */
export const CLAIM_LIST_AMOUNTS = [
  { key: 'pay', header: '급여 (A)' },
  { key: 'copay', header: '본인부담금 (B)' },
  { key: 'net', header: '지급액 (C)' },
  { key: 'socialInsurance', header: '사회보험료 (D)' },
  { key: 'operatingCost', header: '사업운영비 (E)' },
  { key: 'severance', header: '퇴직적립금 (F)' },
  { key: 'total', header: '합계 (G)' },
] as const;

/** The list's order: the latest month first, then by agency name (Korean order). */
export function sortForList<T extends { month: string; agencyName: string }>(claims: readonly T[]): T[] {
  return [...claims].sort((a, b) => b.month.localeCompare(a.month) || a.agencyName.localeCompare(b.agencyName, 'ko'));
}

/** One claim per agency and month; the id is safe in a URL path and as part of an execution name. */
export function claimIdOf(agencyId: string, month: string): string {
  return `${agencyId}_${month}`;
}

/** An execution name is unique per state machine, so every attempt of a claim gets its own. */
export function executionNameOf(claimId: string, attempt: number): string {
  return `${claimId}-${attempt}`.replace(/[^A-Za-z0-9_-]/g, '-');
}

/** A month can be claimed once it is over (Korea time): its logs are complete only then. */
export function monthRefusal(month: string, now: Date): string | undefined {
  if (!isMonthOver(month, now))
    return `${month}은(는) 아직 끝나지 않은 달입니다. 지난달까지만 사업비를 신청할 수 있습니다.`;
  return undefined;
}

/** The first day the engine accepts: the Monday of the week that holds the 1st (its rule 1). */
export function periodStart(month: string): string {
  return formatDay(claimPeriod(month).start);
}

/** An activity-log entry reduced to what the claim keeps: the engine's entry plus where it came from. */
export interface SourceEntry {
  entryId: string;
  assistantId: string;
  assistantName: string;
  workerId: string;
  workerName: string;
  date: string;
  start: string;
  end: string;
  type: EntryType;
}

export interface ClaimComputationInput {
  month: string;
  rates: ClaimRates;
  entries: readonly SourceEntry[];
  /** workers exempt from the co-payment (기초생활수급자 등) */
  copayExempt?: ReadonlySet<string>;
}

/** The engine's input: every assistant and worker that appears in the entries, sorted for stable output. */
export function engineInput({ month, rates, entries, copayExempt }: ClaimComputationInput): ClaimInput {
  const assistants = [...new Set(entries.map((e) => e.assistantId))].sort();
  const workers = [...new Set(entries.filter((e) => e.type === 'service').map((e) => e.workerId))].sort();
  return {
    month,
    rates,
    assistants: assistants.map((id) => ({ id })),
    workers: workers.map((id) => ({ id, copayExempt: copayExempt?.has(id) ?? false })),
    entries: entries.map((e) =>
      e.type === 'service'
        ? { assistantId: e.assistantId, workerId: e.workerId, date: e.date, start: e.start, end: e.end, type: e.type }
        : { assistantId: e.assistantId, date: e.date, start: e.start, end: e.end, type: e.type },
    ),
  };
}

export interface ComputedLine {
  kind: 'assistant' | 'worker';
  subjectId: string;
  name: string;
  result: ClaimOutput['assistants'][number] | ClaimOutput['workers'][number];
  entries: SourceEntry[];
  /** a worker's line: why the co-payment is 0 */
  copayExemptReason?: string;
}

const byTime = (a: SourceEntry, b: SourceEntry) =>
  a.date.localeCompare(b.date) || a.start.localeCompare(b.start) || a.entryId.localeCompare(b.entryId);

/**
 * One line per assistant and per worker, each with the entries that produced it: an assistant's line
 * keeps all of that assistant's entries (the week before the 1st included, for 주휴), a worker's line
 * the service entries with that worker.
 */
export function claimLines(
  output: ClaimOutput,
  entries: readonly SourceEntry[],
  exemptReasons: ReadonlyMap<string, string> = new Map(),
): ComputedLine[] {
  const sorted = [...entries].sort(byTime);
  const assistantLines: ComputedLine[] = output.assistants.map((line) => {
    const own = sorted.filter((e) => e.assistantId === line.id);
    return {
      kind: 'assistant',
      subjectId: line.id,
      name: own[0]?.assistantName ?? line.id,
      result: line,
      entries: own,
    };
  });
  const workerLines: ComputedLine[] = output.workers.map((line) => {
    const own = sorted.filter((e) => e.type === 'service' && e.workerId === line.id);
    const exempt = exemptReasons.get(line.id);
    return {
      kind: 'worker',
      subjectId: line.id,
      name: own[0]?.workerName ?? line.id,
      result: line,
      entries: own,
      ...(exempt ? { copayExemptReason: exempt } : {}),
    };
  });
  return [...assistantLines, ...workerLines];
}

/** The entries of a month's claim: the month's days plus the days of the 1st's week in the month before. */
export function inClaimPeriod(month: string, date: string): boolean {
  return date >= periodStart(month) && date.slice(0, 7) <= month;
}

export type ClaimAction = 'submit' | 'recompute' | 'approve' | 'return' | 'resume';

/** Whether an action is allowed now, and if not a Korean message that says why and what to do. */
export function actionRefusal(status: ClaimStatus, action: ClaimAction): string | undefined {
  const allowed: Record<ClaimAction, ClaimStatus[]> = {
    submit: ['review', 'returned'],
    recompute: ['review', 'returned'],
    approve: ['submitted'],
    return: ['submitted'],
    resume: ['failed'],
  };
  if (allowed[action].includes(status)) return undefined;
  if (status === 'approved') return '이미 승인된 사업비 신청은 바꿀 수 없습니다.';
  if (status === 'computing') return '사업비를 계산하고 있습니다. 잠시 후 화면을 새로 고쳐 주세요.';
  if (status === 'failed') return '처리에 실패한 신청입니다. 먼저 ‘다시 시작’을 눌러 주세요.';
  if (action === 'approve' || action === 'return') return '기관이 제출한 신청만 승인하거나 반려할 수 있습니다.';
  if (action === 'resume') return '처리에 실패한 신청만 다시 시작할 수 있습니다.';
  return '지사가 결정을 기다리는 신청은 고치거나 다시 제출할 수 없습니다. 반려되면 고칠 수 있습니다.';
}

/** The status a successful action leads to. */
export function statusAfter(action: ClaimAction): ClaimStatus {
  switch (action) {
    case 'submit':
      return 'submitted';
    case 'approve':
      return 'approved';
    case 'return':
      return 'returned';
    case 'recompute':
    case 'resume':
      return 'computing';
  }
}
