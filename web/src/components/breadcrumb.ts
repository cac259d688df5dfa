import { attrs, html, type SafeHtml } from '../core/html.ts';

export interface Crumb {
  label: string;
  href: string;
}

/** KRDS breadcrumb (.krds-breadcrumb-wrap): 홈 › section › page; the last crumb is the current page. */
export function breadcrumb(homeHref: string, crumbs: readonly Crumb[]): SafeHtml {
  return html`<nav class="krds-breadcrumb-wrap" aria-label="현재 경로">
  <ol class="breadcrumb">
    <li class="home"><a href="${homeHref}" class="txt">홈</a></li>
    ${crumbs.map(
      (crumb, i) =>
        html`<li><a${attrs({
          href: crumb.href,
          class: 'txt',
          'aria-current': i === crumbs.length - 1 ? 'page' : undefined,
        })}>${crumb.label}</a></li>`,
    )}
  </ol>
</nav>`;
}
