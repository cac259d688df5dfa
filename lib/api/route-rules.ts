import type { Capability, RouteSpec } from '#commons/http/route';

/** The only places a route may go without a token: the portal's public pages and the sign-in steps. */
export const PUBLIC_PREFIXES = ['/public', '/auth'] as const;

export function isPublic(route: RouteSpec): boolean {
  return route.access === 'public';
}

/**
 * Routes anyone may call that change something or send an SMS: the sign-in and sign-up steps under
 * /auth, anonymous uploads, page feedback. They get the stage's lower `anonymous` throttle; public
 * reads (the directory, job postings, the clock) keep the stage default.
 */
export function isAnonymousWrite(route: RouteSpec): boolean {
  return isPublic(route) && (route.method !== 'GET' || route.path === '/auth' || route.path.startsWith('/auth/'));
}

export function isUnderPublicPrefix(path: string): boolean {
  return PUBLIC_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}

/**
 * Refuses to synthesise an API in which a public route sits outside /public and /auth: making a route
 * public must be visible in its address, so that a reviewer (and the WAF rules, later) can see it.
 */
export function assertRoutesPlaced(capabilities: Capability[]): void {
  const misplaced = capabilities.flatMap((capability) =>
    capability.routes
      .filter((route) => isPublic(route) && !isUnderPublicPrefix(route.path))
      .map((route) => `${route.method} ${route.path} (${capability.name})`),
  );
  if (misplaced.length > 0) {
    throw new Error(
      `Public routes must live under ${PUBLIC_PREFIXES.join(' or ')}; move them or require a role: ${misplaced.join(', ')}`,
    );
  }
}
