import { html, type SafeHtml } from '../core/html.ts';
import type { MenuItem } from './menu.ts';

/**
 * The portal's Quick Menu (seed 000): shortcuts to the most used services. KRDS has no such
 * component, so it is a labelled navigation built from KRDS text buttons.
 */
export function quickMenu(items: readonly MenuItem[]): SafeHtml {
  if (!items.length) return html``;
  return html`<nav class="app-quick-menu" aria-labelledby="quick-menu-title">
  <h2 class="app-quick-title" id="quick-menu-title">Quick Menu<span class="sr-only"> (자주 찾는 서비스)</span></h2>
  <ul>
    ${items.map((item) => html`<li><a class="krds-btn medium text" href="${item.href}"><span>${item.label}</span><i class="svg-icon ico-angle right" aria-hidden="true"></i></a></li>`)}
  </ul>
</nav>`;
}
