import type { Caller, Grant } from './caller.ts';
import { Forbidden, Unauthenticated } from './errors.ts';
import type { Role } from './roles.ts';

/**
 * The one policy module. Every route declares what it serves:
 * - 'public': no login (only under /public or /auth; the CDK refuses anything else);
 * - 'signedIn': any signed-in person, for their own things (my profile, my menu);
 * - { action, resource, roles }: the caller must hold one of `roles`, and the route names the
 *   owner of the data it touches (a Target) so that the scope of that role is checked here.
 */
export type Access = 'public' | 'signedIn' | { action: string; resource: string; roles: readonly Role[] };

/** Who owns the data a request touches. A route fills in what it knows. */
export interface Target {
  branchId?: string;
  agencyId?: string;
  institutionId?: string;
  /** the person the data is about (own data: worker, assistant, youth, jobseeker, employer) */
  userId?: string;
}

/** Step 1, before the route runs: is the caller signed in and does it hold a role the route serves? */
export function authorize(caller: Caller | undefined, access: Access): void {
  if (access === 'public') return;
  if (!caller) throw new Unauthenticated();
  if (access === 'signedIn') return;
  if (!caller.grants.some((grant) => access.roles.includes(grant.role))) throw new Forbidden();
}

/** Step 2, once the route knows whose data it is: does one of the caller's grants cover it? */
export function authorizeTarget(caller: Caller | undefined, access: Access, target: Target): void {
  if (access === 'public') return;
  if (!caller) throw new Unauthenticated();
  const roles = access === 'signedIn' ? undefined : access.roles;
  const allowed = caller.grants.some(
    (grant) => (!roles || roles.includes(grant.role)) && grantCovers(grant, caller.userId, target),
  );
  if (!allowed) throw new Forbidden('다른 기관 또는 다른 사람의 정보에는 접근할 수 없습니다.');
}

export function grantCovers(grant: Grant, userId: string, target: Target): boolean {
  switch (grant.role) {
    case 'hq':
      return true;
    case 'center':
      // the youth programme's integrated support centre oversees every programme (SPEC §1)
      return true;
    case 'branch':
      return !!grant.branchId && target.branchId === grant.branchId;
    case 'agency':
      return !!grant.agencyId && target.agencyId === grant.agencyId;
    case 'trainer':
      return !!grant.institutionId && target.institutionId === grant.institutionId;
    case 'operator':
      return !!grant.agencyId && target.agencyId === grant.agencyId;
    default:
      return target.userId === userId;
  }
}

// Named questions about the caller's grants. Routes ask these (and `allow` for the scope check) and
// never read `caller.grants` themselves, so what a role may see is decided in this one module.

/** Does the caller hold this role (with any scope)? */
export function holds(caller: Caller, role: Role): boolean {
  return caller.grants.some((grant) => grant.role === role);
}

/** Head office: sees every branch. */
export function isHq(caller: Caller): boolean {
  return holds(caller, 'hq');
}

/** The branch of the caller's branch-staff grant, if any. */
export function ownBranchOf(caller: Caller): string | undefined {
  return caller.grants.find((grant) => grant.role === 'branch')?.branchId;
}

/** The agency of the caller's agency-staff grant, if any. */
export function agencyOf(caller: Caller): string | undefined {
  return caller.grants.find((grant) => grant.role === 'agency')?.agencyId;
}

/** The training institution of the caller's trainer grant, if any. */
export function institutionOf(caller: Caller): string | undefined {
  return caller.grants.find((grant) => grant.role === 'trainer')?.institutionId;
}

/** Does the caller act as staff of this agency (an agency grant on exactly it)? */
export function actsForAgency(caller: Caller, agencyId: string): boolean {
  return caller.grants.some((grant) => grant.role === 'agency' && grant.agencyId === agencyId);
}

/** The caller's roles with their scopes, for the screens that show who one is ("my roles"). */
export function grantsHeld(caller: Caller): readonly Grant[] {
  return caller.grants;
}

/** Does the caller hold an agency, branch or head-office role (staff who see others' activity logs)? */
export function actsAsActivityStaff(caller: Caller): boolean {
  return holds(caller, 'agency') || holds(caller, 'branch') || holds(caller, 'hq');
}
