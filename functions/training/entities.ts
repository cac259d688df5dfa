import { Entity, type EntityItem } from 'electrodb';
import { SERVICE_NAME } from '#commons/table';
import {
  APPLICATION_STATES,
  COURSE_KIND_CODES,
  COURSE_METHOD_CODES,
  COURSE_STATUSES,
  DEFAULT_PASS_MARK,
} from './rules.ts';

/**
 * 교육과정 (SPEC E1): opened by a training institution, seen by its branch and hq, and (once open) on
 * the portal. `seatsTaken` counts the applications holding a seat; every change of it is conditional
 * on the value read, so two people cannot take the last seat.
 */
export const TrainingCourse = new Entity({
  model: { entity: 'trainingCourse', version: '1', service: SERVICE_NAME },
  attributes: {
    courseId: { type: 'string', required: true },
    institutionId: { type: 'string', required: true },
    institutionName: { type: 'string', required: true },
    branchId: { type: 'string', required: true },
    name: { type: 'string', required: true },
    kind: { type: COURSE_KIND_CODES, required: true },
    method: { type: COURSE_METHOD_CODES, required: true },
    sidoCode: { type: 'string', required: true },
    sidoName: { type: 'string', required: true },
    sigunguCode: { type: 'string', required: true },
    sigunguName: { type: 'string', required: true },
    place: { type: 'string', required: true },
    sessions: {
      type: 'list',
      required: true,
      items: {
        type: 'map',
        properties: {
          day: { type: 'string', required: true },
          start: { type: 'string', required: true },
          end: { type: 'string', required: true },
        },
      },
    },
    firstDay: { type: 'string', required: true },
    lastDay: { type: 'string', required: true },
    totalHours: { type: 'number', required: true },
    capacity: { type: 'number', required: true },
    seatsTaken: { type: 'number', required: true },
    applyFrom: { type: 'string', required: true },
    applyTo: { type: 'string', required: true },
    contactName: { type: 'string', required: true },
    contactPhone: { type: 'string', required: true },
    status: { type: COURSE_STATUSES, required: true },
    /** the institution's pass mark of its assessment (0–100) */
    passMark: { type: 'number', required: true, default: DEFAULT_PASS_MARK },
    /** set once the results are confirmed: they are locked from then on */
    resultsConfirmedAt: { type: 'string' },
    resultsConfirmedBy: { type: 'string' },
    /** 'public' once opened (the portal lists these), 'draft' before */
    listing: { type: ['draft', 'public'] as const, required: true },
    revision: { type: 'number', required: true },
    createdBy: { type: 'string', required: true },
    createdAt: { type: 'string', required: true },
  },
  indexes: {
    byId: { pk: { field: 'pk', composite: ['courseId'] }, sk: { field: 'sk', composite: [] } },
    byInstitution: {
      index: 'gsi1',
      pk: { field: 'gsi1pk', composite: ['institutionId'] },
      sk: { field: 'gsi1sk', composite: ['firstDay', 'courseId'] },
    },
    byBranch: {
      index: 'gsi2',
      pk: { field: 'gsi2pk', composite: ['branchId'] },
      sk: { field: 'gsi2sk', composite: ['firstDay', 'courseId'] },
    },
    byListing: {
      index: 'gsi3',
      pk: { field: 'gsi3pk', composite: ['listing'] },
      sk: { field: 'gsi3sk', composite: ['firstDay', 'courseId'] },
    },
  },
});

export type TrainingCourseItem = EntityItem<typeof TrainingCourse>;

/**
 * 교육 신청: the seed's fields (취업희망여부, 근무희망수행기관 up to three, 활동경력), the person's
 * contact details as given, and the consent to pass them to the agencies chosen.
 */
export const TrainingApplication = new Entity({
  model: { entity: 'trainingApplication', version: '1', service: SERVICE_NAME },
  attributes: {
    applicationId: { type: 'string', required: true },
    courseId: { type: 'string', required: true },
    courseName: { type: 'string', required: true },
    institutionId: { type: 'string', required: true },
    branchId: { type: 'string', required: true },
    applicantId: { type: 'string', required: true },
    name: { type: 'string', required: true },
    /** E.164, from the verified login */
    phone: { type: 'string', required: true },
    birthDate: { type: 'string', required: true },
    gender: { type: ['M', 'F'] as const, required: true },
    email: { type: 'string' },
    address: { type: 'string', required: true },
    employmentWish: { type: 'boolean', required: true },
    wishedAgencies: {
      type: 'list',
      required: true,
      items: {
        type: 'map',
        properties: {
          agencyId: { type: 'string', required: true },
          agencyName: { type: 'string', required: true },
        },
      },
    },
    career: { type: 'string' },
    consentToAgencies: { type: 'boolean', required: true },
    consentAt: { type: 'string', required: true },
    state: { type: APPLICATION_STATES, required: true },
    refusalReason: { type: 'string' },
    /** the session days the trainee attended (교육결과) */
    attendedDays: { type: 'list', items: { type: 'string' } },
    /** the institution's assessment, 0–100 */
    score: { type: 'number' },
    /** set when the course's results are confirmed */
    completed: { type: 'boolean' },
    completedOn: { type: 'string' },
    /** 수료증 번호 (TrainingCertificate), issued with the confirmed completion */
    certificateNumber: { type: 'string' },
    appliedAt: { type: 'string', required: true },
    decidedAt: { type: 'string' },
    decidedBy: { type: 'string' },
    revision: { type: 'number', required: true },
  },
  indexes: {
    byId: { pk: { field: 'pk', composite: ['applicationId'] }, sk: { field: 'sk', composite: [] } },
    byCourse: {
      index: 'gsi1',
      pk: { field: 'gsi1pk', composite: ['courseId'] },
      sk: { field: 'gsi1sk', composite: ['appliedAt', 'applicationId'] },
    },
    byApplicant: {
      index: 'gsi2',
      pk: { field: 'gsi2pk', composite: ['applicantId'] },
      sk: { field: 'gsi2sk', composite: ['appliedAt', 'applicationId'] },
    },
  },
});

export type TrainingApplicationItem = EntityItem<typeof TrainingApplication>;

/**
 * 수료증 (SPEC E1/E2): issued to each completer when the institution confirms the results. Keyed by its
 * number, so anyone holding a certificate can check it on the portal; the number is random (not
 * guessable from another) and the item holds only what the certificate itself shows.
 */
export const TrainingCertificate = new Entity({
  model: { entity: 'trainingCertificate', version: '1', service: SERVICE_NAME },
  attributes: {
    certificateNumber: { type: 'string', required: true },
    applicationId: { type: 'string', required: true },
    applicantId: { type: 'string', required: true },
    name: { type: 'string', required: true },
    birthDate: { type: 'string', required: true },
    courseId: { type: 'string', required: true },
    courseName: { type: 'string', required: true },
    courseKind: { type: 'string', required: true },
    institutionName: { type: 'string', required: true },
    firstDay: { type: 'string', required: true },
    lastDay: { type: 'string', required: true },
    totalHours: { type: 'number', required: true },
    completedOn: { type: 'string', required: true },
    issuedAt: { type: 'string', required: true },
    /** withdrawn when a corrected result no longer completes: the check on the portal says so */
    revokedAt: { type: 'string' },
    revokedReason: { type: 'string' },
  },
  indexes: {
    byNumber: { pk: { field: 'pk', composite: ['certificateNumber'] }, sk: { field: 'sk', composite: [] } },
  },
});

export type TrainingCertificateItem = EntityItem<typeof TrainingCertificate>;
