import { describe, expect, it } from 'vitest';
import { publicHolidays } from '#commons/holidays';
import { inClaimPeriod, monthRefusal, periodStart } from '#functions/claims/claim-rules';
import { monthToClaim } from '#functions/claims/schedule';
import { restrictionsOf } from '#functions/leave/inputs';
import { asOfFor } from '#functions/leave/service';
import { claimPeriod, formatDay, parseDay, weekdayFromMonday } from '#kernel/calendar';
import {
  daysOfMonth,
  isDay,
  koreaDay,
  mondayOf,
  previousMonth,
  shiftDay,
  startOfKoreaDay,
  weekdayOf,
} from '#kernel/korea-time';
import { demoLeaveAndTrainingDays } from '#local/demo-activity';
import { demoCalendar, demoHolidays, workingWeekday } from '#local/demo-calendar';
import { demoFiscalYearStart, demoLeaveDates } from '#local/demo-leave';

// Every day from 2026-01-01 to 2028-12-31 through the date rules and the demo-data builder, each
// checked against an independent oracle (JavaScript's own UTC calendar) or a property that must hold
// on every day: nothing about the product's dates may depend on which day the suite runs.

const FIRST = '2026-01-01';
const LAST = '2028-12-31';
const DAYS: string[] = [];
for (let d = FIRST; d <= LAST; d = shiftDay(d, 1)) DAYS.push(d);

/** The oracle: the previous month by Date.UTC's own arithmetic. */
function oraclePreviousMonth(day: string): string {
  const at = new Date(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 2, 1));
  return at.toISOString().slice(0, 7);
}

/** The demo assistants work Monday to Friday (local/demo-people.ts WEEKDAYS). */
const WEEKDAY_SCHEDULE = [0, 1, 2, 3, 4].map((weekday) => ({ weekday, start: '09:00', end: '13:00' }));

describe('date rules on every day from 2026 to 2028', () => {
  it('covers 1,096 days, leap day included', () => {
    expect(DAYS.length).toBe(365 + 365 + 366);
    expect(DAYS).toContain('2028-02-29');
    expect(DAYS.every(isDay)).toBe(true);
  });

  it('knows the Korea day at both edges of it, and the day’s weekday', () => {
    for (const day of DAYS) {
      const start = startOfKoreaDay(day).getTime();
      expect(koreaDay(start)).toBe(day);
      expect(koreaDay(start - 1)).toBe(shiftDay(day, -1));
      expect(koreaDay(start + 86_400_000 - 1)).toBe(day);
      expect(weekdayOf(day)).toBe((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7);
      expect(formatDay(parseDay(day))).toBe(day);
    }
  });

  it('takes last month, the claimed month and the month that cannot be claimed yet', () => {
    for (const day of DAYS) {
      const month = day.slice(0, 7);
      const last = oraclePreviousMonth(day);
      expect(previousMonth(month)).toBe(last);
      // the schedule on any instant of the day claims last month
      expect(monthToClaim(startOfKoreaDay(day))).toBe(last);
      expect(monthToClaim(new Date(startOfKoreaDay(day).getTime() + 86_399_999))).toBe(last);
      expect(monthRefusal(month, startOfKoreaDay(day))).toBeDefined();
      expect(monthRefusal(last, startOfKoreaDay(day))).toBeUndefined();
    }
  });

  it('starts each month’s claim on the Monday of the week of the 1st, so 주휴 weeks are whole', () => {
    const months = [...new Set(DAYS.map((d) => d.slice(0, 7)))];
    for (const month of months) {
      const start = periodStart(month);
      const first = `${month}-01`;
      expect(weekdayOf(start)).toBe(0);
      expect(start <= first && shiftDay(start, 7) > first).toBe(true);
      expect(start).toBe(mondayOf(first));
      const period = claimPeriod(month);
      expect(formatDay(period.last)).toBe(daysOfMonth(month).at(-1));
      // every week that ends in the month begins inside the claim period
      for (const day of daysOfMonth(month).filter((d) => weekdayOf(d) === 6)) {
        expect(inClaimPeriod(month, mondayOf(day))).toBe(true);
      }
      expect(weekdayFromMonday(period.start)).toBe(0);
    }
  });

  it('draws a leave year up to today, or to 31 December of a past year', () => {
    for (const day of DAYS) {
      const year = Number(day.slice(0, 4));
      expect(asOfFor(year, day)).toBe(day);
      expect(asOfFor(year - 1, day)).toBe(`${year - 1}-12-31`);
    }
  });
});

describe('the demo data’s dates on every day from 2026 to 2028', () => {
  it('always has last month inside the matchings, with a rate table for every year it touches', () => {
    for (const day of DAYS) {
      const calendar = demoCalendar(day);
      expect(calendar.previous).toBe(oraclePreviousMonth(day));
      expect(calendar.current).toBe(day.slice(0, 7));
      expect(calendar.yesterday).toBe(shiftDay(day, -1));
      // last month (claimed, paid, its leave counted) and this month (logs up to yesterday)
      for (const d of [...daysOfMonth(calendar.previous), ...daysOfMonth(calendar.current)]) {
        expect(d >= calendar.period.start && d <= calendar.period.end).toBe(true);
      }
      expect(calendar.serviceYear).toBe(Number(calendar.previous.slice(0, 4)));
      expect(calendar.rateYears).toContain(Number(calendar.previous.slice(0, 4)));
      expect(calendar.rateYears).toContain(Number(day.slice(0, 4)));
      expect(calendar.agreementYear).toBe(Number(day.slice(0, 4)));
      // the fiscal-year start six months on is a real month-day every year (up to the 28th)
      expect(demoFiscalYearStart(calendar)).toMatch(/^(0[1-9]|1[0-2])-(0[1-9]|1\d|2[0-8])$/);
    }
  });

  it('keeps leave and training off public holidays, and makes only the Saturday a restricted day', async () => {
    let restrictedSeen = 0;
    for (const day of DAYS) {
      const calendar = demoCalendar(day);
      const holidays = await demoHolidays(calendar);
      const { leave, training } = demoLeaveAndTrainingDays(calendar.previous, holidays);
      for (const d of [leave, training]) {
        expect(d.startsWith(calendar.previous)).toBe(true);
        expect(holidays.has(d)).toBe(false);
        expect(weekdayOf(d)).toBeLessThan(5);
      }

      const extra = await demoLeaveDates(calendar);
      const matchings = [
        {
          startDate: calendar.period.start,
          endDate: calendar.period.end,
          status: 'active' as const,
          schedule: WEEKDAY_SCHEDULE,
        },
      ];
      const entries = [
        ...extra.map((e) => ({ date: e.date, type: 'annualLeave' as const, minutes: e.minutes })),
        { date: leave, type: 'annualLeave' as const, minutes: 240 },
      ];
      const restrictions = restrictionsOf(entries, matchings, holidays);
      // the product's own rule finds exactly the days the builder says are restricted
      expect([...restrictions.keys()].sort()).toEqual(
        extra
          .filter((e) => e.restricted)
          .map((e) => e.date)
          .sort(),
      );
      restrictedSeen += restrictions.size;
      for (const e of extra) {
        expect(Number(e.date.slice(0, 4))).toBe(calendar.serviceYear);
        expect(e.date < `${calendar.previous}-01`).toBe(true);
      }
    }
    // the sweep meets the Saturday on most days (not in the first months of a service year)
    expect(restrictedSeen).toBeGreaterThan(500);
  });

  it('moves a demo day that falls on a public holiday to the same weekday a week later (or earlier)', () => {
    // 2026-09-24 to 26 is 추석; the 4th Thursday of September 2026 is the 24th
    const holidays = new Map([['2026-09-24', ['추석']]]);
    expect(workingWeekday('2026-09', 3, 3, holidays)).toBe('2026-09-17');
    // the 4th is the holiday and September has no 5th Thursday: a week earlier
    expect(workingWeekday('2026-09', 3, 4, holidays)).toBe('2026-09-17');
    expect(workingWeekday('2026-12', 2, 2, new Map([['2026-12-09', ['가상 공휴일']]]))).toBe('2026-12-16');
    expect(workingWeekday('2026-12', 4, 4, new Map([['2026-12-25', ['성탄절']]]))).toBe('2026-12-18');
  });

  it('finds the public holidays the demo steers around', async () => {
    const holidays = await publicHolidays([2026, 2027]);
    expect(holidays.get('2026-12-25')).toBeDefined();
    expect(holidays.get('2027-01-01')).toBeDefined();
    expect(holidays.has('2026-12-07')).toBe(false);
  });
});
