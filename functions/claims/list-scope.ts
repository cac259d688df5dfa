import type { Caller } from '#commons/caller';
import { agencyOf, isHq, ownBranchOf } from '#commons/policy';

// The claim and settlement lists' scope, one rule for both.

/**
 * The scope of a list: what the query names, else the caller's own (a branch its branch, an agency
 * its agency); hq with neither sees every branch.
 */
export function listScope(
  caller: Caller,
  query: { agencyId?: string; branchId?: string },
): { agencyId?: string; branchId?: string } {
  if (query.agencyId || query.branchId || isHq(caller)) return query;
  const branchId = ownBranchOf(caller);
  return branchId ? { branchId } : { agencyId: agencyOf(caller) };
}
