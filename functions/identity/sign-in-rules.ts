// Sign-in lock rules (pure). Five wrong passwords lock the login for 30 minutes; the message says
// when it lifts, because a locked-out clerk at month end needs to know how long to wait.
export const MAX_FAILURES = 5;
export const LOCK_MINUTES = 30;

export interface GuardState {
  failures: number;
  lockedUntil?: string;
}

export function isLocked(state: GuardState | undefined, now: Date): boolean {
  return !!state?.lockedUntil && new Date(state.lockedUntil).getTime() > now.getTime();
}

export function afterFailure(state: GuardState | undefined, now: Date): GuardState {
  const failures = (isLockExpired(state, now) ? 0 : (state?.failures ?? 0)) + 1;
  if (failures >= MAX_FAILURES) {
    return { failures, lockedUntil: new Date(now.getTime() + LOCK_MINUTES * 60_000).toISOString() };
  }
  return { failures };
}

function isLockExpired(state: GuardState | undefined, now: Date): boolean {
  return !!state?.lockedUntil && new Date(state.lockedUntil).getTime() <= now.getTime();
}

export function remainingAttempts(state: GuardState): number {
  return Math.max(0, MAX_FAILURES - state.failures);
}

/** "2026년 11월 21일 14:35" in Korea time. */
export function koreanTime(iso: string): string {
  const d = new Date(new Date(iso).getTime() + 9 * 3600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}년 ${d.getUTCMonth() + 1}월 ${d.getUTCDate()}일 ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

export function lockedMessage(lockedUntil: string): string {
  return `비밀번호를 ${MAX_FAILURES}회 잘못 입력하여 로그인이 잠겼습니다. ${koreanTime(lockedUntil)}(한국 시간) 이후에 다시 시도하거나 비밀번호를 재설정해 주세요.`;
}

export function wrongPasswordMessage(state: GuardState): string {
  return `아이디 또는 비밀번호가 올바르지 않습니다. ${remainingAttempts(state)}회 더 틀리면 로그인이 ${LOCK_MINUTES}분 동안 잠깁니다.`;
}
