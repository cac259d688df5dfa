// Korea time as plain strings: days are YYYY-MM-DD and months YYYY-MM in Asia/Seoul, which has kept
// UTC+9 without daylight saving since 1988. Pure functions of their arguments: "now" is never read
// here (ask functions/kernel/clock.ts for it).

import { dayNumber, daysInMonth, formatDay, parseDay, weekdayFromMonday } from './calendar.ts';

const KOREA_OFFSET_MS = 9 * 3_600_000;
export const DAY_MS = 86_400_000;

/** A real month inside a longer pattern (an id such as AG-HANBIT_2026-03): the one month shape. */
export const MONTH_SOURCE = '\\d{4}-(0[1-9]|1[0-2])';

/** A real month, YYYY-MM. */
export const MONTH_PATTERN = new RegExp(`^${MONTH_SOURCE}$`);

export function isMonth(text: string): boolean {
  return MONTH_PATTERN.test(text);
}

/** A real calendar date, YYYY-MM-DD (2026-02-30 is not one). */
export function isDay(text: string): boolean {
  return !Number.isNaN(parseDay(text));
}

function instantMs(at: Date | string | number): number {
  return typeof at === 'number' ? at : typeof at === 'string' ? Date.parse(at) : at.getTime();
}

/** The Korea calendar day of an instant ("2026-12-07"). */
export function koreaDay(at: Date | string | number): string {
  return new Date(instantMs(at) + KOREA_OFFSET_MS).toISOString().slice(0, 10);
}

/** The Korea month of an instant ("2026-12"). */
export function koreaMonth(at: Date | string | number): string {
  return koreaDay(at).slice(0, 7);
}

/** Whether the month has ended in Korea at that moment (a month is claimed and paid once it is over). */
export function isMonthOver(month: string, at: Date | string | number): boolean {
  return month < koreaMonth(at);
}

/** "2026-12-07 14:35" in Korea time. */
export function koreaMinute(at: Date | string | number): string {
  return koreaSecond(at).slice(0, 16);
}

/** "2026-12-07 14:35:07" in Korea time. */
export function koreaSecond(at: Date | string | number): string {
  return new Date(instantMs(at) + KOREA_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
}

/** "2026년 12월 7일 14:35" in Korea time: how documents and messages write an instant in words. */
export function koreaMinuteInWords(at: Date | string | number): string {
  const minute = koreaMinute(at);
  return `${Number(minute.slice(0, 4))}년 ${Number(minute.slice(5, 7))}월 ${Number(minute.slice(8, 10))}일 ${minute.slice(11)}`;
}

/** The instant a Korea calendar day begins (its 00:00 in Seoul). */
export function startOfKoreaDay(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00+09:00`));
}

/** A day moved by whole days. */
export function shiftDay(day: string, days: number): string {
  return formatDay(parseDay(day) + days);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return parseDay(to) - parseDay(from);
}

const two = (n: number) => (n < 10 ? `0${n}` : String(n));

/** A month moved by whole months ("2027-01" − 1 = "2026-12"). */
export function shiftMonth(month: string, months: number): string {
  const total = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + months;
  return `${Math.floor(total / 12)}-${two((total % 12) + 1)}`;
}

export function previousMonth(month: string): string {
  return shiftMonth(month, -1);
}

export function nextMonth(month: string): string {
  return shiftMonth(month, 1);
}

/** Every day of a month, in order. */
export function daysOfMonth(month: string): string[] {
  const year = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return Array.from({ length: daysInMonth(year, m) }, (_, i) => `${month}-${two(i + 1)}`);
}

export function lastDayOfMonth(month: string): string {
  const year = Number(month.slice(0, 4));
  return `${month}-${two(daysInMonth(year, Number(month.slice(5, 7))))}`;
}

/** 0 = Monday … 6 = Sunday. */
export function weekdayOf(day: string): number {
  return weekdayFromMonday(parseDay(day));
}

/** The n-th (1-based) given weekday (0 = Monday) of a month, or undefined when it has no such day. */
export function nthWeekdayOf(month: string, weekday: number, n: number): string | undefined {
  return daysOfMonth(month).filter((d) => weekdayOf(d) === weekday)[n - 1];
}

/** The Monday of the week that holds `day`. */
export function mondayOf(day: string): string {
  return shiftDay(day, -weekdayOf(day));
}

/** The Sunday that ends the (Monday to Sunday) week that holds `day`. */
export function sundayOf(day: string): string {
  return shiftDay(mondayOf(day), 6);
}

/** The seven days, Monday to Sunday, of the week that holds `day`. */
export function weekOf(day: string): string[] {
  const monday = mondayOf(day);
  return Array.from({ length: 7 }, (_, i) => shiftDay(monday, i));
}

/**
 * The Mondays of the weeks that end (on Sunday) in `month`, in order: the weeks a month's weekly
 * holiday (주휴) is counted for; the first may begin in the month before.
 */
export function weeksEndingIn(month: string): string[] {
  const mondays: string[] = [];
  for (let sunday = sundayOf(`${month}-01`); sunday.startsWith(month); sunday = shiftDay(sunday, 7)) {
    mondays.push(shiftDay(sunday, -6));
  }
  return mondays;
}

/** Every day from `from` to `to`, both included, in order (none when `to` is earlier). */
export function daysFromTo(from: string, to: string): string[] {
  return Array.from({ length: Math.max(0, daysBetween(from, to) + 1) }, (_, i) => shiftDay(from, i));
}

/** "2026년 3월": a month in words, as titles and messages write it. */
export function monthInWords(month: string): string {
  return `${Number(month.slice(0, 4))}년 ${Number(month.slice(5, 7))}월`;
}

/** The year of a day or month as a number. */
export function yearOf(dayOrMonth: string): number {
  return Number(dayOrMonth.slice(0, 4));
}

export { dayNumber };
