import type { CreateEntityItem } from 'electrodb';
import type { Caller, Grant } from '#commons/caller';
import { bindEntity } from '#commons/entities';
import { isRole } from '#commons/roles';
import type { AuditEvent } from '#functions/audit/record';
import { writeAudited } from '#functions/audit/repository';
import * as clock from '#kernel/clock';
import { SignInGuard, StaffRequest, type StaffRequestItem, UserProfile, type UserProfileItem } from './entities.ts';
import type { GuardState } from './sign-in-rules.ts';

export async function getProfile(userId: string): Promise<UserProfileItem | undefined> {
  const { data } = await bindEntity(UserProfile).get({ userId }).go();
  return data ?? undefined;
}

/** The grants of an active person; a withdrawn or unknown person has none. */
export async function loadGrants(userId: string): Promise<Grant[]> {
  const profile = await getProfile(userId);
  if (profile?.status !== 'active') return [];
  return profile.grants.flatMap((grant) =>
    isRole(grant.role)
      ? [{ role: grant.role, branchId: grant.branchId, agencyId: grant.agencyId, institutionId: grant.institutionId }]
      : [],
  );
}

export async function putProfile(profile: CreateEntityItem<typeof UserProfile>): Promise<void> {
  await bindEntity(UserProfile).put(profile).go();
}

export async function getGuard(userId: string): Promise<GuardState | undefined> {
  const { data } = await bindEntity(SignInGuard).get({ userId }).go();
  return data ? { failures: data.failures, lockedUntil: data.lockedUntil } : undefined;
}

export async function saveGuard(userId: string, state: GuardState): Promise<void> {
  // kept a day after the last failure, then DynamoDB's TTL removes it
  const expiresAt = clock.nowEpochSeconds() + 24 * 3600;
  await bindEntity(SignInGuard)
    .put({ userId, failures: state.failures, lockedUntil: state.lockedUntil, expiresAt })
    .go();
}

export async function clearGuard(userId: string): Promise<void> {
  await bindEntity(SignInGuard).delete({ userId }).go();
}

export async function getStaffRequest(userId: string): Promise<StaffRequestItem | undefined> {
  const { data } = await bindEntity(StaffRequest).get({ userId }).go();
  return data ?? undefined;
}

export async function putStaffRequest(request: CreateEntityItem<typeof StaffRequest>): Promise<void> {
  await bindEntity(StaffRequest).put(request).go();
}

export async function listStaffRequests(branchId: string, status?: StaffRequestItem['status']) {
  const query = bindEntity(StaffRequest).query.byBranch(status ? { branchId, status } : { branchId });
  const { data } = await query.go({ pages: 'all' });
  return data;
}

/**
 * A change to a person's profile and/or staff request written together with its audit record, in one
 * transaction: the audit trail never misses a change, and never records one that did not happen.
 */
export async function saveAudited(
  caller: Caller,
  event: AuditEvent,
  change: { profile?: CreateEntityItem<typeof UserProfile>; staffRequest?: CreateEntityItem<typeof StaffRequest> },
): Promise<void> {
  await writeAudited(caller, event, { UserProfile, StaffRequest }, (entities) => [
    ...(change.profile ? [entities.UserProfile.put(change.profile).commit()] : []),
    ...(change.staffRequest ? [entities.StaffRequest.put(change.staffRequest).commit()] : []),
  ]);
}
