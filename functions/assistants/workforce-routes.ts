import ExcelJS from 'exceljs';
import type { z } from 'zod';
import { recordPersonalDataRead } from '#commons/audit-trail';
import { BRANCHES } from '#commons/branches';
import type { Caller } from '#commons/caller';
import { NotFound, RuleViolation } from '#commons/errors';
import { defineRoute } from '#commons/http/route';
import type { Target } from '#commons/policy';
import { agencyOf, holds, isHq, ownBranchOf } from '#commons/policy';
import { getOrganisation } from '#functions/agencies/repository';
import * as clock from '#kernel/clock';
import { startOfKoreaDay } from '#kernel/korea-time';
import type { AssistantItem } from './entities.ts';
import { listAssistantsByBranch } from './repository.ts';
import { trainingRecordsOf } from './training-records.ts';
import {
  EXPORT_COLUMNS,
  exportRow,
  matchesCompletion,
  matchesFilter,
  sortRows,
  type WorkforceFilter,
  type WorkforceRow,
  workforceRow,
} from './workforce.ts';
import { WORKFORCE_LABELS, workforceExport, workforceList, workforceQuery } from './workforce-contract.ts';

// 근로지원인 인력조회 (SPEC B5): agencies see their own assistants, branches those of their agencies,
// hq everyone; the same filters drive the screen and the Excel download. Both are reads of personal
// data and are audited with the scope they covered.

type WorkforceQuery = z.infer<typeof workforceQuery>;
const LABELS = WORKFORCE_LABELS;

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
    completedFrom: query.completedFrom,
    completedTo: query.completedTo,
  };
  const today = clock.today();
  const matched = (await scope.load()).filter((a) => matchesFilter(a, filter));
  const training = await trainingRecordsOf(matched.map((a) => a.userId).filter((u): u is string => !!u));
  const rows = sortRows(
    matched
      .map((a) => workforceRow(a, today, (a.userId && training.get(a.userId)) || undefined))
      .filter((row) => matchesCompletion(row, filter)),
  );
  return { rows, scope, today };
}

/** The filtered list as an .xlsx workbook (names, phones, e-mails, addresses masked). */
export async function workforceWorkbook(rows: readonly WorkforceRow[], today: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '근로지원인 플랫폼';
  workbook.created = startOfKoreaDay(today);
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
    response: workforceList,
    access: { action: 'list', resource: 'workforce', roles: ['agency', 'branch', 'hq'] },
    query: workforceQuery,
    labels: LABELS,
    handle: async ({ query, caller, allow }) => {
      const { rows, scope } = await rowsFor(caller!, query, allow);
      await recordPersonalDataRead(caller!, {
        action: 'workforce.list',
        targetType: 'workforce',
        targetId: scope.describe,
        branchId: scope.target.branchId,
        subjects: rows.map((row) => row.assistantId),
      });
      return { body: { items: rows, count: rows.length } };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/workforce/export',
    summary: '근로지원인 인력조회 엑셀 내려받기(개인정보 마스킹)',
    response: workforceExport,
    access: { action: 'export', resource: 'workforce', roles: ['agency', 'branch', 'hq'] },
    query: workforceQuery,
    labels: LABELS,
    handle: async ({ query, caller, allow }) => {
      const { rows, scope, today } = await rowsFor(caller!, query, allow);
      const file = await workforceWorkbook(rows, today);
      await recordPersonalDataRead(caller!, {
        action: 'workforce.export',
        targetType: 'workforce',
        targetId: scope.describe,
        branchId: scope.target.branchId,
        subjects: rows.map((row) => row.assistantId),
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
