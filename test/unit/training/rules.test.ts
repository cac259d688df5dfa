import { describe, expect, it } from 'vitest';
import {
  acceptsApplications,
  applicationRefusal,
  completionOf,
  courseIcs,
  courseProblems,
  DEFAULT_COMPLETION_ATTENDANCE,
  foldLine,
  monthGrid,
  nextInLine,
  placeFor,
  type Queued,
  runsInMonth,
  totalHours,
  waitingList,
  waitingRank,
} from '#functions/training/rules';

const sessions = [
  { day: '2027-01-12', start: '13:00', end: '18:00' },
  { day: '2027-01-11', start: '09:00', end: '12:30' },
];

describe('courses', () => {
  it('counts teaching hours over all sessions', () => {
    expect(totalHours(sessions)).toBe(8.5);
  });

  it('refuses an end before its start, a day twice, and an application period reaching the first day', () => {
    const problems = courseProblems({
      sessions: [...sessions, { day: '2027-01-12', start: '10:00', end: '09:00' }],
      applyFrom: '2027-01-05',
      applyTo: '2027-01-11',
      capacity: 10,
    });
    expect(problems.map((p) => p.field)).toEqual(['sessions.2.end', 'sessions.2.day', 'applyTo']);
    expect(problems[2]!.message).toContain('2027-01-11');
    expect(courseProblems({ sessions, applyFrom: '2026-12-20', applyTo: '2027-01-10', capacity: 10 })).toEqual([]);
  });

  it('takes applications only while open and within the period', () => {
    const course = { status: 'open' as const, applyFrom: '2026-12-01', applyTo: '2026-12-31' };
    expect(acceptsApplications(course, '2026-12-31')).toBe(true);
    expect(acceptsApplications(course, '2027-01-01')).toBe(false);
    expect(applicationRefusal(course, '2026-11-30')).toBe('신청은 2026-12-01부터 할 수 있습니다.');
    expect(applicationRefusal({ ...course, status: 'closed' }, '2026-12-10')).toBe(
      '신청을 받고 있지 않은 교육과정입니다.',
    );
  });

  it('places a course in every month its sessions touch, and lays a month out in weeks from Sunday', () => {
    const spanning = {
      sessions: [
        { day: '2026-12-31', start: '09:00', end: '12:00' },
        { day: '2027-01-01', start: '09:00', end: '12:00' },
      ],
    };
    expect(runsInMonth(spanning, '2026-12')).toBe(true);
    expect(runsInMonth(spanning, '2027-01')).toBe(true);
    expect(runsInMonth(spanning, '2027-02')).toBe(false);
    const weeks = monthGrid('2027-02'); // 2027-02-01 is a Monday
    expect(weeks[0]).toEqual([
      null,
      '2027-02-01',
      '2027-02-02',
      '2027-02-03',
      '2027-02-04',
      '2027-02-05',
      '2027-02-06',
    ]);
    expect(weeks.flat().filter(Boolean)).toHaveLength(28);
    expect(weeks.every((week) => week.length === 7)).toBe(true);
  });
});

describe('the waiting list', () => {
  const a = (applicationId: string, state: Queued['state'], appliedAt: string): Queued => ({
    applicationId,
    state,
    appliedAt,
  });

  it('gives a seat while one is free and the waiting list after', () => {
    expect(placeFor({ capacity: 2, seatsTaken: 1 })).toBe('applied');
    expect(placeFor({ capacity: 2, seatsTaken: 2 })).toBe('waiting');
  });

  it('serves the waiting list first come, first served, whatever order the table returns', () => {
    const all = [
      a('TA-3', 'waiting', '2026-12-03T01:00:00.000Z'),
      a('TA-1', 'accepted', '2026-12-01T01:00:00.000Z'),
      a('TA-2', 'waiting', '2026-12-02T01:00:00.000Z'),
      a('TA-5', 'cancelled', '2026-12-01T00:00:00.000Z'),
      a('TA-4', 'waiting', '2026-12-02T01:00:00.000Z'),
    ];
    expect(waitingList(all).map((x) => x.applicationId)).toEqual(['TA-2', 'TA-4', 'TA-3']);
    expect(nextInLine(all)?.applicationId).toBe('TA-2');
    expect(waitingRank(all, 'TA-3')).toBe(3);
    expect(waitingRank(all, 'TA-1')).toBeUndefined();
    expect(nextInLine(all.filter((x) => x.state !== 'waiting'))).toBeUndefined();
  });
});

describe('the .ics file', () => {
  const ics = courseIcs(
    {
      courseId: 'TC-20261207-ABC',
      name: '근로지원인 양성교육, 서울 1기',
      institutionName: '한국근로지원인교육원',
      place: '서울특별시 영등포구 국제금융로 10; 12층',
      sessions,
      contactPhone: '02-780-0404',
    },
    new Date('2026-12-07T01:02:03.456Z'),
  );
  const unfolded = ics.replace(/\r\n /g, '');

  it('carries the Seoul time-zone block and each session at its Korea time', () => {
    expect(unfolded).toContain('BEGIN:VTIMEZONE\r\nTZID:Asia/Seoul');
    expect(unfolded).toContain('TZOFFSETTO:+0900');
    // sessions in date order, local times as taught
    expect(unfolded.indexOf('DTSTART;TZID=Asia/Seoul:20270111T090000')).toBeGreaterThan(0);
    expect(unfolded.indexOf('DTSTART;TZID=Asia/Seoul:20270111T090000')).toBeLessThan(
      unfolded.indexOf('DTSTART;TZID=Asia/Seoul:20270112T130000'),
    );
    expect(unfolded).toContain('DTEND;TZID=Asia/Seoul:20270112T180000');
    expect(unfolded).toContain('DTSTAMP:20261207T010203Z');
    expect(unfolded).toContain('SUMMARY:근로지원인 양성교육\\, 서울 1기 (1/2회차)');
    expect(unfolded).toContain('LOCATION:서울특별시 영등포구 국제금융로 10\\; 12층');
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
  });

  it('folds lines at 75 octets without splitting a Korean character', () => {
    const line = `DESCRIPTION:${'가'.repeat(60)}`;
    const folded = foldLine(line);
    const parts = folded.split('\r\n ');
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(new TextEncoder().encode(part).length).toBeLessThanOrEqual(75);
    expect(parts.join('')).toBe(line);
    for (const physical of ics.split('\r\n')) expect(new TextEncoder().encode(physical).length).toBeLessThanOrEqual(75);
  });
});

describe('completion', () => {
  const course = {
    sessions: ['2027-01-11', '2027-01-12', '2027-01-13', '2027-01-14', '2027-01-15'].map((day) => ({
      day,
      start: '09:00',
      end: '17:00',
    })),
    passMark: 60,
  };

  it('completes at exactly the threshold (4 of 5 = 80%) and the pass mark', () => {
    const result = completionOf(
      { attendedDays: ['2027-01-11', '2027-01-12', '2027-01-13', '2027-01-14'], score: 60 },
      course,
    );
    expect(result).toMatchObject({ completes: true, attended: 4, sessions: 5, reasons: [] });
  });

  it('gives each shortfall its own reason; days outside the course and repeats do not count', () => {
    const result = completionOf(
      { attendedDays: ['2027-01-11', '2027-01-11', '2027-01-12', '2027-01-20'], score: 59 },
      course,
    );
    expect(result.completes).toBe(false);
    expect(result.attended).toBe(2);
    expect(result.reasons).toEqual([
      '출석 2/5회(40%)로 수료 기준 80%에 못 미칩니다.',
      '평가 점수 59점으로 합격 점수 60점에 못 미칩니다.',
    ]);
    expect(completionOf({ attendedDays: course.sessions.map((s) => s.day) }, course).reasons).toEqual([
      '평가 점수가 입력되지 않았습니다.',
    ]);
  });

  it('follows a threshold other than the default', () => {
    const three = { attendedDays: ['2027-01-11', '2027-01-12', '2027-01-13'], score: 100 };
    expect(completionOf(three, course).completes).toBe(false);
    expect(completionOf(three, course, 0.6).completes).toBe(true);
    expect(DEFAULT_COMPLETION_ATTENDANCE).toBe(0.8);
  });
});
