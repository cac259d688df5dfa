import { describe, expect, it } from 'vitest';
import { DEFAULT_RATE_TABLE_2026 } from '#functions/rates/rules';
import { contentWithFigures, contentWithOverride } from '../../../web/src/rates/rate-table-page.ts';

describe('rate-table screen model', () => {
  it('puts typed figures in place, accepting thousands separators, without touching the rest', () => {
    const next = contentWithFigures(DEFAULT_RATE_TABLE_2026 as never, {
      'rates.hourlyWage': '10,500',
      'rates.socialInsurance.pension': '0.0475',
    });
    expect(next.rates.hourlyWage).toBe(10500);
    expect(next.rates.copayPerHourByRatio).toEqual(DEFAULT_RATE_TABLE_2026.rates.copayPerHourByRatio);
    expect(DEFAULT_RATE_TABLE_2026.rates.hourlyWage).toBe(10320);
  });

  it('sets, narrows and removes an agency’s own rates', () => {
    const base = DEFAULT_RATE_TABLE_2026 as never;
    const set = contentWithOverride(base, 'AG-DAON', { industrialAccident: 0.009, operatingCostRate: undefined });
    expect(set.agencyOverrides).toEqual({ 'AG-DAON': { industrialAccident: 0.009 } });
    const removed = contentWithOverride(set, 'AG-DAON', {});
    expect(removed.agencyOverrides).toEqual({});
  });
});
