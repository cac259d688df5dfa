import { type AuditEvent, AuditRecord, auditItem, type WriteEntities, writeAudited } from '#commons/audit-trail';
import type { Caller } from '#commons/caller';
import { bindEntity } from '#commons/entities';
import { Conflict, NotFound } from '#commons/errors';
import { SIDO_CODES } from '#commons/regions';
import {
  ActivityApplication,
  type ActivityApplicationItem,
  Assistant,
  type AssistantItem,
  AssistantRrnClaim,
  type AssistantRrnClaimItem,
  JobPosting,
  type JobPostingItem,
} from './entities.ts';
import type { AssistantStatus } from './rules.ts';

export const STALE_MESSAGE =
  '다른 담당자가 방금 이 정보를 먼저 바꿨습니다. 화면을 새로 고쳐 지금 내용을 확인한 뒤 다시 시도해 주세요.';

// ── assistants ────────────────────────────────────────────────────────────────────────────────────

export async function getAssistant(assistantId: string): Promise<AssistantItem | undefined> {
  const { data } = await bindEntity(Assistant).get({ assistantId }).go();
  return data ?? undefined;
}

/** The assistant, or NotFound in Korean. */
export async function loadAssistant(assistantId: string): Promise<AssistantItem> {
  const item = await getAssistant(assistantId);
  if (!item) throw new NotFound('근로지원인');
  return item;
}

export async function listAssistantsByAgency(agencyId: string, status?: AssistantStatus): Promise<AssistantItem[]> {
  const query = bindEntity(Assistant).query.byAgency(status ? { agencyId, status } : { agencyId });
  return (await query.go({ pages: 'all' })).data;
}

export async function listAssistantsByBranch(
  branchId: string,
  agencyId?: string,
  status?: AssistantStatus,
): Promise<AssistantItem[]> {
  const key = agencyId ? (status ? { branchId, agencyId, status } : { branchId, agencyId }) : { branchId };
  const { data } = await bindEntity(Assistant).query.byBranch(key).go({ pages: 'all' });
  return status ? data.filter((a) => a.status === status) : data;
}

/** The registrations of a portal login (an assistant's own records). */
export async function listAssistantsByUser(userId: string): Promise<AssistantItem[]> {
  const { data } = await bindEntity(Assistant).query.byUser({ userId }).go({ pages: 'all' });
  return data;
}

export async function getRrnClaim(rrnMac: string): Promise<AssistantRrnClaimItem | undefined> {
  const { data } = await bindEntity(AssistantRrnClaim).get({ rrnMac }).go();
  return data ?? undefined;
}

/** Korean explanation of why this person cannot be registered at `agencyId` now, if the claim is held. */
export function duplicateMessage(claim: AssistantRrnClaimItem, agencyId: string): string {
  if (claim.agencyId === agencyId) {
    return `이 주민등록번호의 근로지원인이 이미 우리 기관에 등록되어 있습니다(관리번호 ${claim.assistantId}). 새로 등록하지 말고 기존 정보를 고쳐 주세요.`;
  }
  // the other agency is not named: where a person works is that agency's information
  return '이 주민등록번호의 근로지원인이 다른 수행기관에 재직 중(대기·활동·휴직)으로 등록되어 있어 등록할 수 없습니다. 한 사람은 한 수행기관에만 소속될 수 있습니다. 본인에게 이전 기관의 퇴사 처리가 끝났는지 확인한 뒤 다시 등록해 주세요.';
}

function claimOf(item: AssistantItem): AssistantRrnClaimItem {
  return { rrnMac: item.rrnMac, assistantId: item.assistantId, agencyId: item.agencyId, claimedAt: item.createdAt };
}

async function explainCanceled(rrnMac: string, agencyId: string): Promise<never> {
  const claim = await getRrnClaim(rrnMac);
  if (claim) throw new Conflict(duplicateMessage(claim, agencyId));
  throw new Conflict(STALE_MESSAGE);
}

export function assistantAudit(item: AssistantItem, action: string): AuditEvent {
  return {
    action,
    targetType: 'assistant',
    targetId: item.assistantId,
    subjectId: item.userId ?? item.assistantId,
    branchId: item.branchId,
  };
}

/** A new assistant, the one-agency-at-a-time claim on the person, and the audit record, together. */
export async function registerAssistant(caller: Caller, item: AssistantItem): Promise<void> {
  const { canceled } = await writeAudited(
    caller,
    assistantAudit(item, 'assistant.register'),
    { assistant: Assistant, claim: AssistantRrnClaim },
    ({ assistant, claim }: WriteEntities<{ assistant: typeof Assistant; claim: typeof AssistantRrnClaim }>) => [
      claim.create(claimOf(item)).commit(),
      assistant.create(item).commit(),
    ],
  );
  if (canceled) await explainCanceled(item.rrnMac, item.agencyId);
}

/**
 * The next version of an assistant, stored only if nobody changed it since `before` was read. When
 * the assistant leaves (퇴사) the claim on the person is released in the same transaction, so another
 * agency can employ them.
 */
export async function saveAssistant(
  caller: Caller,
  before: AssistantItem,
  after: AssistantItem,
  event: AuditEvent,
): Promise<void> {
  const releases = before.status !== 'left' && after.status === 'left';
  const { canceled } = await writeAudited(
    caller,
    event,
    { assistant: Assistant, claim: AssistantRrnClaim },
    ({ assistant, claim }: WriteEntities<{ assistant: typeof Assistant; claim: typeof AssistantRrnClaim }>) => [
      assistant
        .put(after)
        .where((attr, op) => op.eq(attr.revision, before.revision))
        .commit(),
      ...(releases
        ? [
            claim
              .delete({ rrnMac: before.rrnMac })
              .where((attr, op) => op.eq(attr.assistantId, before.assistantId))
              .commit(),
          ]
        : []),
    ],
  );
  if (canceled) throw new Conflict(STALE_MESSAGE);
}

// ── job postings ──────────────────────────────────────────────────────────────────────────────────

export async function getPosting(postingId: string): Promise<JobPostingItem | undefined> {
  const { data } = await bindEntity(JobPosting).get({ postingId }).go();
  return data ?? undefined;
}

export async function listPostingsByAgency(agencyId: string): Promise<JobPostingItem[]> {
  const { data } = await bindEntity(JobPosting).query.byAgency({ agencyId }).go({ pages: 'all', order: 'desc' });
  return data;
}

/** Open postings of one 시/도 or of all (one Query per 시/도 partition, never a Scan), closing today or later. */
export async function searchOpenPostings(sidoCode: string | undefined, today: string): Promise<JobPostingItem[]> {
  const postings = bindEntity(JobPosting);
  const codes = sidoCode ? [sidoCode] : SIDO_CODES;
  const pages = await Promise.all(
    codes.map((code) =>
      postings.query.byRegion({ sidoCode: code, status: 'open' }).gte({ closesOn: today }).go({ pages: 'all' }),
    ),
  );
  return pages.flatMap((page) => page.data);
}

export async function createPosting(caller: Caller, item: JobPostingItem): Promise<void> {
  const { canceled } = await writeAudited(
    caller,
    { action: 'jobPosting.create', targetType: 'jobPosting', targetId: item.postingId, branchId: item.branchId },
    { posting: JobPosting },
    ({ posting }: WriteEntities<{ posting: typeof JobPosting }>) => [posting.create(item).commit()],
  );
  if (canceled) throw new Conflict('같은 번호의 구인정보가 이미 있습니다. 다시 등록해 주세요.');
}

export async function savePosting(caller: Caller, before: JobPostingItem, after: JobPostingItem, action: string) {
  const { canceled } = await writeAudited(
    caller,
    { action, targetType: 'jobPosting', targetId: after.postingId, branchId: after.branchId },
    { posting: JobPosting },
    ({ posting }: WriteEntities<{ posting: typeof JobPosting }>) => [
      posting
        .put(after)
        .where((attr, op) => op.eq(attr.revision, before.revision))
        .commit(),
    ],
  );
  if (canceled) throw new Conflict(STALE_MESSAGE);
}

// ── activity applications ─────────────────────────────────────────────────────────────────────────

export async function getActivityApplication(id: string): Promise<ActivityApplicationItem | undefined> {
  const { data } = await bindEntity(ActivityApplication).get({ activityApplicationId: id }).go();
  return data ?? undefined;
}

export async function listActivityApplicationsByApplicant(applicantId: string): Promise<ActivityApplicationItem[]> {
  const { data } = await bindEntity(ActivityApplication)
    .query.byApplicant({ applicantId })
    .go({ pages: 'all', order: 'desc' });
  return data;
}

export async function listActivityApplicationsByAgency(
  agencyId: string,
  status?: ActivityApplicationItem['status'],
): Promise<ActivityApplicationItem[]> {
  const query = bindEntity(ActivityApplication).query.byAgency(status ? { agencyId, status } : { agencyId });
  const { data } = await query.go({ pages: 'all' });
  return data.sort((a, b) => b.submittedAt.localeCompare(a.submittedAt));
}

function applicationAudit(item: ActivityApplicationItem, action: string): AuditEvent {
  return {
    action,
    targetType: 'activityApplication',
    targetId: item.activityApplicationId,
    subjectId: item.applicantId,
    branchId: item.branchId,
  };
}

export async function createActivityApplication(caller: Caller, item: ActivityApplicationItem): Promise<void> {
  const { canceled } = await writeAudited(
    caller,
    applicationAudit(item, 'activityApplication.submit'),
    { application: ActivityApplication },
    ({ application }: WriteEntities<{ application: typeof ActivityApplication }>) => [
      application.create(item).commit(),
    ],
  );
  if (canceled) throw new Conflict('같은 번호의 활동 신청이 이미 있습니다. 다시 신청해 주세요.');
}

/** A rejection: the application's new version only. */
export async function saveActivityApplication(
  caller: Caller,
  before: ActivityApplicationItem,
  after: ActivityApplicationItem,
  action: string,
  reason?: string,
): Promise<void> {
  const { canceled } = await writeAudited(
    caller,
    { ...applicationAudit(after, action), reason },
    { application: ActivityApplication },
    ({ application }: WriteEntities<{ application: typeof ActivityApplication }>) => [
      application
        .put(after)
        .where((attr, op) => op.eq(attr.revision, before.revision))
        .commit(),
    ],
  );
  if (canceled) throw new Conflict(STALE_MESSAGE);
}

/**
 * Acceptance: the application is marked accepted and the applicant becomes a registered assistant
 * (with the claim on the person) in one transaction, so there is never one without the other.
 */
export async function acceptActivityApplication(
  caller: Caller,
  before: ActivityApplicationItem,
  after: ActivityApplicationItem,
  assistant: AssistantItem,
): Promise<void> {
  const { canceled } = await writeAudited(
    caller,
    applicationAudit(after, 'activityApplication.accept'),
    { application: ActivityApplication, registry: Assistant, claim: AssistantRrnClaim, registration: AuditRecord },
    ({
      application,
      registry,
      claim,
      registration,
    }: WriteEntities<{
      application: typeof ActivityApplication;
      registry: typeof Assistant;
      claim: typeof AssistantRrnClaim;
      registration: typeof AuditRecord;
    }>) => [
      application
        .put(after)
        .where((attr, op) => op.eq(attr.revision, before.revision))
        .commit(),
      claim.create(claimOf(assistant)).commit(),
      registry.create(assistant).commit(),
      // the registration is a change of its own: its audit record travels in the same transaction
      registration.put(auditItem(caller, assistantAudit(assistant, 'assistant.register'))).commit(),
    ],
  );
  if (canceled) await explainCanceled(assistant.rrnMac, assistant.agencyId);
}
