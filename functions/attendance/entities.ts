import { Entity, type EntityItem } from 'electrodb';
import { SERVICE_NAME } from '#commons/table';

// Attendance (출퇴근 자료, SPEC C3–C4). An import is written in full under its own id, then made the
// month's current one by a single conditional write of AttendanceMonth — so a month is never half
// replaced, and earlier imports stay readable as history. Every read is a GetItem or a Query.

const IMPORT_STATUSES = ['imported', 'rejected'] as const;

/**
 * One uploaded file and what became of it: imported (rows stored under `importId`) or rejected
 * (the error report is kept on the item, capped as the parser caps it).
 * Access patterns: by id; an agency's imports of a month, newest last (the history); an agency's
 * imports of one file (the fingerprint: the same file twice does nothing the second time).
 */
export const AttendanceImport = new Entity({
  model: { entity: 'attendanceImport', version: '1', service: SERVICE_NAME },
  attributes: {
    importId: { type: 'string', required: true },
    agencyId: { type: 'string', required: true },
    month: { type: 'string', required: true },
    uploadId: { type: 'string', required: true },
    fileName: { type: 'string', required: true },
    /** SHA-256 of the file's bytes */
    fingerprint: { type: 'string', required: true },
    status: { type: IMPORT_STATUSES, required: true },
    rowCount: { type: 'number', required: true },
    people: { type: 'number', required: true },
    matchedRows: { type: 'number', required: true },
    /** people in the file who are not (unambiguously) a registered assistant of the agency */
    unmatched: {
      type: 'list',
      required: true,
      default: () => [],
      items: {
        type: 'map',
        properties: {
          identifier: { type: 'string', required: true },
          identifierKind: { type: 'string', required: true },
          name: { type: 'string', required: true },
          rowNumbers: { type: 'list', items: { type: 'number' }, required: true },
          reason: { type: 'string', required: true },
        },
      },
    },
    /** the error report of a rejected file (row, column, cell, value, what to fix) */
    errors: {
      type: 'list',
      required: true,
      default: () => [],
      items: {
        type: 'map',
        properties: {
          row: { type: 'number' },
          column: { type: 'string' },
          cell: { type: 'string' },
          value: { type: 'string', required: true },
          message: { type: 'string', required: true },
        },
      },
    },
    totalErrors: { type: 'number', required: true, default: 0 },
    omittedErrors: { type: 'number', required: true, default: 0 },
    importedBy: { type: 'string', required: true },
    importedAt: { type: 'string', required: true },
  },
  indexes: {
    byId: { pk: { field: 'pk', composite: ['importId'] }, sk: { field: 'sk', composite: [] } },
    byAgencyMonth: {
      index: 'gsi1',
      pk: { field: 'gsi1pk', composite: ['agencyId', 'month'] },
      sk: { field: 'gsi1sk', composite: ['importedAt', 'importId'] },
    },
    byFingerprint: {
      index: 'gsi2',
      pk: { field: 'gsi2pk', composite: ['agencyId', 'fingerprint'] },
      sk: { field: 'gsi2sk', composite: ['month', 'importedAt', 'importId'] },
    },
  },
});

export type AttendanceImportItem = EntityItem<typeof AttendanceImport>;

/**
 * One clock-in/out of one matched assistant on one day, as imported. Records belong to their import;
 * only the month's current import counts.
 * Access patterns: an import's records, optionally one assistant's, optionally one day (sort key).
 */
export const AttendanceRecord = new Entity({
  model: { entity: 'attendanceRecord', version: '1', service: SERVICE_NAME },
  attributes: {
    importId: { type: 'string', required: true },
    agencyId: { type: 'string', required: true },
    month: { type: 'string', required: true },
    assistantId: { type: 'string', required: true },
    date: { type: 'string', required: true },
    /** row in the file, for pointing the agency at it */
    row: { type: 'number', required: true },
    name: { type: 'string', required: true },
    clockIn: { type: 'string', required: true },
    /** on the clock; `overnight` means the next day */
    clockOut: { type: 'string', required: true },
    overnight: { type: 'boolean', required: true },
    breakMinutes: { type: 'number' },
  },
  indexes: {
    byImport: {
      pk: { field: 'pk', composite: ['importId'] },
      sk: { field: 'sk', composite: ['assistantId', 'date', 'row'] },
    },
  },
});

export type AttendanceRecordItem = EntityItem<typeof AttendanceRecord>;

/**
 * An agency's month: which import is current. Switched with a condition on `revision`, so of two
 * imports finishing at once exactly one wins and the other is told to retry.
 */
export const AttendanceMonth = new Entity({
  model: { entity: 'attendanceMonth', version: '1', service: SERVICE_NAME },
  attributes: {
    agencyId: { type: 'string', required: true },
    month: { type: 'string', required: true },
    currentImportId: { type: 'string', required: true },
    fingerprint: { type: 'string', required: true },
    revision: { type: 'number', required: true },
    updatedAt: { type: 'string', required: true },
  },
  indexes: {
    byMonth: { pk: { field: 'pk', composite: ['agencyId', 'month'] }, sk: { field: 'sk', composite: [] } },
  },
});

export type AttendanceMonthItem = EntityItem<typeof AttendanceMonth>;

/** The agency's comparison settings (SPEC C4): tolerance in minutes for start and end. */
export const AttendanceSetting = new Entity({
  model: { entity: 'attendanceSetting', version: '1', service: SERVICE_NAME },
  attributes: {
    agencyId: { type: 'string', required: true },
    toleranceMinutes: { type: 'number', required: true },
    updatedBy: { type: 'string', required: true },
    updatedAt: { type: 'string', required: true },
  },
  indexes: {
    byAgency: { pk: { field: 'pk', composite: ['agencyId'] }, sk: { field: 'sk', composite: [] } },
  },
});

/**
 * A finding the agency has justified (소명) with a reason, e.g. a log without attendance because the
 * clock-in app was down. Keyed by the finding's id (comparison.ts findingId), which is stable as long
 * as the finding's facts are.
 */
export const AttendanceJustification = new Entity({
  model: { entity: 'attendanceJustification', version: '1', service: SERVICE_NAME },
  attributes: {
    agencyId: { type: 'string', required: true },
    month: { type: 'string', required: true },
    findingId: { type: 'string', required: true },
    assistantId: { type: 'string', required: true },
    date: { type: 'string', required: true },
    code: { type: 'string', required: true },
    reason: { type: 'string', required: true },
    by: { type: 'string', required: true },
    at: { type: 'string', required: true },
  },
  indexes: {
    byMonth: {
      pk: { field: 'pk', composite: ['agencyId', 'month'] },
      sk: { field: 'sk', composite: ['findingId'] },
    },
  },
});

export type AttendanceJustificationItem = EntityItem<typeof AttendanceJustification>;

/**
 * The agency's submission of a month for the claim (SPEC C4 → C5): made only when no blocking finding
 * is left; it records which findings were justified, why and by whom. Created once (condition: absent).
 */
export const MonthSubmission = new Entity({
  model: { entity: 'monthSubmission', version: '1', service: SERVICE_NAME },
  attributes: {
    agencyId: { type: 'string', required: true },
    month: { type: 'string', required: true },
    importId: { type: 'string', required: true },
    submittedAt: { type: 'string', required: true },
    submittedBy: { type: 'string', required: true },
    justified: {
      type: 'list',
      required: true,
      items: {
        type: 'map',
        properties: {
          assistantId: { type: 'string', required: true },
          date: { type: 'string', required: true },
          code: { type: 'string', required: true },
          reason: { type: 'string', required: true },
          by: { type: 'string', required: true },
        },
      },
    },
  },
  indexes: {
    byMonth: { pk: { field: 'pk', composite: ['agencyId', 'month'] }, sk: { field: 'sk', composite: [] } },
  },
});

export type MonthSubmissionItem = EntityItem<typeof MonthSubmission>;

export const UPLOAD_STATES = ['waiting', 'importing', 'done', 'failed'] as const;
export type UploadState = (typeof UPLOAD_STATES)[number];

/**
 * An attendance file the agency is uploading for a month (SPEC C3). Written when the presigned URL is
 * issued, so that the S3 event of the landed object knows whose month it is; the import it starts
 * claims it (`waiting` → `importing`, conditionally, so a redelivered event imports nothing twice) and
 * records the outcome, which the agency's screen polls.
 */
export const AttendanceUpload = new Entity({
  model: { entity: 'attendanceUpload', version: '1', service: SERVICE_NAME },
  attributes: {
    uploadId: { type: 'string', required: true },
    agencyId: { type: 'string', required: true },
    month: { type: 'string', required: true },
    requestedBy: { type: 'string', required: true },
    /** where the request came from, for the import's audit record */
    sourceIp: { type: 'string', required: true },
    requestedAt: { type: 'string', required: true },
    state: { type: UPLOAD_STATES, required: true },
    /** when the import claimed it; a claim older than the import function's timeout may be taken over */
    claimedAt: { type: 'string' },
    outcome: { type: ['imported', 'rejected', 'duplicate'] as const },
    importId: { type: 'string' },
    /** why it failed before an import could be made (file type, month already submitted…), in Korean */
    problem: { type: 'string' },
    /** the import history keeps what matters; the request itself goes after 90 days (TTL) */
    expiresAt: { type: 'number', required: true },
  },
  indexes: {
    byId: { pk: { field: 'pk', composite: ['uploadId'] }, sk: { field: 'sk', composite: [] } },
  },
});

export type AttendanceUploadItem = EntityItem<typeof AttendanceUpload>;
