import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDay } from '#kernel/calendar';
import {
  daysBetween,
  daysFromTo,
  isMonth,
  koreaDay,
  koreaMinute,
  koreaMinuteInWords,
  koreaMonth,
  koreaSecond,
  MONTH_PATTERN,
  MONTH_SOURCE,
  mondayOf,
  monthInWords,
  previousMonth,
  startOfKoreaDay,
  sundayOf,
  weekdayOf,
  weekOf,
  weeksEndingIn,
} from '#kernel/korea-time';

// Korea time (UTC+9, no daylight saving) as strings, and the weeks and months built on it.

const day = fc.integer({ min: 0, max: 60_000 }).map((n) => formatDay(n));

describe('Korea time of an instant', () => {
  it('is nine hours ahead of UTC, across the day and the year boundary', () => {
    expect(koreaDay('2026-12-31T14:59:59Z')).toBe('2026-12-31');
    expect(koreaDay('2026-12-31T15:00:00Z')).toBe('2027-01-01');
    expect(koreaMonth('2026-11-30T15:00:00Z')).toBe('2026-12');
    expect(koreaMinute('2026-11-21T05:35:07Z')).toBe('2026-11-21 14:35');
    expect(koreaSecond('2026-11-21T05:35:07Z')).toBe('2026-11-21 14:35:07');
    expect(koreaMinuteInWords('2026-03-01T00:05:00Z')).toBe('2026년 3월 1일 09:05');
    expect(startOfKoreaDay('2026-03-01').toISOString()).toBe('2026-02-28T15:00:00.000Z');
  });

  it('gives the day an instant falls on back as the instant its day starts', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4_000_000_000_000 }), (ms) => {
        const start = startOfKoreaDay(koreaDay(ms)).getTime();
        expect(start).toBeLessThanOrEqual(ms);
        expect(ms - start).toBeLessThan(86_400_000);
      }),
    );
  });
});

describe('months', () => {
  it('accept only real months, with one shape for ids that hold one', () => {
    for (const good of ['2026-01', '2026-12', '0001-09']) expect(isMonth(good), good).toBe(true);
    for (const bad of ['2026-00', '2026-13', '2026-1', '26-01', '2026-01-01', ' 2026-01']) {
      expect(isMonth(bad), bad).toBe(false);
    }
    expect(MONTH_PATTERN.source).toBe(`^${MONTH_SOURCE}$`);
    expect(new RegExp(`^AG_${MONTH_SOURCE}$`).test('AG_2026-03')).toBe(true);
    expect(new RegExp(`^AG_${MONTH_SOURCE}$`).test('AG_2026-13')).toBe(false);
  });

  it('in words', () => {
    expect(monthInWords('2026-03')).toBe('2026년 3월');
    expect(previousMonth('2027-01')).toBe('2026-12');
  });
});

describe('weeks (Monday to Sunday)', () => {
  it('hold seven days from Monday to Sunday around any day', () => {
    fc.assert(
      fc.property(day, (d) => {
        const week = weekOf(d);
        expect(week).toHaveLength(7);
        expect(week[0]).toBe(mondayOf(d));
        expect(week[6]).toBe(sundayOf(d));
        expect(week).toContain(d);
        expect(week.map(weekdayOf)).toEqual([0, 1, 2, 3, 4, 5, 6]);
      }),
    );
  });

  it('that end in a month are the weeks whose Sunday is in it', () => {
    // March 2026 begins on a Sunday: its first week starts on Monday 23 February.
    expect(weeksEndingIn('2026-03')).toEqual(['2026-02-23', '2026-03-02', '2026-03-09', '2026-03-16', '2026-03-23']);
    // February 2027 begins on a Monday and ends on a Sunday: four whole weeks.
    expect(weeksEndingIn('2027-02')).toEqual(['2027-02-01', '2027-02-08', '2027-02-15', '2027-02-22']);
    fc.assert(
      fc.property(day, (d) => {
        const month = d.slice(0, 7);
        const mondays = weeksEndingIn(month);
        expect(mondays.length === 4 || mondays.length === 5).toBe(true);
        for (const monday of mondays) {
          expect(weekdayOf(monday)).toBe(0);
          expect(sundayOf(monday).slice(0, 7)).toBe(month);
        }
      }),
    );
  });
});

describe('day ranges', () => {
  it('list every day from one to another, both included', () => {
    expect(daysFromTo('2026-02-27', '2026-03-01')).toEqual(['2026-02-27', '2026-02-28', '2026-03-01']);
    expect(daysFromTo('2026-03-01', '2026-03-01')).toEqual(['2026-03-01']);
    expect(daysFromTo('2026-03-02', '2026-03-01')).toEqual([]);
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 400 }), (from, n) => {
        const days = daysFromTo(from, formatDay(daysBetween('1970-01-01', from) + n));
        expect(days).toHaveLength(n + 1);
      }),
    );
  });
});
