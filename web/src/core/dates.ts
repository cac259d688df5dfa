import * as clock from '#kernel/clock';
import {
  isMonth,
  koreaDay,
  koreaMonth,
  koreaSecond,
  previousMonth,
  shiftDay as shiftKoreaDay,
} from '#kernel/korea-time';

// Dates as Korean users read them, always in Korea time whatever the device's zone (the kernel's
// functions/kernel/korea-time.ts does the arithmetic).

/** "2026-11-21 14:35:07" in Korea time. */
export function koreanDateTime(iso: string): string {
  return koreaSecond(iso);
}

/** "2026-11-21" in Korea time. */
export function koreanDate(iso: string): string {
  return koreaDay(iso);
}

/** Today's date in Korea ("2026-11-21"). */
export function todayInKorea(now: Date): string {
  return koreaDay(now);
}

/** Last month in Korea ("2026-10" on any day of November): the month agencies usually work on. */
export function previousMonthInKorea(now = clock.now()): string {
  return previousMonth(koreaMonth(now));
}

/** The page's ?month=YYYY-MM when it is one, else last month in Korea. */
export function monthInUrl(url: URL): string {
  const month = url.searchParams.get('month');
  return month && isMonth(month) ? month : previousMonthInKorea();
}

/** 2026-11-21 in Korea time, '-' when there is no instant. */
export function day(iso: string | undefined): string {
  return iso ? koreanDate(iso) : '-';
}

/** 2026-11-21 14:35 in Korea time, '-' when there is no instant. */
export function dateTime(iso: string | undefined): string {
  return iso ? koreanDateTime(iso).slice(0, 16) : '-';
}

/** Today (or `days` from today) in Korea, YYYY-MM-DD. */
export function koreaToday(days = 0): string {
  return shiftKoreaDay(clock.today(), days);
}
