import { z } from 'zod';
import { USER_POOL } from '#commons/user-pool';
import { SINGLE_LINE_TEXT, textField } from '#kernel/fields';

// Account input rules shared by sign-up and password reset (pure). Messages say what to fix.

/** Roles a person may take on by signing up themselves (issue 3); staff accounts are approved. */
export const SELF_SIGN_UP_ROLES = ['worker', 'assistant', 'youth', 'jobseeker'] as const;

const USERNAME_MESSAGE = '아이디는 영어 소문자로 시작하는 4~20자의 영어 소문자, 숫자, 밑줄(_)로 만들어 주세요.';
export const USERNAME_PATTERN = /^[a-z][a-z0-9_]{3,19}$/;
export const usernameSchema = z
  .string({ error: '아이디를 입력해 주세요.' })
  .trim()
  .max(20, { error: USERNAME_MESSAGE })
  .regex(USERNAME_PATTERN, { error: USERNAME_MESSAGE });

const policy = USER_POOL.passwordPolicy;
export const passwordSchema = z
  .string({ error: '비밀번호를 입력해 주세요.' })
  .min(policy.minLength, { error: `비밀번호는 ${policy.minLength}자 이상이어야 합니다.` })
  .max(64, { error: '비밀번호는 64자 이하로 만들어 주세요.' })
  .regex(SINGLE_LINE_TEXT, { error: '비밀번호에는 줄바꿈·탭 같은 제어 문자나 보이지 않는 문자를 넣을 수 없습니다.' })
  .refine((p) => /[a-z]/.test(p), { error: '비밀번호에 영어 소문자를 하나 이상 넣어 주세요.' })
  .refine((p) => /\d/.test(p), { error: '비밀번호에 숫자를 하나 이상 넣어 주세요.' })
  .refine((p) => /[^A-Za-z0-9]/.test(p), { error: '비밀번호에 특수문자(!, @, # 등)를 하나 이상 넣어 주세요.' });

/** 010-1234-5678 → +821012345678 (E.164, as Cognito sends SMS). */
export function toE164(phone: string): string | undefined {
  const digits = phone.replace(/[\s-]/g, '');
  if (/^01[016789]\d{7,8}$/.test(digits)) return `+82${digits.slice(1)}`;
  if (/^\+821[016789]\d{7,8}$/.test(digits)) return digits;
  return undefined;
}

export const phoneSchema = z
  .string({ error: '휴대전화 번호를 입력해 주세요.' })
  .max(20, { error: '휴대전화 번호는 010-1234-5678처럼 입력해 주세요.' })
  .regex(/^[\d +-]*$/, { error: '휴대전화 번호는 010-1234-5678처럼 입력해 주세요.' })
  .transform((value, ctx) => {
    const e164 = toE164(value);
    if (!e164) {
      ctx.addIssue({ code: 'custom', message: '휴대전화 번호는 010-1234-5678처럼 입력해 주세요.' });
      return z.NEVER;
    }
    return e164;
  });

export const nameSchema = textField('이름', {
  min: 1,
  max: 40,
  messages: { required: '이름을 입력해 주세요.', max: '이름은 40자 이하로 입력해 주세요.' },
});

export const codeSchema = z
  .string({ error: '인증번호를 입력해 주세요.' })
  .trim()
  .max(6, { error: '인증번호는 문자로 받은 숫자 6자리입니다.' })
  .regex(/^\d{6}$/, { error: '인증번호는 문자로 받은 숫자 6자리입니다.' });
