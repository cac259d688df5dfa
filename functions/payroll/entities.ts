import { Entity, type EntityItem } from 'electrodb';
import { SERVICE_NAME } from '#commons/table';

/**
 * An agency's pay and deduction items (SPEC D2: up to 10 of each, names set by the agency). One item
 * per agency; every save is conditional on the revision that was read, so two staff cannot overwrite
 * each other's names.
 */
export const PayrollSetting = new Entity({
  model: { entity: 'payrollSetting', version: '1', service: SERVICE_NAME },
  attributes: {
    agencyId: { type: 'string', required: true },
    /** JSON: PayItem[] without adjustments (rules.ts) */
    payItems: { type: 'string', required: true },
    /** JSON: DeductionItem[] without adjustments */
    deductionItems: { type: 'string', required: true },
    revision: { type: 'number', required: true },
    updatedBy: { type: 'string', required: true },
    updatedAt: { type: 'string', required: true },
  },
  indexes: {
    byAgency: { pk: { field: 'pk', composite: ['agencyId'] }, sk: { field: 'sk', composite: [] } },
  },
});

export type PayrollSettingItem = EntityItem<typeof PayrollSetting>;

export const PAYROLL_STATUSES = ['computed', 'problem'] as const;

/**
 * One assistant's payroll for one month at one agency: the month's minutes (from the claim or from the
 * activity logs through the same engine), the rates used, the items with the agency's manual amounts
 * and adjustments (each with its reason), and the computed slip. Access patterns: an agency's month
 * (partition agency + month, sorted by assistant) and an assistant's months (gsi1, for My page).
 */
export const PayrollRecord = new Entity({
  model: { entity: 'payrollRecord', version: '1', service: SERVICE_NAME },
  attributes: {
    agencyId: { type: 'string', required: true },
    agencyName: { type: 'string', required: true },
    branchId: { type: 'string', required: true },
    month: { type: 'string', required: true },
    assistantId: { type: 'string', required: true },
    assistantName: { type: 'string', required: true },
    /** the assistant's portal login, when they have one: their pay slips are shown to it */
    userId: { type: 'string' },
    /** where the minutes came from: the month's computed claim, or the activity logs when there is none */
    source: { type: ['claim', 'activityLogs'] as const, required: true },
    claimComputeRevision: { type: 'number' },
    rateYear: { type: 'number', required: true },
    rateVersion: { type: 'number', required: true },
    /** JSON: { hourlyWage, premiumByRatio, minimumWage, rates } as used */
    basis: { type: 'string', required: true },
    /** JSON: PayrollMinutes */
    minutes: { type: 'string', required: true },
    /** JSON: { payItems, deductionItems } with manual amounts and adjustments */
    items: { type: 'string', required: true },
    status: { type: PAYROLL_STATUSES, required: true },
    /** JSON: PaySlip when computed */
    slip: { type: 'string' },
    /** JSON: FieldProblem[] when the items cannot be computed as they are */
    problems: { type: 'string' },
    /** JSON: the PaySlip the assistant sees, as it was when the agency last issued it (발급) */
    issuedSlip: { type: 'string' },
    issuedAt: { type: 'string' },
    issuedBy: { type: 'string' },
    grossPay: { type: 'number' },
    totalDeductions: { type: 'number' },
    netPay: { type: 'number' },
    revision: { type: 'number', required: true },
    history: {
      type: 'list',
      required: true,
      items: {
        type: 'map',
        properties: {
          at: { type: 'string', required: true },
          by: { type: 'string', required: true },
          action: { type: 'string', required: true },
          item: { type: 'string' },
          amount: { type: 'number' },
          reason: { type: 'string' },
        },
      },
    },
    computedAt: { type: 'string', required: true },
    updatedAt: { type: 'string', required: true },
  },
  indexes: {
    byAgencyMonth: {
      pk: { field: 'pk', composite: ['agencyId', 'month'] },
      sk: { field: 'sk', composite: ['assistantId'] },
    },
    byAssistant: {
      index: 'gsi1',
      pk: { field: 'gsi1pk', composite: ['assistantId'] },
      sk: { field: 'gsi1sk', composite: ['month'] },
    },
  },
});

export type PayrollRecordItem = EntityItem<typeof PayrollRecord>;
