import * as clock from '#kernel/clock';
import { koreaMonth, previousMonth, shiftDay as shiftKoreaDay } from '#kernel/korea-time';

// Dates as Korean users read them, always in Korea time whatever the device's zone.

const DATE_TIME = new Intl.DateTimeFormat('ko-KR', {
  timeZone: 'Asia/Seoul',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

function parts(iso: string): Record<string, string> {
  return Object.fromEntries(DATE_TIME.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
}

/** "2026-11-21 14:35:07" in Korea time. */
export function koreanDateTime(iso: string): string {
  const p = parts(iso);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
}

/** "2026-11-21" in Korea time. */
export function koreanDate(iso: string): string {
  const p = parts(iso);
  return `${p.year}-${p.month}-${p.day}`;
}

/** Today's date in Korea ("2026-11-21"). */
export function todayInKorea(now: Date): string {
  return koreanDate(now.toISOString());
}

/** A YYYY-MM-DD day moved by whole days. */
export function shiftDay(day: string, days: number): string {
  const t = Date.parse(`${day}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** Last month in Korea ("2026-10" on any day of November): the month agencies usually work on. */
export function previousMonthInKorea(now = clock.now()): string {
  return previousMonth(koreaMonth(now));
}

/** The page's ?month=YYYY-MM when it is one, else last month in Korea. */
export function monthInUrl(url: URL): string {
  const month = url.searchParams.get('month');
  return month && /^\d{4}-(0[1-9]|1[0-2])$/.test(month) ? month : previousMonthInKorea();
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
