import { afterEach, describe, expect, it } from 'vitest';
import * as clock from '#kernel/clock';
import { koreaDay } from '#kernel/korea-time';

// The one clock: unpinned it is the machine's time; pinned (PLATFORM_TODAY, --today, pinToday) it
// runs from the pinned Korea day at the real time of day; the web follows the server's.

afterEach(() => {
  clock.pinToday(undefined);
});

describe('the clock', () => {
  it('pins the Korea day and keeps running from there', async () => {
    clock.pinToday('2027-01-04');
    expect(clock.today()).toBe('2027-01-04');
    expect(clock.thisMonth()).toBe('2027-01');
    expect(clock.lastMonth()).toBe('2026-12');
    expect(clock.thisYear()).toBe(2027);
    expect(koreaDay(clock.now())).toBe('2027-01-04');
    const before = clock.nowMs();
    await new Promise((resolve) => setTimeout(resolve, 15));
    expect(clock.nowMs()).toBeGreaterThan(before);
    expect(clock.nowIso() > new Date(before).toISOString()).toBe(true);
  });

  it('pins leap days and the last day of a year', () => {
    for (const day of ['2028-02-29', '2026-12-31', '2027-03-01']) {
      clock.pinToday(day);
      expect(clock.today()).toBe(day);
    }
  });

  it('refuses a day that is not a calendar date', () => {
    expect(() => clock.pinToday('2027-02-29')).toThrow(/calendar date/);
    expect(() => clock.pinToday('2027-1-4')).toThrow(/calendar date/);
  });

  it('computes the pinning offset in whole days from the real Korea day', () => {
    // 2026-12-07 23:30 in Korea is 14:30 UTC
    const real = Date.parse('2026-12-07T14:30:00Z');
    expect(clock.offsetForPinnedDay(undefined, real)).toBe(0);
    expect(clock.offsetForPinnedDay('2026-12-07', real)).toBe(0);
    expect(clock.offsetForPinnedDay('2027-01-04', real)).toBe(28 * 86_400_000);
    expect(clock.offsetForPinnedDay('2026-12-06', real)).toBe(-86_400_000);
    // 00:30 in Korea on the 8th is still the 7th in UTC: the Korea day counts
    expect(clock.offsetForPinnedDay('2026-12-08', Date.parse('2026-12-07T15:30:00Z'))).toBe(0);
  });

  it('follows another clock (the web follows the server’s)', () => {
    const server = Date.parse('2028-02-29T03:00:00Z');
    clock.followClock(server);
    expect(clock.today()).toBe('2028-02-29');
    expect(Math.abs(clock.nowMs() - server)).toBeLessThan(1_000);
  });
});
