import { html, type SafeHtml } from '../core/html.ts';

/** KRDS skip link (건너뛰기 링크): the first focusable element of every page. */
export function skipLink(targetId: string): SafeHtml {
  return html`<div id="krds-skip-link"><a href="#${targetId}">본문 바로가기</a></div>`;
}
