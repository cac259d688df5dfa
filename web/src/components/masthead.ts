import { html, type SafeHtml } from '../core/html.ts';

/** KRDS masthead: the official e-government site banner that tops every Korean public-service site. */
export function masthead(): SafeHtml {
  return html`<div id="krds-masthead">
  <div class="toggle-wrap"><div class="toggle-head"><div class="inner">
    <span class="nuri-txt">이 누리집은 대한민국 공식 전자정부 누리집입니다.</span>
  </div></div></div>
</div>`;
}
