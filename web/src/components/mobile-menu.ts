import { attrs, classes, html, type SafeHtml } from '../core/html.ts';
import { type MenuItem, samePath } from './menu.ts';

export const MOBILE_MENU_ID = 'mobile-nav';

/**
 * KRDS mobile main menu (.krds-main-menu-mobile): the full menu as a panel opened by the header's
 * 전체메뉴 button below 1024 px. Behaviour (open, close, Esc, focus) lives in shell/mobile-menu.ts.
 */
export function mobileMenu(options: {
  items: readonly MenuItem[];
  activeId: string | undefined;
  currentPath: string;
  utility: readonly MenuItem[];
}): SafeHtml {
  const { items, activeId, currentPath, utility } = options;
  return html`<div id="${MOBILE_MENU_ID}" class="krds-main-menu-mobile" hidden role="dialog" aria-modal="true" aria-label="전체메뉴">
  <div class="gnb-wrap" tabindex="-1">
    <div class="gnb-header">
      ${
        utility.length
          ? html`<div class="gnb-utils">
        <ul class="utility-list">
          ${utility.map((u) => html`<li><a class="krds-btn small text" href="${u.href}">${u.label}</a></li>`)}
        </ul>
      </div>`
          : ''
      }
    </div>
    <div class="gnb-body">
      <div class="gnb-menu">
        <div class="submenu-wrap">
          ${items.map(
            (item) => html`<div class="gnb-sub-list">
            <h2 class="sub-title"><a${attrs({
              href: item.href,
              'aria-current': item.id === activeId ? 'true' : undefined,
            })}>${item.label}</a></h2>
            ${
              item.children?.length
                ? html`<ul>
              ${item.children.map(
                (child) =>
                  html`<li><a${attrs({
                    href: child.href,
                    class: classes('gnb-sub-trigger', samePath(child.href, currentPath) && 'selected'),
                    'aria-current': samePath(child.href, currentPath) ? 'page' : undefined,
                    target: child.external ? '_blank' : undefined,
                    rel: child.external ? 'noopener' : undefined,
                    title: child.external ? '새 창 열림' : undefined,
                  })}>${child.label}</a></li>`,
              )}
            </ul>`
                : ''
            }
          </div>`,
          )}
        </div>
      </div>
    </div>
    <button type="button" class="krds-btn medium icon" id="close-nav">
      <span class="sr-only">전체메뉴 닫기</span>
      <i class="svg-icon ico-popup-close" aria-hidden="true"></i>
    </button>
  </div>
</div>`;
}
