import { breadcrumb, type Crumb } from '../components/breadcrumb.ts';
import { bindErrorSummary } from '../components/error-summary.ts';
import { footer } from '../components/footer.ts';
import { bindSelectState } from '../components/form-field.ts';
import { header } from '../components/header.ts';
import { bindInboxBadge } from '../components/inbox-badge.ts';
import { findSection, trail } from '../components/menu.ts';
import { quickMenu } from '../components/quick-menu.ts';
import { bindSatisfaction, satisfaction } from '../components/satisfaction.ts';
import { type SessionBarInput, sessionBar } from '../components/session-bar.ts';
import { sideNavigation } from '../components/side-navigation.ts';
import { skipLink } from '../components/skip-link.ts';
import { html, type SafeHtml } from '../core/html.ts';
import { bindMobileMenu } from './mobile-menu.ts';
import type { SystemDefinition, Viewer } from './systems.ts';

export const MAIN_ID = 'main-content';
export const TITLE_ID = 'page-title';

export interface LayoutInput {
  system: SystemDefinition;
  viewer: Viewer;
  path: string;
  /** the page's one h1 */
  title: string;
  /** text under the h1 saying what the page is for */
  lead?: string;
  content: SafeHtml;
  /** 'home': no side navigation or breadcrumb; 'sub': every other page */
  variant: 'home' | 'sub';
  /** overrides the breadcrumb derived from the menu (pages not in the menu) */
  crumbs?: Crumb[];
  /** the signed-in person's bar (name, role, countdown, 로그아웃); absent when nobody is signed in */
  session?: SessionBarInput;
}

/**
 * The page frame every screen lives in: skip link, header (masthead, menus), side navigation of the
 * current section, breadcrumb, main with the one h1, quick menu, satisfaction question, footer.
 */
export function layout(input: LayoutInput): SafeHtml {
  const { system, viewer, path, title, lead, content, variant } = input;
  const menu = system.menu(viewer);
  const section = findSection(menu, path);
  const crumbs = input.crumbs ?? crumbsFor(menu, path, title);
  const showSide = variant === 'sub' && section?.children?.length;
  return html`<div id="wrap" class="app-system-${system.id}">
  ${skipLink(MAIN_ID)}
  ${header({
    owner: system.owner,
    systemName: system.name,
    homeHref: system.homeHref,
    utility: system.utility(viewer),
    actions: system.actions(viewer),
    menu,
    activeId: section?.id,
    currentPath: path,
    session: input.session ? sessionBar(input.session) : undefined,
  })}
  <div id="container" class="app-container app-${variant}">
    <div class="inner app-columns${showSide ? ' has-side' : ''}">
      ${showSide && section ? html`<div class="app-side">${sideNavigation(section, path)}</div>` : ''}
      <div class="app-body">
        ${variant === 'sub' ? breadcrumb(system.homeHref, crumbs) : ''}
        <main id="${MAIN_ID}" tabindex="-1" class="app-main">
          <h1 id="${TITLE_ID}" class="app-title" tabindex="-1">${title}</h1>
          ${lead ? html`<p class="app-lead">${lead}</p>` : ''}
          ${content}
          ${system.satisfaction ? satisfaction() : ''}
        </main>
      </div>
      ${quickMenu(system.quickMenu(viewer))}
    </div>
  </div>
  ${footer({ owner: system.owner, systemName: system.name, links: system.footerLinks })}
</div>`;
}

function crumbsFor(menu: ReturnType<SystemDefinition['menu']>, path: string, title: string): Crumb[] {
  const chain = trail(menu, path).map((item) => ({ label: item.label, href: item.href }));
  return chain.length ? chain : [{ label: title, href: path }];
}

/**
 * Behaviour of the frame after it is in the document; returns the cleanup for the next navigation.
 * Delegated listeners go on #wrap, which each render replaces, so they never pile up.
 */
export function bindLayout(root: HTMLElement, currentPath: () => string): () => void {
  const frame = root.querySelector<HTMLElement>('#wrap') ?? root;
  const unbindMenu = bindMobileMenu(frame);
  bindErrorSummary(frame);
  bindSelectState(frame);
  bindSatisfaction(frame, currentPath);
  const unbindInbox = bindInboxBadge(frame);
  return () => {
    unbindMenu();
    unbindInbox();
  };
}

/** "페이지 | 시스템"; GOV.UK's "오류: " prefix when the page shows an error summary. */
export function documentTitle(page: string, system: SystemDefinition, hasError = false): string {
  const base = page === system.name ? system.name : `${page} | ${system.name}`;
  return `${hasError ? '오류: ' : ''}${base}`;
}
