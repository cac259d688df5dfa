import { button } from '../components/button.ts';
import {
  fileField,
  radioGroup,
  selectField,
  setFieldError,
  textareaField,
  textField,
} from '../components/form-field.ts';
import {
  type FormProblemTarget,
  missing,
  type Problem,
  problemsOf,
  showProblems,
} from '../components/form-problems.ts';
import { apiGet, apiPost } from '../core/api.ts';
import { html, type SafeHtml } from '../core/html.ts';
import { onSubmit } from '../core/submit.ts';
import { presignedUpload, type UploadOutcome, uploadMessage } from '../core/upload.ts';
import type { PageContext, PageView } from '../shell/app.ts';
import { TITLE_ID } from '../shell/layout.ts';
import { bindConsentAll, consentId, consentSection, readConsents, STAFF_PRIVACY_CONSENT } from './consents.ts';
import { describeDestination } from './session.ts';
import { describeFile, PLEDGE_ACCEPT, PLEDGE_HINT, pledgeContentType, pledgeProblem } from './staff-pledge.ts';
import { CODE_HINT, PASSWORD_HINT, PHONE_HINT, USERNAME_HINT } from './texts.ts';

// 기관 담당자 계정 신청 (issue 3): staff of a performing agency or a training institution ask for an
// account with their organisation, position, duties and the signed security pledge. The pledge is
// uploaded as soon as it is chosen (presigned PUT) and checked by the server, so a wrong file is
// said at the field before the request is sent. Then the phone is confirmed with the SMS code, and
// the organisation's branch approves or rejects the request.

type Step = 'form' | 'code' | 'done';

const TITLES: Record<Step, string> = {
  form: '기관 담당자 계정 신청',
  code: '기관 담당자 계정 신청: 휴대전화 인증',
  done: '계정 신청 완료',
};

const PREFIX = 'staff';
const PLEDGE_ID = 'staff-pledge';
const ORGANISATION_ID = 'staff-organisation';

export const STAFF_FIELD_IDS: Record<string, string> = {
  kind: 'staff-kind',
  organisationId: ORGANISATION_ID,
  position: 'staff-position',
  duties: 'staff-duties',
  username: 'staff-username',
  password: 'staff-password',
  passwordConfirm: 'staff-password-confirm',
  name: 'staff-name',
  phone: 'staff-phone',
  pledgeUploadId: PLEDGE_ID,
  pledgeUploadSecret: PLEDGE_ID,
  file: PLEDGE_ID,
  contentType: PLEDGE_ID,
  'consents.privacy': consentId(PREFIX, 'privacy'),
  consents: consentId(PREFIX, 'privacy'),
  code: 'staff-code',
};

const KINDS = [
  { value: 'agency', label: '수행기관' },
  { value: 'institution', label: '교육기관(양성교육기관)' },
];

interface Organisation {
  organisationId: string;
  name: string;
  sidoName: string;
  sigunguName: string;
}

interface Upload {
  uploadId: string;
  url: string;
  method: string;
  headers: Record<string, string>;
  uploadSecret: string;
}

type PledgeState =
  | { kind: 'none' }
  | { kind: 'uploading'; label: string }
  | { kind: 'ready'; label: string; uploadId: string; uploadSecret: string }
  | { kind: 'failed'; label: string };

const UPLOAD_FAILED = '파일을 올리지 못했습니다. 인터넷 연결을 확인한 뒤 파일을 다시 골라 주세요.';

export function staffRequestPage(ctx: PageContext): PageView {
  let main: HTMLElement;
  let step: Step = 'form';
  let pledge: PledgeState = { kind: 'none' };
  let username = '';
  let destination = '';
  const organisations = new Map<string, Promise<Organisation[] | undefined>>();

  const target = (): FormProblemTarget => ({
    root: main,
    summary: main.querySelector<HTMLElement>('#staff-errors')!,
    fieldIds: STAFF_FIELD_IDS,
    setTitle: (error) => ctx.setTitle(TITLES[step], { error }),
  });
  const fail = (problems: Problem[]) => showProblems(target(), problems);

  function render(focus = true): void {
    document.getElementById(TITLE_ID)!.textContent = TITLES[step];
    ctx.setTitle(TITLES[step]);
    main.querySelector('#staff-errors')!.innerHTML = '';
    main.querySelector('#staff-step')!.innerHTML = markup().value;
    if (step === 'form') {
      bindConsentAll(main, PREFIX, [STAFF_PRIVACY_CONSENT]);
      void loadOrganisations('agency');
    }
    if (focus) document.getElementById(TITLE_ID)?.focus();
  }

  function markup(): SafeHtml {
    if (step === 'form') {
      return html`<form id="staff-request-form" class="app-form" novalidate>
  <fieldset class="app-fieldset" aria-labelledby="staff-org-title">
    <h2 class="app-subsection-title" id="staff-org-title">1. 소속과 업무</h2>
    ${radioGroup({ id: STAFF_FIELD_IDS.kind!, name: 'kind', label: '기관 종류', options: KINDS, value: 'agency', inline: true, required: true })}
    ${selectField({ id: ORGANISATION_ID, name: 'organisationId', label: '소속 기관', options: [{ value: '', label: '기관 목록을 불러오는 중…' }], value: '', required: true, hint: '목록에 기관이 없으면 관할 지사에 문의해 주세요.' })}
    ${textField({ id: STAFF_FIELD_IDS.position!, name: 'position', label: '직위', value: '', maxLength: 40, autocomplete: 'organization-title', hint: '예: 사무국장, 주임', required: true })}
    ${textareaField({ id: STAFF_FIELD_IDS.duties!, name: 'duties', label: '담당 업무', value: '', maxLength: 200, rows: 3, hint: '200자 이하로 적어 주세요. 예: 근로지원인 활동일지 관리, 사업비 신청', required: true })}
  </fieldset>
  <fieldset class="app-fieldset" aria-labelledby="staff-account-title">
    <h2 class="app-subsection-title" id="staff-account-title">2. 계정 정보</h2>
    ${textField({ id: STAFF_FIELD_IDS.username!, name: 'username', label: '아이디', value: '', autocomplete: 'username', maxLength: 20, hint: USERNAME_HINT, required: true })}
    ${textField({ id: STAFF_FIELD_IDS.password!, name: 'password', label: '비밀번호', type: 'password', value: '', autocomplete: 'new-password', maxLength: 64, hint: PASSWORD_HINT, required: true })}
    ${textField({ id: STAFF_FIELD_IDS.passwordConfirm!, name: 'passwordConfirm', label: '비밀번호 확인', type: 'password', value: '', autocomplete: 'new-password', maxLength: 64, hint: '같은 비밀번호를 한 번 더 입력하세요.', required: true })}
    ${textField({ id: STAFF_FIELD_IDS.name!, name: 'name', label: '이름', value: '', autocomplete: 'name', maxLength: 40, required: true })}
    ${textField({ id: STAFF_FIELD_IDS.phone!, name: 'phone', label: '휴대전화 번호', type: 'tel', value: '', autocomplete: 'tel-national', maxLength: 13, hint: PHONE_HINT, required: true })}
  </fieldset>
  <fieldset class="app-fieldset" aria-labelledby="staff-pledge-title">
    <h2 class="app-subsection-title" id="staff-pledge-title">3. 보안서약서와 동의</h2>
    ${fileField({ id: PLEDGE_ID, name: 'pledge', label: '보안서약서 파일', accept: PLEDGE_ACCEPT, hint: PLEDGE_HINT, required: true })}
    ${consentSection(PREFIX, [STAFF_PRIVACY_CONSENT], {})}
  </fieldset>
  <div class="app-form-actions">${button({ label: '계정 신청', type: 'submit', size: 'large' })}</div>
</form>`;
    }
    if (step === 'code') {
      return html`<form id="staff-code-form" class="app-form" novalidate>
  <p class="app-form-intro"><strong>${describeDestination(destination)}</strong>로 인증번호 6자리를 보냈습니다. 문자로 받은 숫자를 입력한 뒤 ‘인증 완료’ 버튼을 누르세요.</p>
  ${textField({ id: STAFF_FIELD_IDS.code!, name: 'code', label: '인증번호', value: '', inputMode: 'numeric', autocomplete: 'one-time-code', maxLength: 6, hint: CODE_HINT, required: true })}
  <div class="app-form-actions">${button({ label: '인증 완료', type: 'submit', size: 'large' })}</div>
</form>`;
    }
    return html`<div class="app-notice app-notice-success" role="status">
  <p class="app-notice-title">계정 신청을 마쳤습니다.</p>
  <p>소속 기관의 관할 지사가 신청 내용을 확인한 뒤 승인합니다. 승인되면 휴대전화 문자로 알려 드립니다.</p>
  <p>승인 전에는 로그인할 수 없습니다.</p>
</div>
<div class="app-form-actions"><a class="krds-btn primary large" href="/agency/login">로그인 화면으로 가기</a></div>`;
  }

  /** Fill the organisation list for the chosen kind (public directory, fetched once per kind). */
  async function loadOrganisations(kind: string): Promise<void> {
    const select = main.querySelector<HTMLSelectElement>(`#${ORGANISATION_ID}`);
    if (!select) return;
    select.setAttribute('aria-busy', 'true');
    let pending = organisations.get(kind);
    if (!pending) {
      pending = apiGet<{ items: Organisation[] }>('/public/organisations', { kind }, { signal: ctx.signal }).then(
        (r) => (r.ok ? r.data.items : undefined),
        () => undefined,
      );
      organisations.set(kind, pending);
    }
    const items = await pending;
    if (!select.isConnected) return;
    select.removeAttribute('aria-busy');
    if (!items) {
      organisations.delete(kind);
      select.replaceChildren(new Option('기관 목록을 불러오지 못했습니다. 기관 종류를 다시 골라 주세요.', ''));
      return;
    }
    const collator = new Intl.Collator('ko');
    const sorted = [...items].sort((a, b) => collator.compare(a.name, b.name));
    select.replaceChildren(
      new Option('기관을 골라 주세요', ''),
      ...sorted.map((o) => new Option(`${o.name} (${o.sidoName} ${o.sigunguName})`, o.organisationId)),
    );
  }

  function showPledge(state: PledgeState, error?: string): void {
    pledge = state;
    setFieldError(main, PLEDGE_ID, error);
    const list = main.querySelector<HTMLElement>(`#${PLEDGE_ID}-status`);
    if (!list) return;
    if (state.kind === 'none') {
      list.innerHTML = '';
      return;
    }
    const status =
      state.kind === 'uploading'
        ? html`<span class="krds-spinner app-inline-spinner" aria-hidden="true"></span><span>올리는 중</span>`
        : state.kind === 'ready'
          ? html`<span class="app-file-ok">올림 완료</span>`
          : html`<span class="app-file-failed">올리지 못함</span>`;
    list.innerHTML =
      html`<li class="${state.kind === 'failed' ? 'is-error' : ''}"><div class="file-info"><div class="file-name">${state.label}</div><div class="btn-wrap">${status}</div></div></li>`.value;
  }

  /** Upload the chosen pledge at once: ask for a presigned URL, PUT the file, let the server check it. */
  async function uploadPledge(file: File): Promise<void> {
    const label = describeFile(file);
    const problem = pledgeProblem(file);
    if (problem) {
      showPledge({ kind: 'failed', label }, problem);
      ctx.announce(problem);
      return;
    }
    showPledge({ kind: 'uploading', label });
    let outcome: UploadOutcome<Upload>;
    try {
      outcome = await presignedUpload<Upload>({
        start: {
          path: '/auth/uploads',
          body: { purpose: 'pledge', contentType: pledgeContentType(file), size: file.size, fileName: file.name },
        },
        file,
        signal: ctx.signal,
        complete: (upload) => ({
          path: `/auth/uploads/${encodeURIComponent(upload.uploadId)}/complete`,
          body: { uploadSecret: upload.uploadSecret },
        }),
      });
    } catch (error) {
      if (ctx.signal.aborted) return;
      throw error;
    }
    if (!outcome.ok) {
      const message = uploadMessage(outcome, { refused: UPLOAD_FAILED, fieldFirst: true });
      showPledge({ kind: 'failed', label }, message);
      if (outcome.stage !== 'put') ctx.announce(message);
      return;
    }
    const upload = outcome.ticket;
    showPledge({ kind: 'ready', label, uploadId: upload.uploadId, uploadSecret: upload.uploadSecret });
    ctx.announce(`${file.name} 파일을 올렸습니다.`);
  }

  async function onForm(form: HTMLFormElement): Promise<void> {
    const values = new FormData(form);
    const text = (name: string) => String(values.get(name) ?? '').trim();
    const problems = missing(form, [
      ['organisationId', '소속 기관을 골라 주세요.'],
      ['position', '직위를 입력해 주세요.'],
      ['duties', '담당 업무를 입력해 주세요.'],
      ['username', '아이디를 입력해 주세요.'],
      ['password', '비밀번호를 입력해 주세요.'],
      ['passwordConfirm', '비밀번호를 한 번 더 입력해 주세요.'],
      ['name', '이름을 입력해 주세요.'],
      ['phone', '휴대전화 번호를 입력해 주세요.'],
    ]);
    if (text('password') && text('passwordConfirm') && values.get('password') !== values.get('passwordConfirm')) {
      problems.push({ field: 'passwordConfirm', message: '두 비밀번호가 다릅니다. 같은 비밀번호를 입력해 주세요.' });
    }
    if (pledge.kind === 'uploading') {
      problems.push({ field: 'file', message: '보안서약서를 올리는 중입니다. ‘올림 완료’가 보이면 다시 눌러 주세요.' });
    } else if (pledge.kind !== 'ready') {
      problems.push({ field: 'file', message: '서명한 보안서약서 파일을 골라 올려 주세요.' });
    }
    const consents = readConsents(form, PREFIX, [STAFF_PRIVACY_CONSENT]);
    if (!consents.privacy) problems.push({ field: 'consents.privacy', message: STAFF_PRIVACY_CONSENT.missing! });
    if (problems.length) return fail(problems);
    if (pledge.kind !== 'ready') return;

    username = text('username');
    const result = await apiPost<{ step: 'confirm'; destination: string }>(
      '/auth/staff-requests',
      {
        username,
        password: String(values.get('password') ?? ''),
        name: text('name'),
        phone: text('phone'),
        organisationId: text('organisationId'),
        position: text('position'),
        duties: text('duties'),
        pledgeUploadId: pledge.uploadId,
        pledgeUploadSecret: pledge.uploadSecret,
        consents: { privacy: true },
      },
      { signal: ctx.signal },
    );
    if (!result.ok) return fail(problemsOf(result.problem));
    destination = result.data.destination;
    step = 'code';
    render();
    ctx.announce(`${describeDestination(destination)}로 인증번호를 보냈습니다.`);
  }

  async function onCode(form: HTMLFormElement): Promise<void> {
    const code = String(new FormData(form).get('code') ?? '').replace(/\s/g, '');
    if (!/^\d{6}$/.test(code)) {
      return fail([
        { field: 'code', message: code ? '인증번호는 문자로 받은 숫자 6자리입니다.' : '인증번호를 입력해 주세요.' },
      ]);
    }
    const result = await apiPost('/auth/signup/confirm', { username, code }, { signal: ctx.signal });
    if (!result.ok) return fail(problemsOf(result.problem));
    step = 'done';
    render();
  }

  return {
    title: TITLES.form,
    lead: '수행기관과 교육기관의 담당자가 시스템을 쓰려면 계정을 신청해야 합니다. 관할 지사가 승인하면 로그인할 수 있습니다.',
    content: html`<div id="staff-errors"></div><div id="staff-step" class="app-narrow"></div>`,
    mount(m) {
      main = m;
      render(false);
      main.addEventListener('change', (event) => {
        const input = event.target as HTMLInputElement;
        if (input.name === 'kind') void loadOrganisations(input.value);
        if (input.id === PLEDGE_ID) {
          const file = input.files?.[0];
          if (file) void uploadPledge(file);
          else showPledge({ kind: 'none' });
        }
      });
      onSubmit(main, async (form) => {
        if (step === 'form') await onForm(form);
        else if (step === 'code') await onCode(form);
      });
    },
  };
}
