import { recordAudit, recordPersonalDataRead } from '#commons/audit-trail';
import type { Caller } from '#commons/caller';
import type { FieldProblem } from '#commons/errors';
import { Conflict, NotFound, RuleViolation, ValidationFailed } from '#commons/errors';
import { defineRoute } from '#commons/http/route';
import type { Target } from '#commons/policy';
import { getOrganisation } from '#functions/agencies/repository';
import { getAssistant, listAssistantsByUser } from '#functions/assistants/repository';
import * as clock from '#kernel/clock';
import { isMonthOver } from '#kernel/korea-time';
import {
  computeResponse,
  issueResponse,
  itemBody,
  monthBody,
  monthListResponse,
  monthQuery,
  mySlipsResponse,
  organisationParams,
  payrollFileResponse,
  payrollParams,
  payrollRecord,
  pickedExportBody,
  settingsBody,
  settingsResponse,
} from './contract.ts';
import type { PayrollRecordItem } from './entities.ts';
import { applyItemChange, parsePayrollId, payrollIdOf, settingsProblems } from './month.ts';
import { monthTable } from './month-table.ts';
import { overviewRoutes } from './overview-routes.ts';
import { paySlipPdf } from './pay-slip.ts';
import { payrollWorkbook } from './payroll-export.ts';
import {
  getRecord,
  getSettings,
  listAssistantRecords,
  parseItems,
  RACE_MESSAGE,
  saveRecord,
  saveSettings,
  timestamp,
} from './repository.ts';
import type { PaySlip } from './rules.ts';
import { computeMonth, issueMonth, issueState, recompute } from './service.ts';

// 급여 (SPEC D2): the agency's pay and deduction items, the month's payroll per assistant computed from
// the claim figures, an item's entered amount or adjustment with its reason, the 급여 목록 with its
// Excel file, and the assistant's own pay slips on My page (PDF).

const LABELS = {
  organisationId: '수행기관',
  month: '급여연월',
  payrollId: '급여',
  payItems: '지급항목',
  deductionItems: '공제항목',
  revision: '불러온 버전',
  list: '항목 구분',
  index: '항목',
  amount: '금액',
  adjustment: '조정',
  'adjustment.amount': '조정 금액',
  'adjustment.reason': '조정 사유',
};

const staffReaders = ['agency', 'branch', 'hq'] as const;

/** The agency, scope-checked (against it and its branch) before anything of it is read. */
async function agencyIn(organisationId: string, allow: (target: Target) => void) {
  const agency = await getOrganisation(organisationId);
  if (agency?.kind !== 'agency') throw new NotFound('수행기관');
  allow({ agencyId: agency.organisationId, branchId: agency.branchId });
  return agency;
}

/** The payroll id names its agency: the scope is checked before the record is read. */
async function loadRecord(payrollId: string, allow: (target: Target) => void): Promise<PayrollRecordItem> {
  const id = parsePayrollId(payrollId);
  if (!id) throw new NotFound('급여');
  await agencyIn(id.agencyId, allow);
  const record = await getRecord(id.agencyId, id.month, id.assistantId);
  if (!record) throw new NotFound('급여');
  return record;
}

const parse = <T>(text: string | undefined): T | undefined => (text ? (JSON.parse(text) as T) : undefined);

function recordView(record: PayrollRecordItem) {
  return {
    payrollId: payrollIdOf(record.agencyId, record.month, record.assistantId),
    agencyId: record.agencyId,
    agencyName: record.agencyName,
    month: record.month,
    assistantId: record.assistantId,
    assistantName: record.assistantName,
    status: record.status,
    source: record.source,
    sourceLabel: record.source === 'claim' ? '사업비 신청 계산' : '활동일지 (사업비 신청 전)',
    rateYear: record.rateYear,
    rateVersion: record.rateVersion,
    basis: parse<unknown>(record.basis),
    minutes: parse<unknown>(record.minutes),
    items: parseItems(record),
    slip: parse<PaySlip>(record.slip) ?? null,
    problems: parse<FieldProblem[]>(record.problems) ?? [],
    netPay: record.netPay ?? null,
    issue: issueState(record),
    issuedAt: record.issuedAt ?? null,
    revision: record.revision,
    history: record.history,
    computedAt: record.computedAt,
    updatedAt: record.updatedAt,
  };
}

/** The month's list as a workbook (all of it, or the rows picked), recorded as a read of each person on it. */
async function monthWorkbook(
  caller: Caller,
  agency: Awaited<ReturnType<typeof agencyIn>>,
  month: string,
  picked?: ReadonlySet<string>,
) {
  const { records, table } = await monthTable(agency.organisationId, month, picked);
  if (table.rows.length === 0) throw new NotFound(`${month} 급여`);
  await recordPersonalDataRead(caller, {
    action: 'payroll.export',
    targetType: 'payroll',
    targetId: `${agency.organisationId}_${month}`,
    branchId: agency.branchId,
    subjects: records.map((record) => record.userId ?? record.assistantId),
  });
  const file = await payrollWorkbook({ agencyName: agency.name, month, table });
  return {
    body: {
      fileName: `급여목록_${agency.name}_${month}${picked ? `_선택${table.rows.length}건` : ''}.xlsx`,
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      base64: file.toString('base64'),
    },
  };
}

/** Rule problems of the payroll named on the request body: the changed item's fields by their request names. */
function asBodyProblems(problems: FieldProblem[], list: 'pay' | 'deduction', index: number): FieldProblem[] {
  const prefix = `${list === 'pay' ? 'payItems' : 'deductionItems'}.${index}.`;
  return problems.map((p) => ({
    ...p,
    field: p.field.startsWith(prefix) ? `body.${p.field.slice(prefix.length)}` : `body.${p.field}`,
  }));
}

export const payrollRoutes = [
  defineRoute({
    method: 'GET',
    path: '/organisations/{organisationId}/payroll-settings',
    summary: '수행기관: 급여 지급항목·공제항목 (이름과 계산 방식)',
    response: settingsResponse,
    access: { action: 'read', resource: 'payrollSetting', roles: staffReaders },
    params: organisationParams,
    labels: LABELS,
    handle: async ({ params, allow }) => {
      const agency = await agencyIn(params.organisationId, allow);
      return { body: await getSettings(agency.organisationId) };
    },
  }),
  defineRoute({
    method: 'PUT',
    path: '/organisations/{organisationId}/payroll-settings',
    summary: '수행기관: 급여 지급항목·공제항목 저장 (각 10개까지)',
    response: settingsResponse,
    access: { action: 'edit', resource: 'payrollSetting', roles: ['agency'] },
    params: organisationParams,
    body: settingsBody,
    labels: LABELS,
    handle: async ({ params, body, caller, allow }) => {
      const agency = await agencyIn(params.organisationId, allow);
      const settings = { payItems: body.payItems, deductionItems: body.deductionItems };
      const problems = settingsProblems(settings);
      if (problems.length > 0) {
        throw new ValidationFailed(
          problems.map((p) => ({ ...p, field: `body.${p.field}` })),
          '급여 항목을 확인해 주세요.',
        );
      }
      const current = await getSettings(agency.organisationId);
      if (current.revision !== body.revision) throw new Conflict(RACE_MESSAGE);
      await saveSettings(caller!, agency.organisationId, agency.branchId, settings, body.revision);
      return { body: await getSettings(agency.organisationId) };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/organisations/{organisationId}/payroll',
    summary: '수행기관: 급여 목록 (급여연월별, 근로지원인마다 지급·공제 항목과 실지급액)',
    response: monthListResponse,
    access: { action: 'read', resource: 'payroll', roles: staffReaders },
    params: organisationParams,
    query: monthQuery,
    labels: LABELS,
    handle: async ({ params, query, caller, allow }) => {
      const agency = await agencyIn(params.organisationId, allow);
      const { records, table } = await monthTable(agency.organisationId, query.month);
      // pay and birth dates of named people: the read is recorded
      await recordPersonalDataRead(caller!, {
        action: 'payroll.list',
        targetType: 'payroll',
        targetId: `${agency.organisationId}_${query.month}`,
        branchId: agency.branchId,
        subjects: records.map((record) => record.userId ?? record.assistantId),
      });
      return {
        body: {
          agencyId: agency.organisationId,
          agencyName: agency.name,
          month: query.month,
          count: records.length,
          problems: records.filter((r) => r.status === 'problem').length,
          table,
        },
      };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/organisations/{organisationId}/payroll',
    summary: '수행기관: 급여연월의 급여 계산 (사업비 신청 계산 또는 활동일지의 시간으로, 다시 계산하면 조정은 유지)',
    response: computeResponse,
    access: { action: 'compute', resource: 'payroll', roles: ['agency'] },
    params: organisationParams,
    body: monthBody,
    labels: LABELS,
    handle: async ({ params, body, caller, allow }) => {
      const agency = await agencyIn(params.organisationId, allow);
      if (!isMonthOver(body.month, clock.now())) {
        throw new RuleViolation(
          `${body.month}은(는) 아직 끝나지 않은 달입니다. 지난달까지만 급여를 계산할 수 있습니다.`,
          'MONTH_NOT_OVER',
        );
      }
      const result = await computeMonth(caller!, agency, body.month);
      return { status: 201, body: { month: body.month, ...result } };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/organisations/{organisationId}/payroll/issue',
    summary: '수행기관: 급여연월의 급여명세서 발급 (근로지원인 마이페이지에 보이고 알림을 보냄)',
    response: issueResponse,
    access: { action: 'issue', resource: 'payroll', roles: ['agency'] },
    params: organisationParams,
    body: monthBody,
    labels: LABELS,
    handle: async ({ params, body, caller, allow }) => {
      const agency = await agencyIn(params.organisationId, allow);
      const result = await issueMonth(caller!, agency, body.month);
      return { body: { month: body.month, ...result } };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/organisations/{organisationId}/payroll/export',
    summary: '수행기관: 급여 목록 엑셀 내려받기',
    response: payrollFileResponse,
    access: { action: 'read', resource: 'payroll', roles: staffReaders },
    params: organisationParams,
    query: monthQuery,
    labels: LABELS,
    handle: async ({ params, query, caller, allow }) => {
      const agency = await agencyIn(params.organisationId, allow);
      return monthWorkbook(caller!, agency, query.month);
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/organisations/{organisationId}/payroll/export',
    summary: '수행기관: 급여 목록에서 선택한 급여만 엑셀로 내려받기',
    response: payrollFileResponse,
    access: { action: 'read', resource: 'payroll', roles: staffReaders },
    params: organisationParams,
    body: pickedExportBody,
    labels: LABELS,
    handle: async ({ params, body, caller, allow }) => {
      const agency = await agencyIn(params.organisationId, allow);
      return monthWorkbook(caller!, agency, body.month, new Set(body.payrollIds));
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/payroll/{payrollId}',
    summary: '수행기관: 한 근로지원인의 월 급여 (시간, 항목, 조정과 사유, 계산 근거)',
    response: payrollRecord,
    access: { action: 'read', resource: 'payroll', roles: staffReaders },
    params: payrollParams,
    labels: LABELS,
    handle: async ({ params, caller, allow }) => {
      const record = await loadRecord(params.payrollId, allow);
      await recordAudit(caller!, {
        action: 'payroll.read',
        targetType: 'payroll',
        targetId: params.payrollId,
        subjectId: record.userId,
        branchId: record.branchId,
      });
      return { body: recordView(record) };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/payroll/{payrollId}/items',
    summary: '수행기관: 급여 항목의 금액 입력 또는 조정 (조정은 사유 필수)',
    response: payrollRecord,
    access: { action: 'adjust', resource: 'payroll', roles: ['agency'] },
    params: payrollParams,
    body: itemBody,
    labels: LABELS,
    handle: async ({ params, body, caller, allow }) => {
      const record = await loadRecord(params.payrollId, allow);
      if (record.revision !== body.revision) throw new Conflict(RACE_MESSAGE);
      if (body.amount === undefined && body.adjustment === undefined) {
        throw new ValidationFailed(
          [{ field: 'body.adjustment', label: '조정', message: '바꿀 금액 또는 조정 금액과 사유를 넣어 주세요.' }],
          '바꿀 내용이 없습니다.',
        );
      }
      const settings = await getSettings(record.agencyId);
      const items = applyItemChange(parseItems(record), settings, body);
      const at = timestamp();
      const changed = (body.list === 'pay' ? items.payItems : items.deductionItems)[body.index]!;
      const next = recompute(
        {
          ...record,
          revision: record.revision + 1,
          updatedAt: at,
          history: [
            ...record.history,
            {
              at,
              by: caller!.userId,
              action: body.adjustment !== undefined ? (body.adjustment ? 'adjust' : 'unadjust') : 'amount',
              item: changed.name,
              ...(body.adjustment
                ? { amount: body.adjustment.amount, reason: body.adjustment.reason }
                : typeof body.amount === 'number'
                  ? { amount: body.amount }
                  : {}),
            },
          ],
        },
        items,
      );
      if (next.status === 'problem') {
        // the change itself breaks the payroll: refused, and the record stays as it was
        const problems = asBodyProblems(JSON.parse(next.problems!) as FieldProblem[], body.list, body.index);
        throw new ValidationFailed(problems, '이 금액으로는 급여를 계산할 수 없습니다. 아래 내용을 고쳐 주세요.');
      }
      await saveRecord(
        caller!,
        {
          action: body.adjustment !== undefined ? 'payroll.adjust' : 'payroll.amount',
          targetType: 'payroll',
          targetId: params.payrollId,
          subjectId: record.userId,
          branchId: record.branchId,
          reason: body.adjustment?.reason,
        },
        record,
        next,
      );
      return { body: recordView(next) };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/me/pay-slips',
    summary: '근로지원인: 나의 급여명세서 목록 (월별 실지급액)',
    response: mySlipsResponse,
    access: { action: 'read', resource: 'ownPaySlip', roles: ['assistant'] },
    handle: async ({ caller, allow }) => {
      allow({ userId: caller!.userId });
      const registrations = await listAssistantsByUser(caller!.userId);
      const records = (await Promise.all(registrations.map((a) => listAssistantRecords(a.assistantId))))
        .flat()
        .filter((r) => r.userId === caller!.userId && r.issuedSlip)
        .sort((a, b) => b.month.localeCompare(a.month) || a.agencyName.localeCompare(b.agencyName));
      return {
        body: {
          slips: records.map((r) => {
            const slip = JSON.parse(r.issuedSlip!) as PaySlip;
            return {
              payrollId: payrollIdOf(r.agencyId, r.month, r.assistantId),
              month: r.month,
              agencyName: r.agencyName,
              minutes: slip.minutes,
              grossPay: slip.grossPay,
              totalDeductions: slip.totalDeductions,
              netPay: slip.netPay,
              issuedAt: r.issuedAt,
            };
          }),
        },
      };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/me/pay-slips/{payrollId}',
    summary: '근로지원인: 급여명세서 내려받기 (PDF)',
    response: payrollFileResponse,
    access: { action: 'read', resource: 'ownPaySlip', roles: ['assistant'] },
    params: payrollParams,
    labels: LABELS,
    handle: async ({ params, caller, allow }) => {
      const id = parsePayrollId(params.payrollId);
      if (!id) throw new NotFound('급여명세서');
      // the registration named in the id must be the caller's own before anything of it is read
      const assistant = await getAssistant(id.assistantId);
      allow({ userId: assistant?.userId ?? `unowned:${id.assistantId}` });
      const record = await getRecord(id.agencyId, id.month, id.assistantId);
      if (!record?.issuedSlip || record.userId !== caller!.userId) throw new NotFound('급여명세서');
      const generatedAt = clock.nowIso();
      const pdf = await paySlipPdf({
        agencyName: record.agencyName,
        assistantName: record.assistantName,
        birthDate: assistant?.birthDate,
        hireDate: assistant?.hireDate,
        generatedAt,
        slip: JSON.parse(record.issuedSlip) as PaySlip,
      });
      return {
        body: {
          fileName: `급여명세서_${record.month}_${record.agencyName}.pdf`,
          contentType: 'application/pdf',
          base64: Buffer.from(pdf).toString('base64'),
        },
      };
    },
  }),
  // the internal system's read-only view of every agency in scope
  ...overviewRoutes,
];
