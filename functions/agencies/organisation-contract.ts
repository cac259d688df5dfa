import { z } from 'zod';
import { BRANCHES, HEADQUARTERS } from '#commons/branches';
import { SIDO_CODES, sigunguBelongsTo } from '#commons/regions';
import { idField, textField } from '#kernel/fields';
import { ORGANISATION_KINDS } from './codes.ts';

// The organisation sub-domain's contract (A1: the public directory and the registry): what its routes
// take and answer. Seals and agreements build on its params. The web infers its types from here.

/** Head office and every branch: the offices a list can be asked for. */
export const OFFICE_IDS: string[] = [HEADQUARTERS.branchId, ...BRANCHES.map((b) => b.branchId)];

export const organisationParams = z.object({
  organisationId: idField('기관 번호', 40),
});

export const officeQuery = z
  .enum(OFFICE_IDS as [string, ...string[]], { error: '지사를 목록에서 골라 주세요.' })
  .optional();

export const directoryQuery = z
  .object({
    kind: z
      .enum(ORGANISATION_KINDS, {
        error: '기관 종류는 수행기관(agency) 또는 교육기관(institution) 중에서 골라 주세요.',
      })
      .default('agency'),
    sido: z.enum(SIDO_CODES, { error: '시/도는 목록에 있는 시/도 중에서 골라 주세요.' }).optional(),
    sigungu: z
      .string()
      .max(5, { error: '시/군/구 코드는 숫자 5자리여야 합니다. 목록에서 골라 주세요.' })
      .regex(/^\d{5}$/, { error: '시/군/구 코드는 숫자 5자리여야 합니다. 목록에서 골라 주세요.' })
      .optional(),
    name: textField('기관명', { max: 50, messages: { max: '기관명은 50자 이하로 입력해 주세요.' } }).optional(),
  })
  .refine((q) => !q.sigungu || (q.sido !== undefined && sigunguBelongsTo(q.sigungu, q.sido)), {
    error: '시/군/구를 고르려면 먼저 그 시/군/구가 속한 시/도를 골라 주세요.',
    path: ['sigungu'],
  });

/** What the public portal may show of an organisation: no personal data, only the organisation's own. */
export const directoryEntry = z.object({
  organisationId: z.string(),
  kind: z.enum(ORGANISATION_KINDS),
  name: z.string(),
  sidoCode: z.string(),
  sidoName: z.string(),
  sigunguCode: z.string(),
  sigunguName: z.string(),
  address: z.string(),
  phone: z.string(),
  designatedYears: z.array(z.number()),
});

export type DirectoryEntry = z.output<typeof directoryEntry>;

export const directoryResponse = z.object({ items: z.array(directoryEntry), count: z.number() });
export type DirectoryResponse = z.output<typeof directoryResponse>;

export const organisationsQuery = z.object({
  branchId: officeQuery,
  kind: z.enum(ORGANISATION_KINDS, { error: '기관 종류를 목록에서 골라 주세요.' }).optional(),
});

const contact = z.object({
  name: z.string(),
  position: z.string().optional(),
  phone: z.string(),
  email: z.string().optional(),
});

/** Everything the registry holds about an organisation: for its branch, hq and its own staff. */
export const organisationView = z.object({
  organisationId: z.string(),
  kind: z.enum(ORGANISATION_KINDS),
  name: z.string(),
  branchId: z.string(),
  branchName: z.string(),
  businessNumber: z.string().optional(),
  representative: z.string(),
  sidoCode: z.string(),
  sidoName: z.string(),
  sigunguCode: z.string(),
  sigunguName: z.string(),
  postalCode: z.string().optional(),
  address: z.string(),
  addressDetail: z.string().optional(),
  phone: z.string(),
  fax: z.string().optional(),
  email: z.string().optional(),
  contacts: z.array(contact),
  bankName: z.string().optional(),
  bankAccount: z.string().optional(),
  bankHolder: z.string().optional(),
  designatedYears: z.array(z.number()),
  revision: z.number(),
  updatedAt: z.string(),
  updatedBy: z.string().optional(),
});
export type OrganisationView = z.output<typeof organisationView>;

/** A row of the internal list: the representative's name masked, no contacts or account. */
export const organisationSummary = z.object({
  organisationId: z.string(),
  kind: z.enum(ORGANISATION_KINDS),
  name: z.string(),
  branchId: z.string(),
  branchName: z.string(),
  representative: z.string(),
  sidoName: z.string(),
  sigunguName: z.string(),
  phone: z.string(),
  designatedYears: z.array(z.number()),
  updatedAt: z.string(),
});
export type OrganisationSummary = z.output<typeof organisationSummary>;

export const organisationList = z.object({ items: z.array(organisationSummary), count: z.number() });
