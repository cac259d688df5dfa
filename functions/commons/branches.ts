// KEAD's offices the product serves, defined once: the headquarters and the branch offices (소속기관,
// 지사) that own agencies, institutions and applications. Scopes carry these ids (grant.branchId,
// Organisation.branchId); screens show the names. A branch is added here when the product starts
// serving it; an hq-edited registry can replace this list without changing the ids.
export const HEADQUARTERS = { branchId: 'HQ', name: '한국장애인고용공단 본부' } as const;

export const BRANCHES = [
  { branchId: 'BR-SEOUL', name: '서울지사' },
  { branchId: 'BR-GYEONGGI', name: '경기지사' },
] as const;

export type BranchId = (typeof BRANCHES)[number]['branchId'];

export function branchName(branchId: string): string | undefined {
  if (branchId === HEADQUARTERS.branchId) return HEADQUARTERS.name;
  return BRANCHES.find((b) => b.branchId === branchId)?.name;
}
