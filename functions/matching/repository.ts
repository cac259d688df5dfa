import type { AuditEvent } from '#commons/audit-trail';
import { type WriteEntities, writeAudited } from '#commons/audit-trail';
import type { Caller } from '#commons/caller';
import { bindEntity } from '#commons/entities';
import { Conflict } from '#commons/errors';
import { Organisation } from '#functions/agencies/entities';
import { ServiceApplication, type ServiceApplicationItem } from '#functions/applications/entities';
import { Assistant, type AssistantItem } from '#functions/assistants/entities';
import { Matching, type MatchingItem } from './entities.ts';

export const STALE_MESSAGE =
  '다른 담당자가 방금 같은 근로지원인이나 근로자의 매칭을 바꿨습니다. 화면을 새로 고친 뒤 다시 시도해 주세요.';

export async function getMatching(matchingId: string): Promise<MatchingItem | undefined> {
  const { data } = await bindEntity(Matching).get({ matchingId }).go();
  return data ?? undefined;
}

export async function listByWorker(workerId: string): Promise<MatchingItem[]> {
  const { data } = await bindEntity(Matching).query.byWorker({ workerId }).go({ pages: 'all', order: 'desc' });
  return data;
}

export async function listByAssistant(assistantId: string): Promise<MatchingItem[]> {
  const { data } = await bindEntity(Matching).query.byAssistant({ assistantId }).go({ pages: 'all', order: 'desc' });
  return data;
}

export async function listByAgency(agencyId: string, status?: MatchingItem['status']): Promise<MatchingItem[]> {
  const query = bindEntity(Matching).query.byAgency(status ? { agencyId, status } : { agencyId });
  const { data } = await query.go({ pages: 'all' });
  return data.sort((a, b) => b.startDate.localeCompare(a.startDate));
}

/** Every matching of a branch's agencies (one Query for the agencies, one per agency). */
export async function listByBranch(branchId: string, status?: MatchingItem['status']): Promise<MatchingItem[]> {
  const { data: agencies } = await bindEntity(Organisation)
    .query.byBranch({ branchId, kind: 'agency' })
    .go({ pages: 'all' });
  return (await Promise.all(agencies.map((a) => listByAgency(a.organisationId, status)))).flat();
}

/** Matchings not ended: what keeps an assistant from leaving or taking leave. */
export async function countActiveByAssistant(assistantId: string): Promise<number> {
  return (await listByAssistant(assistantId)).filter((m) => m.status === 'active').length;
}

/** A matching's dates in force: an ended matching counts up to its last day; one ended before it began, not at all. */
export function inForce(items: readonly MatchingItem[]): MatchingItem[] {
  return items.filter((m) => m.endDate >= m.startDate);
}

function audit(item: MatchingItem, action: string): AuditEvent {
  return {
    action,
    targetType: 'matching',
    targetId: item.matchingId,
    subjectId: item.workerId,
    branchId: item.branchId,
  };
}

/**
 * The new matching, the application's and the assistant's next versions, and the audit record in one
 * transaction. The conditions on both revisions make concurrent matchings of the same assistant or
 * worker take turns: the rules were checked against what each read, and only one of two racing
 * writers can succeed, so the limits hold even under concurrency.
 */
export async function createMatching(
  caller: Caller,
  item: MatchingItem,
  application: { before: ServiceApplicationItem; after: ServiceApplicationItem },
  assistant: { before: AssistantItem; after: AssistantItem },
): Promise<void> {
  const { canceled } = await writeAudited(
    caller,
    audit(item, 'matching.create'),
    { matching: Matching, applications: ServiceApplication, assistants: Assistant },
    ({
      matching,
      applications,
      assistants,
    }: WriteEntities<{
      matching: typeof Matching;
      applications: typeof ServiceApplication;
      assistants: typeof Assistant;
    }>) => [
      matching.create(item).commit(),
      applications
        .put(application.after)
        .where((attr, op) => op.eq(attr.revision, application.before.revision))
        .commit(),
      assistants
        .put(assistant.after)
        .where((attr, op) => op.eq(attr.revision, assistant.before.revision))
        .commit(),
    ],
  );
  if (canceled) throw new Conflict(STALE_MESSAGE);
}

export async function saveMatching(
  caller: Caller,
  before: MatchingItem,
  after: MatchingItem,
  action: string,
  reason?: string,
) {
  const { canceled } = await writeAudited(
    caller,
    { ...audit(after, action), reason },
    { matching: Matching },
    ({ matching }: WriteEntities<{ matching: typeof Matching }>) => [
      matching
        .put(after)
        .where((attr, op) => op.eq(attr.revision, before.revision))
        .commit(),
    ],
  );
  if (canceled) throw new Conflict(STALE_MESSAGE);
}
