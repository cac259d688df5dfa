import { z } from 'zod';
import { BRANCHES } from '#commons/branches';
import { idField, textField, tokenField } from '#kernel/fields';
import { SIGN_UP_FIELDS } from './account-contract.ts';
import { nameSchema, phoneSchema, USERNAME_PATTERN, usernameSchema } from './account-rules.ts';

// The staff sub-domain's contract (staff account requests, their decision, branch staff): what its
// routes take and answer.

/** Where a staff account request stands: submitted → phoneConfirmed → approved | rejected. */
export const STAFF_REQUEST_STATUSES = ['submitted', 'phoneConfirmed', 'approved', 'rejected'] as const;
/** The roles a staff account request may ask for (agency or training-institution staff). */
export const STAFF_REQUEST_ROLES = ['agency', 'trainer'] as const;

const BRANCH_IDS = BRANCHES.map((b) => b.branchId) as [string, ...string[]];

export const staffRequestBody = z.object({
  ...SIGN_UP_FIELDS,
  organisationId: idField('소속 기관', 40),
  position: textField('직위', { min: 1, max: 40, messages: { required: '직위를 입력해 주세요.' } }),
  duties: textField('담당 업무', {
    min: 1,
    max: 200,
    multiline: true,
    messages: { required: '담당 업무를 입력해 주세요.', max: '담당 업무는 200자 이하로 입력해 주세요.' },
  }),
  pledgeUploadId: z.uuid({ error: '보안서약서 파일을 올려 주세요.' }),
  pledgeUploadSecret: tokenField('보안서약서 확인값', {
    min: 10,
    max: 100,
    message: '보안서약서 파일을 다시 올려 주세요.',
  }),
  consents: z.object({
    privacy: z.literal(true, { error: '[필수] 개인정보 수집·이용에 동의해야 신청할 수 있습니다.' }),
  }),
});

export const decisionBody = z
  .object({
    decision: z.enum(['approve', 'reject'], { error: '승인 또는 반려 중 하나를 골라 주세요.' }),
    reason: textField('사유', {
      max: 500,
      multiline: true,
      messages: { max: '사유는 500자 이하로 입력해 주세요.' },
    }).optional(),
  })
  .refine((d) => d.decision === 'approve' || (d.reason ?? '').length > 0, {
    error: '반려할 때는 신청자가 알 수 있도록 사유를 입력해 주세요.',
    path: ['reason'],
  });

export const staffRequestsQuery = z.object({
  branchId: idField('지사', 40).optional(),
  status: z.enum(STAFF_REQUEST_STATUSES).optional(),
});

export const staffRequestParams = z.object({ userId: idField('계정 신청', 20, USERNAME_PATTERN) });

export const branchStaffBody = z.object({
  username: usernameSchema,
  name: nameSchema,
  phone: phoneSchema,
  branchId: z.enum(BRANCH_IDS, { error: '목록에 있는 지사를 골라 주세요.' }),
});

/** A staff account request as the branch's list shows it. */
export const staffRequest = z.object({
  userId: z.string(),
  organisationId: z.string(),
  organisationName: z.string(),
  role: z.enum(STAFF_REQUEST_ROLES),
  branchId: z.string(),
  position: z.string(),
  duties: z.string(),
  pledgeUploadId: z.string(),
  status: z.enum(STAFF_REQUEST_STATUSES),
  reason: z.string().optional(),
  decidedBy: z.string().optional(),
  decidedAt: z.string().optional(),
  createdAt: z.string(),
});
export type StaffRequestView = z.output<typeof staffRequest>;

export const staffRequestList = z.object({ items: z.array(staffRequest), count: z.number() });

export const staffRequestDecided = z.object({ userId: z.string(), status: z.enum(['approved', 'rejected']) });

export const branchStaffCreated = z.object({ userId: z.string(), status: z.literal('active') });
