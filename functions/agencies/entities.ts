import { Entity, type EntityItem } from 'electrodb';
import { SERVICE_NAME } from '#commons/table';

/**
 * 수행기관 (agency) and 교육기관 (training institution): one entity, two kinds, because both are
 * organisations a branch designates and the portal lists by region.
 * Access patterns: by id; public directory by kind + 시/도 (+ 시/군/구); a branch's organisations.
 */
export const Organisation = new Entity({
  model: { entity: 'organisation', version: '1', service: SERVICE_NAME },
  attributes: {
    organisationId: { type: 'string', required: true },
    kind: { type: ['agency', 'institution'] as const, required: true },
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
    bankName: { type: 'string' },
    bankAccount: { type: 'string' },
    bankHolder: { type: 'string' },
    /** years the branch designated it (지정 연도) */
    designatedYears: { type: 'list', items: { type: 'number' }, default: () => [] },
    createdAt: { type: 'string', required: true, readOnly: true, default: () => new Date().toISOString() },
    updatedAt: {
      type: 'string',
      required: true,
      watch: '*',
      default: () => new Date().toISOString(),
      set: () => new Date().toISOString(),
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
export type OrganisationKind = 'agency' | 'institution';
