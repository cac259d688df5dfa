import type { AuditEvent } from '#commons/audit-trail';
import { type WriteEntities, writeAudited } from '#commons/audit-trail';
import type { Caller } from '#commons/caller';
import { bindEntity } from '#commons/entities';
import { Conflict } from '#commons/errors';
import { notifyStaff as notifyOrganisationStaff, smsToPerson } from '#commons/notify';
import { ServiceApplication, type ServiceApplicationItem } from './entities.ts';
import type { ApplicationStatus } from './rules.ts';

export const STALE_MESSAGE =
  '다른 담당자가 방금 이 신청을 먼저 처리했습니다. 화면을 새로 고쳐 지금 상태를 확인한 뒤 다시 시도해 주세요.';

export async function getApplication(applicationId: string): Promise<ServiceApplicationItem | undefined> {
  const { data } = await bindEntity(ServiceApplication).get({ applicationId }).go();
  return data ?? undefined;
}

/** The applicant's own applications, newest first (My page). */
export async function listByApplicant(applicantId: string): Promise<ServiceApplicationItem[]> {
  const { data } = await bindEntity(ServiceApplication)
    .query.byApplicant({ applicantId })
    .go({ pages: 'all', order: 'desc' });
  return data;
}

/** A branch's applications, one status (a key prefix) or all, newest first. */
export async function listByBranch(branchId: string, status?: ApplicationStatus): Promise<ServiceApplicationItem[]> {
  const query = bindEntity(ServiceApplication).query.byBranch(status ? { branchId, status } : { branchId });
  const { data } = await query.go({ pages: 'all' });
  return data.sort((a, b) => b.submittedAt.localeCompare(a.submittedAt));
}

/** The matching requests (매칭의뢰) sent to an agency, newest first. */
export async function listByAgency(agencyId: string): Promise<ServiceApplicationItem[]> {
  const { data } = await bindEntity(ServiceApplication)
    .query.byAgency({ requestedAgencyId: agencyId })
    .go({ pages: 'all', order: 'desc' });
  // a request the branch later moved to another agency is no longer this agency's
  return data.filter((item) => item.requestedAgencyId === agencyId);
}

/** A new application and its audit record, in one transaction. */
export async function createApplication(caller: Caller, item: ServiceApplicationItem): Promise<void> {
  const { canceled } = await writeAudited(
    caller,
    auditOf(item, 'serviceApplication.submit'),
    { application: ServiceApplication },
    ({ application }: WriteEntities<{ application: typeof ServiceApplication }>) => [application.create(item).commit()],
  );
  if (canceled) throw new Conflict('같은 번호의 신청이 이미 있습니다. 다시 신청해 주세요.');
}

/**
 * Stores the next version of an application only if nobody changed it since it was read
 * (revision), together with the audit record of the step.
 */
export async function saveStep(
  caller: Caller,
  before: ServiceApplicationItem,
  after: ServiceApplicationItem,
  action: string,
  extra: Partial<AuditEvent> = {},
): Promise<void> {
  const { canceled } = await writeAudited(
    caller,
    { ...auditOf(after, action), ...extra },
    { application: ServiceApplication },
    ({ application }: WriteEntities<{ application: typeof ServiceApplication }>) => [
      application
        .put(after)
        .where((attr, op) => op.eq(attr.revision, before.revision))
        .commit(),
    ],
  );
  if (canceled) throw new Conflict(STALE_MESSAGE);
}

export function auditOf(item: ServiceApplicationItem, action: string): AuditEvent {
  return {
    action,
    targetType: 'serviceApplication',
    targetId: item.applicationId,
    subjectId: item.applicantId,
    branchId: item.branchId,
  };
}

/**
 * Tells the applicant by SMS (the outbox on the local stack). A notification that cannot be sent must
 * not undo the step already stored: it is logged (without personal data) and the step stands.
 */
export async function notifyApplicant(item: ServiceApplicationItem, text: string, source: string): Promise<void> {
  await smsToPerson(item.applicantId, `[근로지원인 서비스] ${text}`, source);
}

/** In-app notices to the staff of an organisation (a branch or an agency), marked as work. */
export async function notifyStaff(organisationId: string, text: string, source: string): Promise<void> {
  await notifyOrganisationStaff(organisationId, `[근로지원인 업무] ${text}`, source);
}
