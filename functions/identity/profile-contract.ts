import { z } from 'zod';
import { codeSchema, nameSchema, phoneSchema } from './account-rules.ts';

// 회원정보수정's contract: the person's own name, and a new phone number proven by a code sent to it.

export const nameChangeBody = z.object({ name: nameSchema });
export const phoneChangeBody = z.object({ phone: phoneSchema });
export const phoneConfirmBody = z.object({ code: codeSchema });

export const PROFILE_LABELS = { name: '이름', phone: '새 휴대전화 번호', code: '인증번호' };

/** The person's details as shown after a change (the phone masked, as /me shows it). */
export const profileChanged = z.object({ name: z.string(), phone: z.string() });
/** A code went to the new number; `destination` is that number masked. */
export const phoneCodeSent = z.object({ step: z.literal('confirm'), destination: z.string() });
