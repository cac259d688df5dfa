import { button } from '../components/button.ts';
import { textField } from '../components/form-field.ts';
import {
  type FormProblemTarget,
  missing,
  type Problem,
  problemsOf,
  showProblems,
} from '../components/form-problems.ts';
import { apiPost } from '../core/api.ts';
import { html, type SafeHtml } from '../core/html.ts';
import { onSubmit } from '../core/submit.ts';
import type { PageContext, PageView } from '../shell/app.ts';
import { TITLE_ID } from '../shell/layout.ts';
import { readNewPassword } from './new-password.ts';
import { describeDestination } from './session.ts';
import { CODE_HINT, PASSWORD_HINT } from './texts.ts';

// 비밀번호 재설정 (issue 3): the 아이디, then the code sent by SMS to the registered phone with the new
// password. The server answers the same for an unknown 아이디, so the screen never tells a stranger
// which 아이디 exist.

type Step = 'username' | 'confirm' | 'done';

const TITLES: Record<Step, string> = {
  username: '비밀번호 재설정',
  confirm: '비밀번호 재설정: 인증번호와 새 비밀번호',
  done: '비밀번호 재설정 완료',
};

const FIELD_IDS: Record<string, string> = {
  username: 'reset-username',
  code: 'reset-code',
  password: 'reset-password',
  passwordConfirm: 'reset-password-confirm',
};

export function passwordResetPage(ctx: PageContext): PageView {
  let main: HTMLElement;
  let step: Step = 'username';
  let username = '';
  let destination = '';

  const target = (): FormProblemTarget => ({
    root: main,
    summary: main.querySelector<HTMLElement>('#reset-errors')!,
    fieldIds: FIELD_IDS,
    setTitle: (error) => ctx.setTitle(TITLES[step], { error }),
  });
  const fail = (problems: Problem[]) => showProblems(target(), problems);

  function render(focus = true): void {
    document.getElementById(TITLE_ID)!.textContent = TITLES[step];
    ctx.setTitle(TITLES[step]);
    main.querySelector('#reset-errors')!.innerHTML = '';
    main.querySelector('#reset-step')!.innerHTML = markup().value;
    if (focus) document.getElementById(TITLE_ID)?.focus();
  }

  function markup(): SafeHtml {
    if (step === 'username') {
      return html`<form id="reset-username-form" class="app-form" novalidate>
  <p class="app-form-intro">아이디를 입력하면 가입할 때 등록한 휴대전화로 인증번호를 보냅니다.</p>
  ${textField({ id: FIELD_IDS.username!, name: 'username', label: '아이디', value: username, autocomplete: 'username', maxLength: 20, required: true })}
  <div class="app-form-actions">${button({ label: '인증번호 받기', type: 'submit', size: 'large' })}</div>
</form>`;
    }
    if (step === 'confirm') {
      const where = destination ? describeDestination(destination) : '등록된 휴대전화';
      return html`<form id="reset-confirm-form" class="app-form" novalidate>
  <p class="app-form-intro">아이디가 맞다면 <strong>${where}</strong>로 인증번호 6자리를 보냈습니다. 인증번호와 새 비밀번호를 입력하세요.</p>
  ${textField({ id: FIELD_IDS.code!, name: 'code', label: '인증번호', value: '', inputMode: 'numeric', autocomplete: 'one-time-code', maxLength: 6, hint: CODE_HINT, required: true })}
  ${textField({ id: FIELD_IDS.password!, name: 'password', label: '새 비밀번호', type: 'password', value: '', autocomplete: 'new-password', maxLength: 64, hint: PASSWORD_HINT, required: true })}
  ${textField({ id: FIELD_IDS.passwordConfirm!, name: 'passwordConfirm', label: '새 비밀번호 확인', type: 'password', value: '', autocomplete: 'new-password', maxLength: 64, hint: '같은 비밀번호를 한 번 더 입력하세요.', required: true })}
  <div class="app-form-actions">
    ${button({ label: '비밀번호 바꾸기', type: 'submit', size: 'large' })}
    ${button({ label: '인증번호 다시 받기', variant: 'secondary', size: 'large', data: { action: 'reset-restart' } })}
  </div>
</form>`;
    }
    return html`<div class="app-notice app-notice-success" role="status">
  <p class="app-notice-title">비밀번호를 바꿨습니다.</p>
  <p>새 비밀번호로 로그인하세요.</p>
</div>
<div class="app-form-actions"><a class="krds-btn primary large" href="${ctx.system.loginHref}">로그인하러 가기</a></div>`;
  }

  async function onUsername(form: HTMLFormElement): Promise<void> {
    username = String(new FormData(form).get('username') ?? '').trim();
    const empty = missing(form, [['username', '아이디를 입력해 주세요.']]);
    if (empty.length) return fail(empty);
    const result = await apiPost<{ step: string; destination: string }>(
      '/auth/password-reset',
      { username },
      { signal: ctx.signal },
    );
    if (!result.ok) return fail(problemsOf(result.problem));
    destination = result.data.destination;
    step = 'confirm';
    render();
  }

  async function onConfirm(form: HTMLFormElement): Promise<void> {
    const { code, password, problems } = readNewPassword(form);
    if (problems.length) return fail(problems);
    const result = await apiPost('/auth/password-reset/confirm', { username, code, password }, { signal: ctx.signal });
    if (!result.ok) return fail(problemsOf(result.problem));
    step = 'done';
    render();
  }

  return {
    title: TITLES.username,
    content: html`<div id="reset-errors"></div><div id="reset-step" class="app-narrow"></div>`,
    mount(m) {
      main = m;
      render(false);
      onSubmit(main, async (form) => {
        if (step === 'username') await onUsername(form);
        else if (step === 'confirm') await onConfirm(form);
      });
      main.addEventListener('click', (event) => {
        if (!(event.target as Element).closest('[data-action="reset-restart"]')) return;
        step = 'username';
        render();
      });
    },
  };
}
