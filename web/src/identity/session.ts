import { isRole, type Role } from '#commons/roles';
import type { MeResponse, Tokens } from '#functions/identity/sign-in-contract';
import type { Viewer, ViewerGrant } from '../shell/systems.ts';

// The signed-in session in the browser: the ID token from POST /api/auth/mfa and the person from
// GET /api/me. Kept in sessionStorage, never localStorage: it ends with the tab, is not shared with
// other tabs, and does not outlive the browser on a shared computer (an office PC, a community
// centre). The refresh token is never here: the API keeps it in an HttpOnly cookie that page scripts
// cannot read (README, "Sign-in and tokens"). Pure functions over a Storage so they are unit-tested
// without a browser.

export const SESSION_KEY = 'kead.session';

/** The tokens of a finished sign-in, and GET /api/me: inferred from the sign-in contract. */
export type { MeResponse as Me, Tokens };

export interface StoredSession {
  idToken: string;
  /**
   * whether an ID token near its end can be swapped for a new one while the person is active (POST
   * /api/auth/refresh, with the HttpOnly cookie the API set at sign-in)
   */
  refreshable: boolean;
  /** when the ID token stops being accepted (ms since epoch) */
  expiresAt: number;
  me: MeResponse;
}

/** The `exp` claim of a JWT in ms, or undefined when the token cannot be read. */
export function tokenExpiry(token: string): number | undefined {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  try {
    const json = atob(
      payload
        .replace(/-/g, '+')
        .replace(/_/g, '/')
        .padEnd(Math.ceil(payload.length / 4) * 4, '='),
    );
    const exp = (JSON.parse(json) as { exp?: unknown }).exp;
    return typeof exp === 'number' ? exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}

export function sessionFrom(tokens: Tokens, me: MeResponse, now: number): StoredSession {
  const expiresAt = tokenExpiry(tokens.idToken) ?? now + tokens.expiresIn * 1000;
  return { idToken: tokens.idToken, refreshable: true, expiresAt, me };
}

/** Refresh when the ID token has less than this left: an API call then never carries a dying token. */
export const REFRESH_MARGIN_MS = 5 * 60_000;

export function needsRefresh(session: StoredSession, now: number): boolean {
  return session.refreshable === true && session.expiresAt - now < REFRESH_MARGIN_MS;
}

/** The session with the new ID token from POST /api/auth/refresh (same person, same cookie). */
export function refreshedSession(session: StoredSession, tokens: Tokens, now: number): StoredSession {
  return { ...session, ...sessionFrom(tokens, session.me, now) };
}

export function saveSession(storage: Pick<Storage, 'setItem'>, session: StoredSession): void {
  storage.setItem(SESSION_KEY, JSON.stringify(session));
}

export function clearSession(storage: Pick<Storage, 'removeItem'>): void {
  storage.removeItem(SESSION_KEY);
}

/** The stored session if it is readable and its token still valid; a broken or expired one is removed. */
export function loadSession(storage: Pick<Storage, 'getItem' | 'removeItem'>, now: number): StoredSession | undefined {
  const raw = storage.getItem(SESSION_KEY);
  if (!raw) return undefined;
  try {
    const session = JSON.parse(raw) as StoredSession;
    const valid =
      typeof session.idToken === 'string' &&
      typeof session.expiresAt === 'number' &&
      session.expiresAt > now &&
      typeof session.me?.name === 'string' &&
      Array.isArray(session.me.roles);
    if (valid) return session;
  } catch {
    // fall through: an unreadable entry is as good as none
  }
  clearSession(storage);
  return undefined;
}

export function viewerOf(me: MeResponse): Viewer {
  const grants = me.roles.filter((g) => isRole(g.role));
  const roles = [...new Set(grants.map((g) => g.role))] as Role[];
  return { signedIn: true, userId: me.userId, name: me.name, phone: me.phone, roles, grants };
}

/** "수행기관 · 한빛근로지원센터", roles joined by commas: what the header says about the person. */
export function roleText(viewer: Viewer): string {
  if (!viewer.signedIn) return '';
  const grants = viewer.grants ?? viewer.roles.map((role) => ({ role, label: role }) as ViewerGrant);
  return grants.map((g) => (g.organisationName ? `${g.label} · ${g.organisationName}` : g.label)).join(', ');
}

/** "+********0104" → "끝자리 0104": where the code went, said the way people say it. */
export function describeDestination(destination: string): string {
  const last = destination.replace(/\D/g, '').slice(-4);
  return last.length === 4 ? `휴대전화(끝자리 ${last})` : '등록된 휴대전화';
}
