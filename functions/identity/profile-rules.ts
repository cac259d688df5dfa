import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';

// 회원정보수정 (issue 15 §4): a person changes their own name, phone and password. A new phone number
// is proven by a 6-digit code sent to it (the product's own check, the same on AWS and locally);
// the code is stored only as a keyed hash, for five minutes and five answers.

export const PHONE_CODE_MINUTES = 5;
export const PHONE_CODE_TRIES = 5;

export function newPhoneCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

/** The stored form of a code: keyed by the person, so one person's hash never answers for another. */
export function phoneCodeHash(userId: string, phone: string, code: string): string {
  return createHmac('sha256', `${userId}|${phone}`).update(code, 'utf8').digest('hex');
}

export function phoneCodeMatches(stored: string, userId: string, phone: string, code: string): boolean {
  const a = Buffer.from(stored, 'hex');
  const b = Buffer.from(phoneCodeHash(userId, phone, code), 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

export interface PendingPhoneChange {
  tries: number;
  expiresAt: number;
}

/** Why a code cannot be checked now (none asked, expired, tries used up), in Korean; else undefined. */
export function phoneCodeRefusal(change: PendingPhoneChange | undefined, nowSeconds: number): string | undefined {
  if (!change) return '바꿀 휴대전화 번호로 인증번호를 먼저 받아 주세요.';
  if (change.expiresAt <= nowSeconds)
    return `인증번호 입력 시간(${PHONE_CODE_MINUTES}분)이 지났습니다. 인증번호를 다시 받아 주세요.`;
  if (change.tries >= PHONE_CODE_TRIES)
    return `인증번호를 ${PHONE_CODE_TRIES}번 틀렸습니다. 인증번호를 다시 받아 주세요.`;
  return undefined;
}

/** The text of the SMS to the new number. */
export function phoneCodeText(code: string): string {
  return `[근로지원인 플랫폼] 휴대전화 번호 변경 인증번호 ${code}. ${PHONE_CODE_MINUTES}분 안에 입력해 주세요. 요청하지 않았다면 무시하세요.`;
}
