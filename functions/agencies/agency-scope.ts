import { BRANCHES } from '#commons/branches';
import type { Caller } from '#commons/caller';
import { NotFound } from '#commons/errors';
import { isHq, ownBranchOf, type Target } from '#commons/policy';
import type { OrganisationItem } from './entities.ts';
import { getOrganisation, listOrganisations } from './repository.ts';
import type { ScopeQuery } from './scope-contract.ts';

// Which agencies a read-only internal view covers (the claim list's rule, for every capability): the
// agency or branch the query names, else the caller's own branch; hq with neither sees every branch.
// The policy decides through `allow`; this module only names the owner of what is read.

export async function agenciesInScope(
  caller: Caller,
  query: ScopeQuery,
  allow: (target: Target) => void,
): Promise<OrganisationItem[]> {
  if (query.agencyId) {
    const agency = await getOrganisation(query.agencyId);
    if (agency?.kind !== 'agency') throw new NotFound('수행기관');
    allow({ agencyId: agency.organisationId, branchId: agency.branchId });
    // an agency outside the branch the query also names: nothing, as on the claim list
    return query.branchId && query.branchId !== agency.branchId ? [] : [agency];
  }
  const branchId = query.branchId ?? (isHq(caller) ? undefined : ownBranchOf(caller));
  let agencies: OrganisationItem[];
  if (branchId) {
    allow({ branchId });
    agencies = await listOrganisations(branchId, 'agency');
  } else {
    // every branch: hq alone passes (a branch always names its own)
    allow({});
    agencies = (await Promise.all(BRANCHES.map((b) => listOrganisations(b.branchId, 'agency')))).flat();
  }
  return agencies
    .filter((a) => a.kind === 'agency')
    .sort((a, b) => a.name.localeCompare(b.name, 'ko') || a.organisationId.localeCompare(b.organisationId));
}
