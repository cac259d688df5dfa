// The attendance import (C3) and the month's comparison (C4) put together: the upload streamed from S3
// through the pure importer, people matched to the agency's assistants, the records stored and made
// current in one step; the month's attendance, logs, settings and justifications loaded and compared.

import { randomUUID } from 'node:crypto';
import type { Caller } from '#commons/caller';
import { RuleViolation } from '#commons/errors';
import { listAgencyMonth } from '#functions/activity/repository';
import { listAssistantsByAgency } from '#functions/assistants/repository';
import { DEFAULT_RATE_TABLE_2026, ratesForAgency } from '#functions/claims/rate-tables';
import { latestVersion } from '#functions/claims/repository';
import { readyUpload } from '#functions/files/repository';
import { kindOfContentType } from '#functions/files/rules';
import {
  compareMonth,
  DEFAULT_TOLERANCE_MINUTES,
  type ReviewedFinding,
  review,
  submissionRefusal,
} from './comparison.ts';
import type { AttendanceImportItem, AttendanceRecordItem, MonthSubmissionItem } from './entities.ts';
import { fingerprinted } from './parse/fingerprint.ts';
import { importAttendance } from './parse/import.ts';
import { matchAssistants, type RegisteredAssistant } from './parse/match.ts';
import {
  createSubmission,
  getMonth,
  getSubmission,
  getTolerance,
  importsOfFile,
  listJustifications,
  listRecords,
  makeCurrent,
  putRecords,
  saveRejected,
} from './repository.ts';
import { openUpload } from './storage.ts';

/** Errors kept on a rejected import's item: a DynamoDB item holds 400 KB; the rest are counted. */
export const STORED_ERRORS = 300;

export type ImportOutcome = 'imported' | 'rejected' | 'duplicate';

/**
 * The agency's registered assistants as the matcher needs them. The registry has no separate
 * employee number: the 근로지원인 번호 (assistantId) is it, so agencies enter that number as the
 * 사원번호 in Shiftee; otherwise people match by name and the phone's last four digits.
 */
export function registeredAssistants(
  items: readonly { assistantId: string; name: string; mobilePhone: string }[],
): RegisteredAssistant[] {
  return items.map((a) => {
    const digits = a.mobilePhone.replace(/\D/g, '');
    return {
      assistantId: a.assistantId,
      employeeNumber: a.assistantId,
      name: a.name,
      ...(digits.length >= 4 && { phoneLast4: digits.slice(-4) }),
    };
  });
}

export interface ImportRequest {
  agencyId: string;
  month: string;
  uploadId: string;
}

/**
 * Imports an uploaded file for an agency's month. The same file as the month's current import, or
 * a file already rejected for that month, does nothing (the earlier import is returned). A bad file
 * is rejected whole with its report; a good one replaces the month's current import in one step.
 */
export async function runImport(
  caller: Caller,
  request: ImportRequest,
  now = new Date(),
): Promise<{ outcome: ImportOutcome; item: AttendanceImportItem }> {
  const { agencyId, month } = request;
  const upload = await readyUpload(request.uploadId, caller.userId, 'attendance');
  if (await getSubmission(agencyId, month)) {
    throw new RuleViolation(
      `${month} 근무 이력은 이미 청구용으로 제출되어 출퇴근 자료를 바꿀 수 없습니다. 바꿔야 하면 지사에 제출 취소를 요청해 주세요.`,
      'ATTENDANCE_MONTH_SUBMITTED',
    );
  }
  const kind = kindOfContentType(upload.contentType);
  if (kind !== 'xlsx' && kind !== 'csv') {
    throw new RuleViolation('출퇴근 자료는 엑셀(XLSX)이나 CSV 파일만 가져올 수 있습니다.', 'ATTENDANCE_KIND');
  }
  const current = await getMonth(agencyId, month);
  if (upload.sha256) {
    const earlier = await importsOfFile(agencyId, upload.sha256, month);
    const same = earlier.find(
      (item) =>
        (item.status === 'imported' && item.importId === current?.currentImportId) || item.status === 'rejected',
    );
    if (same) return { outcome: 'duplicate', item: same };
  }

  const tapped = fingerprinted(await openUpload(upload.bucketKey));
  const result = await importAttendance(tapped.source, { kind, month });
  const importId = `AI-${now.toISOString().slice(0, 10).replace(/-/g, '')}-${randomUUID().slice(0, 8).toUpperCase()}`;
  const base = {
    importId,
    agencyId,
    month,
    uploadId: upload.uploadId,
    fileName: upload.fileName,
    fingerprint: tapped.digest(),
    importedBy: caller.userId,
    importedAt: now.toISOString(),
  };
  if (!result.ok) {
    const errors = result.errors.slice(0, STORED_ERRORS).map((e) => ({
      value: e.value,
      message: e.message,
      ...(e.row !== null && { row: e.row }),
      ...(e.column !== null && { column: e.column }),
      ...(e.cell !== null && { cell: e.cell }),
    }));
    const item: AttendanceImportItem = {
      ...base,
      status: 'rejected',
      rowCount: 0,
      people: 0,
      matchedRows: 0,
      unmatched: [],
      errors,
      totalErrors: result.totalErrors,
      omittedErrors: result.totalErrors - errors.length,
    };
    await saveRejected(caller, item);
    return { outcome: 'rejected', item };
  }

  const { matched, unmatched } = matchAssistants(
    result.rows,
    registeredAssistants(await listAssistantsByAgency(agencyId)),
  );
  const records: AttendanceRecordItem[] = matched.map((row) => ({
    importId,
    agencyId,
    month,
    assistantId: row.assistantId,
    date: row.date,
    row: row.row,
    name: row.name,
    clockIn: row.clockIn,
    clockOut: row.clockOut,
    overnight: row.overnight,
    ...(row.breakMinutes !== undefined && { breakMinutes: row.breakMinutes }),
  }));
  await putRecords(records);
  const item: AttendanceImportItem = {
    ...base,
    status: 'imported',
    rowCount: result.summary.rows,
    people: result.summary.people,
    matchedRows: matched.length,
    unmatched: unmatched.map((u) => ({ ...u, rowNumbers: u.rowNumbers.slice(0, 50) })),
    errors: [],
    totalErrors: 0,
    omittedErrors: 0,
  };
  await makeCurrent(caller, item, current);
  return { outcome: 'imported', item };
}

/** The tolerance the agency set, or the default. */
export async function toleranceOf(agencyId: string): Promise<number> {
  return (await getTolerance(agencyId)) ?? DEFAULT_TOLERANCE_MINUTES;
}

/** The rate table's maximum of workers at once for the month's year (the product default without a table). */
export async function maxConcurrencyOf(agencyId: string, month: string): Promise<number> {
  const table = await latestVersion(Number(month.slice(0, 4)));
  return ratesForAgency(table?.content ?? DEFAULT_RATE_TABLE_2026, agencyId).maxConcurrency;
}

export interface MonthComparison {
  currentImportId?: string;
  records: AttendanceRecordItem[];
  logs: Awaited<ReturnType<typeof listAgencyMonth>>;
  findings: ReviewedFinding[];
  toleranceMinutes: number;
  maxConcurrency: number;
  submission?: MonthSubmissionItem;
}

/** The month compared: the current import's records against every activity log of the agency's month. */
export async function compareAgencyMonth(agencyId: string, month: string): Promise<MonthComparison> {
  const [pointer, logs, toleranceMinutes, maxConcurrency, justifications, submission] = await Promise.all([
    getMonth(agencyId, month),
    listAgencyMonth(agencyId, month),
    toleranceOf(agencyId),
    maxConcurrencyOf(agencyId, month),
    listJustifications(agencyId, month),
    getSubmission(agencyId, month),
  ]);
  const records = pointer ? await listRecords(pointer.currentImportId) : [];
  const findings = review(
    compareMonth(records, logs, { toleranceMinutes, maxConcurrency }),
    justifications.map((j) => ({ findingId: j.findingId, reason: j.reason, by: j.by, at: j.at })),
  );
  return {
    ...(pointer && { currentImportId: pointer.currentImportId }),
    records,
    logs,
    findings,
    toleranceMinutes,
    maxConcurrency,
    ...(submission && { submission }),
  };
}

/** Submits the month when no blocking finding is left, recording what was justified and by whom. */
export async function submitMonth(
  caller: Caller,
  agencyId: string,
  month: string,
  now = new Date(),
): Promise<MonthSubmissionItem> {
  const comparison = await compareAgencyMonth(agencyId, month);
  if (comparison.submission) {
    throw new RuleViolation(`${month} 근무 이력은 이미 제출되었습니다.`, 'ATTENDANCE_ALREADY_SUBMITTED');
  }
  const refusal = submissionRefusal(comparison.findings, comparison.currentImportId !== undefined);
  if (refusal) throw new RuleViolation(refusal, 'ATTENDANCE_BLOCKING_FINDINGS');
  const item: MonthSubmissionItem = {
    agencyId,
    month,
    importId: comparison.currentImportId!,
    submittedAt: now.toISOString(),
    submittedBy: caller.userId,
    justified: comparison.findings
      .filter((f) => f.justification)
      .map((f) => ({
        assistantId: f.assistantId,
        date: f.date,
        code: f.code,
        reason: f.justification!.reason,
        by: f.justification!.by,
      })),
  };
  await createSubmission(caller, item);
  return item;
}
