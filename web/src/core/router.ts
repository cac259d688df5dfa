// Path matching and link interception for a History API router: real URLs (/work-assistant/
// organisations?sido=11), no hash routing. Pure parts are separate so they can be unit-tested.

import { normalisePath } from '../components/menu.ts';

/** `/a/:id/b` matches `/a/42/b` with { id: '42' }. */
export function matchPath(pattern: string, path: string): Record<string, string> | undefined {
  const want = normalisePath(pattern).split('/');
  const have = normalisePath(path).split('/');
  if (want.length !== have.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i]!;
    const h = have[i]!;
    if (w.startsWith(':')) {
      if (!h) return undefined;
      try {
        params[w.slice(1)] = decodeURIComponent(h);
      } catch {
        return undefined;
      }
    } else if (w !== h) return undefined;
  }
  return params;
}

/** Paths the app never handles itself: the API, static files, the local stack's own pages. */
const SERVER_PATHS = [/^\/api(\/|$)/, /^\/assets\//, /^\/vendor\//, /^\/local(\/|$)/, /^\/health$/, /\.[a-z0-9]+$/i];

/**
 * The same-origin URL a click on this anchor should route to inside the app, or undefined when the
 * browser should handle it (new tab, download, other origin, in-page anchor, server path).
 */
export function routableHref(anchor: HTMLAnchorElement, event: MouseEvent, current: Location): URL | undefined {
  if (event.defaultPrevented || event.button !== 0) return undefined;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return undefined;
  if (anchor.target && anchor.target !== '_self') return undefined;
  if (anchor.hasAttribute('download') || anchor.getAttribute('rel')?.includes('external')) return undefined;
  const href = anchor.getAttribute('href');
  if (!href || href.startsWith('#')) return undefined;
  const url = new URL(anchor.href, current.href);
  if (url.origin !== current.origin) return undefined;
  if (SERVER_PATHS.some((re) => re.test(url.pathname))) return undefined;
  return url;
}

export function withQuery(path: string, query: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v) params.set(k, v);
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}
