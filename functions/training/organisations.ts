/**
 * What training needs to know of an organisation (the institution opening a course, the agencies a
 * person names as 근무희망수행기관): its kind, name and branch. Organisations belong to the agencies
 * capability; training reads them through this port, which the edge plugs in (functions/training/
 * handler.ts for the Lambda, functions/capabilities.ts for the local API), so training imports no
 * other capability's repository.
 */
export interface OrganisationFacts {
  organisationId: string;
  kind: 'agency' | 'institution';
  name: string;
  branchId: string;
}

export type OrganisationLookup = (organisationId: string) => Promise<OrganisationFacts | undefined>;

let source: OrganisationLookup | undefined;

export function plugOrganisations(lookup: OrganisationLookup): void {
  source = lookup;
}

export function organisationOf(organisationId: string): Promise<OrganisationFacts | undefined> {
  if (!source) throw new Error('training: no organisation lookup is plugged in (functions/training/organisations.ts)');
  return source(organisationId);
}
