import { buttonLink } from '../components/button.ts';
import { findItem } from '../components/menu.ts';
import { html } from '../core/html.ts';
import type { PageContext, PageView } from '../shell/app.ts';
import { linkedPages } from '../shell/systems.ts';

/**
 * A path no screen serves yet. If the system's menus link to it, it is a service still being built:
 * say so under its real name. Otherwise the address is wrong: a 404 page that says what to do.
 */
export function fallbackPage(ctx: PageContext): PageView {
  const linked = findItem(linkedPages(ctx.system, ctx.viewer), ctx.url.pathname);
  if (linked) {
    return {
      title: linked.label,
      content: html`<div class="app-notice app-notice-info">
  <p class="app-notice-title">준비 중인 서비스입니다.</p>
  <p>이 화면은 아직 만들고 있습니다. 급한 일은 관할 한국장애인고용공단 지사에 문의해 주세요.</p>
</div>
<p class="app-actions">${buttonLink({ label: '처음 화면으로 가기', href: ctx.system.homeHref })}</p>`,
    };
  }
  return {
    title: '페이지를 찾을 수 없습니다',
    content: html`<p>입력한 주소가 틀렸거나, 페이지가 옮겨졌거나 없어졌습니다.</p>
<p>주소를 다시 확인하거나 처음 화면에서 메뉴를 골라 주세요.</p>
<p class="app-actions">${buttonLink({ label: '처음 화면으로 가기', href: ctx.system.homeHref })}</p>`,
  };
}
