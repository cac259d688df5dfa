import { recordAudit } from '#commons/audit-trail';
import type { Caller } from '#commons/caller';
import { Conflict, NotFound, RuleViolation, ValidationFailed } from '#commons/errors';
import { defineRoute } from '#commons/http/route';
import { notifyStaff } from '#commons/notify';
import * as clock from '#kernel/clock';
import {
  codeSent,
  passwordResetBody,
  passwordResetConfirmBody,
  SIGN_UP_LABELS,
  signUpBody,
  signUpConfirmBody,
  signUpConfirmed,
  stepDone,
  withdrawBody,
} from './account-contract.ts';
import {
  activateLogin,
  cognitoErrorName,
  confirmPhone,
  deleteLogin,
  finishPasswordReset,
  signUp,
  startPasswordReset,
} from './cognito.ts';
import { getProfile, getStaffRequest, putProfile, putStaffRequest, saveAudited } from './repository.ts';
import { clearedRefreshCookie } from './session-rules.ts';

export function person(userId: string, sourceIp: string): Caller {
  return { userId, roles: [], grants: [], sourceIp };
}

export function sourceIpOf(event: { requestContext?: { identity?: { sourceIp?: string } } }): string {
  return event.requestContext?.identity?.sourceIp ?? 'unknown';
}

/** Cognito failures a person can cause, said in Korean with what to do. */
export function explainCognito(error: unknown): never {
  switch (cognitoErrorName(error)) {
    case 'UsernameExistsException':
      throw new ValidationFailed(
        [
          {
            field: 'body.username',
            label: '아이디',
            message: '이미 사용 중인 아이디입니다. 다른 아이디를 입력해 주세요.',
          },
        ],
        '이미 사용 중인 아이디입니다. 다른 아이디를 입력해 주세요.',
      );
    case 'InvalidPasswordException':
      throw new ValidationFailed(
        [
          {
            field: 'body.password',
            label: '비밀번호',
            message: '비밀번호 규칙에 맞지 않습니다. 10자 이상, 영어 소문자·숫자·특수문자를 넣어 주세요.',
          },
        ],
        '비밀번호 규칙에 맞지 않습니다.',
      );
    case 'CodeMismatchException':
      throw new ValidationFailed(
        [
          {
            field: 'body.code',
            label: '인증번호',
            message: '인증번호가 올바르지 않습니다. 문자로 받은 6자리 숫자를 다시 확인해 주세요.',
          },
        ],
        '인증번호가 올바르지 않습니다.',
      );
    case 'ExpiredCodeException':
      throw new RuleViolation('인증번호 입력 시간이 지났습니다. 인증번호를 다시 받아 주세요.', 'CODE_EXPIRED');
    case 'LimitExceededException':
    case 'TooManyRequestsException':
      throw new RuleViolation('요청이 너무 많습니다. 몇 분 뒤에 다시 시도해 주세요.', 'TOO_MANY_REQUESTS');
    default:
      throw error;
  }
}

export const accountRoutes = [
  defineRoute({
    method: 'POST',
    path: '/auth/signup',
    summary: '회원가입(근로자·근로지원인·청년·구직자): 휴대전화 인증번호 발송',
    response: codeSent,
    access: 'public',
    body: signUpBody,
    labels: SIGN_UP_LABELS,
    handle: async ({ body }) => {
      const existing = await getProfile(body.username);
      if (existing && existing.status !== 'pending')
        explainCognito(Object.assign(new Error(), { name: 'UsernameExistsException' }));
      let destination: string;
      try {
        ({ destination } = await signUp(body));
      } catch (error) {
        explainCognito(error);
      }
      await putProfile({
        userId: body.username,
        name: body.name,
        phone: body.phone,
        status: 'pending',
        requestedRole: body.role,
        grants: [],
        consents: body.consents,
      });
      return { status: 201, body: { step: 'confirm', destination } };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/auth/signup/confirm',
    summary: '회원가입 완료: 문자로 받은 인증번호 확인',
    response: signUpConfirmed,
    access: 'public',
    body: signUpConfirmBody,
    labels: { username: '아이디', code: '인증번호' },
    handle: async ({ body, event }) => {
      const profile = await getProfile(body.username);
      if (profile?.status !== 'pending' || !profile.requestedRole) {
        throw new NotFound('인증을 기다리는 가입 신청');
      }
      try {
        await confirmPhone(body.username, body.code);
      } catch (error) {
        explainCognito(error);
      }
      // Staff accounts wait for their branch's approval; people who signed up themselves start now.
      const staffRequest = await getStaffRequest(body.username);
      if (staffRequest) {
        await putStaffRequest({ ...staffRequest, status: 'phoneConfirmed' });
        // the branch that approves it finds it in its staff inbox (issue 15 §7)
        await notifyStaff(
          staffRequest.branchId,
          `[근로지원인 업무] ${staffRequest.organisationName}의 담당자 계정 신청이 있습니다(${body.username}). ‘기관 담당자 계정 신청’에서 승인하거나 반려해 주세요.`,
          'staff-request-submitted',
          '/internal/staff-requests',
        );
        return { body: { step: 'awaitingApproval' } };
      }
      await activateLogin(body.username, profile.requestedRole);
      await saveAudited(
        person(body.username, sourceIpOf(event)),
        { action: 'account.create', targetType: 'user', targetId: body.username, subjectId: body.username },
        { profile: { ...profile, status: 'active', grants: [{ role: profile.requestedRole }] } },
      );
      return { body: { step: 'done' } };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/auth/password-reset',
    summary: '비밀번호 재설정 1단계: 등록된 휴대전화로 인증번호 발송',
    response: codeSent,
    access: 'public',
    body: passwordResetBody,
    labels: { username: '아이디' },
    handle: async ({ body }) => {
      try {
        const { destination } = await startPasswordReset(body.username);
        return { body: { step: 'confirm', destination } };
      } catch (error) {
        // Do not tell strangers which IDs exist: an unknown ID gets the same answer.
        if (cognitoErrorName(error) === 'UserNotFoundException') return { body: { step: 'confirm', destination: '' } };
        explainCognito(error);
      }
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/auth/password-reset/confirm',
    summary: '비밀번호 재설정 2단계: 인증번호와 새 비밀번호',
    response: stepDone,
    access: 'public',
    body: passwordResetConfirmBody,
    labels: { username: '아이디', code: '인증번호', password: '새 비밀번호' },
    handle: async ({ body, event }) => {
      try {
        await finishPasswordReset(body.username, body.code, body.password);
      } catch (error) {
        explainCognito(error);
      }
      await recordAudit(person(body.username, sourceIpOf(event)), {
        action: 'account.passwordReset',
        targetType: 'user',
        targetId: body.username,
        subjectId: body.username,
      });
      return { body: { step: 'done' } };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/me/withdraw',
    summary: '회원탈퇴: 로그인 정보는 지우고 법이 정한 기록은 보관',
    response: stepDone,
    access: 'signedIn',
    body: withdrawBody,
    labels: { confirm: '탈퇴 확인' },
    handle: async ({ caller }) => {
      const profile = await getProfile(caller!.userId);
      if (!profile) throw new NotFound('회원 정보');
      if (profile.status === 'withdrawn') throw new Conflict('이미 탈퇴한 계정입니다.');
      await deleteLogin(caller!.userId);
      await saveAudited(
        caller!,
        { action: 'account.withdraw', targetType: 'user', targetId: caller!.userId, subjectId: caller!.userId },
        { profile: { ...profile, status: 'withdrawn', withdrawnAt: clock.nowIso() } },
      );
      // the login is gone at Cognito (its refresh tokens with it) and the profile refuses its ID tokens
      return { body: { step: 'done' }, headers: { 'set-cookie': clearedRefreshCookie() } };
    },
  }),
];
