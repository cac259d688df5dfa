import { button } from '../components/button.ts';
import { checkboxField, textField } from '../components/form-field.ts';
import { missing, problemsOf, showProblems } from '../components/form-problems.ts';
import { notice } from '../components/notice.ts';
import { apiPost, apiPut } from '../core/api.ts';
import { html, type SafeHtml } from '../core/html.ts';
import { onSubmit, problemTarget } from '../core/submit.ts';
import type { PageContext, PageView } from '../shell/app.ts';
import { readNewPassword } from './new-password.ts';
import { describeDestination, roleText } from './session.ts';
import { session } from './session-controller.ts';
import { CODE_HINT, PASSWORD_HINT } from './texts.ts';

// The person's own account on the portal: 회원정보 (who is signed in, with what roles) and
// 회원탈퇴 (issue 3: the login goes, the records the law requires stay).

export const PROFILE_PATH = '/my/profile';
export const WITHDRAW_PATH = '/my/withdraw';
export const WITHDRAWN_PATH = '/withdrawn';

/** A message for the profile page drawn again after a change (the viewer's new details redraw it). */
let profileFlash: string | undefined;

type PhoneStep = 'number' | 'code';
type PasswordStep = 'start' | 'code' | 'done';

const NAME_FIELDS = { name: 'profile-name' };
const PHONE_FIELDS = { phone: 'profile-phone', code: 'profile-phone-code' };
const PASSWORD_FIELDS = {
  code: 'profile-password-code',
  password: 'profile-password',
  passwordConfirm: 'profile-password-confirm',
};

/**
 * 회원정보수정 (issue 15 §4): the person's details, and forms to change their name, their phone (a code
 * goes to the new number) and their password (a code goes to the registered number).
 */
export function profilePage(ctx: PageContext): PageView {
  const viewer = ctx.viewer;
  const title = '회원정보수정/탈퇴';
  if (!viewer.signedIn) return { title, content: html`` };
  const userId = viewer.userId ?? '';
  let main: HTMLElement;
  let phoneStep: PhoneStep = 'number';
  let passwordStep: PasswordStep = 'start';
  let phoneDestination = '';
  let passwordDestination = '';
  const flash = profileFlash;
  profileFlash = undefined;

  const target = (fieldIds: Record<string, string>) => problemTarget(ctx, main, 'profile-errors', fieldIds, title);
  const clear = () => {
    main.querySelector('#profile-errors')!.innerHTML = '';
  };

  function phoneForm(): SafeHtml {
    if (phoneStep === 'number') {
      return html`<form id="profile-phone-form" class="app-form" novalidate>
  ${textField({ id: PHONE_FIELDS.phone, name: 'phone', label: '새 휴대전화 번호', type: 'tel', value: '', inputMode: 'tel', autocomplete: 'tel', maxLength: 20, hint: '010-1234-5678처럼 입력하세요. 이 번호로 인증번호를 보냅니다.', required: true })}
  <div class="app-form-actions">${button({ label: '인증번호 받기', type: 'submit', size: 'large' })}</div>
</form>`;
    }
    return html`<form id="profile-phone-code-form" class="app-form" novalidate>
  <p class="app-form-intro"><strong>${phoneDestination}</strong>로 인증번호 6자리를 보냈습니다. 5분 안에 입력하세요.</p>
  ${textField({ id: PHONE_FIELDS.code, name: 'code', label: '인증번호', value: '', inputMode: 'numeric', autocomplete: 'one-time-code', maxLength: 6, hint: CODE_HINT, required: true })}
  <div class="app-form-actions">
    ${button({ label: '번호 바꾸기', type: 'submit', size: 'large' })}
    ${button({ label: '다른 번호 입력', variant: 'secondary', size: 'large', data: { action: 'phone-restart' } })}
  </div>
</form>`;
  }

  function passwordForm(): SafeHtml {
    if (passwordStep === 'start') {
      return html`<form id="profile-password-start" class="app-form" novalidate>
  <p class="app-form-intro">등록된 휴대전화로 인증번호를 받아 새 비밀번호를 정합니다.</p>
  <div class="app-form-actions">${button({ label: '비밀번호 변경 인증번호 받기', type: 'submit', size: 'large' })}</div>
</form>`;
    }
    if (passwordStep === 'done') {
      return html`<p class="app-form-intro">비밀번호를 바꿨습니다. 다음 로그인부터 새 비밀번호를 쓰세요.</p>`;
    }
    return html`<form id="profile-password-form" class="app-form" novalidate>
  <p class="app-form-intro"><strong>${passwordDestination || '등록된 휴대전화'}</strong>로 인증번호 6자리를 보냈습니다.</p>
  ${textField({ id: PASSWORD_FIELDS.code, name: 'code', label: '인증번호', value: '', inputMode: 'numeric', autocomplete: 'one-time-code', maxLength: 6, hint: CODE_HINT, required: true })}
  ${textField({ id: PASSWORD_FIELDS.password, name: 'password', label: '새 비밀번호', type: 'password', value: '', autocomplete: 'new-password', maxLength: 64, hint: PASSWORD_HINT, required: true })}
  ${textField({ id: PASSWORD_FIELDS.passwordConfirm, name: 'passwordConfirm', label: '새 비밀번호 확인', type: 'password', value: '', autocomplete: 'new-password', maxLength: 64, hint: '같은 비밀번호를 한 번 더 입력하세요.', required: true })}
  <div class="app-form-actions">${button({ label: '비밀번호 바꾸기', type: 'submit', size: 'large' })}</div>
</form>`;
  }

  function draw(part: 'phone' | 'password', focusId?: string): void {
    const box = main.querySelector<HTMLElement>(`#profile-${part}-box`)!;
    box.innerHTML = (part === 'phone' ? phoneForm() : passwordForm()).value;
    if (focusId) main.querySelector<HTMLElement>(`#${focusId}`)?.focus();
  }

  /** The person's details changed: read them again (the header and this page show them). */
  async function changed(message: string): Promise<void> {
    profileFlash = message;
    await session().reloadMe(PROFILE_PATH);
  }

  async function submitName(form: HTMLFormElement): Promise<void> {
    const name = String(new FormData(form).get('name') ?? '').trim();
    const empty = missing(form, [['name', '이름을 입력해 주세요.']]);
    if (empty.length) return showProblems(target(NAME_FIELDS), empty);
    const result = await apiPut('/me/name', { name }, { signal: ctx.signal });
    if (!result.ok) return showProblems(target(NAME_FIELDS), problemsOf(result.problem));
    await changed('이름을 바꿨습니다.');
  }

  async function submitPhone(form: HTMLFormElement): Promise<void> {
    const phone = String(new FormData(form).get('phone') ?? '').trim();
    const empty = missing(form, [['phone', '새 휴대전화 번호를 입력해 주세요.']]);
    if (empty.length) return showProblems(target(PHONE_FIELDS), empty);
    const result = await apiPost<{ destination: string }>('/me/phone', { phone }, { signal: ctx.signal });
    if (!result.ok) return showProblems(target(PHONE_FIELDS), problemsOf(result.problem));
    clear();
    phoneDestination = result.data.destination;
    phoneStep = 'code';
    draw('phone', PHONE_FIELDS.code);
    ctx.announce(`${phoneDestination}로 인증번호를 보냈습니다.`);
  }

  async function submitPhoneCode(form: HTMLFormElement): Promise<void> {
    const code = String(new FormData(form).get('code') ?? '').replace(/\s/g, '');
    const empty = missing(form, [['code', '인증번호를 입력해 주세요.']]);
    if (empty.length) return showProblems(target(PHONE_FIELDS), empty);
    const result = await apiPost('/me/phone/confirm', { code }, { signal: ctx.signal });
    if (!result.ok) return showProblems(target(PHONE_FIELDS), problemsOf(result.problem));
    await changed('휴대전화 번호를 바꿨습니다. 로그인 인증번호도 새 번호로 갑니다.');
  }

  async function startPassword(): Promise<void> {
    const result = await apiPost<{ destination: string }>(
      '/auth/password-reset',
      { username: userId },
      { signal: ctx.signal },
    );
    if (!result.ok) return showProblems(target(PASSWORD_FIELDS), problemsOf(result.problem));
    clear();
    passwordDestination = result.data.destination ? describeDestination(result.data.destination) : '';
    passwordStep = 'code';
    draw('password', PASSWORD_FIELDS.code);
  }

  async function submitPassword(form: HTMLFormElement): Promise<void> {
    const { code, password, problems } = readNewPassword(form);
    if (problems.length) return showProblems(target(PASSWORD_FIELDS), problems);
    const result = await apiPost(
      '/auth/password-reset/confirm',
      { username: userId, code, password },
      { signal: ctx.signal },
    );
    if (!result.ok) return showProblems(target(PASSWORD_FIELDS), problemsOf(result.problem));
    clear();
    passwordStep = 'done';
    draw('password');
    main.querySelector('#profile-outcome')!.innerHTML = notice('success', '비밀번호를 바꿨습니다.').value;
    ctx.announce('비밀번호를 바꿨습니다.');
  }

  return {
    title,
    content: html`<div id="profile-errors"></div>
<div id="profile-outcome" role="status">${flash ? notice('success', flash) : ''}</div>
<section class="app-section" aria-labelledby="profile-title">
  <h2 class="app-section-title" id="profile-title">내 회원정보</h2>
  <dl class="app-facts">
    <div><dt>이름</dt><dd id="profile-shown-name">${viewer.name}</dd></div>
    <div><dt>아이디</dt><dd>${viewer.userId ?? '-'}</dd></div>
    <div><dt>휴대전화 번호</dt><dd id="profile-shown-phone">${viewer.phone ?? '-'}</dd></div>
    <div><dt>역할과 소속</dt><dd>${roleText(viewer) || '-'}</dd></div>
  </dl>
</section>
<div class="app-narrow">
<section class="app-section" aria-labelledby="profile-name-title">
  <h2 class="app-section-title" id="profile-name-title">이름 바꾸기</h2>
  <form id="profile-name-form" class="app-form" novalidate>
    ${textField({ id: NAME_FIELDS.name, name: 'name', label: '이름', value: viewer.name, autocomplete: 'name', maxLength: 40, required: true })}
    <div class="app-form-actions">${button({ label: '이름 저장', type: 'submit', size: 'large' })}</div>
  </form>
</section>
<section class="app-section" aria-labelledby="profile-phone-title">
  <h2 class="app-section-title" id="profile-phone-title">휴대전화 번호 바꾸기</h2>
  <div id="profile-phone-box"></div>
</section>
<section class="app-section" aria-labelledby="profile-password-title">
  <h2 class="app-section-title" id="profile-password-title">비밀번호 바꾸기</h2>
  <div id="profile-password-box"></div>
</section>
</div>
<section class="app-section" aria-labelledby="profile-actions-title">
  <h2 class="app-section-title" id="profile-actions-title">계정 관리</h2>
  <ul class="app-link-list">
    <li><a href="${WITHDRAW_PATH}">회원탈퇴</a></li>
  </ul>
</section>`,
    mount(m) {
      main = m;
      draw('phone');
      draw('password');
      onSubmit(main, async (form) => {
        if (form.id === 'profile-name-form') await submitName(form);
        else if (form.id === 'profile-phone-form') await submitPhone(form);
        else if (form.id === 'profile-phone-code-form') await submitPhoneCode(form);
        else if (form.id === 'profile-password-start') await startPassword();
        else if (form.id === 'profile-password-form') await submitPassword(form);
      });
      main.addEventListener('click', (event) => {
        if (!(event.target as Element).closest('[data-action="phone-restart"]')) return;
        clear();
        phoneStep = 'number';
        draw('phone', PHONE_FIELDS.phone);
      });
    },
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
