import { Entity, type EntityItem } from 'electrodb';
import { SERVICE_NAME } from '#commons/table';
import { APPLICATION_STATUSES } from './rules.ts';

const historyEntry = {
  type: 'map',
  properties: {
    status: { type: APPLICATION_STATUSES, required: true },
    at: { type: 'string', required: true },
    /** login ID of who took the step */
    by: { type: 'string', required: true },
    note: { type: 'string' },
  },
} as const;

/**
 * 근로지원인 서비스 신청 (SPEC B1): a disabled worker's application, the branch's steps on it and the
 * agency it was sent to. Every change rewrites the whole item with a condition on `revision`, so two
 * clerks never overwrite each other's step.
 * Access patterns: by id; the applicant's own (My page); a branch's, by status; an agency's matching
 * requests (sparse: only once a request was sent).
 */
export const ServiceApplication = new Entity({
  model: { entity: 'serviceApplication', version: '1', service: SERVICE_NAME },
  attributes: {
    applicationId: { type: 'string', required: true },
    applicantId: { type: 'string', required: true },
    applicantName: { type: 'string', required: true },
    branchId: { type: 'string', required: true },
    status: { type: APPLICATION_STATUSES, required: true },
    revision: { type: 'number', required: true },
    submittedAt: { type: 'string', required: true },
    workplace: {
      type: 'map',
      required: true,
      properties: {
        companyName: { type: 'string', required: true },
        businessNumber: { type: 'string', required: true },
        employerName: { type: 'string', required: true },
        address: { type: 'string', required: true },
        sidoCode: { type: 'string', required: true },
        phone: { type: 'string', required: true },
      },
    },
    job: {
      type: 'map',
      required: true,
      properties: {
        title: { type: 'string', required: true },
        duties: { type: 'string', required: true },
        employmentType: { type: 'string', required: true },
        workStart: { type: 'string', required: true },
        workEnd: { type: 'string', required: true },
      },
    },
    disability: {
      type: 'map',
      required: true,
      properties: { type: { type: 'string', required: true }, severity: { type: 'string', required: true } },
    },
    support: {
      type: 'map',
      required: true,
      properties: {
        types: { type: 'list', items: { type: 'string' }, required: true },
        details: { type: 'string', required: true },
      },
    },
    requested: {
      type: 'map',
      required: true,
      properties: {
        hoursPerDay: { type: 'number', required: true },
        daysPerWeek: { type: 'number', required: true },
        startDate: { type: 'string', required: true },
        endDate: { type: 'string', required: true },
      },
    },
    /** the electronic signature: typed name, consent time, SHA-256 of the signed content */
    signature: {
      type: 'map',
      required: true,
      properties: {
        name: { type: 'string', required: true },
        consentedAt: { type: 'string', required: true },
        contentHash: { type: 'string', required: true },
        method: { type: 'string', required: true },
      },
    },
    evaluation: {
      type: 'map',
      properties: {
        hoursPerDay: { type: 'number', required: true },
        daysPerWeek: { type: 'number', required: true },
        monthlyHours: { type: 'number', required: true },
        startDate: { type: 'string', required: true },
        endDate: { type: 'string', required: true },
        supportType: { type: 'string', required: true },
        note: { type: 'string' },
        decidedBy: { type: 'string', required: true },
        decidedAt: { type: 'string', required: true },
      },
    },
    /** 본인부담금 면제 (C7): the basis, the months it covers and its evidence, recorded by the branch */
    copayExemption: {
      type: 'map',
      properties: {
        basis: { type: 'string', required: true },
        fromMonth: { type: 'string', required: true },
        toMonth: { type: 'string', required: true },
        note: { type: 'string' },
        recordedBy: { type: 'string', required: true },
        recordedAt: { type: 'string', required: true },
      },
    },
    requestedAgencyId: { type: 'string' },
    requestedAgencyName: { type: 'string' },
    matchingRequestedAt: { type: 'string' },
    rejectionReason: { type: 'string' },
    history: { type: 'list', required: true, items: historyEntry },
    updatedAt: { type: 'string', required: true },
  },
  indexes: {
    byId: { pk: { field: 'pk', composite: ['applicationId'] }, sk: { field: 'sk', composite: [] } },
    byApplicant: {
      index: 'gsi1',
      pk: { field: 'gsi1pk', composite: ['applicantId'] },
      sk: { field: 'gsi1sk', composite: ['submittedAt', 'applicationId'] },
    },
    byBranch: {
      index: 'gsi2',
      pk: { field: 'gsi2pk', composite: ['branchId'] },
      sk: { field: 'gsi2sk', composite: ['status', 'submittedAt', 'applicationId'] },
    },
    byAgency: {
      index: 'gsi3',
      // sparse: written only once the branch has sent the matching request to an agency
      condition: (attributes) => attributes.requestedAgencyId !== undefined,
      pk: { field: 'gsi3pk', composite: ['requestedAgencyId'] },
      sk: { field: 'gsi3sk', composite: ['matchingRequestedAt'] },
    },
  },
});

export type ServiceApplicationItem = EntityItem<typeof ServiceApplication>;
