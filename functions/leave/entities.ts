import { Entity, type EntityItem } from 'electrodb';
import { SERVICE_NAME } from '#commons/table';

/**
 * 연차 산정 설정 (SPEC D1): what the leave rules need about one assistant that the registration
 * (hire and leave dates) and the matchings (weekly schedule) do not say: the weekly contract when it
 * differs from the matchings, later contract changes, the accrual basis and the carry-over the agency
 * agreed. Absent: the rules use the registration and the matchings (see service.ts).
 * Access patterns: by assistant; an agency's, for the list page.
 */
export const LeaveProfileSetting = new Entity({
  model: { entity: 'leaveProfile', version: '1', service: SERVICE_NAME },
  attributes: {
    assistantId: { type: 'string', required: true },
    agencyId: { type: 'string', required: true },
    branchId: { type: 'string', required: true },
    weeklyContractMinutes: { type: 'number', required: true },
    contractChanges: {
      type: 'list',
      required: true,
      default: () => [],
      items: {
        type: 'map',
        properties: {
          from: { type: 'string', required: true },
          weeklyContractMinutes: { type: 'number', required: true },
        },
      },
    },
    basis: { type: ['hireDate', 'fiscalYear'] as const, required: true },
    fiscalYearStart: { type: 'string' },
    /** 0 or absent: unused leave lapses (§60(7)) */
    carryOverLimitDays: { type: 'number' },
    revision: { type: 'number', required: true },
    updatedBy: { type: 'string', required: true },
    updatedAt: { type: 'string', required: true },
  },
  indexes: {
    byAssistant: { pk: { field: 'pk', composite: ['assistantId'] }, sk: { field: 'sk', composite: [] } },
    byAgency: {
      index: 'gsi1',
      pk: { field: 'gsi1pk', composite: ['agencyId'] },
      sk: { field: 'gsi1sk', composite: ['assistantId'] },
    },
  },
});

export type LeaveProfileSettingItem = EntityItem<typeof LeaveProfileSetting>;

/**
 * 연차 사용촉진 통지 (근로기준법 §61): one notice the agency issued for one use period, round and
 * batch, with the PDF kept in the documents bucket and the assistant's answer. The id is made of the
 * assistant, the period end, the round and the batch, so one notice can be issued only once (a
 * conditional create).
 * Access patterns: by id; an assistant's notices (ledger page, own page); an agency's by period end.
 */
export const LeaveNotice = new Entity({
  model: { entity: 'leaveNotice', version: '1', service: SERVICE_NAME },
  attributes: {
    noticeId: { type: 'string', required: true },
    assistantId: { type: 'string', required: true },
    /** the assistant's portal login, who answers; absent when the assistant has none */
    assistantUserId: { type: 'string' },
    assistantName: { type: 'string', required: true },
    agencyId: { type: 'string', required: true },
    agencyName: { type: 'string', required: true },
    branchId: { type: 'string', required: true },
    kind: { type: ['annual', 'firstYear'] as const, required: true },
    periodEnd: { type: 'string', required: true },
    round: { type: 'number', required: true },
    action: { type: ['request', 'designation', 'reminder'] as const, required: true },
    batch: { type: ['main', 'later'] as const, required: true },
    label: { type: 'string', required: true },
    statute: { type: 'string', required: true },
    proposedDate: { type: 'string', required: true },
    issueBy: { type: 'string', required: true },
    replyBy: { type: 'string' },
    /** unused leave on the issue day, in minutes, and the contracted day to show it in days */
    unusedMinutes: { type: 'number', required: true },
    dailyMinutes: { type: 'number', required: true },
    /** round 2 and 3: the dates the agency set for the unused leave */
    designatedDates: { type: 'list', items: { type: 'string' }, required: true, default: () => [] },
    issuedAt: { type: 'string', required: true },
    issuedBy: { type: 'string', required: true },
    pdfKey: { type: 'string', required: true },
    pdfFileName: { type: 'string', required: true },
    status: { type: ['issued', 'answered'] as const, required: true },
    /** the assistant's answer: the dates they will use (request) or their acknowledgement */
    answerDates: { type: 'list', items: { type: 'string' } },
    answerNote: { type: 'string' },
    answeredAt: { type: 'string' },
    revision: { type: 'number', required: true },
  },
  indexes: {
    byId: { pk: { field: 'pk', composite: ['noticeId'] }, sk: { field: 'sk', composite: [] } },
    byAssistant: {
      index: 'gsi1',
      pk: { field: 'gsi1pk', composite: ['assistantId'] },
      sk: { field: 'gsi1sk', composite: ['periodEnd', 'round', 'batch'] },
    },
    byAgency: {
      index: 'gsi2',
      pk: { field: 'gsi2pk', composite: ['agencyId'] },
      sk: { field: 'gsi2sk', composite: ['periodEnd', 'assistantId', 'round', 'batch'] },
    },
  },
});

export type LeaveNoticeItem = EntityItem<typeof LeaveNotice>;

/**
 * 연차 초과 사용 사유 (seed 000): why an assistant used annual leave beyond the entitlement on a day.
 * One per assistant and day; a later save replaces it under the revision that was read.
 * Access patterns: an assistant's (ledger); an agency's by date (list page).
 */
export const LeaveExcessReason = new Entity({
  model: { entity: 'leaveExcessReason', version: '1', service: SERVICE_NAME },
  attributes: {
    assistantId: { type: 'string', required: true },
    date: { type: 'string', required: true },
    agencyId: { type: 'string', required: true },
    branchId: { type: 'string', required: true },
    reason: { type: 'string', required: true },
    recordedBy: { type: 'string', required: true },
    recordedAt: { type: 'string', required: true },
    revision: { type: 'number', required: true },
  },
  indexes: {
    byAssistant: {
      pk: { field: 'pk', composite: ['assistantId'] },
      sk: { field: 'sk', composite: ['date'] },
    },
    byAgency: {
      index: 'gsi1',
      pk: { field: 'gsi1pk', composite: ['agencyId'] },
      sk: { field: 'gsi1sk', composite: ['date', 'assistantId'] },
    },
  },
});

export type LeaveExcessReasonItem = EntityItem<typeof LeaveExcessReason>;
