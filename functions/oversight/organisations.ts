/**
 * What oversight reads of the agency registry: an organisation's name, kind and branch (who may read
 * a notice, who must acknowledge it). The registry belongs to agencies, which oversight does not
 * import: the edge plugs it in, in the Lambda's entry (handler.ts) and in functions/capabilities.ts.
 */
export interface AudienceOrganisation {
  organisationId: string;
  name: string;
  kind: 'agency' | 'institution';
  branchId: string;
}

export interface OrganisationDirectory {
  get(organisationId: string): Promise<AudienceOrganisation | undefined>;
  /** every organisation of these kinds, of one branch or of all */
  list(kinds: readonly AudienceOrganisation['kind'][], branchId?: string): Promise<AudienceOrganisation[]>;
}

let source: OrganisationDirectory | undefined;

export function plugOrganisations(directory: OrganisationDirectory): void {
  source = directory;
}

export function organisations(): OrganisationDirectory {
  if (!source)
    throw new Error('oversight: no organisation directory is plugged in (functions/oversight/organisations.ts)');
  return source;
}
