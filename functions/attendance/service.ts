// The attendance import (C3) and the month's comparison (C4) put together: the upload streamed from S3
// through the pure importer, people matched to the agency's assistants, the records stored and made
// current in one step; the month's attendance, logs, settings and justifications loaded and compared.

import { randomUUID } from 'node:crypto';
import type { Caller } from '#commons/caller';
import { loadGrants } from '#commons/caller-profile';
import { Conflict, DomainError, RuleViolation } from '#commons/errors';
import { logger } from '#commons/powertools';
import { listAgencyMonth } from '#functions/activity/entry-repository';
import { listAssistantsByAgency } from '#functions/assistants/repository';
import { completeUpload, readyUpload, startUpload } from '#functions/files/repository';
import { kindOfContentType } from '#functions/files/rules';
import { latestVersion } from '#functions/rates/repository';
import { DEFAULT_RATE_TABLE_2026, ratesForAgency } from '#functions/rates/rules';
import * as clock from '#kernel/clock';
import {
  compareMonth,
  DEFAULT_TOLERANCE_MINUTES,
  type ReviewedFinding,
  review,
  submissionRefusal,
} from './comparison.ts';
import type {
  AttendanceImportItem,
  AttendanceRecordItem,
  AttendanceUploadItem,
  MonthSubmissionItem,
} from './entities.ts';
import { fingerprinted } from './parse/fingerprint.ts';
import { importAttendance } from './parse/import.ts';
import { matchAssistants, type RegisteredAssistant } from './parse/match.ts';
import {
  claimUploadRequest,
  createSubmission,
  createUploadRequest,
  finishUploadRequest,
  getMonth,
  getSubmission,
  getTolerance,
  getUploadRequest,
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
  now = clock.now(),
): Promise<{ outcome: ImportOutcome; item: AttendanceImportItem }> {
  const { agencyId, month } = request;
  const upload = await readyUpload(request.uploadId, caller.userId, 'attendance');
  await refuseSubmittedMonth(agencyId, month);
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

export interface UploadFile {
  fileName: string;
  contentType: string;
  size: number;
}

/** How long an import may run (the event function's timeout); a claim older than this is taken over. */
export const IMPORT_CLAIM_MS = 15 * 60 * 1000;
/** Upload requests are kept 90 days; the import history keeps the rest. */
const UPLOAD_REQUEST_TTL_S = 90 * 24 * 3600;

/**
 * Starts an attendance upload for an agency's month: the file is declared, the request recorded with
 * whose month it is, and the presigned URL returned. When the object lands, its S3 event imports it
 * (importLandedUpload) — the screen only uploads and then polls the request.
 */
export async function startAttendanceUpload(
  caller: Caller,
  target: { agencyId: string; month: string },
  file: UploadFile,
  now = clock.now(),
) {
  await refuseSubmittedMonth(target.agencyId, target.month);
  const started = await startUpload(caller.userId, { purpose: 'attendance', ...file });
  await createUploadRequest({
    uploadId: started.uploadId,
    agencyId: target.agencyId,
    month: target.month,
    requestedBy: caller.userId,
    sourceIp: caller.sourceIp,
    requestedAt: now.toISOString(),
    state: 'waiting',
    expiresAt: Math.floor(now.getTime() / 1000) + UPLOAD_REQUEST_TTL_S,
  });
  return started;
}

export type LandedOutcome = 'not-attendance-request' | 'already-taken' | 'failed' | ImportOutcome;

/**
 * The S3 event's work for one landed attendance object: claim the request (a redelivered event
 * finds it taken and does nothing), check the bytes, import as the person who uploaded, record the
 * outcome. A refusal in Korean (wrong file type, month already submitted) is recorded for the screen;
 * anything else releases the claim and is thrown, so the event is retried.
 */
export async function importLandedUpload(uploadId: string, now = clock.now()): Promise<LandedOutcome> {
  const request = await getUploadRequest(uploadId);
  if (!request) return 'not-attendance-request';
  const staleBefore = new Date(now.getTime() - IMPORT_CLAIM_MS).toISOString();
  if (!(await claimUploadRequest(uploadId, now.toISOString(), staleBefore))) return 'already-taken';
  try {
    await completeUpload(uploadId, { ownerId: request.requestedBy });
    const { outcome, item } = await runImport(await uploaderOf(request), {
      agencyId: request.agencyId,
      month: request.month,
      uploadId,
    });
    await finishUploadRequest(uploadId, { state: 'done', outcome, importId: item.importId });
    return outcome;
  } catch (error) {
    if (error instanceof DomainError) {
      logger.info('attendance upload refused', { uploadId, code: error.code });
      await finishUploadRequest(uploadId, { state: 'failed', problem: error.message });
      return 'failed';
    }
    await finishUploadRequest(uploadId, { state: 'waiting' });
    throw error;
  }
}

/** The person who uploaded, as the import's audit records name them. */
async function uploaderOf(request: AttendanceUploadItem): Promise<Caller> {
  const grants = await loadGrants(request.requestedBy);
  return {
    userId: request.requestedBy,
    roles: [...new Set(grants.map((g) => g.role))],
    grants,
    sourceIp: request.sourceIp,
  };
}

/** A month submitted for the claim keeps its attendance: nothing may be uploaded or imported for it. */
export async function refuseSubmittedMonth(agencyId: string, month: string): Promise<void> {
  if (await getSubmission(agencyId, month)) {
    throw new Conflict(
      `${month} 근무 이력은 이미 청구용으로 제출되어 출퇴근 자료를 바꿀 수 없습니다. 바꿔야 하면 지사에 제출 취소를 요청해 주세요.`,
      'ATTENDANCE_MONTH_SUBMITTED',
    );
  }
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
  now = clock.now(),
): Promise<MonthSubmissionItem> {
  const comparison = await compareAgencyMonth(agencyId, month);
  if (comparison.submission) {
    throw new Conflict(`${month} 근무 이력은 이미 제출되었습니다.`, 'ATTENDANCE_ALREADY_SUBMITTED');
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
