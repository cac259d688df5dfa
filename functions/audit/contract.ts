import { z } from 'zod';
import { dayField } from '#kernel/fields';

// The audit capability's contract: what its routes take and answer. The web infers its types from here.

/** How an audited action ended (one list: the entity's enum and the screens derive from it). */
export const AUDIT_OUTCOMES = ['success', 'denied', 'failed'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

const day = dayField('날짜');

/** A login ID to search by, or nothing (an empty box). */
const loginId = (label: string) =>
  z
    .string()
    .trim()
    .max(64, { error: `${label}은(는) 64자 이하입니다.` })
    .regex(/^[A-Za-z0-9_.@+-]*$/, { error: `${label}은(는) 영어, 숫자, 밑줄(_)로 된 아이디로 입력해 주세요.` })
    .optional();

export const auditSearchQuery = z
  .object({
    subject: loginId('정보 주체(아이디)'),
    actor: loginId('처리자(아이디)'),
    from: day,
    to: day,
  })
  .refine((q) => q.from <= q.to, { error: '시작일이 종료일보다 늦습니다. 기간을 다시 골라 주세요.', path: ['from'] });

/** One audit record as the search answers it (never the personal data itself). */
export const auditRecord = z.object({
  auditId: z.string(),
  at: z.string(),
  day: z.string(),
  actorId: z.string(),
  actorRole: z.string(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string(),
  subjectId: z.string(),
  /** every person a list read named (the first is subjectId) */
  subjectIds: z.array(z.string()).optional(),
  branchId: z.string().optional(),
  outcome: z.enum(AUDIT_OUTCOMES),
  sourceIp: z.string(),
  reason: z.string().optional(),
  expiresAt: z.number(),
});
export type AuditRecord = z.output<typeof auditRecord>;

export const auditSearchResponse = z.object({ items: z.array(auditRecord), count: z.number() });
export type AuditSearchResponse = z.output<typeof auditSearchResponse>;
