import { describe, expect, it } from 'vitest';
import { activityDaysText, type PairEntry, pairMinutes } from '#functions/claims/claim-activity-rules';

const entry = (
  assistantId: string,
  workerId: string,
  date: string,
  start: string,
  end: string,
  type: PairEntry['type'] = 'service',
): PairEntry => ({ assistantId, workerId, date, start, end, type });

describe('근로지원인 세부 활동내용: minutes per assistant × worker', () => {
  it('splits a pair’s service by how many workers the assistant served at each minute', () => {
    const pairs = pairMinutes('2026-05', [
      entry('A', 'W1', '2026-05-04', '09:00', '12:00'),
      // W2 overlaps W1 from 10:00 to 12:00 (1:2), then alone until 13:00
      entry('A', 'W2', '2026-05-04', '10:00', '13:00'),
      // W3 joins 11:00–11:30: that half hour is 1:3 for all three
      entry('A', 'W3', '2026-05-04', '11:00', '11:30'),
    ]);
    const of = (w: string) => pairs.find((p) => p.workerId === w)!;
    expect(of('W1').byRatio).toEqual({ '1': 60, '2': 90, '3': 30, over: 0 });
    expect(of('W2').byRatio).toEqual({ '1': 60, '2': 90, '3': 30, over: 0 });
    expect(of('W3').byRatio).toEqual({ '1': 0, '2': 0, '3': 30, over: 0 });
    expect(of('W1').byType.service).toBe(180);
  });

  it('keeps beyond-1:3 minutes apart, and another assistant’s service never changes the ratio', () => {
    const pairs = pairMinutes('2026-05', [
      ...['W1', 'W2', 'W3', 'W4'].map((w) => entry('A', w, '2026-05-04', '09:00', '10:00')),
      entry('B', 'W1', '2026-05-04', '09:00', '10:00'),
    ]);
    expect(pairs.find((p) => p.assistantId === 'A' && p.workerId === 'W1')!.byRatio.over).toBe(60);
    expect(pairs.find((p) => p.assistantId === 'B')!.byRatio).toEqual({ '1': 60, '2': 0, '3': 0, over: 0 });
  });

  it('counts the month’s days only, leave by type, and ignores an invalid time', () => {
    const [pair] = pairMinutes('2026-06', [
      entry('A', 'W1', '2026-05-31', '09:00', '17:00'),
      entry('A', 'W1', '2026-06-02', '09:00', '13:00'),
      entry('A', 'W1', '2026-06-03', '09:00', '17:00', 'paidLeave'),
      entry('A', 'W1', '2026-06-05', '09:00', '17:00', 'officialLeave'),
      entry('A', 'W1', '2026-06-06', '25:00', '26:00'),
    ]);
    expect(pair!.byType.service).toBe(240);
    expect(pair!.byType.paidLeave).toBe(480);
    expect(pair!.byType.officialLeave).toBe(480);
    expect(pair!.byRatio['1']).toBe(240);
    expect(pair!.days).toEqual(['2026-06-02', '2026-06-03', '2026-06-05', '2026-06-06']);
  });

  it('tells the activity days as a count and a range', () => {
    expect(activityDaysText(['2026-06-05', '2026-06-02', '2026-06-29'])).toBe('3일 (06-02~06-29)');
    expect(activityDaysText(['2026-06-05'])).toBe('1일 (06-05)');
    expect(activityDaysText([])).toBe('-');
  });
});
