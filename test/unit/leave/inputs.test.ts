import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { publicHolidays, yearsBetween } from '#commons/holidays';
import {
  type ActivityFacts,
  currentMatchings,
  deriveProfile,
  employedIn,
  leaveEntriesFrom,
  type MatchingFacts,
  restrictedDatesOf,
  restrictionsOf,
  weeklyMinutesOf,
} from '#functions/leave/inputs';

const weekdays = (start: string, end: string, days = [0, 1, 2, 3, 4]) =>
  days.map((weekday) => ({ weekday, start, end }));

const matching = (over: Partial<MatchingFacts> = {}): MatchingFacts => ({
  startDate: '2026-01-01',
  endDate: '2026-12-31',
  status: 'active',
  schedule: weekdays('09:00', '13:00'),
  ...over,
});

const logged = (date: string, attendance: ActivityFacts['attendance'], leaveMinutes?: number): ActivityFacts => ({
  date,
  attendance,
  start: '09:00',
  end: '13:00',
  ...(leaveMinutes === undefined ? {} : { leaveMinutes }),
});

describe('weekly contract from the matchings', () => {
  it('adds up a Monday–Friday schedule: 4 hours a day is 20 hours a week', () => {
    expect(weeklyMinutesOf([matching()])).toBe(1200);
  });

  it('counts hours shared by two workers at the same time (1:2) once, and adjoining hours in full', () => {
    const shared = [matching(), matching({ schedule: weekdays('09:00', '13:00') })];
    expect(weeklyMinutesOf(shared)).toBe(1200);
    const afternoon = [matching(), matching({ schedule: weekdays('12:00', '15:00') })];
    expect(weeklyMinutesOf(afternoon)).toBe(5 * 360);
  });

  it('never goes above 40 hours', () => {
    expect(weeklyMinutesOf([matching({ schedule: weekdays('07:00', '19:00') })])).toBe(2400);
  });

  it('is the union of times: never more than the sum and never less than the largest matching', () => {
    const slot = fc
      .tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 23 }), fc.integer({ min: 1, max: 4 }))
      .map(([weekday, hour, length]) => ({
        weekday,
        start: `${String(hour).padStart(2, '0')}:00`,
        end: `${String(Math.min(24, hour + length)).padStart(2, '0')}:00`,
      }));
    fc.assert(
      fc.property(fc.array(fc.array(slot, { maxLength: 5 }), { minLength: 1, maxLength: 4 }), (schedules) => {
        const all = schedules.map((schedule) => matching({ schedule }));
        const union = weeklyMinutesOf(all);
        const each = all.map((m) => weeklyMinutesOf([m]));
        expect(union).toBeLessThanOrEqual(
          Math.min(
            2400,
            each.reduce((a, b) => a + b, 0),
          ),
        );
        expect(union).toBeGreaterThanOrEqual(Math.max(...each));
      }),
    );
  });

  it('uses the matchings in force, else the latest ones that ended', () => {
    const early = matching({ endDate: '2026-03-31', schedule: weekdays('09:00', '11:00') });
    const late = matching({ startDate: '2026-05-01', schedule: weekdays('09:00', '15:00') });
    expect(currentMatchings([early, late], '2026-06-01')).toEqual([late]);
    expect(currentMatchings([early, late], '2026-04-15')).toEqual([early]);
    expect(currentMatchings([early, late], '2025-12-01')).toEqual([]);
    const endedEarly = matching({ status: 'ended', endedOn: '2026-02-10' });
    expect(currentMatchings([endedEarly], '2026-03-01')).toEqual([endedEarly]);
    expect(currentMatchings([endedEarly], '2026-02-10')).toEqual([endedEarly]);
  });
});

describe('the profile the rules get', () => {
  it('takes the agency setting first, then the matchings, then full time, and says which', () => {
    const base = { hireDate: '2024-03-02', matchings: [matching()], activity: [], asOf: '2026-06-01' };
    const fromMatchings = deriveProfile(base);
    expect(fromMatchings.weeklySource).toBe('matchings');
    expect(fromMatchings.profile.weeklyContractMinutes).toBe(1200);
    expect(fromMatchings.profile.workingWeekdays).toEqual([0, 1, 2, 3, 4]);
    const fromSetting = deriveProfile({
      ...base,
      setting: { weeklyContractMinutes: 840, contractChanges: [], basis: 'fiscalYear', fiscalYearStart: '04-01' },
    });
    expect(fromSetting.weeklySource).toBe('setting');
    expect(fromSetting.profile).toMatchObject({
      weeklyContractMinutes: 840,
      basis: 'fiscalYear',
      fiscalYearStart: '04-01',
    });
    const nothing = deriveProfile({ ...base, matchings: [] });
    expect(nothing.weeklySource).toBe('default');
    expect(nothing.profile.weeklyContractMinutes).toBe(2400);
    expect(nothing.profile.workingWeekdays).toBeUndefined();
  });

  it('counts 결근 days of the employment as absences, once per day', () => {
    const { profile } = deriveProfile({
      hireDate: '2026-02-01',
      leaveDate: '2026-05-31',
      matchings: [matching()],
      activity: [
        logged('2026-03-04', 'absence'),
        logged('2026-03-04', 'absence'),
        logged('2026-01-10', 'absence'),
        logged('2026-06-10', 'absence'),
        logged('2026-03-05', 'work'),
      ],
      asOf: '2026-05-31',
    });
    expect(profile.absenceDates).toEqual(['2026-03-04']);
    expect(profile.endDate).toBe('2026-05-31');
  });
});

describe('leave entries from the activity log', () => {
  const employment = { hireDate: '2026-01-01' };

  it('keeps the leave types only, one entry per day and type with the times summed', () => {
    const entries = leaveEntriesFrom(
      [
        logged('2026-03-02', 'annualLeave', 120),
        logged('2026-03-02', 'annualLeave', 120),
        logged('2026-03-02', 'officialLeave', 60),
        logged('2026-03-03', 'work'),
        logged('2026-03-04', 'training'),
        logged('2026-03-05', 'absence'),
        logged('2026-03-06', 'holiday', 480),
        logged('2026-03-09', 'unpaidLeave', 240),
        logged('2026-03-10', 'paidLeave', 480),
      ],
      employment,
    );
    expect(entries).toEqual([
      { date: '2026-03-02', type: 'annualLeave', minutes: 240 },
      { date: '2026-03-02', type: 'officialLeave', minutes: 60 },
      { date: '2026-03-06', type: 'holiday', minutes: 480 },
      { date: '2026-03-09', type: 'unpaidLeave', minutes: 240 },
      { date: '2026-03-10', type: 'paidLeave', minutes: 480 },
    ]);
  });

  it('takes the entry’s span when no leave time was given, caps a day at 24 hours, leaves other employments out', () => {
    const entries = leaveEntriesFrom(
      [
        logged('2026-04-01', 'annualLeave'),
        ...Array.from({ length: 4 }, () => logged('2026-04-02', 'annualLeave', 480)),
        logged('2025-12-31', 'annualLeave', 480),
      ],
      employment,
    );
    expect(entries).toEqual([
      { date: '2026-04-01', type: 'annualLeave', minutes: 240 },
      { date: '2026-04-02', type: 'annualLeave', minutes: 1440 },
    ]);
  });

  it('puts the recorded excess reason on that day’s annual leave only', () => {
    const entries = leaveEntriesFrom(
      [logged('2026-04-01', 'annualLeave', 480), logged('2026-04-01', 'paidLeave', 480)],
      employment,
      new Map([['2026-04-01', '병원 진료']]),
    );
    expect(entries.find((e) => e.type === 'annualLeave')?.reason).toBe('병원 진료');
    expect(entries.find((e) => e.type === 'paidLeave')?.reason).toBeUndefined();
  });
});

describe('restricted days (사용제한일)', () => {
  const entries = [
    { date: '2026-03-07', type: 'annualLeave' as const, minutes: 240 }, // Saturday
    { date: '2026-03-09', type: 'annualLeave' as const, minutes: 240 }, // Monday
    { date: '2026-03-14', type: 'holiday' as const, minutes: 240 }, // Saturday, not annual leave
  ];

  it('is annual leave on a day the schedule in force has no work', () => {
    expect(restrictedDatesOf(entries, [matching()])).toEqual(['2026-03-07']);
  });

  it('is nothing without matchings, or on a day no matching covers', () => {
    expect(restrictedDatesOf(entries, [])).toEqual([]);
    expect(restrictedDatesOf(entries, [matching({ startDate: '2026-04-01' })])).toEqual([]);
  });

  it('is annual leave on a public holiday, scheduled or not, with its name as the reason', async () => {
    const holidays = await publicHolidays([2026]);
    // 2026-03-02 is the substitute holiday for 삼일절 (a Sunday); 2026-05-05 is 어린이날, a Tuesday
    const onHolidays = [
      { date: '2026-03-02', type: 'annualLeave' as const, minutes: 240 },
      { date: '2026-03-03', type: 'annualLeave' as const, minutes: 240 },
      { date: '2026-05-05', type: 'annualLeave' as const, minutes: 480 },
    ];
    const restrictions = restrictionsOf([...entries, ...onHolidays], [matching()], holidays);
    expect([...restrictions.keys()]).toEqual(['2026-03-07', '2026-03-02', '2026-05-05']);
    expect(restrictions.get('2026-05-05')).toBe('공휴일(어린이날)');
    expect(restrictions.get('2026-03-02')).toMatch(/^공휴일\(.*대체공휴일.*\)$/);
    expect(restrictions.get('2026-03-07')).toBe('근무일이 아님');
    // a public holiday counts even when no matching covers it
    expect(restrictedDatesOf(onHolidays, [], holidays)).toEqual(['2026-03-02', '2026-05-05']);
  });
});

describe('public holidays (관공서의 공휴일)', () => {
  it('come from the published calendar; a year without one gives none', async () => {
    const holidays = await publicHolidays(yearsBetween('2025-12-01', '2027-01-10'));
    expect(holidays.get('2025-12-25')).toEqual(['기독탄신일']);
    expect(holidays.get('2026-01-01')).toEqual(['1월 1일']);
    expect(holidays.has('2026-01-02')).toBe(false);
    expect((await publicHolidays([1990])).size).toBe(0);
    expect(yearsBetween('2024-05-01', '2026-01-01')).toEqual([2024, 2025, 2026]);
  });
});

describe('employment in a year', () => {
  it('is any day of the year between hire and leave', () => {
    expect(employedIn(2026, '2026-12-31')).toBe(true);
    expect(employedIn(2026, '2027-01-01')).toBe(false);
    expect(employedIn(2026, '2020-01-01', '2026-01-01')).toBe(true);
    expect(employedIn(2026, '2020-01-01', '2025-12-31')).toBe(false);
  });
});
