// The month an import is for, as day numbers (the claim engine's calendar: days since 1970-01-01).

import { dayNumber, daysInMonth } from '#kernel/calendar';

export interface MonthDays {
  first: number;
  last: number;
  /** "2026년 3월", for messages */
  label: string;
}

/** Days of a YYYY-MM month; throws on anything else (the caller passes a checked month, not user text). */
export function monthDays(month: string): MonthDays {
  const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month);
  if (!match) throw new TypeError(`month must be YYYY-MM, got ${JSON.stringify(month)}`);
  const year = Number(match[1]);
  const number = Number(match[2]);
  const first = dayNumber(year, number, 1);
  return { first, last: first + daysInMonth(year, number) - 1, label: `${year}년 ${number}월` };
}
