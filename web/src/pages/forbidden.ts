import { button } from '../components/button.ts';
import { LOGOUT_ACTION } from '../components/session-bar.ts';
import { html } from '../core/html.ts';
import { roleText } from '../identity/session.ts';
import type { PageContext, PageView } from '../shell/app.ts';
import { homeSystemOf } from '../shell/systems.ts';

/** A signed-in person opened a page their roles do not reach: say so, and where to go instead. */
export function forbiddenPage(ctx: PageContext): PageView {
  const home = homeSystemOf(ctx.viewer);
  return {
    title: '이 화면을 볼 권한이 없습니다',
    content: html`<p>이 화면은 ${ctx.system.name}을(를) 쓰는 담당자만 볼 수 있습니다.</p>
<p>지금 로그인한 계정(${roleText(ctx.viewer)})으로는 볼 수 없습니다. 다른 계정으로 로그인하거나 내 업무 화면으로 가세요.</p>
<div class="app-form-actions">
  <a class="krds-btn primary large" href="${home.homeHref}">${home.name}(으)로 가기</a>
  ${button({ label: '로그아웃', variant: 'secondary', size: 'large', data: { action: LOGOUT_ACTION } })}
</div>`,
  };
}
