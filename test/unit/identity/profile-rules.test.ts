import { describe, expect, it } from 'vitest';
import {
  newPhoneCode,
  PHONE_CODE_TRIES,
  phoneCodeHash,
  phoneCodeMatches,
  phoneCodeRefusal,
  phoneCodeText,
} from '#functions/identity/profile-rules';

describe('회원정보수정: the code that proves a new phone', () => {
  it('is six digits, kept only as a hash bound to the person and the number', () => {
    for (let i = 0; i < 50; i++) expect(newPhoneCode()).toMatch(/^\d{6}$/);
    const hash = phoneCodeHash('worker01', '+821055550101', '123456');
    expect(hash).not.toContain('123456');
    expect(phoneCodeMatches(hash, 'worker01', '+821055550101', '123456')).toBe(true);
    expect(phoneCodeMatches(hash, 'worker01', '+821055550101', '123457')).toBe(false);
    expect(phoneCodeMatches(hash, 'worker02', '+821055550101', '123456')).toBe(false);
    expect(phoneCodeMatches(hash, 'worker01', '+821055550102', '123456')).toBe(false);
    expect(phoneCodeText('123456')).toContain('123456');
  });

  it('refuses when none was asked, after five minutes and after five answers, saying what to do', () => {
    expect(phoneCodeRefusal(undefined, 1000)).toContain('인증번호를 먼저 받아 주세요');
    expect(phoneCodeRefusal({ tries: 0, expiresAt: 1000 }, 1000)).toContain('입력 시간(5분)이 지났습니다');
    expect(phoneCodeRefusal({ tries: PHONE_CODE_TRIES, expiresAt: 2000 }, 1000)).toContain('5번 틀렸습니다');
    expect(phoneCodeRefusal({ tries: PHONE_CODE_TRIES - 1, expiresAt: 2000 }, 1000)).toBeUndefined();
  });
});
