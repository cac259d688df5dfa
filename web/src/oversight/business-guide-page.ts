import { buttonLink } from '../components/button.ts';
import { html } from '../core/html.ts';
import type { PageContext, PageView } from '../shell/app.ts';

// 근로지원인 사업 안내 (SPEC F4): what the program is, who can apply and how, in plain Korean,
// with the ways into 서비스 신청 and 지원기관 찾기.

export const BUSINESS_GUIDE_PATH = '/work-assistant';

export function businessGuidePage(_ctx: PageContext): PageView {
  return {
    title: '근로지원인 사업 안내',
    lead: '중증장애인 근로자가 일을 잘 할 수 있도록 근로지원인이 곁에서 업무를 돕는 사업입니다.',
    content: html`<section class="app-section" aria-labelledby="guide-what">
  <h2 class="app-section-title" id="guide-what">근로지원인 서비스란</h2>
  <p>일은 혼자 할 수 있지만 일부 업무에 도움이 필요한 중증장애인 근로자에게 근로지원인을 보내 드립니다.
  근로지원인은 장애인 근로자가 하는 핵심 업무는 스스로 하도록 두고, 장애 때문에 어려운 부수적인 업무를 돕습니다.</p>
  <ul class="app-bullets">
    <li>예: 서류 정리와 복사, 물건 옮기기, 화면 읽어 주기, 수어 통역, 이동 보조</li>
    <li>근로지원인은 한국장애인고용공단이 지정한 수행기관에 고용되어 활동합니다.</li>
    <li>근로지원인이 매일 활동일지를 쓰고, 장애인 근로자가 한 달에 한 번 전자서명으로 확인합니다.</li>
  </ul>
</section>
<section class="app-section" aria-labelledby="guide-who">
  <h2 class="app-section-title" id="guide-who">누가 신청할 수 있나요</h2>
  <ul class="app-bullets">
    <li>장애의 정도가 심한 장애인(중증장애인)이면서</li>
    <li>사업장에 고용되어 일하고 있는 근로자 (최저임금 이상을 받고, 주 15시간 이상 일하는 분)</li>
    <li>장애 때문에 일부 업무에 도움이 필요한 분</li>
  </ul>
  <p>공무원이나 다른 제도로 같은 지원을 받고 있는 경우에는 지원이 제한될 수 있습니다. 잘 모르면 관할 지사에 물어보세요.</p>
</section>
<section class="app-section" aria-labelledby="guide-how">
  <h2 class="app-section-title" id="guide-how">신청하는 방법</h2>
  <ol class="app-bullets" id="guide-steps">
    <li><strong>신청</strong>: 이 포털에 가입하고 로그인한 뒤 근로지원인 서비스 신청에서 사업장, 하는 일, 필요한 도움을 적고 전자서명합니다.</li>
    <li><strong>접수</strong>: 관할 지사가 신청서를 확인하고 접수합니다. 진행 상황은 문자와 마이페이지 신청 이력에서 알 수 있습니다.</li>
    <li><strong>평가</strong>: 지사가 필요한 지원 내용과 한 달 지원시간을 정합니다.</li>
    <li><strong>매칭</strong>: 지사가 수행기관에 근로지원인 배정을 의뢰하고, 수행기관이 근로지원인을 정해 연락합니다.</li>
    <li><strong>지원 시작</strong>: 근로지원인이 일터에 와서 돕습니다. 지원시간에 따라 본인부담금이 있습니다.</li>
  </ol>
</section>
<section class="app-section" aria-labelledby="guide-links">
  <h2 class="app-section-title" id="guide-links">바로 가기</h2>
  <p class="app-actions">
    ${buttonLink({ label: '근로지원인 서비스 신청', href: '/work-assistant/apply', variant: 'primary' })}
    ${buttonLink({ label: '지원기관 찾기', href: '/work-assistant/organisations', variant: 'secondary' })}
  </p>
  <p>근로지원인으로 일하고 싶은 분은 <a href="/work-assistant/jobs">근로지원인 구인정보 조회</a>에서 수행기관의 구인 공고를 보고 신청할 수 있습니다.</p>
  <p>문의: 한국장애인고용공단 고객센터 1588-1519 또는 관할 지사</p>
</section>`,
  };
}
