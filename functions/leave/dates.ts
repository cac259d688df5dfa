// Calendar periods for the leave rules, on day numbers (days since 1970-01-01) from the claim engine's
// calendar. Periods counted in months follow the Civil Act (민법 §160): a period of n months that
// starts on day D ends the day before the "corresponding day" n months later, and when that month has
// no corresponding day (31 Jan + 1 month) the period ends on the month's last day.

import { dayNumber, daysInMonth, formatDay, parseDay } from '#kernel/calendar';

export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

export function civilDate(day: number): CivilDate {
  const text = formatDay(day);
  return { year: Number(text.slice(0, 4)), month: Number(text.slice(5, 7)), day: Number(text.slice(8, 10)) };
}

function shiftMonth(year: number, month: number, months: number): { year: number; month: number } {
  const total = month - 1 + months;
  return { year: year + Math.floor(total / 12), month: (((total % 12) + 12) % 12) + 1 };
}

/**
 * The first day after a period of `months` months that starts on `start`: the corresponding day, or
 * the 1st of the following month when the target month is too short. This is the day on which leave
 * for that period accrues (the worker must still be employed on it: 대법원 2021다227100).
 */
export function dayAfterMonths(start: number, months: number): number {
  const from = civilDate(start);
  const target = shiftMonth(from.year, from.month, months);
  const last = daysInMonth(target.year, target.month);
  return from.day <= last
    ? dayNumber(target.year, target.month, from.day)
    : dayNumber(target.year, target.month, last) + 1;
}

/**
 * The day `months` months before `day`, clamped to the target month's last day (31 Aug − 6 months is
 * the last day of February). Used to count notice deadlines backwards from the end of a use period.
 */
export function monthsBefore(day: number, months: number): number {
  const from = civilDate(day);
  const target = shiftMonth(from.year, from.month, -months);
  return dayNumber(target.year, target.month, Math.min(from.day, daysInMonth(target.year, target.month)));
}

/** Day number of a valid YYYY-MM-DD, or NaN. */
export function toDay(text: string | null | undefined): number {
  return typeof text === 'string' ? parseDay(text) : Number.NaN;
}

export { formatDay };

/** Whether `text` is a real calendar date written YYYY-MM-DD. */
export function isDate(text: unknown): text is string {
  return typeof text === 'string' && !Number.isNaN(parseDay(text));
}

/** Day number of a MM-DD in a given year; 02-29 in a common year is not accepted by callers. */
export function monthDayIn(year: number, monthDay: string): number {
  return dayNumber(year, Number(monthDay.slice(0, 2)), Number(monthDay.slice(3, 5)));
}

const MONTH_DAY_SHAPE = /^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$/;

/** A MM-DD that exists in every year (so not 02-29). */
export function isMonthDay(text: unknown): text is string {
  if (typeof text !== 'string' || !MONTH_DAY_SHAPE.test(text)) return false;
  const month = Number(text.slice(0, 2));
  const day = Number(text.slice(3, 5));
  return day <= daysInMonth(2001, month);
}
