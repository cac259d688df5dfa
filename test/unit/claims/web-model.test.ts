import { describe, expect, it } from 'vitest';
import { paidMinutes } from '#functions/claims/claim-rules';
import { periodMonths } from '#functions/claims/settlement-rules';
import { DEFAULT_RATE_TABLE_2026 } from '#functions/rates/rules';
import { entryMinutes, hoursText, payExplanation, won } from '../../../web/src/claims/model.ts';
import { periodMonthsOf } from '../../../web/src/claims/settlement-pages.ts';

const minutes = {
  service: 600,
  byRatio: { '1': 480, '2': 120, '3': 0 },
  overConcurrency: 30,
  weeklyHoliday: 120,
  paidLeave: 480,
  holiday: 0,
  officialLeave: 0,
  training: 60,
  unpaidLeave: 240,
  absence: 0,
};

describe('claim screen model', () => {
  it('adds up 합계 from service, 주휴 and the paid kinds of leave only', () => {
    expect(paidMinutes(minutes)).toBe(600 + 120 + 480 + 60);
    expect(hoursText(90)).toBe('1.5');
    expect(won(1234567)).toBe('1,234,567원');
    expect(entryMinutes({ start: '09:00', end: '13:30' })).toBe(270);
  });

  it('explains the pay of a line with its own figures and the rates it used', () => {
    const lines = payExplanation(minutes, DEFAULT_RATE_TABLE_2026.rates);
    expect(lines[0]).toBe('급여 = 시간급 10,320원 × 인정 시간 (1원 미만 버림)');
    expect(lines[1]).toBe('인정 시간 = 단독 8시간 × 가산 1 + 1:2 2시간 × 가산 1 + 주휴·유급휴가·휴일·공가·교육 11시간');
    expect(lines.join(' ')).toContain('산재 0.0147');
  });

  it('lists the same months of a period on the screen as the server settles', () => {
    for (const period of ['2026-H1', '2026-H2', '2026']) expect(periodMonthsOf(period)).toEqual(periodMonths(period));
  });
});
