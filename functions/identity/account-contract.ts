import { z } from 'zod';
import {
  codeSchema,
  nameSchema,
  passwordSchema,
  phoneSchema,
  SELF_SIGN_UP_ROLES,
  usernameSchema,
} from './account-rules.ts';

// The account sub-domain's contract (sign-up, password reset, withdrawal): what its routes take and answer.

export const SIGN_UP_FIELDS = {
  username: usernameSchema,
  password: passwordSchema,
  name: nameSchema,
  phone: phoneSchema,
};

export const signUpBody = z.object({
  ...SIGN_UP_FIELDS,
  role: z.enum(SELF_SIGN_UP_ROLES, { error: '가입 유형(근로자, 근로지원인, 청년, 구직자) 중 하나를 골라 주세요.' }),
  consents: z.object({
    terms: z.literal(true, { error: '[필수] 이용약관에 동의해야 가입할 수 있습니다.' }),
    privacy: z.literal(true, { error: '[필수] 개인정보 수집·이용에 동의해야 가입할 수 있습니다.' }),
    marketing: z.boolean().default(false),
  }),
});

export const SIGN_UP_LABELS = {
  username: '아이디',
  password: '비밀번호',
  name: '이름',
  phone: '휴대전화 번호',
  role: '가입 유형',
  'consents.terms': '이용약관 동의',
  'consents.privacy': '개인정보 수집·이용 동의',
};

export const signUpConfirmBody = z.object({ username: usernameSchema, code: codeSchema });
export const passwordResetBody = z.object({ username: usernameSchema });
export const passwordResetConfirmBody = z.object({
  username: usernameSchema,
  code: codeSchema,
  password: passwordSchema,
});
export const withdrawBody = z.object({
  confirm: z.literal(true, { error: '탈퇴하려면 안내 내용을 확인했다고 표시해 주세요.' }),
});

/** A code was sent by SMS; `destination` is the masked number it went to (empty for an unknown ID). */
export const codeSent = z.object({ step: z.literal('confirm'), destination: z.string() });
export type CodeSent = z.output<typeof codeSent>;

/** The step is finished. */
export const stepDone = z.object({ step: z.literal('done') });

/** The phone is confirmed: a person can sign in, or (staff) waits for the branch's approval. */
export const signUpConfirmed = z.object({ step: z.enum(['done', 'awaitingApproval']) });
export type SignUpConfirmed = z.output<typeof signUpConfirmed>;
