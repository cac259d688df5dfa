import { BRANCHES } from '#commons/branches';
import type { AudienceOrganisation, OrganisationDirectory } from './organisations.ts';

/** What the edge hands over of the agency registry (its repository's functions, structurally typed). */
interface RegistryItem {
  organisationId: string;
  name: string;
  kind: string;
  branchId: string;
}

const isAudienceKind = (kind: string): kind is AudienceOrganisation['kind'] =>
  kind === 'agency' || kind === 'institution';

const toAudience = (o: RegistryItem): AudienceOrganisation | undefined =>
  isAudienceKind(o.kind)
    ? { organisationId: o.organisationId, name: o.name, kind: o.kind, branchId: o.branchId }
    : undefined;

/** The directory notices read, built from the registry's get and per-branch list. */
export function organisationDirectory(
  get: (organisationId: string) => Promise<RegistryItem | undefined>,
  listOfBranch: (branchId: string) => Promise<RegistryItem[]>,
): OrganisationDirectory {
  return {
    async get(organisationId) {
      const o = await get(organisationId);
      return o ? toAudience(o) : undefined;
    },
    async list(kinds, branchId) {
      const branches = branchId ? [branchId] : BRANCHES.map((b) => b.branchId);
      const all = (await Promise.all(branches.map((b) => listOfBranch(b)))).flat();
      return all.map(toAudience).filter((o): o is AudienceOrganisation => !!o && kinds.includes(o.kind));
    },
  };
}
