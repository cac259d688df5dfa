import { describe, expect, it } from 'vitest';
import {
  afterFailure,
  isLocked,
  koreanTime,
  LOCK_MINUTES,
  lockedMessage,
  MAX_FAILURES,
  wrongPasswordMessage,
} from '#functions/identity/sign-in-rules';

const now = new Date('2026-11-21T05:00:00.000Z');

describe('sign-in lock', () => {
  it('locks on the fifth failure for 30 minutes and says when it lifts', () => {
    let state = afterFailure(undefined, now);
    for (let i = 1; i < MAX_FAILURES - 1; i += 1) state = afterFailure(state, now);
    expect(state.failures).toBe(4);
    expect(state.lockedUntil).toBeUndefined();
    expect(wrongPasswordMessage(state)).toContain('1회 더 틀리면');
    state = afterFailure(state, now);
    expect(state.lockedUntil).toBe(new Date(now.getTime() + LOCK_MINUTES * 60_000).toISOString());
    expect(isLocked(state, now)).toBe(true);
    expect(lockedMessage(state.lockedUntil!)).toContain('2026년 11월 21일 14:30');
  });

  it('lifts after the lock time and starts counting afresh', () => {
    const locked = { failures: 5, lockedUntil: '2026-11-21T05:30:00.000Z' };
    const later = new Date('2026-11-21T05:31:00.000Z');
    expect(isLocked(locked, later)).toBe(false);
    expect(afterFailure(locked, later)).toEqual({ failures: 1 });
  });

  it('prints Korea time', () => {
    expect(koreanTime('2026-12-31T15:05:00.000Z')).toBe('2027년 1월 1일 00:05');
  });
});
