import { button } from '../components/button.ts';
import { checkboxField } from '../components/form-field.ts';
import { problemsOf, showProblems } from '../components/form-problems.ts';
import { apiPost } from '../core/api.ts';
import { html } from '../core/html.ts';
import { problemTarget } from '../core/submit.ts';
import type { PageContext, PageView } from '../shell/app.ts';
import { roleText } from './session.ts';
import { session } from './session-controller.ts';

// The person's own account on the portal: 회원정보 (who is signed in, with what roles) and
// 회원탈퇴 (issue 3: the login goes, the records the law requires stay).

export const WITHDRAW_PATH = '/my/withdraw';
export const WITHDRAWN_PATH = '/withdrawn';

export function profilePage(ctx: PageContext): PageView {
  const viewer = ctx.viewer;
  if (!viewer.signedIn) return { title: '회원정보수정/탈퇴', content: html`` };
  return {
    title: '회원정보수정/탈퇴',
    content: html`<section class="app-section" aria-labelledby="profile-title">
  <h2 class="app-section-title" id="profile-title">내 회원정보</h2>
  <dl class="app-facts">
    <div><dt>이름</dt><dd>${viewer.name}</dd></div>
    <div><dt>아이디</dt><dd>${viewer.userId ?? '-'}</dd></div>
    <div><dt>휴대전화 번호</dt><dd>${viewer.phone ?? '-'}</dd></div>
    <div><dt>역할과 소속</dt><dd>${roleText(viewer) || '-'}</dd></div>
  </dl>
  <p class="app-form-note">이름과 휴대전화 번호를 바꾸는 기능은 준비 중입니다. 바꿔야 하면 관할 한국장애인고용공단 지사에 문의해 주세요.</p>
</section>
<section class="app-section" aria-labelledby="profile-actions-title">
  <h2 class="app-section-title" id="profile-actions-title">계정 관리</h2>
  <ul class="app-link-list">
    <li><a href="/password-reset">비밀번호 재설정</a></li>
    <li><a href="${WITHDRAW_PATH}">회원탈퇴</a></li>
  </ul>
</section>`,
  };
}

const CONFIRM_ID = 'withdraw-confirm';

export function withdrawPage(ctx: PageContext): PageView {
  let main: HTMLElement;
  let busy = false;
  const target = () => problemTarget(ctx, main, 'withdraw-errors', { confirm: CONFIRM_ID }, '회원탈퇴');

  return {
    title: '회원탈퇴',
    lead: '탈퇴하면 더는 로그인할 수 없습니다. 탈퇴 전에 아래 내용을 확인해 주세요.',
    content: html`<div id="withdraw-errors"></div>
<div class="app-narrow">
<section class="app-section" aria-labelledby="withdraw-removed">
  <h2 class="app-section-title" id="withdraw-removed">지워지는 것</h2>
  <ul class="app-bullets">
    <li>아이디와 비밀번호 같은 로그인 정보가 지워집니다.</li>
    <li>탈퇴한 뒤에는 이 아이디로 로그인할 수 없고, 같은 아이디로 다시 가입할 수도 없습니다.</li>
  </ul>
</section>
<section class="app-section" aria-labelledby="withdraw-kept">
  <h2 class="app-section-title" id="withdraw-kept">법에 따라 보관하는 것</h2>
  <ul class="app-bullets">
    <li>근로지원인 서비스 신청과 이용 기록, 활동일지와 전자서명 기록</li>
    <li>급여, 본인부담금, 사업비 기록</li>
    <li>개인정보를 누가 언제 보고 바꿨는지 남긴 기록(3년)</li>
  </ul>
  <p>이 기록은 법령이 정한 기간 동안만 보관하고, 그 뒤에 지웁니다.</p>
</section>
<form id="withdraw-form" class="app-form" novalidate>
  ${checkboxField({ id: CONFIRM_ID, name: 'confirm', label: '위 내용을 확인했고, 회원탈퇴에 동의합니다.', checked: false, required: true })}
  <div class="app-form-actions">
    ${button({ label: '회원탈퇴', type: 'submit', size: 'large' })}
    <a class="krds-btn secondary large" href="/my/profile">취소</a>
  </div>
</form>
</div>`,
    mount(m) {
      main = m;
      main.querySelector('#withdraw-form')!.addEventListener('submit', async (event) => {
        event.preventDefault();
        if (busy) return;
        const confirmed = main.querySelector<HTMLInputElement>(`#${CONFIRM_ID}`)!.checked;
        if (!confirmed) {
          showProblems(target(), [
            { field: 'confirm', message: '탈퇴하려면 안내 내용을 확인했다고 표시해 주세요. 확인란을 선택해 주세요.' },
          ]);
          return;
        }
        busy = true;
        const result = await apiPost('/me/withdraw', { confirm: true }, { signal: ctx.signal });
        busy = false;
        if (!result.ok) {
          showProblems(target(), problemsOf(result.problem));
          return;
        }
        session().signOut('withdrawn');
      });
    },
  };
}

export function withdrawnPage(ctx: PageContext): PageView {
  return {
    title: '회원탈퇴 완료',
    content: html`<div class="app-notice app-notice-success" role="status">
  <p class="app-notice-title">회원탈퇴를 마쳤습니다.</p>
  <p>그동안 이용해 주셔서 감사합니다. 법에 따라 보관하는 기록은 정해진 기간이 지나면 지웁니다.</p>
</div>
<div class="app-form-actions"><a class="krds-btn primary large" href="${ctx.system.homeHref}">처음 화면으로 가기</a></div>`,
  };
}
