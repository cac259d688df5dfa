// One row of the leave list page (seed 000, 연차관리 목록, by 적용년도): this year's accrual and use,
// what came in from the previous year, use with and without restricted days, and use by month for
// every leave type of the activity log. Built from the ledger; pure.
//
// Year bookkeeping: a grant lapses or is carried on the day after its last usable day, so a lapse or
// a carry-over belongs to the year of that next day; every minute is counted in exactly one year.

import { ValidationFailed } from '#commons/errors';
import { dayNumber } from '#kernel/calendar';
import { formatDay, toDay } from './dates.ts';
import {
  type CarryOverRule,
  entryMinutes,
  type GrantState,
  LEAVE_ENTRY_TYPES,
  type LeaveEntry,
  type LeaveEntryType,
  type LeaveLedger,
  leaveLedger,
} from './ledger.ts';
import type { LeaveProfile } from './rules.ts';

export interface LeaveGroup {
  /** minutes that arose in (or came into) the year */
  accruedMinutes: number;
  /** minutes of it used in the year */
  usedMinutes: number;
}

export interface LeaveYearRow {
  year: number;
  /** the day the figures are drawn up to: the asked day, or 31 December for a past year */
  asOf: string;
  dailyMinutes: number;
  /** 금년 연차 발생/사용: grants of one year of service or more (and fiscal pro rata) arising this year */
  annual: LeaveGroup;
  /** 금년 월차 발생/사용: first-year monthly grants arising this year */
  monthly: LeaveGroup;
  /** 전년이월 월차 발생/사용: first-year monthly leave from last year, still usable this year */
  carriedMonthly: LeaveGroup;
  /** last year's annual leave still usable this year, plus configured carry-over (이월) arriving this year */
  carriedAnnual: LeaveGroup;
  /** 사용일수: annual leave taken this year, restricted days included */
  usedMinutes: number;
  /** 사용일수(사용제한 일수 제외) */
  usedExcludingRestrictedMinutes: number;
  /** minutes per month (index 0 = January) for every leave type of the activity log */
  byMonth: Record<LeaveEntryType, number[]>;
  /** annual leave per month without restricted days (seed 000: 월별 사용일수(사용제한 일수 제외)) */
  annualLeaveByMonthExcludingRestricted: number[];
  /** use beyond the entitlement this year, and how many of those uses still lack a reason */
  excessMinutes: number;
  usesMissingReason: number;
  /** unused leave that lapsed this year (소멸), e.g. for 연차수당 or the promotion record */
  lapsedMinutes: number;
  /** usable on `asOf` */
  balanceMinutes: number;
}

export interface YearRowOptions {
  year: number;
  /** today, or any day; the row is drawn up to this day or the year's end, whichever is earlier */
  asOf: string;
  restrictedDates?: readonly string[];
  carryOver?: CarryOverRule | null;
}

const emptyMonths = () => new Array<number>(12).fill(0);

export function leaveYearRow(
  profile: LeaveProfile,
  entries: readonly LeaveEntry[],
  options: YearRowOptions,
): LeaveYearRow {
  if (!Number.isInteger(options.year) || options.year < 1900 || options.year > 2200) {
    throw new ValidationFailed([
      { field: 'year', label: '적용년도', message: '적용년도를 네 자리 연도로 넣어 주세요. 예: 2026' },
    ]);
  }
  const yearStart = dayNumber(options.year, 1, 1);
  const yearEnd = dayNumber(options.year, 12, 31);
  const asOfDay = Math.min(toDay(options.asOf), yearEnd);
  const ledger = leaveLedger(profile, entries, {
    asOf: Number.isNaN(asOfDay) ? options.asOf : formatDay(asOfDay),
    restrictedDates: options.restrictedDates,
    carryOver: options.carryOver,
  });
  return rowFromLedger(ledger, entries, options.year, new Set((options.restrictedDates ?? []).map(toDay)), yearStart);
}

function rowFromLedger(
  ledger: LeaveLedger,
  entries: readonly LeaveEntry[],
  year: number,
  restricted: Set<number>,
  yearStart: number,
): LeaveYearRow {
  const lastDay = toDay(ledger.asOf);
  const inYear = (day: number) => day >= yearStart && day <= lastDay;

  const usedBefore = new Array<number>(ledger.grants.length).fill(0);
  const usedInYear = new Array<number>(ledger.grants.length).fill(0);
  let excessMinutes = 0;
  let usesMissingReason = 0;
  for (const use of ledger.uses) {
    const day = toDay(use.date);
    const target = day < yearStart ? usedBefore : usedInYear;
    for (const { grant, minutes } of use.takenFrom) target[grant]! += minutes;
    if (inYear(day)) {
      excessMinutes += use.excessMinutes;
      if (use.reasonRequired && use.reason === null) usesMissingReason++;
    }
  }

  const annual: LeaveGroup = { accruedMinutes: 0, usedMinutes: 0 };
  const monthly: LeaveGroup = { accruedMinutes: 0, usedMinutes: 0 };
  const carriedMonthly: LeaveGroup = { accruedMinutes: 0, usedMinutes: 0 };
  const carriedAnnual: LeaveGroup = { accruedMinutes: 0, usedMinutes: 0 };
  let lapsedMinutes = 0;
  ledger.grants.forEach((grant: GrantState, g) => {
    const start = toDay(grant.accrualDate);
    const until = toDay(grant.validUntil);
    if (inYear(until + 1)) lapsedMinutes += grant.lapsedMinutes;
    let group: LeaveGroup | undefined;
    let accrued = grant.minutes;
    if (inYear(start)) {
      group = grant.kind === 'monthly' ? monthly : grant.kind === 'carryOver' ? carriedAnnual : annual;
    } else if (start < yearStart && until >= yearStart) {
      // came in from last year: what was left of it on 1 January
      group = grant.kind === 'monthly' ? carriedMonthly : carriedAnnual;
      accrued = grant.minutes - usedBefore[g]!;
    }
    if (group === undefined) return;
    group.accruedMinutes += accrued;
    group.usedMinutes += usedInYear[g]!;
  });

  const byMonth = Object.fromEntries(LEAVE_ENTRY_TYPES.map((type) => [type, emptyMonths()])) as Record<
    LeaveEntryType,
    number[]
  >;
  const annualLeaveByMonthExcludingRestricted = emptyMonths();
  let usedMinutes = 0;
  let usedExcludingRestrictedMinutes = 0;
  for (const entry of entries) {
    const day = toDay(entry.date);
    if (!inYear(day)) continue;
    const month = Number(entry.date.slice(5, 7)) - 1;
    const minutes = entryMinutes(entry, ledger.dailyMinutes);
    byMonth[entry.type][month]! += minutes;
    if (entry.type !== 'annualLeave') continue;
    usedMinutes += minutes;
    if (!restricted.has(day)) {
      usedExcludingRestrictedMinutes += minutes;
      annualLeaveByMonthExcludingRestricted[month]! += minutes;
    }
  }

  return {
    year,
    asOf: ledger.asOf,
    dailyMinutes: ledger.dailyMinutes,
    annual,
    monthly,
    carriedMonthly,
    carriedAnnual,
    usedMinutes,
    usedExcludingRestrictedMinutes,
    byMonth,
    annualLeaveByMonthExcludingRestricted,
    excessMinutes,
    usesMissingReason,
    lapsedMinutes,
    balanceMinutes: ledger.balanceMinutes,
  };
}
