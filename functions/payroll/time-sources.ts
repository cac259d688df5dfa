// The paid times a payroll draws from the claim, with the names users see. Pure and tiny, so that
// the web screens import the same list. The paid attendance kinds and their names come from the
// kernel's table (functions/kernel/attendance-kinds.ts); 주휴 is the claim's own, earned by the week.

import { PAID_NON_SERVICE_TYPES, PAID_TIME_LABELS, type PaidNonServiceType } from '#kernel/attendance-kinds';

/** The paid times of the month's claim figures (claim engine output, assistant minutes). */
export const TIME_SOURCES = ['service', 'weeklyHoliday', ...PAID_NON_SERVICE_TYPES] as const;
export type TimeSource = 'service' | 'weeklyHoliday' | PaidNonServiceType;

/** Korean names as the claim screens show them (seed 000: 서비스, 주휴, 유가, 휴일, 공가, 교육). */
export const TIME_SOURCE_LABELS = Object.fromEntries(
  TIME_SOURCES.map((s) => [s, s === 'weeklyHoliday' ? '주휴' : PAID_TIME_LABELS[s]]),
) as Record<TimeSource, string>;

/** The paid times of a minutes record other than service and 주휴, in table order. */
export function paidOtherMinutes<M extends Record<PaidNonServiceType, number>>(
  minutes: M,
): Record<PaidNonServiceType, number> {
  return Object.fromEntries(PAID_NON_SERVICE_TYPES.map((t) => [t, minutes[t]])) as Record<PaidNonServiceType, number>;
}
