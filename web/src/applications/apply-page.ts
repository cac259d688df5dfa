import { BRANCHES } from '#commons/branches';
import { SIDO } from '#commons/regions';
import { DISABILITY_TYPES, label, SEVERITIES, SUPPORT_TYPES } from '#functions/applications/codes';
import { businessNumberProblem, hoursProblems, periodProblems } from '#functions/applications/rules';
import { button } from '../components/button.ts';
import { facts } from '../components/facts.ts';
import {
  bindSelectState,
  checkboxField,
  radioGroup,
  requiredMark,
  selectField,
  textareaField,
  textField,
} from '../components/form-field.ts';
import { clearProblems, formText, missing, type Problem, problemsOf } from '../components/form-problems.ts';
import { apiPost } from '../core/api.ts';
import { koreaToday } from '../core/dates.ts';
import { html, type SafeHtml } from '../core/html.ts';
import { showOutcome } from '../core/outcome.ts';
import { numberOf, oneAtATime, problemTarget, reportProblems } from '../core/submit.ts';
import type { PageContext, PageView } from '../shell/app.ts';

// 근로지원인 서비스 신청 (B1) on the portal, in two screens: first what the worker needs (workplace,
// job, disability, support, hours and period), then one screen to read it back and sign — typing
// their own name and ticking the consent — because signing deserves a screen of its own.

export const APPLY_PATH = '/work-assistant/apply';

const EMPLOYMENT = [
  { value: 'regular', label: '정규직' },
  { value: 'contract', label: '계약직' },
  { value: 'other', label: '기타' },
];

/** API field name → control id, for the error summary and the messages at each field. */
const FIELD_IDS: Record<string, string> = {
  branchId: 'apply-branch',
  'workplace.companyName': 'apply-company',
  'workplace.businessNumber': 'apply-business-number',
  'workplace.employerName': 'apply-employer',
  'workplace.address': 'apply-address',
  'workplace.sidoCode': 'apply-sido',
  'workplace.phone': 'apply-work-phone',
  'job.title': 'apply-job-title',
  'job.duties': 'apply-duties',
  'job.employmentType': 'apply-employment',
  'job.workStart': 'apply-work-start',
  'job.workEnd': 'apply-work-end',
  'disability.type': 'apply-disability',
  'disability.severity': 'apply-severity',
  'support.types': 'apply-support-T1',
  'support.details': 'apply-support-details',
  'requested.hoursPerDay': 'apply-hours',
  'requested.daysPerWeek': 'apply-days',
  'requested.startDate': 'apply-start',
  'requested.endDate': 'apply-end',
  'signature.name': 'apply-signature-name',
  'signature.consent': 'apply-consent',
};

const STEP2_FIELDS = new Set(['signature.name', 'signature.consent']);

const options = (list: readonly { code: string; label: string }[]) => [
  { value: '', label: '선택' },
  ...list.map((i) => ({ value: i.code, label: i.label })),
];

function detailsForm(): SafeHtml {
  return html`<form id="apply-details" class="app-form" novalidate>
  <p class="app-form-intro">표시된 항목은 꼭 입력해야 합니다${requiredMark()}. 다 쓰면 다음 화면에서 내용을 확인하고 서명합니다.</p>
  <fieldset class="app-fieldset">
    <legend class="sr-only">신청 지사</legend>
    <h2 class="app-subsection-title">신청 지사</h2>
    ${selectField({ id: 'apply-branch', name: 'branchId', label: '신청을 받을 지사', required: true, value: '', hint: '사업장이 있는 지역을 맡은 지사를 고르세요.', options: [{ value: '', label: '선택' }, ...BRANCHES.map((b) => ({ value: b.branchId, label: b.name }))] })}
  </fieldset>
  <fieldset class="app-fieldset">
    <legend class="sr-only">사업장</legend>
    <h2 class="app-subsection-title">사업장과 사업주</h2>
    ${textField({ id: 'apply-company', name: 'companyName', label: '사업체명', value: '', required: true, maxLength: 100 })}
    ${textField({ id: 'apply-business-number', name: 'businessNumber', label: '사업자등록번호', value: '', required: true, inputMode: 'numeric', maxLength: 12, hint: '사업자등록증의 숫자 10자리 (예: 123-45-67890)' })}
    ${textField({ id: 'apply-employer', name: 'employerName', label: '대표자(사업주) 이름', value: '', required: true, maxLength: 40 })}
    ${selectField({ id: 'apply-sido', name: 'sidoCode', label: '사업장 시/도', value: '', required: true, options: [{ value: '', label: '선택' }, ...SIDO.map((s) => ({ value: s.code, label: s.name }))] })}
    ${textField({ id: 'apply-address', name: 'address', label: '사업장 주소', value: '', required: true, maxLength: 200 })}
    ${textField({ id: 'apply-work-phone', name: 'workPhone', label: '사업장 전화번호', type: 'tel', value: '', required: true, maxLength: 14, hint: '예: 02-1234-5678' })}
  </fieldset>
  <fieldset class="app-fieldset">
    <legend class="sr-only">직무</legend>
    <h2 class="app-subsection-title">하는 일(직무)</h2>
    ${textField({ id: 'apply-job-title', name: 'jobTitle', label: '직무', value: '', required: true, maxLength: 60, hint: '예: 사무보조, 포장, 프로그램 개발' })}
    ${textareaField({ id: 'apply-duties', name: 'duties', label: '담당 업무', value: '', required: true, maxLength: 500, rows: 3 })}
    ${selectField({ id: 'apply-employment', name: 'employmentType', label: '고용 형태', value: '', required: true, options: [{ value: '', label: '선택' }, ...EMPLOYMENT] })}
    ${textField({ id: 'apply-work-start', name: 'workStart', label: '근무 시작 시각', value: '09:00', required: true, maxLength: 5, hint: '예: 09:00' })}
    ${textField({ id: 'apply-work-end', name: 'workEnd', label: '근무 종료 시각', value: '18:00', required: true, maxLength: 5, hint: '예: 18:00' })}
  </fieldset>
  <fieldset class="app-fieldset">
    <legend class="sr-only">장애</legend>
    <h2 class="app-subsection-title">장애</h2>
    ${selectField({ id: 'apply-disability', name: 'disabilityType', label: '장애 유형', value: '', required: true, options: options(DISABILITY_TYPES) })}
    ${radioGroup({ id: 'apply-severity', name: 'severity', label: '장애 정도', value: '', required: true, options: SEVERITIES.map((s) => ({ value: s.code, label: s.label })) })}
  </fieldset>
  <fieldset class="app-fieldset">
    <legend class="sr-only">필요한 지원</legend>
    <h2 class="app-subsection-title">필요한 지원</h2>
    <div class="form-group" data-field="apply-support-T1">
      <fieldset aria-labelledby="apply-support-question">
        <div class="form-tit app-question" id="apply-support-question">지원 유형${requiredMark()}</div>
        <div class="form-conts"><div class="krds-check-area chk-column">
          ${SUPPORT_TYPES.map((t) => html`<div class="krds-form-check"><input type="checkbox" id="apply-support-${t.code}" name="supportTypes" value="${t.code}"><label for="apply-support-${t.code}">${t.label}</label></div>`)}
        </div></div>
        <p class="form-hint-invalid" id="apply-support-T1-error" hidden><span class="sr-only">오류: </span><span class="app-error-text"></span></p>
      </fieldset>
    </div>
    ${textareaField({ id: 'apply-support-details', name: 'supportDetails', label: '필요한 지원 내용', value: '', required: true, maxLength: 1000, rows: 4, hint: '근로지원인이 도와주었으면 하는 일을 적어 주세요. (1000자 이하)' })}
  </fieldset>
  <fieldset class="app-fieldset">
    <legend class="sr-only">희망 시간과 기간</legend>
    <h2 class="app-subsection-title">지원받고 싶은 시간과 기간</h2>
    ${textField({ id: 'apply-hours', name: 'hoursPerDay', label: '하루 신청 시간(시간)', value: '', required: true, inputMode: 'numeric', maxLength: 4, hint: '0.5시간 단위, 하루 8시간까지 (예: 4, 6.5)' })}
    ${selectField({ id: 'apply-days', name: 'daysPerWeek', label: '주 지원 일수', value: '5', required: true, hint: '일주일에 40시간을 넘을 수 없습니다.', options: [1, 2, 3, 4, 5, 6, 7].map((n) => ({ value: String(n), label: `${n}일` })) })}
    ${textField({ id: 'apply-start', name: 'startDate', label: '지원 희망 시작일', type: 'date', value: '', required: true })}
    ${textField({ id: 'apply-end', name: 'endDate', label: '지원 희망 종료일', type: 'date', value: '', required: true, hint: '시작일로부터 1년 안' })}
  </fieldset>
  <div class="app-form-actions">${button({ label: '다음: 내용 확인과 서명', type: 'submit', size: 'large' })}</div>
</form>`;
}

interface Draft {
  branchId: string;
  workplace: Record<string, string>;
  job: Record<string, string>;
  disability: { type: string; severity: string };
  support: { types: string[]; details: string };
  requested: { hoursPerDay: number; daysPerWeek: number; startDate: string; endDate: string };
}

function readDraft(form: HTMLFormElement): Draft {
  const text = (name: string) => formText(form, name).trim();
  return {
    branchId: text('branchId'),
    workplace: {
      companyName: text('companyName'),
      businessNumber: text('businessNumber'),
      employerName: text('employerName'),
      address: text('address'),
      sidoCode: text('sidoCode'),
      phone: text('workPhone'),
    },
    job: {
      title: text('jobTitle'),
      duties: text('duties'),
      employmentType: text('employmentType'),
      workStart: text('workStart'),
      workEnd: text('workEnd'),
    },
    disability: { type: text('disabilityType'), severity: text('severity') },
    support: {
      types: new FormData(form).getAll('supportTypes').map(String),
      details: text('supportDetails'),
    },
    requested: {
      hoursPerDay: numberOf(form, 'hoursPerDay'),
      daysPerWeek: numberOf(form, 'daysPerWeek'),
      startDate: text('startDate'),
      endDate: text('endDate'),
    },
  };
}

/** What the browser can say before anything is sent (the server checks all of it again). */
function draftProblems(form: HTMLFormElement, draft: Draft): Problem[] {
  const problems = missing(form, [
    ['branchId', '신청을 받을 지사를 골라 주세요.'],
    ['companyName', '사업체명을 입력해 주세요.'],
    ['businessNumber', '사업자등록번호를 입력해 주세요.'],
    ['employerName', '대표자(사업주) 이름을 입력해 주세요.'],
    ['sidoCode', '사업장이 있는 시/도를 골라 주세요.'],
    ['address', '사업장 주소를 입력해 주세요.'],
    ['workPhone', '사업장 전화번호를 입력해 주세요.'],
    ['jobTitle', '직무를 입력해 주세요.'],
    ['duties', '담당 업무를 입력해 주세요.'],
    ['employmentType', '고용 형태를 골라 주세요.'],
    ['disabilityType', '장애 유형을 골라 주세요.'],
    ['severity', '장애 정도를 골라 주세요.'],
    ['supportDetails', '필요한 지원 내용을 입력해 주세요.'],
    ['hoursPerDay', '하루 신청 시간을 입력해 주세요.'],
    ['startDate', '지원 희망 시작일을 입력해 주세요.'],
    ['endDate', '지원 희망 종료일을 입력해 주세요.'],
  ]).map((p) => ({ ...p, field: FORM_TO_API[p.field!] ?? p.field }));
  if (draft.support.types.length === 0)
    problems.push({ field: 'support.types', message: '필요한 지원 유형을 하나 이상 골라 주세요.' });
  if (draft.workplace.businessNumber) {
    const problem = businessNumberProblem(draft.workplace.businessNumber);
    if (problem) problems.push({ field: 'workplace.businessNumber', message: problem });
  }
  if (!problems.some((p) => p.field?.startsWith('requested.'))) {
    const rules = [...hoursProblems(draft.requested, '신청'), ...periodProblems(draft.requested, '지원 희망 기간')];
    problems.push(...rules.map((p) => ({ field: `requested.${p.field}`, message: p.message })));
    if (!rules.length && draft.requested.startDate < koreaToday()) {
      problems.push({
        field: 'requested.startDate',
        message: `지원 희망 시작일은 오늘(${koreaToday()}) 이후로 골라 주세요.`,
      });
    }
  }
  return problems;
}

const FORM_TO_API: Record<string, string> = {
  companyName: 'workplace.companyName',
  businessNumber: 'workplace.businessNumber',
  employerName: 'workplace.employerName',
  sidoCode: 'workplace.sidoCode',
  address: 'workplace.address',
  workPhone: 'workplace.phone',
  jobTitle: 'job.title',
  duties: 'job.duties',
  employmentType: 'job.employmentType',
  disabilityType: 'disability.type',
  severity: 'disability.severity',
  supportDetails: 'support.details',
  hoursPerDay: 'requested.hoursPerDay',
  startDate: 'requested.startDate',
  endDate: 'requested.endDate',
};

function review(draft: Draft, name: string): SafeHtml {
  const branch = BRANCHES.find((b) => b.branchId === draft.branchId)?.name ?? draft.branchId;
  return html`<section class="app-section" aria-labelledby="apply-review-title">
  <h2 class="app-section-title" id="apply-review-title">신청 내용 확인</h2>
  ${facts([
    ['신청인', name],
    ['신청 지사', branch],
    ['사업장', `${draft.workplace.companyName} (${draft.workplace.businessNumber})`],
    ['사업장 주소', draft.workplace.address],
    ['직무', `${draft.job.title} · ${draft.job.duties}`],
    ['장애', `${label(DISABILITY_TYPES, draft.disability.type)}, ${label(SEVERITIES, draft.disability.severity)}`],
    ['지원 유형', draft.support.types.map((t) => label(SUPPORT_TYPES, t)).join(', ')],
    ['필요한 지원', draft.support.details],
    ['희망 시간', `하루 ${draft.requested.hoursPerDay}시간, 주 ${draft.requested.daysPerWeek}일`],
    ['희망 기간', `${draft.requested.startDate} ~ ${draft.requested.endDate}`],
  ])}
</section>
<form id="apply-sign" class="app-form" novalidate>
  <h2 class="app-section-title">전자서명 동의</h2>
  <p class="app-form-note">위 내용이 사실과 같으면 아래 서명란에 회원 정보의 본인 이름을 그대로 입력하고, 동의 확인란을 선택한 뒤 신청하세요. 서명한 시각과 신청 내용의 고유값(해시)이 함께 저장되어, 신청 뒤에 내용이 바뀌지 않았음을 확인할 수 있습니다.</p>
  ${textField({ id: 'apply-signature-name', name: 'signatureName', label: '서명(본인 이름)', value: '', required: true, maxLength: 40, autocomplete: 'name' })}
  ${checkboxField({ id: 'apply-consent', name: 'consent', label: '신청 내용이 사실이며, 이 신청서에 전자서명하는 것에 동의합니다.', checked: false, required: true })}
  <div class="app-form-actions">
    ${button({ label: '서명하고 신청하기', type: 'submit', size: 'large' })}
    ${button({ label: '이전으로(내용 고치기)', variant: 'secondary', size: 'large', data: { action: 'back' } })}
  </div>
</form>`;
}

export function applyPage(ctx: PageContext): PageView {
  let main: HTMLElement;
  let draft: Draft | undefined;
  const title = '근로지원인 서비스 신청';
  const name = ctx.viewer.signedIn ? ctx.viewer.name : '';
  const target = () => problemTarget(ctx, main, 'apply-errors', FIELD_IDS, title);

  function showStep(step: 1 | 2) {
    main.querySelector<HTMLElement>('#apply-step1')!.hidden = step !== 1;
    main.querySelector<HTMLElement>('#apply-step2')!.hidden = step !== 2;
    main.querySelector<HTMLElement>('#apply-step-count')!.textContent =
      `${step}/2 단계: ${step === 1 ? '신청 내용 쓰기' : '확인하고 서명하기'}`;
    window.scrollTo(0, 0);
  }

  async function send(form: HTMLFormElement) {
    if (!draft) return;
    const signatureName = formText(form, 'signatureName').trim();
    const consent = new FormData(form).get('consent') === 'yes';
    const problems: Problem[] = [];
    if (!signatureName) problems.push({ field: 'signature.name', message: '서명란에 본인 이름을 입력해 주세요.' });
    if (!consent)
      problems.push({
        field: 'signature.consent',
        message: '신청 내용이 사실이며 전자서명에 동의한다는 확인란을 선택해 주세요.',
      });
    if (reportProblems(target(), problems)) return;
    const result = await apiPost<{ applicationId: string }>(
      '/service-applications',
      { ...draft, signature: { name: signatureName, consent } },
      { signal: ctx.signal },
    );
    if (!result.ok) {
      const found = problemsOf(result.problem);
      if (found.some((p) => p.field && !STEP2_FIELDS.has(p.field) && FIELD_IDS[p.field])) showStep(1);
      reportProblems(target(), found);
      return;
    }
    clearProblems(target());
    main.querySelector<HTMLElement>('#apply-step1')!.remove();
    main.querySelector<HTMLElement>('#apply-step2')!.remove();
    main.querySelector<HTMLElement>('#apply-step-count')!.remove();
    showOutcome(
      main.querySelector<HTMLElement>('#apply-done')!,
      `신청했습니다. 신청 번호는 ${result.data.applicationId}입니다.`,
      html`<p>지사에서 접수하고 평가하면 문자로 알려 드립니다. 진행 상태는 마이페이지의 신청 이력에서 볼 수 있습니다.</p><p><a href="/my">신청 이력 보기</a></p>`,
    );
  }

  return {
    title,
    lead: '근로지원인의 도움이 필요한 중증장애인 근로자가 신청합니다. 신청하면 지사가 접수하고 평가한 뒤 수행기관에 근로지원인 매칭을 의뢰합니다.',
    content: html`<div id="apply-errors"></div><div id="apply-done"></div>
<p class="app-step-count" id="apply-step-count">1/2 단계: 신청 내용 쓰기</p>
<div id="apply-step1">${detailsForm()}</div>
<div id="apply-step2" hidden></div>`,
    mount(m) {
      main = m;
      bindSelectState(main);
      main.querySelector('#apply-details')!.addEventListener(
        'submit',
        oneAtATime(async (form) => {
          const next = readDraft(form);
          if (reportProblems(target(), draftProblems(form, next))) return;
          clearProblems(target());
          draft = next;
          main.querySelector<HTMLElement>('#apply-step2')!.innerHTML = review(draft, name).value;
          showStep(2);
          main.querySelector<HTMLElement>('#apply-review-title')?.setAttribute('tabindex', '-1');
          main.querySelector<HTMLElement>('#apply-review-title')?.focus();
        }),
      );
      main.querySelector('#apply-step2')!.addEventListener('submit', oneAtATime(send));
      main.addEventListener('click', (event) => {
        if ((event.target as Element).closest('[data-action="back"]')) {
          clearProblems(target());
          showStep(1);
          main.querySelector<HTMLElement>('#apply-branch')?.focus();
        }
      });
    },
  };
}
