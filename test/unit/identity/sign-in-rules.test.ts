import { describe, expect, it } from 'vitest';
import {
  CHALLENGE_MINUTES,
  type ChallengeState,
  challengeExpiry,
  challengeKey,
  challengeRefusal,
  challengeRefusalMessage,
  isLockExpired,
  isLocked,
  koreanTime,
  LOCK_MINUTES,
  lockExpiry,
  lockedMessage,
  MAX_CHALLENGE_TRIES,
  MAX_FAILURES,
  nextCheck,
  wrongCodeMessage,
  wrongPasswordMessage,
} from '#functions/identity/sign-in-rules';

const now = new Date('2026-11-21T05:00:00.000Z');

describe('sign-in lock', () => {
  it('counts checks 1–4, locks as it counts the fifth, and refuses every further one', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 20].map(nextCheck)).toEqual([
      'count',
      'count',
      'count',
      'count',
      'countAndLock',
      'refuse',
      'refuse',
      'refuse',
    ]);
    // a sequence of checks, as parallel requests see it once the store has ordered them
    const seen: string[] = [];
    let failures = 0;
    for (let i = 0; i < 20; i += 1) {
      const plan = nextCheck(failures);
      seen.push(plan);
      if (plan !== 'refuse') failures += 1;
    }
    expect(seen.filter((plan) => plan !== 'refuse')).toHaveLength(MAX_FAILURES);
    expect(seen.indexOf('countAndLock')).toBe(MAX_FAILURES - 1);
  });

  it('locks for 30 minutes and says when it lifts', () => {
    expect(wrongPasswordMessage({ failures: 4 })).toContain('1회 더 틀리면');
    const lockedUntil = lockExpiry(now);
    expect(lockedUntil).toBe(new Date(now.getTime() + LOCK_MINUTES * 60_000).toISOString());
    expect(isLocked({ failures: 5, lockedUntil }, now)).toBe(true);
    expect(lockedMessage(lockedUntil)).toContain('2026년 11월 21일 14:30');
  });

  it('lifts after the lock time', () => {
    const locked = { failures: 5, lockedUntil: '2026-11-21T05:30:00.000Z' };
    const later = new Date('2026-11-21T05:31:00.000Z');
    expect(isLocked(locked, later)).toBe(false);
    expect(isLockExpired(locked, later)).toBe(true);
    expect(isLockExpired(locked, now)).toBe(false);
    expect(isLockExpired({ failures: 3 }, later)).toBe(false);
  });

  it('prints Korea time', () => {
    expect(koreanTime('2026-12-31T15:05:00.000Z')).toBe('2027년 1월 1일 00:05');
  });
});

describe('sign-in challenges', () => {
  const nowMs = now.getTime();
  const open: ChallengeState = { userId: 'assistant01', step: 'mfa', tries: 0, expiresAt: challengeExpiry(nowMs) };

  it('stores a hash of the session, never the session', () => {
    const session = 'AYABeC-cognito-session-string';
    expect(challengeKey(session)).toMatch(/^[0-9a-f]{64}$/);
    expect(challengeKey(session)).not.toContain(session);
    expect(challengeKey(session)).toBe(challengeKey(session));
    expect(challengeKey(`${session}x`)).not.toBe(challengeKey(session));
  });

  it('stays open as long as Cognito’s session (3 minutes)', () => {
    expect(open.expiresAt).toBe(nowMs / 1000 + CHALLENGE_MINUTES * 60);
    expect(challengeRefusal(open, 'assistant01', 'mfa', nowMs + CHALLENGE_MINUTES * 60_000 - 1)).toBeUndefined();
    expect(challengeRefusal(open, 'assistant01', 'mfa', nowMs + CHALLENGE_MINUTES * 60_000)).toBe('expired');
  });

  it('refuses a session nobody issued, someone else’s, another step’s and a closed one', () => {
    expect(challengeRefusal(undefined, 'assistant01', 'mfa', nowMs)).toBe('unknown');
    expect(challengeRefusal(open, 'worker01', 'mfa', nowMs)).toBe('otherUser');
    expect(challengeRefusal(open, 'assistant01', 'newPassword', nowMs)).toBe('otherStep');
    expect(challengeRefusal({ ...open, tries: MAX_CHALLENGE_TRIES - 1 }, 'assistant01', 'mfa', nowMs)).toBeUndefined();
    expect(challengeRefusal({ ...open, tries: MAX_CHALLENGE_TRIES }, 'assistant01', 'mfa', nowMs)).toBe('closed');
  });

  it('says how many codes are left, and that the fifth wrong one ends this sign-in', () => {
    expect(wrongCodeMessage(1)).toContain('인증번호가 올바르지 않습니다');
    expect(wrongCodeMessage(1)).toContain('4회 더 틀리면');
    expect(wrongCodeMessage(4)).toContain('1회 더 틀리면');
    expect(wrongCodeMessage(MAX_CHALLENGE_TRIES)).toBe(challengeRefusalMessage('closed', 'mfa'));
    expect(challengeRefusalMessage('closed', 'mfa')).toMatch(/5회 잘못 입력.*처음부터 다시 로그인/);
  });

  it('answers an unknown and someone else’s session alike, in Korean', () => {
    expect(challengeRefusalMessage('otherUser', 'newPassword')).toBe(challengeRefusalMessage('unknown', 'newPassword'));
    expect(challengeRefusalMessage('unknown', 'newPassword')).toContain('임시 비밀번호로 처음부터 다시 로그인');
    expect(challengeRefusalMessage('expired', 'mfa')).toContain('입력 시간(3분)이 지났습니다');
  });
});
