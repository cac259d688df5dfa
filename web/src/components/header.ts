import { attrs, html, type SafeHtml } from '../core/html.ts';
import { mainMenu } from './main-menu.ts';
import { masthead } from './masthead.ts';
import type { MenuItem } from './menu.ts';
import { MOBILE_MENU_ID, mobileMenu } from './mobile-menu.ts';

/** A header action button (KRDS .btn-navi): 로그인, 회원가입, 마이페이지, 로그아웃. */
export interface HeaderAction {
  kind: 'login' | 'join' | 'my';
  label: string;
  href: string;
}

export interface HeaderOptions {
  /** the organisation that runs the system, shown above its name */
  owner: string;
  systemName: string;
  homeHref: string;
  /** small links at the very top (other systems, 고객센터) */
  utility: readonly MenuItem[];
  actions: readonly HeaderAction[];
  menu: readonly MenuItem[];
  activeId: string | undefined;
  currentPath: string;
  /** who is signed in, the idle countdown and 로그아웃 (components/session-bar.ts) */
  session?: SafeHtml;
}

/** KRDS header (#krds-header): masthead, utility links, branding, actions, main menu, mobile menu. */
export function header(options: HeaderOptions): SafeHtml {
  const { owner, systemName, homeHref, utility, actions, menu, activeId, currentPath, session } = options;
  return html`<header id="krds-header">
  ${masthead()}
  ${session ?? ''}
  <div class="header-in">
    <div class="header-container">
      <div class="inner">
        ${
          utility.length
            ? html`<div class="header-utility">
          <ul class="utility-list">
            ${utility.map(
              (u) =>
                html`<li><a${attrs({
                  href: u.href,
                  class: 'krds-btn small text',
                  target: u.external ? '_blank' : undefined,
                  rel: u.external ? 'noopener' : undefined,
                  title: u.external ? '새 창 열림' : undefined,
                })}>${u.label}</a></li>`,
            )}
          </ul>
        </div>`
            : ''
        }
        <div class="header-branding">
          <div class="logo app-logo">
            <a href="${homeHref}"><span class="app-logo-owner">${owner}</span><span class="app-logo-name">${systemName}</span></a>
          </div>
          <div class="header-actions">
            ${actions.map((a) => html`<a class="btn-navi ${a.kind}" href="${a.href}">${a.label}</a>`)}
            <button type="button" class="btn-navi all" aria-controls="${MOBILE_MENU_ID}" aria-expanded="false" aria-haspopup="dialog">전체메뉴</button>
          </div>
        </div>
      </div>
    </div>
    ${mainMenu(menu, activeId)}
  </div>
  ${mobileMenu({ items: menu, activeId, currentPath, utility: [...utility, ...actions.map((a) => ({ id: a.kind, label: a.label, href: a.href }))] })}
</header>`;
}
