// Annual leave (SPEC §4.4, issue 9 §1): one hand-worked example per rule, each named after the
// statute it applies. Dates are chosen so the reader can check them on a calendar.

import { describe, expect, it } from 'vitest';
import { ValidationFailed } from '#commons/errors';
import {
  accrueLeave,
  attendanceMet,
  checkLeaveProfile,
  contractDayMinutes,
  entitlementDays,
  formatLeaveAmount,
  type LeaveGrant,
  type LeaveProfile,
  leaveMinutes,
} from '#functions/leave/rules';

const fullTime = (overrides: Partial<LeaveProfile> = {}): LeaveProfile => ({
  hireDate: '2025-03-02',
  weeklyContractMinutes: 2400,
  ...overrides,
});

const brief = (grants: LeaveGrant[]) => grants.map((g) => `${g.kind} ${g.accrualDate}→${g.validUntil} ${g.minutes}`);

/** Every Monday–Friday between two dates, inclusive. */
function weekdaysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    const date = new Date(t);
    const weekday = date.getUTCDay();
    if (weekday !== 0 && weekday !== 6) days.push(date.toISOString().slice(0, 10));
  }
  return days;
}

describe('entitlementDays: the statute in full-time days', () => {
  it('§60(2): under one year, one day per fully attended month, at most 11', () => {
    const facts = (months: number) => ({ attendanceMet: true, fullAttendanceMonths: months });
    expect(entitlementDays(0, facts(0))).toBe(0);
    expect(entitlementDays(0, facts(7))).toBe(7);
    expect(entitlementDays(0, facts(11))).toBe(11);
    expect(entitlementDays(0, facts(12))).toBe(11);
  });

  it('§60(1)·(4): 15 days, one more per two years beyond the first, at most 25', () => {
    const met = { attendanceMet: true, fullAttendanceMonths: 12 };
    const byYears = [1, 2, 3, 4, 5, 6, 7, 19, 20, 21, 22, 40].map((years) => entitlementDays(years, met));
    expect(byYears).toEqual([15, 15, 16, 16, 17, 17, 18, 24, 24, 25, 25, 25]);
  });

  it('§60(2): from one year with under 80% attendance, one day per fully attended month, no extra days', () => {
    expect(entitlementDays(1, { attendanceMet: false, fullAttendanceMonths: 8 })).toBe(8);
    expect(entitlementDays(9, { attendanceMet: false, fullAttendanceMonths: 3 })).toBe(3);
  });

  it('§60(1): 80% attendance is met exactly at 80% (200 of 250) and missed one day below', () => {
    expect(attendanceMet(250, 50)).toBe(true);
    expect(attendanceMet(250, 51)).toBe(false);
    expect(attendanceMet(0, 0)).toBe(false);
  });
});

describe('leaveMinutes: 시행령 별표 2 (part-time pro rata, in hours)', () => {
  it('gives a full-time day 8 hours: 15 days = 7,200 minutes', () => {
    expect(leaveMinutes(15, 2400)).toBe(7200);
  });

  it('별표 2 제4호: 25 hours a week → 15 × 8 × 25/40 = 75 hours', () => {
    expect(leaveMinutes(15, 1500)).toBe(75 * 60);
  });

  it('별표 2 제4호: an hour’s fraction counts as a whole hour (1 day at 20h34m a week → 5 hours)', () => {
    // 1 × 8 × 1234/2400 = 4.11 hours → 5 hours
    expect(leaveMinutes(1, 1234)).toBe(300);
  });

  it('§18(3): under 15 hours a week there is no annual leave; at exactly 15 hours there is', () => {
    expect(leaveMinutes(15, 899)).toBe(0);
    expect(leaveMinutes(15, 900)).toBe(45 * 60);
  });

  it('prorates a share of a year and rounds up to the hour (15 days × 184/365 → 61 hours)', () => {
    expect(leaveMinutes(15, 2400, { numerator: 184, denominator: 365 })).toBe(61 * 60);
  });

  it('takes the contracted day as weekly ÷ 5, at most 8 hours', () => {
    expect(contractDayMinutes(2400)).toBe(480);
    expect(contractDayMinutes(1500)).toBe(300);
    expect(contractDayMinutes(3000)).toBe(480);
  });
});

describe('accrueLeave on the hire-date basis (입사일 기준)', () => {
  it('§60(2) then §60(1): 11 monthly days in the first year, 15 days on the first anniversary', () => {
    const grants = accrueLeave(fullTime(), '2026-03-02');
    expect(grants).toHaveLength(12);
    const monthly = grants.filter((g) => g.kind === 'monthly');
    expect(monthly.map((g) => g.accrualDate)).toEqual([
      '2025-04-02',
      '2025-05-02',
      '2025-06-02',
      '2025-07-02',
      '2025-08-02',
      '2025-09-02',
      '2025-10-02',
      '2025-11-02',
      '2025-12-02',
      '2026-01-02',
      '2026-02-02',
    ]);
    // §60(7) 단서: first-year days are used within the first year
    expect(new Set(monthly.map((g) => g.validUntil))).toEqual(new Set(['2026-03-01']));
    expect(monthly.every((g) => g.minutes === 480)).toBe(true);
    expect(brief(grants.slice(11))).toEqual(['annual 2026-03-02→2027-03-01 7200']);
    expect(grants[11]!.attendance).toMatchObject({ from: '2025-03-02', to: '2026-03-01', absentDays: 0 });
  });

  it('§60(3) repealed: days used in the first year do not reduce the 15 (accrual ignores use)', () => {
    const annual = accrueLeave(fullTime(), '2026-03-02').find((g) => g.kind === 'annual')!;
    expect(annual.fullTimeDays).toBe(15);
  });

  it('대법원 2021다227100: leaving after exactly one year gives the 11 days but not the 15', () => {
    const grants = accrueLeave(fullTime({ endDate: '2026-03-01' }), '2026-12-31');
    expect(grants.map((g) => g.kind)).toEqual(new Array(11).fill('monthly'));
    const stayedOneMoreDay = accrueLeave(fullTime({ endDate: '2026-03-02' }), '2026-12-31');
    expect(stayedOneMoreDay.at(-1)!.kind).toBe('annual');
  });

  it('민법 §160: a month from 31 January ends on the last day of February', () => {
    const grants = accrueLeave(fullTime({ hireDate: '2025-01-31' }), '2025-05-31');
    expect(grants.map((g) => g.accrualDate)).toEqual(['2025-03-01', '2025-03-31', '2025-05-01', '2025-05-31']);
    expect(grants[0]!.basis).toContain('2025-01-31~2025-02-28');
  });

  it('§60(2): a month with an absence (결근) earns no day; an absence on a day off does not count', () => {
    // month 4 of service runs 2025-06-02 to 2025-07-01; 2025-06-10 is a Tuesday, 2025-06-14 a Saturday
    const grants = accrueLeave(fullTime({ absenceDates: ['2025-06-10', '2025-08-16'] }), '2026-02-02');
    expect(grants.map((g) => g.accrualDate)).not.toContain('2025-07-02');
    expect(grants).toHaveLength(10);
    const holiday = accrueLeave(
      fullTime({ absenceDates: ['2025-06-10'], nonWorkingDates: ['2025-06-10'] }),
      '2025-07-02',
    );
    expect(holiday.map((g) => g.accrualDate)).toContain('2025-07-02');
  });

  it('§60(4): 16 days after three years, 17 after five', () => {
    const annual = accrueLeave(fullTime(), '2030-03-02').filter((g) => g.kind === 'annual');
    expect(annual.map((g) => `${g.accrualDate} ${g.fullTimeDays}`)).toEqual([
      '2026-03-02 15',
      '2027-03-02 15',
      '2028-03-02 16',
      '2029-03-02 16',
      '2030-03-02 17',
    ]);
    expect(annual[2]!.basis).toContain('가산 1일');
  });

  it('§60(2): a year under 80% attendance gives one day per fully attended month', () => {
    // absent every weekday of April–June 2026 (65 days of about 250): about 74% attendance;
    // service months 2026-03-02~04-01, 04-02~05-01, 05-02~06-01 and 06-02~07-01 hold absences
    const absenceDates = weekdaysBetween('2026-04-01', '2026-06-30');
    const grants = accrueLeave(fullTime({ absenceDates }), '2027-03-02');
    const second = grants.at(-1)!;
    expect(second.kind).toBe('lowAttendance');
    expect(second.attendance!.attendanceMet).toBe(false);
    expect(second.attendance!.absentDays).toBe(absenceDates.length);
    expect(second.fullTimeDays).toBe(8);
    expect(second.minutes).toBe(8 * 480);
  });

  it('별표 2: a 20-hour assistant earns 4 hours a month and 60 hours a year', () => {
    const grants = accrueLeave(fullTime({ weeklyContractMinutes: 1200 }), '2026-03-02');
    expect(grants.slice(0, 11).every((g) => g.minutes === 240)).toBe(true);
    expect(grants[11]!.minutes).toBe(60 * 60);
    expect(grants[11]!.basis).toContain('단시간 비례: 주 20시간');
  });

  it('§18(3): an assistant contracted for 14 hours a week accrues nothing', () => {
    expect(accrueLeave(fullTime({ weeklyContractMinutes: 840 }), '2030-01-01')).toEqual([]);
  });

  it('uses the weekly contract in force on each accrual day', () => {
    const grants = accrueLeave(
      fullTime({ weeklyContractMinutes: 1200, contractChanges: [{ from: '2026-01-01', weeklyContractMinutes: 2400 }] }),
      '2026-03-02',
    );
    expect(grants.map((g) => g.minutes)).toEqual([...new Array(9).fill(240), 480, 480, 7200]);
  });

  it('lists only the grants that have arisen by the day asked', () => {
    expect(accrueLeave(fullTime(), '2025-04-01')).toEqual([]);
    expect(brief(accrueLeave(fullTime(), '2025-04-02'))).toEqual(['monthly 2025-04-02→2026-03-01 480']);
  });
});

describe('accrueLeave on the fiscal-year basis (회계연도 기준)', () => {
  const fiscal = (overrides: Partial<LeaveProfile> = {}) =>
    fullTime({ hireDate: '2025-07-01', basis: 'fiscalYear', ...overrides });

  it('행정해석: pro rata 15 × 184/365 days on the first 1 January, then 15, then 16', () => {
    const grants = accrueLeave(fiscal(), '2028-01-01');
    expect(grants.filter((g) => g.kind === 'monthly')).toHaveLength(11);
    expect(brief(grants.filter((g) => g.kind !== 'monthly'))).toEqual([
      'proRata 2026-01-01→2026-12-31 3660',
      'annual 2027-01-01→2027-12-31 7200',
      'annual 2028-01-01→2028-12-31 7680',
    ]);
    expect(grants.find((g) => g.kind === 'proRata')!.fullTimeDays).toBeCloseTo(7.56, 2);
  });

  it('follows a fiscal year that starts on 1 April', () => {
    const grants = accrueLeave(fiscal({ fiscalYearStart: '04-01' }), '2026-04-01');
    // served 2025-07-01 to 2026-03-31: 274 of 365 days → 15 × 274/365 = 11.26 days → 90.08 h → 91 h
    expect(brief(grants.filter((g) => g.kind !== 'monthly'))).toEqual(['proRata 2026-04-01→2027-03-31 5460']);
  });

  it('is the hire-date basis for someone hired on the fiscal year’s first day', () => {
    const onFirst = accrueLeave(fiscal({ hireDate: '2025-01-01' }), '2027-01-01');
    const byHire = accrueLeave(fullTime({ hireDate: '2025-01-01' }), '2027-01-01');
    expect(onFirst).toEqual(byHire);
  });
});

describe('checkLeaveProfile: Korean messages naming the field', () => {
  it('lists every problem', () => {
    const problems = checkLeaveProfile({
      hireDate: '2025-02-30',
      endDate: 'soon',
      weeklyContractMinutes: 3000,
      dailyContractMinutes: 600,
      fiscalYearStart: '02-29',
      absenceDates: ['2025-13-01'],
      workingWeekdays: [7],
    });
    expect(problems.map((p) => p.field)).toEqual([
      'hireDate',
      'endDate',
      'weeklyContractMinutes',
      'dailyContractMinutes',
      'fiscalYearStart',
      'absenceDates.0',
      'workingWeekdays',
    ]);
    expect(problems[2]!.message).toContain('40시간(2,400분)을 넘을 수 없습니다');
    expect(problems.every((p) => p.label.length > 0)).toBe(true);
  });

  it('refuses an end date before the hire date', () => {
    const problems = checkLeaveProfile(fullTime({ endDate: '2025-03-01' }));
    expect(problems).toEqual([
      { field: 'endDate', label: '퇴사일', message: '퇴사일이 입사일보다 앞섭니다. 두 날짜를 확인해 주세요.' },
    ]);
  });

  it('makes accrueLeave throw ValidationFailed, and refuses a bad day to draw up to', () => {
    expect(() => accrueLeave(fullTime({ weeklyContractMinutes: -1 }), '2026-01-01')).toThrow(ValidationFailed);
    expect(() => accrueLeave(fullTime(), '2026/01/01')).toThrow(ValidationFailed);
  });
});

describe('formatLeaveAmount', () => {
  it('shows minutes in the assistant’s contracted days', () => {
    expect(formatLeaveAmount(7200, 480)).toBe('15일');
    expect(formatLeaveAmount(720, 480)).toBe('1일 4시간');
    expect(formatLeaveAmount(150, 480)).toBe('2시간 30분');
    expect(formatLeaveAmount(4500, 300)).toBe('15일');
    expect(formatLeaveAmount(0, 480)).toBe('0일');
    expect(formatLeaveAmount(-240, 480)).toBe('-4시간');
  });
});
