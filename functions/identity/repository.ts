import type { CreateEntityItem } from 'electrodb';
import type { AuditEvent } from '#commons/audit-trail';
import { writeAudited } from '#commons/audit-trail';
import type { Caller } from '#commons/caller';
import { UserProfile, type UserProfileItem } from '#commons/caller-profile';
import { bindEntity, isConditionFailure } from '#commons/entities';
import { Conflict } from '#commons/errors';
import * as clock from '#kernel/clock';
import { PhoneChange, SignInChallenge, SignInGuard, StaffRequest, type StaffRequestItem } from './entities.ts';
import {
  type ChallengeRefusal,
  type ChallengeState,
  type ChallengeStep,
  challengeExpiry,
  challengeKey,
  challengeRefusal,
  type GuardState,
  isLockExpired,
  isLocked,
  lockExpiry,
  MAX_CHALLENGE_TRIES,
  MAX_FAILURES,
  nextCheck,
} from './sign-in-rules.ts';

export async function getProfile(userId: string): Promise<UserProfileItem | undefined> {
  const { data } = await bindEntity(UserProfile).get({ userId }).go();
  return data ?? undefined;
}

// read by the HTTP edge too, so it lives in commons beside the profile entity

export async function putProfile(profile: CreateEntityItem<typeof UserProfile>): Promise<void> {
  await bindEntity(UserProfile).put(profile).go();
}

export async function getGuard(userId: string): Promise<GuardState | undefined> {
  const { data } = await bindEntity(SignInGuard).get({ userId }).go({ consistent: true });
  return data ? { failures: data.failures, lockedUntil: data.lockedUntil } : undefined;
}

/** A password check the guard let through: the count with it, and the lock it set if it was the fifth. */
export type PasswordClaim =
  | { allowed: true; failures: number; lockedUntil?: string }
  | { allowed: false; lockedUntil: string };

/**
 * Counts one password check before Cognito sees it, atomically (UpdateItem ADD with a condition), so
 * parallel requests count one by one and at most MAX_FAILURES passwords are checked per lock: the
 * fifth check sets the lock as it counts (a right password lifts it again through clearGuard), and
 * any further check is refused without asking Cognito. A lock that has run out starts afresh.
 */
export async function claimPasswordCheck(userId: string, now: Date): Promise<PasswordClaim> {
  const guard = bindEntity(SignInGuard);
  // kept a day after the last check, then DynamoDB's TTL removes it
  const expiresAt = clock.nowEpochSeconds() + 24 * 3600;
  let plan = nextCheck(0);
  for (let round = 0; round < 5; round += 1) {
    try {
      if (plan === 'count') {
        const { data } = await guard
          .update({ userId })
          .add({ failures: 1 })
          .set({ expiresAt })
          .where(
            ({ failures, lockedUntil }, { notExists, lt }) =>
              `(${notExists(failures)} OR ${lt(failures, MAX_FAILURES - 1)}) AND ${notExists(lockedUntil)}`,
          )
          .go({ response: 'all_new' });
        return { allowed: true, failures: data.failures ?? 1 };
      }
      if (plan === 'countAndLock') {
        const lockedUntil = lockExpiry(now);
        await guard
          .patch({ userId })
          .set({ failures: MAX_FAILURES, lockedUntil, expiresAt })
          .where(
            (attr, { eq, notExists }) => `${eq(attr.failures, MAX_FAILURES - 1)} AND ${notExists(attr.lockedUntil)}`,
          )
          .go();
        return { allowed: true, failures: MAX_FAILURES, lockedUntil };
      }
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
    // the condition did not hold: see where the count stands (another request may have moved it)
    const current = await getGuard(userId);
    if (current?.lockedUntil && isLocked(current, now)) return { allowed: false, lockedUntil: current.lockedUntil };
    if (current?.lockedUntil && isLockExpired(current, now)) {
      await guard
        .patch({ userId })
        .set({ failures: 0, expiresAt })
        .remove(['lockedUntil'])
        .where(({ lockedUntil }, { eq }) => eq(lockedUntil, current.lockedUntil!))
        .go()
        .catch(ignoreConditionFailure);
      plan = 'count';
      continue;
    }
    plan = nextCheck(current?.failures ?? 0);
    if (plan === 'refuse') {
      // counted to the limit with no lock recorded (a lifted lock raced a check): lock now
      const lockedUntil = lockExpiry(now);
      await guard
        .patch({ userId })
        .set({ lockedUntil })
        .where((attr, { notExists }) => notExists(attr.lockedUntil))
        .go()
        .catch(ignoreConditionFailure);
      return { allowed: false, lockedUntil: (await getGuard(userId))?.lockedUntil ?? lockedUntil };
    }
  }
  throw new Conflict('로그인 요청이 몰려 처리하지 못했습니다. 잠시 후 다시 시도해 주세요.');
}

/** Gives back a check whose password Cognito did not judge (e.g. an unconfirmed account). */
export async function releasePasswordCheck(userId: string, claim: PasswordClaim & { allowed: true }): Promise<void> {
  const guard = bindEntity(SignInGuard).patch({ userId }).add({ failures: -1 });
  const release = claim.lockedUntil
    ? guard.remove(['lockedUntil']).where(({ lockedUntil }, { eq }) => eq(lockedUntil, claim.lockedUntil!))
    : guard.where(({ failures }, { gt }) => gt(failures, 0));
  await release.go().catch(ignoreConditionFailure);
}

export async function clearGuard(userId: string): Promise<void> {
  await bindEntity(SignInGuard).delete({ userId }).go();
}

function ignoreConditionFailure(error: unknown): void {
  if (!isConditionFailure(error)) throw error;
}

/** Records a challenge Cognito just issued (the SMS step or a first new password) for `userId`. */
export async function openChallenge(session: string, userId: string, step: ChallengeStep): Promise<void> {
  await bindEntity(SignInChallenge)
    .put({ sessionKey: challengeKey(session), userId, step, tries: 0, expiresAt: challengeExpiry(clock.nowMs()) })
    .go();
}

export async function getChallenge(session: string): Promise<ChallengeState | undefined> {
  const { data } = await bindEntity(SignInChallenge)
    .get({ sessionKey: challengeKey(session) })
    .go({ consistent: true });
  return data ? { userId: data.userId, step: data.step, tries: data.tries, expiresAt: data.expiresAt } : undefined;
}

/**
 * Counts one answer to a challenge before Cognito checks it, in one conditional update: only a
 * challenge issued here, for this person and step, still open, with tries left, takes it. Otherwise
 * says why not.
 */
export async function claimChallengeTry(
  session: string,
  userId: string,
  step: ChallengeStep,
): Promise<{ tries: number } | { refusal: ChallengeRefusal }> {
  const nowMs = clock.nowMs();
  try {
    const { data } = await bindEntity(SignInChallenge)
      .patch({ sessionKey: challengeKey(session) })
      .add({ tries: 1 })
      .where(
        (attr, { eq, gt, lt }) =>
          `${eq(attr.userId, userId)} AND ${eq(attr.step, step)} AND ${gt(attr.expiresAt, Math.floor(nowMs / 1000))} AND ${lt(attr.tries, MAX_CHALLENGE_TRIES)}`,
      )
      .go({ response: 'all_new' });
    return { tries: data.tries ?? 1 };
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
    const current = await getChallenge(session);
    return { refusal: challengeRefusal(current, userId, step, nowMs) ?? 'closed' };
  }
}

/** Uses a challenge up after a right answer; false when another request used it first. */
export async function consumeChallenge(session: string): Promise<boolean> {
  try {
    await bindEntity(SignInChallenge)
      .remove({ sessionKey: challengeKey(session) })
      .go();
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

export async function getStaffRequest(userId: string): Promise<StaffRequestItem | undefined> {
  const { data } = await bindEntity(StaffRequest).get({ userId }).go();
  return data ?? undefined;
}

export async function putStaffRequest(request: CreateEntityItem<typeof StaffRequest>): Promise<void> {
  await bindEntity(StaffRequest).put(request).go();
}

export async function listStaffRequests(branchId: string, status?: StaffRequestItem['status']) {
  const query = bindEntity(StaffRequest).query.byBranch(status ? { branchId, status } : { branchId });
  const { data } = await query.go({ pages: 'all' });
  return data;
}

/**
 * A change to a person's profile and/or staff request written together with its audit record, in one
 * transaction: the audit trail never misses a change, and never records one that did not happen.
 */
export async function saveAudited(
  caller: Caller,
  event: AuditEvent,
  change: { profile?: CreateEntityItem<typeof UserProfile>; staffRequest?: CreateEntityItem<typeof StaffRequest> },
): Promise<void> {
  await writeAudited(caller, event, { UserProfile, StaffRequest }, (entities) => [
    ...(change.profile ? [entities.UserProfile.put(change.profile).commit()] : []),
    ...(change.staffRequest ? [entities.StaffRequest.put(change.staffRequest).commit()] : []),
  ]);
}

/**
 * Sign-out, with its audit record: ID tokens the person holds from before it stop counting (the edge
 * compares their iat with this time, which is why it is the machine's time, like Cognito's).
 */
export async function markSignedOut(caller: Caller, at: string): Promise<void> {
  await writeAudited(
    caller,
    { action: 'auth.logout', targetType: 'user', targetId: caller.userId, subjectId: caller.userId },
    { profile: UserProfile },
    ({ profile }) => [profile.patch({ userId: caller.userId }).set({ signedOutAt: at }).commit()],
  );
}

// ── 회원정보수정: a phone change waiting for its code ──────────────────────────────────────────────

export async function getPhoneChange(userId: string) {
  const { data } = await bindEntity(PhoneChange).get({ userId }).go({ consistent: true });
  return data ?? undefined;
}

export async function putPhoneChange(change: { userId: string; phone: string; codeHash: string; expiresAt: number }) {
  await bindEntity(PhoneChange)
    .put({ ...change, tries: 0 })
    .go();
}

/** Counts an answer before it is checked, so parallel answers cannot try more codes than allowed. */
export async function countPhoneCodeTry(userId: string): Promise<void> {
  await bindEntity(PhoneChange).update({ userId }).add({ tries: 1 }).go();
}

export async function deletePhoneChange(userId: string): Promise<void> {
  await bindEntity(PhoneChange).delete({ userId }).go();
}
