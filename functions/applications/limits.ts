import { latestVersion } from '#functions/rates/repository';
import { DEFAULT_RATE_TABLE_2026, type RateTableContent } from '#functions/rates/rules';
import type { HourLimits } from './rules.ts';

/**
 * The service limits in force (SPEC §4.1, §4.5), from hq's yearly rate table: hours a day and a week
 * for evaluations and matchings, and the most workers one assistant may support at once. A period
 * that spans two years must satisfy both years' tables, so the stricter value of each is taken.
 * Until hq publishes a year's table, the previous year's applies, then the product's defaults.
 */
export interface ServiceLimits extends HourLimits {
  maxConcurrentWorkers: number;
}

async function tableFor(year: number): Promise<RateTableContent> {
  return (await latestVersion(year))?.content ?? (await latestVersion(year - 1))?.content ?? DEFAULT_RATE_TABLE_2026;
}

export async function serviceLimits(startDate: string, endDate: string): Promise<ServiceLimits> {
  const first = Number(startDate.slice(0, 4));
  const last = Math.max(first, Number(endDate.slice(0, 4)) || first);
  const tables = await Promise.all(
    Array.from({ length: Math.min(last - first, 1) + 1 }, (_, i) => tableFor(first + i)),
  );
  return {
    dailyHours: Math.min(...tables.map((t) => t.limits.dailyServiceHours)),
    weeklyHours: Math.min(...tables.map((t) => t.limits.weeklyServiceHours)),
    maxConcurrentWorkers: Math.min(...tables.map((t) => t.rates.maxConcurrency)),
  };
}
