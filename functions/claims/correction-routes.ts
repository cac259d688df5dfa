import { recordPersonalDataRead } from '#commons/audit-trail';
import { BRANCHES } from '#commons/branches';
import type { Caller } from '#commons/caller';
import { Conflict, NotFound, RuleViolation } from '#commons/errors';
import { defineRoute } from '#commons/http/route';
import type { Target } from '#commons/policy';
import { getOrganisation } from '#functions/agencies/repository';
import { getClaim, listAgencyClaims, listBranchClaims } from './claim-repository.ts';
import {
  type ClaimCorrectionView,
  type CorrectionList,
  carryBody,
  claimCorrection as claimCorrectionSchema,
  correctionExportResponse,
  correctionListQuery,
  correctionListResponse,
  correctionParams,
} from './correction-contract.ts';
import { correctionsWorkbook } from './correction-export.ts';
import { carryCorrection, correctedTable, decidedClaim, listCarried } from './correction-repository.ts';
import { carryRefusal, correctionIdOf, differencesByAgency, isAffected } from './correction-rules.ts';
import type { ClaimItem, RateCorrectionItem } from './entities.ts';
import { listScope } from './list-scope.ts';

// 요율 정정 차액 (issue 15 §6): hq and the branches list the decided claims that a corrected rate table
// touches, with the difference per claim, assistant and agency, computed again from each claim's stored
// entries without changing it; the branch carries a difference into the agency's next settlement.

const LABELS = {
  year: '요율표 연도',
  agencyId: '수행기관',
  branchId: '관할지사',
  claimId: '사업비 신청',
  correctedVersion: '정정된 요율표 버전',
};

const readers = ['hq', 'branch'] as const;

/** The decided claims of the list's scope (the claim list's rule: the query's, else the caller's own). */
async function claimsInScope(
  caller: Caller,
  query: { agencyId?: string; branchId?: string },
  allow: (target: Target) => void,
): Promise<ClaimItem[]> {
  const scope = listScope(caller, query);
  if (scope.agencyId) {
    const agency = await getOrganisation(scope.agencyId);
    if (agency?.kind !== 'agency') throw new NotFound('수행기관');
    allow({ agencyId: agency.organisationId, branchId: agency.branchId });
    return scope.branchId && scope.branchId !== agency.branchId ? [] : listAgencyClaims(agency.organisationId);
  }
  if (scope.branchId) {
    allow({ branchId: scope.branchId });
    return listBranchClaims(scope.branchId);
  }
  allow({});
  return (await Promise.all(BRANCHES.map((b) => listBranchClaims(b.branchId)))).flat();
}

function carriedOf(items: readonly RateCorrectionItem[], claimId: string): ClaimCorrectionView['carried'] {
  // the latest version carried for the claim
  const item = items.filter((c) => c.claimId === claimId).sort((a, b) => b.correctedVersion - a.correctedVersion)[0];
  if (!item) return undefined;
  return {
    correctedVersion: item.correctedVersion,
    difference: item.difference,
    carriedAt: item.carriedAt,
    carriedBy: item.carriedBy,
    ...(item.settlementId !== '-' ? { settlementId: item.settlementId } : {}),
  };
}

async function correctionList(
  caller: Caller,
  query: { year: number; agencyId?: string; branchId?: string },
  allow: (target: Target) => void,
): Promise<CorrectionList> {
  const claims = await claimsInScope(caller, query, allow);
  const table = await correctedTable(query.year);
  if (!table) throw new NotFound(`${query.year}년 요율표`);
  const affected = claims
    .filter((c) => isAffected(c, query.year, table.version))
    .sort((a, b) => a.agencyName.localeCompare(b.agencyName, 'ko') || a.month.localeCompare(b.month));
  const carried = new Map<string, RateCorrectionItem[]>();
  for (const agencyId of new Set(affected.map((c) => c.agencyId))) carried.set(agencyId, await listCarried(agencyId));
  const corrections: ClaimCorrectionView[] = [];
  for (const claim of affected) {
    const correction = table.correct(await decidedClaim(claim));
    const done = carriedOf(carried.get(claim.agencyId) ?? [], claim.claimId);
    corrections.push({ ...correction, ...(done ? { carried: done } : {}) });
  }
  return { year: query.year, correctedVersion: table.version, corrections, agencies: differencesByAgency(corrections) };
}

/** The list names every assistant of the claims it recomputed: reading it is recorded. */
async function recordRead(caller: Caller, list: CorrectionList, action: string, branchId?: string): Promise<void> {
  await recordPersonalDataRead(caller, {
    action,
    targetType: 'rateCorrection',
    targetId: String(list.year),
    ...(branchId ? { branchId } : {}),
    subjects: list.corrections.flatMap((c) => c.assistants.map((a) => a.id)),
  });
}

export const correctionRoutes = [
  defineRoute({
    method: 'GET',
    path: '/rate-corrections',
    summary: '요율 정정 차액: 정정된 요율표로 다시 계산한 결정된 사업비 신청과 수행기관·근로지원인별 차액',
    response: correctionListResponse,
    access: { action: 'read', resource: 'rateCorrection', roles: readers },
    query: correctionListQuery,
    labels: LABELS,
    handle: async ({ query, caller, allow }) => {
      const list = await correctionList(caller!, query, allow);
      await recordRead(caller!, list, 'rateCorrection.read', query.branchId);
      return { body: list };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/rate-corrections/export',
    summary: '요율 정정 차액 엑셀 내려받기 (수행기관별, 사업비 신청별, 근로지원인별)',
    response: correctionExportResponse,
    access: { action: 'read', resource: 'rateCorrection', roles: readers },
    query: correctionListQuery,
    labels: LABELS,
    handle: async ({ query, caller, allow }) => {
      const list = await correctionList(caller!, query, allow);
      await recordRead(caller!, list, 'rateCorrection.export', query.branchId);
      const file = await correctionsWorkbook(list);
      return {
        body: {
          fileName: `요율정정차액_${query.year}년_버전${list.correctedVersion}.xlsx`,
          contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          base64: file.toString('base64'),
        },
      };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/rate-corrections/{claimId}/carry',
    summary: '지사: 요율 정정 차액을 수행기관의 다음 사업비 정산에 반영',
    response: claimCorrectionSchema,
    access: { action: 'carry', resource: 'rateCorrection', roles: ['branch'] },
    params: correctionParams,
    body: carryBody,
    labels: LABELS,
    handle: async ({ params, body, caller, allow }) => {
      const agencyId = params.claimId.slice(0, params.claimId.lastIndexOf('_'));
      const agency = await getOrganisation(agencyId);
      if (agency?.kind !== 'agency') throw new NotFound('사업비 신청');
      allow({ agencyId, branchId: agency.branchId });
      const claim = await getClaim(params.claimId);
      if (!claim) throw new NotFound('사업비 신청');
      const year = claim.rateYear ?? Number(claim.month.slice(0, 4));
      const table = await correctedTable(year);
      if (!table) throw new NotFound(`${year}년 요율표`);
      if (table.version !== body.correctedVersion) {
        throw new Conflict(
          `${year}년 요율표가 그 사이 다시 고쳐졌습니다(버전 ${table.version}). 목록을 새로 고쳐 차액을 다시 확인해 주세요.`,
          'RATE_TABLE_CHANGED',
        );
      }
      const correction = isAffected(claim, year, table.version) ? table.correct(await decidedClaim(claim)) : undefined;
      const refusal = carryRefusal(correction);
      if (refusal || !correction) throw new RuleViolation(refusal!, 'NOTHING_TO_CARRY');
      const carried = await listCarried(agencyId);
      const already = carried.find((c) => c.correctionId === correctionIdOf(claim.claimId, table.version));
      if (!already) await carryCorrection(caller!, correction);
      await recordPersonalDataRead(caller!, {
        action: 'rateCorrection.carry',
        targetType: 'claim',
        targetId: claim.claimId,
        branchId: claim.branchId,
        subjects: correction.assistants.map((a) => a.id),
      });
      const done = carriedOf(await listCarried(agencyId), claim.claimId);
      return { status: already ? 200 : 201, body: { ...correction, ...(done ? { carried: done } : {}) } };
    },
  }),
];
