import { type WriteEntities, writeAudited } from '#commons/audit-trail';
import type { Caller } from '#commons/caller';
import { bindEntity, isConditionFailure } from '#commons/entities';
import { Conflict } from '#commons/errors';
import * as clock from '#kernel/clock';
import {
  AttendanceImport,
  type AttendanceImportItem,
  AttendanceJustification,
  type AttendanceJustificationItem,
  AttendanceMonth,
  type AttendanceMonthItem,
  AttendanceRecord,
  type AttendanceRecordItem,
  AttendanceSetting,
  AttendanceUpload,
  type AttendanceUploadItem,
  MonthSubmission,
  type MonthSubmissionItem,
} from './entities.ts';

// Reads are GetItems and Queries on the entities' keys (never a Scan). An import's records are
// written first under the import's own id; the import becomes the month's current one in one
// transaction with its record and the audit record, conditioned on the month's revision.

export const RACE_MESSAGE =
  '같은 달의 출퇴근 자료가 방금 다른 곳에서 먼저 바뀌었습니다. 화면을 새로 고쳐 지금 상태를 확인한 뒤 다시 올려 주세요.';

export async function getImport(importId: string): Promise<AttendanceImportItem | undefined> {
  const { data } = await bindEntity(AttendanceImport).get({ importId }).go();
  return data ?? undefined;
}

/** An agency's imports of a month, oldest first (the history). */
export async function listImports(agencyId: string, month: string): Promise<AttendanceImportItem[]> {
  const { data } = await bindEntity(AttendanceImport).query.byAgencyMonth({ agencyId, month }).go({ pages: 'all' });
  return data;
}

/** Earlier imports of the same file for the same month. */
export async function importsOfFile(
  agencyId: string,
  fingerprint: string,
  month: string,
): Promise<AttendanceImportItem[]> {
  const { data } = await bindEntity(AttendanceImport)
    .query.byFingerprint({ agencyId, fingerprint, month })
    .go({ pages: 'all' });
  return data;
}

export async function getMonth(agencyId: string, month: string): Promise<AttendanceMonthItem | undefined> {
  const { data } = await bindEntity(AttendanceMonth).get({ agencyId, month }).go();
  return data ?? undefined;
}

/** The records of one import, optionally of one assistant. */
export async function listRecords(importId: string, assistantId?: string): Promise<AttendanceRecordItem[]> {
  const query = bindEntity(AttendanceRecord).query.byImport(assistantId ? { importId, assistantId } : { importId });
  return (await query.go({ pages: 'all' })).data;
}

/**
 * Writes an import's records (batches of 25, several at once: a large agency's month is thousands of
 * rows); they count only once the import becomes current.
 */
export async function putRecords(records: AttendanceRecordItem[]): Promise<void> {
  if (records.length === 0) return;
  const { unprocessed } = await bindEntity(AttendanceRecord).put(records).go({ concurrency: 8 });
  if (unprocessed.length > 0) throw new Error(`attendance records: ${unprocessed.length} left unwritten`);
}

/** A rejected file: its report is kept, nothing else changes. */
export async function saveRejected(caller: Caller, item: AttendanceImportItem): Promise<void> {
  await writeAudited(
    caller,
    { action: 'attendance.import.rejected', targetType: 'attendanceImport', targetId: item.importId },
    { AttendanceImport },
    ({ AttendanceImport: imports }) => [imports.create(item).commit()],
  );
}

/**
 * Makes `item` the month's current import in one step: the import, the month's pointer (created, or
 * switched on the revision that was read) and the audit record, or none of them.
 */
export async function makeCurrent(
  caller: Caller,
  item: AttendanceImportItem,
  before: AttendanceMonthItem | undefined,
): Promise<AttendanceMonthItem> {
  const now = item.importedAt;
  const month: AttendanceMonthItem = {
    agencyId: item.agencyId,
    month: item.month,
    currentImportId: item.importId,
    fingerprint: item.fingerprint,
    revision: (before?.revision ?? 0) + 1,
    updatedAt: now,
  };
  const result = await writeAudited(
    caller,
    {
      action: before ? 'attendance.import.replace' : 'attendance.import',
      targetType: 'attendanceMonth',
      targetId: `${item.agencyId}#${item.month}`,
      reason: before ? `replaces ${before.currentImportId}` : undefined,
    },
    { imports: AttendanceImport, months: AttendanceMonth },
    ({ imports, months }: WriteEntities<{ imports: typeof AttendanceImport; months: typeof AttendanceMonth }>) => [
      imports.create(item).commit(),
      before
        ? months
            .put(month)
            .where((attr, op) => op.eq(attr.revision, before.revision))
            .commit()
        : months.create(month).commit(),
    ],
  );
  if (result.canceled) throw new Conflict(RACE_MESSAGE);
  return month;
}

export async function getTolerance(agencyId: string): Promise<number | undefined> {
  const { data } = await bindEntity(AttendanceSetting).get({ agencyId }).go();
  return data?.toleranceMinutes;
}

export async function saveTolerance(caller: Caller, agencyId: string, toleranceMinutes: number): Promise<void> {
  await writeAudited(
    caller,
    {
      action: 'attendance.setting',
      targetType: 'organisation',
      targetId: agencyId,
      reason: `tolerance ${toleranceMinutes}`,
    },
    { AttendanceSetting },
    ({ AttendanceSetting: settings }) => [
      settings.put({ agencyId, toleranceMinutes, updatedBy: caller.userId, updatedAt: clock.nowIso() }).commit(),
    ],
  );
}

export async function listJustifications(agencyId: string, month: string): Promise<AttendanceJustificationItem[]> {
  const { data } = await bindEntity(AttendanceJustification).query.byMonth({ agencyId, month }).go({ pages: 'all' });
  return data;
}

export async function saveJustification(caller: Caller, item: AttendanceJustificationItem): Promise<void> {
  await writeAudited(
    caller,
    {
      action: 'attendance.justify',
      targetType: 'attendanceFinding',
      targetId: `${item.agencyId}#${item.month}#${item.findingId}`,
    },
    { AttendanceJustification },
    ({ AttendanceJustification: justifications }) => [justifications.put(item).commit()],
  );
}

export async function getSubmission(agencyId: string, month: string): Promise<MonthSubmissionItem | undefined> {
  const { data } = await bindEntity(MonthSubmission).get({ agencyId, month }).go();
  return data ?? undefined;
}

/** Records the submission once: a second submission of the month (a lost race too) is refused. */
export async function createSubmission(caller: Caller, item: MonthSubmissionItem): Promise<void> {
  const result = await writeAudited(
    caller,
    {
      action: 'attendance.submit',
      targetType: 'attendanceMonth',
      targetId: `${item.agencyId}#${item.month}`,
      reason: `${item.justified.length} justified`,
    },
    { MonthSubmission },
    ({ MonthSubmission: submissions }) => [submissions.create(item).commit()],
  );
  if (result.canceled) throw new Conflict(`${item.month} 근무 이력은 이미 제출되었습니다. 화면을 새로 고쳐 주세요.`);
}

/** The upload's request: written before the presigned URL is handed out. */
export async function createUploadRequest(item: AttendanceUploadItem): Promise<void> {
  await bindEntity(AttendanceUpload).create(item).go();
}

export async function getUploadRequest(uploadId: string): Promise<AttendanceUploadItem | undefined> {
  const { data } = await bindEntity(AttendanceUpload).get({ uploadId }).go();
  return data ?? undefined;
}

/**
 * Takes the upload for importing: only a waiting one, or one whose earlier claim is older than
 * `staleBefore` (that import died with its function). False when someone else has it or it is done,
 * which makes a redelivered S3 event do nothing.
 */
export async function claimUploadRequest(uploadId: string, now: string, staleBefore: string): Promise<boolean> {
  try {
    await bindEntity(AttendanceUpload)
      .patch({ uploadId })
      .set({ state: 'importing', claimedAt: now })
      .where(
        (attr, op) =>
          `${op.eq(attr.state, 'waiting')} OR (${op.eq(attr.state, 'importing')} AND ${op.lt(attr.claimedAt, staleBefore)})`,
      )
      .go();
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

/** What became of the upload: done with an import's outcome, failed with the reason, or back to waiting. */
export async function finishUploadRequest(
  uploadId: string,
  result:
    | { state: 'done'; outcome: NonNullable<AttendanceUploadItem['outcome']>; importId: string }
    | { state: 'failed'; problem: string }
    | { state: 'waiting' },
): Promise<void> {
  await bindEntity(AttendanceUpload).patch({ uploadId }).set(result).go();
}
