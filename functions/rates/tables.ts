import { latestVersion } from './repository.ts';
import { DEFAULT_RATE_TABLE_2026, type RateTableContent } from './rules.ts';

/**
 * The rate table in force for a year, as other capabilities read it (training's completion threshold):
 * the latest version, or — before hq registered one — the product's defaults. Rates owns the tables,
 * so readers come here rather than to its repository.
 */
export async function rateTableOf(year: number): Promise<RateTableContent> {
  const table = await latestVersion(year);
  return table?.content ?? DEFAULT_RATE_TABLE_2026;
}
