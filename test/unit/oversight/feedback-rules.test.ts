import { describe, expect, it } from 'vitest';
import { RATING_LABELS, summariseRatings } from '#functions/oversight/feedback-rules';

describe('page-satisfaction report', () => {
  it('counts each answer and averages to two decimals', () => {
    expect(summariseRatings('2026-11', [5, 4, 4, 1, 5, 3])).toEqual({
      month: '2026-11',
      counts: { '1': 1, '2': 0, '3': 1, '4': 2, '5': 2 },
      total: 6,
      average: 3.67,
    });
  });

  it('has no average without answers and ignores what is not an answer', () => {
    expect(summariseRatings('2026-12', [0, 6])).toMatchObject({ total: 0, average: null });
  });

  it('names the answers as the question offers them, best first', () => {
    expect(RATING_LABELS.map((r) => r.label)).toEqual(['매우만족', '만족', '보통', '불만', '매우불만']);
  });
});
