import { Entity, type EntityItem } from 'electrodb';
import { SERVICE_NAME } from '#commons/table';
import {
  ACTIVITY_APPLICATION_STATUSES,
  CHECK_RESULTS,
  FINDING_RESULTS,
  GENDERS,
  POSTING_STATUSES,
  SELF_DECLARATION_ANSWERS,
} from './codes.ts';
import { ASSISTANT_STATUSES } from './rules.ts';

const enrolment = {
  type: 'map',
  properties: { enrolledOn: { type: 'string' }, lostOn: { type: 'string' } },
} as const;

const career = {
  type: 'map',
  properties: {
    from: { type: 'string', required: true },
    to: { type: 'string', required: true },
    supportType: { type: 'string', required: true },
    note: { type: 'string' },
  },
} as const;

const disability = {
  type: 'map',
  properties: { has: { type: 'boolean', required: true }, type: { type: 'string' } },
} as const;

const findings = {
  type: 'map',
  required: true,
  properties: {
    mentalIllness: { type: FINDING_RESULTS, required: true },
    drugAddiction: { type: FINDING_RESULTS, required: true },
    guardianship: { type: FINDING_RESULTS, required: true },
    unservedSentence: { type: FINDING_RESULTS, required: true },
    sexualOffence: { type: FINDING_RESULTS, required: true },
  },
} as const;

/**
 * 근로지원인 (SPEC B2), registered by the agency that employs them. The resident number is stored only
 * encrypted (rrnCipher) with a keyed hash (rrnMac) to find the same person, and its masked form.
 * Every change rewrites the item with a condition on `revision`.
 * Access patterns: by id; an agency's, by status; a branch's, by agency and status (workforce
 * lookup); a portal login's registrations (sparse).
 */
export const Assistant = new Entity({
  model: { entity: 'assistant', version: '1', service: SERVICE_NAME },
  attributes: {
    assistantId: { type: 'string', required: true },
    agencyId: { type: 'string', required: true },
    agencyName: { type: 'string', required: true },
    branchId: { type: 'string', required: true },
    name: { type: 'string', required: true },
    rrnCipher: { type: 'string', required: true },
    rrnMac: { type: 'string', required: true },
    rrnMasked: { type: 'string', required: true },
    birthDate: { type: 'string', required: true },
    gender: { type: GENDERS, required: true },
    mobilePhone: { type: 'string', required: true },
    email: { type: 'string' },
    address: { type: 'string' },
    /** the person's portal login (아이디), when they have one: their activity logs hang off it */
    userId: { type: 'string' },
    disability: { ...disability, required: true },
    qualifications: { type: 'list', items: { type: 'string' }, required: true },
    careers: { type: 'list', items: career, required: true },
    hireDate: { type: 'string', required: true },
    leaveDate: { type: 'string' },
    status: { type: ASSISTANT_STATUSES, required: true },
    statusHistory: {
      type: 'list',
      required: true,
      items: {
        type: 'map',
        properties: {
          status: { type: ASSISTANT_STATUSES, required: true },
          on: { type: 'string', required: true },
          reason: { type: 'string' },
          by: { type: 'string', required: true },
          at: { type: 'string', required: true },
        },
      },
    },
    insurances: {
      type: 'map',
      required: true,
      properties: { pension: enrolment, health: enrolment, employment: enrolment, industrialAccident: enrolment },
    },
    qualificationChecks: {
      type: 'list',
      required: true,
      items: {
        type: 'map',
        properties: {
          checkId: { type: 'string', required: true },
          checkedOn: { type: 'string', required: true },
          findings,
          result: { type: CHECK_RESULTS, required: true },
          evidenceUploadId: { type: 'string', required: true },
          evidenceFileName: { type: 'string', required: true },
          evidenceSha256: { type: 'string' },
          /** where the evidence is kept (documents bucket: pending uploads expire after a day) */
          evidenceKey: { type: 'string' },
          evidenceContentType: { type: 'string' },
          note: { type: 'string' },
          by: { type: 'string', required: true },
          at: { type: 'string', required: true },
        },
      },
    },
    /** the activity application (활동 신청) it was converted from, if any */
    sourceApplicationId: { type: 'string' },
    revision: { type: 'number', required: true },
    createdAt: { type: 'string', required: true },
    updatedAt: { type: 'string', required: true },
  },
  indexes: {
    byId: { pk: { field: 'pk', composite: ['assistantId'] }, sk: { field: 'sk', composite: [] } },
    byAgency: {
      index: 'gsi1',
      pk: { field: 'gsi1pk', composite: ['agencyId'] },
      sk: { field: 'gsi1sk', composite: ['status', 'assistantId'] },
    },
    byBranch: {
      index: 'gsi2',
      pk: { field: 'gsi2pk', composite: ['branchId'] },
      sk: { field: 'gsi2sk', composite: ['agencyId', 'status', 'assistantId'] },
    },
    byUser: {
      index: 'gsi3',
      // sparse: only assistants linked to a portal login
      condition: (attributes) => attributes.userId !== undefined,
      pk: { field: 'gsi3pk', composite: ['userId'] },
      sk: { field: 'gsi3sk', composite: [] },
    },
  },
});

export type AssistantItem = EntityItem<typeof Assistant>;

/**
 * One person (by the keyed hash of the resident number) employed at one agency at a time: this item
 * is created in the same transaction as the registration, only if absent, and removed when the
 * assistant leaves (퇴사). Two agencies registering the same person at once cannot both succeed.
 */
export const AssistantRrnClaim = new Entity({
  model: { entity: 'assistantRrnClaim', version: '1', service: SERVICE_NAME },
  attributes: {
    rrnMac: { type: 'string', required: true },
    assistantId: { type: 'string', required: true },
    agencyId: { type: 'string', required: true },
    claimedAt: { type: 'string', required: true },
  },
  indexes: {
    byMac: { pk: { field: 'pk', composite: ['rrnMac'] }, sk: { field: 'sk', composite: [] } },
  },
});

export type AssistantRrnClaimItem = EntityItem<typeof AssistantRrnClaim>;

/**
 * 구인정보 (SPEC B4): an agency's opening. The portal searches every agency's postings by 시/도 (one
 * Query per 시/도 partition, open ones by key prefix).
 */
export const JobPosting = new Entity({
  model: { entity: 'jobPosting', version: '1', service: SERVICE_NAME },
  attributes: {
    postingId: { type: 'string', required: true },
    agencyId: { type: 'string', required: true },
    agencyName: { type: 'string', required: true },
    agencyPhone: { type: 'string', required: true },
    branchId: { type: 'string', required: true },
    title: { type: 'string', required: true },
    sidoCode: { type: 'string', required: true },
    sidoName: { type: 'string', required: true },
    /** 근무지: 시/군/구 and neighbourhood as people write it */
    area: { type: 'string', required: true },
    supportType: { type: 'string', required: true },
    workStart: { type: 'string', required: true },
    workEnd: { type: 'string', required: true },
    weeklyHours: { type: 'number', required: true },
    openings: { type: 'number', required: true },
    description: { type: 'string', required: true },
    postedOn: { type: 'string', required: true },
    closesOn: { type: 'string', required: true },
    status: { type: POSTING_STATUSES, required: true },
    revision: { type: 'number', required: true },
    createdBy: { type: 'string', required: true },
  },
  indexes: {
    byId: { pk: { field: 'pk', composite: ['postingId'] }, sk: { field: 'sk', composite: [] } },
    byAgency: {
      index: 'gsi1',
      pk: { field: 'gsi1pk', composite: ['agencyId'] },
      sk: { field: 'gsi1sk', composite: ['postedOn', 'postingId'] },
    },
    byRegion: {
      index: 'gsi2',
      pk: { field: 'gsi2pk', composite: ['sidoCode'] },
      sk: { field: 'gsi2sk', composite: ['status', 'closesOn', 'postingId'] },
    },
  },
});

export type JobPostingItem = EntityItem<typeof JobPosting>;

/**
 * 근로지원인 활동 신청 (SPEC B4): every field of seed 000's screen, the self-declaration, the career
 * history, and what the registry needs so that an accepted applicant is registered without retyping
 * (the resident number arrives encrypted and stays so).
 */
export const ActivityApplication = new Entity({
  model: { entity: 'activityApplication', version: '1', service: SERVICE_NAME },
  attributes: {
    activityApplicationId: { type: 'string', required: true },
    applicantId: { type: 'string', required: true },
    name: { type: 'string', required: true },
    /** E.164, from the verified login */
    phone: { type: 'string', required: true },
    email: { type: 'string' },
    address: { type: 'string', required: true },
    rrnCipher: { type: 'string', required: true },
    rrnMac: { type: 'string', required: true },
    rrnMasked: { type: 'string', required: true },
    birthDate: { type: 'string', required: true },
    gender: { type: GENDERS, required: true },
    disability: { ...disability, required: true },
    agencyId: { type: 'string', required: true },
    agencyName: { type: 'string', required: true },
    branchId: { type: 'string', required: true },
    postingId: { type: 'string' },
    postingTitle: { type: 'string' },
    desiredStart: { type: 'string', required: true },
    desiredEnd: { type: 'string', required: true },
    breakStart: { type: 'string' },
    breakEnd: { type: 'string' },
    desiredSidoCode: { type: 'string', required: true },
    desiredSidoName: { type: 'string', required: true },
    desiredArea: { type: 'string' },
    supportType: { type: 'string', required: true },
    qualification: { type: 'string', required: true },
    selfDeclaration: {
      type: 'map',
      required: true,
      properties: {
        answer: { type: SELF_DECLARATION_ANSWERS, required: true },
        confirmed: { type: 'boolean', required: true },
        statement: { type: 'string', required: true },
        declaredAt: { type: 'string', required: true },
      },
    },
    careers: { type: 'list', items: career, required: true },
    status: { type: ACTIVITY_APPLICATION_STATUSES, required: true },
    decidedBy: { type: 'string' },
    decidedAt: { type: 'string' },
    rejectionReason: { type: 'string' },
    assistantId: { type: 'string' },
    submittedAt: { type: 'string', required: true },
    revision: { type: 'number', required: true },
  },
  indexes: {
    byId: { pk: { field: 'pk', composite: ['activityApplicationId'] }, sk: { field: 'sk', composite: [] } },
    byApplicant: {
      index: 'gsi1',
      pk: { field: 'gsi1pk', composite: ['applicantId'] },
      sk: { field: 'gsi1sk', composite: ['submittedAt', 'activityApplicationId'] },
    },
    byAgency: {
      index: 'gsi2',
      pk: { field: 'gsi2pk', composite: ['agencyId'] },
      sk: { field: 'gsi2sk', composite: ['status', 'submittedAt', 'activityApplicationId'] },
    },
  },
});

export type ActivityApplicationItem = EntityItem<typeof ActivityApplication>;
