// Leave use, carry-over, restricted days, excess use and the list page's yearly row (issue 9 §1–2).
// The assistant in every example: full-time, hired 2025-03-02, no absences, so 11 monthly days
// (2025-04-02 … 2026-02-02, usable until 2026-03-01) and 15 days on 2026-03-02 (until 2027-03-01).

import { describe, expect, it } from 'vitest';
import { ValidationFailed } from '#commons/errors';
import { checkLeaveEntries, excessUse, type LeaveEntry, leaveLedger } from '#functions/leave/ledger';
import type { LeaveProfile } from '#functions/leave/rules';
import { leaveYearRow } from '#functions/leave/summary';

const profile: LeaveProfile = { hireDate: '2025-03-02', weeklyContractMinutes: 2400 };
const day = (date: string, extra: Partial<LeaveEntry> = {}): LeaveEntry => ({
  date,
  type: 'annualLeave',
  days: 1,
  ...extra,
});

describe('leaveLedger: use against grants', () => {
  it('takes use from the grant that lapses first, the older one on a tie', () => {
    const ledger = leaveLedger(profile, [day('2025-06-11'), day('2026-03-05', { days: 0.5 })], { asOf: '2026-03-05' });
    expect(ledger.uses.map((use) => use.takenFrom.map((t) => ledger.grants[t.grant]!.accrualDate))).toEqual([
      ['2025-04-02'],
      ['2026-03-02'],
    ]);
    // §60(7): the ten unused first-year days lapsed on 2026-03-02; 15 days − half a day remain
    const monthly = ledger.grants.filter((g) => g.kind === 'monthly');
    expect(monthly.reduce((sum, g) => sum + g.lapsedMinutes, 0)).toBe(10 * 480);
    expect(ledger.balanceMinutes).toBe(7200 - 240);
    expect(ledger.excessMinutes).toBe(0);
    expect(ledger.missingReasons).toEqual([]);
  });

  it('counts days in the contracted day of a part-time assistant (25 h a week: a day is 5 hours)', () => {
    const partTime = { ...profile, weeklyContractMinutes: 1500 };
    const ledger = leaveLedger(partTime, [day('2026-04-01'), day('2026-04-02', { days: 0.5 })], { asOf: '2026-04-30' });
    expect(ledger.dailyMinutes).toBe(300);
    expect(ledger.uses.map((use) => use.minutes)).toEqual([300, 150]);
    expect(ledger.balanceMinutes).toBe(75 * 60 - 450);
  });

  it('seed 000 연차초과사용 사유: use beyond the entitlement is excess and needs a reason', () => {
    // nothing has accrued on 2025-03-10 (the first day arrives on 2025-04-02)
    const ledger = leaveLedger(
      profile,
      [day('2025-03-10'), { date: '2025-04-03', type: 'annualLeave', minutes: 600 }],
      { asOf: '2025-04-30' },
    );
    expect(ledger.uses.map((use) => use.excessMinutes)).toEqual([480, 120]);
    expect(ledger.excessMinutes).toBe(600);
    expect(ledger.missingReasons).toEqual([
      {
        field: 'entries.0.reason',
        label: '초과 사용 사유',
        message: '2025-03-10 연차 사용이 남은 연차보다 8시간 많습니다. 초과 사용 사유를 적어 주세요.',
      },
      {
        field: 'entries.1.reason',
        label: '초과 사용 사유',
        message: '2025-04-03 연차 사용이 남은 연차보다 2시간 많습니다. 초과 사용 사유를 적어 주세요.',
      },
    ]);
    const withReason = leaveLedger(profile, [day('2025-03-10', { reason: '가족 병간호' })], { asOf: '2025-04-30' });
    expect(withReason.uses[0]).toMatchObject({ excessMinutes: 480, reasonRequired: true, reason: '가족 병간호' });
    expect(withReason.missingReasons).toEqual([]);
  });

  it('does not count use on a restricted day (사용제한일) against the entitlement', () => {
    const ledger = leaveLedger(profile, [day('2025-05-05'), day('2025-05-07')], {
      asOf: '2025-05-31',
      restrictedDates: ['2025-05-05'],
    });
    expect(ledger.uses.map((use) => [use.restricted, use.takenFrom.length, use.excessMinutes])).toEqual([
      [true, 0, 0],
      [false, 1, 0],
    ]);
    expect(ledger.balanceMinutes).toBe(2 * 480 - 480);
  });

  it('carries unused leave over up to the configured limit, and lets the rest lapse', () => {
    const ledger = leaveLedger(profile, [day('2026-06-01')], { asOf: '2026-06-01', carryOver: { limitDays: 5 } });
    const carry = ledger.grants.find((g) => g.kind === 'carryOver')!;
    expect(carry).toMatchObject({ accrualDate: '2026-03-02', validUntil: '2027-03-01', minutes: 5 * 480 });
    const monthly = ledger.grants.filter((g) => g.kind === 'monthly');
    expect(monthly.reduce((sum, g) => sum + g.carriedMinutes, 0)).toBe(5 * 480);
    expect(monthly.reduce((sum, g) => sum + g.lapsedMinutes, 0)).toBe(6 * 480);
    // carried leave and this year's 15 lapse on the same day, so the use takes the older (carried) first
    expect(ledger.grants[ledger.uses[0]!.takenFrom[0]!.grant]!.kind).toBe('carryOver');
    expect(ledger.balanceMinutes).toBe(20 * 480 - 480);
  });

  it('does not carry carried leave a second time', () => {
    const ledger = leaveLedger(profile, [], { asOf: '2027-03-02', carryOver: { limitDays: 5 } });
    const carries = ledger.grants.filter((g) => g.kind === 'carryOver');
    expect(carries.map((g) => `${g.accrualDate} ${g.minutes}`)).toEqual(['2026-03-02 2400', '2027-03-02 2400']);
    expect(carries[0]!.carriedMinutes).toBe(0);
    expect(carries[0]!.lapsedMinutes).toBe(2400);
  });

  it('excessUse returns the excess and whether a reason is required', () => {
    expect(excessUse(480, 240)).toEqual({ excessMinutes: 0, reasonRequired: false });
    expect(excessUse(480, 720)).toEqual({ excessMinutes: 240, reasonRequired: true });
    expect(excessUse(-60, 120)).toEqual({ excessMinutes: 120, reasonRequired: true });
  });
});

describe('checkLeaveEntries and ledger options: Korean messages naming the entry', () => {
  it('lists every problem with the entry’s number and date', () => {
    const entries = [
      { date: '2025-02-01', type: 'annualLeave', days: 1 },
      { date: '2025-05-01', type: 'vacation', minutes: 60 },
      { date: '2025-05-02', type: 'annualLeave', minutes: 60, days: 1 },
      { date: '2025-05-03', type: 'annualLeave', minutes: 0 },
      { date: '2025-05-04', type: 'annualLeave', days: 0.3 },
      { date: '2025-05-32', type: 'annualLeave', days: 1, reason: 'x'.repeat(501) },
    ] as LeaveEntry[];
    const problems = checkLeaveEntries(entries, profile);
    expect(problems.map((p) => p.field)).toEqual([
      'entries.0.date',
      'entries.1.type',
      'entries.2.minutes',
      'entries.3.minutes',
      'entries.4.days',
      'entries.5.date',
      'entries.5.reason',
    ]);
    expect(problems[0]!.message).toBe(
      '휴가 1번째 (2025-02-01)의 날짜가 재직 기간 밖입니다. 입사일과 퇴사일 사이의 날짜로 고쳐 주세요.',
    );
    expect(problems[4]!.message).toContain('0.5일(반차)');
    expect(problems[5]!.message).toBe('휴가 6번째의 날짜를 YYYY-MM-DD 형식의 실제 날짜로 넣어 주세요.');
  });

  it('makes the ledger throw ValidationFailed with the fields', () => {
    try {
      leaveLedger(profile, [day('2025-05-07')], {
        asOf: '2025-13-01',
        restrictedDates: ['holiday'],
        carryOver: { limitDays: 30 },
      });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationFailed);
      expect((error as ValidationFailed).fields.map((f) => f.field)).toEqual([
        'asOf',
        'restrictedDates.0',
        'carryOver.limitDays',
      ]);
    }
  });
});

describe('leaveYearRow: seed 000 연차관리 목록', () => {
  const entries: LeaveEntry[] = [
    day('2025-12-15'),
    day('2026-02-10'),
    day('2026-05-05'),
    day('2026-07-01', { days: 0.5 }),
    { date: '2026-08-03', type: 'officialLeave', days: 1 },
    { date: '2026-08-04', type: 'unpaidLeave', minutes: 120 },
    { date: '2026-02-16', type: 'holiday', days: 1 },
  ];

  it('splits this year’s and last year’s leave, with and without restricted days, by month', () => {
    const row = leaveYearRow(profile, entries, { year: 2026, asOf: '2027-01-15', restrictedDates: ['2026-05-05'] });
    expect(row.asOf).toBe('2026-12-31');
    // monthly days of 2025 (2025-04-02 … 12-02: 9 days) less the one used on 2025-12-15
    expect(row.carriedMonthly).toEqual({ accruedMinutes: 8 * 480, usedMinutes: 480 });
    // monthly days arising in 2026: 01-02 and 02-02
    expect(row.monthly).toEqual({ accruedMinutes: 2 * 480, usedMinutes: 0 });
    expect(row.annual).toEqual({ accruedMinutes: 7200, usedMinutes: 240 });
    expect(row.carriedAnnual).toEqual({ accruedMinutes: 0, usedMinutes: 0 });
    expect(row.usedMinutes).toBe(480 + 480 + 240);
    expect(row.usedExcludingRestrictedMinutes).toBe(480 + 240);
    expect(row.byMonth.annualLeave).toEqual([0, 480, 0, 0, 480, 0, 240, 0, 0, 0, 0, 0]);
    expect(row.annualLeaveByMonthExcludingRestricted).toEqual([0, 480, 0, 0, 0, 0, 240, 0, 0, 0, 0, 0]);
    expect(row.byMonth.officialLeave[7]).toBe(480);
    expect(row.byMonth.unpaidLeave[7]).toBe(120);
    expect(row.byMonth.holiday[1]).toBe(480);
    // the 11 first-year days less the two used lapsed on 2026-03-02
    expect(row.lapsedMinutes).toBe(9 * 480);
    expect(row.balanceMinutes).toBe(7200 - 240);
    expect(row.excessMinutes).toBe(0);
  });

  it('draws the current year up to the day asked and counts the 2025 figures in the 2025 row', () => {
    const row = leaveYearRow(profile, entries, { year: 2025, asOf: '2026-06-30' });
    expect(row.asOf).toBe('2025-12-31');
    expect(row.monthly).toEqual({ accruedMinutes: 9 * 480, usedMinutes: 480 });
    expect(row.lapsedMinutes).toBe(0);
    expect(row.balanceMinutes).toBe(8 * 480);
  });

  it('refuses a year that is not a four-digit year', () => {
    expect(() => leaveYearRow(profile, [], { year: 26, asOf: '2026-12-31' })).toThrow(ValidationFailed);
  });

  it('shows carry-over arriving in the year as carried annual leave', () => {
    const row = leaveYearRow(profile, [], { year: 2026, asOf: '2026-12-31', carryOver: { limitDays: 3 } });
    expect(row.carriedAnnual).toEqual({ accruedMinutes: 3 * 480, usedMinutes: 0 });
    expect(row.lapsedMinutes).toBe(8 * 480);
  });
});
