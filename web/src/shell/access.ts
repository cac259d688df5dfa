import type { Role } from '#commons/roles';
import { canUse, type SystemDefinition, type Viewer } from './systems.ts';

// Which pages a viewer may open in the browser. This only decides what to show (the sign-in page,
// the page, or a "no permission" page); the API checks every request itself.

export interface RouteAccess {
  /** open to everyone, even inside a staff system (sign-in, account requests) */
  public?: boolean;
  /** only for people holding one of these roles (narrower than the system's roles) */
  roles?: readonly Role[];
}

export type PageAccess = { kind: 'ok' } | { kind: 'signIn'; href: string } | { kind: 'forbidden' };

export function pageAccess(
  system: SystemDefinition,
  route: RouteAccess | undefined,
  viewer: Viewer,
  location: { pathname: string; search: string },
): PageAccess {
  if (route?.public) return { kind: 'ok' };
  const needsSignIn = Boolean(route?.roles) || system.needsSignIn(location.pathname);
  if (!needsSignIn) return { kind: 'ok' };
  if (!viewer.signedIn) return { kind: 'signIn', href: loginHref(system, location.pathname + location.search) };
  if (!canUse(system, viewer)) return { kind: 'forbidden' };
  if (route?.roles && !route.roles.some((role) => viewer.roles.includes(role))) return { kind: 'forbidden' };
  return { kind: 'ok' };
}

/** The system's sign-in page, asked to come back to `next` afterwards. */
export function loginHref(system: SystemDefinition, next?: string, reason?: string): string {
  const params = new URLSearchParams();
  if (reason) params.set('reason', reason);
  if (next && next !== system.loginHref) params.set('next', next);
  const query = params.toString();
  return `${system.loginHref}${query ? `?${query}` : ''}`;
}

/**
 * Where to go after sign-in: the `next` page when it is a path of this site the person may open,
 * else the home of their work system. `next` comes from the URL, so anything else (another origin,
 * //evil.example) is ignored.
 */
export function afterSignIn(next: string | null, viewer: Viewer, homeOf: (viewer: Viewer) => string): string {
  if (next && /^\/(?!\/)/.test(next) && !/^\/[^/]*\/?login(\?|$)/.test(next)) return next;
  return homeOf(viewer);
}
