import { USER_POOL } from '#commons/user-pool';

// the edge decides whether a token still counts (the profile lives in commons): tokenCounts

// Where a signed-in person's refresh token lives, and when their tokens stop counting (issue 22 §7).
//
// The refresh token never reaches page scripts: the API sets it as an HttpOnly, Secure,
// SameSite=Strict cookie scoped to the sign-in routes, and POST /auth/refresh reads it from there.
// The page keeps only the ID token (an hour), in sessionStorage. Signing out revokes the refresh
// token at Cognito and marks the time on the person's profile, so ID tokens issued before it are
// refused by the API at once instead of working until their hour is up; withdrawal deletes the login
// and its profile refuses every token.

export const REFRESH_COOKIE = 'kead_refresh';
/** The cookie goes only to the routes that use it (the API is under /api behind CloudFront and locally). */
export const REFRESH_COOKIE_PATH = '/api/auth';

/** Set-Cookie of a refresh token: as long as Cognito accepts it, never readable by scripts or other sites. */
export function refreshCookie(token: string, maxAgeSeconds = USER_POOL.refreshTokenDays * 24 * 3600): string {
  return `${REFRESH_COOKIE}=${encodeURIComponent(token)}; Path=${REFRESH_COOKIE_PATH}; Max-Age=${maxAgeSeconds}; HttpOnly; Secure; SameSite=Strict`;
}

/** Set-Cookie that removes it (sign-out, withdrawal, a refused refresh). */
export function clearedRefreshCookie(): string {
  return `${REFRESH_COOKIE}=; Path=${REFRESH_COOKIE_PATH}; Max-Age=0; HttpOnly; Secure; SameSite=Strict`;
}

/** The refresh token a request carries in its Cookie header(s), if any. */
export function refreshTokenFrom(headers: Record<string, string | undefined> | null | undefined): string | undefined {
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() !== 'cookie' || !value) continue;
    for (const part of value.split(';')) {
      const [key, ...rest] = part.trim().split('=');
      if (key !== REFRESH_COOKIE) continue;
      const token = decodeURIComponent(rest.join('='));
      // a Cognito refresh token (a JWE) is under 2,000 characters; anything else is not one
      if (token.length >= 20 && token.length <= 8192 && /^[A-Za-z0-9._~+/=-]+$/.test(token)) return token;
    }
  }
  return undefined;
}
