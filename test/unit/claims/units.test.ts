// The engine's building blocks: exact decimals, apportioning, calendar arithmetic.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  claimPeriod,
  dayNumber,
  formatClock,
  formatDay,
  parseClock,
  parseDay,
  weekdayFromMonday,
} from '#kernel/calendar';
import { apportion, hasAtMostSixDecimals, mulFloor, toScaled } from '#kernel/decimal';

describe('decimal', () => {
  it('scales the written decimal exactly', () => {
    expect(toScaled(0.0475)).toBe(47500n);
    expect(toScaled(0.1314)).toBe(131400n);
    expect(toScaled(10320)).toBe(10320000000n);
    expect(toScaled(1e-6)).toBe(1n);
    expect(toScaled(1e21)).toBe(10n ** 27n);
    expect(toScaled(0)).toBe(0n);
    expect(() => toScaled(1e-7)).toThrow(RangeError);
    expect(() => toScaled(0.1234567)).toThrow(RangeError);
  });

  it('knows which numbers have at most six decimal places', () => {
    expect([0.123456, 1.5, 100, 2e-6].every(hasAtMostSixDecimals)).toBe(true);
    expect([0.1234567, 1e-7, Number.NaN, Number.POSITIVE_INFINITY].some(hasAtMostSixDecimals)).toBe(false);
  });

  it('truncates exact products', () => {
    expect(mulFloor(100n, toScaled(0.57))).toBe(57n); // 56.99999999999999 in floating point
    expect(mulFloor(1080000n, toScaled(0.1049))).toBe(113292n);
    expect(mulFloor(41280n, toScaled(0.0833))).toBe(3438n);
  });

  it('apportions whole won by largest remainder, ties to the lower index', () => {
    expect(apportion(100, [10, 20, 30])).toEqual([17, 33, 50]);
    expect(apportion(2, [1, 1, 1])).toEqual([1, 1, 0]);
    expect(apportion(0, [1, 2])).toEqual([0, 0]);
    expect(apportion(5, [])).toEqual([]);
    expect(apportion(7, [0, 3])).toEqual([0, 7]);
    // totals too large for exact float products take the BigInt path
    expect(apportion(2 ** 52, [1, 1, 1]).reduce((a, b) => a + b, 0)).toBe(2 ** 52);
  });

  it('always hands out exactly the total, each share within one won of its exact value', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.array(fc.integer({ min: 0, max: 50_000 }), { minLength: 1 }),
        (total, weights) => {
          const sum = weights.reduce((a, b) => a + b, 0);
          fc.pre(sum > 0);
          const shares = apportion(total, weights);
          expect(shares.reduce((a, b) => a + b, 0)).toBe(total);
          shares.forEach((share, i) => {
            const exact = (total * weights[i]!) / sum;
            expect(share).toBeGreaterThanOrEqual(Math.floor(exact));
            expect(share).toBeLessThanOrEqual(Math.floor(exact) + 1);
          });
        },
      ),
    );
  });
});

describe('calendar', () => {
  it('agrees with Date on day numbers, weekdays and formatting', () => {
    fc.assert(
      fc.property(fc.integer({ min: -400_000, max: 2_900_000 }), (day) => {
        const date = new Date(day * 86_400_000);
        expect(formatDay(day)).toBe(date.toISOString().slice(0, 10).padStart(10, '0'));
        expect(weekdayFromMonday(day)).toBe((date.getUTCDay() + 6) % 7);
        expect(parseDay(formatDay(day))).toBe(day);
      }),
    );
  });

  it('rejects dates that are not on the calendar', () => {
    expect(parseDay('2026-02-29')).toBeNaN();
    expect(parseDay('2028-02-29')).toBe(dayNumber(2028, 2, 29));
    expect(parseDay('2100-02-29')).toBeNaN();
    expect(parseDay('2000-02-29')).toBe(dayNumber(2000, 2, 29));
    for (const bad of [
      '2026-04-31',
      '2026-13-01',
      '2026-00-10',
      '2026-01-00',
      '2026-1-01',
      '2026/01/01',
      '20260101xx',
    ]) {
      expect(parseDay(bad)).toBeNaN();
    }
  });

  it('reads clock times, with 24:00 only as an end', () => {
    expect(parseClock('00:00', false)).toBe(0);
    expect(parseClock('23:59', false)).toBe(1439);
    expect(parseClock('24:00', false)).toBe(-1);
    expect(parseClock('24:00', true)).toBe(1440);
    expect(parseClock('24:01', true)).toBe(-1);
    expect(parseClock('12:60', false)).toBe(-1);
    expect(parseClock('9:00', false)).toBe(-1);
    expect(formatClock(1440)).toBe('24:00');
    expect(formatClock(545)).toBe('09:05');
  });

  it('starts the period on the Monday of the 1st’s week', () => {
    const march = claimPeriod('2026-03'); // the 1st is a Sunday
    expect([formatDay(march.start), formatDay(march.first), formatDay(march.last)]).toEqual([
      '2026-02-23',
      '2026-03-01',
      '2026-03-31',
    ]);
    const june = claimPeriod('2026-06'); // the 1st is a Monday
    expect(formatDay(june.start)).toBe('2026-06-01');
    expect(formatDay(claimPeriod('2028-02').last)).toBe('2028-02-29');
  });
});
