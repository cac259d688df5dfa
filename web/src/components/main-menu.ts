import { attrs, classes, html, type SafeHtml } from '../core/html.ts';
import type { MenuItem } from './menu.ts';

/**
 * KRDS main menu for desktop (.krds-main-menu .gnb-menu). First-level items are plain links
 * (`is-link`) to each section's first page; the section's pages are listed in the side navigation,
 * so no fly-out panel (and no script) is needed. Hidden below 1024 px by KRDS, where the mobile
 * menu takes over.
 */
export function mainMenu(items: readonly MenuItem[], activeId: string | undefined): SafeHtml {
  return html`<nav class="krds-main-menu" aria-label="주 메뉴">
  <div class="inner">
    <ul class="gnb-menu">
      ${items.map(
        (item) => html`<li>
        <a${attrs({
          href: item.href,
          class: classes('gnb-main-trigger', 'is-link', item.id === activeId && 'active'),
          'aria-current': item.id === activeId ? 'true' : undefined,
        })}>${item.label}</a>
      </li>`,
      )}
    </ul>
  </div>
</nav>`;
}
