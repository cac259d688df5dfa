import { Entity, type EntityItem } from 'electrodb';
import { SERVICE_NAME } from '#commons/table';
import { STATUS_LABELS } from './claim-rules.ts';
import { SETTLEMENT_STATUS_LABELS } from './settlement-rules.ts';

// The status enums are the code lists' keys (claim-rules.ts, settlement-rules.ts).
const keysOf = <T extends Record<string, unknown>>(labels: T) => Object.keys(labels) as Extract<keyof T, string>[];
export const CLAIM_STATUSES = keysOf(STATUS_LABELS);

const historyEntry = {
  type: 'map',
  properties: {
    at: { type: 'string', required: true },
    by: { type: 'string', required: true },
    action: { type: 'string', required: true },
    reason: { type: 'string' },
  },
} as const;

/**
 * One agency's monthly cost claim (SPEC C5). The id is `<agencyId>_<month>`, so starting the month
 * twice finds the same claim. `computeRevision` names the set of ClaimLines that belong to it: lines
 * of a new computation are written first under the next revision, then the claim switches to them in
 * one conditional update, so a reader never sees a half-stored computation.
 */
export const Claim = new Entity({
  model: { entity: 'claim', version: '1', service: SERVICE_NAME },
  attributes: {
    claimId: { type: 'string', required: true },
    agencyId: { type: 'string', required: true },
    agencyName: { type: 'string', required: true },
    branchId: { type: 'string', required: true },
    month: { type: 'string', required: true },
    status: { type: CLAIM_STATUSES, required: true },
    /** bumped by every change of state, for conditional writes */
    revision: { type: 'number', required: true },
    computeRevision: { type: 'number', required: true },
    /** execution attempts: a resumed claim runs a new execution named after the attempt */
    attempt: { type: 'number', required: true },
    executionArn: { type: 'string' },
    /** the token of the human step the execution waits in (agency review or branch decision) */
    taskToken: { type: 'string' },
    /** which human step the stored token belongs to, so a repeated action can re-deliver a lost answer */
    tokenStage: { type: ['agency', 'branch'] as const },
    rateYear: { type: 'number' },
    rateVersion: { type: 'number' },
    /** JSON: the rates the engine used (after the agency's overrides) */
    rates: { type: 'string' },
    /** JSON: the engine's totals and problems */
    totals: { type: 'string' },
    /** 총근로시간 of the list: the paid minutes of every assistant line of the stored computation */
    paidMinutes: { type: 'number' },
    problems: { type: 'string' },
    returnReason: { type: 'string' },
    failure: { type: 'string' },
    history: { type: 'list', required: true, items: historyEntry },
    createdAt: { type: 'string', required: true },
    updatedAt: { type: 'string', required: true },
  },
  indexes: {
    byId: { pk: { field: 'pk', composite: ['claimId'] }, sk: { field: 'sk', composite: [] } },
    byAgency: {
      index: 'gsi1',
      pk: { field: 'gsi1pk', composite: ['agencyId'] },
      sk: { field: 'gsi1sk', composite: ['month'] },
    },
    byBranch: {
      index: 'gsi2',
      pk: { field: 'gsi2pk', composite: ['branchId'] },
      sk: { field: 'gsi2sk', composite: ['month', 'agencyId'] },
    },
  },
});

export type ClaimItem = EntityItem<typeof Claim>;

/** One line of a claim's computation: an assistant's minutes and money, or a worker's co-payment. */
export const ClaimLine = new Entity({
  model: { entity: 'claimLine', version: '1', service: SERVICE_NAME },
  attributes: {
    claimId: { type: 'string', required: true },
    computeRevision: { type: 'number', required: true, padding: { length: 6, char: '0' } },
    kind: { type: ['assistant', 'worker'] as const, required: true },
    subjectId: { type: 'string', required: true },
    name: { type: 'string', required: true },
    /** JSON: the engine's output line */
    result: { type: 'string', required: true },
    /** JSON: the engine entries that produced the line, each with its activity-log entry id */
    entries: { type: 'string', required: true },
    /** a worker's line: why the co-payment is 0 (the exemption on the evaluation in force for the month) */
    copayExemptReason: { type: 'string' },
  },
  indexes: {
    byClaim: {
      pk: { field: 'pk', composite: ['claimId'] },
      sk: { field: 'sk', composite: ['computeRevision', 'kind', 'subjectId'] },
    },
  },
});

export type ClaimLineItem = EntityItem<typeof ClaimLine>;

/**
 * A worker's co-payment (본인부담금, SPEC C7) for one month of one agency, written once from the
 * approved claim, with the payments the agency records against it. Payments are appended under a
 * revision condition, so two staff recording at once cannot lose one.
 */
export const Copayment = new Entity({
  model: { entity: 'copayment', version: '1', service: SERVICE_NAME },
  attributes: {
    agencyId: { type: 'string', required: true },
    agencyName: { type: 'string', required: true },
    branchId: { type: 'string', required: true },
    month: { type: 'string', required: true },
    workerId: { type: 'string', required: true },
    workerName: { type: 'string', required: true },
    claimId: { type: 'string', required: true },
    supportedMinutes: { type: 'number', required: true },
    amount: { type: 'number', required: true },
    /** why the amount is 0: the worker's exemption as the claim recorded it */
    exemptReason: { type: 'string' },
    payments: {
      type: 'list',
      required: true,
      items: {
        type: 'map',
        properties: {
          paymentId: { type: 'string', required: true },
          date: { type: 'string', required: true },
          amount: { type: 'number', required: true },
          method: { type: 'string', required: true },
          recordedBy: { type: 'string', required: true },
          recordedAt: { type: 'string', required: true },
        },
      },
    },
    revision: { type: 'number', required: true },
    createdAt: { type: 'string', required: true },
  },
  indexes: {
    byId: { pk: { field: 'pk', composite: ['agencyId', 'month', 'workerId'] }, sk: { field: 'sk', composite: [] } },
    byAgency: {
      index: 'gsi1',
      pk: { field: 'gsi1pk', composite: ['agencyId'] },
      sk: { field: 'gsi1sk', composite: ['month', 'workerId'] },
    },
    byWorker: {
      index: 'gsi2',
      pk: { field: 'gsi2pk', composite: ['workerId'] },
      sk: { field: 'gsi2sk', composite: ['month', 'agencyId'] },
    },
  },
});

export type CopaymentItem = EntityItem<typeof Copayment>;

export const SETTLEMENT_STATUSES = keysOf(SETTLEMENT_STATUS_LABELS);

/**
 * An agency's settlement (정산, SPEC C6) of a half-year or year: the advances it received, entered by
 * the agency, against its decided (approved) claims, month by month. Id `<agencyId>_<period>`, period
 * `2026-H1`, `2026-H2` or `2026`. Decided by the branch through the settlement workflow.
 */
export const Settlement = new Entity({
  model: { entity: 'settlement', version: '1', service: SERVICE_NAME },
  attributes: {
    settlementId: { type: 'string', required: true },
    agencyId: { type: 'string', required: true },
    agencyName: { type: 'string', required: true },
    branchId: { type: 'string', required: true },
    period: { type: 'string', required: true },
    status: { type: SETTLEMENT_STATUSES, required: true },
    revision: { type: 'number', required: true },
    attempt: { type: 'number', required: true },
    /** JSON: [{ month, amount }] as the agency entered them */
    advances: { type: 'string', required: true },
    /** JSON: the month rows and totals computed from the decided claims */
    rows: { type: 'string' },
    totals: { type: 'string' },
    taskToken: { type: 'string' },
    tokenStage: { type: ['agency', 'branch'] as const },
    returnReason: { type: 'string' },
    failure: { type: 'string' },
    history: { type: 'list', required: true, items: historyEntry },
    createdAt: { type: 'string', required: true },
    updatedAt: { type: 'string', required: true },
  },
  indexes: {
    byId: { pk: { field: 'pk', composite: ['settlementId'] }, sk: { field: 'sk', composite: [] } },
    byAgency: {
      index: 'gsi1',
      pk: { field: 'gsi1pk', composite: ['agencyId'] },
      sk: { field: 'gsi1sk', composite: ['period'] },
    },
    byBranch: {
      index: 'gsi2',
      pk: { field: 'gsi2pk', composite: ['branchId'] },
      sk: { field: 'gsi2sk', composite: ['period', 'agencyId'] },
    },
  },
});

export type SettlementItem = EntityItem<typeof Settlement>;

/**
 * A rate-correction difference the branch carried into the agency's next settlement (issue 15 §6):
 * one per decided claim and corrected rate-table version, id `<claimId>_v<version>`. The decided
 * claim is never changed; the difference is kept as computed when carried, and the first settlement
 * of the agency computed after it takes it (`settlementId`).
 */
export const RateCorrection = new Entity({
  model: { entity: 'rateCorrection', version: '1', service: SERVICE_NAME },
  attributes: {
    correctionId: { type: 'string', required: true },
    claimId: { type: 'string', required: true },
    agencyId: { type: 'string', required: true },
    agencyName: { type: 'string', required: true },
    branchId: { type: 'string', required: true },
    month: { type: 'string', required: true },
    rateYear: { type: 'number', required: true },
    usedVersion: { type: 'number', required: true },
    correctedVersion: { type: 'number', required: true },
    /** 합계 after − before, in won: positive, owed to the agency; negative, owed by it */
    difference: { type: 'number', required: true },
    /** JSON: the claim's correction as computed when carried (amounts before, after, per assistant) */
    detail: { type: 'string', required: true },
    carriedBy: { type: 'string', required: true },
    carriedAt: { type: 'string', required: true },
    /** the settlement that took it; '-' until one does */
    settlementId: { type: 'string', required: true, default: '-' },
  },
  indexes: {
    byId: { pk: { field: 'pk', composite: ['correctionId'] }, sk: { field: 'sk', composite: [] } },
    byAgency: {
      index: 'gsi1',
      pk: { field: 'gsi1pk', composite: ['agencyId'] },
      sk: { field: 'gsi1sk', composite: ['correctionId'] },
    },
  },
});

export type RateCorrectionItem = EntityItem<typeof RateCorrection>;
