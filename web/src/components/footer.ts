import { attrs, html, type SafeHtml } from '../core/html.ts';
import type { MenuItem } from './menu.ts';

/** KRDS footer (#krds-footer) with the policy links of the seed portal and the KRDS identifier. */
export function footer(options: { owner: string; systemName: string; links: readonly MenuItem[] }): SafeHtml {
  const { owner, systemName, links } = options;
  return html`<footer id="krds-footer">
  <div class="inner">
    <div class="f-logo app-f-logo"><span class="app-logo-owner">${owner}</span><span class="app-logo-name">${systemName}</span></div>
    <div class="f-btm">
      <div class="f-btm-text">
        <div class="f-menu">
          ${links.map((link, i) => html`<a${attrs({ href: link.href, class: i === 0 ? 'point' : undefined })}>${link.label}</a>`)}
        </div>
        <p class="f-copy">© ${owner}. All rights reserved.</p>
      </div>
      ${identifier(owner)}
    </div>
  </div>
</footer>`;
}

/** KRDS identifier: which organisation the site belongs to. */
export function identifier(owner: string): SafeHtml {
  return html`<div class="krds-identifier app-identifier"><span class="ban-txt">이 누리집은 ${owner} 누리집입니다.</span></div>`;
}
