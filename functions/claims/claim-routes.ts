import { recordPersonalDataRead } from '#commons/audit-trail';
import { BRANCHES } from '#commons/branches';
import type { Caller } from '#commons/caller';
import { Conflict, NotFound, RuleViolation } from '#commons/errors';
import { defineRoute } from '#commons/http/route';
import type { Target } from '#commons/policy';
import { getOrganisation } from '#functions/agencies/repository';
import * as clock from '#kernel/clock';
import {
  claimDecisionBody,
  claimDetail as claimDetailSchema,
  claimExportResponse,
  claimListQuery,
  claimListResponse,
  claimParams,
  claimSummary as claimSummarySchema,
  claimsExportBody,
  type SourceEntry,
  scheduleBody,
  scheduleResponse,
  startClaimBody,
} from './claim-contract.ts';
import { claimsWorkbook, claimWorkbook, type ExportClaim } from './claim-export.ts';
import { tellClaimStep } from './claim-notices.ts';
import { claimPeople } from './claim-pairs.ts';
import {
  createClaim,
  getClaim,
  listAgencyClaims,
  listBranchClaims,
  listLines,
  transition,
} from './claim-repository.ts';
import {
  actionRefusal,
  type ClaimAction,
  type ClaimStatus,
  claimDates,
  monthRefusal,
  STATUS_LABELS,
  sortForList,
  statusAfter,
} from './claim-rules.ts';
import type { ClaimItem, ClaimLineItem } from './entities.ts';
import { listScope } from './list-scope.ts';
import { answerTask, startClaimExecution } from './orchestration.ts';
import { refuseWhileBlocked } from './precheck-service.ts';
import { startMonthForAllAgencies } from './schedule.ts';

const CLAIM_LABELS = {
  agencyId: '수행기관',
  branchId: '지사',
  month: '신청 월',
  claimId: '사업비 신청',
  action: '결정',
  reason: '반려 사유',
};

const parse = <T>(text: string | undefined, fallback: T): T => (text ? (JSON.parse(text) as T) : fallback);

/**
 * Whom the workflow waits for now. A token stays on the claim after it was answered (so a repeated
 * answer can hand it on again) until the next step replaces it, so the status decides as well.
 */
function waitingFor(claim: ClaimItem): 'agency' | 'branch' | undefined {
  if (!claim.taskToken) return undefined;
  if (claim.tokenStage === 'agency' && (claim.status === 'review' || claim.status === 'returned')) return 'agency';
  if (claim.tokenStage === 'branch' && claim.status === 'submitted') return 'branch';
  return undefined;
}

export function claimSummary(claim: ClaimItem) {
  return {
    claimId: claim.claimId,
    agencyId: claim.agencyId,
    agencyName: claim.agencyName,
    branchId: claim.branchId,
    month: claim.month,
    status: claim.status,
    statusLabel: STATUS_LABELS[claim.status as ClaimStatus],
    revision: claim.revision,
    computeRevision: claim.computeRevision,
    rateYear: claim.rateYear,
    rateVersion: claim.rateVersion,
    totals: parse<Record<string, number> | null>(claim.totals, null),
    returnReason: claim.returnReason,
    failure: parse<{ error: string; cause: string } | null>(claim.failure, null),
    /** whether the workflow waits for the agency's submit or the branch's decision right now */
    waitingFor: waitingFor(claim),
    ...claimDates(claim.history),
    ...(claim.paidMinutes !== undefined ? { paidMinutes: claim.paidMinutes } : {}),
    updatedAt: claim.updatedAt,
  };
}

function lineView(line: ClaimLineItem) {
  return {
    kind: line.kind,
    id: line.subjectId,
    name: line.name,
    result: JSON.parse(line.result) as Record<string, unknown>,
    entries: JSON.parse(line.entries) as unknown[],
    ...(line.copayExemptReason ? { copayExemptReason: line.copayExemptReason } : {}),
  };
}

/**
 * The claim id names its agency, so the scope is checked (against the agency and its branch) before
 * the claim is read: another organisation's claim is refused whether or not it exists.
 */
/** The scope check of a claim, before it is read: the claim id names its agency. */
async function allowClaim(claimId: string, allow: (target: Target) => void): Promise<void> {
  const agencyId = claimId.slice(0, claimId.lastIndexOf('_'));
  const agency = await getOrganisation(agencyId);
  if (agency?.kind !== 'agency') throw new NotFound('사업비 신청');
  allow({ agencyId, branchId: agency.branchId });
}

async function loadClaim(claimId: string, allow: (target: Target) => void): Promise<ClaimItem> {
  await allowClaim(claimId, allow);
  const claim = await getClaim(claimId);
  if (!claim) throw new NotFound('사업비 신청');
  return claim;
}

/** 수행기관 상세 of seed 000's 사업비 신청 내용: who to call and where the money goes, as registered now. */
async function agencyFacts(agencyId: string) {
  const agency = await getOrganisation(agencyId);
  if (!agency) return undefined;
  const contact = agency.contacts?.[0];
  return {
    name: agency.name,
    ...(contact ? { contactName: contact.name, contactPhone: contact.phone } : {}),
    phone: agency.phone,
    ...(agency.fax ? { fax: agency.fax } : {}),
    ...(agency.bankName ? { bankName: agency.bankName } : {}),
    ...(agency.bankAccount ? { bankAccount: agency.bankAccount } : {}),
    ...(agency.bankHolder ? { bankHolder: agency.bankHolder } : {}),
  };
}

async function claimDetail(claim: ClaimItem) {
  const [lines, agency] = await Promise.all([
    claim.computeRevision > 0 ? listLines(claim.claimId, claim.computeRevision) : Promise.resolve([]),
    agencyFacts(claim.agencyId),
  ]);
  const assistants = lines.filter((l) => l.kind === 'assistant').map(lineView);
  const entries = assistants.flatMap((l) => l.entries as SourceEntry[]);
  const people = await claimPeople(claim.agencyId, claim.month, entries);
  return {
    ...claimSummary(claim),
    ...(agency ? { agency } : {}),
    rates: parse<unknown>(claim.rates, null),
    problems: parse<unknown[]>(claim.problems, []),
    history: claim.history,
    assistants: assistants.map((l) => {
      const birthDate = people.birthDates.get(l.id);
      return birthDate ? { ...l, birthDate } : l;
    }),
    workers: lines.filter((l) => l.kind === 'worker').map(lineView),
    pairs: people.pairs,
  };
}

/** A claim's lines name each assistant and worker of the month: reading them is recorded. */
async function recordClaimRead(caller: Caller, detail: Awaited<ReturnType<typeof claimDetail>>, action: string) {
  await recordPersonalDataRead(caller, {
    action,
    targetType: 'claim',
    targetId: detail.claimId,
    branchId: detail.branchId,
    subjects: [...detail.assistants, ...detail.workers].map((line) => line.id),
  });
}

const STAGE_OF: Record<ClaimAction, 'agency' | 'branch' | undefined> = {
  submit: 'agency',
  recompute: 'agency',
  approve: 'branch',
  return: 'branch',
  resume: undefined,
};

/**
 * A person's answer to the step the workflow waits in. Repeating an answer that was already taken
 * changes nothing (and hands the answer on again in case the first delivery was lost); an answer that
 * does not fit the claim's state is refused in Korean.
 */
async function answer(caller: Caller, claim: ClaimItem, action: ClaimAction, reason?: string): Promise<ClaimItem> {
  const stage = STAGE_OF[action]!;
  const target = statusAfter(action);
  const message = { action, by: caller.userId, ...(reason ? { reason } : {}) } as const;
  if (claim.status === target) {
    if (claim.taskToken && claim.tokenStage === stage) await answerTask(claim.taskToken, message as never);
    return claim;
  }
  // the claim is no longer where the person saw it (approved, computing, already decided): 409
  const refusal = actionRefusal(claim.status as ClaimStatus, action);
  if (refusal) throw new Conflict(refusal, 'CLAIM_STATE');
  if (!claim.taskToken || claim.tokenStage !== stage) {
    throw new Conflict('신청을 처리하고 있습니다. 잠시 후 화면을 새로 고친 뒤 다시 시도해 주세요.');
  }
  const result = await transition(caller, claim, { action, reason });
  if (result.canceled) {
    const now = (await getClaim(claim.claimId))!;
    if (now.status === target) return now;
    throw new Conflict('방금 다른 곳에서 이 신청을 먼저 바꿨습니다. 화면을 새로 고쳐 지금 상태를 확인해 주세요.');
  }
  await answerTask(claim.taskToken, message as never);
  // the other side learns of it in their staff inbox (issue 15 §7)
  await tellClaimStep(claim, action, reason);
  return result.claim;
}

export const claimWorkflowRoutes = [
  defineRoute({
    method: 'POST',
    path: '/claims',
    summary: '사업비 신청 시작 (제출된 활동일지로 계산)',
    response: claimSummarySchema,
    access: { action: 'create', resource: 'claim', roles: ['agency', 'branch', 'hq'] },
    body: startClaimBody,
    labels: CLAIM_LABELS,
    handle: async ({ body, caller, allow }) => {
      const agency = await getOrganisation(body.agencyId);
      if (agency?.kind !== 'agency') throw new NotFound('수행기관');
      allow({ agencyId: agency.organisationId, branchId: agency.branchId });
      const refusal = monthRefusal(body.month, clock.now());
      if (refusal) throw new RuleViolation(refusal, 'MONTH_NOT_OVER');
      const { created, claim } = await createClaim(caller!, {
        agencyId: agency.organisationId,
        agencyName: agency.name,
        branchId: agency.branchId,
        month: body.month,
      });
      // a claim created earlier whose execution never started (a lost start) is started now
      if (created || (claim.status === 'computing' && !claim.executionArn)) {
        await startClaimExecution(
          { claimId: claim.claimId, agencyId: claim.agencyId, month: claim.month },
          claim.attempt,
        );
      }
      return { status: created ? 201 : 200, body: claimSummary((await getClaim(claim.claimId))!) };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/claims',
    summary: '사업비 신청 목록 (기관별 또는 지사별)',
    response: claimListResponse,
    access: { action: 'read', resource: 'claim', roles: ['agency', 'branch', 'hq'] },
    query: claimListQuery,
    labels: CLAIM_LABELS,
    handle: async ({ query, caller, allow }) => {
      // without a filter a branch or an agency sees its own claims; hq every branch's
      const scope = listScope(caller!, query);
      const inPeriod = (c: ClaimItem) =>
        (!query.month || c.month === query.month) && (!query.year || c.month.startsWith(`${query.year}-`));
      let claims: ClaimItem[];
      if (scope.agencyId) {
        const agency = await getOrganisation(scope.agencyId);
        if (agency?.kind !== 'agency') throw new NotFound('수행기관');
        allow({ agencyId: agency.organisationId, branchId: agency.branchId });
        claims =
          scope.branchId && scope.branchId !== agency.branchId ? [] : await listAgencyClaims(agency.organisationId);
      } else if (scope.branchId) {
        allow({ branchId: scope.branchId });
        claims = await listBranchClaims(scope.branchId, query.month);
      } else {
        // every branch: hq alone (a branch or an agency names its own scope)
        allow({});
        claims = (await Promise.all(BRANCHES.map((b) => listBranchClaims(b.branchId, query.month)))).flat();
      }
      return { body: { claims: sortForList(claims.filter(inPeriod)).map(claimSummary) } };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/claims/{claimId}',
    summary: '사업비 신청 상세: 계산 줄, 줄마다의 활동일지, 사용한 요율, 이력',
    response: claimDetailSchema,
    access: { action: 'read', resource: 'claim', roles: ['agency', 'branch', 'hq'] },
    params: claimParams,
    labels: CLAIM_LABELS,
    handle: async ({ params, caller, allow }) => {
      const detail = await claimDetail(await loadClaim(params.claimId, allow));
      await recordClaimRead(caller!, detail, 'claim.read');
      return { body: detail };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/claims/{claimId}/export',
    summary: '사업비 신청 엑셀 내려받기 (활동 내역, 금액, 본인부담금)',
    response: claimExportResponse,
    access: { action: 'read', resource: 'claim', roles: ['agency', 'branch', 'hq'] },
    params: claimParams,
    labels: CLAIM_LABELS,
    handle: async ({ params, caller, allow }) => {
      const detail = await claimDetail(await loadClaim(params.claimId, allow));
      await recordClaimRead(caller!, detail, 'claim.export');
      const file = await claimWorkbook(detail as unknown as ExportClaim);
      // JSON with the file inside: the API's responses are JSON end to end (API Gateway, local API)
      return {
        body: {
          fileName: `사업비신청_${detail.agencyName}_${detail.month}.xlsx`,
          contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          base64: file.toString('base64'),
        },
      };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/claims/export',
    summary: '사업비 신청 여러 건을 엑셀 한 파일로 내려받기 (목록에서 선택한 신청)',
    response: claimExportResponse,
    access: { action: 'read', resource: 'claim', roles: ['agency', 'branch', 'hq'] },
    body: claimsExportBody,
    labels: CLAIM_LABELS,
    handle: async ({ body, caller, allow }) => {
      const claimIds = [...new Set(body.claimIds)];
      // every claim in scope before any is read: one out of scope refuses the whole file
      for (const claimId of claimIds) await allowClaim(claimId, allow);
      const details = [];
      for (const claimId of claimIds) details.push(await claimDetail(await loadClaim(claimId, allow)));
      for (const detail of details) await recordClaimRead(caller!, detail, 'claim.export');
      const file = await claimsWorkbook(sortForList(details) as unknown as ExportClaim[]);
      return {
        body: {
          fileName: `사업비신청목록_${details.length}건.xlsx`,
          contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          base64: file.toString('base64'),
        },
      };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/claims/{claimId}/submit',
    summary: '기관: 검토한 사업비 신청을 지사에 제출',
    response: claimSummarySchema,
    access: { action: 'submit', resource: 'claim', roles: ['agency'] },
    params: claimParams,
    labels: CLAIM_LABELS,
    handle: async ({ params, caller, allow }) => {
      const claim = await loadClaim(params.claimId, allow);
      // the month-end pre-check: no submit while a line that the branch would return it for remains
      if (claim.status === 'review' || claim.status === 'returned')
        await refuseWhileBlocked(claim.agencyId, claim.month);
      return { body: claimSummary(await answer(caller!, claim, 'submit')) };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/claims/{claimId}/recompute',
    summary: '기관: 고친 활동일지로 사업비를 다시 계산',
    response: claimSummarySchema,
    access: { action: 'submit', resource: 'claim', roles: ['agency'] },
    params: claimParams,
    labels: CLAIM_LABELS,
    handle: async ({ params, caller, allow }) => {
      const claim = await loadClaim(params.claimId, allow);
      return { body: claimSummary(await answer(caller!, claim, 'recompute')) };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/claims/{claimId}/decision',
    summary: '지사: 사업비 신청 승인 또는 반려(사유 필수)',
    response: claimSummarySchema,
    access: { action: 'decide', resource: 'claim', roles: ['branch'] },
    params: claimParams,
    body: claimDecisionBody,
    labels: CLAIM_LABELS,
    handle: async ({ params, body, caller, allow }) => {
      const claim = await loadClaim(params.claimId, allow);
      return { body: claimSummary(await answer(caller!, claim, body.action, body.reason)) };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/claims/{claimId}/resume',
    summary: '처리에 실패한 사업비 신청을 저장된 신청에서 다시 시작',
    response: claimSummarySchema,
    access: { action: 'submit', resource: 'claim', roles: ['agency', 'branch', 'hq'] },
    params: claimParams,
    labels: CLAIM_LABELS,
    handle: async ({ params, caller, allow }) => {
      const claim = await loadClaim(params.claimId, allow);
      if (claim.status === 'computing') return { body: claimSummary(claim) };
      const refusal = actionRefusal(claim.status as ClaimStatus, 'resume');
      if (refusal) throw new Conflict(refusal, 'CLAIM_STATE');
      const result = await transition(caller!, claim, { action: 'resume' });
      if (result.canceled) {
        throw new Conflict('방금 다른 곳에서 이 신청을 먼저 다시 시작했습니다. 화면을 새로 고쳐 주세요.');
      }
      await startClaimExecution(
        { claimId: claim.claimId, agencyId: claim.agencyId, month: claim.month },
        result.claim.attempt,
      );
      return { body: claimSummary((await getClaim(claim.claimId))!) };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/claims/schedule',
    summary: '본부: 한 달의 사업비 신청을 모든 수행기관에 시작 (매월 예약 실행과 같은 일)',
    response: scheduleResponse,
    access: { action: 'schedule', resource: 'claim', roles: ['hq'] },
    body: scheduleBody,
    labels: CLAIM_LABELS,
    handle: async ({ body, caller, allow }) => {
      allow({});
      const refusal = monthRefusal(body.month, clock.now());
      if (refusal) throw new RuleViolation(refusal, 'MONTH_NOT_OVER');
      return { body: await startMonthForAllAgencies(caller!, body.month) };
    },
  }),
];
