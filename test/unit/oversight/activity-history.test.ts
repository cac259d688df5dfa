import { describe, expect, it } from 'vitest';
import type { Totals, WorkerOption } from '#functions/activity/entry-contract';
import {
  consentText,
  minutesByKind,
  monthsBetween,
  rangeFrom,
  sumTotals,
  workerMonths,
} from '../../../web/src/oversight/activity-history.ts';

const totals = (t: Partial<Totals>): Totals => ({
  entries: 0,
  minutes: {},
  signed: 0,
  requested: 0,
  unsigned: 0,
  ...t,
});

const worker = (workerId: string, periods: [string, string][]): WorkerOption => ({
  workerId,
  workerName: workerId,
  matchings: periods.map(([startDate, endDate], i) => ({
    matchingId: `${workerId}-${i}`,
    assistantId: 'A1',
    agencyName: '한빛',
    startDate,
    endDate,
    status: 'active',
    supportType: '업무지원',
    workplaceName: '회사',
  })),
});

describe('My page 활동내역: range', () => {
  it('defaults to the six months up to this month, across the new year', () => {
    expect(rangeFrom(new URLSearchParams(), '2027-01')).toEqual({ range: { from: '2026-08', to: '2027-01' } });
  });

  it('takes the URL range and refuses a reversed, malformed or too long one in Korean', () => {
    expect(rangeFrom(new URLSearchParams('from=2026-02&to=2026-04'), '2026-12').range).toEqual({
      from: '2026-02',
      to: '2026-04',
    });
    expect(rangeFrom(new URLSearchParams('from=2026-05&to=2026-04'), '2026-12').problem).toMatchObject({
      field: 'from',
      message: expect.stringContaining('시작 월'),
    });
    expect(rangeFrom(new URLSearchParams('from=2026-5&to=2026-04'), '2026-12').problem?.field).toBe('from');
    expect(rangeFrom(new URLSearchParams('from=2025-01&to=2026-04'), '2026-12').problem?.message).toContain('12개월');
    expect(rangeFrom(new URLSearchParams('from=2025-05&to=2026-04'), '2026-12').problem).toBeUndefined();
  });

  it('lists the months of a range, both ends included', () => {
    expect(monthsBetween('2026-11', '2027-02')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
    expect(monthsBetween('2026-11', '2026-11')).toEqual(['2026-11']);
  });

  it('asks only for the months in which each worker was matched', () => {
    const workers = [worker('w1', [['2026-10-15', '2027-03-31']]), worker('w2', [['2026-01-01', '2026-11-30']])];
    expect(workerMonths(workers, { from: '2026-11', to: '2027-01' })).toEqual([
      { workerId: 'w1', workerName: 'w1', month: '2026-11' },
      { workerId: 'w2', workerName: 'w2', month: '2026-11' },
      { workerId: 'w1', workerName: 'w1', month: '2026-12' },
      { workerId: 'w1', workerName: 'w1', month: '2027-01' },
    ]);
  });
});

describe('My page 활동내역: totals and consent', () => {
  it('adds up months by 근태 and consent state', () => {
    const sum = sumTotals([
      totals({ entries: 3, minutes: { work: 600, annualLeave: 240 }, signed: 3 }),
      totals({ entries: 2, minutes: { work: 90 }, requested: 1, unsigned: 1 }),
    ]);
    expect(sum).toEqual({ entries: 5, minutes: { work: 690, annualLeave: 240 }, signed: 3, requested: 1, unsigned: 1 });
    expect(minutesByKind(sum)).toEqual([
      { code: 'work', label: '근무', minutes: 690 },
      { code: 'annualLeave', label: '연차', minutes: 240 },
    ]);
  });

  it('says the consent state in words', () => {
    expect(consentText(totals({}))).toBe('기록 없음');
    expect(consentText(totals({ entries: 2, signed: 2 }))).toBe('모두 동의 완료');
    expect(consentText(totals({ entries: 4, signed: 1, requested: 2, unsigned: 1 }))).toBe(
      '동의 완료 1건, 동의 요청 중 2건, 미요청 1건',
    );
  });
});
