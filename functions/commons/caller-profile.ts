import { Entity, type EntityItem } from 'electrodb';
import * as clock from '#kernel/clock';
import type { Grant } from './caller.ts';
import { bindEntity } from './entities.ts';
import { Unauthenticated } from './errors.ts';
import { isRole } from './roles.ts';
import { SERVICE_NAME } from './table.ts';

// The stored profile of a person lives here, below every capability, because the HTTP edge reads the
// caller's grants from it on every request (issue 14 point 5: the edge imports no capability).
// The identity capability writes it (sign-up, approval, withdrawal) and re-exports it from its entities.

/**
 * A person's profile and role grants. userId is the login ID (아이디, the Cognito username), so the
 * same key identifies the person on AWS and on the local stack. Grants carry the scope of each role.
 */
export const UserProfile = new Entity({
  model: { entity: 'userProfile', version: '1', service: SERVICE_NAME },
  attributes: {
    userId: { type: 'string', required: true },
    name: { type: 'string', required: true },
    /** E.164 for Cognito SMS (+821012345678) */
    phone: { type: 'string', required: true },
    /** pending: signed up, phone not yet confirmed (or staff awaiting approval) */
    status: { type: ['pending', 'active', 'withdrawn'] as const, required: true, default: 'active' },
    /** the role asked for at sign-up or in a staff account request, granted on confirmation/approval */
    requestedRole: { type: 'string' },
    grants: {
      type: 'list',
      required: true,
      items: {
        type: 'map',
        properties: {
          role: { type: 'string', required: true },
          branchId: { type: 'string' },
          agencyId: { type: 'string' },
          institutionId: { type: 'string' },
        },
      },
    },
    /** the organisation the staff member belongs to (agency, institution or branch), for staff lists */
    organisationId: { type: 'string', default: 'NONE' },
    consents: {
      type: 'map',
      properties: { terms: { type: 'boolean' }, privacy: { type: 'boolean' }, marketing: { type: 'boolean' } },
    },
    withdrawnAt: { type: 'string' },
    /** when the person last signed out (machine clock, ISO): ID tokens issued before it no longer count */
    signedOutAt: { type: 'string' },
    createdAt: { type: 'string', required: true, readOnly: true, default: () => clock.nowIso() },
    updatedAt: {
      type: 'string',
      required: true,
      watch: '*',
      default: () => clock.nowIso(),
      set: () => clock.nowIso(),
    },
  },
  indexes: {
    byId: { pk: { field: 'pk', composite: ['userId'] }, sk: { field: 'sk', composite: [] } },
    byOrganisation: {
      index: 'gsi1',
      pk: { field: 'gsi1pk', composite: ['organisationId'] },
      sk: { field: 'gsi1sk', composite: ['userId'] },
    },
  },
});

export type UserProfileItem = EntityItem<typeof UserProfile>;

export const SESSION_ENDED_MESSAGE = '로그인이 끝났습니다. 다시 로그인해 주세요.';

/**
 * Whether a verified ID token still counts: its person is not withdrawn and did not sign out after it
 * was issued. `issuedAt` is the token's iat (seconds, Cognito's clock); `signedOutAt` is stamped with
 * the machine clock for the same reason.
 */
export function tokenCounts(
  profile: { status: string; signedOutAt?: string } | undefined,
  issuedAtSeconds: number | undefined,
): boolean {
  if (profile?.status === 'withdrawn') return false;
  if (!profile?.signedOutAt || issuedAtSeconds === undefined) return true;
  // iat has whole seconds: a token of the very second of the sign-out still counts, so that signing in
  // again at once is never refused (a token stolen and used within that second is not a real case)
  return issuedAtSeconds >= Math.floor(Date.parse(profile.signedOutAt) / 1000);
}

/**
 * The grants of an active person; a pending or unknown person has none. A token of a withdrawn person,
 * or one issued before the person signed out, no longer counts at all (401).
 */
export async function loadGrants(userId: string, issuedAt?: number): Promise<Grant[]> {
  const { data: profile } = await bindEntity(UserProfile).get({ userId }).go();
  if (!tokenCounts(profile ?? undefined, issuedAt)) throw new Unauthenticated(SESSION_ENDED_MESSAGE);
  if (profile?.status !== 'active') return [];
  return profile.grants.flatMap((grant) =>
    isRole(grant.role)
      ? [{ role: grant.role, branchId: grant.branchId, agencyId: grant.agencyId, institutionId: grant.institutionId }]
      : [],
  );
}
