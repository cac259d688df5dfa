// What the leave rules are fed, made from the records the product already keeps (pure, no I/O):
// - the profile: hire and leave dates from the assistant's registration, the weekly contract from an
//   agency setting when there is one, else from the weekly schedules of the assistant's matchings;
// - the leave entries: the activity log's leave types (근태), summed per day and type;
// - absences: the activity log's 결근 days; scheduled weekdays: the matchings' schedule days;
// - restricted days (사용제한일): leave logged on a public holiday or a day the schedule has no work anyway.

import type { PublicHolidays } from '#commons/holidays';
import type { AttendanceCode } from '#kernel/attendance-kinds';
import { attendanceOf, isLeave } from '#kernel/attendance-kinds';
import { weekdayFromMonday } from '#kernel/calendar';
import { isDate, toDay } from './dates.ts';
import type { LeaveEntry, LeaveEntryType } from './ledger.ts';
import { type AccrualBasis, type ContractChange, FULL_TIME_WEEKLY_MINUTES, type LeaveProfile } from './rules.ts';

export interface ScheduleSlot {
  /** 0 = Monday … 6 = Sunday */
  weekday: number;
  start: string;
  end: string;
}

export interface MatchingFacts {
  startDate: string;
  endDate: string;
  status: 'active' | 'ended';
  endedOn?: string;
  schedule: readonly ScheduleSlot[];
}

export interface ActivityFacts {
  date: string;
  attendance: AttendanceCode;
  leaveMinutes?: number;
  start: string;
  end: string;
}

export interface LeaveSettingFacts {
  weeklyContractMinutes: number;
  contractChanges: readonly ContractChange[];
  basis: AccrualBasis;
  fiscalYearStart?: string;
  carryOverLimitDays?: number;
}

export type WeeklySource = 'setting' | 'matchings' | 'default';

export const WEEKLY_SOURCE_LABELS: Record<WeeklySource, string> = {
  setting: '기관이 정한 연차 산정 설정',
  matchings: '매칭 일정(요일·시간)의 합',
  default: '근로시간 정보가 없어 주 40시간으로 계산',
};

const clock = (text: string) => Number(text.slice(0, 2)) * 60 + Number(text.slice(3, 5));

/** The last day a matching is in force: its end, or the day it was ended early. */
function lastDayOf(m: MatchingFacts): string {
  return m.status === 'ended' && m.endedOn && m.endedOn < m.endDate ? m.endedOn : m.endDate;
}

function inForce(m: MatchingFacts, date: string): boolean {
  return m.startDate <= date && date <= lastDayOf(m);
}

/**
 * The weekly minutes of a set of matchings: per weekday the union of their times, so an assistant
 * supporting two workers at the same hours (1:2) works those hours once. At most 40 hours.
 */
export function weeklyMinutesOf(matchings: readonly MatchingFacts[]): number {
  let total = 0;
  for (let weekday = 0; weekday < 7; weekday++) {
    const spans = matchings
      .flatMap((m) => m.schedule.filter((s) => s.weekday === weekday))
      .map((s) => [clock(s.start), clock(s.end)] as const)
      .filter(([a, b]) => b > a)
      .sort((x, y) => x[0] - y[0]);
    let coveredTo = -1;
    for (const [a, b] of spans) {
      const from = Math.max(a, coveredTo);
      if (b > from) total += b - from;
      coveredTo = Math.max(coveredTo, b);
    }
  }
  return Math.min(total, FULL_TIME_WEEKLY_MINUTES);
}

/** The matchings that say what the assistant works on `asOf`: those in force, else the latest ones before. */
export function currentMatchings(matchings: readonly MatchingFacts[], asOf: string): MatchingFacts[] {
  const now = matchings.filter((m) => inForce(m, asOf));
  if (now.length > 0) return now;
  const before = matchings.filter((m) => m.startDate <= asOf);
  if (before.length === 0) return [];
  const latest = before.reduce((a, b) => (lastDayOf(a) >= lastDayOf(b) ? a : b));
  return before.filter((m) => lastDayOf(m) === lastDayOf(latest));
}

export interface ProfileFacts {
  hireDate: string;
  leaveDate?: string | null;
  setting?: LeaveSettingFacts;
  matchings: readonly MatchingFacts[];
  activity: readonly ActivityFacts[];
  asOf: string;
}

export interface DerivedProfile {
  profile: LeaveProfile;
  weeklySource: WeeklySource;
}

/** The leave profile of one assistant on `asOf`, and where its weekly contract came from. */
export function deriveProfile(facts: ProfileFacts): DerivedProfile {
  const current = currentMatchings(facts.matchings, facts.asOf);
  const fromMatchings = weeklyMinutesOf(current);
  const weeklySource: WeeklySource = facts.setting ? 'setting' : fromMatchings > 0 ? 'matchings' : 'default';
  const weeklyContractMinutes =
    weeklySource === 'setting'
      ? facts.setting!.weeklyContractMinutes
      : weeklySource === 'matchings'
        ? fromMatchings
        : FULL_TIME_WEEKLY_MINUTES;
  const weekdays = [...new Set(facts.matchings.flatMap((m) => m.schedule.map((s) => s.weekday)))].sort();
  const absenceDates = [
    ...new Set(
      facts.activity.filter((a) => a.attendance === 'absence' && withinEmployment(facts, a.date)).map((a) => a.date),
    ),
  ].sort();
  const profile: LeaveProfile = {
    hireDate: facts.hireDate,
    endDate: facts.leaveDate ?? null,
    weeklyContractMinutes,
    contractChanges: facts.setting?.contractChanges ?? [],
    basis: facts.setting?.basis ?? 'hireDate',
    absenceDates,
    ...(facts.setting?.fiscalYearStart ? { fiscalYearStart: facts.setting.fiscalYearStart } : {}),
    ...(weekdays.length > 0 ? { workingWeekdays: weekdays } : {}),
  };
  return { profile, weeklySource };
}

function withinEmployment(facts: { hireDate: string; leaveDate?: string | null }, date: string): boolean {
  return isDate(date) && date >= facts.hireDate && (!facts.leaveDate || date <= facts.leaveDate);
}

/** Minutes of one logged leave: its 휴가시간, else the span of the entry. */
function loggedMinutes(a: ActivityFacts): number {
  return a.leaveMinutes ?? Math.max(0, clock(a.end) - clock(a.start));
}

/**
 * The activity log's leave as ledger entries: one per day and leave type, the day's times summed (an
 * assistant may log leave in more than one worker's log, each for part of the day), at most 24 hours.
 * Entries outside the employment are left out: they belong to another registration.
 */
export function leaveEntriesFrom(
  activity: readonly ActivityFacts[],
  employment: { hireDate: string; leaveDate?: string | null },
  reasons: ReadonlyMap<string, string> = new Map(),
): LeaveEntry[] {
  const sums = new Map<string, { date: string; type: LeaveEntryType; minutes: number }>();
  for (const a of activity) {
    if (!isLeave(a.attendance) || !withinEmployment(employment, a.date)) continue;
    const type = attendanceOf(a.attendance).leaveKind!;
    const key = `${a.date}|${type}`;
    const minutes = loggedMinutes(a);
    const found = sums.get(key);
    if (found) found.minutes += minutes;
    else sums.set(key, { date: a.date, type, minutes });
  }
  return [...sums.values()]
    .filter((s) => s.minutes > 0)
    .sort((a, b) => a.date.localeCompare(b.date) || a.type.localeCompare(b.type))
    .map((s) => ({
      date: s.date,
      type: s.type,
      minutes: Math.min(s.minutes, 1440),
      ...(s.type === 'annualLeave' && reasons.has(s.date) ? { reason: reasons.get(s.date)! } : {}),
    }));
}

/**
 * 사용제한일: annual leave logged on a day that is no working day anyway, so it is not taken off the
 * entitlement: a public holiday (a paid holiday under LSA §55(2)), or a day the matchings in force
 * then do not schedule (e.g. a Saturday for a Monday–Friday schedule). A day no matching covers
 * (waiting between two matchings) is an ordinary day of the employment unless it is a public holiday.
 * Each restricted date comes with the reason, in Korean.
 */
export function restrictionsOf(
  entries: readonly LeaveEntry[],
  matchings: readonly MatchingFacts[],
  holidays: PublicHolidays = new Map(),
): Map<string, string> {
  const restrictions = new Map<string, string>();
  for (const { date } of entries.filter((e) => e.type === 'annualLeave')) {
    const names = holidays.get(date);
    if (names?.length) {
      restrictions.set(date, `공휴일(${names.join('·')})`);
      continue;
    }
    const weekday = weekdayFromMonday(toDay(date));
    const covering = matchings.filter((m) => inForce(m, date));
    if (covering.length > 0 && !covering.some((m) => m.schedule.some((s) => s.weekday === weekday))) {
      restrictions.set(date, '근무일이 아님');
    }
  }
  return restrictions;
}

/** The restricted dates alone (see restrictionsOf). */
export function restrictedDatesOf(
  entries: readonly LeaveEntry[],
  matchings: readonly MatchingFacts[],
  holidays: PublicHolidays = new Map(),
): string[] {
  return [...restrictionsOf(entries, matchings, holidays).keys()];
}

/** 1 January and 31 December of a year as YYYY-MM-DD. */
export function yearBounds(year: number): { first: string; last: string } {
  return { first: `${year}-01-01`, last: `${year}-12-31` };
}

/** Whether someone employed from `hireDate` to `leaveDate` worked any day of `year`. */
export function employedIn(year: number, hireDate: string, leaveDate?: string | null): boolean {
  const { first, last } = yearBounds(year);
  return hireDate <= last && (!leaveDate || leaveDate >= first);
}
