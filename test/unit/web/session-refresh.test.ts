import { describe, expect, it } from 'vitest';
import {
  needsRefresh,
  REFRESH_MARGIN_MS,
  refreshedSession,
  type StoredSession,
} from '../../../web/src/identity/session.ts';

const me = { userId: 'agency_hanbit', name: '윤서진', phone: '010-****-0104', roles: [] };
const session: StoredSession = { idToken: 'old', refreshToken: 'refresh-1', expiresAt: 1_000_000, me };

describe('keeping an active person signed in past the token hour', () => {
  it('refreshes only within the margin before the token ends, and only with a refresh token', () => {
    expect(needsRefresh(session, 1_000_000 - REFRESH_MARGIN_MS - 1)).toBe(false);
    expect(needsRefresh(session, 1_000_000 - REFRESH_MARGIN_MS + 1)).toBe(true);
    expect(needsRefresh({ ...session, refreshToken: undefined }, 999_999)).toBe(false);
  });

  it('keeps the person and the refresh token, takes the new ID token and its expiry', () => {
    const next = refreshedSession(session, { idToken: 'not-a-jwt', accessToken: 'a', expiresIn: 3600 }, 2_000_000);
    expect(next).toEqual({ idToken: 'not-a-jwt', refreshToken: 'refresh-1', expiresAt: 2_000_000 + 3_600_000, me });
  });
});
