import { Entity, type EntityItem } from 'electrodb';
import { SERVICE_NAME } from '#commons/table';
import * as clock from '#kernel/clock';
import { STAFF_REQUEST_ROLES, STAFF_REQUEST_STATUSES } from './staff-contract.ts';

// The profile (with the role grants the HTTP edge reads on every request) lives in commons, below
// every capability; identity writes it.

/**
 * Password checks per login ID, for the lock after five failures. Counted with conditional updates
 * (ADD) before Cognito answers, so parallel requests count one by one; a right password deletes it.
 */
export const SignInGuard = new Entity({
  model: { entity: 'signInGuard', version: '1', service: SERVICE_NAME },
  attributes: {
    userId: { type: 'string', required: true },
    failures: { type: 'number', required: true, default: 0 },
    lockedUntil: { type: 'string' },
    expiresAt: { type: 'number' },
  },
  indexes: {
    byId: { pk: { field: 'pk', composite: ['userId'] }, sk: { field: 'sk', composite: [] } },
  },
});

/**
 * A sign-in step the product opened after a right password: the SMS code (mfa) or the first new
 * password (newPassword). Found by the SHA-256 of the Cognito session it was issued with (never the
 * session itself), so /auth/mfa and /auth/new-password go on only from a challenge issued here, for
 * the same person, still open, with tries left. A right answer deletes it; DynamoDB's TTL removes the
 * rest. Rules in sign-in-rules.ts.
 */
export const SignInChallenge = new Entity({
  model: { entity: 'signInChallenge', version: '1', service: SERVICE_NAME },
  attributes: {
    sessionKey: { type: 'string', required: true },
    userId: { type: 'string', required: true },
    step: { type: ['mfa', 'newPassword'] as const, required: true },
    /** answers sent, counted before Cognito checks them */
    tries: { type: 'number', required: true, default: 0 },
    /** epoch seconds: the challenge closes then (and the TTL attribute) */
    expiresAt: { type: 'number', required: true },
  },
  indexes: {
    byId: { pk: { field: 'pk', composite: ['sessionKey'] }, sk: { field: 'sk', composite: [] } },
  },
});

/**
 * A change of phone number waiting for the code sent to the new number (회원정보수정). One per person:
 * asking again replaces it. The code is kept only as a hash; five wrong answers or five minutes close
 * it, and DynamoDB's TTL removes what is left. Rules in profile-rules.ts.
 */
export const PhoneChange = new Entity({
  model: { entity: 'phoneChange', version: '1', service: SERVICE_NAME },
  attributes: {
    userId: { type: 'string', required: true },
    /** the new number, E.164 */
    phone: { type: 'string', required: true },
    codeHash: { type: 'string', required: true },
    tries: { type: 'number', required: true, default: 0 },
    /** epoch seconds: the code expires then (and the TTL attribute) */
    expiresAt: { type: 'number', required: true },
  },
  indexes: {
    byId: { pk: { field: 'pk', composite: ['userId'] }, sk: { field: 'sk', composite: [] } },
  },
});

/**
 * A staff member's request for an account at an agency or training institution. The branch the
 * organisation belongs to approves or rejects it, with a reason.
 */
export const StaffRequest = new Entity({
  model: { entity: 'staffRequest', version: '1', service: SERVICE_NAME },
  attributes: {
    userId: { type: 'string', required: true },
    organisationId: { type: 'string', required: true },
    organisationName: { type: 'string', required: true },
    role: { type: STAFF_REQUEST_ROLES, required: true },
    branchId: { type: 'string', required: true },
    position: { type: 'string', required: true },
    duties: { type: 'string', required: true },
    pledgeUploadId: { type: 'string', required: true },
    /** submitted → phoneConfirmed → approved | rejected */
    status: { type: STAFF_REQUEST_STATUSES, required: true },
    reason: { type: 'string' },
    decidedBy: { type: 'string' },
    decidedAt: { type: 'string' },
    createdAt: { type: 'string', required: true, readOnly: true, default: () => clock.nowIso() },
  },
  indexes: {
    byId: { pk: { field: 'pk', composite: ['userId'] }, sk: { field: 'sk', composite: [] } },
    byBranch: {
      index: 'gsi1',
      pk: { field: 'gsi1pk', composite: ['branchId'] },
      sk: { field: 'gsi1sk', composite: ['status', 'createdAt', 'userId'] },
    },
  },
});

export type StaffRequestItem = EntityItem<typeof StaffRequest>;
