import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  actionRefusal,
  type ClaimAction,
  type ClaimStatus,
  claimIdOf,
  executionNameOf,
  inClaimPeriod,
  monthRefusal,
  statusAfter,
} from '#functions/claims/claim-rules';
import { monthToClaim } from '#functions/claims/schedule';
import { previousMonth } from '#kernel/korea-time';

const STATUSES: ClaimStatus[] = ['computing', 'review', 'submitted', 'returned', 'approved', 'failed'];
const ACTIONS: ClaimAction[] = ['submit', 'recompute', 'approve', 'return', 'resume'];

describe('claim state rules', () => {
  it('lets the agency act in review or after a return, the branch on a submitted claim, resume on failure', () => {
    const allowed = STATUSES.flatMap((s) => ACTIONS.filter((a) => !actionRefusal(s, a)).map((a) => `${s}:${a}`));
    expect(allowed.sort()).toEqual(
      [
        'review:submit',
        'review:recompute',
        'returned:submit',
        'returned:recompute',
        'submitted:approve',
        'submitted:return',
        'failed:resume',
      ].sort(),
    );
  });

  it('keeps an approved claim immutable whatever is asked, and says so in Korean', () => {
    for (const action of ACTIONS)
      expect(actionRefusal('approved', action)).toBe('이미 승인된 사업비 신청은 바꿀 수 없습니다.');
  });

  it('leads every allowed action to a state from which the same action is not allowed again', () => {
    for (const status of STATUSES) {
      for (const action of ACTIONS) {
        if (actionRefusal(status, action)) continue;
        expect(actionRefusal(statusAfter(action), action)).toBeDefined();
      }
    }
  });
});

describe('months and names', () => {
  it('claims only months that are over, in Korea time', () => {
    // 2026-11-30 15:30 UTC is already December 1st in Korea
    expect(monthRefusal('2026-11', new Date('2026-11-30T15:30:00Z'))).toBeUndefined();
    expect(monthRefusal('2026-11', new Date('2026-11-30T14:30:00Z'))).toContain('아직 끝나지 않은 달');
    expect(monthRefusal('2099-01', new Date('2026-11-30T14:30:00Z'))).toContain('2099-01');
  });

  it('schedules the previous month in Korea time, across the new year', () => {
    expect(monthToClaim(new Date('2026-12-31T15:00:00Z'))).toBe('2026-12');
    expect(monthToClaim(new Date('2027-01-05T00:00:00Z'))).toBe('2026-12');
    expect(monthToClaim(new Date('2026-11-01T00:00:00Z'))).toBe('2026-10');
    expect(previousMonth('2027-01')).toBe('2026-12');
    expect(previousMonth('2026-10')).toBe('2026-09');
  });

  it('takes the days of the 1st’s week from the previous month, and nothing before or after', () => {
    // 2026-10-01 is a Thursday: the period starts on Monday 2026-09-28
    expect(inClaimPeriod('2026-10', '2026-09-27')).toBe(false);
    expect(inClaimPeriod('2026-10', '2026-09-28')).toBe(true);
    expect(inClaimPeriod('2026-10', '2026-10-31')).toBe(true);
    expect(inClaimPeriod('2026-10', '2026-11-01')).toBe(false);
  });

  it('makes execution names Step Functions accepts, one per attempt', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9-]{1,20}$/), fc.integer({ min: 1, max: 999 }), (agencyId, attempt) => {
        const name = executionNameOf(claimIdOf(agencyId, '2026-10'), attempt);
        expect(name).toMatch(/^[A-Za-z0-9_-]{1,80}$/);
        expect(name.endsWith(`-${attempt}`)).toBe(true);
      }),
    );
  });
});
