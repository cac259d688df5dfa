import { checkboxField } from '../components/form-field.ts';
import { html, type SafeHtml } from '../core/html.ts';

// Consents asked at sign-up and in a staff account request (개인정보 보호법 §22: each consent asked
// separately, required ones apart from optional ones, with what is collected, why and for how long).
// "전체 동의" only ticks the boxes below it; each keeps its own label and can be unticked again.

export interface Consent {
  key: 'terms' | 'privacy' | 'marketing';
  required: boolean;
  label: string;
  details: SafeHtml;
  /** said when a required consent is missing */
  missing?: string;
}

const privacyDetails = (purpose: string) => html`<dl class="app-consent-terms">
  <div><dt>모으는 정보</dt><dd>아이디, 이름, 휴대전화 번호</dd></div>
  <div><dt>쓰는 곳</dt><dd>${purpose}</dd></div>
  <div><dt>보관 기간</dt><dd>회원탈퇴 때까지. 법령이 보관을 정한 기록(서비스 신청·이용, 급여, 사업비 기록 등)은 그 기간까지 보관합니다.</dd></div>
</dl>
<p class="krds-form-check-p">동의하지 않을 수 있습니다. 다만 동의하지 않으면 가입할 수 없습니다.</p>
<p class="krds-form-check-p"><a href="/policies/privacy" target="_blank" rel="noopener" title="새 창 열림">개인정보 처리방침 전체 보기</a></p>`;

export const SIGN_UP_CONSENTS: readonly Consent[] = [
  {
    key: 'terms',
    required: true,
    label: '[필수] 이용약관에 동의합니다.',
    details: html`<p class="krds-form-check-p">아이디와 비밀번호는 본인만 씁니다. 서비스 신청과 이용 기록은 법령에 따라 보관합니다. <a href="/policies/terms" target="_blank" rel="noopener" title="새 창 열림">이용약관 전체 보기</a></p>`,
    missing: '[필수] 이용약관에 동의해야 가입할 수 있습니다. 내용을 읽고 확인란을 선택해 주세요.',
  },
  {
    key: 'privacy',
    required: true,
    label: '[필수] 개인정보 수집·이용에 동의합니다.',
    details: privacyDetails('본인 확인, 로그인 인증번호 발송, 서비스 신청과 이용 안내'),
    missing: '[필수] 개인정보 수집·이용에 동의해야 가입할 수 있습니다. 내용을 읽고 확인란을 선택해 주세요.',
  },
  {
    key: 'marketing',
    required: false,
    label: '[선택] 사업 소식과 교육 일정을 문자로 받겠습니다.',
    details: html`<p class="krds-form-check-p">근로지원인 사업 소식과 교육 일정을 휴대전화 문자로 보냅니다. 동의하지 않아도 가입할 수 있고, 언제든 그만 받을 수 있습니다.</p>`,
  },
];

export const STAFF_PRIVACY_CONSENT: Consent = {
  key: 'privacy',
  required: true,
  label: '[필수] 개인정보 수집·이용에 동의합니다.',
  details: privacyDetails('담당자 본인 확인, 계정 승인, 로그인 인증번호 발송, 업무 연락'),
  missing: '[필수] 개인정보 수집·이용에 동의해야 신청할 수 있습니다. 내용을 읽고 확인란을 선택해 주세요.',
};

export const ALL_CONSENTS_ID = 'consent-all';

export function consentId(prefix: string, key: Consent['key']): string {
  return `${prefix}-consent-${key}`;
}

/** Required consents, then optional ones, each group under its own heading; 전체 동의 on top. */
export function consentSection(
  prefix: string,
  consents: readonly Consent[],
  checked: Partial<Record<Consent['key'], boolean>>,
): SafeHtml {
  const group = (required: boolean) => consents.filter((c) => c.required === required);
  const item = (c: Consent) =>
    checkboxField({
      id: consentId(prefix, c.key),
      name: `consent-${c.key}`,
      label: c.label,
      checked: Boolean(checked[c.key]),
      details: c.details,
      required: c.required,
    });
  const optional = group(false);
  const all = consents.every((c) => checked[c.key]);
  return html`<div class="app-consents">
  ${
    consents.length > 1
      ? html`<div class="app-consent-all">${checkboxField({
          id: ALL_CONSENTS_ID,
          name: 'consent-all',
          label: '전체 동의 (선택 항목 포함)',
          checked: all,
          hint: '아래 항목을 모두 선택합니다. 선택 항목은 다시 해제할 수 있습니다.',
        })}</div>`
      : ''
  }
  <section class="app-consent-group" aria-labelledby="${prefix}-consents-required">
    <h2 class="app-subsection-title" id="${prefix}-consents-required">필수 동의</h2>
    ${group(true).map(item)}
  </section>
  ${
    optional.length
      ? html`<section class="app-consent-group" aria-labelledby="${prefix}-consents-optional">
    <h2 class="app-subsection-title" id="${prefix}-consents-optional">선택 동의</h2>
    ${optional.map(item)}
  </section>`
      : ''
  }
</div>`;
}

/** 전체 동의 ticks every box; ticking the boxes one by one keeps 전체 동의 in step (mixed when some are). */
export function bindConsentAll(root: HTMLElement, prefix: string, consents: readonly Consent[]): void {
  const all = root.querySelector<HTMLInputElement>(`#${ALL_CONSENTS_ID}`);
  const boxes = consents
    .map((c) => root.querySelector<HTMLInputElement>(`#${consentId(prefix, c.key)}`))
    .filter((b): b is HTMLInputElement => b !== null);
  if (!all) return;
  const sync = () => {
    const count = boxes.filter((b) => b.checked).length;
    all.checked = count === boxes.length;
    all.indeterminate = count > 0 && count < boxes.length;
  };
  all.addEventListener('change', () => {
    for (const box of boxes) box.checked = all.checked;
    all.indeterminate = false;
  });
  for (const box of boxes) box.addEventListener('change', sync);
  sync();
}

/** The consents as ticked in the form. */
export function readConsents(
  form: HTMLFormElement,
  prefix: string,
  consents: readonly Consent[],
): Record<Consent['key'], boolean> {
  const out = { terms: false, privacy: false, marketing: false };
  for (const c of consents)
    out[c.key] = form.querySelector<HTMLInputElement>(`#${consentId(prefix, c.key)}`)?.checked ?? false;
  return out;
}
