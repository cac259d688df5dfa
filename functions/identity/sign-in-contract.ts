import { z } from 'zod';
import { ROLES } from '#commons/roles';
import { SINGLE_LINE_TEXT, tokenField } from '#kernel/fields';
import { passwordSchema } from './account-rules.ts';

// The sign-in sub-domain's contract (password, SMS code, first password, refresh, who am I): what its
// routes take and answer. The web's session types are inferred from here.

// Login IDs are lower case (account-rules.ts) and the Cognito pool ignores case, so the lock, the
// challenges and the audit use the lower-case ID: "Assistant01" is the same account, with the same lock.
const username = z
  .string({ error: '아이디를 입력해 주세요.' })
  .trim()
  .toLowerCase()
  .min(1, { error: '아이디를 입력해 주세요.' })
  .max(64, { error: '아이디는 64자 이하입니다.' })
  .regex(/^[a-z0-9_.@+-]*$/, { error: '아이디는 영어 소문자, 숫자, 밑줄(_)로 입력해 주세요.' });

export const loginBody = z.object({
  username,
  password: z
    .string({ error: '비밀번호를 입력해 주세요.' })
    .min(1, { error: '비밀번호를 입력해 주세요.' })
    .max(256, { error: '비밀번호는 256자 이하입니다.' })
    .regex(SINGLE_LINE_TEXT, { error: '비밀번호에는 줄바꿈·탭 같은 제어 문자나 보이지 않는 문자를 넣을 수 없습니다.' }),
});

export const mfaBody = z.object({
  username,
  // Cognito's challenge sessions are at most 2,048 characters
  session: tokenField('로그인 단계', { max: 4096, message: '로그인을 처음부터 다시 해 주세요.' }),
  code: z
    .string({ error: '인증번호를 입력해 주세요.' })
    .trim()
    .max(6, { error: '인증번호는 문자로 받은 숫자 6자리입니다.' })
    .regex(/^\d{6}$/, { error: '인증번호는 문자로 받은 숫자 6자리입니다.' }),
});

export const newPasswordBody = z.object({ username, session: mfaBody.shape.session, password: passwordSchema });

/**
 * The ID and access tokens of a finished sign-in or a refresh. The refresh token is never in a body:
 * the API keeps it in an HttpOnly cookie (identity/session-rules.ts), so it is not part of the contract.
 */
export const tokens = z.strictObject({
  idToken: z.string(),
  accessToken: z.string(),
  expiresIn: z.number(),
});
export type Tokens = z.output<typeof tokens>;

/** The sign-in is finished: the tokens. */
export const signedIn = z.object({ step: z.literal('done'), tokens });

/** Signed out: the session is over at the API (the cookie is cleared in the same answer). */
export const signedOut = z.object({ step: z.literal('done') });

/** What comes after a password: the SMS code (to the masked destination), a first password, or done. */
export const signInStep = z.discriminatedUnion('step', [
  z.object({ step: z.literal('mfa'), session: z.string(), destination: z.string() }),
  z.object({ step: z.literal('newPassword'), session: z.string() }),
  signedIn,
]);
export type SignInStep = z.output<typeof signInStep>;

/** One role the caller holds, with its scope and the names screens show. */
export const heldRole = z.object({
  role: z.enum(ROLES),
  branchId: z.string().optional(),
  agencyId: z.string().optional(),
  institutionId: z.string().optional(),
  label: z.string(),
  organisationName: z.string().optional(),
});
export type HeldRole = z.output<typeof heldRole>;

/** Who is signed in: the phone only masked. */
export const meResponse = z.object({
  userId: z.string(),
  name: z.string(),
  phone: z.string(),
  roles: z.array(heldRole),
});
export type MeResponse = z.output<typeof meResponse>;
