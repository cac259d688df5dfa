import { BRANCHES } from '#commons/branches';
import type { Caller } from '#commons/caller';
import { Conflict, NotFound, ValidationFailed } from '#commons/errors';
import { defineRoute } from '#commons/http/route';
import type { Target } from '#commons/policy';
import { getOrganisation } from '#functions/agencies/repository';
import { tellSettlementStep } from './claim-notices.ts';
import type { SettlementItem } from './entities.ts';
import { listScope } from './list-scope.ts';
import { answerTask, startSettlementExecution } from './orchestration.ts';
import {
  fileSettlementBody,
  refileBody,
  settlementDecisionBody,
  settlementListQuery,
  settlementListResponse,
  settlementParams,
  settlementView as settlementViewSchema,
} from './settlement-contract.ts';
import {
  createSettlement,
  getSettlement,
  listAgencySettlements,
  listBranchSettlements,
  settlementTransition,
} from './settlement-repository.ts';
import { advancesProblem, periodLabel, SETTLEMENT_STATUS_LABELS } from './settlement-rules.ts';

// 사업비 정산 (SPEC C6): the agency files a half-year or year with the advances it received; the
// settlement workflow sets them against the decided claims month by month; the branch approves or
// returns it with a reason, and the agency refiles a returned one.

const LABELS = {
  agencyId: '수행기관',
  branchId: '지사',
  period: '정산 기간',
  advances: '선지급액',
  action: '결정',
  reason: '반려 사유',
};

function view(item: SettlementItem) {
  return {
    settlementId: item.settlementId,
    agencyId: item.agencyId,
    agencyName: item.agencyName,
    branchId: item.branchId,
    period: item.period,
    periodLabel: periodLabel(item.period),
    status: item.status,
    statusLabel: SETTLEMENT_STATUS_LABELS[item.status] ?? item.status,
    advances: JSON.parse(item.advances) as { month: string; amount: number }[],
    rows: item.rows ? JSON.parse(item.rows) : [],
    totals: item.totals ? JSON.parse(item.totals) : null,
    returnReason: item.returnReason,
    failure: item.failure ? JSON.parse(item.failure) : null,
    waitingFor:
      item.taskToken &&
      ((item.tokenStage === 'branch' && item.status === 'submitted') ||
        (item.tokenStage === 'agency' && item.status === 'returned'))
        ? item.tokenStage
        : undefined,
    history: item.history,
    revision: item.revision,
  };
}

/** Scope before the read: the id names the agency. */
async function load(settlementId: string, allow: (target: Target) => void): Promise<SettlementItem> {
  const agencyId = settlementId.slice(0, settlementId.lastIndexOf('_'));
  const agency = await getOrganisation(agencyId);
  if (agency?.kind !== 'agency') throw new NotFound('사업비 정산');
  allow({ agencyId, branchId: agency.branchId });
  const item = await getSettlement(settlementId);
  if (!item) throw new NotFound('사업비 정산');
  return item;
}

function checkAdvances(period: string, advances: { month: string }[]): void {
  const problem = advancesProblem(period, advances);
  if (problem) throw new ValidationFailed([{ field: 'body.advances', label: '선지급액', message: problem }]);
}

/** A person's answer to the step the workflow waits in; a repeated answer changes nothing. */
async function answer(
  caller: Caller,
  item: SettlementItem,
  action: 'approve' | 'return' | 'refile',
  extra: { reason?: string; advances?: string } = {},
) {
  const stage = action === 'refile' ? 'agency' : 'branch';
  const target = action === 'approve' ? 'approved' : action === 'return' ? 'returned' : 'computing';
  if (item.status === target) return view(item);
  const from = stage === 'branch' ? 'submitted' : 'returned';
  if (item.status === 'approved') throw new Conflict('이미 승인된 정산은 바꿀 수 없습니다.', 'SETTLEMENT_STATE');
  if (item.status !== from || !item.taskToken || item.tokenStage !== stage) {
    throw new Conflict(
      stage === 'branch'
        ? '기관이 제출한 정산만 승인하거나 반려할 수 있습니다.'
        : '반려된 정산만 다시 제출할 수 있습니다.',
      'SETTLEMENT_STATE',
    );
  }
  if (!(await settlementTransition(caller, item, action, extra))) {
    throw new Conflict('방금 다른 곳에서 이 정산을 먼저 바꿨습니다. 화면을 새로 고쳐 지금 상태를 확인해 주세요.');
  }
  await answerTask(item.taskToken, { action: action === 'refile' ? 'submit' : action, by: caller.userId } as never);
  // the other side learns of it in their staff inbox (issue 15 §7)
  await tellSettlementStep(item, action, extra.reason);
  return view((await getSettlement(item.settlementId))!);
}

export const settlementRoutes = [
  defineRoute({
    method: 'POST',
    path: '/settlements',
    summary: '수행기관: 반기·연간 사업비 정산 신청 (받은 선지급액 입력)',
    response: settlementViewSchema,
    access: { action: 'file', resource: 'settlement', roles: ['agency'] },
    body: fileSettlementBody,
    labels: LABELS,
    handle: async ({ body, caller, allow }) => {
      const agency = await getOrganisation(body.agencyId);
      if (agency?.kind !== 'agency') throw new NotFound('수행기관');
      allow({ agencyId: agency.organisationId, branchId: agency.branchId });
      checkAdvances(body.period, body.advances);
      const settlementId = `${agency.organisationId}_${body.period}`;
      const created = await createSettlement(caller!, {
        settlementId,
        agencyId: agency.organisationId,
        agencyName: agency.name,
        branchId: agency.branchId,
        period: body.period,
        advances: JSON.stringify(body.advances),
      });
      if (!created) {
        throw new Conflict(`${periodLabel(body.period)} 정산은 이미 신청했습니다. 목록에서 열어 확인해 주세요.`);
      }
      await startSettlementExecution({ settlementId }, 1);
      await tellSettlementStep(
        { ...agency, agencyId: agency.organisationId, agencyName: agency.name, period: body.period },
        'file',
      );
      return { status: 201, body: view((await getSettlement(settlementId))!) };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/settlements',
    summary: '사업비 정산 목록 (기관별 또는 지사별)',
    response: settlementListResponse,
    access: { action: 'read', resource: 'settlement', roles: ['agency', 'branch', 'hq'] },
    query: settlementListQuery,
    labels: LABELS,
    handle: async ({ query, caller, allow }) => {
      const scope = listScope(caller!, query);
      if (scope.agencyId) {
        const agency = await getOrganisation(scope.agencyId);
        if (agency?.kind !== 'agency') throw new NotFound('수행기관');
        allow({ agencyId: agency.organisationId, branchId: agency.branchId });
        return { body: { settlements: (await listAgencySettlements(agency.organisationId)).map(view) } };
      }
      if (scope.branchId) {
        allow({ branchId: scope.branchId });
        return { body: { settlements: (await listBranchSettlements(scope.branchId)).map(view) } };
      }
      // every branch: hq alone
      allow({});
      const all = await Promise.all(BRANCHES.map((b) => listBranchSettlements(b.branchId)));
      return { body: { settlements: all.flat().map(view) } };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/settlements/{settlementId}',
    summary: '사업비 정산 상세: 월별 선지급액, 결정된 사업비, 차액',
    response: settlementViewSchema,
    access: { action: 'read', resource: 'settlement', roles: ['agency', 'branch', 'hq'] },
    params: settlementParams,
    labels: LABELS,
    handle: async ({ params, allow }) => ({ body: view(await load(params.settlementId, allow)) }),
  }),
  defineRoute({
    method: 'POST',
    path: '/settlements/{settlementId}/decision',
    summary: '지사: 사업비 정산 승인 또는 반려(사유 필수)',
    response: settlementViewSchema,
    access: { action: 'decide', resource: 'settlement', roles: ['branch'] },
    params: settlementParams,
    body: settlementDecisionBody,
    labels: LABELS,
    handle: async ({ params, body, caller, allow }) => {
      const item = await load(params.settlementId, allow);
      return { body: await answer(caller!, item, body.action, { reason: body.reason }) };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/settlements/{settlementId}/refile',
    summary: '수행기관: 반려된 정산을 고친 선지급액으로 다시 제출',
    response: settlementViewSchema,
    access: { action: 'file', resource: 'settlement', roles: ['agency'] },
    params: settlementParams,
    body: refileBody,
    labels: LABELS,
    handle: async ({ params, body, caller, allow }) => {
      const item = await load(params.settlementId, allow);
      checkAdvances(item.period, body.advances);
      return { body: await answer(caller!, item, 'refile', { advances: JSON.stringify(body.advances) }) };
    },
  }),
];
