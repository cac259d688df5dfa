import { describe, expect, it } from 'vitest';
import {
  needsRefresh,
  REFRESH_MARGIN_MS,
  refreshedSession,
  type StoredSession,
  sessionFrom,
  type Tokens,
} from '../../../web/src/identity/session.ts';

const me = { userId: 'agency_hanbit', name: '윤서진', phone: '010-****-0104', roles: [] };
const session: StoredSession = { idToken: 'old', refreshable: true, expiresAt: 1_000_000, me };

describe('keeping an active person signed in past the token hour', () => {
  it('refreshes only within the margin before the token ends, and only a session that can be refreshed', () => {
    expect(needsRefresh(session, 1_000_000 - REFRESH_MARGIN_MS - 1)).toBe(false);
    expect(needsRefresh(session, 1_000_000 - REFRESH_MARGIN_MS + 1)).toBe(true);
    expect(needsRefresh({ ...session, refreshable: false }, 999_999)).toBe(false);
  });

  it('keeps the person, takes the new ID token and its expiry, and holds no refresh token', () => {
    const next = refreshedSession(session, { idToken: 'not-a-jwt', accessToken: 'a', expiresIn: 3600 }, 2_000_000);
    expect(next).toEqual({ idToken: 'not-a-jwt', refreshable: true, expiresAt: 2_000_000 + 3_600_000, me });
  });

  it('never keeps a refresh token in the tab, even if an answer carried one', () => {
    const answer = { idToken: 'id', accessToken: 'a', expiresIn: 3600, refreshToken: 'refresh-secret' } as Tokens;
    expect(JSON.stringify(sessionFrom(answer, me, 0))).not.toContain('refresh-secret');
  });
});
