import { Entity, type EntityItem } from 'electrodb';
import { SERVICE_NAME } from '#commons/table';
import * as clock from '#kernel/clock';
import {
  AGREEMENT_SIDES,
  AGREEMENT_STATUSES,
  DOCUMENT_STAGES,
  ORGANISATION_KINDS,
  type OrganisationKind,
  SEAL_STATUSES,
} from './codes.ts';

/**
 * 수행기관 (agency) and 교육기관 (training institution): one entity, two kinds, because both are
 * organisations a branch designates and the portal lists by region.
 * Access patterns: by id; public directory by kind + 시/도 (+ 시/군/구); a branch's organisations.
 */
export const Organisation = new Entity({
  model: { entity: 'organisation', version: '1', service: SERVICE_NAME },
  attributes: {
    organisationId: { type: 'string', required: true },
    kind: { type: ORGANISATION_KINDS, required: true },
    name: { type: 'string', required: true },
    branchId: { type: 'string', required: true },
    sidoCode: { type: 'string', required: true },
    sidoName: { type: 'string', required: true },
    sigunguCode: { type: 'string', required: true },
    sigunguName: { type: 'string', required: true },
    address: { type: 'string', required: true },
    postalCode: { type: 'string' },
    /** the organisation's public phone (not a person's) */
    phone: { type: 'string', required: true },
    representative: { type: 'string', required: true },
    /** 사업자등록번호 123-45-67890 */
    businessNumber: { type: 'string' },
    addressDetail: { type: 'string' },
    fax: { type: 'string' },
    /** the organisation's own e-mail (not a person's) */
    email: { type: 'string' },
    /** the people the branch deals with (담당자): personal data, never in the public directory */
    contacts: {
      type: 'list',
      items: {
        type: 'map',
        properties: {
          name: { type: 'string', required: true },
          position: { type: 'string' },
          phone: { type: 'string', required: true },
          email: { type: 'string' },
        },
      },
    },
    bankName: { type: 'string' },
    bankAccount: { type: 'string' },
    bankHolder: { type: 'string' },
    /** years the branch designated it (지정 연도) */
    designatedYears: { type: 'list', items: { type: 'number' }, default: () => [] },
    /** bumped on every edit; an edit names the revision it read (conditional write, no lost updates) */
    revision: { type: 'number', default: 0 },
    updatedBy: { type: 'string' },
    createdAt: { type: 'string', required: true, readOnly: true, default: () => clock.nowIso() },
    updatedAt: {
      type: 'string',
      required: true,
      watch: '*',
      default: () => clock.nowIso(),
      set: () => clock.nowIso(),
    },
  },
  indexes: {
    byId: {
      pk: { field: 'pk', composite: ['organisationId'] },
      sk: { field: 'sk', composite: [] },
    },
    byRegion: {
      index: 'gsi1',
      pk: { field: 'gsi1pk', composite: ['kind', 'sidoCode'] },
      sk: { field: 'gsi1sk', composite: ['sigunguCode', 'name', 'organisationId'] },
    },
    byBranch: {
      index: 'gsi2',
      pk: { field: 'gsi2pk', composite: ['branchId'] },
      sk: { field: 'gsi2sk', composite: ['kind', 'name', 'organisationId'] },
    },
  },
});

export type OrganisationItem = EntityItem<typeof Organisation>;
export type { OrganisationKind };

/**
 * One version of an organisation's seal (직인), or of KEAD's own (organisationId 'KEAD'). The image
 * is copied into the documents bucket when it is submitted, so it outlives the upload. History: every
 * version of one organisation in one partition; the branch's queue: its partition of gsi1 by status.
 */
export const Seal = new Entity({
  model: { entity: 'seal', version: '1', service: SERVICE_NAME },
  attributes: {
    organisationId: { type: 'string', required: true },
    version: { type: 'number', required: true },
    /** the branch that decides it ('HQ' for KEAD's own seal) */
    branchId: { type: 'string', required: true },
    organisationName: { type: 'string', required: true },
    status: { type: SEAL_STATUSES, required: true },
    /** documents-bucket key of the image */
    imageKey: { type: 'string', required: true },
    contentType: { type: 'string', required: true },
    size: { type: 'number', required: true },
    sha256: { type: 'string', required: true },
    fileName: { type: 'string', required: true },
    requestedBy: { type: 'string', required: true },
    requestedAt: { type: 'string', required: true },
    decidedBy: { type: 'string' },
    decidedAt: { type: 'string' },
    reason: { type: 'string' },
    retiredAt: { type: 'string' },
  },
  indexes: {
    byOrganisation: {
      pk: { field: 'pk', composite: ['organisationId'] },
      sk: { field: 'sk', composite: ['version'] },
    },
    byBranch: {
      index: 'gsi1',
      pk: { field: 'gsi1pk', composite: ['branchId'] },
      sk: { field: 'gsi1sk', composite: ['status', 'requestedAt', 'organisationId', 'version'] },
    },
  },
});

export type SealItem = EntityItem<typeof Seal>;

const agreementDocument = {
  type: 'map',
  properties: {
    number: { type: 'number', required: true },
    stage: { type: DOCUMENT_STAGES, required: true },
    key: { type: 'string', required: true },
    sha256: { type: 'string', required: true },
    size: { type: 'number', required: true },
    createdAt: { type: 'string', required: true },
    createdBy: { type: 'string', required: true },
  },
} as const;

const agreementEvent = {
  type: 'map',
  properties: {
    at: { type: 'string', required: true },
    action: { type: 'string', required: true },
    actorId: { type: 'string', required: true },
    side: { type: AGREEMENT_SIDES, required: true },
    status: { type: 'string', required: true },
    note: { type: 'string' },
  },
} as const;

/**
 * A yearly agreement (전자 약정) between KEAD (the branch) and one agency. agreementId is
 * `${year}-${organisationId}-${revision}`: one series per organisation and year, a reissue is the next
 * revision. Every PDF ever generated for it is listed in `documents` with its SHA-256; the list only
 * grows. Lists: an organisation's agreements (gsi1), a branch's agreements by year (gsi2).
 */
export const Agreement = new Entity({
  model: { entity: 'agreement', version: '1', service: SERVICE_NAME },
  attributes: {
    agreementId: { type: 'string', required: true },
    organisationId: { type: 'string', required: true },
    organisationName: { type: 'string', required: true },
    branchId: { type: 'string', required: true },
    year: { type: 'number', required: true },
    revision: { type: 'number', required: true },
    status: {
      type: AGREEMENT_STATUSES,
      required: true,
    },
    /** counts every change, for conditional writes */
    version: { type: 'number', required: true },
    periodStart: { type: 'string', required: true },
    periodEnd: { type: 'string', required: true },
    budget: { type: 'number', required: true },
    assistantQuota: { type: 'number', required: true },
    workerQuota: { type: 'number', required: true },
    operatingCostRate: { type: 'number', required: true },
    specialTerms: { type: 'string' },
    /** the parties as they stand on the documents (names frozen at issue) */
    agencyRepresentative: { type: 'string' },
    agencyAddress: { type: 'string' },
    agencyBusinessNumber: { type: 'string' },
    keadOffice: { type: 'string' },
    /** the seal versions stamped on the documents */
    keadSealVersion: { type: 'number' },
    agencySealVersion: { type: 'number' },
    supersedes: { type: 'string' },
    /** the reissue drafted from this agreement, while it is open or once it replaced this one */
    replacementId: { type: 'string' },
    supersededBy: { type: 'string' },
    returnReason: { type: 'string' },
    issuedAt: { type: 'string' },
    stampedAt: { type: 'string' },
    documents: { type: 'list', items: agreementDocument, required: true, default: () => [] },
    events: { type: 'list', items: agreementEvent, required: true, default: () => [] },
    createdBy: { type: 'string', required: true },
    createdAt: { type: 'string', required: true, readOnly: true, default: () => clock.nowIso() },
    updatedAt: {
      type: 'string',
      required: true,
      watch: '*',
      default: () => clock.nowIso(),
      set: () => clock.nowIso(),
    },
  },
  indexes: {
    byId: {
      pk: { field: 'pk', composite: ['agreementId'] },
      sk: { field: 'sk', composite: [] },
    },
    byOrganisation: {
      index: 'gsi1',
      pk: { field: 'gsi1pk', composite: ['organisationId'] },
      sk: { field: 'gsi1sk', composite: ['year', 'revision'] },
    },
    byBranch: {
      index: 'gsi2',
      pk: { field: 'gsi2pk', composite: ['branchId'] },
      sk: { field: 'gsi2sk', composite: ['year', 'organisationId', 'revision'] },
    },
  },
});

export type AgreementItem = EntityItem<typeof Agreement>;
