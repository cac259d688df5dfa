import { DIRECTORY_PATH } from '../agencies/directory-state.ts';
import { html } from '../core/html.ts';
import type { PageContext, PageView } from '../shell/app.ts';

// The portal's front page: what the portal is for and the ways in, one short sentence each.

interface ServiceLink {
  title: string;
  description: string;
  href: string;
}

const SERVICES: ServiceLink[] = [
  {
    title: '근로지원인 서비스 지원기관',
    description: '우리 지역의 수행기관과 교육기관을 찾아봅니다.',
    href: DIRECTORY_PATH,
  },
  {
    title: '근로지원인 서비스 신청',
    description: '일할 때 도움이 필요한 중증장애인 근로자가 서비스를 신청합니다.',
    href: '/work-assistant/apply',
  },
  {
    title: '근로지원인 구인정보 조회',
    description: '근로지원인으로 일하고 싶은 분이 수행기관의 구인정보를 봅니다.',
    href: '/work-assistant/jobs',
  },
  {
    title: '근로지원인 활동일지 등록',
    description: '근로지원인이 날마다 한 지원 활동을 기록합니다.',
    href: '/work-assistant/activity-logs',
  },
];

/** The signed-in person's own menus (마이페이지, 청년일경험, 일자리), as their roles see them. */
const OWN_SECTIONS = ['youth', 'jobs', 'my'];

export function homePage(ctx: PageContext): PageView {
  const viewer = ctx.viewer;
  const own = viewer.signedIn ? ctx.system.menu(viewer).filter((item) => OWN_SECTIONS.includes(item.id)) : [];
  return {
    title: ctx.system.name,
    variant: 'home',
    lead: '근로지원인 서비스를 찾고, 신청하고, 이용한 내역을 한곳에서 확인하는 누리집입니다.',
    content: html`${
      viewer.signedIn
        ? html`<section class="app-home-mine" aria-labelledby="home-mine-title">
  <h2 id="home-mine-title" class="app-section-title">${viewer.name}님의 메뉴</h2>
  <ul class="app-card-list">
    ${own.map(
      (section) => html`<li class="app-card app-menu-card">
      <h3 class="app-card-title">${section.label}</h3>
      <ul class="app-menu-card-links">
        ${(section.children ?? []).map((item) => html`<li><a href="${item.href}">${item.label}</a></li>`)}
      </ul>
    </li>`,
    )}
  </ul>
</section>`
        : ''
    }<section class="app-home-services" aria-labelledby="home-services-title">
  <h2 id="home-services-title" class="app-section-title">근로지원인 서비스</h2>
  <ul class="app-card-list">
    ${SERVICES.map(
      (s) => html`<li class="app-card">
      <a class="app-card-link" href="${s.href}">
        <span class="app-card-title">${s.title}</span>
        <span class="app-card-text">${s.description}</span>
      </a>
    </li>`,
    )}
  </ul>
</section>`,
  };
}
