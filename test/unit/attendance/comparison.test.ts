// 근무 이력 비교: every finding type with its figures, blocking versus not, tolerance edges, overnight
// attendance, leave logs, concurrency and worker overlaps; properties over generated months.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type AttendanceSpan,
  compareMonth,
  FINDING_TYPES,
  type LogEntry,
  openBlocking,
  reasonProblem,
  review,
  submissionRefusal,
} from '#functions/attendance/comparison';

const OPTIONS = { toleranceMinutes: 10, maxConcurrency: 3 };
const D = '2026-03-03';

let sequence = 0;
function span(clockIn: string, clockOut: string, extra: Partial<AttendanceSpan> = {}): AttendanceSpan {
  return { assistantId: 'A1', date: D, clockIn, clockOut, overnight: false, row: 2 + sequence++, ...extra };
}
function log(start: string, end: string, extra: Partial<LogEntry> = {}): LogEntry {
  return {
    entryId: `e${sequence++}`,
    assistantId: 'A1',
    workerId: 'W1',
    workerName: '김근로',
    date: D,
    start,
    end,
    attendance: 'work',
    ...extra,
  };
}
const codes = (findings: { code: string }[]) => findings.map((f) => f.code);

describe('compareMonth', () => {
  it('finds nothing when the logs match the attendance within the tolerance', () => {
    expect(compareMonth([span('09:00', '18:00')], [log('09:10', '17:50')], OPTIONS)).toEqual([]);
  });

  it('a log without attendance blocks, naming the worker and the times', () => {
    const [finding] = compareMonth([], [log('09:00', '12:00')], OPTIONS);
    expect(finding).toMatchObject({ code: 'noAttendance', blocking: true, assistantId: 'A1', date: D });
    expect(finding!.message).toContain('김근로 09:00~12:00');
    expect(finding!.message).toContain('출퇴근 기록이 없습니다');
  });

  it('attendance without a log is shown but does not block; leave-only days say so', () => {
    const [plain] = compareMonth([span('09:00', '18:00')], [], OPTIONS);
    expect(plain).toMatchObject({ code: 'noLog', blocking: false, entryIds: [] });
    expect(plain!.message).toContain('09:00~18:00');
    const [leave] = compareMonth(
      [span('09:00', '18:00')],
      [log('09:00', '18:00', { attendance: 'annualLeave' })],
      OPTIONS,
    );
    expect(leave!.code).toBe('noLog');
    expect(leave!.message).toContain('휴가·휴일·결근만');
  });

  it('leave logs need no attendance', () => {
    expect(compareMonth([], [log('09:00', '18:00', { attendance: 'annualLeave' })], OPTIONS)).toEqual([]);
  });

  it('start earlier than the clock-in by more than the tolerance blocks; exactly the tolerance does not', () => {
    expect(compareMonth([span('09:00', '18:00')], [log('08:50', '18:00')], OPTIONS)).toEqual([]);
    const [finding] = compareMonth([span('09:00', '18:00')], [log('08:49', '18:00')], OPTIONS);
    expect(finding).toMatchObject({ code: 'startEarly', blocking: true });
    expect(finding!.message).toContain('08:49');
    expect(finding!.message).toContain('11분 이릅니다(허용 10분)');
  });

  it('start later and end earlier are shown without blocking; end later blocks', () => {
    const late = compareMonth([span('09:00', '18:00')], [log('09:30', '17:00')], OPTIONS);
    expect(codes(late)).toEqual(['startLate', 'endEarly']);
    expect(late.every((f) => !f.blocking)).toBe(true);
    expect(late[1]!.message).toContain('60분 이릅니다');
    const [endLate] = compareMonth([span('09:00', '18:00')], [log('09:00', '18:30')], OPTIONS);
    expect(endLate).toMatchObject({ code: 'endLate', blocking: true });
    expect(endLate!.message).toContain('30분 늦습니다');
  });

  it('uses the per-agency tolerance', () => {
    expect(
      compareMonth([span('09:00', '18:00')], [log('08:40', '18:00')], { ...OPTIONS, toleranceMinutes: 20 }),
    ).toEqual([]);
    expect(
      codes(compareMonth([span('09:00', '18:00')], [log('08:40', '18:00')], { ...OPTIONS, toleranceMinutes: 0 })),
    ).toEqual(['startEarly']);
  });

  it('a log in the break between two clock-ins is outside the attended span', () => {
    const spans = [span('09:00', '12:00'), span('14:00', '18:00')];
    const inBreak = log('12:00', '13:30', { workerId: 'W2', workerName: '박근로' });
    const findings = compareMonth(spans, [log('09:00', '12:00'), inBreak, log('14:00', '18:00')], OPTIONS);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ code: 'outsideSpan', blocking: true, entryIds: [inBreak.entryId] });
    expect(findings[0]!.message).toContain('90분');
    expect(findings[0]!.message).toContain('09:00~12:00, 14:00~18:00');
  });

  it('reads an overnight clock-out as the next day', () => {
    expect(
      compareMonth([span('18:00', '02:00', { overnight: true })], [log('18:00', '24:00')], OPTIONS).map(
        (f) => f.message,
      ),
    ).toEqual([expect.stringContaining('퇴근(익일 02:00)보다 120분 이릅니다')]);
  });

  it('finds two assistants logging the same worker at once, once for each assistant', () => {
    const mine = log('10:00', '12:00');
    const theirs = log('11:00', '13:00', { assistantId: 'A2' });
    const findings = compareMonth(
      [span('10:00', '12:00'), span('11:00', '13:00', { assistantId: 'A2' })],
      [mine, theirs],
      OPTIONS,
    );
    expect(findings.map((f) => [f.code, f.assistantId])).toEqual([
      ['workerOverlap', 'A1'],
      ['workerOverlap', 'A2'],
    ]);
    expect(findings[0]!.message).toContain('60분 겹칩니다');
    expect(new Set(findings.map((f) => f.id)).size).toBe(2);
  });

  it('back-to-back logs of one worker by two assistants do not overlap', () => {
    const logs = [log('09:00', '12:00'), log('12:00', '15:00', { assistantId: 'A2' })];
    const spans = [span('09:00', '12:00'), span('12:00', '15:00', { assistantId: 'A2' })];
    expect(compareMonth(spans, logs, OPTIONS)).toEqual([]);
  });

  it('finds more workers at once than the rate table allows, with the period and the count', () => {
    const logs = ['W1', 'W2', 'W3', 'W4'].map((w, i) =>
      log(`${10 + i}:00`, '16:00', { workerId: w, workerName: `근로자${i + 1}` }),
    );
    const findings = compareMonth([span('10:00', '16:00')], logs, OPTIONS);
    const [finding] = findings.filter((f) => f.code === 'tooManyWorkers');
    expect(finding).toMatchObject({ blocking: true });
    expect(finding!.message).toContain('13:00~16:00에 근로자 4명');
    expect(finding!.message).toContain('3명까지');
    expect(finding!.entryIds).toHaveLength(4);
    expect(
      compareMonth([span('10:00', '16:00')], logs, { ...OPTIONS, maxConcurrency: 4 }).filter(
        (f) => f.code === 'tooManyWorkers',
      ),
    ).toEqual([]);
  });
});

describe('review and submission', () => {
  const findings = compareMonth(
    [span('09:00', '18:00'), span('09:00', '18:00', { date: '2026-03-04' })],
    [log('08:00', '18:00')],
    OPTIONS,
  );

  it('a justified blocking finding no longer blocks; the refusal counts what is left', () => {
    expect(codes(findings)).toEqual(['startEarly', 'noLog']);
    const reviewed = review(findings, []);
    expect(openBlocking(reviewed)).toHaveLength(1);
    expect(submissionRefusal(reviewed, true)).toContain('1건');
    const justified = review(findings, [{ findingId: findings[0]!.id, reason: '앱 장애', by: 'u1', at: 'now' }]);
    expect(justified[0]!.justification?.reason).toBe('앱 장애');
    expect(openBlocking(justified)).toEqual([]);
    expect(submissionRefusal(justified, true)).toBeUndefined();
  });

  it('refuses a month without an import', () => {
    expect(submissionRefusal([], false)).toContain('출퇴근 자료를 먼저');
  });

  it('checks the reason', () => {
    expect(reasonProblem('  짧음 ')).toContain('5자 이상');
    expect(reasonProblem('가'.repeat(501))).toContain('501자');
    expect(reasonProblem('출퇴근 앱 장애로 기록 누락')).toBeUndefined();
  });
});

describe('properties', () => {
  const minutes = fc.integer({ min: 6 * 60, max: 20 * 60 });
  const clock = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  const day = fc.record({
    assistant: fc.constantFrom('A1', 'A2'),
    date: fc.constantFrom('2026-03-02', '2026-03-03'),
    start: minutes,
    length: fc.integer({ min: 30, max: 240 }),
    shift: fc.integer({ min: -30, max: 30 }),
  });

  it('logs that equal the attendance give no finding', () => {
    fc.assert(
      fc.property(fc.uniqueArray(day, { selector: (d) => `${d.assistant}|${d.date}`, maxLength: 4 }), (days) => {
        const spans = days.map((d) =>
          span(clock(d.start), clock(d.start + d.length), { assistantId: d.assistant, date: d.date }),
        );
        const logs = days.map((d) =>
          log(clock(d.start), clock(d.start + d.length), {
            assistantId: d.assistant,
            date: d.date,
            workerId: `W-${d.assistant}`,
          }),
        );
        expect(compareMonth(spans, logs, OPTIONS)).toEqual([]);
      }),
    );
  });

  it('ids are unique, blocking follows the type, and a larger tolerance never adds a finding', () => {
    fc.assert(
      fc.property(fc.array(day, { maxLength: 6 }), fc.integer({ min: 0, max: 30 }), (days, tolerance) => {
        const spans = days.map((d) =>
          span(clock(d.start), clock(d.start + d.length), { assistantId: d.assistant, date: d.date }),
        );
        const logs = days.map((d) =>
          log(clock(d.start + d.shift), clock(d.start + d.length), {
            assistantId: d.assistant,
            date: d.date,
            workerId: `W${d.shift}`,
          }),
        );
        const strict = compareMonth(spans, logs, { ...OPTIONS, toleranceMinutes: tolerance });
        const loose = compareMonth(spans, logs, { ...OPTIONS, toleranceMinutes: tolerance + 15 });
        expect(new Set(strict.map((f) => f.id)).size).toBe(strict.length);
        for (const f of strict) expect(f.blocking).toBe(FINDING_TYPES.find((t) => t.code === f.code)!.blocking);
        const strictIds = new Set(strict.map((f) => f.id));
        for (const f of loose) expect(strictIds.has(f.id)).toBe(true);
      }),
    );
  });
});
