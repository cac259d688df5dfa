import { z } from 'zod';
import { idField, textField } from '#kernel/fields';
import { TERMS_LABELS, termsFields } from './agreement-template.ts';
import { AGREEMENT_ACTIONS, AGREEMENT_SIDES, AGREEMENT_STATUSES, DOCUMENT_STAGES } from './codes.ts';
import { officeQuery } from './organisation-contract.ts';

// The agreement sub-domain's contract (A3: the yearly electronic agreement): what its routes take and
// answer. The web infers its types from here.

export { TERMS_LABELS };

export const agreementParams = z.object({
  agreementId: idField('약정 번호', 80),
});
export const versionBody = z.object({
  version: z.number({ error: '약정서를 새로 고친 뒤 다시 시도해 주세요.' }).int().min(1),
});
export const yearQuery = z.coerce
  .number({ error: '연도는 2026처럼 숫자 네 자리로 입력해 주세요.' })
  .int()
  .min(2000, { error: '연도는 2000년 이후로 골라 주세요.' })
  .max(2100, { error: '연도를 다시 골라 주세요.' })
  .optional();

export const agreementsQuery = z.object({ branchId: officeQuery, year: yearQuery });

export const draftBody = termsFields.extend({
  organisationId: idField('수행기관', 40),
  year: z.number({ error: '약정 연도를 골라 주세요.' }).int({ error: '약정 연도를 골라 주세요.' }),
});

export const editAgreementBody = termsFields.extend(versionBody.shape);

export const returnAgreementBody = versionBody.extend({
  reason: textField('반송 사유', {
    min: 1,
    max: 500,
    multiline: true,
    messages: {
      min: '지사가 무엇을 고쳐야 하는지 반송 사유를 입력해 주세요.',
      max: '반송 사유는 500자 이하로 입력해 주세요.',
    },
  }),
});

export const documentParams = agreementParams.extend({
  number: z.coerce.number({ error: '문서 번호가 올바르지 않습니다.' }).int().min(1),
});

/** An agreement as both sides' screens show it: the actions are those the viewer's side may take. */
export const agreementView = z.object({
  agreementId: z.string(),
  organisationId: z.string(),
  organisationName: z.string(),
  branchId: z.string(),
  branchName: z.string(),
  year: z.number(),
  revision: z.number(),
  status: z.enum(AGREEMENT_STATUSES),
  statusLabel: z.string(),
  version: z.number(),
  periodStart: z.string(),
  periodEnd: z.string(),
  budget: z.number(),
  assistantQuota: z.number(),
  workerQuota: z.number(),
  operatingCostRate: z.number(),
  specialTerms: z.string().optional(),
  agencyRepresentative: z.string().optional(),
  agencyAddress: z.string().optional(),
  agencyBusinessNumber: z.string().optional(),
  keadOffice: z.string().optional(),
  keadSealVersion: z.number().optional(),
  agencySealVersion: z.number().optional(),
  supersedes: z.string().optional(),
  replacementId: z.string().optional(),
  supersededBy: z.string().optional(),
  returnReason: z.string().optional(),
  issuedAt: z.string().optional(),
  stampedAt: z.string().optional(),
  actions: z.array(z.enum(AGREEMENT_ACTIONS)),
  actionLabels: z.record(z.enum(AGREEMENT_ACTIONS), z.string()),
  documents: z.array(
    z.object({
      number: z.number(),
      stage: z.enum(DOCUMENT_STAGES),
      stageLabel: z.string(),
      sha256: z.string(),
      size: z.number(),
      createdAt: z.string(),
      createdBy: z.string(),
    }),
  ),
  events: z.array(
    z.object({
      at: z.string(),
      action: z.string(),
      actorId: z.string(),
      side: z.enum(AGREEMENT_SIDES),
      status: z.string(),
      note: z.string().optional(),
    }),
  ),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type AgreementView = z.output<typeof agreementView>;

export const agreementList = z.object({ items: z.array(agreementView), count: z.number() });

/** A short-lived address that downloads one PDF of the agreement, with its hash. */
export const documentDownload = z.object({
  url: z.string(),
  fileName: z.string(),
  sha256: z.string(),
  size: z.number(),
  expiresInSeconds: z.number(),
});
export type DocumentDownload = z.output<typeof documentDownload>;
