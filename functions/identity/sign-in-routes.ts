import { recordAudit } from '#commons/audit-trail';
import { branchName, HEADQUARTERS } from '#commons/branches';
import type { Caller, Grant } from '#commons/caller';
import { Locked, NotFound, RuleViolation, Unauthenticated } from '#commons/errors';
import { defineRoute } from '#commons/http/route';
import { grantsHeld } from '#commons/policy';
import { ROLE_LABELS } from '#commons/roles';
import { maskPhone } from '#commons/rrn';
import { getOrganisation } from '#functions/agencies/repository';
import * as clock from '#kernel/clock';
import {
  answerNewPassword,
  answerSmsCode,
  cognitoErrorName,
  type PasswordOutcome,
  refreshTokens,
  revokeRefreshToken,
  signOutEverywhere,
  startPasswordSignIn,
  type Tokens,
} from './cognito.ts';
import {
  claimChallengeTry,
  claimPasswordCheck,
  clearGuard,
  consumeChallenge,
  getGuard,
  getProfile,
  markSignedOut,
  openChallenge,
  releasePasswordCheck,
} from './repository.ts';
import { clearedRefreshCookie, refreshCookie, refreshTokenFrom } from './session-rules.ts';
import {
  loginBody,
  meResponse,
  mfaBody,
  newPasswordBody,
  signedIn,
  signedOut,
  signInStep,
} from './sign-in-contract.ts';
import {
  AUDIT_REASONS,
  type ChallengeStep,
  challengeRefusalMessage,
  isLocked,
  lockedMessage,
  MAX_CHALLENGE_TRIES,
  wrongCodeMessage,
  wrongPasswordMessage,
} from './sign-in-rules.ts';

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

function sourceIpOf(event: { requestContext?: { identity?: { sourceIp?: string } } }): string {
  return event.requestContext?.identity?.sourceIp ?? 'unknown';
}

/**
 * One audit record per sign-in attempt that was refused (and per step completed): the account is the
 * subject, the reason names the cause. Never the password, the code or the session.
 */
async function auditSignIn(
  caller: Caller,
  action: 'auth.login' | 'auth.mfa' | 'auth.new-password',
  reason?: string,
): Promise<void> {
  await recordAudit(caller, {
    action,
    targetType: 'user',
    targetId: caller.userId,
    subjectId: caller.userId,
    outcome: reason ? 'denied' : 'success',
    reason,
  });
}

/** The steps after the password do not go on while the account is locked (423, saying until when). */
async function refuseIfLocked(caller: Caller, action: 'auth.mfa' | 'auth.new-password'): Promise<void> {
  const guard = await getGuard(caller.userId);
  if (guard?.lockedUntil && isLocked(guard, clock.now())) {
    await auditSignIn(caller, action, AUDIT_REASONS.locked);
    throw new Locked(lockedMessage(guard.lockedUntil));
  }
}

/**
 * Counts one answer to the challenge the client names, or refuses it (401, Korean) when the product
 * did not issue it for this person and step, or it has expired, or its tries are used up.
 */
async function claimTry(
  caller: Caller,
  session: string,
  step: ChallengeStep,
  action: 'auth.mfa' | 'auth.new-password',
): Promise<number> {
  const tried = await claimChallengeTry(session, caller.userId, step);
  if ('refusal' in tried) {
    await auditSignIn(caller, action, AUDIT_REASONS[tried.refusal]);
    throw new Unauthenticated(challengeRefusalMessage(tried.refusal, step));
  }
  return tried.tries;
}

/** Uses the challenge up after Cognito accepted the answer; a second use of the same one is refused. */
async function consume(caller: Caller, session: string, step: ChallengeStep, action: 'auth.mfa' | 'auth.new-password') {
  if (await consumeChallenge(session)) return;
  await auditSignIn(caller, action, AUDIT_REASONS.unknown);
  throw new Unauthenticated(challengeRefusalMessage('unknown', step));
}

/**
 * The answer that completes a sign-in: the ID and access tokens in the body, the refresh token only
 * in an HttpOnly cookie (page scripts never see it).
 */
function completeSignIn(tokens: Tokens) {
  const { refreshToken, ...rest } = tokens;
  return {
    body: { step: 'done' as const, tokens: rest },
    headers: refreshToken ? { 'set-cookie': refreshCookie(refreshToken) } : undefined,
  };
}

export const signInRoutes = [
  defineRoute({
    method: 'POST',
    path: '/auth/login',
    summary: '로그인 1단계: 아이디와 비밀번호 확인 후 인증번호 문자 발송',
    response: signInStep,
    access: 'public',
    body: loginBody,
    labels: { username: '아이디', password: '비밀번호' },
    handle: async ({ body, event }) => {
      const caller = anonymous(body.username, sourceIpOf(event));
      // counted before Cognito sees the password, so parallel guesses cannot pass the lock
      const claim = await claimPasswordCheck(body.username, clock.now());
      if (!claim.allowed) {
        await auditSignIn(caller, 'auth.login', AUDIT_REASONS.locked);
        throw new Locked(lockedMessage(claim.lockedUntil));
      }
      let outcome: PasswordOutcome;
      try {
        outcome = await startPasswordSignIn(body.username, body.password);
      } catch (error) {
        const name = cognitoErrorName(error);
        if (name === 'NotAuthorizedException' || name === 'UserNotFoundException') {
          await auditSignIn(caller, 'auth.login', AUDIT_REASONS.wrongPassword);
          if (claim.lockedUntil) throw new Locked(lockedMessage(claim.lockedUntil));
          throw new Unauthenticated(wrongPasswordMessage({ failures: claim.failures }));
        }
        // not a judgement of the password: the check is given back
        await releasePasswordCheck(body.username, claim);
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
      await clearGuard(body.username);
      if (outcome.step !== 'done') await openChallenge(outcome.session, body.username, outcome.step);
      return { body: outcome };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/auth/mfa',
    summary: '로그인 2단계: 문자로 받은 인증번호 6자리 확인',
    response: signedIn,
    access: 'public',
    body: mfaBody,
    labels: { username: '아이디', session: '로그인 단계', code: '인증번호' },
    handle: async ({ body, event }) => {
      const caller = anonymous(body.username, sourceIpOf(event));
      const tries = await claimTry(caller, body.session, 'mfa', 'auth.mfa');
      await refuseIfLocked(caller, 'auth.mfa');
      let tokens: Tokens;
      try {
        tokens = await answerSmsCode(body.username, body.session, body.code);
      } catch (error) {
        const name = cognitoErrorName(error);
        if (name === 'CodeMismatchException') {
          await auditSignIn(caller, 'auth.mfa', AUDIT_REASONS.wrongCode);
          throw new Unauthenticated(wrongCodeMessage(tries));
        }
        if (name === 'ExpiredCodeException' || name === 'NotAuthorizedException') {
          await auditSignIn(caller, 'auth.mfa', AUDIT_REASONS.expired);
          await consumeChallenge(body.session);
          throw new Unauthenticated(challengeRefusalMessage('expired', 'mfa'));
        }
        throw error;
      }
      await consume(caller, body.session, 'mfa', 'auth.mfa');
      await auditSignIn(caller, 'auth.login');
      return completeSignIn(tokens);
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/auth/new-password',
    summary: '첫 로그인: 임시 비밀번호 대신 쓸 새 비밀번호 정하기',
    response: signInStep,
    access: 'public',
    body: newPasswordBody,
    labels: { username: '아이디', session: '로그인 단계', password: '새 비밀번호' },
    handle: async ({ body, event }) => {
      const caller = anonymous(body.username, sourceIpOf(event));
      // only a challenge issued to this person at sign-in with the temporary password goes on
      const tries = await claimTry(caller, body.session, 'newPassword', 'auth.new-password');
      await refuseIfLocked(caller, 'auth.new-password');
      let outcome: PasswordOutcome;
      try {
        outcome = await answerNewPassword(body.username, body.session, body.password);
      } catch (error) {
        const name = cognitoErrorName(error);
        if (name === 'InvalidPasswordException') {
          await auditSignIn(caller, 'auth.new-password', AUDIT_REASONS.refusedPassword);
          throw new Unauthenticated(
            tries >= MAX_CHALLENGE_TRIES
              ? challengeRefusalMessage('closed', 'newPassword')
              : '비밀번호 규칙에 맞지 않습니다. 10자 이상, 영어 소문자·숫자·특수문자를 넣어 주세요.',
          );
        }
        if (name === 'NotAuthorizedException' || name === 'ExpiredCodeException') {
          await auditSignIn(caller, 'auth.new-password', AUDIT_REASONS.expired);
          await consumeChallenge(body.session);
          throw new Unauthenticated(challengeRefusalMessage('expired', 'newPassword'));
        }
        throw error;
      }
      await consume(caller, body.session, 'newPassword', 'auth.new-password');
      await auditSignIn(caller, 'auth.new-password');
      if (outcome.step === 'done') return completeSignIn(outcome.tokens);
      await openChallenge(outcome.session, body.username, outcome.step);
      return { body: outcome };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/auth/refresh',
    summary: '로그인 연장: 활동 중인 사람의 인증 토큰 새로 받기 (자동 로그아웃 전까지)',
    response: signedIn,
    access: 'public',
    // the refresh token comes in the HttpOnly cookie set at sign-in, never in the body
    handle: async ({ event }) => {
      const refreshToken = refreshTokenFrom(event.headers);
      if (!refreshToken) throw new Unauthenticated('로그인 시간이 지났습니다. 다시 로그인해 주세요.');
      try {
        const { refreshToken: _kept, ...tokens } = await refreshTokens(refreshToken);
        return { body: { step: 'done', tokens } };
      } catch (error) {
        if (cognitoErrorName(error) === 'NotAuthorizedException') {
          throw new Unauthenticated('로그인 시간이 지났습니다. 다시 로그인해 주세요.');
        }
        throw error;
      }
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/auth/sign-out',
    summary: '로그아웃: 로그인 연장 정보를 없애고, 이 사람이 이미 받은 인증 토큰도 더는 받지 않음',
    response: signedOut,
    access: 'signedIn',
    handle: async ({ caller, event }) => {
      const refreshToken = refreshTokenFrom(event.headers);
      // every refresh token of the person (all their browsers), then this browser's own, at Cognito
      await signOutEverywhere(caller!.userId);
      if (refreshToken) await revokeRefreshToken(refreshToken).catch(() => undefined);
      await markSignedOut(caller!, new Date(clock.machineNowMs()).toISOString());
      return { body: { step: 'done' }, headers: { 'set-cookie': clearedRefreshCookie() } };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/me',
    summary: '내 정보와 권한(역할·소속) 조회',
    response: meResponse,
    access: 'signedIn',
    handle: async ({ caller }) => {
      const profile = await getProfile(caller!.userId);
      if (!profile) throw new NotFound('회원 정보');
      const roles = await Promise.all(
        grantsHeld(caller!).map(async (grant) => {
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
