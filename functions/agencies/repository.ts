import { bindEntity } from '#commons/entities';
import { SIDO_CODES } from '#commons/regions';
import { type DirectoryEntry, matchesName, sortDirectory, toDirectoryEntry } from './directory.ts';
import { Organisation, type OrganisationItem, type OrganisationKind } from './entities.ts';

export interface DirectoryFilter {
  kind: OrganisationKind;
  sidoCode?: string;
  sigunguCode?: string;
  name?: string;
}

/** Public directory: one Query per 시/도 partition of the byRegion index (never a Scan). */
export async function listDirectory(filter: DirectoryFilter): Promise<DirectoryEntry[]> {
  const organisations = bindEntity(Organisation);
  const sidoCodes = filter.sidoCode ? [filter.sidoCode] : SIDO_CODES;
  const pages = await Promise.all(
    sidoCodes.map((sidoCode) =>
      organisations.query
        .byRegion(
          filter.sigunguCode
            ? { kind: filter.kind, sidoCode, sigunguCode: filter.sigunguCode }
            : { kind: filter.kind, sidoCode },
        )
        .go({ pages: 'all' }),
    ),
  );
  const entries = pages.flatMap((page) => page.data.map(toDirectoryEntry));
  return sortDirectory(entries.filter((entry) => matchesName(entry, filter.name)));
}

export async function putOrganisation(item: OrganisationItem): Promise<void> {
  await bindEntity(Organisation).put(item).go();
}

export async function getOrganisation(organisationId: string): Promise<OrganisationItem | undefined> {
  const { data } = await bindEntity(Organisation).get({ organisationId }).go();
  return data ?? undefined;
}
