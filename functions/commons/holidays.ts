import { getHolidayPreset } from '@hyunbinseo/holidays-kr';

/** Korea's public holidays (관공서의 공휴일, 대체공휴일 included): YYYY-MM-DD → their names. */
export type PublicHolidays = ReadonlyMap<string, readonly string[]>;

const byYear = new Map<number, Promise<Record<string, readonly string[]>>>();

/**
 * The public holidays of the given years, from the published calendar (월력요항) in
 * `@hyunbinseo/holidays-kr`. A year the package has no calendar for yet contributes none.
 */
export async function publicHolidays(years: Iterable<number>): Promise<PublicHolidays> {
  const presets = await Promise.all(
    [...new Set(years)].map((year) => {
      if (!byYear.has(year)) {
        byYear.set(
          year,
          getHolidayPreset(String(year)).catch((error: unknown) => {
            if (error instanceof RangeError) return {};
            byYear.delete(year);
            throw error;
          }),
        );
      }
      return byYear.get(year)!;
    }),
  );
  return new Map(presets.flatMap((preset) => Object.entries(preset)));
}

/** The years from `first` to `last` (YYYY-… dates), for loading their holidays. */
export function yearsBetween(first: string, last: string): number[] {
  const years: number[] = [];
  for (let year = Number(first.slice(0, 4)); year <= Number(last.slice(0, 4)); year++) years.push(year);
  return years;
}
