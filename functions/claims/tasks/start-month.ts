import * as clock from '#kernel/clock';
import { isMonth } from '#kernel/korea-time';
import { WORKFLOW_CALLER } from '../claim-repository.ts';
import { monthToClaim, startMonthForAllAgencies } from '../schedule.ts';

/**
 * The monthly EventBridge rule's target: starts the previous month's claim workflow for every agency
 * (an explicit `month` in the event claims that month instead).
 */
export async function handler(event: { month?: string } = {}) {
  const month = typeof event.month === 'string' && isMonth(event.month) ? event.month : monthToClaim(clock.now());
  return startMonthForAllAgencies({ ...WORKFLOW_CALLER, userId: 'schedule:claim-month' }, month);
}
