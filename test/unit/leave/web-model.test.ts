import { describe, expect, it } from 'vitest';
import { amount, hours, parseDates } from '../../../web/src/leave/model.ts';

// The leave screens' small helpers: what a person types as dates, and leave and hours in words.

describe('leave screen helpers', () => {
  it('reads dates separated by commas, spaces or new lines, leaving the checking to the server', () => {
    expect(parseDates('2026-12-24, 2026-12-28')).toEqual(['2026-12-24', '2026-12-28']);
    expect(parseDates(' 2026-12-24,,\n2026-12-28 ')).toEqual(['2026-12-24', '2026-12-28']);
    expect(parseDates('   ')).toEqual([]);
    expect(parseDates('12월 24일')).toEqual(['12월', '24일']);
  });

  it('says leave in the contracted day and a weekly contract in hours', () => {
    expect(amount(3360, 240)).toBe('14일');
    expect(amount(3480, 240)).toBe('14일 2시간');
    expect(amount(0, 480)).toBe('0일');
    expect(hours(1200)).toBe('20시간');
    expect(hours(1230)).toBe('20시간 30분');
  });
});
