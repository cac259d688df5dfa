import { Conflict } from '#commons/errors';
import type { ServiceApplicationItem } from './entities.ts';
import { type ApplicationStatus, moveProblem } from './rules.ts';

/**
 * The next version of an application after one step (pure): the status rule is checked, the step is
 * appended to the history with its time and actor, the revision goes up by one. Callers store it with
 * a condition on the old revision.
 */
export function nextVersion(
  item: ServiceApplicationItem,
  to: ApplicationStatus,
  step: { by: string; at: string; note?: string },
  changes: Partial<ServiceApplicationItem> = {},
): ServiceApplicationItem {
  const problem = moveProblem(item.status, to);
  // the application is no longer where the person saw it (already received, evaluated, matched…)
  if (problem) throw new Conflict(problem, 'APPLICATION_STEP');
  return {
    ...item,
    ...changes,
    status: to,
    revision: item.revision + 1,
    updatedAt: step.at,
    history: [...item.history, { status: to, at: step.at, by: step.by, ...(step.note ? { note: step.note } : {}) }],
  };
}
