import { z } from 'zod';
import { branchName, HEADQUARTERS } from '#commons/branches';
import type { Caller, Grant } from '#commons/caller';
import { Locked, NotFound, RuleViolation, Unauthenticated } from '#commons/errors';
import { defineRoute } from '#commons/http/route';
import { ROLE_LABELS } from '#commons/roles';
import { maskPhone } from '#commons/rrn';
import { getOrganisation } from '#functions/agencies/repository';
import { recordAudit } from '#functions/audit/repository';
import * as clock from '#kernel/clock';
import { passwordSchema } from './account-rules.ts';
import { answerNewPassword, answerSmsCode, cognitoErrorName, refreshTokens, startPasswordSignIn } from './cognito.ts';
import { clearGuard, getGuard, getProfile, saveGuard } from './repository.ts';
import { afterFailure, isLocked, lockedMessage, wrongPasswordMessage } from './sign-in-rules.ts';

const username = z
  .string({ error: '아이디를 입력해 주세요.' })
  .trim()
  .min(1, { error: '아이디를 입력해 주세요.' })
  .max(64, { error: '아이디는 64자 이하입니다.' });

const loginBody = z.object({
  username,
  password: z.string({ error: '비밀번호를 입력해 주세요.' }).min(1, { error: '비밀번호를 입력해 주세요.' }).max(256),
});

const mfaBody = z.object({
  username,
  session: z
    .string({ error: '로그인을 처음부터 다시 해 주세요.' })
    .min(1, { error: '로그인을 처음부터 다시 해 주세요.' }),
  code: z
    .string({ error: '인증번호를 입력해 주세요.' })
    .trim()
    .regex(/^\d{6}$/, { error: '인증번호는 문자로 받은 숫자 6자리입니다.' }),
});

/** The name of the office or organisation a grant is scoped to, so screens can say who is signed in. */
async function organisationNameOf(grant: Grant): Promise<string | undefined> {
  if (grant.role === 'hq') return HEADQUARTERS.name;
  const organisationId = grant.agencyId ?? grant.institutionId;
  if (organisationId) return (await getOrganisation(organisationId))?.name;
  return grant.branchId ? branchName(grant.branchId) : undefined;
}

function anonymous(userId: string, sourceIp: string): Caller {
  return { userId, roles: [], grants: [], sourceIp };
}

export const signInRoutes = [
  defineRoute({
    method: 'POST',
    path: '/auth/login',
    summary: '로그인 1단계: 아이디와 비밀번호 확인 후 인증번호 문자 발송',
    access: 'public',
    body: loginBody,
    labels: { username: '아이디', password: '비밀번호' },
    handle: async ({ body, event }) => {
      const now = clock.now();
      const sourceIp = event.requestContext?.identity?.sourceIp ?? 'unknown';
      const guard = await getGuard(body.username);
      if (isLocked(guard, now)) throw new Locked(lockedMessage(guard!.lockedUntil!));
      try {
        const outcome = await startPasswordSignIn(body.username, body.password);
        await clearGuard(body.username);
        return { body: outcome };
      } catch (error) {
        const name = cognitoErrorName(error);
        if (name === 'NotAuthorizedException' || name === 'UserNotFoundException') {
          const next = afterFailure(guard, now);
          await saveGuard(body.username, next);
          await recordAudit(anonymous(body.username, sourceIp), {
            action: 'auth.login',
            targetType: 'user',
            targetId: body.username,
            subjectId: body.username,
            outcome: 'denied',
          });
          if (next.lockedUntil) throw new Locked(lockedMessage(next.lockedUntil));
          throw new Unauthenticated(wrongPasswordMessage(next));
        }
        if (name === 'UserNotConfirmedException') {
          throw new RuleViolation(
            '휴대전화 인증이 끝나지 않은 계정입니다. 회원가입 때 받은 인증번호로 인증을 마쳐 주세요.',
          );
        }
        if (name === 'PasswordResetRequiredException') {
          throw new RuleViolation('비밀번호를 새로 정해야 합니다. 비밀번호 재설정을 진행해 주세요.');
        }
        throw error;
      }
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/auth/mfa',
    summary: '로그인 2단계: 문자로 받은 인증번호 6자리 확인',
    access: 'public',
    body: mfaBody,
    labels: { username: '아이디', session: '로그인 단계', code: '인증번호' },
    handle: async ({ body, event }) => {
      const sourceIp = event.requestContext?.identity?.sourceIp ?? 'unknown';
      try {
        const tokens = await answerSmsCode(body.username, body.session, body.code);
        await recordAudit(anonymous(body.username, sourceIp), {
          action: 'auth.login',
          targetType: 'user',
          targetId: body.username,
          subjectId: body.username,
        });
        return { body: { step: 'done', tokens } };
      } catch (error) {
        const name = cognitoErrorName(error);
        if (name === 'CodeMismatchException') {
          throw new Unauthenticated('인증번호가 올바르지 않습니다. 문자로 받은 6자리 숫자를 다시 확인해 주세요.');
        }
        if (name === 'ExpiredCodeException' || name === 'NotAuthorizedException') {
          throw new Unauthenticated('인증번호 입력 시간이 지났습니다. 처음부터 다시 로그인해 주세요.');
        }
        throw error;
      }
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/auth/new-password',
    summary: '첫 로그인: 임시 비밀번호 대신 쓸 새 비밀번호 정하기',
    access: 'public',
    body: z.object({ username, session: mfaBody.shape.session, password: passwordSchema }),
    labels: { username: '아이디', session: '로그인 단계', password: '새 비밀번호' },
    handle: async ({ body }) => {
      try {
        return { body: await answerNewPassword(body.username, body.session, body.password) };
      } catch (error) {
        const name = cognitoErrorName(error);
        if (name === 'InvalidPasswordException') {
          throw new Unauthenticated(
            '비밀번호 규칙에 맞지 않습니다. 10자 이상, 영어 소문자·숫자·특수문자를 넣어 주세요.',
          );
        }
        if (name === 'NotAuthorizedException' || name === 'ExpiredCodeException') {
          throw new Unauthenticated('입력 시간이 지났습니다. 임시 비밀번호로 처음부터 다시 로그인해 주세요.');
        }
        throw error;
      }
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/auth/refresh',
    summary: '로그인 연장: 활동 중인 사람의 인증 토큰 새로 받기 (자동 로그아웃 전까지)',
    access: 'public',
    body: z.object({
      refreshToken: z.string({ error: '다시 로그인해 주세요.' }).min(20, { error: '다시 로그인해 주세요.' }),
    }),
    labels: { refreshToken: '로그인 정보' },
    handle: async ({ body }) => {
      try {
        return { body: { step: 'done', tokens: await refreshTokens(body.refreshToken) } };
      } catch (error) {
        if (cognitoErrorName(error) === 'NotAuthorizedException') {
          throw new Unauthenticated('로그인 시간이 지났습니다. 다시 로그인해 주세요.');
        }
        throw error;
      }
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/me',
    summary: '내 정보와 권한(역할·소속) 조회',
    access: 'signedIn',
    handle: async ({ caller }) => {
      const profile = await getProfile(caller!.userId);
      if (!profile) throw new NotFound('회원 정보');
      const roles = await Promise.all(
        caller!.grants.map(async (grant) => {
          const organisationName = await organisationNameOf(grant);
          return { ...grant, label: ROLE_LABELS[grant.role], ...(organisationName ? { organisationName } : {}) };
        }),
      );
      return {
        body: {
          userId: profile.userId,
          name: profile.name,
          // stored as E.164 for Cognito; shown the way people write it (010-****-5678)
          phone: maskPhone(profile.phone.replace(/^\+82/, '0')),
          roles,
        },
      };
    },
  }),
];
