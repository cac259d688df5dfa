import { businessKind } from '#kernel/business-number';
import { getApplication } from './repository.ts';

/** What the branch decided on an application, as other capabilities may read it. */
export interface ApplicationDecision {
  applicationId: string;
  /** 결정시간: the evaluation's monthly hours (absent before the branch evaluated) */
  monthlyHours?: number;
  /** 사업장구분: read off the workplace's business registration number */
  workplaceKind: string;
}

/**
 * The branch's decision on each application named (claims' 세부 활동내용 shows 결정시간 and 사업장구분).
 * Applications own the data, so other capabilities read it here rather than through its repository.
 */
export async function decisionsOf(applicationIds: readonly string[]): Promise<Map<string, ApplicationDecision>> {
  const items = await Promise.all([...new Set(applicationIds)].map((id) => getApplication(id)));
  const decisions = new Map<string, ApplicationDecision>();
  for (const item of items) {
    if (!item) continue;
    decisions.set(item.applicationId, {
      applicationId: item.applicationId,
      ...(item.evaluation ? { monthlyHours: item.evaluation.monthlyHours } : {}),
      workplaceKind: businessKind(item.workplace.businessNumber),
    });
  }
  return decisions;
}
