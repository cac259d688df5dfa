import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { advancesProblem, periodLabel, periodMonths, settlementRows } from '#functions/claims/settlement-rules';

describe('settlement rules', () => {
  it('knows the months of a half-year and a year', () => {
    expect(periodMonths('2026-H1')).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06']);
    expect(periodMonths('2026-H2')[0]).toBe('2026-07');
    expect(periodMonths('2026')).toHaveLength(12);
    expect(periodLabel('2026-H2')).toBe('2026년 하반기');
  });

  it('sets each month’s advance against its approved claim only', () => {
    const { rows, totals } = settlementRows(
      '2026-H2',
      [
        { month: '2026-07', amount: 1_000_000 },
        { month: '2026-08', amount: 500_000 },
      ],
      [
        { month: '2026-07', status: 'approved', total: 1_200_000 },
        { month: '2026-08', status: 'submitted', total: 900_000 },
      ],
    );
    expect(rows[0]).toEqual({
      month: '2026-07',
      advance: 1_000_000,
      decided: 1_200_000,
      difference: 200_000,
      claimStatus: 'approved',
    });
    // a claim not decided yet counts nothing: the whole advance is still to be settled
    expect(rows[1]).toMatchObject({ decided: 0, difference: -500_000, claimStatus: 'submitted' });
    expect(rows[2]).toMatchObject({ advance: 0, decided: 0, claimStatus: 'none' });
    expect(totals).toEqual({ advance: 1_500_000, decided: 1_200_000, difference: -300_000 });
  });

  it('keeps the total difference equal to decided minus advances', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ m: fc.integer({ min: 1, max: 12 }), a: fc.nat(10_000_000) })), (list) => {
        const advances = list.map(({ m, a }) => ({ month: `2026-${String(m).padStart(2, '0')}`, amount: a }));
        const { totals } = settlementRows('2026', advances, []);
        expect(totals.difference).toBe(totals.decided - totals.advance);
        expect(totals.advance).toBe(advances.reduce((s, a) => s + a.amount, 0));
      }),
    );
  });

  it('refuses advances outside the period or twice for a month, in Korean', () => {
    expect(advancesProblem('2026-H1', [{ month: '2026-07' }])).toBe(
      '2026-07은(는) 2026년 상반기에 들지 않습니다. 기간 안의 달만 입력해 주세요.',
    );
    expect(advancesProblem('2026', [{ month: '2026-03' }, { month: '2026-03' }])).toContain('두 번');
    expect(advancesProblem('2026', [{ month: '2026-03' }])).toBeUndefined();
  });
});
