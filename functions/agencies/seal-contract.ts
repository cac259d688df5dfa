import { z } from 'zod';
import { textField } from '#kernel/fields';
import { SEAL_STATUSES } from './codes.ts';
import { officeQuery, organisationParams } from './organisation-contract.ts';

// The seal sub-domain's contract (A2: organisations' seals and KEAD's own): what its routes take and answer.

export const sealParams = organisationParams.extend({
  version: z.coerce.number({ error: '직인 번호가 올바르지 않습니다.' }).int().min(1),
});
export const sealUploadBody = z.object({ uploadId: z.uuid({ error: '직인 이미지를 먼저 올려 주세요.' }) });
export const keadSealUploadBody = z.object({ uploadId: z.uuid({ error: '공단 직인 이미지를 먼저 올려 주세요.' }) });

export const sealRequestsQuery = z.object({
  branchId: officeQuery,
  status: z.enum([...SEAL_STATUSES, 'all'], { error: '처리 상태를 목록에서 골라 주세요.' }).default('requested'),
});

export const sealDecisionBody = z
  .object({
    decision: z.enum(['approve', 'reject'], { error: '승인 또는 반려 중 하나를 골라 주세요.' }),
    reason: textField('반려 사유', {
      max: 500,
      multiline: true,
      messages: { max: '반려 사유는 500자 이하로 입력해 주세요.' },
    }).optional(),
  })
  .refine((d) => d.decision === 'approve' || (d.reason ?? '').length > 0, {
    error: '반려할 때는 수행기관이 고칠 수 있도록 반려 사유를 입력해 주세요.',
    path: ['reason'],
  });

/** One seal version with a short-lived address of its image. */
export const sealView = z.object({
  organisationId: z.string(),
  organisationName: z.string(),
  branchId: z.string(),
  version: z.number(),
  status: z.enum(SEAL_STATUSES),
  statusLabel: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number(),
  sha256: z.string(),
  requestedBy: z.string(),
  requestedAt: z.string(),
  decidedBy: z.string().optional(),
  decidedAt: z.string().optional(),
  reason: z.string().optional(),
  retiredAt: z.string().optional(),
  imageUrl: z.string(),
});
export type SealView = z.output<typeof sealView>;

export const sealList = z.object({ items: z.array(sealView), count: z.number() });
