import { recordPersonalDataRead } from '#commons/audit-trail';
import { Conflict, NotFound, RuleViolation } from '#commons/errors';
import { defineRoute } from '#commons/http/route';
import { getOrganisation } from '#functions/agencies/repository';
import * as clock from '#kernel/clock';
import {
  type Copayment,
  copayListQuery,
  copayListResponse,
  copayParams,
  copayView,
  paymentBody,
  statementQuery,
  statementResponse,
} from './copay-contract.ts';
import { addPayment, getCopayment, listAgencyCopayments, listWorkerCopayments } from './copay-repository.ts';
import { copayIdOf, METHOD_LABELS, paidOf, parseCopayId, paymentRefusal } from './copay-rules.ts';
import { copayStatementPdf } from './copay-statement.ts';
import type { CopaymentItem } from './entities.ts';

// 본인부담금 (SPEC C7): the agency sees each worker's co-payment from the approved claims and records
// payments; the worker sees their history on My page and downloads a statement (PDF).

const LABELS = {
  agencyId: '수행기관',
  month: '월',
  copayId: '본인부담금',
  date: '받은 날',
  amount: '받은 금액',
  method: '받은 방법',
  revision: '불러온 버전',
};

function view(item: CopaymentItem): Copayment {
  const paid = paidOf(item.payments);
  return {
    copayId: copayIdOf(item.agencyId, item.month, item.workerId),
    agencyId: item.agencyId,
    agencyName: item.agencyName,
    month: item.month,
    workerId: item.workerId,
    workerName: item.workerName,
    supportedMinutes: item.supportedMinutes,
    amount: item.amount,
    ...(item.exemptReason ? { exemptReason: item.exemptReason } : {}),
    paid,
    balance: item.amount - paid,
    payments: item.payments.map((p) => ({ ...p, methodLabel: METHOD_LABELS[p.method as keyof typeof METHOD_LABELS] })),
    revision: item.revision,
  };
}

export const copayRoutes = [
  defineRoute({
    method: 'GET',
    path: '/copayments',
    summary: '수행기관: 근로자별 본인부담금과 납부 기록',
    response: copayListResponse,
    access: { action: 'read', resource: 'copayment', roles: ['agency', 'branch', 'hq'] },
    query: copayListQuery,
    labels: LABELS,
    handle: async ({ query, caller, allow }) => {
      const agency = await getOrganisation(query.agencyId);
      if (agency?.kind !== 'agency') throw new NotFound('수행기관');
      allow({ agencyId: agency.organisationId, branchId: agency.branchId });
      const items = await listAgencyCopayments(agency.organisationId, query.month);
      await recordPersonalDataRead(caller!, {
        action: 'copayment.list',
        targetType: 'organisation',
        targetId: `${agency.organisationId}#${query.month ?? 'all'}`,
        branchId: agency.branchId,
        subjects: items.map((item) => item.workerId),
      });
      return { body: { copayments: items.map(view) } };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/copayments/{copayId}/payments',
    summary: '수행기관: 본인부담금 받은 기록 (날짜, 금액, 방법)',
    response: copayView,
    access: { action: 'record', resource: 'copayment', roles: ['agency'] },
    params: copayParams,
    body: paymentBody,
    labels: LABELS,
    handle: async ({ params, body, caller, allow }) => {
      const id = parseCopayId(params.copayId);
      if (!id) throw new NotFound('본인부담금');
      const agency = await getOrganisation(id.agencyId);
      if (agency?.kind !== 'agency') throw new NotFound('본인부담금');
      allow({ agencyId: agency.organisationId, branchId: agency.branchId });
      const item = await getCopayment(id.agencyId, id.month, id.workerId);
      if (!item) throw new NotFound('본인부담금');
      if (item.revision !== body.revision) {
        throw new Conflict('방금 다른 담당자가 납부 기록을 먼저 바꿨습니다. 화면을 새로 고친 뒤 다시 입력해 주세요.');
      }
      const refusal = paymentRefusal(item.amount, item.payments, body.amount);
      if (refusal) {
        // nothing left to pay: someone recorded the rest already (409); too much for what is left: 400
        throw paidOf(item.payments) >= item.amount
          ? new Conflict(refusal, 'COPAY_PAID')
          : new RuleViolation(refusal, 'COPAY_OVERPAID');
      }
      const saved = await addPayment(caller!, item, { date: body.date, amount: body.amount, method: body.method });
      if (!saved) {
        throw new Conflict('방금 다른 담당자가 납부 기록을 먼저 바꿨습니다. 화면을 새로 고친 뒤 다시 입력해 주세요.');
      }
      return { status: 201, body: view((await getCopayment(id.agencyId, id.month, id.workerId))!) };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/me/copayments',
    summary: '근로자: 나의 본인부담금과 납부 기록',
    response: copayListResponse,
    access: { action: 'read', resource: 'ownCopayment', roles: ['worker'] },
    handle: async ({ caller, allow }) => {
      allow({ userId: caller!.userId });
      const items = await listWorkerCopayments(caller!.userId);
      return { body: { copayments: items.map(view) } };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/me/copayments/statement',
    summary: '근로자: 본인부담금 납부 확인서 (PDF)',
    response: statementResponse,
    access: { action: 'read', resource: 'ownCopayment', roles: ['worker'] },
    query: statementQuery,
    labels: LABELS,
    handle: async ({ query, caller, allow }) => {
      allow({ userId: caller!.userId });
      const items = (await listWorkerCopayments(caller!.userId)).filter((i) => i.agencyId === query.agencyId);
      if (items.length === 0) throw new NotFound('이 수행기관의 본인부담금');
      const generatedAt = clock.nowIso();
      const pdf = await copayStatementPdf({
        workerName: items[0]!.workerName,
        agencyName: items[0]!.agencyName,
        generatedAt,
        months: items,
      });
      return {
        body: {
          fileName: `본인부담금_납부확인서_${generatedAt.slice(0, 10)}.pdf`,
          contentType: 'application/pdf',
          base64: Buffer.from(pdf).toString('base64'),
        },
      };
    },
  }),
];
