// The promotion notices of one assistant (근로기준법 §61), turned from the proposals of promotion.ts
// into what the agency can do today: which use periods have unused leave, which notice of each comes
// next, and whether it can be issued now. Pure: the day is passed in.
//
// Decisions (README "Annual leave"):
// - a notice can be issued from the first day of its window to the last day of the use period; after
//   the statutory window it is still issued (the agency may want the record) but marked late, and
//   the PDF says the statutory effect (§61) may not follow;
// - the rounds go in order within a batch: 2차 needs 1차 issued and either answered or its 10 days
//   to answer over; 3차 (the agency's own reminder) needs 2차;
// - 2차 and 3차 name the dates the agency sets for the unused leave; 1차 is answered with the dates
//   the assistant chooses, 2차 and 3차 with an acknowledgement.

import type { FieldProblem } from '#commons/errors';
import { formatDay, isDate, toDay } from './dates.ts';
import type { GrantState, LeaveLedger } from './ledger.ts';
import { type PromotionKind, type PromotionNotice, proposePromotionNotices } from './promotion.ts';

export const NOTICE_ROUNDS = 3 as const;
export const REPLY_DAYS = 10;

export interface IssuedNotice {
  noticeId: string;
  round: number;
  batch: 'main' | 'later';
  issuedAt: string;
  status: 'issued' | 'answered';
  answeredAt?: string;
}

export interface UsePeriod {
  kind: PromotionKind;
  periodEnd: string;
  /** usable minutes of the period's grants on the day, per batch */
  unusedMinutes: { main: number; later: number };
}

export interface PlannedNotice extends PromotionNotice {
  noticeId: string;
  unusedMinutes: number;
  issued?: IssuedNotice;
  /** whether the agency can issue it today, and if not, why (Korean) */
  canIssue: boolean;
  blockedReason?: string;
  late: boolean;
}

/** The assistant a notice id names (the id is made by noticeIdOf), or undefined for a malformed id. */
export function assistantOfNoticeId(noticeId: string): string | undefined {
  return /^LN-(.+)-\d{8}-[123]L?$/.exec(noticeId)?.[1];
}

export function noticeIdOf(assistantId: string, periodEnd: string, round: number, batch: 'main' | 'later'): string {
  return `LN-${assistantId}-${periodEnd.replace(/-/g, '')}-${round}${batch === 'later' ? 'L' : ''}`;
}

const isAnnualKind = (grant: GrantState) =>
  grant.kind === 'annual' || grant.kind === 'lowAttendance' || grant.kind === 'proRata';

/**
 * Use periods that can still be promoted on `today`: one per distinct end of the annual grants, and the
 * first year for the monthly grants, while the period has not ended. Carried leave (이월) is not
 * promoted: the agency chose to keep it beyond the period.
 */
export function usePeriods(ledger: LeaveLedger, today: string): UsePeriod[] {
  const periods = new Map<string, UsePeriod>();
  const firstYearThrough = new Map<string, string>();
  for (const grant of ledger.grants) {
    if (grant.kind === 'monthly') {
      const end = grant.validUntil;
      const through = proposePromotionNotices({ periodEnd: end, kind: 'firstYear', rounds: 1 })[0]!;
      firstYearThrough.set(end, through.coversAccrualsThrough ?? end);
    }
  }
  for (const grant of ledger.grants) {
    if (grant.validUntil < today) continue;
    let kind: PromotionKind;
    if (grant.kind === 'monthly') kind = 'firstYear';
    else if (isAnnualKind(grant)) kind = 'annual';
    else continue;
    const key = `${kind}|${grant.validUntil}`;
    const period = periods.get(key) ?? { kind, periodEnd: grant.validUntil, unusedMinutes: { main: 0, later: 0 } };
    const batch =
      kind === 'firstYear' && grant.accrualDate > (firstYearThrough.get(grant.validUntil) ?? grant.validUntil)
        ? 'later'
        : 'main';
    period.unusedMinutes[batch] += grant.remainingMinutes;
    periods.set(key, period);
  }
  return [...periods.values()].sort((a, b) => a.periodEnd.localeCompare(b.periodEnd));
}

/** Every notice of every period, with what has been issued and whether the next one can go out today. */
export function planNotices(
  assistantId: string,
  periods: readonly UsePeriod[],
  issued: readonly IssuedNotice[],
  today: string,
): { period: UsePeriod; notices: PlannedNotice[] }[] {
  const byId = new Map(issued.map((n) => [n.noticeId, n]));
  return periods.map((period) => {
    const proposals = proposePromotionNotices({
      periodEnd: period.periodEnd,
      kind: period.kind,
      rounds: NOTICE_ROUNDS,
    });
    const notices = proposals.map((proposal): PlannedNotice => {
      const noticeId = noticeIdOf(assistantId, period.periodEnd, proposal.round, proposal.batch);
      const previous =
        proposal.round > 1
          ? byId.get(noticeIdOf(assistantId, period.periodEnd, proposal.round - 1, proposal.batch))
          : undefined;
      const unusedMinutes = period.unusedMinutes[proposal.batch];
      const blockedReason = issueRefusal({
        proposal,
        issued: byId.get(noticeId),
        previous,
        periodEnd: period.periodEnd,
        unusedMinutes,
        today,
      });
      return {
        ...proposal,
        noticeId,
        unusedMinutes,
        issued: byId.get(noticeId),
        canIssue: blockedReason === undefined,
        ...(blockedReason ? { blockedReason } : {}),
        late: today > proposal.issueBy,
      };
    });
    return { period, notices };
  });
}

export interface IssueCheck {
  proposal: PromotionNotice;
  issued: IssuedNotice | undefined;
  /** the notice of the round before, same batch */
  previous: IssuedNotice | undefined;
  periodEnd: string;
  unusedMinutes: number;
  today: string;
}

/** Why this notice cannot be issued today (Korean, says what to do), or undefined when it can. */
export function issueRefusal(check: IssueCheck): string | undefined {
  const { proposal, issued, previous, today } = check;
  const name = `${proposal.round}차 사용촉진`;
  if (issued) return `${name}은(는) ${issued.issuedAt.slice(0, 10)}에 이미 발행했습니다.`;
  if (today > check.periodEnd) return `연차 사용기간(${check.periodEnd}까지)이 끝나 ${name}을(를) 발행할 수 없습니다.`;
  if (today < proposal.issueFrom) return `${name}은(는) ${proposal.issueFrom}부터 발행할 수 있습니다.`;
  if (check.unusedMinutes <= 0) return `남은 연차가 없어 ${name}이(가) 필요하지 않습니다.`;
  if (proposal.round > 1) {
    if (!previous) return `${proposal.round - 1}차 사용촉진을 먼저 발행해 주세요.`;
    if (proposal.round === 2 && previous.status !== 'answered') {
      const replyEnds = formatDay(toDay(previous.issuedAt.slice(0, 10)) + REPLY_DAYS);
      if (today <= replyEnds) {
        return `근로지원인이 1차 사용촉진에 답할 기한(${replyEnds})이 지나야 2차 지정 통보를 할 수 있습니다.`;
      }
    }
  }
  return undefined;
}

/** Problems with the dates the agency sets (2차, 3차) or the assistant chooses (1차 answer). */
export function dateListProblems(
  dates: readonly string[],
  from: string,
  periodEnd: string,
  field: string,
  label: string,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (dates.length === 0) {
    problems.push({ field, label, message: `${label}을(를) 하루 이상 골라 주세요.` });
  }
  const seen = new Set<string>();
  dates.forEach((date, index) => {
    const at = `${field}.${index}`;
    if (!isDate(date)) {
      problems.push({
        field: at,
        label,
        message: `${label} ${index + 1}번째 값을 YYYY-MM-DD 형식의 실제 날짜로 넣어 주세요.`,
      });
    } else if (date < from || date > periodEnd) {
      problems.push({
        field: at,
        label,
        message: `${label} ${index + 1}번째(${date})는 ${from}부터 연차 사용기간 마지막 날(${periodEnd}) 사이로 골라 주세요.`,
      });
    } else if (seen.has(date)) {
      problems.push({
        field: at,
        label,
        message: `${label} ${index + 1}번째(${date})가 겹칩니다. 한 번만 넣어 주세요.`,
      });
    }
    seen.add(date);
  });
  return problems;
}
