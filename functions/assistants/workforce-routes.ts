import ExcelJS from 'exceljs';
import { z } from 'zod';
import { BRANCHES } from '#commons/branches';
import type { Caller } from '#commons/caller';
import { NotFound, RuleViolation } from '#commons/errors';
import { defineRoute } from '#commons/http/route';
import type { Target } from '#commons/policy';
import { agencyOf, holds, isHq, ownBranchOf } from '#commons/policy';
import { getOrganisation } from '#functions/agencies/repository';
import { recordAudit } from '#functions/audit/repository';
import * as clock from '#kernel/clock';
import { dayField, idField, textField } from '#kernel/fields';
import type { AssistantItem } from './entities.ts';
import { listAssistantsByBranch } from './repository.ts';
import { ASSISTANT_STATUSES } from './rules.ts';
import {
  EXPORT_COLUMNS,
  exportRow,
  matchesFilter,
  sortRows,
  type WorkforceFilter,
  type WorkforceRow,
  workforceRow,
} from './workforce.ts';

// 근로지원인 인력조회 (SPEC B5): agencies see their own assistants, branches those of their agencies,
// hq everyone; the same filters drive the screen and the Excel download. Both are reads of personal
// data and are audited with the scope they covered.

const day = dayField('날짜');

const workforceQuery = z
  .object({
    branchId: idField('지사', 40).optional(),
    agencyId: idField('수행기관', 40).optional(),
    status: z.enum(ASSISTANT_STATUSES, { error: '현재활동여부를 목록에서 골라 주세요.' }).optional(),
    name: textField('이름', { max: 40, messages: { max: '이름은 40자 이하로 입력해 주세요.' } }).optional(),
    hiredFrom: day.optional(),
    hiredTo: day.optional(),
  })
  .refine((q) => !q.hiredFrom || !q.hiredTo || q.hiredFrom <= q.hiredTo, {
    error: '입사일 검색 기간의 시작일이 종료일보다 늦습니다.',
    path: ['hiredFrom'],
  });

type WorkforceQuery = z.infer<typeof workforceQuery>;

const LABELS = {
  branchId: '지사',
  agencyId: '수행기관',
  status: '현재활동여부',
  name: '이름',
  hiredFrom: '입사일(부터)',
  hiredTo: '입사일(까지)',
};

interface Scope {
  target: Target;
  load(): Promise<AssistantItem[]>;
  describe: string;
}

/** Which assistants the request covers, and the owner to check: agency, branch, or (hq) everyone. */
async function scopeOf(caller: Caller, query: WorkforceQuery): Promise<Scope> {
  const agencyId = query.agencyId ?? (isHq(caller) || holds(caller, 'branch') ? undefined : agencyOf(caller));
  if (agencyId) {
    const agency = await getOrganisation(agencyId);
    if (agency?.kind !== 'agency') throw new NotFound('수행기관');
    return {
      target: { agencyId, branchId: agency.branchId },
      load: () => listAssistantsByBranch(agency.branchId, agencyId),
      describe: `agency:${agencyId}`,
    };
  }
  const branchId = query.branchId ?? (isHq(caller) ? undefined : ownBranchOf(caller));
  if (branchId) {
    return { target: { branchId }, load: () => listAssistantsByBranch(branchId), describe: `branch:${branchId}` };
  }
  if (!isHq(caller)) throw new RuleViolation('조회할 지사나 수행기관을 골라 주세요.');
  return {
    target: {},
    load: async () => (await Promise.all(BRANCHES.map((b) => listAssistantsByBranch(b.branchId)))).flat(),
    describe: 'all',
  };
}

async function rowsFor(caller: Caller, query: WorkforceQuery, allow: (target: Target) => void) {
  const scope = await scopeOf(caller, query);
  allow(scope.target);
  const filter: WorkforceFilter = {
    agencyId: query.agencyId,
    status: query.status,
    name: query.name || undefined,
    hiredFrom: query.hiredFrom,
    hiredTo: query.hiredTo,
  };
  const today = clock.today();
  const rows = sortRows(
    (await scope.load()).filter((a) => matchesFilter(a, filter)).map((a) => workforceRow(a, today)),
  );
  return { rows, scope, today };
}

/** The filtered list as an .xlsx workbook (names, phones, e-mails, addresses masked). */
export async function workforceWorkbook(rows: readonly WorkforceRow[], today: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '근로지원인 플랫폼';
  workbook.created = new Date(`${today}T00:00:00+09:00`);
  const sheet = workbook.addWorksheet('근로지원인 인력조회', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = EXPORT_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(exportRow(row));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export const workforceRoutes = [
  defineRoute({
    method: 'GET',
    path: '/workforce',
    summary: '근로지원인 인력조회(수행기관: 소속, 지사: 관할, 본부: 전체)',
    access: { action: 'list', resource: 'workforce', roles: ['agency', 'branch', 'hq'] },
    query: workforceQuery,
    labels: LABELS,
    handle: async ({ query, caller, allow }) => {
      const { rows, scope } = await rowsFor(caller!, query, allow);
      await recordAudit(caller!, {
        action: 'workforce.list',
        targetType: 'workforce',
        targetId: scope.describe,
        branchId: scope.target.branchId,
      });
      return { body: { items: rows, count: rows.length } };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/workforce/export',
    summary: '근로지원인 인력조회 엑셀 내려받기(개인정보 마스킹)',
    access: { action: 'export', resource: 'workforce', roles: ['agency', 'branch', 'hq'] },
    query: workforceQuery,
    labels: LABELS,
    handle: async ({ query, caller, allow }) => {
      const { rows, scope, today } = await rowsFor(caller!, query, allow);
      const file = await workforceWorkbook(rows, today);
      await recordAudit(caller!, {
        action: 'workforce.export',
        targetType: 'workforce',
        targetId: scope.describe,
        branchId: scope.target.branchId,
      });
      // JSON with the file inside: the API's responses are JSON end to end (API Gateway, local API)
      return {
        body: {
          fileName: `근로지원인_인력조회_${today}.xlsx`,
          contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          count: rows.length,
          base64: file.toString('base64'),
        },
      };
    },
  }),
];
