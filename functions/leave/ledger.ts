// Leave use against the grants: which grant each day of leave comes from, what lapses or is carried
// over, what is left, and which use goes beyond the entitlement and so needs a reason. Pure.
//
// Decisions (README "Annual leave"):
// - Only entries of type annualLeave consume leave; the other leave types of the activity log are
//   counted by month for the list page (seed 000 asks for 유급휴일, 공가 and 무급휴가 by month too).
// - Use comes first from the grant that lapses first (then the older one, carried leave before new):
//   what is used is never the leave that would otherwise survive.
// - A "restricted day" (사용제한일) is a day on which leave use is not counted against the entitlement:
//   a day that was not a working day anyway (a public holiday, a day off by the schedule) or one the
//   agency marks. Such use is shown in 사용일수 but left out of 사용일수(사용제한 일수 제외) and of
//   the balance. This is our reading of seed 000's column; the caller supplies the dates.
// - Carry-over (이월) is off unless configured. When on, what lapses unused on one day is carried, up to
//   the limit, into one grant valid for a year from the next day; carried leave is not carried again.

import type { FieldProblem } from '#commons/errors';
import { ValidationFailed } from '#commons/errors';
import { LEAVE_KIND_LABELS, LEAVE_KINDS, type LeaveKind } from '#kernel/attendance-kinds';
import { dayAfterMonths, formatDay, isDate, toDay } from './dates.ts';
import { accrueLeave, dailyMinutesOf, type LeaveGrant, type LeaveProfile, leaveMinutes, weeklyOnDay } from './rules.ts';

/** The leave kinds of the activity log's 근태 (functions/kernel/attendance-kinds.ts), in screen order. */
export const LEAVE_ENTRY_TYPES = LEAVE_KINDS;
export type LeaveEntryType = LeaveKind;

/** Korean names as the activity log and the list page show them. */
export const LEAVE_TYPE_LABELS: Record<LeaveEntryType, string> = LEAVE_KIND_LABELS;

/** Day fractions a leave entry may be given in: full day, half day (반차), quarter day (반반차). */
export const DAY_FRACTIONS = [0.25, 0.5, 0.75, 1] as const;

export interface LeaveEntry {
  date: string;
  type: LeaveEntryType;
  /** leave time in minutes, as the activity log records it */
  minutes?: number;
  /** or leave in contracted days: 1, 0.75, 0.5 or 0.25 */
  days?: number;
  /** why the assistant used more than the entitlement (초과 사용 사유) */
  reason?: string | null;
}

export interface CarryOverRule {
  /** at most this many contracted days carried from one lapse; converted like a grant (in hours) */
  limitDays: number;
}

export interface LedgerOptions {
  /** the day the ledger is drawn up to (inclusive); later entries are left out */
  asOf: string;
  /** dates on which leave use is not counted (see above) */
  restrictedDates?: readonly string[];
  /** null or absent: no carry-over (unused leave lapses, §60(7)) */
  carryOver?: CarryOverRule | null;
}

export interface GrantState extends LeaveGrant {
  usedMinutes: number;
  /** unused and lapsed (소멸) */
  lapsedMinutes: number;
  /** unused and carried into a carry-over grant */
  carriedMinutes: number;
  /** still usable on the ledger's day */
  remainingMinutes: number;
}

export interface UseLine {
  /** index of the entry in the caller's list */
  entryIndex: number;
  date: string;
  minutes: number;
  restricted: boolean;
  /** minutes taken from each grant (index into the ledger's grants) */
  takenFrom: { grant: number; minutes: number }[];
  /** minutes not covered by any usable grant: use in excess of the entitlement */
  excessMinutes: number;
  reasonRequired: boolean;
  reason: string | null;
}

export interface LeaveLedger {
  asOf: string;
  dailyMinutes: number;
  grants: GrantState[];
  uses: UseLine[];
  /** usable minutes on the ledger's day */
  balanceMinutes: number;
  excessMinutes: number;
  /** one problem per excess use without a reason */
  missingReasons: FieldProblem[];
}

const MAX_REASON_LENGTH = 500;

/** Minutes of an entry: its minutes, or its days × the contracted day (rounded to the minute). */
export function entryMinutes(entry: LeaveEntry, dailyMinutes: number): number {
  return entry.minutes ?? Math.round((entry.days ?? 0) * dailyMinutes);
}

function entryLabel(index: number, entry: LeaveEntry | undefined): string {
  const date = entry !== undefined && isDate(entry.date) ? ` (${entry.date})` : '';
  return `휴가 ${index + 1}번째${date}`;
}

/** Every problem with the leave entries, each naming the entry and how to fix it. Empty when valid. */
export function checkLeaveEntries(entries: readonly LeaveEntry[], profile: LeaveProfile): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const hire = toDay(profile.hireDate);
  const end = profile.endDate == null ? Number.POSITIVE_INFINITY : toDay(profile.endDate);
  entries.forEach((entry, index) => {
    const at = (field: string, fieldLabel: string, message: string) =>
      problems.push({ field: `entries.${index}.${field}`, label: fieldLabel, message });
    const name = entryLabel(index, entry);
    if (!isDate(entry.date)) {
      at('date', '휴가 날짜', `${name}의 날짜를 YYYY-MM-DD 형식의 실제 날짜로 넣어 주세요.`);
    } else if (toDay(entry.date) < hire || toDay(entry.date) > end) {
      at('date', '휴가 날짜', `${name}의 날짜가 재직 기간 밖입니다. 입사일과 퇴사일 사이의 날짜로 고쳐 주세요.`);
    }
    if (!(LEAVE_ENTRY_TYPES as readonly string[]).includes(entry.type)) {
      at(
        'type',
        '휴가 종류',
        `${name}의 휴가 종류를 ${Object.values(LEAVE_TYPE_LABELS).join(', ')} 중에서 골라 주세요.`,
      );
    }
    const hasMinutes = entry.minutes !== undefined;
    const hasDays = entry.days !== undefined;
    if (hasMinutes === hasDays) {
      at('minutes', '휴가 시간', `${name}의 휴가는 시간(분) 또는 일수 중 하나만 넣어 주세요.`);
    } else if (hasMinutes) {
      const minutes = entry.minutes!;
      if (!Number.isInteger(minutes) || minutes < 1 || minutes > 1440) {
        at('minutes', '휴가 시간', `${name}의 휴가 시간은 1분부터 1440분(24시간) 사이의 정수로 넣어 주세요.`);
      }
    } else if (!(DAY_FRACTIONS as readonly number[]).includes(entry.days!)) {
      at('days', '휴가 일수', `${name}의 휴가 일수는 1일, 0.75일, 0.5일(반차), 0.25일(반반차) 중 하나로 넣어 주세요.`);
    }
    if (entry.reason != null && entry.reason.length > MAX_REASON_LENGTH) {
      at(
        'reason',
        '초과 사용 사유',
        `${name}의 초과 사용 사유는 ${MAX_REASON_LENGTH}자까지 쓸 수 있습니다. 줄여 주세요.`,
      );
    }
  });
  return problems;
}

function checkOptions(options: LedgerOptions): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!isDate(options.asOf)) {
    problems.push({ field: 'asOf', label: '기준일', message: '기준일을 YYYY-MM-DD 형식의 실제 날짜로 넣어 주세요.' });
  }
  (options.restrictedDates ?? []).forEach((date, index) => {
    if (!isDate(date)) {
      problems.push({
        field: `restrictedDates.${index}`,
        label: '사용제한일',
        message: `사용제한일 ${index + 1}번째 값 "${date}"은(는) 날짜가 아닙니다. YYYY-MM-DD 형식으로 넣어 주세요.`,
      });
    }
  });
  const carry = options.carryOver;
  if (carry != null && (!Number.isInteger(carry.limitDays) || carry.limitDays < 0 || carry.limitDays > 25)) {
    problems.push({
      field: 'carryOver.limitDays',
      label: '이월 한도',
      message: '이월 한도는 0일부터 25일 사이의 정수로 넣어 주세요. 이월하지 않으려면 설정을 끄세요.',
    });
  }
  return problems;
}

/**
 * How much of `requestedMinutes` goes beyond `availableMinutes`, and whether a reason is then
 * required (seed 000: 연차초과사용에 대한 사유 기재).
 */
export function excessUse(
  availableMinutes: number,
  requestedMinutes: number,
): { excessMinutes: number; reasonRequired: boolean } {
  const excessMinutes = Math.max(0, requestedMinutes - Math.max(0, availableMinutes));
  return { excessMinutes, reasonRequired: excessMinutes > 0 };
}

interface WorkingGrant extends GrantState {
  start: number;
  until: number;
  settled: boolean;
}

/**
 * The leave ledger of one assistant on `options.asOf`: grants from accrueLeave, uses in date order,
 * lapses and carry-overs. Throws ValidationFailed when the profile, the entries or the options are
 * not usable; an excess use without a reason is not an error here but is listed in missingReasons,
 * so the screen can ask for the reason next to the entry.
 */
export function leaveLedger(
  profile: LeaveProfile,
  entries: readonly LeaveEntry[],
  options: LedgerOptions,
): LeaveLedger {
  const problems = [...checkOptions(options), ...checkLeaveEntries(entries, profile)];
  if (problems.length > 0) throw new ValidationFailed(problems, '연차 사용 내역을 확인해 주세요.');
  const asOf = toDay(options.asOf);
  const dailyMinutes = dailyMinutesOf(profile);
  const restricted = new Set((options.restrictedDates ?? []).map(toDay));
  const grants: WorkingGrant[] = accrueLeave(profile, options.asOf).map((grant) => ({
    ...grant,
    start: toDay(grant.accrualDate),
    until: toDay(grant.validUntil),
    usedMinutes: 0,
    lapsedMinutes: 0,
    carriedMinutes: 0,
    remainingMinutes: grant.minutes,
    settled: false,
  }));

  // Lapse (or carry) every grant whose last usable day is before `day`, earliest first; a carry-over
  // grant made on the way may itself lapse before `day`, so loop until nothing is left to settle.
  const settleBefore = (day: number) => {
    for (;;) {
      let lastDay = Number.POSITIVE_INFINITY;
      for (const grant of grants) if (!grant.settled && grant.until < day) lastDay = Math.min(lastDay, grant.until);
      if (lastDay === Number.POSITIVE_INFINITY) return;
      const lapsing = grants.filter((grant) => !grant.settled && grant.until === lastDay);
      let room = 0;
      const carry = options.carryOver;
      if (carry != null && carry.limitDays > 0) {
        room = leaveMinutes(carry.limitDays, weeklyOnDay(profile, lastDay));
      }
      let carried = 0;
      for (const grant of lapsing) {
        grant.settled = true;
        const keep = grant.kind === 'carryOver' ? 0 : Math.min(grant.remainingMinutes, room - carried);
        grant.carriedMinutes = keep;
        grant.lapsedMinutes = grant.remainingMinutes - keep;
        grant.remainingMinutes = 0;
        carried += keep;
      }
      if (carried > 0) {
        const from = lastDay + 1;
        const until = dayAfterMonths(from, 12) - 1;
        grants.push({
          kind: 'carryOver',
          accrualDate: formatDay(from),
          validUntil: formatDay(until),
          fullTimeDays: 0,
          minutes: carried,
          weeklyContractMinutes: weeklyOnDay(profile, lastDay),
          serviceCount: 0,
          basis: `이월: ${formatDay(lastDay)}까지 쓰지 않은 연차 중 한도(${carry!.limitDays}일) 안에서 이월`,
          start: from,
          until,
          usedMinutes: 0,
          lapsedMinutes: 0,
          carriedMinutes: 0,
          remainingMinutes: carried,
          settled: false,
        });
      }
    }
  };

  const order = entries
    .map((entry, index) => ({ entry, index, day: toDay(entry.date) }))
    .filter((item) => item.entry.type === 'annualLeave' && item.day <= asOf)
    .sort((a, b) => a.day - b.day || a.index - b.index);

  const uses: UseLine[] = [];
  const missingReasons: FieldProblem[] = [];
  let excessTotal = 0;
  for (const { entry, index, day } of order) {
    settleBefore(day);
    const minutes = entryMinutes(entry, dailyMinutes);
    const isRestricted = restricted.has(day);
    const takenFrom: UseLine['takenFrom'] = [];
    let left = isRestricted ? 0 : minutes;
    if (left > 0) {
      const usable = grants
        .map((grant, g) => ({ grant, g }))
        .filter(({ grant }) => grant.start <= day && day <= grant.until && grant.remainingMinutes > 0)
        .sort(
          (a, b) =>
            a.grant.until - b.grant.until ||
            a.grant.start - b.grant.start ||
            // carried leave is the older leave even when it starts on the same day as a new grant
            Number(b.grant.kind === 'carryOver') - Number(a.grant.kind === 'carryOver') ||
            a.g - b.g,
        );
      for (const { grant, g } of usable) {
        if (left === 0) break;
        const take = Math.min(left, grant.remainingMinutes);
        grant.remainingMinutes -= take;
        grant.usedMinutes += take;
        takenFrom.push({ grant: g, minutes: take });
        left -= take;
      }
    }
    const reason = entry.reason?.trim() ? entry.reason.trim() : null;
    const { excessMinutes, reasonRequired } = excessUse(minutes - left, minutes);
    excessTotal += excessMinutes;
    if (reasonRequired && reason === null) {
      missingReasons.push({
        field: `entries.${index}.reason`,
        label: '초과 사용 사유',
        message: `${entry.date} 연차 사용이 남은 연차보다 ${formatMinutes(excessMinutes)} 많습니다. 초과 사용 사유를 적어 주세요.`,
      });
    }
    uses.push({
      entryIndex: index,
      date: entry.date,
      minutes,
      restricted: isRestricted,
      takenFrom,
      excessMinutes,
      reasonRequired,
      reason,
    });
  }
  settleBefore(asOf);

  let balanceMinutes = 0;
  for (const grant of grants) if (grant.start <= asOf && asOf <= grant.until) balanceMinutes += grant.remainingMinutes;
  return {
    asOf: options.asOf,
    dailyMinutes,
    grants: grants.map(({ start: _start, until: _until, settled: _settled, ...grant }) => grant),
    uses,
    balanceMinutes,
    excessMinutes: excessTotal,
    missingReasons,
  };
}

/** "2시간 30분", "45분": a length of time in Korean. */
export function formatMinutes(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest}분`;
  return rest === 0 ? `${hours}시간` : `${hours}시간 ${rest}분`;
}
