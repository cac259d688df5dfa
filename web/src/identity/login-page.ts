import type { SignInStep } from '#functions/identity/sign-in-contract';
import { button } from '../components/button.ts';
import { textField } from '../components/form-field.ts';
import {
  type FormProblemTarget,
  missing,
  type Problem,
  problemsOf,
  showProblems,
} from '../components/form-problems.ts';
import { LOGOUT_ACTION } from '../components/session-bar.ts';
import { type ApiProblem, apiPost } from '../core/api.ts';
import { html, type SafeHtml } from '../core/html.ts';
import { afterSignIn } from '../shell/access.ts';
import type { PageContext, PageView } from '../shell/app.ts';
import { TITLE_ID } from '../shell/layout.ts';
import { homeSystemOf } from '../shell/systems.ts';
import { DEFAULT_IDLE, idleSettings } from './idle.ts';
import { describeDestination, type Tokens } from './session.ts';
import { session } from './session-controller.ts';
import { PASSWORD_HINT } from './texts.ts';

// 로그인 (SPEC §1, issue 3): 아이디 + 비밀번호, then the 6-digit 인증번호 sent by SMS; a first sign-in
// with a temporary password sets a new one in between. One page, three steps, each with its own h1
// and document title; every failure is said in Korean at the field and in the summary.

/** What comes after each step (inferred from the sign-in contract). */
type Outcome = SignInStep;

type Step =
  | { kind: 'password' }
  | { kind: 'code'; username: string; session: string; destination: string }
  | { kind: 'newPassword'; username: string; session: string };

const TITLES: Record<Step['kind'], string> = {
  password: '로그인',
  code: '인증번호 입력',
  newPassword: '새 비밀번호 정하기',
};

const FIELD_IDS: Record<string, string> = {
  username: 'login-username',
  password: 'login-password',
  code: 'login-code',
  passwordConfirm: 'login-password-confirm',
};

const REASONS: Record<string, (minutes: number | undefined) => string> = {
  idle: (minutes) =>
    `${minutes ? `${minutes}분 동안` : '오랫동안'} 사용하지 않아 자동으로 로그아웃되었습니다. 다시 로그인해 주세요.`,
  expired: () => '로그인 시간이 지났습니다. 다시 로그인해 주세요.',
  logout: () => '로그아웃했습니다.',
};

export function loginPage(ctx: PageContext): PageView {
  if (ctx.viewer.signedIn) return alreadySignedIn(ctx);
  let main: HTMLElement;
  let step: Step = { kind: 'password' };
  let busy = false;
  const next = ctx.url.searchParams.get('next');
  const reason = ctx.url.searchParams.get('reason') ?? '';
  const idleMinutes = Math.round(idleSettings(sessionStorage).timeoutMs / 60_000);
  const notice = REASONS[reason]?.(idleMinutes >= 1 ? idleMinutes : DEFAULT_IDLE.timeoutMs / 60_000);
  const base = ctx.system.basePath;

  const target = (): FormProblemTarget => ({
    root: main,
    summary: main.querySelector<HTMLElement>('#login-errors')!,
    fieldIds: FIELD_IDS,
    setTitle: (error) => ctx.setTitle(TITLES[step.kind], { error }),
  });

  function render(): void {
    const title = TITLES[step.kind];
    const h1 = document.getElementById(TITLE_ID);
    if (h1) h1.textContent = title;
    ctx.setTitle(title);
    main.querySelector('#login-errors')!.innerHTML = '';
    main.querySelector('#login-step')!.innerHTML = stepMarkup().value;
    const first = main.querySelector<HTMLInputElement>('#login-step input');
    // The first step keeps the page's normal focus order; later steps move focus to their field.
    if (step.kind !== 'password') first?.focus();
  }

  function stepMarkup(): SafeHtml {
    if (step.kind === 'password') {
      return html`<form id="login-form" class="app-form" novalidate>
  <p class="app-form-intro">아이디와 비밀번호를 입력한 뒤 ‘로그인’ 버튼을 누르세요. 다음 화면에서 휴대전화 문자로 받은 인증번호를 입력합니다.</p>
  ${textField({ id: FIELD_IDS.username!, name: 'username', label: '아이디', value: '', autocomplete: 'username', maxLength: 64 })}
  ${textField({ id: FIELD_IDS.password!, name: 'password', label: '비밀번호', type: 'password', value: '', autocomplete: 'current-password', maxLength: 256 })}
  <div class="app-form-actions">${button({ label: '로그인', type: 'submit', size: 'large' })}</div>
</form>
<ul class="app-link-list">
  <li><a href="${base}/password-reset">비밀번호를 잊었나요? 비밀번호 재설정</a></li>
  ${ctx.system.id === 'portal' ? html`<li><a href="/signup">아직 회원이 아닌가요? 회원가입</a></li>` : ''}
  ${ctx.system.id === 'agency' ? html`<li><a href="/agency/account-request">처음 오셨나요? 기관 담당자 계정 신청</a></li>` : ''}
</ul>`;
    }
    if (step.kind === 'code') {
      return html`<form id="mfa-form" class="app-form" novalidate>
  <p class="app-form-intro"><strong>${describeDestination(step.destination)}</strong>로 인증번호 6자리를 보냈습니다. 문자로 받은 숫자를 입력한 뒤 ‘확인’ 버튼을 누르세요.</p>
  ${textField({
    id: FIELD_IDS.code!,
    name: 'code',
    label: '인증번호',
    value: '',
    inputMode: 'numeric',
    autocomplete: 'one-time-code',
    maxLength: 6,
    hint: '숫자 6자리입니다. 예: 123456',
  })}
  <div class="app-form-actions">
    ${button({ label: '확인', type: 'submit', size: 'large' })}
    ${button({ label: '처음부터 다시', variant: 'secondary', size: 'large', data: { action: 'login-restart' } })}
  </div>
  <p class="app-form-note">문자가 오지 않았거나 입력 시간이 지났으면 ‘처음부터 다시’를 눌러 인증번호를 새로 받으세요.</p>
</form>`;
    }
    return html`<form id="new-password-form" class="app-form" novalidate>
  <p class="app-form-intro">처음 로그인했습니다. 문자로 받은 임시 비밀번호 대신 앞으로 쓸 비밀번호를 정해 주세요.</p>
  ${textField({ id: FIELD_IDS.password!, name: 'password', label: '새 비밀번호', type: 'password', value: '', autocomplete: 'new-password', maxLength: 64, hint: PASSWORD_HINT, required: true })}
  ${textField({ id: FIELD_IDS.passwordConfirm!, name: 'passwordConfirm', label: '새 비밀번호 확인', type: 'password', value: '', autocomplete: 'new-password', maxLength: 64, hint: '같은 비밀번호를 한 번 더 입력하세요.', required: true })}
  <div class="app-form-actions">${button({ label: '비밀번호 저장', type: 'submit', size: 'large' })}</div>
</form>`;
  }

  /** Send one step; `busy` keeps a double Enter from sending the same code twice. */
  async function send(
    path: string,
    body: unknown,
  ): Promise<{ ok: true; data: Outcome } | { ok: false; problem: ApiProblem }> {
    busy = true;
    const submit = main.querySelector<HTMLButtonElement>('#login-step button[type=submit]');
    submit?.setAttribute('aria-disabled', 'true');
    try {
      return await apiPost<Outcome>(path, body, { signal: ctx.signal });
    } finally {
      busy = false;
      submit?.removeAttribute('aria-disabled');
    }
  }

  async function follow(username: string, outcome: Outcome): Promise<void> {
    if (outcome.step === 'mfa') {
      step = { kind: 'code', username, session: outcome.session, destination: outcome.destination };
      render();
      ctx.announce(`${describeDestination(outcome.destination)}로 인증번호를 보냈습니다.`);
    } else if (outcome.step === 'newPassword') {
      step = { kind: 'newPassword', username, session: outcome.session };
      render();
    } else {
      await finish(outcome.tokens);
    }
  }

  async function finish(tokens: Tokens): Promise<void> {
    const result = await session().complete(tokens);
    if (!result.ok) {
      showProblems(target(), problemsOf(result.problem));
      return;
    }
    const viewer = result.data;
    ctx.announce(`${viewer.signedIn ? viewer.name : ''}님, 로그인했습니다.`);
    session().enter(
      viewer,
      afterSignIn(next, viewer, (v) => homeSystemOf(v).homeHref),
    );
  }

  function fail(problems: Problem[]): void {
    showProblems(target(), problems);
  }

  async function onPassword(form: HTMLFormElement): Promise<void> {
    const data = new FormData(form);
    const username = String(data.get('username') ?? '').trim();
    const password = String(data.get('password') ?? '');
    const empty = missing(form, [
      ['username', '아이디를 입력해 주세요.'],
      ['password', '비밀번호를 입력해 주세요.'],
    ]);
    if (empty.length) return fail(empty);
    const result = await send('/auth/login', { username, password });
    if (result.ok) return follow(username, result.data);
    form.querySelector<HTMLInputElement>(`#${FIELD_IDS.password}`)!.value = '';
    const { problem } = result;
    // A wrong password is about the password field; a lock or an unfinished account is about the login.
    if (problem.status === 401) return fail([{ field: 'password', message: problem.message }]);
    fail(problemsOf(problem));
  }

  async function onCode(form: HTMLFormElement, current: Extract<Step, { kind: 'code' }>): Promise<void> {
    const code = String(new FormData(form).get('code') ?? '').replace(/\s/g, '');
    if (!code) return fail([{ field: 'code', message: '인증번호를 입력해 주세요.' }]);
    if (!/^\d{6}$/.test(code)) return fail([{ field: 'code', message: '인증번호는 문자로 받은 숫자 6자리입니다.' }]);
    const result = await send('/auth/mfa', { username: current.username, session: current.session, code });
    if (result.ok) return follow(current.username, result.data);
    form.querySelector<HTMLInputElement>(`#${FIELD_IDS.code}`)!.value = '';
    const { problem } = result;
    if (problem.status === 401) return fail([{ field: 'code', message: problem.message }]);
    fail(problemsOf(problem));
  }

  async function onNewPassword(form: HTMLFormElement, current: Extract<Step, { kind: 'newPassword' }>): Promise<void> {
    const data = new FormData(form);
    const password = String(data.get('password') ?? '');
    const confirm = String(data.get('passwordConfirm') ?? '');
    const empty = missing(form, [
      ['password', '새 비밀번호를 입력해 주세요.'],
      ['passwordConfirm', '새 비밀번호를 한 번 더 입력해 주세요.'],
    ]);
    if (empty.length) return fail(empty);
    if (password !== confirm) {
      return fail([{ field: 'passwordConfirm', message: '두 비밀번호가 다릅니다. 같은 비밀번호를 입력해 주세요.' }]);
    }
    const result = await send('/auth/new-password', { username: current.username, session: current.session, password });
    if (result.ok) return follow(current.username, result.data);
    const { problem } = result;
    if (problem.status === 401) return fail([{ field: 'password', message: problem.message }]);
    fail(problemsOf(problem));
  }

  return {
    title: TITLES.password,
    lead: ctx.system.id === 'portal' ? undefined : `${ctx.system.name}은 등록된 담당자만 쓸 수 있습니다.`,
    content: html`${notice ? html`<div class="app-notice app-notice-info" role="status"><p>${notice}</p></div>` : ''}
<div id="login-errors"></div>
<div id="login-step" class="app-narrow"></div>`,
    mount(m) {
      main = m;
      render();
      main.addEventListener('submit', (event) => {
        event.preventDefault();
        if (busy) return;
        const form = event.target as HTMLFormElement;
        if (step.kind === 'password') void onPassword(form);
        else if (step.kind === 'code') void onCode(form, step);
        else void onNewPassword(form, step);
      });
      main.addEventListener('click', (event) => {
        if (!(event.target as Element).closest('[data-action="login-restart"]')) return;
        step = { kind: 'password' };
        render();
        main.querySelector<HTMLInputElement>(`#${FIELD_IDS.username}`)?.focus();
      });
    },
  };
}

function alreadySignedIn(ctx: PageContext): PageView {
  const home = homeSystemOf(ctx.viewer).homeHref;
  return {
    title: '로그인',
    content: html`<div class="app-notice app-notice-info">
  <p class="app-notice-title">이미 로그인했습니다.</p>
  <p>다른 아이디로 로그인하려면 먼저 로그아웃하세요.</p>
</div>
<div class="app-form-actions">
  <a class="krds-btn primary large" href="${home}">업무 첫 화면으로 가기</a>
  ${button({ label: '로그아웃', variant: 'secondary', size: 'large', data: { action: LOGOUT_ACTION } })}
</div>`,
  };
}
