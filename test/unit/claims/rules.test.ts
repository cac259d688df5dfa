// Hand-worked examples, one group per numbered rule of the engine contract (issue 8 §1).
// Month 2026-03: the 1st is a Sunday, so the period runs from Monday 2026-02-23 to 2026-03-31,
// and the weeks whose Sunday is in March are Feb 23–Mar 1, Mar 2–8, 9–15, 16–22 and 23–29.

import { describe, expect, it } from 'vitest';
import { computeClaim } from '#functions/claims/engine/engine';
import { claimInput, other, problemKeys, service } from './support.ts';

const only = (input: Parameters<typeof computeClaim>[0]) => {
  const result = computeClaim(input);
  return { result, line: result.assistants[0]!, problems: problemKeys(result.problems) };
};

describe('rule 1: the period', () => {
  it('accepts the Monday of the 1st’s week through the last day, counting only the month', () => {
    const { line, problems } = only(
      claimInput([
        service('A1', 'W1', '2026-02-22', '09:00', '13:00'),
        service('A1', 'W1', '2026-02-23', '09:00', '13:00'),
        service('A1', 'W1', '2026-03-31', '09:00', '10:00'),
        service('A1', 'W1', '2026-04-01', '09:00', '13:00'),
      ]),
    );
    expect(line.minutes.service).toBe(60);
    expect(problems).toEqual(['OUT_OF_PERIOD A1 2026-02-22 W1', 'OUT_OF_PERIOD A1 2026-04-01 W1']);
  });

  it('starts on the 1st when the 1st is a Monday (2026-06)', () => {
    const { line, problems } = only(
      claimInput(
        [service('A1', 'W1', '2026-05-31', '09:00', '10:00'), service('A1', 'W1', '2026-06-01', '09:00', '10:00')],
        { month: '2026-06' },
      ),
    );
    expect(line.minutes.service).toBe(60);
    expect(problems).toEqual(['OUT_OF_PERIOD A1 2026-05-31 W1']);
  });
});

describe('rule 2: entry checks, in order, one problem each, entry left out', () => {
  it('reports only the first failing check', () => {
    const { line, problems } = only(
      claimInput([
        // bad time, out of period and unknown assistant and worker: INVALID_TIME wins
        service('AX', 'WX', '2026-05-01', '25:00', '26:00'),
        // out of period, unknown assistant: OUT_OF_PERIOD
        service('AX', 'WX', '2026-05-01', '09:00', '10:00'),
        // unknown assistant and worker: UNKNOWN_ASSISTANT
        service('AX', 'WX', '2026-03-03', '09:00', '10:00'),
        // unknown worker
        service('A1', 'WX', '2026-03-03', '09:00', '10:00'),
      ]),
    );
    expect(problems).toEqual(
      [
        'UNKNOWN_WORKER A1 2026-03-03 WX',
        'INVALID_TIME AX 2026-05-01 WX',
        'OUT_OF_PERIOD AX 2026-05-01 WX',
        'UNKNOWN_ASSISTANT AX 2026-03-03 WX',
      ].sort(byAssistantThenDate),
    );
    expect(line.minutes.service).toBe(0);
  });

  it.each([
    ['a date that is not on the calendar', '2026-02-30', '09:00', '10:00'],
    ['29 February in a common year', '2026-02-29', '09:00', '10:00'],
    ['an hour past 23', '2026-03-03', '25:00', '26:00'],
    ['a minute past 59', '2026-03-03', '09:60', '10:00'],
    ['24:00 as a start', '2026-03-03', '24:00', '24:00'],
    ['an end past 24:00', '2026-03-03', '23:00', '24:01'],
    ['an end equal to the start', '2026-03-03', '09:00', '09:00'],
    ['an end before the start', '2026-03-03', '10:00', '09:00'],
  ])('INVALID_TIME for %s', (_, date, start, end) => {
    const { line, problems } = only(claimInput([service('A1', 'W1', date, start, end)]));
    expect(problems).toEqual([`INVALID_TIME A1 ${date} W1`]);
    expect(line.minutes.service).toBe(0);
  });

  it('accepts 24:00 as an end', () => {
    const { line, problems } = only(claimInput([service('A1', 'W1', '2026-03-03', '22:00', '24:00')]));
    expect(problems).toEqual([]);
    expect(line.minutes.service).toBe(120);
  });

  it('checks workers for service entries only', () => {
    const entry = { ...other('paidLeave', 'A1', '2026-03-03', '09:00', '13:00'), workerId: 'WX' };
    const { line, problems } = only(claimInput([entry]));
    expect(problems).toEqual([]);
    expect(line.minutes.paidLeave).toBe(240);
  });

  it('reports each failing entry, even identical ones', () => {
    const bad = service('A1', 'W1', '2026-03-03', '10:00', '09:00');
    expect(only(claimInput([bad, bad])).problems).toEqual([
      'INVALID_TIME A1 2026-03-03 W1',
      'INVALID_TIME A1 2026-03-03 W1',
    ]);
  });
});

function byAssistantThenDate(a: string, b: string): number {
  const [, aa, ad] = a.split(' ');
  const [, ba, bd] = b.split(' ');
  return aa! < ba! ? -1 : aa! > ba! ? 1 : ad! < bd! ? -1 : ad! > bd! ? 1 : 0;
}

describe('rule 3: concurrency', () => {
  it('splits a day into 1:1, 1:2, 1:3 and over-concurrency minutes', () => {
    // 09:00–10:00 k=1 · 10:00–10:30 k=2 · 10:30–10:45 k=3 · 10:45–11:00 k=4 · 11:00–11:30 k=2 · 11:30–12:00 k=1
    const { result, line, problems } = only(
      claimInput([
        service('A1', 'W1', '2026-03-03', '09:00', '12:00'),
        service('A1', 'W2', '2026-03-03', '10:00', '11:00'),
        service('A1', 'W3', '2026-03-03', '10:30', '11:30'),
        service('A1', 'W4', '2026-03-03', '10:45', '11:00'),
      ]),
    );
    expect(line.minutes.service).toBe(180);
    expect(line.minutes.byRatio).toEqual({ '1': 90, '2': 60, '3': 15 });
    expect(line.minutes.overConcurrency).toBe(15);
    expect(problems).toEqual(['OVER_CONCURRENCY A1 2026-03-03']);
    expect(result.problems[0]!.message).toContain('10:45~11:00');
    expect(result.problems[0]!.message).toContain('W1, W2, W3, W4');
    // W1: 90 at 1:1, 60 at 1:2 (10:00–10:30, 11:00–11:30), 15 at 1:3 → (90×300 + 60×150 + 15×100) / 60 = 625
    // W2: 30 at 1:2, 15 at 1:3 → 100 · W3: 15 at 1:3, 30 at 1:2 → 100 · W4: only over-concurrency → 0
    expect(result.workers).toEqual([
      { id: 'W1', supportedMinutes: 165, byRatio: { '1': 90, '2': 60, '3': 15 }, copay: 625 },
      { id: 'W2', supportedMinutes: 45, byRatio: { '1': 0, '2': 30, '3': 15 }, copay: 100 },
      { id: 'W3', supportedMinutes: 45, byRatio: { '1': 0, '2': 30, '3': 15 }, copay: 100 },
      { id: 'W4', supportedMinutes: 0, byRatio: { '1': 0, '2': 0, '3': 0 }, copay: 0 },
    ]);
    // over-concurrency minutes are not paid: (90 + 60 + 15) minutes × 10,320 / 60
    expect(line.amounts.pay).toBe(28380);
  });

  it('counts overlapping entries for one worker once, with one DUPLICATE_OVERLAP per day and worker', () => {
    const { result, line, problems } = only(
      claimInput([
        service('A1', 'W1', '2026-03-03', '09:00', '10:00'),
        service('A1', 'W1', '2026-03-03', '09:30', '10:30'),
        service('A1', 'W1', '2026-03-03', '09:45', '10:15'),
        service('A1', 'W1', '2026-03-03', '10:30', '11:00'), // touches, does not overlap
        service('A1', 'W2', '2026-03-03', '14:00', '15:00'),
        service('A1', 'W2', '2026-03-03', '14:00', '15:00'),
        service('A1', 'W1', '2026-03-04', '09:00', '10:00'),
        service('A1', 'W1', '2026-03-04', '09:59', '10:01'),
      ]),
    );
    expect(line.minutes.service).toBe(120 + 60 + 61);
    expect(line.minutes.byRatio['1']).toBe(241);
    expect(problems).toEqual([
      'DUPLICATE_OVERLAP A1 2026-03-03 W1',
      'DUPLICATE_OVERLAP A1 2026-03-03 W2',
      'DUPLICATE_OVERLAP A1 2026-03-04 W1',
    ]);
    expect(result.problems[0]!.message).toContain('09:30~10:15');
  });

  it('counts k as distinct workers: a duplicate does not raise the ratio', () => {
    const { line } = only(
      claimInput([
        service('A1', 'W1', '2026-03-03', '09:00', '10:00'),
        service('A1', 'W1', '2026-03-03', '09:00', '10:00'),
        service('A1', 'W2', '2026-03-03', '09:00', '10:00'),
      ]),
    );
    expect(line.minutes.byRatio).toEqual({ '1': 0, '2': 60, '3': 0 });
  });

  it('raises OVER_CONCURRENCY once per assistant and day', () => {
    const entries = ['W1', 'W2', 'W3', 'W4'].flatMap((w) => [
      service('A1', w, '2026-03-03', '09:00', '10:00'),
      service('A1', w, '2026-03-03', '11:00', '12:00'),
    ]);
    const { result, line, problems } = only(claimInput(entries));
    expect(problems).toEqual(['OVER_CONCURRENCY A1 2026-03-03']);
    expect(line.minutes.overConcurrency).toBe(120);
    expect(line.minutes.service).toBe(120);
    expect(result.problems[0]!.message).toContain('09:00~10:00, 11:00~12:00');
  });

  it('follows maxConcurrency from the rates', () => {
    const { line } = only(
      claimInput(
        [service('A1', 'W1', '2026-03-03', '09:00', '10:00'), service('A1', 'W2', '2026-03-03', '09:30', '10:00')],
        { rates: { maxConcurrency: 1, premiumByRatio: { '1': 1 }, copayPerHourByRatio: { '1': 300 } } },
      ),
    );
    expect(line.minutes.byRatio).toEqual({ '1': 30 });
    expect(line.minutes.overConcurrency).toBe(30);
  });
});

describe('rule 4: other types', () => {
  it('counts each type in its own field', () => {
    const { line, problems } = only(
      claimInput([
        other('paidLeave', 'A1', '2026-03-02', '09:00', '17:00'),
        other('holiday', 'A1', '2026-03-03', '09:00', '17:00'),
        other('officialLeave', 'A1', '2026-03-04', '09:00', '12:00'),
        other('training', 'A1', '2026-03-05', '13:00', '15:00'),
        other('unpaidLeave', 'A1', '2026-03-06', '09:00', '10:00'),
        other('absence', 'A1', '2026-03-09', '09:00', '09:30'),
      ]),
    );
    expect(problems).toEqual([]);
    const { paidLeave, holiday, officialLeave, training, unpaidLeave, absence, service: served } = line.minutes;
    expect({ paidLeave, holiday, officialLeave, training, unpaidLeave, absence, served }).toEqual({
      paidLeave: 480,
      holiday: 480,
      officialLeave: 180,
      training: 120,
      unpaidLeave: 60,
      absence: 30,
      served: 0,
    });
  });

  it('raises LEAVE_SERVICE_OVERLAP once per day and still counts every minute', () => {
    const { result, line, problems } = only(
      claimInput([
        service('A1', 'W1', '2026-03-03', '09:00', '13:00'),
        other('paidLeave', 'A1', '2026-03-03', '12:00', '14:00'),
        other('training', 'A1', '2026-03-03', '13:30', '15:00'),
        // a leave that only touches a service entry does not overlap it
        service('A1', 'W1', '2026-03-04', '09:00', '13:00'),
        other('paidLeave', 'A1', '2026-03-04', '13:00', '14:00'),
        // two leave entries overlapping each other
        other('paidLeave', 'A1', '2026-03-05', '09:00', '13:00'),
        other('paidLeave', 'A1', '2026-03-05', '12:00', '14:00'),
      ]),
    );
    expect(problems).toEqual(['LEAVE_SERVICE_OVERLAP A1 2026-03-03', 'LEAVE_SERVICE_OVERLAP A1 2026-03-05']);
    expect(result.problems[0]!.message).toContain('12:00~13:00, 13:30~14:00');
    expect(line.minutes.service).toBe(480);
    expect(line.minutes.paidLeave).toBe(120 + 60 + 240 + 120);
    expect(line.minutes.training).toBe(90);
  });
});

describe('rules 5 and 6: days before the 1st', () => {
  it('add nothing to minutes or money, but their problems are reported', () => {
    const { result, line, problems } = only(
      claimInput([
        service('A1', 'W1', '2026-02-24', '09:00', '10:00'),
        service('A1', 'W1', '2026-02-24', '09:30', '10:30'),
        service('A1', 'W2', '2026-02-24', '09:00', '10:00'),
        service('A1', 'W3', '2026-02-24', '09:00', '10:00'),
        service('A1', 'W4', '2026-02-24', '09:00', '10:00'),
        other('paidLeave', 'A1', '2026-02-25', '09:00', '10:00'),
        other('absence', 'A1', '2026-02-25', '09:30', '10:00'),
      ]),
    );
    expect(problems).toEqual([
      'DUPLICATE_OVERLAP A1 2026-02-24 W1',
      'OVER_CONCURRENCY A1 2026-02-24',
      'LEAVE_SERVICE_OVERLAP A1 2026-02-25',
    ]);
    expect(line.minutes).toEqual({
      service: 0,
      byRatio: { '1': 0, '2': 0, '3': 0 },
      overConcurrency: 0,
      weeklyHoliday: 0,
      paidLeave: 0,
      holiday: 0,
      officialLeave: 0,
      training: 0,
      unpaidLeave: 0,
      absence: 0,
    });
    expect(result.workers.every((w) => w.supportedMinutes === 0 && w.copay === 0)).toBe(true);
    expect(result.totals.total).toBe(0);
  });
});

describe('rule 7: weekly holiday', () => {
  const weekdays = (dates: string[], start: string, end: string) =>
    dates.map((date) => service('A1', 'W1', date, start, end));
  const week = (monday: number) =>
    Array.from({ length: 5 }, (_, i) => `2026-03-${String(monday + i).padStart(2, '0')}`);

  it('adds weekPaid / 5 for a week of at least 900 paid minutes', () => {
    // Mar 2–6: 5 × 3 h = 900 → 180
    expect(only(claimInput(weekdays(week(2), '09:00', '12:00'))).line.minutes.weeklyHoliday).toBe(180);
  });

  it('caps it at 480 and pays nothing below 900', () => {
    const full = weekdays(week(9), '09:00', '17:00'); // 2400 → 480
    const short = [
      ...weekdays(week(16).slice(0, 4), '09:00', '12:00'),
      service('A1', 'W1', '2026-03-20', '09:00', '11:59'),
    ]; // 899
    expect(only(claimInput([...full, ...short])).line.minutes.weeklyHoliday).toBe(480);
  });

  it('counts paid leave types but not unpaid leave, and pays nothing in a week with an absence', () => {
    const withLeave = [
      ...weekdays(week(2).slice(0, 4), '09:00', '12:00'),
      other('training', 'A1', '2026-03-06', '09:00', '10:00'),
      other('holiday', 'A1', '2026-03-07', '09:00', '10:00'),
      other('officialLeave', 'A1', '2026-03-08', '09:00', '10:00'),
    ]; // 720 + 180 = 900 → 180
    const withUnpaid = [
      ...weekdays(week(9).slice(0, 4), '09:00', '12:00'),
      other('unpaidLeave', 'A1', '2026-03-13', '09:00', '12:00'),
    ]; // 720 → 0
    const withAbsence = [
      ...weekdays(week(16), '09:00', '17:00'),
      other('absence', 'A1', '2026-03-22', '09:00', '09:01'),
    ]; // absent → 0
    const { line } = only(claimInput([...withLeave, ...withUnpaid, ...withAbsence]));
    expect(line.minutes.weeklyHoliday).toBe(180);
  });

  it('uses the days before the 1st for the first week and skips the week whose Sunday is next month', () => {
    const entries = [
      // Feb 23–27 (before the 1st): 5 × 3 h = 900 → 180 for the week of Feb 23–Mar 1
      ...['2026-02-23', '2026-02-24', '2026-02-25', '2026-02-26', '2026-02-27'].map((d) =>
        service('A1', 'W1', d, '09:00', '12:00'),
      ),
      // Mar 30–31 belong to the week ending Sunday Apr 5: no weekly holiday in March
      service('A1', 'W1', '2026-03-30', '09:00', '17:00'),
      service('A1', 'W1', '2026-03-31', '09:00', '17:00'),
    ];
    const { line } = only(claimInput(entries));
    expect(line.minutes.weeklyHoliday).toBe(180);
    expect(line.minutes.service).toBe(960);
    // pay = (960 + 180) minutes × 10,320 / 60
    expect(line.amounts.pay).toBe(196080);
  });

  it('counts over-concurrency minutes as service minutes of the week', () => {
    // Mar 2–6: one hour a day with four workers (over the limit of 3), plus 2 h alone = 900 service minutes
    const entries = week(2).flatMap((date) => [
      ...['W1', 'W2', 'W3', 'W4'].map((w) => service('A1', w, date, '09:00', '10:00')),
      service('A1', 'W1', date, '10:00', '12:00'),
    ]);
    const { line } = only(claimInput(entries));
    expect(line.minutes.service).toBe(900);
    expect(line.minutes.overConcurrency).toBe(300);
    expect(line.minutes.weeklyHoliday).toBe(180);
  });
});

describe('rule 8: pay', () => {
  it('applies the premium per ratio to service minutes only', () => {
    // 09:00–10:00 with W1 and W2 (1:2, premium 1.5) and 10:00–10:07 with W1 alone; plus 60 minutes of paid leave
    const { line } = only(
      claimInput(
        [
          service('A1', 'W1', '2026-03-03', '09:00', '10:07'),
          service('A1', 'W2', '2026-03-03', '09:00', '10:00'),
          other('paidLeave', 'A1', '2026-03-04', '09:00', '10:00'),
        ],
        { rates: { hourlyWage: 10321, premiumByRatio: { '1': 1, '2': 1.5, '3': 2 } } },
      ),
    );
    // payable = 7 × 1 + 60 × 1.5 + 60 = 157 minutes; pay = floor(10,321 × 157 / 60) = floor(27,006.61…)
    expect(line.amounts.pay).toBe(27006);
  });

  it('keeps decimal wages and premiums exact', () => {
    // 100 minutes at 1:2 with premium 1.333333 and a wage of 9,999.99: floor(9,999.99 × 133.3333 / 60)
    const { line } = only(
      claimInput(
        [service('A1', 'W1', '2026-03-03', '09:00', '10:40'), service('A1', 'W2', '2026-03-03', '09:00', '10:40')],
        { rates: { hourlyWage: 9999.99, premiumByRatio: { '1': 1, '2': 1.333333, '3': 1 } } },
      ),
    );
    // 9,999.99 × 133.3333 = 1,333,331.666667 exactly; / 60 = 22,222.19…
    expect(line.amounts.pay).toBe(22222);
  });
});

describe('rule 9: worker co-payment', () => {
  it('is zero for an exempt worker and at most the monthly cap', () => {
    const { result } = only(
      claimInput(
        [
          service('A1', 'W1', '2026-03-03', '09:00', '13:00'), // 4 h × 300 = 1,200
          service('A1', 'W2', '2026-03-04', '09:00', '13:00'), // exempt
          service('A1', 'W3', '2026-03-05', '09:00', '10:00'), // 300, under the cap
        ],
        { exempt: ['W2'], rates: { copayMonthlyCap: 999.5 } },
      ),
    );
    expect(result.workers.slice(0, 3)).toEqual([
      { id: 'W1', supportedMinutes: 240, byRatio: { '1': 240, '2': 0, '3': 0 }, copay: 999 },
      { id: 'W2', supportedMinutes: 240, byRatio: { '1': 240, '2': 0, '3': 0 }, copay: 0 },
      { id: 'W3', supportedMinutes: 60, byRatio: { '1': 60, '2': 0, '3': 0 }, copay: 300 },
    ]);
    expect(result.totals.copay).toBe(1299);
  });

  it('floors the month’s sum, not each day', () => {
    // 3 days × 1 minute at 1:1: 3 × 300 / 60 = 15 (per-day flooring would give 15 too); 7 minutes at 1:3: 700/60
    const { result } = only(
      claimInput([
        service('A1', 'W1', '2026-03-03', '09:00', '09:07'),
        service('A1', 'W2', '2026-03-03', '09:00', '09:07'),
        service('A1', 'W3', '2026-03-03', '09:00', '09:07'),
        service('A1', 'W1', '2026-03-04', '09:00', '09:07'),
        service('A1', 'W2', '2026-03-04', '09:00', '09:07'),
        service('A1', 'W3', '2026-03-04', '09:00', '09:07'),
      ]),
    );
    // W1: 14 minutes at 1:3 → floor(1,400 / 60) = 23 (per day: 11 + 11 = 22)
    expect(result.workers[0]).toEqual({
      id: 'W1',
      supportedMinutes: 14,
      byRatio: { '1': 0, '2': 0, '3': 14 },
      copay: 23,
    });
  });
});

describe('rule 10: splitting a worker’s co-payment across assistants', () => {
  it('floors each share and gives the rest to the largest remainders', () => {
    // W1 copay capped at 100; minutes A1 10, A2 20, A3 30 → 16.67, 33.33, 50 → 16, 33, 50 + 1 to A1
    const { result } = only(
      claimInput(
        [
          service('A1', 'W1', '2026-03-03', '09:00', '09:10'),
          service('A2', 'W1', '2026-03-03', '10:00', '10:20'),
          service('A3', 'W1', '2026-03-03', '11:00', '11:30'),
        ],
        { assistants: ['A3', 'A1', 'A2'], rates: { copayMonthlyCap: 100 } },
      ),
    );
    expect(result.workers[0]!.copay).toBe(100);
    expect(result.assistants.map((a) => [a.id, a.amounts.copay])).toEqual([
      ['A1', 17],
      ['A2', 33],
      ['A3', 50],
    ]);
  });

  it('breaks ties by assistant id ascending', () => {
    // copay 2 over three equal shares of 0.67: the ids first in order get the two won
    const { result } = only(
      claimInput(
        [
          service('C', 'W1', '2026-03-03', '09:00', '10:00'),
          service('A10', 'W1', '2026-03-04', '09:00', '10:00'),
          service('A2', 'W1', '2026-03-05', '09:00', '10:00'),
        ],
        { assistants: ['C', 'A2', 'A10'], rates: { copayMonthlyCap: 2 } },
      ),
    );
    // ids compare as strings: "A10" < "A2" < "C"
    expect(result.assistants.map((a) => [a.id, a.amounts.copay])).toEqual([
      ['A10', 1],
      ['A2', 1],
      ['C', 0],
    ]);
  });
});

describe('rule 11: amounts', () => {
  it('computes the issue’s example', () => {
    const { result, line } = only(
      claimInput([service('A1', 'W1', '2026-03-03', '09:00', '13:00')], { workers: ['W1'] }),
    );
    // pay 41,280; pension 1,960; health 1,484; long-term care floor(1,484 × 0.1314) = 194;
    // employment 474; industrial accident 606 → 4,718; operating 4,330; severance 3,438
    expect(line.amounts).toEqual({
      pay: 41280,
      copay: 1200,
      net: 40080,
      socialInsurance: 4718,
      operatingCost: 4330,
      severance: 3438,
      total: 52566,
    });
    expect(result.totals).toEqual(line.amounts);
  });

  it('sums totals over assistants, including assistants without entries', () => {
    const { result } = only(
      claimInput(
        [service('A1', 'W1', '2026-03-03', '09:00', '13:00'), service('A2', 'W2', '2026-03-03', '09:00', '11:00')],
        { assistants: ['A2', 'A3', 'A1'] },
      ),
    );
    expect(result.assistants.map((a) => a.id)).toEqual(['A1', 'A2', 'A3']);
    expect(result.assistants[2]!.amounts.total).toBe(0);
    for (const key of ['pay', 'copay', 'net', 'socialInsurance', 'operatingCost', 'severance', 'total'] as const) {
      expect(result.totals[key]).toBe(result.assistants.reduce((sum, a) => sum + a.amounts[key], 0));
    }
  });
});

describe('rule 12: exact arithmetic', () => {
  it('truncates exact products where binary floating point falls just short', () => {
    // pay 100: 100 × 0.57 is 56.99999999999999 in floating point, exactly 57 in decimal
    const { line } = only(
      claimInput([service('A1', 'W1', '2026-03-03', '09:00', '10:00')], {
        rates: {
          hourlyWage: 100,
          copayPerHourByRatio: { '1': 0, '2': 0, '3': 0 },
          socialInsurance: {
            pension: 0.57,
            health: 0.58,
            longTermCare: 0.5,
            employment: 0.29,
            industrialAccident: 0.07,
          },
          operatingCostRate: 0.57,
          severanceRate: 0.58,
        },
      }),
    );
    // 57 + 58 + floor(58 × 0.5) + 29 + 7 = 180
    expect(line.amounts).toEqual({
      pay: 100,
      copay: 0,
      net: 100,
      socialInsurance: 180,
      operatingCost: 57,
      severance: 58,
      total: 395,
    });
  });

  it('gets the 2026 operating-cost rate right on a pay of 1,080,000', () => {
    // 20 days × 5 h = 6,000 minutes at 10,800 won/h = 1,080,000; an absence each week keeps 주휴 out of it.
    // 1,080,000 × 0.1049 = 113,292 exactly; floating point gives 113,291.99999999999
    const entries = [
      ...Array.from({ length: 20 }, (_, i) =>
        service('A1', 'W1', `2026-03-${String(i + 2).padStart(2, '0')}`, '09:00', '14:00'),
      ),
      ...['2026-03-08', '2026-03-15', '2026-03-22'].map((date) => other('absence', 'A1', date, '20:00', '20:01')),
    ];
    const { line } = only(claimInput(entries, { rates: { hourlyWage: 10800 } }));
    expect(line.minutes.weeklyHoliday).toBe(0);
    expect(line.amounts.pay).toBe(1080000);
    expect(line.amounts.operatingCost).toBe(113292);
  });
});

describe('rule 13: messages', () => {
  it('name the entry’s date, times and worker in Korean', () => {
    const { result } = only(
      claimInput([
        service('A1', 'WX', '2026-03-03', '09:00', '13:00'),
        service('A1', 'W1', '2026-02-30', '09:00', '13:00'),
        other('paidLeave', 'A9', '2026-03-05', '10:00', '11:00'),
      ]),
    );
    const messages = Object.fromEntries(result.problems.map((p) => [p.code, p.message]));
    expect(messages.UNKNOWN_WORKER).toContain('2026-03-03 09:00~13:00');
    expect(messages.UNKNOWN_WORKER).toContain('WX');
    expect(messages.INVALID_TIME).toContain('2026-02-30');
    expect(messages.INVALID_TIME).toContain('달력에 없는 날짜');
    expect(messages.UNKNOWN_ASSISTANT).toContain('A9');
    expect(messages.UNKNOWN_ASSISTANT).toContain('유급휴가');
    for (const message of Object.values(messages)) expect(message).toMatch(/[가-힣]/);
  });
});

describe('output', () => {
  it('lists every assistant and worker of the input, sorted by id, with fields in the contract’s order', () => {
    const result = computeClaim(claimInput([], { assistants: ['B', 'A'], workers: ['W2', 'W1'] }));
    expect(Object.keys(result)).toEqual(['month', 'assistants', 'workers', 'totals', 'problems']);
    expect(result.assistants.map((a) => a.id)).toEqual(['A', 'B']);
    expect(result.workers).toEqual([
      { id: 'W1', supportedMinutes: 0, byRatio: { '1': 0, '2': 0, '3': 0 }, copay: 0 },
      { id: 'W2', supportedMinutes: 0, byRatio: { '1': 0, '2': 0, '3': 0 }, copay: 0 },
    ]);
    expect(Object.keys(result.assistants[0]!.minutes)).toEqual([
      'service',
      'byRatio',
      'overConcurrency',
      'weeklyHoliday',
      'paidLeave',
      'holiday',
      'officialLeave',
      'training',
      'unpaidLeave',
      'absence',
    ]);
    expect(Object.keys(result.assistants[0]!.amounts)).toEqual([
      'pay',
      'copay',
      'net',
      'socialInsurance',
      'operatingCost',
      'severance',
      'total',
    ]);
  });
});
