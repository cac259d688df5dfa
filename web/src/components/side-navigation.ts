import { attrs, classes, html, type SafeHtml } from '../core/html.ts';
import { type MenuItem, samePath } from './menu.ts';

/**
 * KRDS side navigation (.krds-side-navigation): the pages of the current section as links. The
 * current page carries aria-current="page" (and KRDS's selected look); there are no fly-outs, so
 * the ARIA menu roles of KRDS's sample are left out (a list of links is what screen readers expect).
 */
export function sideNavigation(section: MenuItem, currentPath: string): SafeHtml {
  const titleId = `lnb-title-${section.id}`;
  return html`<nav class="krds-side-navigation" aria-labelledby="${titleId}">
  <h2 class="lnb-tit" id="${titleId}">${section.label}</h2>
  <ul class="lnb-list">
    ${(section.children ?? []).map((item) => {
      const current = samePath(item.href, currentPath);
      return html`<li class="${classes('lnb-item', current && 'active')}">
      <a${attrs({
        href: item.href,
        class: classes('lnb-btn', 'lnb-link', current && 'active selected'),
        'aria-current': current ? 'page' : undefined,
      })}>${item.label}</a>
    </li>`;
    })}
  </ul>
</nav>`;
}
