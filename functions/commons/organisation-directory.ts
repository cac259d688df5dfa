import { BRANCHES } from './branches.ts';

// What capabilities other than agencies read of the organisation registry (SPEC A1): an
// organisation's name, kind and branch, one by id or all of some kinds. The registry belongs to the
// agencies capability, which these capabilities do not import: the edge plugs the registry in
// (functions/capabilities.ts, and the Lambda entries of the capabilities that read it), so training,
// oversight and the programmes to come share one port instead of each writing its own.

export interface DirectoryOrganisation {
  organisationId: string;
  kind: 'agency' | 'institution';
  name: string;
  branchId: string;
}

export interface OrganisationDirectory {
  get(organisationId: string): Promise<DirectoryOrganisation | undefined>;
  /** every organisation of these kinds, of one branch or of all */
  list(kinds: readonly DirectoryOrganisation['kind'][], branchId?: string): Promise<DirectoryOrganisation[]>;
}

let source: OrganisationDirectory | undefined;

export function plugOrganisationDirectory(directory: OrganisationDirectory): void {
  source = directory;
}

export function organisationDirectory(): OrganisationDirectory {
  if (!source) {
    throw new Error('no organisation directory is plugged in (functions/commons/organisation-directory.ts)');
  }
  return source;
}

/** What the edge hands over of the registry (its repository's functions, structurally typed). */
interface RegistryItem {
  organisationId: string;
  name: string;
  kind: string;
  branchId: string;
}

const isDirectoryKind = (kind: string): kind is DirectoryOrganisation['kind'] =>
  kind === 'agency' || kind === 'institution';

const toDirectory = (o: RegistryItem): DirectoryOrganisation | undefined =>
  isDirectoryKind(o.kind)
    ? { organisationId: o.organisationId, name: o.name, kind: o.kind, branchId: o.branchId }
    : undefined;

/** The directory built from the registry's get and per-branch list. */
export function directoryFromRegistry(
  get: (organisationId: string) => Promise<RegistryItem | undefined>,
  listOfBranch: (branchId: string) => Promise<RegistryItem[]>,
): OrganisationDirectory {
  return {
    async get(organisationId) {
      const o = await get(organisationId);
      return o ? toDirectory(o) : undefined;
    },
    async list(kinds, branchId) {
      const branches = branchId ? [branchId] : BRANCHES.map((b) => b.branchId);
      const all = (await Promise.all(branches.map((b) => listOfBranch(b)))).flat();
      return all.map(toDirectory).filter((o): o is DirectoryOrganisation => !!o && kinds.includes(o.kind));
    },
  };
}
