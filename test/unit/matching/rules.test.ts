import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  assistantProblems,
  type Decision,
  type MatchingShape,
  peakWithin,
  type Slot,
  scheduleProblems,
  stretches,
  weeklyMinutes,
  workerProblems,
} from '#functions/matching/rules';
import { formatDay, parseClock, parseDay, weekdayFromMonday } from '#kernel/calendar';

const shape = (workerId: string, schedule: Slot[], extra: Partial<MatchingShape> = {}): MatchingShape => ({
  workerId,
  workplaceKey: '220-81-62517',
  workplaceName: '한빛물류',
  startDate: '2027-01-04',
  endDate: '2027-12-31',
  schedule,
  ...extra,
});

const monToFri = (start: string, end: string): Slot[] => [0, 1, 2, 3, 4].map((weekday) => ({ weekday, start, end }));

const decision: Decision = {
  hoursPerDay: 8,
  daysPerWeek: 5,
  monthlyHours: 173,
  startDate: '2027-01-01',
  endDate: '2027-12-31',
};

describe('weekly schedule', () => {
  it('accepts a plain schedule and sums its minutes', () => {
    const schedule = monToFri('09:00', '13:00');
    expect(scheduleProblems(schedule)).toEqual([]);
    expect(weeklyMinutes(schedule)).toBe(20 * 60);
  });

  it('names the line that is wrong', () => {
    expect(scheduleProblems([])[0]!.message).toBe('주간 일정을 한 줄 이상 입력해 주세요.');
    expect(scheduleProblems([{ weekday: 2, start: '13:00', end: '09:00' }])).toEqual([
      { field: 'schedule.0.end', message: '일정 1번째 줄(수요일)의 끝나는 시각이 시작 시각보다 늦어야 합니다.' },
    ]);
    expect(
      scheduleProblems([
        { weekday: 0, start: '09:00', end: '12:00' },
        { weekday: 0, start: '11:00', end: '14:00' },
      ])[0]!.message,
    ).toBe('월요일 일정 1번째 줄과 2번째 줄의 시간이 겹칩니다. 한 줄로 합치거나 시간을 고쳐 주세요.');
    expect(scheduleProblems([{ weekday: 7, start: '09:00', end: '12:00' }])[0]!.field).toBe('schedule.0.weekday');
  });
});

describe('stretches of dates with the same matchings in force', () => {
  it('cuts where another matching starts or ends', () => {
    const out = stretches({ startDate: '2027-01-01', endDate: '2027-01-31' }, [
      shape('w2', [], { startDate: '2027-01-10', endDate: '2027-01-20' }),
      shape('w3', [], { startDate: '2026-06-01', endDate: '2027-01-05' }),
    ]);
    expect(out.map((s) => [formatDay(s.from), formatDay(s.to), s.active])).toEqual([
      ['2027-01-01', '2027-01-05', [1]],
      ['2027-01-06', '2027-01-09', []],
      ['2027-01-10', '2027-01-20', [0]],
      ['2027-01-21', '2027-01-31', []],
    ]);
    // a four-day stretch holds only its own weekdays (2027-01-06 is a Wednesday)
    expect([...out[1]!.weekdays].sort()).toEqual([2, 3, 4, 5]);
  });
});

describe('one assistant: at most the configured number of workers at once, at one workplace (B3)', () => {
  const three = [
    shape('w1', monToFri('09:00', '13:00')),
    shape('w2', monToFri('10:00', '14:00')),
    shape('w3', monToFri('11:00', '15:00')),
  ];

  it('allows a third worker at the same workplace (1:3)', () => {
    expect(assistantProblems(three[2]!, three.slice(0, 2), 3)).toEqual([]);
  });

  it('refuses a fourth at the same minute and says when', () => {
    const problems = assistantProblems(shape('w4', [{ weekday: 2, start: '12:00', end: '16:00' }]), three, 3);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toBe(
      '이 일정으로 매칭하면 2027-01-04~2027-12-31 수요일 12:00~13:00에 이 근로지원인이 4명을 동시에 지원하게 됩니다. 한 근로지원인이 동시에 지원할 수 있는 근로자는 최대 3명입니다. 시간을 바꾸거나 다른 근로지원인을 골라 주세요.',
    );
  });

  it('counts only the minutes the new schedule shares, and only the dates both are in force', () => {
    expect(assistantProblems(shape('w4', [{ weekday: 2, start: '13:00', end: '16:00' }]), three, 3)).toEqual([]);
    const later = three.map((m) => ({ ...m, startDate: '2027-07-01' }));
    const early = shape('w4', monToFri('09:00', '15:00'), { endDate: '2027-06-30' });
    expect(assistantProblems(early, later, 3)).toEqual([]);
  });

  it('follows the configured maximum', () => {
    expect(assistantProblems(three[2]!, three.slice(0, 2), 2)[0]!.message).toContain('최대 2명');
  });

  it('refuses two workplaces at the same time', () => {
    const elsewhere = shape('w9', [{ weekday: 0, start: '12:00', end: '17:00' }], {
      workplaceKey: '110-81-00000',
      workplaceName: '다른회사',
    });
    expect(assistantProblems(elsewhere, [three[0]!], 3)[0]!.message).toContain(
      '다른 사업장(한빛물류)에서 근로자를 지원합니다',
    );
    // after the first worker's hours, the other workplace is fine
    expect(
      assistantProblems({ ...elsewhere, schedule: [{ weekday: 0, start: '13:00', end: '17:00' }] }, [three[0]!], 3),
    ).toEqual([]);
  });

  it('refuses the same worker twice over the same dates', () => {
    expect(
      assistantProblems(shape('w1', [{ weekday: 5, start: '09:00', end: '10:00' }]), three, 3)[0]!.message,
    ).toContain('이미 이 근로자와 매칭되어 있습니다');
  });

  it('finds the peak of distinct workers (a worker in two intervals counts once)', () => {
    const peak = peakWithin(
      [
        { start: 540, end: 600, owner: 0 },
        { start: 600, end: 660, owner: 0 },
        { start: 570, end: 630, owner: 1 },
      ],
      (o) => `w${o}`,
      [{ start: 0, end: 1440 }],
    );
    expect(peak.count).toBe(2);
    expect([peak.start, peak.end]).toEqual([570, 630]);
  });

  // ── properties against a minute-by-minute oracle ──────────────────────────────────────────────

  const DAY0 = parseDay('2027-01-04'); // a Monday
  const arbSlot = fc
    .record({
      weekday: fc.integer({ min: 0, max: 6 }),
      start: fc.integer({ min: 8 * 4, max: 17 * 4 }),
      length: fc.integer({ min: 1, max: 12 }),
    })
    .map(({ weekday, start, length }) => ({
      weekday,
      start: clock(start * 15),
      end: clock(Math.min(start + length, 96) * 15),
    }));
  const arbMatching = fc
    .record({
      worker: fc.integer({ min: 1, max: 6 }),
      slots: fc.array(arbSlot, { minLength: 1, maxLength: 3 }),
      from: fc.integer({ min: 0, max: 20 }),
      length: fc.integer({ min: 0, max: 20 }),
    })
    .map(({ worker, slots, from, length }) =>
      shape(`w${worker}`, withoutOverlaps(slots), {
        startDate: formatDay(DAY0 + from),
        endDate: formatDay(DAY0 + from + length),
      }),
    );

  it('property: what the rule accepts never exceeds the maximum on any date and minute', () => {
    fc.assert(
      fc.property(fc.array(arbMatching, { maxLength: 8 }), fc.integer({ min: 1, max: 3 }), (attempts, max) => {
        const accepted: MatchingShape[] = [];
        for (const candidate of attempts) {
          if (assistantProblems(candidate, accepted, max).length === 0) accepted.push(candidate);
        }
        expect(oraclePeak(accepted)).toBeLessThanOrEqual(max);
      }),
      { numRuns: 150 },
    );
  });

  it('property: a refusal for concurrency means the oracle really sees more than the maximum with it', () => {
    fc.assert(
      fc.property(fc.array(arbMatching, { maxLength: 6 }), arbMatching, (existing, candidate) => {
        const accepted: MatchingShape[] = [];
        for (const m of existing) if (assistantProblems(m, accepted, 3).length === 0) accepted.push(m);
        const problems = assistantProblems(candidate, accepted, 3);
        const concurrency = problems.some((p) => p.message.includes('동시에 지원하게 됩니다'));
        expect(concurrency).toBe(
          oraclePeak([...accepted, candidate]) > 3 &&
            !problems.some((p) => !p.message.includes('동시에 지원하게 됩니다')),
        );
      }),
      { numRuns: 150 },
    );
  });

  /** Distinct workers at each minute of each date, counted one by one. */
  function oraclePeak(matchings: readonly MatchingShape[]): number {
    let peak = 0;
    for (let d = DAY0; d <= DAY0 + 41; d++) {
      const weekday = weekdayFromMonday(d);
      const live = matchings.filter((m) => parseDay(m.startDate) <= d && parseDay(m.endDate) >= d);
      for (let minute = 0; minute < 1440; minute += 15) {
        const workers = new Set(
          live
            .filter((m) =>
              m.schedule.some(
                (s) =>
                  s.weekday === weekday && parseClock(s.start, false) <= minute && parseClock(s.end, true) > minute,
              ),
            )
            .map((m) => m.workerId),
        );
        peak = Math.max(peak, workers.size);
      }
    }
    return peak;
  }
});

describe("the worker's decided hours (B3)", () => {
  it('accepts a full 40-hour week within a 173-hour month', () => {
    expect(workerProblems(shape('w1', monToFri('09:00', '17:00')), [], decision)).toEqual([]);
  });

  it('refuses a period outside the decision', () => {
    expect(
      workerProblems(shape('w1', monToFri('09:00', '12:00'), { endDate: '2028-01-31' }), [], decision)[0]!.message,
    ).toBe(
      '매칭 기간(2027-01-04~2028-01-31)이 지사가 결정한 지원 기간(2027-01-01~2027-12-31)을 벗어납니다. 결정된 기간 안으로 골라 주세요.',
    );
  });

  it('refuses a day longer than decided', () => {
    const problems = workerProblems(shape('w1', [{ weekday: 1, start: '09:00', end: '15:00' }]), [], {
      ...decision,
      hoursPerDay: 4,
      monthlyHours: 86,
    });
    expect(problems[0]!.message).toBe(
      '화요일 지원 시간이 6시간입니다. 이 근로자의 하루 결정 시간은 4시간입니다. 시간을 줄여 주세요.',
    );
  });

  it('adds up the other assistants of the same worker over the dates they overlap', () => {
    const other = shape('w1', monToFri('09:00', '13:00'), { startDate: '2027-03-01', endDate: '2027-06-30' });
    const problems = workerProblems(shape('w1', monToFri('13:00', '18:00')), [other], decision);
    expect(problems[0]!.message).toBe(
      '2027-03-01~2027-06-30에는 다른 매칭과 합쳐 월요일 지원 시간이 9시간입니다. 이 근로자의 하루 결정 시간은 8시간입니다. 시간을 줄여 주세요.',
    );
  });

  it('refuses more days a week than decided', () => {
    const sixDays = [...monToFri('09:00', '10:00'), { weekday: 5, start: '09:00', end: '10:00' }];
    expect(workerProblems(shape('w1', sixDays), [], decision)[0]!.message).toContain('일주일에 6일을 지원하게 됩니다');
  });

  it('refuses a week whose average month exceeds the monthly decision', () => {
    const problems = workerProblems(shape('w1', monToFri('09:00', '13:00')), [], { ...decision, monthlyHours: 80 });
    expect(problems[0]!.message).toBe(
      '주 20시간이면 한 달 평균(약 4.35주) 86시간을 지원하게 되어, 이 근로자의 월 결정 시간 80시간을 넘습니다. 주 시간을 줄여 주세요.',
    );
  });

  it('property: an accepted set of matchings never gives the worker more than decided on any date', () => {
    const arb = fc
      .record({
        slots: fc.array(
          fc.record({
            weekday: fc.integer({ min: 0, max: 6 }),
            start: fc.integer({ min: 32, max: 70 }),
            len: fc.integer({ min: 1, max: 16 }),
          }),
          { minLength: 1, maxLength: 4 },
        ),
        from: fc.integer({ min: 0, max: 30 }),
        length: fc.integer({ min: 0, max: 30 }),
      })
      .map(({ slots, from, length }) =>
        shape(
          'w1',
          withoutOverlaps(
            slots.map((s) => ({
              weekday: s.weekday,
              start: clock(s.start * 15),
              end: clock(Math.min(s.start + s.len, 96) * 15),
            })),
          ),
          {
            startDate: formatDay(parseDay('2027-01-04') + from),
            endDate: formatDay(parseDay('2027-01-04') + from + length),
          },
        ),
      );
    fc.assert(
      fc.property(
        fc.array(arb, { maxLength: 6 }),
        fc.constantFrom(4, 6, 8),
        fc.constantFrom(3, 5),
        (attempts, hoursPerDay, daysPerWeek) => {
          const d: Decision = {
            ...decision,
            hoursPerDay,
            daysPerWeek,
            monthlyHours: Math.floor((hoursPerDay * daysPerWeek * 365) / 84),
          };
          const accepted: MatchingShape[] = [];
          for (const m of attempts) if (workerProblems(m, accepted, d).length === 0) accepted.push(m);
          for (let day = parseDay('2027-01-04'); day <= parseDay('2027-03-10'); day++) {
            const live = accepted.filter((m) => parseDay(m.startDate) <= day && parseDay(m.endDate) >= day);
            const slots = live.flatMap((m) => m.schedule);
            const today = slots.filter((s) => s.weekday === weekdayFromMonday(day));
            expect(
              today.reduce((sum, s) => sum + parseClock(s.end, true) - parseClock(s.start, false), 0),
            ).toBeLessThanOrEqual(hoursPerDay * 60);
            expect(weeklyMinutes(slots)).toBeLessThanOrEqual(hoursPerDay * daysPerWeek * 60);
            expect(new Set(slots.map((s) => s.weekday)).size).toBeLessThanOrEqual(daysPerWeek);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});

function clock(minutes: number): string {
  return minutes >= 1440
    ? '24:00'
    : `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** Drops slots that overlap an earlier one on the same day (a schedule the form would refuse). */
function withoutOverlaps(slots: Slot[]): Slot[] {
  const kept: Slot[] = [];
  for (const s of slots) {
    const a = parseClock(s.start, false);
    const b = parseClock(s.end, true);
    if (b <= a) continue;
    if (kept.some((k) => k.weekday === s.weekday && parseClock(k.start, false) < b && a < parseClock(k.end, true)))
      continue;
    kept.push(s);
  }
  return kept.length ? kept : [{ weekday: 0, start: '09:00', end: '10:00' }];
}
