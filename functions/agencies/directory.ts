import type { OrganisationItem } from './entities.ts';

import type { DirectoryEntry } from './organisation-contract.ts';

export type { DirectoryEntry };

export function toDirectoryEntry(item: OrganisationItem): DirectoryEntry {
  return {
    organisationId: item.organisationId,
    kind: item.kind,
    name: item.name,
    sidoCode: item.sidoCode,
    sidoName: item.sidoName,
    sigunguCode: item.sigunguCode,
    sigunguName: item.sigunguName,
    address: item.address,
    phone: item.phone,
    designatedYears: [...(item.designatedYears ?? [])].sort((a, b) => a - b),
  };
}

/** Order of the public list: 시/도 code, then 시/군/구 code, then name in Korean collation. */
export function sortDirectory(entries: DirectoryEntry[]): DirectoryEntry[] {
  const collator = new Intl.Collator('ko');
  return [...entries].sort(
    (a, b) =>
      a.sidoCode.localeCompare(b.sidoCode) ||
      a.sigunguCode.localeCompare(b.sigunguCode) ||
      collator.compare(a.name, b.name),
  );
}

/** Name search as people type it: ignores spaces and case. */
export function matchesName(entry: DirectoryEntry, query: string | undefined): boolean {
  if (!query) return true;
  const normalise = (s: string) => s.replace(/\s+/g, '').toLowerCase();
  return normalise(entry.name).includes(normalise(query));
}
