import { html } from '../core/html.ts';
import { roleText } from '../identity/session.ts';
import type { PageContext, PageView } from '../shell/app.ts';

// The first page of a work system (수행기관·교육기관, 내부, 청년일경험 운영): who is signed in, then the
// menu of their roles as sections of links, so every task is one click away and the role's menu is
// visible without opening anything.

export function systemHomePage(ctx: PageContext): PageView {
  const viewer = ctx.viewer;
  const sections = ctx.system.menu(viewer);
  return {
    title: ctx.system.name,
    variant: 'home',
    lead: viewer.signedIn ? `${viewer.name}님, 오늘 할 일을 아래 메뉴에서 고르세요.` : undefined,
    content: html`${
      viewer.signedIn
        ? html`<section class="app-who" aria-labelledby="who-title">
  <h2 class="app-section-title" id="who-title">로그인 정보</h2>
  <dl class="app-facts">
    <div><dt>이름</dt><dd>${viewer.name}</dd></div>
    <div><dt>역할과 소속</dt><dd>${roleText(viewer)}</dd></div>
  </dl>
</section>`
        : ''
    }
<section class="app-menu-sections" aria-labelledby="work-menu-title">
  <h2 class="app-section-title" id="work-menu-title">업무 메뉴</h2>
  <ul class="app-card-list">
    ${sections.map(
      (section) => html`<li class="app-card app-menu-card">
      <h3 class="app-card-title">${section.label}</h3>
      <ul class="app-menu-card-links">
        ${(section.children ?? [section]).map((item) => html`<li><a href="${item.href}">${item.label}</a></li>`)}
      </ul>
    </li>`,
    )}
  </ul>
</section>`,
  };
}
