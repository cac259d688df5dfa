import { type PublicHolidays, publicHolidays } from '#commons/holidays';
import * as clock from '#kernel/clock';
import { nthWeekdayOf, previousMonth, shiftDay, shiftMonth, yearOf } from '#kernel/korea-time';

// The one builder of the demo's dates. Every demo seed step and every test that expects something of
// the demo data asks it, with the day the stack runs on (clock.today(), pinned by PLATFORM_TODAY), so
// that the demo makes sense on any day, January included:
// - the month before today ("last month") always has matchings, logs, attendance, a claim and payroll;
// - the service year is last month's year, and the matchings run from its first day to the end of
//   this month's year (in January they span both years, so last December and this January are covered);
// - a rate table exists for every year the data touches.

export interface DemoCalendar {
  /** the day the demo is built around (Korea time) */
  today: string;
  /** the last day this month's logs are written for */
  yesterday: string;
  /** this month, YYYY-MM */
  current: string;
  /** last month, YYYY-MM: the month agencies close, claim and pay */
  previous: string;
  /** the year of last month: the demo's decisions, hires and histories are dated by it */
  serviceYear: number;
  /** the period of the demo matchings and service decisions */
  period: { start: string; end: string };
  /** every year the demo data touches with money: each has a rate table */
  rateYears: number[];
  /** the year of the agreements "this year" (the year of today) */
  agreementYear: number;
}

export function demoCalendar(today: string = clock.today()): DemoCalendar {
  const current = today.slice(0, 7);
  const previous = previousMonth(current);
  const serviceYear = yearOf(previous);
  const thisYear = yearOf(today);
  return {
    today,
    yesterday: shiftDay(today, -1),
    current,
    previous,
    serviceYear,
    period: { start: `${serviceYear}-01-01`, end: `${thisYear}-12-31` },
    rateYears: [...new Set([serviceYear, thisYear])],
    agreementYear: thisYear,
  };
}

/** The public holidays of the years around a demo day (loaded once per seed). */
export function demoHolidays(calendar: DemoCalendar): Promise<PublicHolidays> {
  return publicHolidays([calendar.serviceYear - 1, calendar.serviceYear, yearOf(calendar.today)]);
}

/**
 * The n-th given weekday (0 = 월) of a month that is not a public holiday: when it is one, the same
 * weekday a week later (or earlier, at the end of the month). The demo's leave and training days are
 * chosen so, because leave on a public holiday is a restricted day and nobody trains on 추석.
 */
export function workingWeekday(month: string, weekday: number, n: number, holidays: PublicHolidays): string {
  const candidates = [n, n + 1, n + 2, n - 1, n - 2]
    .filter((k) => k >= 1)
    .map((k) => nthWeekdayOf(month, weekday, k))
    .filter((d): d is string => d !== undefined);
  return candidates.find((d) => !holidays.has(d)) ?? candidates[0]!;
}

/** A month `offset` months from last month (negative: earlier). */
export function monthsBefore(calendar: DemoCalendar, offset: number): string {
  return shiftMonth(calendar.previous, -offset);
}
