import type { Caller } from './caller.ts';
import { Forbidden, Unauthenticated } from './errors.ts';
import type { Role } from './roles.ts';

/**
 * What a route serves. 'public' needs no login; otherwise the caller must hold one of `roles`.
 * Scope checks (branchId / agencyId / institutionId / own) are made by the policy with the target
 * the route resolves, so that no route decides access on its own.
 */
export type Access = 'public' | { action: string; resource: string; roles: readonly Role[] };

export function authorize(caller: Caller | undefined, access: Access): void {
  if (access === 'public') return;
  if (!caller) throw new Unauthenticated();
  if (!caller.roles.some((role) => access.roles.includes(role))) throw new Forbidden();
}
