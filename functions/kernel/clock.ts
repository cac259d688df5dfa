// The one clock. Every "now", "today" and "this month" of the product, its demo data and its tests
// comes from here, so that a whole run can be moved to another day:
// - on AWS it is the real time in Korea;
// - PLATFORM_TODAY=YYYY-MM-DD (or `npm start -- --today YYYY-MM-DD`) pins the Korea calendar day a
//   process starts on. The clock then runs on from that day at the real time of day, so instants keep
//   their order and durations stay real;
// - the web app sets the server's offset (GET /public/clock) so that a browser shows the server's day.
// A unit test (test/unit/kernel/clock-discipline.test.ts) fails when anything else reads Date.now()
// or new Date() without arguments.

import { DAY_MS, daysBetween, isDay, koreaDay, koreaMonth, previousMonth } from './korea-time.ts';

export const PINNED_DAY_VARIABLE = 'PLATFORM_TODAY';

/** The <meta> a host that knows the day puts in the page: the server's instant in epoch milliseconds. */
export const PAGE_CLOCK_META = 'platform-now';

let offsetMs: number | undefined;

/** The machine's clock: the only read of it in the code base. */
function realMs(): number {
  return Date.now();
}

function pinnedDayFromEnvironment(): string | undefined {
  const env = typeof process === 'undefined' ? undefined : process.env;
  const value = env?.[PINNED_DAY_VARIABLE]?.trim();
  if (!value) return undefined;
  if (!isDay(value)) {
    throw new Error(`${PINNED_DAY_VARIABLE}=${value} is not a calendar date (YYYY-MM-DD)`);
  }
  return value;
}

/** The offset that makes `realNow` fall on the Korea day `pinned` (whole days; 0 when unpinned). */
export function offsetForPinnedDay(pinned: string | undefined, realNow: number): number {
  if (!pinned) return 0;
  return daysBetween(koreaDay(realNow), pinned) * DAY_MS;
}

function offset(): number {
  if (offsetMs === undefined) offsetMs = offsetForPinnedDay(pinnedDayFromEnvironment(), realMs());
  return offsetMs;
}

/** Pins today's Korea date for this process (tests and `npm start -- --today`); undefined unpins. */
export function pinToday(day: string | undefined): void {
  if (day !== undefined && !isDay(day)) throw new Error(`${day} is not a calendar date (YYYY-MM-DD)`);
  offsetMs = offsetForPinnedDay(day, realMs());
}

/** Follows another clock (the web app follows the server's): its now minus ours, in milliseconds. */
export function followClock(serverNowMs: number): void {
  offsetMs = serverNowMs - realMs();
}

/**
 * The machine's own time, never pinned nor followed: only for instants that other systems stamp in
 * real time and the product merely checks, such as a Cognito token's exp. Never for calendar logic.
 */
export function machineNowMs(): number {
  return realMs();
}

/** The current instant as milliseconds since the epoch. */
export function nowMs(): number {
  return realMs() + offset();
}

/** The current instant. */
export function now(): Date {
  return new Date(nowMs());
}

/** The current instant, ISO 8601 in UTC (what records store). */
export function nowIso(): string {
  return now().toISOString();
}

/** Today in Korea, YYYY-MM-DD. */
export function today(): string {
  return koreaDay(nowMs());
}

/** This month in Korea, YYYY-MM. */
export function thisMonth(): string {
  return koreaMonth(nowMs());
}

/** Last month in Korea: the month agencies usually close. */
export function lastMonth(): string {
  return previousMonth(thisMonth());
}

/** This year in Korea. */
export function thisYear(): number {
  return Number(today().slice(0, 4));
}

/** Seconds since the epoch (DynamoDB TTL attributes). */
export function nowEpochSeconds(): number {
  return Math.floor(nowMs() / 1000);
}
