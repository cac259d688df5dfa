// Property tests for the leave rules (issue 9 §5): accrual never above 25 days or below zero,
// non-decreasing in years of service, part-time never above full-time, nothing under 15 hours a week,
// and the ledger never losing or inventing a minute.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type LeaveEntry, leaveLedger } from '#functions/leave/ledger';
import {
  accrueLeave,
  entitlementDays,
  type LeaveProfile,
  leaveMinutes,
  MAX_ANNUAL_DAYS,
  MIN_WEEKLY_MINUTES,
  STANDARD_DAY_MINUTES,
} from '#functions/leave/rules';

const facts = fc.record({ attendanceMet: fc.boolean(), fullAttendanceMonths: fc.integer({ min: 0, max: 12 }) });
const weekly = fc.integer({ min: 0, max: 2400 });
const isoDate = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);
/** A day between 2015 and 2030. */
const dayNumber = fc.integer({ min: 16_436, max: 21_914 });

const profile: fc.Arbitrary<LeaveProfile> = fc
  .record({
    hire: dayNumber,
    weeklyContractMinutes: weekly,
    absences: fc.array(fc.integer({ min: 0, max: 4000 }), { maxLength: 80 }),
    basis: fc.constantFrom('hireDate', 'fiscalYear') as fc.Arbitrary<'hireDate' | 'fiscalYear'>,
    fiscalYearStart: fc.constantFrom('01-01', '03-01', '07-01'),
  })
  .map(({ hire, absences, ...rest }) => ({
    ...rest,
    hireDate: isoDate(hire),
    absenceDates: absences.map((offset) => isoDate(hire + offset)),
  }));

describe('leave properties', () => {
  it('entitlementDays is a whole number from 0 to 25', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 }), facts, (years, attendance) => {
        const days = entitlementDays(years, attendance);
        expect(Number.isInteger(days)).toBe(true);
        expect(days).toBeGreaterThanOrEqual(0);
        expect(days).toBeLessThanOrEqual(MAX_ANNUAL_DAYS);
      }),
    );
  });

  it('entitlementDays never falls as years of service grow, attendance held', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 60 }), facts, (a, b, attendance) => {
        const [fewer, more] = a <= b ? [a, b] : [b, a];
        expect(entitlementDays(fewer, attendance)).toBeLessThanOrEqual(entitlementDays(more, attendance));
      }),
    );
  });

  it('part-time leave is whole hours, never above full-time, and zero under 15 hours a week', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 25 }), weekly, (days, weeklyMinutes) => {
        const minutes = leaveMinutes(days, weeklyMinutes);
        expect(minutes % 60).toBe(0);
        expect(minutes).toBeGreaterThanOrEqual(0);
        expect(minutes).toBeLessThanOrEqual(leaveMinutes(days, 2400));
        if (weeklyMinutes < MIN_WEEKLY_MINUTES) expect(minutes).toBe(0);
      }),
    );
  });

  it('every grant over a working life is positive and at most 25 full-time days', () => {
    fc.assert(
      fc.property(profile, fc.integer({ min: 0, max: 9000 }), (p, span) => {
        const grants = accrueLeave(p, isoDate(Date.parse(`${p.hireDate}T00:00:00Z`) / 86_400_000 + span));
        if (p.weeklyContractMinutes < MIN_WEEKLY_MINUTES) expect(grants).toEqual([]);
        for (const grant of grants) {
          expect(grant.minutes).toBeGreaterThan(0);
          expect(grant.fullTimeDays).toBeLessThanOrEqual(MAX_ANNUAL_DAYS);
          expect(grant.minutes).toBeLessThanOrEqual(MAX_ANNUAL_DAYS * STANDARD_DAY_MINUTES);
          expect(grant.accrualDate <= grant.validUntil).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('with full attendance, each year’s grant is at least the year before’s', () => {
    fc.assert(
      fc.property(profile, (p) => {
        const grants = accrueLeave({ ...p, absenceDates: [] }, '2060-12-31').filter((g) => g.kind === 'annual');
        for (let i = 1; i < grants.length; i++)
          expect(grants[i]!.minutes).toBeGreaterThanOrEqual(grants[i - 1]!.minutes);
      }),
      { numRuns: 40 },
    );
  });

  it('a part-time assistant never gets more than the same assistant full-time, grant by grant', () => {
    fc.assert(
      fc.property(profile, (p) => {
        const part = accrueLeave(p, '2040-12-31');
        const full = accrueLeave({ ...p, weeklyContractMinutes: 2400 }, '2040-12-31');
        const fullByDate = new Map(full.map((g) => [`${g.kind} ${g.accrualDate}`, g.minutes]));
        for (const grant of part) {
          expect(grant.minutes).toBeLessThanOrEqual(fullByDate.get(`${grant.kind} ${grant.accrualDate}`)!);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('the ledger accounts for every minute: granted = used + lapsed + carried + remaining', () => {
    const entry = (hire: number): fc.Arbitrary<LeaveEntry> =>
      fc.record({
        date: fc.integer({ min: 0, max: 1500 }).map((offset) => isoDate(hire + offset)),
        type: fc.constantFrom('annualLeave', 'annualLeave', 'annualLeave', 'officialLeave') as fc.Arbitrary<
          LeaveEntry['type']
        >,
        minutes: fc.integer({ min: 1, max: 600 }),
      });
    fc.assert(
      fc.property(
        dayNumber.chain((hire) =>
          fc.record({
            hire: fc.constant(hire),
            entries: fc.array(entry(hire), { maxLength: 40 }),
            restricted: fc.array(fc.integer({ min: 0, max: 1500 }), { maxLength: 10 }),
            limitDays: fc.option(fc.integer({ min: 0, max: 10 }), { nil: undefined }),
            asOffset: fc.integer({ min: 0, max: 1600 }),
          }),
        ),
        ({ hire, entries, restricted, limitDays, asOffset }) => {
          const asOf = isoDate(hire + asOffset);
          const ledger = leaveLedger({ hireDate: isoDate(hire), weeklyContractMinutes: 2400 }, entries, {
            asOf,
            restrictedDates: restricted.map((offset) => isoDate(hire + offset)),
            carryOver: limitDays === undefined ? null : { limitDays },
          });
          let carriedOut = 0;
          let carriedIn = 0;
          for (const grant of ledger.grants) {
            expect(grant.usedMinutes + grant.lapsedMinutes + grant.carriedMinutes + grant.remainingMinutes).toBe(
              grant.minutes,
            );
            expect(Math.min(grant.usedMinutes, grant.lapsedMinutes, grant.remainingMinutes)).toBeGreaterThanOrEqual(0);
            carriedOut += grant.carriedMinutes;
            if (grant.kind === 'carryOver') carriedIn += grant.minutes;
          }
          expect(carriedIn).toBe(carriedOut);
          const counted = ledger.uses.filter((use) => !use.restricted).reduce((sum, use) => sum + use.minutes, 0);
          const taken = ledger.uses.reduce((sum, use) => sum + use.takenFrom.reduce((s, t) => s + t.minutes, 0), 0);
          expect(taken + ledger.excessMinutes).toBe(counted);
          expect(ledger.balanceMinutes).toBeGreaterThanOrEqual(0);
          expect(ledger.missingReasons).toHaveLength(ledger.uses.filter((use) => use.excessMinutes > 0).length);
          expect(ledger.uses.every((use) => use.date <= asOf)).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });
});
