import { publicHolidays, yearsBetween } from '#commons/holidays';
import { maskPhone } from '#commons/rrn';
import type { AssistantItem } from '#functions/assistants/entities';
import type { MatchingItem } from '#functions/matching/entities';
import { listByAssistant } from '#functions/matching/repository';
import type { LeaveExcessReasonItem, LeaveNoticeItem, LeaveProfileSettingItem } from './entities.ts';
import { deriveProfile, leaveEntriesFrom, type MatchingFacts, restrictionsOf, WEEKLY_SOURCE_LABELS } from './inputs.ts';
import { LEAVE_TYPE_LABELS, type LeaveLedger, leaveLedger } from './ledger.ts';
import { type IssuedNotice, type PlannedNotice, planNotices, type UsePeriod, usePeriods } from './notices.ts';
import { getSetting, listAssistantActivity, listAssistantNotices, listAssistantReasons } from './repository.ts';
import { formatLeaveAmount, GRANT_KIND_LABELS, type LeaveProfile } from './rules.ts';
import { type LeaveYearRow, leaveYearRow } from './summary.ts';

// One assistant's leave, read from the records the product keeps (registration, matchings, activity
// log, the agency's setting and reasons) and run through the pure rules. Shared by the agency's list,
// the ledger page and the assistant's own page, so all three show the same numbers.

export interface AssistantLeave {
  assistant: AssistantItem;
  profile: LeaveProfile;
  weeklySource: keyof typeof WEEKLY_SOURCE_LABELS;
  setting: LeaveProfileSettingItem | undefined;
  ledger: LeaveLedger;
  row: LeaveYearRow;
  periods: { period: UsePeriod; notices: PlannedNotice[] }[];
  notices: LeaveNoticeItem[];
  reasons: LeaveExcessReasonItem[];
  restrictedDates: string[];
  /** why each restricted date is one (공휴일(…), 근무일이 아님) */
  restrictions: Map<string, string>;
}

/** The day a year's figures are drawn up to: today, or 31 December of a past year, or the leave date. */
export function asOfFor(year: number, day: string, leaveDate?: string): string {
  const end = `${year}-12-31`;
  let asOf = day < end ? day : end;
  if (leaveDate && leaveDate < asOf) asOf = leaveDate;
  return asOf;
}

const toMatchingFacts = (m: {
  startDate: string;
  endDate: string;
  status: 'active' | 'ended';
  endedOn?: string;
  schedule: { weekday: number; start: string; end: string }[];
}): MatchingFacts => ({
  startDate: m.startDate,
  endDate: m.endDate,
  status: m.status,
  ...(m.endedOn ? { endedOn: m.endedOn } : {}),
  schedule: m.schedule,
});

export async function loadAssistantLeave(
  assistant: AssistantItem,
  year: number,
  day: string,
  /** what the agency's list read once for all its assistants (null: known to be absent) */
  preloaded?: {
    setting?: LeaveProfileSettingItem | null;
    reasons?: LeaveExcessReasonItem[];
    notices?: LeaveNoticeItem[];
    matchings?: MatchingItem[];
  },
): Promise<AssistantLeave> {
  const asOf = asOfFor(year, day, assistant.leaveDate);
  const [matchings, activity, setting, reasons, notices] = await Promise.all([
    preloaded?.matchings ?? listByAssistant(assistant.assistantId),
    listAssistantActivity(assistant.assistantId, asOf),
    preloaded?.setting !== undefined
      ? Promise.resolve(preloaded.setting ?? undefined)
      : getSetting(assistant.assistantId),
    preloaded?.reasons ?? listAssistantReasons(assistant.assistantId),
    preloaded?.notices ?? listAssistantNotices(assistant.assistantId),
  ]);
  const matchingFacts = matchings.map(toMatchingFacts);
  const { profile, weeklySource } = deriveProfile({
    hireDate: assistant.hireDate,
    leaveDate: assistant.leaveDate,
    setting: setting
      ? {
          weeklyContractMinutes: setting.weeklyContractMinutes,
          contractChanges: setting.contractChanges,
          basis: setting.basis,
          ...(setting.fiscalYearStart ? { fiscalYearStart: setting.fiscalYearStart } : {}),
          ...(setting.carryOverLimitDays ? { carryOverLimitDays: setting.carryOverLimitDays } : {}),
        }
      : undefined,
    matchings: matchingFacts,
    activity,
    asOf,
  });
  const entries = leaveEntriesFrom(
    activity,
    { hireDate: assistant.hireDate, leaveDate: assistant.leaveDate },
    new Map(reasons.map((r) => [r.date, r.reason])),
  );
  // entries are in date order: their holidays are those of the years from the first to asOf
  const firstDate = entries[0]?.date ?? asOf;
  const restrictions = restrictionsOf(entries, matchingFacts, await publicHolidays(yearsBetween(firstDate, asOf)));
  const restrictedDates = [...restrictions.keys()];
  const carryOver = setting?.carryOverLimitDays ? { limitDays: setting.carryOverLimitDays } : null;
  const ledger = leaveLedger(profile, entries, { asOf, restrictedDates, carryOver });
  const row = leaveYearRow(profile, entries, { year, asOf, restrictedDates, carryOver });
  const issued: IssuedNotice[] = notices.map((n) => ({
    noticeId: n.noticeId,
    round: n.round,
    batch: n.batch,
    issuedAt: n.issuedAt,
    status: n.status,
    ...(n.answeredAt ? { answeredAt: n.answeredAt } : {}),
  }));
  // Promotion is about leave usable now: only for the running year (a past year's periods are over).
  const periods = asOf === day ? planNotices(assistant.assistantId, usePeriods(ledger, day), issued, day) : [];
  return {
    assistant,
    profile,
    weeklySource,
    setting,
    ledger,
    row,
    periods,
    notices,
    reasons,
    restrictedDates,
    restrictions,
  };
}

// ── views ────────────────────────────────────────────────────────────────────────────────────────

/** One row of the agency's list: seed 000's columns plus the masked mobile phone. */
export function listRow(leave: AssistantLeave) {
  const { assistant, row } = leave;
  return {
    assistantId: assistant.assistantId,
    name: assistant.name,
    birthDate: assistant.birthDate,
    phone: maskPhone(assistant.mobilePhone),
    hireDate: assistant.hireDate,
    leaveDate: assistant.leaveDate ?? null,
    status: assistant.status,
    weeklyContractMinutes: leave.profile.weeklyContractMinutes,
    ...row,
    issuedNotices: leave.notices.length,
    openNotices: leave.periods.flatMap((p) => p.notices).filter((n) => n.canIssue).length,
  };
}

export function noticeView(n: LeaveNoticeItem) {
  return {
    noticeId: n.noticeId,
    assistantId: n.assistantId,
    assistantName: n.assistantName,
    agencyName: n.agencyName,
    kind: n.kind,
    periodEnd: n.periodEnd,
    round: n.round,
    action: n.action,
    batch: n.batch,
    label: n.label,
    statute: n.statute,
    proposedDate: n.proposedDate,
    issueBy: n.issueBy,
    replyBy: n.replyBy ?? null,
    unusedMinutes: n.unusedMinutes,
    dailyMinutes: n.dailyMinutes,
    unusedText: formatLeaveAmount(n.unusedMinutes, n.dailyMinutes),
    designatedDates: n.designatedDates,
    issuedAt: n.issuedAt,
    pdfFileName: n.pdfFileName,
    status: n.status,
    answerDates: n.answerDates ?? [],
    answerNote: n.answerNote ?? null,
    answeredAt: n.answeredAt ?? null,
    revision: n.revision,
  };
}

/** The ledger page: grants, uses with their excess and reasons, use by month, the notices. */
export function ledgerView(leave: AssistantLeave) {
  const { ledger, row, assistant } = leave;
  const daily = ledger.dailyMinutes;
  const yearStart = `${row.year}-01-01`;
  const reasonOf = new Map(leave.reasons.map((r) => [r.date, r]));
  return {
    assistant: {
      assistantId: assistant.assistantId,
      name: assistant.name,
      birthDate: assistant.birthDate,
      phone: maskPhone(assistant.mobilePhone),
      hireDate: assistant.hireDate,
      leaveDate: assistant.leaveDate ?? null,
      agencyName: assistant.agencyName,
      hasLogin: !!assistant.userId,
    },
    profile: {
      weeklyContractMinutes: leave.profile.weeklyContractMinutes,
      dailyMinutes: daily,
      basis: leave.profile.basis ?? 'hireDate',
      fiscalYearStart: leave.profile.fiscalYearStart ?? null,
      contractChanges: leave.profile.contractChanges ?? [],
      carryOverLimitDays: leave.setting?.carryOverLimitDays ?? 0,
      weeklySource: leave.weeklySource,
      weeklySourceLabel: WEEKLY_SOURCE_LABELS[leave.weeklySource],
      settingRevision: leave.setting?.revision ?? 0,
    },
    row,
    typeLabels: LEAVE_TYPE_LABELS,
    balanceText: formatLeaveAmount(ledger.balanceMinutes, daily),
    grants: ledger.grants.map((g) => ({
      kind: g.kind,
      kindLabel: GRANT_KIND_LABELS[g.kind],
      accrualDate: g.accrualDate,
      validUntil: g.validUntil,
      minutes: g.minutes,
      usedMinutes: g.usedMinutes,
      lapsedMinutes: g.lapsedMinutes,
      carriedMinutes: g.carriedMinutes,
      remainingMinutes: g.remainingMinutes,
      text: formatLeaveAmount(g.minutes, daily),
      remainingText: formatLeaveAmount(g.remainingMinutes, daily),
      basis: g.basis,
    })),
    uses: ledger.uses
      .filter((u) => u.date >= yearStart)
      .map((u) => ({
        date: u.date,
        minutes: u.minutes,
        text: formatLeaveAmount(u.minutes, daily),
        restricted: u.restricted,
        restrictedReason: leave.restrictions.get(u.date) ?? null,
        excessMinutes: u.excessMinutes,
        excessText: u.excessMinutes > 0 ? formatLeaveAmount(u.excessMinutes, daily) : null,
        reasonRequired: u.reasonRequired,
        reason: u.reason,
        reasonRevision: reasonOf.get(u.date)?.revision ?? 0,
      })),
    periods: leave.periods.map(({ period, notices }) => ({
      kind: period.kind,
      periodEnd: period.periodEnd,
      notices: notices.map((n) => ({
        noticeId: n.noticeId,
        round: n.round,
        action: n.action,
        batch: n.batch,
        label: n.label,
        statute: n.statute,
        proposedDate: n.proposedDate,
        issueFrom: n.issueFrom,
        issueBy: n.issueBy,
        replyBy: n.replyBy ?? null,
        unusedMinutes: n.unusedMinutes,
        unusedText: formatLeaveAmount(n.unusedMinutes, daily),
        canIssue: n.canIssue,
        blockedReason: n.blockedReason ?? null,
        late: n.late,
      })),
    })),
    notices: leave.notices.map(noticeView),
  };
}
