import { recordAudit, recordPersonalDataRead } from '#commons/audit-trail';
import type { Caller } from '#commons/caller';
import { Conflict, NotFound, ValidationFailed } from '#commons/errors';
import { defineRoute } from '#commons/http/route';
import { getOrganisation } from '#functions/agencies/repository';
import { DECLARED_FILE_LABELS } from '#functions/files/contract';
import * as clock from '#kernel/clock';
import { reasonProblem } from './comparison.ts';
import { comparisonView } from './comparison-view.ts';
import {
  comparisonQuery,
  comparisonResponse,
  errorReportResponse,
  type ImportView,
  importHistoryResponse,
  importParams,
  importView as importViewSchema,
  justificationBody,
  justificationResponse,
  monthBody,
  monthQuery,
  organisationParams,
  settingsBody,
  settingsResponse,
  startUploadBody,
  startUploadResponse,
  submission as submissionSchema,
  uploadParams,
  uploadProgressResponse,
} from './contract.ts';
import type { AttendanceImportItem } from './entities.ts';
import { overviewRoutes } from './overview-routes.ts';
import { errorReportCsv } from './report.ts';
import { getImport, getMonth, getUploadRequest, listImports, saveJustification, saveTolerance } from './repository.ts';
import { compareAgencyMonth, startAttendanceUpload, submitMonth } from './service.ts';

// 출퇴근 관리 and 근무 이력 비교 (SPEC C3, C4). The agency uploads its month's attendance file (the landed
// object's S3 event imports it, see upload-event.ts), sees the error report or the unmatched people, compares the month
// with the activity logs, justifies findings and submits the month for the claim. The branch and HQ
// may look. Every route names the agency whose data it touches.

const LABELS = {
  ...DECLARED_FILE_LABELS,
  month: '년월',
  uploadId: '출퇴근 자료',
  toleranceMinutes: '허용 오차(분)',
  findingId: '확인 항목',
  reason: '소명 사유',
  assistantId: '근로지원인',
  code: '확인 유형',
};

async function agencyOf(organisationId: string, allow: (t: { agencyId: string; branchId: string }) => void) {
  const agency = await getOrganisation(organisationId);
  if (agency?.kind !== 'agency') throw new NotFound('수행기관');
  allow({ agencyId: agency.organisationId, branchId: agency.branchId });
  return agency;
}

/** Scope of a record that names its agency: the agency and the branch it belongs to. */
async function allowAgency(agencyId: string, allow: (t: { agencyId: string; branchId: string }) => void) {
  const agency = await getOrganisation(agencyId);
  allow({ agencyId, branchId: agency?.branchId ?? '' });
}

async function importOf(importId: string, allow: (t: { agencyId: string; branchId: string }) => void) {
  const item = await getImport(importId);
  if (!item) throw new NotFound('출퇴근 자료 가져오기');
  await allowAgency(item.agencyId, allow);
  return item;
}

function importView(item: AttendanceImportItem, currentImportId?: string): ImportView {
  return {
    importId: item.importId,
    month: item.month,
    fileName: item.fileName,
    status: item.status,
    current: item.importId === currentImportId,
    rowCount: item.rowCount,
    people: item.people,
    matchedRows: item.matchedRows,
    unmatched: item.unmatched,
    errors: item.errors,
    totalErrors: item.totalErrors,
    omittedErrors: item.omittedErrors,
    importedBy: item.importedBy,
    importedAt: item.importedAt,
  };
}

/**
 * An import shows the names and cells of the people its file did not match and its error rows: who read
 * them is recorded. Those people are not registered (they have no id to name), so the record names
 * the import; the assistants it matched are not in the answer.
 */
async function recordImportRead(caller: Caller, items: readonly AttendanceImportItem[], action: string) {
  const shown = items.filter((item) => item.unmatched.length > 0 || item.errors.length > 0);
  if (shown.length === 0) return;
  await recordAudit(caller, {
    action,
    targetType: 'attendanceImport',
    targetId: shown.map((item) => item.importId).join(','),
  });
}

export const attendanceRoutes = [
  defineRoute({
    method: 'POST',
    path: '/organisations/{organisationId}/attendance-uploads',
    summary:
      '출퇴근 자료 올리기(수행기관): 그 달의 시프티 파일을 올릴 주소 발급. 파일이 올라오면 바로 가져오기가 시작됨',
    response: startUploadResponse,
    access: { action: 'import', resource: 'attendance', roles: ['agency'] },
    params: organisationParams,
    body: startUploadBody,
    labels: LABELS,
    handle: async ({ params, body, caller, allow }) => {
      const agency = await agencyOf(params.organisationId, allow);
      const { month: forMonth, ...file } = body;
      const started = await startAttendanceUpload(caller!, { agencyId: agency.organisationId, month: forMonth }, file);
      return { status: 201, body: { ...started, month: forMonth } };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/attendance-uploads/{uploadId}',
    summary: '올린 출퇴근 자료의 가져오기 진행(기다림·가져오는 중·끝남·실패)과 결과',
    response: uploadProgressResponse,
    access: { action: 'read', resource: 'attendance', roles: ['agency', 'branch', 'hq'] },
    params: uploadParams,
    handle: async ({ params, caller, allow }) => {
      const request = await getUploadRequest(params.uploadId);
      if (!request) throw new NotFound('올린 출퇴근 자료');
      await allowAgency(request.agencyId, allow);
      const item = request.importId ? await getImport(request.importId) : undefined;
      const pointer = item ? await getMonth(item.agencyId, item.month) : undefined;
      if (item) await recordImportRead(caller!, [item], 'attendanceImport.read');
      return {
        body: {
          uploadId: request.uploadId,
          month: request.month,
          state: request.state,
          ...(request.problem && { problem: request.problem }),
          ...(request.outcome && { outcome: request.outcome }),
          ...(item && { import: importView(item, pointer?.currentImportId) }),
        },
      };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/organisations/{organisationId}/attendance-imports',
    summary: '출퇴근 자료 가져오기 이력(수행기관·지사·본부): 한 달의 가져오기와 지금 쓰는 자료',
    response: importHistoryResponse,
    access: { action: 'list', resource: 'attendance', roles: ['agency', 'branch', 'hq'] },
    params: organisationParams,
    query: monthQuery,
    labels: LABELS,
    handle: async ({ params, query, caller, allow }) => {
      const agency = await agencyOf(params.organisationId, allow);
      const [items, pointer] = await Promise.all([
        listImports(agency.organisationId, query.month),
        getMonth(agency.organisationId, query.month),
      ]);
      await recordImportRead(caller!, items, 'attendanceImport.list');
      return {
        body: {
          month: query.month,
          currentImportId: pointer?.currentImportId,
          imports: items.reverse().map((item) => importView(item, pointer?.currentImportId)),
        },
      };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/attendance-imports/{importId}',
    summary: '출퇴근 자료 가져오기 결과(오류 보고서, 찾지 못한 사람)',
    response: importViewSchema,
    access: { action: 'read', resource: 'attendance', roles: ['agency', 'branch', 'hq'] },
    params: importParams,
    handle: async ({ params, caller, allow }) => {
      const item = await importOf(params.importId, allow);
      await recordImportRead(caller!, [item], 'attendanceImport.read');
      const pointer = await getMonth(item.agencyId, item.month);
      return { body: importView(item, pointer?.currentImportId) };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/attendance-imports/{importId}/error-report',
    summary: '출퇴근 자료 오류 보고서 내려받기(CSV)',
    response: errorReportResponse,
    access: { action: 'download', resource: 'attendance', roles: ['agency', 'branch', 'hq'] },
    params: importParams,
    handle: async ({ params, caller, allow }) => {
      const item = await importOf(params.importId, allow);
      await recordImportRead(caller!, [item], 'attendanceImport.errorReport');
      const csv = errorReportCsv(item.errors, item.omittedErrors);
      return {
        body: {
          fileName: `출퇴근자료_오류보고서_${item.month}_${item.importId}.csv`,
          contentType: 'text/csv; charset=utf-8',
          count: item.errors.length,
          base64: Buffer.from(csv, 'utf8').toString('base64'),
        },
      };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/organisations/{organisationId}/attendance-comparison',
    summary: '근무 이력 비교(수행기관·지사·본부): 근로지원인·날짜별 출퇴근 기록과 활동일지, 확인 항목',
    response: comparisonResponse,
    access: { action: 'compare', resource: 'attendance', roles: ['agency', 'branch', 'hq'] },
    params: organisationParams,
    query: comparisonQuery,
    labels: LABELS,
    handle: async ({ params, query, caller, allow }) => {
      const agency = await agencyOf(params.organisationId, allow);
      const { view, subjects } = await comparisonView(agency, query);
      await recordPersonalDataRead(caller!, {
        action: 'attendance.compare',
        targetType: 'organisation',
        targetId: `${agency.organisationId}#${query.month}`,
        branchId: agency.branchId,
        subjects,
      });
      return { body: view };
    },
  }),
  defineRoute({
    method: 'PUT',
    path: '/organisations/{organisationId}/attendance-settings',
    summary: '근무 이력 비교 설정(수행기관): 출퇴근과 활동시간의 허용 오차(분)',
    response: settingsResponse,
    access: { action: 'configure', resource: 'attendance', roles: ['agency'] },
    params: organisationParams,
    body: settingsBody,
    labels: LABELS,
    handle: async ({ params, body, caller, allow }) => {
      const agency = await agencyOf(params.organisationId, allow);
      await saveTolerance(caller!, agency.organisationId, body.toleranceMinutes);
      return { body: { toleranceMinutes: body.toleranceMinutes } };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/organisations/{organisationId}/attendance-justifications',
    summary: '확인 항목 소명(수행기관): 활동일지를 고치지 않는 이유를 남김',
    response: justificationResponse,
    access: { action: 'justify', resource: 'attendance', roles: ['agency'] },
    params: organisationParams,
    body: justificationBody,
    labels: LABELS,
    handle: async ({ params, body, caller, allow }) => {
      const agency = await agencyOf(params.organisationId, allow);
      const problem = reasonProblem(body.reason);
      if (problem)
        throw new ValidationFailed([{ field: 'body.reason', label: '소명 사유', message: problem }], problem);
      const comparison = await compareAgencyMonth(agency.organisationId, body.month);
      if (comparison.submission) {
        throw new Conflict(
          `${body.month} 근무 이력은 이미 제출되어 소명을 더할 수 없습니다.`,
          'ATTENDANCE_ALREADY_SUBMITTED',
        );
      }
      const finding = comparison.findings.find((f) => f.id === body.findingId);
      if (!finding) throw new NotFound('확인 항목(활동일지가 고쳐져 사라졌을 수 있습니다. 화면을 새로 고쳐 주세요)');
      const at = clock.nowIso();
      await saveJustification(caller!, {
        agencyId: agency.organisationId,
        month: body.month,
        findingId: finding.id,
        assistantId: finding.assistantId,
        date: finding.date,
        code: finding.code,
        reason: body.reason.trim(),
        by: caller!.userId,
        at,
      });
      return { body: { findingId: finding.id, reason: body.reason.trim(), by: caller!.userId, at } };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/organisations/{organisationId}/attendance-submissions',
    summary: '근무 이력 제출(수행기관): 막는 항목이 없을 때 그 달을 청구용으로 제출',
    response: submissionSchema,
    access: { action: 'submit', resource: 'attendance', roles: ['agency'] },
    params: organisationParams,
    body: monthBody,
    labels: LABELS,
    handle: async ({ params, body, caller, allow }) => {
      const agency = await agencyOf(params.organisationId, allow);
      const submission = await submitMonth(caller!, agency.organisationId, body.month);
      return { status: 201, body: submission };
    },
  }),
  // the internal system's read-only view of every agency in scope
  ...overviewRoutes,
];
