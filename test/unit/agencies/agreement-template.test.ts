import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allowedYears,
  articles,
  contractAmount,
  termsFields,
  termsProblems,
  wonInKorean,
} from '#functions/agencies/agreement-template';

describe('amounts as contracts write them', () => {
  it.each([
    [0, '영'],
    [1, '일'],
    [10, '일십'],
    [1_000, '일천'],
    [10_000, '일만'],
    [10_030, '일만삼십'],
    [1_200_000, '일백이십만'],
    [120_000_000, '일억이천만'],
    [100_000_001, '일억일'],
    [9_876_543_210, '구십팔억칠천육백오십사만삼천이백일십'],
  ])('%i → %s', (amount, words) => {
    expect(wonInKorean(amount)).toBe(words);
  });

  it('writes the figure beside the words', () => {
    expect(contractAmount(120_000_000)).toBe('금 일억이천만원정(₩120,000,000)');
  });

  it('can be read back to the same number (property)', () => {
    const digit: Record<string, number> = { 일: 1, 이: 2, 삼: 3, 사: 4, 오: 5, 육: 6, 칠: 7, 팔: 8, 구: 9 };
    const small: Record<string, number> = { 십: 10, 백: 100, 천: 1000 };
    const large: Record<string, number> = { 만: 1e4, 억: 1e8, 조: 1e12 };
    const read = (words: string) => {
      let total = 0;
      let group = 0;
      let pending = 0;
      for (const ch of words) {
        if (ch in digit) pending = digit[ch]!;
        else if (ch in small) {
          group += pending * small[ch]!;
          pending = 0;
        } else if (ch in large) {
          total += (group + pending) * large[ch]!;
          group = 0;
          pending = 0;
        }
      }
      return total + group + pending;
    };
    fc.assert(fc.property(fc.integer({ min: 1, max: 10_000_000_000 }), (n) => read(wonInKorean(n)) === n));
  });

  it('refuses what is not whole won', () => {
    expect(() => wonInKorean(1.5)).toThrow(RangeError);
    expect(() => wonInKorean(-1)).toThrow(RangeError);
  });
});

describe('terms of the yearly agreement', () => {
  const terms = {
    periodStart: '2026-01-01',
    periodEnd: '2026-12-31',
    budget: 120_000_000,
    assistantQuota: 12,
    workerQuota: 30,
    operatingCostRate: 10.49,
  };

  it('accepts whole won and a rate with two decimals', () => {
    expect(termsFields.parse(terms)).toEqual(terms);
    expect(termsFields.safeParse({ ...terms, operatingCostRate: 10.495 }).success).toBe(false);
    expect(termsFields.safeParse({ ...terms, budget: 1.5 }).success).toBe(false);
    expect(termsFields.safeParse({ ...terms, periodStart: '2026-02-30' }).success).toBe(false);
  });

  it('keeps the period inside the year and in order', () => {
    expect(termsProblems(2026, terms)).toEqual([]);
    expect(termsProblems(2027, terms).map((p) => p.path)).toEqual(['periodStart', 'periodEnd']);
    expect(termsProblems(2026, { periodStart: '2026-06-01', periodEnd: '2026-05-31' })[0]!.message).toContain(
      '시작일보다 빠릅니다',
    );
  });

  it('drafts for last year, this year and next year', () => {
    expect(allowedYears('2026-11-21')).toEqual([2025, 2026, 2027]);
  });

  it('fills the articles from the terms', () => {
    const parties = {
      kead: { name: '한국장애인고용공단', office: '서울지사' },
      agency: { name: '한빛근로지원센터', representative: '윤서진', address: '서울' },
    };
    const text = articles(2026, parties, terms)
      .map((a) => `${a.title} ${a.body}`)
      .join('\n');
    expect(text).toContain('2026년 1월 1일부터 2026년 12월 31일까지');
    expect(text).toContain('근로지원인 12명 이내');
    expect(text).toContain('금 일억이천만원정(₩120,000,000)');
    expect(text).toContain('10.49%');
  });
});
