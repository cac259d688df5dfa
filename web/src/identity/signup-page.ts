import { button } from '../components/button.ts';
import { radioGroup, textField } from '../components/form-field.ts';
import {
  type FormProblemTarget,
  missing,
  type Problem,
  problemsOf,
  showProblems,
} from '../components/form-problems.ts';
import { apiPost } from '../core/api.ts';
import { html, type SafeHtml } from '../core/html.ts';
import type { PageContext, PageView } from '../shell/app.ts';
import { TITLE_ID } from '../shell/layout.ts';
import { bindConsentAll, consentId, consentSection, readConsents, SIGN_UP_CONSENTS } from './consents.ts';
import { describeDestination } from './session.ts';
import { CODE_HINT, PASSWORD_HINT, PHONE_HINT, USERNAME_HINT } from './texts.ts';

// 회원가입 (issue 3): workers, assistants, youth participants and job seekers sign up themselves.
// Step 1: who they are and the consents (required apart from optional); step 2: the account;
// step 3: the code sent to the phone; then done. One thing to do per screen, short sentences.

export const SIGN_UP_ROLES = [
  {
    value: 'worker',
    label: '장애인 근로자',
    description: '일할 때 근로지원인의 도움을 받으려는 중증장애인 근로자입니다.',
  },
  { value: 'assistant', label: '근로지원인', description: '근로지원인으로 일하거나 일하려는 분입니다.' },
  { value: 'youth', label: '청년 참여자', description: '청년일경험 프로그램에 참여하는 청년입니다.' },
  { value: 'jobseeker', label: '구직자', description: '일자리를 찾는 장애인 구직자입니다.' },
] as const;

type Step = 'terms' | 'details' | 'code' | 'done';

const TITLES: Record<Step, string> = {
  terms: '회원가입: 가입 유형과 동의',
  details: '회원가입: 회원 정보 입력',
  code: '회원가입: 휴대전화 인증',
  done: '회원가입 완료',
};

const PREFIX = 'signup';

export const SIGN_UP_FIELD_IDS: Record<string, string> = {
  role: 'signup-role',
  'consents.terms': consentId(PREFIX, 'terms'),
  'consents.privacy': consentId(PREFIX, 'privacy'),
  consents: consentId(PREFIX, 'terms'),
  username: 'signup-username',
  password: 'signup-password',
  passwordConfirm: 'signup-password-confirm',
  name: 'signup-name',
  phone: 'signup-phone',
  code: 'signup-code',
};

/** Which step shows a field, so a problem the server finds is shown where the field is. */
export function stepOfField(field: string | undefined): 'terms' | 'details' | undefined {
  if (!field) return undefined;
  if (field === 'role' || field.startsWith('consents')) return 'terms';
  if (['username', 'password', 'passwordConfirm', 'name', 'phone'].includes(field)) return 'details';
  return undefined;
}

interface SignUpData {
  role: string;
  consents: { terms: boolean; privacy: boolean; marketing: boolean };
  username: string;
  password: string;
  name: string;
  phone: string;
  destination: string;
}

export function signupPage(ctx: PageContext): PageView {
  let main: HTMLElement;
  let step: Step = 'terms';
  let busy = false;
  const data: SignUpData = {
    role: '',
    consents: { terms: false, privacy: false, marketing: false },
    username: '',
    password: '',
    name: '',
    phone: '',
    destination: '',
  };

  const target = (): FormProblemTarget => ({
    root: main,
    summary: main.querySelector<HTMLElement>('#signup-errors')!,
    fieldIds: SIGN_UP_FIELD_IDS,
    setTitle: (error) => ctx.setTitle(TITLES[step], { error }),
  });

  function render(focus = true): void {
    document.getElementById(TITLE_ID)!.textContent = TITLES[step];
    ctx.setTitle(TITLES[step]);
    main.querySelector('#signup-errors')!.innerHTML = '';
    main.querySelector('#signup-step')!.innerHTML = markup().value;
    if (step === 'terms') bindConsentAll(main, PREFIX, SIGN_UP_CONSENTS);
    if (focus) document.getElementById(TITLE_ID)?.focus();
  }

  function progress(n: number): SafeHtml {
    return html`<p class="app-step-count">3단계 중 ${n}단계</p>`;
  }

  function markup(): SafeHtml {
    switch (step) {
      case 'terms':
        return html`${progress(1)}<form id="signup-terms-form" class="app-form" novalidate>
  ${radioGroup({ id: SIGN_UP_FIELD_IDS.role!, name: 'role', label: '어떤 분인가요?', options: SIGN_UP_ROLES, value: data.role, required: true })}
  ${consentSection(PREFIX, SIGN_UP_CONSENTS, data.consents)}
  <div class="app-form-actions">${button({ label: '다음', type: 'submit', size: 'large' })}</div>
</form>
<p class="app-form-note">수행기관·교육기관 담당자는 <a href="/agency/account-request">기관 담당자 계정 신청</a>을 해 주세요.</p>`;
      case 'details':
        return html`${progress(2)}<form id="signup-details-form" class="app-form" novalidate>
  ${textField({ id: SIGN_UP_FIELD_IDS.username!, name: 'username', label: '아이디', value: data.username, autocomplete: 'username', maxLength: 20, hint: USERNAME_HINT, required: true })}
  ${textField({ id: SIGN_UP_FIELD_IDS.password!, name: 'password', label: '비밀번호', type: 'password', value: '', autocomplete: 'new-password', maxLength: 64, hint: PASSWORD_HINT, required: true })}
  ${textField({ id: SIGN_UP_FIELD_IDS.passwordConfirm!, name: 'passwordConfirm', label: '비밀번호 확인', type: 'password', value: '', autocomplete: 'new-password', maxLength: 64, hint: '같은 비밀번호를 한 번 더 입력하세요.', required: true })}
  ${textField({ id: SIGN_UP_FIELD_IDS.name!, name: 'name', label: '이름', value: data.name, autocomplete: 'name', maxLength: 40, required: true })}
  ${textField({ id: SIGN_UP_FIELD_IDS.phone!, name: 'phone', label: '휴대전화 번호', type: 'tel', value: data.phone, autocomplete: 'tel-national', maxLength: 13, hint: PHONE_HINT, required: true })}
  <div class="app-form-actions">
    ${button({ label: '인증번호 받기', type: 'submit', size: 'large' })}
    ${button({ label: '이전', variant: 'secondary', size: 'large', data: { action: 'signup-back' } })}
  </div>
</form>`;
      case 'code':
        return html`${progress(3)}<form id="signup-code-form" class="app-form" novalidate>
  <p class="app-form-intro"><strong>${describeDestination(data.destination)}</strong>로 인증번호 6자리를 보냈습니다. 문자로 받은 숫자를 입력한 뒤 ‘가입 완료’ 버튼을 누르세요.</p>
  ${textField({ id: SIGN_UP_FIELD_IDS.code!, name: 'code', label: '인증번호', value: '', inputMode: 'numeric', autocomplete: 'one-time-code', maxLength: 6, hint: CODE_HINT, required: true })}
  <div class="app-form-actions">${button({ label: '가입 완료', type: 'submit', size: 'large' })}</div>
</form>`;
      case 'done':
        return html`<div class="app-notice app-notice-success" role="status">
  <p class="app-notice-title">회원가입을 마쳤습니다.</p>
  <p>이제 아이디 <strong>${data.username}</strong>(으)로 로그인할 수 있습니다. 로그인할 때마다 휴대전화로 인증번호를 보냅니다.</p>
</div>
<div class="app-form-actions"><a class="krds-btn primary large" href="/login">로그인하러 가기</a></div>`;
    }
  }

  function fail(problems: Problem[]): void {
    // A problem in a field of another step (the server checks everything at once) is shown there.
    const elsewhere = problems.map((p) => stepOfField(p.field)).find((s) => s && s !== step);
    if (elsewhere) {
      step = elsewhere;
      render(false);
    }
    showProblems(target(), problems);
  }

  function onTerms(form: HTMLFormElement): void {
    data.role = String(new FormData(form).get('role') ?? '');
    data.consents = readConsents(form, PREFIX, SIGN_UP_CONSENTS);
    const problems: Problem[] = [];
    if (!data.role) problems.push({ field: 'role', message: '가입 유형을 하나 골라 주세요.' });
    for (const c of SIGN_UP_CONSENTS) {
      if (c.required && !data.consents[c.key]) problems.push({ field: `consents.${c.key}`, message: c.missing! });
    }
    if (problems.length) {
      fail(problems);
      return;
    }
    step = 'details';
    render();
  }

  async function onDetails(form: HTMLFormElement): Promise<void> {
    const values = new FormData(form);
    data.username = String(values.get('username') ?? '').trim();
    data.password = String(values.get('password') ?? '');
    data.name = String(values.get('name') ?? '').trim();
    data.phone = String(values.get('phone') ?? '').trim();
    const problems = missing(form, [
      ['username', '아이디를 입력해 주세요.'],
      ['password', '비밀번호를 입력해 주세요.'],
      ['passwordConfirm', '비밀번호를 한 번 더 입력해 주세요.'],
      ['name', '이름을 입력해 주세요.'],
      ['phone', '휴대전화 번호를 입력해 주세요.'],
    ]);
    if (!problems.length && data.password !== values.get('passwordConfirm')) {
      problems.push({ field: 'passwordConfirm', message: '두 비밀번호가 다릅니다. 같은 비밀번호를 입력해 주세요.' });
    }
    if (problems.length) return fail(problems);
    const result = await apiPost<{ step: 'confirm'; destination: string }>(
      '/auth/signup',
      {
        username: data.username,
        password: data.password,
        name: data.name,
        phone: data.phone,
        role: data.role,
        consents: data.consents,
      },
      { signal: ctx.signal },
    );
    if (!result.ok) return fail(problemsOf(result.problem));
    data.password = '';
    data.destination = result.data.destination;
    step = 'code';
    render();
    ctx.announce(`${describeDestination(data.destination)}로 인증번호를 보냈습니다.`);
  }

  async function onCode(form: HTMLFormElement): Promise<void> {
    const code = String(new FormData(form).get('code') ?? '').replace(/\s/g, '');
    if (!/^\d{6}$/.test(code)) {
      return fail([
        { field: 'code', message: code ? '인증번호는 문자로 받은 숫자 6자리입니다.' : '인증번호를 입력해 주세요.' },
      ]);
    }
    const result = await apiPost<{ step: string }>(
      '/auth/signup/confirm',
      { username: data.username, code },
      { signal: ctx.signal },
    );
    if (!result.ok) return fail(problemsOf(result.problem));
    step = 'done';
    render();
  }

  return {
    title: TITLES.terms,
    lead: '장애인서비스신청포털의 회원이 되면 서비스를 신청하고 이용 내역을 볼 수 있습니다.',
    content: html`<div id="signup-errors"></div><div id="signup-step" class="app-narrow"></div>`,
    mount(m) {
      main = m;
      render(false);
      main.addEventListener('submit', async (event) => {
        event.preventDefault();
        if (busy) return;
        busy = true;
        const form = event.target as HTMLFormElement;
        try {
          if (step === 'terms') onTerms(form);
          else if (step === 'details') await onDetails(form);
          else if (step === 'code') await onCode(form);
        } finally {
          busy = false;
        }
      });
      main.addEventListener('click', (event) => {
        if (!(event.target as Element).closest('[data-action="signup-back"]')) return;
        step = 'terms';
        render();
      });
    },
  };
}
