import { createHash } from 'node:crypto';
import { koreaMinuteInWords } from '#kernel/korea-time';

// Sign-in rules (pure). Five wrong passwords lock the login for 30 minutes; the message says
// when it lifts, because a locked-out clerk at month end needs to know how long to wait.
// The steps after the password (SMS code, first new password) only go on from a challenge the
// product issued itself: its record holds whose it is, which step, until when, and how many tries.
export const MAX_FAILURES = 5;
export const LOCK_MINUTES = 30;

export interface GuardState {
  failures: number;
  lockedUntil?: string;
}

export function isLocked(state: GuardState | undefined, now: Date): boolean {
  return !!state?.lockedUntil && new Date(state.lockedUntil).getTime() > now.getTime();
}

/** A lock that has run out: the next password starts counting afresh. */
export function isLockExpired(state: GuardState | undefined, now: Date): boolean {
  return !!state?.lockedUntil && new Date(state.lockedUntil).getTime() <= now.getTime();
}

/** When a lock set now lifts. */
export function lockExpiry(now: Date): string {
  return new Date(now.getTime() + LOCK_MINUTES * 60_000).toISOString();
}

/**
 * The guard counts every password check before Cognito answers it (a right password clears it), so
 * parallel requests cannot check more than MAX_FAILURES passwords: checks 1…4 only count, check 5
 * also sets the lock (lifted again if that password was right), and any further one is refused.
 * `failures` is the count before this check.
 */
export function nextCheck(failures: number): 'count' | 'countAndLock' | 'refuse' {
  if (failures < MAX_FAILURES - 1) return 'count';
  if (failures === MAX_FAILURES - 1) return 'countAndLock';
  return 'refuse';
}

export function remainingAttempts(state: GuardState): number {
  return Math.max(0, MAX_FAILURES - state.failures);
}

/** "2026년 11월 21일 14:35" in Korea time. */
export function koreanTime(iso: string): string {
  return koreaMinuteInWords(iso);
}

export function lockedMessage(lockedUntil: string): string {
  return `비밀번호를 ${MAX_FAILURES}회 잘못 입력하여 로그인이 잠겼습니다. ${koreanTime(lockedUntil)}(한국 시간) 이후에 다시 시도하거나 비밀번호를 재설정해 주세요.`;
}

export function wrongPasswordMessage(state: GuardState): string {
  return `아이디 또는 비밀번호가 올바르지 않습니다. ${remainingAttempts(state)}회 더 틀리면 로그인이 ${LOCK_MINUTES}분 동안 잠깁니다.`;
}

// --- challenges: the steps after the password ---

/** Cognito's challenge session lives 3 minutes; the product's record of it lives as long. */
export const CHALLENGE_MINUTES = 3;
/** Wrong SMS codes (or refused new passwords) one challenge takes before it closes. */
export const MAX_CHALLENGE_TRIES = 5;

export type ChallengeStep = 'mfa' | 'newPassword';

export interface ChallengeState {
  userId: string;
  step: ChallengeStep;
  /** answers sent so far, counted before Cognito checks them; a right answer consumes the record */
  tries: number;
  /** epoch seconds after which the challenge is no longer open */
  expiresAt: number;
}

/**
 * The key a challenge is stored and found under: SHA-256 of the Cognito session string, so the table
 * never holds a session that could be replayed, and a session nobody issued finds nothing.
 */
export function challengeKey(session: string): string {
  return createHash('sha256').update(session, 'utf8').digest('hex');
}

/** Epoch seconds at which a challenge issued at `nowMs` closes. */
export function challengeExpiry(nowMs: number): number {
  return Math.floor(nowMs / 1000) + CHALLENGE_MINUTES * 60;
}

export type ChallengeRefusal = 'unknown' | 'otherUser' | 'otherStep' | 'expired' | 'closed';

/** Why an answer to `step` for `userId` may not go on, or undefined when the challenge is open for it. */
export function challengeRefusal(
  challenge: ChallengeState | undefined,
  userId: string,
  step: ChallengeStep,
  nowMs: number,
): ChallengeRefusal | undefined {
  if (!challenge) return 'unknown';
  if (challenge.userId !== userId) return 'otherUser';
  if (challenge.step !== step) return 'otherStep';
  if (challenge.expiresAt * 1000 <= nowMs) return 'expired';
  if (challenge.tries >= MAX_CHALLENGE_TRIES) return 'closed';
  return undefined;
}

/** What the person reads; an unknown session and someone else's read the same, so neither is revealed. */
export function challengeRefusalMessage(refusal: ChallengeRefusal, step: ChallengeStep): string {
  const start =
    step === 'newPassword' ? '임시 비밀번호로 처음부터 다시 로그인해 주세요.' : '처음부터 다시 로그인해 주세요.';
  switch (refusal) {
    case 'expired':
      return `입력 시간(${CHALLENGE_MINUTES}분)이 지났습니다. ${start}`;
    case 'closed':
      return step === 'mfa'
        ? `인증번호를 ${MAX_CHALLENGE_TRIES}회 잘못 입력하여 이번 로그인은 더 진행할 수 없습니다. 처음부터 다시 로그인해 새 인증번호를 받아 주세요.`
        : `새 비밀번호를 ${MAX_CHALLENGE_TRIES}회 저장하지 못하여 이번 로그인은 더 진행할 수 없습니다. ${start}`;
    default:
      return `확인할 수 없는 로그인 단계입니다. ${start}`;
  }
}

/** A wrong SMS code; `tries` counts this one. The last allowed try closes the challenge. */
export function wrongCodeMessage(tries: number): string {
  const left = MAX_CHALLENGE_TRIES - tries;
  if (left <= 0) return challengeRefusalMessage('closed', 'mfa');
  return `인증번호가 올바르지 않습니다. 문자로 받은 6자리 숫자를 다시 확인해 주세요. ${left}회 더 틀리면 처음부터 다시 로그인해야 합니다.`;
}

/** Audit reasons (never a password, a code or a session). */
export const AUDIT_REASONS = {
  wrongPassword: '비밀번호 불일치',
  locked: '잠긴 계정',
  wrongCode: '인증번호 불일치',
  refusedPassword: '새 비밀번호 거부',
  expired: '입력 시간 초과',
  unknown: '발급되지 않은 로그인 단계',
  otherUser: '다른 아이디의 로그인 단계',
  otherStep: '다른 단계의 로그인 단계',
  closed: '시도 횟수 초과로 닫힌 로그인 단계',
} as const;
