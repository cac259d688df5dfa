// Calendar arithmetic on day numbers (days since 1970-01-01, proleptic Gregorian), without Date:
// no time zones, no allocation per entry, and a pure function of its input.

/** Day number of a civil date (Howard Hinnant's days_from_civil). */
export function dayNumber(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** 0 = Monday … 6 = Sunday. */
export function weekdayFromMonday(day: number): number {
  // 1970-01-01 was a Thursday (index 3 counting from Monday).
  return (((day + 3) % 7) + 7) % 7;
}

/** YYYY-MM-DD for a day number. */
export function formatDay(day: number): string {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const d = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yearOfEra + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`;
}

function digit(text: string, at: number): number {
  const code = text.charCodeAt(at) - 48;
  return code >= 0 && code <= 9 ? code : Number.NaN;
}

/** Day number of a YYYY-MM-DD string, or NaN when it is not shaped so or not a real calendar date. */
export function parseDay(text: string): number {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return Number.NaN;
  const year = digit(text, 0) * 1000 + digit(text, 1) * 100 + digit(text, 2) * 10 + digit(text, 3);
  const month = digit(text, 5) * 10 + digit(text, 6);
  const day = digit(text, 8) * 10 + digit(text, 9);
  if (Number.isNaN(year + month + day)) return Number.NaN;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return Number.NaN;
  return dayNumber(year, month, day);
}

/** Minutes since midnight of an HH:MM string, or -1 when it is not a valid clock time. 24:00 only as an end. */
export function parseClock(text: string, asEnd: boolean): number {
  if (text.length !== 5 || text.charCodeAt(2) !== 58) return -1;
  const hours = digit(text, 0) * 10 + digit(text, 1);
  const minutes = digit(text, 3) * 10 + digit(text, 4);
  if (Number.isNaN(hours + minutes)) return -1;
  if (hours <= 23 && minutes <= 59) return hours * 60 + minutes;
  return asEnd && hours === 24 && minutes === 0 ? 1440 : -1;
}

/** HH:MM for minutes since midnight (1440 is written 24:00). */
export function formatClock(minutes: number): string {
  return `${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`;
}

function pad2(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}

export interface ClaimPeriod {
  /** day number of the Monday of the week that holds the 1st */
  start: number;
  /** day number of the 1st of the month */
  first: number;
  /** day number of the month's last day (the period's last day) */
  last: number;
}

/** The accepted period for a YYYY-MM month: from the Monday of the 1st's week to the month's last day. */
export function claimPeriod(month: string): ClaimPeriod {
  const year = Number(month.slice(0, 4));
  const monthNumber = Number(month.slice(5, 7));
  const first = dayNumber(year, monthNumber, 1);
  const last = dayNumber(year, monthNumber, daysInMonth(year, monthNumber));
  return { start: first - weekdayFromMonday(first), first, last };
}
