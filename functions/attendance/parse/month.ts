// The month an import is for, as day numbers (the claim engine's calendar: days since 1970-01-01).

import { dayNumber, daysInMonth } from '#kernel/calendar';
import { isMonth, monthInWords } from '#kernel/korea-time';

export interface MonthDays {
  first: number;
  last: number;
  /** "2026년 3월", for messages */
  label: string;
}

/** Days of a YYYY-MM month; throws on anything else (the caller passes a checked month, not user text). */
export function monthDays(month: string): MonthDays {
  if (!isMonth(month)) throw new TypeError(`month must be YYYY-MM, got ${JSON.stringify(month)}`);
  const year = Number(month.slice(0, 4));
  const number = Number(month.slice(5, 7));
  const first = dayNumber(year, number, 1);
  return { first, last: first + daysInMonth(year, number) - 1, label: monthInWords(month) };
}
