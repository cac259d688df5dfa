import { Conflict, NotFound, RuleViolation, ValidationFailed } from '#commons/errors';
import { defineRoute } from '#commons/http/route';
import { notificationSink } from '#commons/outbox';
import { maskPhone } from '#commons/rrn';
import * as clock from '#kernel/clock';
import { updateLoginAttributes } from './cognito.ts';
import {
  nameChangeBody,
  PROFILE_LABELS,
  phoneChangeBody,
  phoneCodeSent,
  phoneConfirmBody,
  profileChanged,
} from './profile-contract.ts';
import {
  newPhoneCode,
  PHONE_CODE_MINUTES,
  phoneCodeHash,
  phoneCodeMatches,
  phoneCodeRefusal,
  phoneCodeText,
} from './profile-rules.ts';
import {
  countPhoneCodeTry,
  deletePhoneChange,
  getPhoneChange,
  getProfile,
  putPhoneChange,
  saveAudited,
} from './repository.ts';

// 회원정보수정 (issue 15 §4): the signed-in person changes their own name and phone. Each change goes
// to the profile (with its audit record, in one transaction) and to the login, whose phone receives
// the sign-in codes. The password is changed by a code to the registered phone (password-reset routes).

const shownPhone = (e164: string) => maskPhone(e164.replace(/^\+82/, '0'));
const nowSeconds = () => Math.floor(clock.nowMs() / 1000);

async function ownProfile(userId: string) {
  const profile = await getProfile(userId);
  if (!profile || profile.status === 'withdrawn') throw new NotFound('회원 정보');
  return profile;
}

export const profileRoutes = [
  defineRoute({
    method: 'PUT',
    path: '/me/name',
    summary: '회원정보수정: 내 이름 바꾸기',
    response: profileChanged,
    access: 'signedIn',
    body: nameChangeBody,
    labels: PROFILE_LABELS,
    handle: async ({ caller, body }) => {
      const profile = await ownProfile(caller!.userId);
      if (profile.name !== body.name) {
        await updateLoginAttributes(profile.userId, { name: body.name });
        await saveAudited(
          caller!,
          { action: 'account.nameChange', targetType: 'user', targetId: profile.userId, subjectId: profile.userId },
          { profile: { ...profile, name: body.name } },
        );
      }
      return { body: { name: body.name, phone: shownPhone(profile.phone) } };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/me/phone',
    summary: '회원정보수정: 새 휴대전화 번호로 인증번호 보내기',
    response: phoneCodeSent,
    access: 'signedIn',
    body: phoneChangeBody,
    labels: PROFILE_LABELS,
    handle: async ({ caller, body }) => {
      const profile = await ownProfile(caller!.userId);
      if (profile.phone === body.phone) {
        throw new ValidationFailed(
          [
            {
              field: 'body.phone',
              label: '새 휴대전화 번호',
              message: '지금 등록된 번호와 같습니다. 바꿀 번호를 입력해 주세요.',
            },
          ],
          '지금 등록된 번호와 같습니다.',
        );
      }
      const code = newPhoneCode();
      await putPhoneChange({
        userId: profile.userId,
        phone: body.phone,
        codeHash: phoneCodeHash(profile.userId, body.phone, code),
        expiresAt: nowSeconds() + PHONE_CODE_MINUTES * 60,
      });
      // to the new number: the code proves the person holds it (never through the old profile phone)
      await notificationSink().send({
        channel: 'sms',
        to: body.phone,
        username: profile.userId,
        text: phoneCodeText(code),
        source: 'phone-change',
        code,
      });
      return { body: { step: 'confirm', destination: shownPhone(body.phone) } };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/me/phone/confirm',
    summary: '회원정보수정: 인증번호를 확인하고 휴대전화 번호 바꾸기',
    response: profileChanged,
    access: 'signedIn',
    body: phoneConfirmBody,
    labels: PROFILE_LABELS,
    handle: async ({ caller, body }) => {
      const userId = caller!.userId;
      const change = await getPhoneChange(userId);
      const refusal = phoneCodeRefusal(change, nowSeconds());
      if (refusal || !change) throw new RuleViolation(refusal ?? '', 'PHONE_CODE_CLOSED');
      await countPhoneCodeTry(userId);
      if (!phoneCodeMatches(change.codeHash, userId, change.phone, body.code)) {
        throw new ValidationFailed(
          [
            {
              field: 'body.code',
              label: '인증번호',
              message: '인증번호가 올바르지 않습니다. 새 번호로 받은 6자리 숫자를 다시 확인해 주세요.',
            },
          ],
          '인증번호가 올바르지 않습니다.',
        );
      }
      const profile = await ownProfile(userId);
      if (profile.phone === change.phone) throw new Conflict('이미 이 번호로 바뀌었습니다.');
      await updateLoginAttributes(userId, { phone: change.phone });
      await saveAudited(
        caller!,
        { action: 'account.phoneChange', targetType: 'user', targetId: userId, subjectId: userId },
        { profile: { ...profile, phone: change.phone } },
      );
      await deletePhoneChange(userId);
      return { body: { name: profile.name, phone: shownPhone(change.phone) } };
    },
  }),
];
