import { normalisePath } from '../components/menu.ts';
import type { SessionBarInput } from '../components/session-bar.ts';
import { announce } from '../core/announcer.ts';
import type { SafeHtml } from '../core/html.ts';
import { matchPath, routableHref } from '../core/router.ts';
import { pageAccess, type RouteAccess } from './access.ts';
import { bindLayout, documentTitle, layout, TITLE_ID } from './layout.ts';
import { ANONYMOUS, SYSTEMS, type SystemDefinition, type SystemId, systemForPath, type Viewer } from './systems.ts';

export interface PageContext {
  url: URL;
  params: Record<string, string>;
  viewer: Viewer;
  system: SystemDefinition;
  /** aborted when the user leaves the page: cancel fetches with it */
  signal: AbortSignal;
  navigate(to: string, options?: { replace?: boolean }): void;
  /** update document.title (e.g. with the 오류 prefix while an error summary shows) */
  setTitle(page: string, options?: { error?: boolean }): void;
  announce(message: string): void;
}

export interface PageView {
  title: string;
  lead?: string;
  variant?: 'home' | 'sub';
  content: SafeHtml;
  /** behaviour once the markup is in the document; `main` is the page's <main> */
  mount?(main: HTMLElement): void;
  /**
   * The URL changed but stayed on this route (only the query differs): update in place and return
   * true, or return false to render the page again.
   */
  update?(ctx: PageContext): boolean;
}

export interface Route extends RouteAccess {
  path: string;
  system: SystemId;
  page(ctx: PageContext): PageView;
}

/** What to show for a path no route serves: the menu's title for a page still to come, or 404. */
export type Fallback = (ctx: PageContext) => PageView;

export interface AppOptions {
  /** the signed-in person's bar for the header, drawn on every page while signed in */
  sessionBar?: () => SessionBarInput | undefined;
  /** what a signed-in person sees on a page their roles do not open */
  forbidden?: Fallback;
  /** who is looking at the first render (a session restored from the tab's storage) */
  viewer?: Viewer;
}

export class App {
  private current: { route: Route | undefined; key: string; view: PageView; ctx: PageContext } | undefined;
  private controller = new AbortController();
  private unbindLayout: () => void = () => {};
  private viewer: Viewer;
  private rendered = false;

  constructor(
    private readonly root: HTMLElement,
    private readonly routes: readonly Route[],
    private readonly fallback: Fallback,
    private readonly options: AppOptions = {},
  ) {
    this.viewer = options.viewer ?? ANONYMOUS;
  }

  currentViewer(): Viewer {
    return this.viewer;
  }

  start(): void {
    document.addEventListener('click', (event) => {
      const anchor = (event.target as Element | null)?.closest?.('a[href]');
      if (!(anchor instanceof HTMLAnchorElement)) return;
      const url = routableHref(anchor, event, window.location);
      if (!url) return;
      event.preventDefault();
      this.navigate(url.pathname + url.search + url.hash);
    });
    window.addEventListener('popstate', () => {
      // A fragment change (the skip link, #field links) is not a navigation.
      if (this.current && this.current.key === keyOf(window.location)) return;
      this.resolve();
    });
    this.resolve();
  }

  /**
   * Who is looking changed (signed in, signed out): menus and pages depend on it, so the current page
   * is rendered again for the new viewer.
   */
  setViewer(viewer: Viewer, options: { navigateTo?: string } = {}): void {
    this.viewer = viewer;
    this.current = undefined;
    if (options.navigateTo) this.navigate(options.navigateTo, { replace: true });
    else this.resolve();
  }

  /** The current page drawn again from scratch (the day it shows changed: see main.ts). */
  redraw(): void {
    this.current = undefined;
    this.resolve();
  }

  navigate(to: string, options: { replace?: boolean } = {}): void {
    const url = new URL(to, window.location.href);
    if (options.replace) history.replaceState(null, '', url);
    else history.pushState(null, '', url);
    this.resolve();
  }

  private resolve(): void {
    const url = new URL(window.location.href);
    const path = normalisePath(url.pathname);
    const matched = this.routes
      .map((route) => ({ route, params: matchPath(route.path, path) }))
      .find((m) => m.params !== undefined);
    const route = matched?.route;

    if (this.current && route && this.current.route === route && this.current.view.update) {
      const ctx = { ...this.current.ctx, url };
      if (this.current.view.update(ctx)) {
        this.current = { ...this.current, key: keyOf(window.location), ctx };
        return;
      }
    }

    // Pages no route serves yet belong to the system their path is under (/agency/claims).
    const system = route ? SYSTEMS[route.system] : systemForPath(path);
    const access = pageAccess(system, route, this.viewer, { pathname: path, search: url.search });
    if (access.kind === 'signIn') {
      this.navigate(access.href, { replace: true });
      return;
    }

    this.controller.abort();
    this.controller = new AbortController();
    const ctx: PageContext = {
      url,
      params: matched?.params ?? {},
      viewer: this.viewer,
      system,
      signal: this.controller.signal,
      navigate: (to, options) => this.navigate(to, options),
      setTitle: (page, options) => {
        document.title = documentTitle(page, system, options?.error);
      },
      announce,
    };
    const view =
      access.kind === 'forbidden'
        ? (this.options.forbidden ?? this.fallback)(ctx)
        : route
          ? route.page(ctx)
          : this.fallback(ctx);

    this.unbindLayout();
    this.root.innerHTML = layout({
      system,
      viewer: this.viewer,
      path,
      title: view.title,
      lead: view.lead,
      content: view.content,
      variant: view.variant ?? 'sub',
      session: this.viewer.signedIn ? this.options.sessionBar?.() : undefined,
    }).value;
    this.unbindLayout = bindLayout(this.root, () => window.location.pathname);
    document.title = documentTitle(view.title, system);
    this.current = { route, key: keyOf(window.location), view, ctx };
    const main = this.root.querySelector<HTMLElement>('main')!;
    view.mount?.(main);

    // On the first load the browser starts at the top with the skip link first; after an in-app
    // navigation, focus moves to the new page's h1 so screen readers announce where the user is.
    if (this.rendered) {
      window.scrollTo(0, 0);
      document.getElementById(TITLE_ID)?.focus();
    }
    this.rendered = true;
  }
}

function keyOf(location: Location): string {
  return location.pathname + location.search;
}
