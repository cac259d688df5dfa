// Annual leave under the Labor Standards Act (근로기준법 §60): how much leave a work assistant earns,
// on which day, and until when it can be used. Pure: no clock, no I/O, no AWS.
//
// Unit: whole minutes. Part-time leave is granted in hours (시행령 별표 2 제4호), and leave use is logged
// in the activity log as times, so minutes hold both exactly; a full-time day is 480 minutes. Screens
// turn minutes into "n일 n시간" with formatLeaveAmount, using the assistant's contracted day.
//
// Dates: YYYY-MM-DD strings in, YYYY-MM-DD strings out; day numbers inside (see dates.ts).

import type { FieldProblem } from '#commons/errors';
import { ValidationFailed } from '#commons/errors';
import { weekdayFromMonday } from '#kernel/calendar';
import { dayAfterMonths, formatDay, isDate, isMonthDay, monthDayIn, toDay } from './dates.ts';

/** 40 hours (§50): a contract at this level is full-time. */
export const FULL_TIME_WEEKLY_MINUTES = 2400;
/** Under 15 hours a week there is no annual leave (§18(3), 초단시간근로자). */
export const MIN_WEEKLY_MINUTES = 900;
export const STANDARD_DAY_MINUTES = 480;
/** §60(2): at most 11 days in the first year (the 12th month coincides with the 15-day grant). */
export const FIRST_YEAR_MAX_DAYS = 11;
/** §60(1). */
export const BASE_ANNUAL_DAYS = 15;
/** §60(4). */
export const MAX_ANNUAL_DAYS = 25;

// ─── The statute's arithmetic, in full-time days ──────────────────────────────────────────────────

export interface AttendanceFacts {
  /** §60(1): attended at least 80% of the scheduled days of the year just completed */
  attendanceMet: boolean;
  /** months of the period with no unexcused absence (개근) */
  fullAttendanceMonths: number;
}

/**
 * Full-time days granted on reaching `completedYears` years of service (0 = within the first year).
 * - first year: one day per fully attended month, at most 11 (§60(2));
 * - from one year with ≥ 80% attendance: 15 days plus one day per two years beyond the first, at most
 *   25 (§60(1), §60(4)): 1–2 years 15, 3–4 years 16, 5–6 years 17 … 21 years and over 25;
 * - from one year with < 80% attendance: one day per fully attended month of that year (§60(2)).
 * Days used in the first year are not deducted from the 15 (§60(3) was repealed from 2018-05-29).
 */
export function entitlementDays(completedYears: number, attendance: AttendanceFacts): number {
  const months = Math.max(0, Math.floor(attendance.fullAttendanceMonths));
  if (completedYears < 1) return Math.min(FIRST_YEAR_MAX_DAYS, months);
  if (!attendance.attendanceMet) return Math.min(MAX_ANNUAL_DAYS, months);
  return Math.min(MAX_ANNUAL_DAYS, BASE_ANNUAL_DAYS + Math.floor((completedYears - 1) / 2));
}

/** §60(1): attended ≥ 80% of scheduled days. Exact in integers: 5 × attended ≥ 4 × scheduled. */
export function attendanceMet(scheduledDays: number, absentDays: number): boolean {
  // A year without a single scheduled day has nothing to attend; no attendance-based leave arises.
  if (scheduledDays <= 0) return false;
  return 5 * (scheduledDays - Math.min(absentDays, scheduledDays)) >= 4 * scheduledDays;
}

/**
 * Minutes of leave for `days` full-time days under a weekly contract, optionally for a share of a
 * year (fiscal-year pro rata). 시행령 별표 2: part-time leave = full-time days × (contracted weekly
 * hours ÷ 40) × 8 hours, in hours, an hour's fraction counting as a whole hour. Under 15 h a week: 0.
 * Full-time (40 h) whole days come out exact: days × 480.
 */
export function leaveMinutes(
  days: number,
  weeklyContractMinutes: number,
  share: { numerator: number; denominator: number } = { numerator: 1, denominator: 1 },
): number {
  if (days <= 0 || weeklyContractMinutes < MIN_WEEKLY_MINUTES || share.numerator <= 0) return 0;
  const weekly = Math.min(weeklyContractMinutes, FULL_TIME_WEEKLY_MINUTES);
  // hours = days × 8 × weekly / 2400 × share = days × weekly × num / (300 × den); round up to an hour
  const numerator = days * weekly * share.numerator;
  const denominator = 300 * share.denominator;
  return Math.ceil(numerator / denominator) * 60;
}

/** The contracted working day in minutes: weekly ÷ 5 (a five-day week), at most 8 hours. */
export function contractDayMinutes(weeklyContractMinutes: number): number {
  return Math.round(Math.min(weeklyContractMinutes, FULL_TIME_WEEKLY_MINUTES) / 5);
}

// ─── Accrual over a working life ──────────────────────────────────────────────────────────────────

export type AccrualBasis = 'hireDate' | 'fiscalYear';

export interface ContractChange {
  /** first day the new weekly hours apply */
  from: string;
  weeklyContractMinutes: number;
}

export interface LeaveProfile {
  hireDate: string;
  /** last day of employment (퇴사일), or null while employed */
  endDate?: string | null;
  /** contracted weekly working time (주 소정근로시간) in minutes, at most 2,400 (40 h) */
  weeklyContractMinutes: number;
  /** later changes of the weekly contract; the one in force on an accrual day applies to that grant */
  contractChanges?: readonly ContractChange[];
  /** one working day in minutes, to show and enter leave in days; default weekly ÷ 5 (at most 480) */
  dailyContractMinutes?: number;
  /** 입사일 기준 (default) or 회계연도 기준 */
  basis?: AccrualBasis;
  /** MM-DD on which the fiscal year starts; default 01-01 */
  fiscalYearStart?: string;
  /**
   * Days of unexcused absence (결근). Days the statute counts as attended (§60(6): industrial injury,
   * maternity and parental leave, and the like) must not be listed.
   */
  absenceDates?: readonly string[];
  /** scheduled days off besides the weekly rest days: public holidays, agreed days off */
  nonWorkingDates?: readonly string[];
  /** scheduled weekdays, 0 = Monday … 6 = Sunday; default Monday–Friday */
  workingWeekdays?: readonly number[];
}

export type GrantKind = 'monthly' | 'annual' | 'lowAttendance' | 'proRata' | 'carryOver';

export const GRANT_KIND_LABELS: Record<GrantKind, string> = {
  monthly: '1년 미만 월 개근 연차',
  annual: '연차',
  lowAttendance: '출근율 80% 미만 월 개근 연차',
  proRata: '회계연도 비례 연차',
  carryOver: '이월 연차',
};

export interface AttendanceRecord {
  from: string;
  to: string;
  scheduledDays: number;
  absentDays: number;
  attendanceMet: boolean;
  fullAttendanceMonths: number;
}

export interface LeaveGrant {
  kind: GrantKind;
  /** the day the leave arises; it can be used from this day */
  accrualDate: string;
  /** the last day it can be used (§60(7)); afterwards it lapses or is carried over */
  validUntil: string;
  /** full-time days behind the grant (for a fiscal-year pro rata grant: 15 × share, not rounded) */
  fullTimeDays: number;
  /** what the assistant gets, after pro rata and rounding */
  minutes: number;
  /** the weekly contract in force on the accrual day */
  weeklyContractMinutes: number;
  /** completed months (monthly grants) or years (others) of service, or fiscal years counted */
  serviceCount: number;
  /** the attendance the grant was decided on, when it depends on attendance */
  attendance?: AttendanceRecord;
  /** why, in Korean, with the statute */
  basis: string;
}

function label(field: string): string {
  return FIELD_LABELS[field] ?? field;
}

const FIELD_LABELS: Record<string, string> = {
  hireDate: '입사일',
  endDate: '퇴사일',
  weeklyContractMinutes: '주 소정근로시간',
  dailyContractMinutes: '1일 소정근로시간',
  basis: '연차 산정 기준',
  fiscalYearStart: '회계연도 시작일',
  absenceDates: '결근일',
  nonWorkingDates: '휴무일',
  workingWeekdays: '근무 요일',
  contractChanges: '근로시간 변경',
};

function problem(field: string, message: string, labelText = label(field.split('.')[0]!)): FieldProblem {
  return { field, label: labelText, message };
}

function checkWeekly(value: unknown, field: string, problems: FieldProblem[]): void {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    problems.push(problem(field, '주 소정근로시간을 0 이상의 정수(분)로 넣어 주세요. 예: 주 40시간은 2400입니다.'));
  } else if (value > FULL_TIME_WEEKLY_MINUTES) {
    problems.push(
      problem(field, '주 소정근로시간은 40시간(2,400분)을 넘을 수 없습니다 (근로기준법 제50조). 값을 고쳐 주세요.'),
    );
  }
}

function checkDateList(value: unknown, field: string, what: string, problems: FieldProblem[]): void {
  if (value === undefined) return;
  if (!Array.isArray(value)) {
    problems.push(problem(field, `${what}은(는) 날짜 목록으로 넣어 주세요.`));
    return;
  }
  value.forEach((item, index) => {
    if (!isDate(item)) {
      problems.push(
        problem(
          `${field}.${index}`,
          `${what} ${index + 1}번째 값 "${String(item)}"은(는) 날짜가 아닙니다. YYYY-MM-DD 형식의 실제 날짜로 넣어 주세요.`,
        ),
      );
    }
  });
}

/** Every problem with a leave profile, each naming the field and how to fix it. Empty when valid. */
export function checkLeaveProfile(profile: LeaveProfile): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!isDate(profile.hireDate)) {
    problems.push(problem('hireDate', '입사일을 YYYY-MM-DD 형식의 실제 날짜로 넣어 주세요. 예: 2026-03-02'));
  }
  if (profile.endDate != null) {
    if (!isDate(profile.endDate)) {
      problems.push(problem('endDate', '퇴사일을 YYYY-MM-DD 형식의 실제 날짜로 넣거나 비워 두세요.'));
    } else if (isDate(profile.hireDate) && toDay(profile.endDate) < toDay(profile.hireDate)) {
      problems.push(problem('endDate', '퇴사일이 입사일보다 앞섭니다. 두 날짜를 확인해 주세요.'));
    }
  }
  checkWeekly(profile.weeklyContractMinutes, 'weeklyContractMinutes', problems);
  const changes = profile.contractChanges ?? [];
  changes.forEach((change, index) => {
    if (!isDate(change.from)) {
      problems.push(
        problem(
          `contractChanges.${index}.from`,
          `근로시간 변경 ${index + 1}번째의 적용 시작일을 YYYY-MM-DD 형식의 실제 날짜로 넣어 주세요.`,
        ),
      );
    }
    checkWeekly(change.weeklyContractMinutes, `contractChanges.${index}.weeklyContractMinutes`, problems);
  });
  const daily = profile.dailyContractMinutes;
  if (daily !== undefined && (!Number.isInteger(daily) || daily < 1 || daily > STANDARD_DAY_MINUTES)) {
    problems.push(
      problem('dailyContractMinutes', '1일 소정근로시간은 1분부터 480분(8시간) 사이의 정수로 넣어 주세요.'),
    );
  }
  if (profile.basis !== undefined && profile.basis !== 'hireDate' && profile.basis !== 'fiscalYear') {
    problems.push(
      problem('basis', '연차 산정 기준은 입사일 기준(hireDate) 또는 회계연도 기준(fiscalYear) 중에서 골라 주세요.'),
    );
  }
  if (profile.fiscalYearStart !== undefined && !isMonthDay(profile.fiscalYearStart)) {
    problems.push(
      problem(
        'fiscalYearStart',
        '회계연도 시작일을 MM-DD 형식으로 넣어 주세요. 예: 01-01 (2월 29일은 쓸 수 없습니다).',
      ),
    );
  }
  checkDateList(profile.absenceDates, 'absenceDates', '결근일', problems);
  checkDateList(profile.nonWorkingDates, 'nonWorkingDates', '휴무일', problems);
  const weekdays = profile.workingWeekdays;
  if (
    weekdays !== undefined &&
    (!Array.isArray(weekdays) || weekdays.length === 0 || weekdays.some((d) => !Number.isInteger(d) || d < 0 || d > 6))
  ) {
    problems.push(
      problem('workingWeekdays', '근무 요일을 하나 이상 골라 주세요. 값은 0(월요일)부터 6(일요일)까지의 숫자입니다.'),
    );
  }
  return problems;
}

/** Throws ValidationFailed with every problem when the profile is not usable. */
export function assertLeaveProfile(profile: LeaveProfile): void {
  const problems = checkLeaveProfile(profile);
  if (problems.length > 0) throw new ValidationFailed(problems, '연차 산정에 필요한 근로자 정보를 확인해 주세요.');
}

/** The contracted day used to show and enter leave in days. */
export function dailyMinutesOf(profile: LeaveProfile): number {
  return profile.dailyContractMinutes ?? contractDayMinutes(profile.weeklyContractMinutes);
}

/** Scheduled days and absences over day numbers [from, to], both inclusive. */
class AttendanceCalendar {
  private readonly absences: Set<number>;
  private readonly offDays: Set<number>;
  private readonly weekdays: Set<number>;

  constructor(profile: LeaveProfile) {
    this.absences = new Set((profile.absenceDates ?? []).map(toDay));
    this.offDays = new Set((profile.nonWorkingDates ?? []).map(toDay));
    this.weekdays = new Set(profile.workingWeekdays ?? [0, 1, 2, 3, 4]);
  }

  isScheduled(day: number): boolean {
    return this.weekdays.has(weekdayFromMonday(day)) && !this.offDays.has(day);
  }

  /** An absence counts only on a scheduled day: there is nothing to be absent from on a day off. */
  absentDays(from: number, to: number): number {
    let count = 0;
    for (const day of this.absences) if (day >= from && day <= to && this.isScheduled(day)) count++;
    return count;
  }

  scheduledDays(from: number, to: number): number {
    let count = 0;
    for (let day = from; day <= to; day++) if (this.isScheduled(day)) count++;
    return count;
  }

  /** Months counted from `start` (Civil Act periods), `count` of them, that have no absence. */
  fullMonths(start: number, count: number): number {
    let full = 0;
    for (let m = 1; m <= count; m++) {
      if (this.absentDays(dayAfterMonths(start, m - 1), dayAfterMonths(start, m) - 1) === 0) full++;
    }
    return full;
  }

  record(from: number, to: number, start: number, months: number): AttendanceRecord {
    const scheduledDays = this.scheduledDays(from, to);
    const absentDays = this.absentDays(from, to);
    return {
      from: formatDay(from),
      to: formatDay(to),
      scheduledDays,
      absentDays,
      attendanceMet: attendanceMet(scheduledDays, absentDays),
      fullAttendanceMonths: this.fullMonths(start, months),
    };
  }
}

/** The weekly contract in force on a day number: the latest change from on or before it. */
export function weeklyOnDay(profile: LeaveProfile, day: number): number {
  let weekly = profile.weeklyContractMinutes;
  let since = Number.NEGATIVE_INFINITY;
  for (const change of profile.contractChanges ?? []) {
    const from = toDay(change.from);
    if (from <= day && from >= since) {
      weekly = change.weeklyContractMinutes;
      since = from;
    }
  }
  return weekly;
}

const MAX_SERVICE_YEARS = 80;

/**
 * Every grant that has arisen by `asOf` (inclusive), in accrual order. A grant arises only if the
 * assistant is still employed on its accrual day, the day after the period is complete (대법원
 * 2021. 10. 14. 선고 2021다227100; 고용노동부 행정해석 2021. 12. 16.): working exactly one year gives
 * the monthly days but not the 15. Grants of zero minutes (e.g. under 15 hours a week) are left out.
 */
export function accrueLeave(profile: LeaveProfile, asOf: string): LeaveGrant[] {
  assertLeaveProfile(profile);
  if (!isDate(asOf)) {
    throw new ValidationFailed([problem('asOf', '기준일을 YYYY-MM-DD 형식의 실제 날짜로 넣어 주세요.', '기준일')]);
  }
  const hire = toDay(profile.hireDate);
  const end = profile.endDate == null ? Number.POSITIVE_INFINITY : toDay(profile.endDate);
  const limit = Math.min(toDay(asOf), end);
  const calendar = new AttendanceCalendar(profile);
  const grants: LeaveGrant[] = [];
  const firstYearEnd = dayAfterMonths(hire, 12) - 1;

  // §60(2): first year, one day per fully attended month, accruing the day after each month.
  for (let m = 1; m <= FIRST_YEAR_MAX_DAYS; m++) {
    const accrual = dayAfterMonths(hire, m);
    if (accrual > limit) break;
    const monthStart = dayAfterMonths(hire, m - 1);
    if (calendar.absentDays(monthStart, accrual - 1) > 0) continue;
    const weekly = weeklyOnDay(profile, accrual);
    const minutes = leaveMinutes(1, weekly);
    if (minutes === 0) continue;
    grants.push({
      kind: 'monthly',
      accrualDate: formatDay(accrual),
      // §60(7) 단서: first-year leave is used by the end of the first year.
      validUntil: formatDay(firstYearEnd),
      fullTimeDays: 1,
      minutes,
      weeklyContractMinutes: weekly,
      serviceCount: m,
      basis: `근로기준법 제60조제2항: 입사 ${m}개월째(${formatDay(monthStart)}~${formatDay(accrual - 1)}) 개근`,
    });
  }

  const fiscalStart = profile.fiscalYearStart ?? '01-01';
  const hireIsFiscalStart = formatDay(hire).slice(5) === fiscalStart;
  if (profile.basis === 'fiscalYear' && !hireIsFiscalStart) {
    grants.push(...fiscalYearGrants(profile, hire, limit, fiscalStart, calendar));
  } else {
    // 입사일 기준 (and 회계연도 기준 for someone hired on the fiscal year's first day: the same dates).
    for (let n = 1; n <= MAX_SERVICE_YEARS; n++) {
      const accrual = dayAfterMonths(hire, 12 * n);
      if (accrual > limit) break;
      const yearStart = dayAfterMonths(hire, 12 * (n - 1));
      const attendance = calendar.record(yearStart, accrual - 1, yearStart, 12);
      const grant = yearGrant(profile, n, accrual, dayAfterMonths(hire, 12 * (n + 1)) - 1, attendance);
      if (grant !== undefined) grants.push(grant);
    }
  }
  return grants;
}

function yearGrant(
  profile: LeaveProfile,
  serviceCount: number,
  accrual: number,
  validUntil: number,
  attendance: AttendanceRecord,
  countedAs = `근속 ${serviceCount}년`,
): LeaveGrant | undefined {
  const days = entitlementDays(serviceCount, attendance);
  const weekly = weeklyOnDay(profile, accrual);
  const minutes = leaveMinutes(days, weekly);
  if (minutes === 0) return undefined;
  const extra = days - BASE_ANNUAL_DAYS;
  const basis = attendance.attendanceMet
    ? `근로기준법 제60조제1항${extra > 0 ? `·제4항: ${countedAs}, 15일 + 가산 ${extra}일` : `: ${countedAs}, 출근율 80% 이상`}`
    : `근로기준법 제60조제2항: 출근율 80% 미만(${attendance.scheduledDays - attendance.absentDays}/${attendance.scheduledDays}일), 개근한 달 ${attendance.fullAttendanceMonths}개월`;
  return {
    kind: attendance.attendanceMet ? 'annual' : 'lowAttendance',
    accrualDate: formatDay(accrual),
    validUntil: formatDay(validUntil),
    fullTimeDays: days,
    minutes,
    weeklyContractMinutes: weekly,
    serviceCount,
    attendance,
    basis: weekly < FULL_TIME_WEEKLY_MINUTES ? `${basis} (단시간 비례: 주 ${weekly / 60}시간 ÷ 40시간)` : basis,
  };
}

/**
 * 회계연도 기준 (고용노동부 행정해석: allowed for convenience if never less favourable overall):
 * - the first-year monthly days as on the hire-date basis (above);
 * - on the first fiscal-year start after hiring, 15 days × (days served in that fiscal year ÷ its days)
 *   if attendance over those days was ≥ 80%, in hours rounded up;
 * - on the k-th fiscal-year start (k ≥ 2), the §60(1)/(4) days counting k years of service (the partial
 *   first year counts as one, so extra days come no later than on the hire-date basis).
 * Settling the difference to the hire-date basis when the assistant leaves is not done here.
 */
function fiscalYearGrants(
  profile: LeaveProfile,
  hire: number,
  limit: number,
  fiscalStart: string,
  calendar: AttendanceCalendar,
): LeaveGrant[] {
  const grants: LeaveGrant[] = [];
  const hireYear = Number(formatDay(hire).slice(0, 4));
  let first = monthDayIn(hireYear, fiscalStart);
  if (first <= hire) first = monthDayIn(hireYear + 1, fiscalStart);
  const fiscalAt = (k: number) => dayAfterMonths(first, 12 * (k - 1));

  if (first <= limit) {
    const previousStart = dayAfterMonths(first, -12);
    const served = first - hire;
    const yearDays = first - previousStart;
    const attendance = calendar.record(hire, first - 1, hire, 0);
    const weekly = weeklyOnDay(profile, first);
    const minutes = attendance.attendanceMet
      ? leaveMinutes(BASE_ANNUAL_DAYS, weekly, { numerator: served, denominator: yearDays })
      : 0;
    if (minutes > 0) {
      grants.push({
        kind: 'proRata',
        accrualDate: formatDay(first),
        validUntil: formatDay(fiscalAt(2) - 1),
        fullTimeDays: (BASE_ANNUAL_DAYS * served) / yearDays,
        minutes,
        weeklyContractMinutes: weekly,
        serviceCount: 1,
        attendance,
        basis: `회계연도 기준 비례 연차: 15일 × 재직 ${served}일 ÷ ${yearDays}일 (1시간 미만 올림)`,
      });
    }
  }
  for (let k = 2; k <= MAX_SERVICE_YEARS; k++) {
    const accrual = fiscalAt(k);
    if (accrual > limit) break;
    const yearStart = fiscalAt(k - 1);
    const attendance = calendar.record(yearStart, accrual - 1, yearStart, 12);
    const grant = yearGrant(profile, k, accrual, fiscalAt(k + 1) - 1, attendance, `회계연도 ${k}년째`);
    if (grant !== undefined) grants.push(grant);
  }
  return grants;
}

/** "15일", "1일 4시간", "2시간 30분", "0일": minutes shown in the assistant's contracted days. */
export function formatLeaveAmount(minutes: number, dailyMinutes: number): string {
  const sign = minutes < 0 ? '-' : '';
  let rest = Math.abs(minutes);
  const days = dailyMinutes > 0 ? Math.floor(rest / dailyMinutes) : 0;
  rest -= days * dailyMinutes;
  const hours = Math.floor(rest / 60);
  const mins = rest % 60;
  const parts: string[] = [];
  if (days > 0) parts.push(`${days}일`);
  if (hours > 0) parts.push(`${hours}시간`);
  if (mins > 0) parts.push(`${mins}분`);
  return parts.length === 0 ? '0일' : sign + parts.join(' ');
}
