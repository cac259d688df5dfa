import { Entity, type EntityItem } from 'electrodb';
import { SERVICE_NAME } from '#commons/table';
import { ATTENDANCE_CODES } from '#kernel/attendance-kinds';
import { CONSENT_STATE_LABELS, ROUND_KIND_LABELS, ROUND_STATUS_LABELS, SIGNING_METHOD_LABELS } from './codes.ts';

// The enums are the code lists' keys, so a state added to codes.ts is a state the table accepts.
const keysOf = <T extends Record<string, unknown>>(labels: T) => Object.keys(labels) as Extract<keyof T, string>[];
const CONSENT_STATES = keysOf(CONSENT_STATE_LABELS);
const SIGNING_METHODS = keysOf(SIGNING_METHOD_LABELS);
const ROUND_KINDS = keysOf(ROUND_KIND_LABELS);
const ROUND_STATUSES = keysOf(ROUND_STATUS_LABELS);

/**
 * 활동일지 한 건 (SPEC C1): one assistant's record of one day's activity for one worker they are
 * matched with, with the fields of seed 000's 활동내역 등록. `consent` says where it stands with the
 * worker: not yet asked, in an open consent round (`roundId`), or signed (locked for the assistant).
 * Every change rewrites the item with a condition on `revision`.
 * Access patterns: by id; an assistant's month for one worker (the list page, a consent round);
 * an assistant's day over all workers (overlap rules); an agency's month, optionally by assistant and
 * worker (the agency's list).
 */
export const ActivityLogEntry = new Entity({
  model: { entity: 'activityLogEntry', version: '1', service: SERVICE_NAME },
  attributes: {
    entryId: { type: 'string', required: true },
    /** the assistant's registration (근로지원인 등록) the matching names: the claim's assistant */
    assistantId: { type: 'string', required: true },
    /** the assistant's portal login, who writes the entry */
    assistantUserId: { type: 'string', required: true },
    assistantName: { type: 'string', required: true },
    /** the worker's portal login, who signs */
    workerId: { type: 'string', required: true },
    workerName: { type: 'string', required: true },
    matchingId: { type: 'string', required: true },
    agencyId: { type: 'string', required: true },
    agencyName: { type: 'string', required: true },
    branchId: { type: 'string', required: true },
    month: { type: 'string', required: true },
    date: { type: 'string', required: true },
    attendance: { type: ATTENDANCE_CODES, required: true },
    leaveMinutes: { type: 'number' },
    start: { type: 'string', required: true },
    end: { type: 'string', required: true },
    contentCode: { type: 'string' },
    otherContent: { type: 'string' },
    specialNotes: { type: 'string' },
    consent: { type: CONSENT_STATES, required: true },
    /** the open round the entry waits in, or the round that signed it */
    roundId: { type: 'string' },
    signedBy: { type: SIGNING_METHODS },
    /** corrections after signing (the previous content stays in the signed round's snapshot) */
    corrections: {
      type: 'list',
      required: true,
      default: () => [],
      items: {
        type: 'map',
        properties: {
          at: { type: 'string', required: true },
          by: { type: 'string', required: true },
          reason: { type: 'string', required: true },
          /** the round whose signature the correction set aside */
          signedRoundId: { type: 'string', required: true },
        },
      },
    },
    createdBy: { type: 'string', required: true },
    createdAt: { type: 'string', required: true },
    updatedBy: { type: 'string', required: true },
    updatedAt: { type: 'string', required: true },
    revision: { type: 'number', required: true },
  },
  indexes: {
    byId: { pk: { field: 'pk', composite: ['entryId'] }, sk: { field: 'sk', composite: [] } },
    byPair: {
      index: 'gsi1',
      pk: { field: 'gsi1pk', composite: ['assistantId', 'workerId'] },
      sk: { field: 'gsi1sk', composite: ['month', 'date', 'start', 'entryId'] },
    },
    byAssistantDay: {
      index: 'gsi2',
      pk: { field: 'gsi2pk', composite: ['assistantId'] },
      sk: { field: 'gsi2sk', composite: ['date', 'start', 'entryId'] },
    },
    byAgency: {
      index: 'gsi3',
      pk: { field: 'gsi3pk', composite: ['agencyId'] },
      sk: { field: 'gsi3sk', composite: ['month', 'assistantId', 'workerId', 'date', 'entryId'] },
    },
  },
});

export type ActivityLogEntryItem = EntityItem<typeof ActivityLogEntry>;

/**
 * One assistant's day: a guard item every change of that day's entries rewrites with a condition on
 * its revision, so that two entries written at once cannot both pass the overlap rules.
 */
export const ActivityDay = new Entity({
  model: { entity: 'activityDay', version: '1', service: SERVICE_NAME },
  attributes: {
    assistantId: { type: 'string', required: true },
    date: { type: 'string', required: true },
    revision: { type: 'number', required: true },
  },
  indexes: {
    byDay: { pk: { field: 'pk', composite: ['assistantId', 'date'] }, sk: { field: 'sk', composite: [] } },
  },
});

export type ActivityDayItem = EntityItem<typeof ActivityDay>;

/**
 * 전자서명 동의 (SPEC C2): one request for the worker's consent to a set of one month's entries, and
 * how it ended. A round is open (`requested`) until the worker signs it in the portal, the assistant
 * records a hand-signed printout (`paper`, with 본인 확인), or it is withdrawn. A signed round keeps the
 * digest of what was signed and a snapshot of those entries in the documents bucket, so a later
 * correction (a new round of kind `correction`) never erases what the worker agreed to.
 * Access patterns: by id; an assistant–worker pair's month; a worker's rounds; an agency's month.
 */
export const ConsentRound = new Entity({
  model: { entity: 'consentRound', version: '1', service: SERVICE_NAME },
  attributes: {
    roundId: { type: 'string', required: true },
    assistantId: { type: 'string', required: true },
    assistantUserId: { type: 'string', required: true },
    assistantName: { type: 'string', required: true },
    workerId: { type: 'string', required: true },
    workerName: { type: 'string', required: true },
    agencyId: { type: 'string', required: true },
    agencyName: { type: 'string', required: true },
    branchId: { type: 'string', required: true },
    month: { type: 'string', required: true },
    kind: { type: ROUND_KINDS, required: true },
    status: { type: ROUND_STATUSES, required: true },
    entryIds: { type: 'list', items: { type: 'string' }, required: true },
    requestedBy: { type: 'string', required: true },
    requestedAt: { type: 'string', required: true },
    /** for a correction round: why the agency changed signed entries */
    reason: { type: 'string' },
    method: { type: SIGNING_METHODS },
    signedAt: { type: 'string' },
    /** who completed it: the worker (electronic) or the assistant who confirmed the paper signature */
    signedBy: { type: 'string' },
    /** the name the worker typed as their signature */
    typedName: { type: 'string' },
    /** SHA-256 of the signed entries (rules.ts consentDigest) */
    digest: { type: 'string' },
    entryCount: { type: 'number' },
    /** documents-bucket key of the signed entries as JSON */
    snapshotKey: { type: 'string' },
    /** the paper path: the scan of the hand-signed printout and the assistant's 본인 확인 */
    scan: {
      type: 'map',
      properties: {
        key: { type: 'string', required: true },
        fileName: { type: 'string', required: true },
        contentType: { type: 'string', required: true },
        sha256: { type: 'string', required: true },
        identityConfirmed: { type: 'boolean', required: true },
      },
    },
    sourceIp: { type: 'string' },
    withdrawnAt: { type: 'string' },
    withdrawnBy: { type: 'string' },
    withdrawnReason: { type: 'string' },
    revision: { type: 'number', required: true },
    updatedAt: { type: 'string', required: true },
  },
  indexes: {
    byId: { pk: { field: 'pk', composite: ['roundId'] }, sk: { field: 'sk', composite: [] } },
    byPair: {
      index: 'gsi1',
      pk: { field: 'gsi1pk', composite: ['assistantId', 'workerId'] },
      sk: { field: 'gsi1sk', composite: ['month', 'requestedAt', 'roundId'] },
    },
    byWorker: {
      index: 'gsi2',
      pk: { field: 'gsi2pk', composite: ['workerId'] },
      sk: { field: 'gsi2sk', composite: ['requestedAt', 'roundId'] },
    },
    byAgency: {
      index: 'gsi3',
      pk: { field: 'gsi3pk', composite: ['agencyId'] },
      sk: { field: 'gsi3sk', composite: ['month', 'requestedAt', 'roundId'] },
    },
  },
});

export type ConsentRoundItem = EntityItem<typeof ConsentRound>;
