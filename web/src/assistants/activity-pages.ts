import { SIDO } from '#commons/regions';
import { maskPhone, rrnProblem } from '#commons/rrn';
import { DISABILITY_TYPES, label, SUPPORT_TYPES } from '#functions/applications/codes';
import {
  DISQUALIFICATION_LAW,
  DISQUALIFICATIONS,
  DISQUALIFIED_MESSAGE,
  SELF_DECLARATION_CONFIRMATION,
  SELF_DECLARATION_STATEMENT,
} from '#functions/assistants/disqualifications';
import type { ActivityApplicationView } from '#functions/assistants/posting-contract';
import { activityApplicationProblems, QUALIFICATIONS } from '#functions/assistants/rules';
import { button } from '../components/button.ts';
import { decisionForm, readDecision } from '../components/decision-form.ts';
import { facts, statusTag } from '../components/facts.ts';
import {
  bindSelectState,
  checkboxField,
  radioGroup,
  requiredMark,
  selectField,
  textField,
} from '../components/form-field.ts';
import { formText, missing, type Problem } from '../components/form-problems.ts';
import { type Column, dataTable, emptyState } from '../components/table.ts';
import { apiGet, apiPost } from '../core/api.ts';
import { dateTime, day, koreaToday } from '../core/dates.ts';
import { html, type SafeHtml } from '../core/html.ts';
import { showOutcome } from '../core/outcome.ts';
import { loadInto, onAction } from '../core/page.ts';
import { oneAtATime, problemTarget, refused, reportProblems } from '../core/submit.ts';
import type { PageContext, PageView } from '../shell/app.ts';
import { ACTIVITY_APPLICATION_PATH, type PostingView } from './posting-pages.ts';
import { ASSISTANTS_PATH } from './registry-pages.ts';

// 근로지원인 활동 신청 (B4): every field of seed 000's screen — 근무희망시간, 휴게시간, 근무희망지역,
// 근무희망유형, 보유 자격, the statutory self-declaration (해당 stops the application, with the
// reason) and the career history — plus what registration needs so that an accepted applicant is
// registered without retyping. The applicant's history on My page; the agency's review screens.

/** An activity application as its routes answer it (inferred from the posting contract). */
export type ActivityView = ActivityApplicationView;

const STATUS: Record<ActivityView['status'], string> = { submitted: '신청', accepted: '채용', rejected: '반려' };

const FIELD_IDS: Record<string, string> = {
  agencyId: 'act-agency',
  postingId: 'act-agency',
  email: 'act-email',
  address: 'act-address',
  rrn: 'act-rrn',
  'disability.has': 'act-disability',
  'disability.type': 'act-disability-type',
  'desired.start': 'act-desired-start',
  'desired.end': 'act-desired-end',
  'break.start': 'act-break-start',
  'break.end': 'act-break-end',
  'region.sidoCode': 'act-sido',
  'region.area': 'act-area',
  supportType: 'act-type',
  qualification: 'act-qualification',
  'selfDeclaration.answer': 'act-declaration',
  'selfDeclaration.confirmed': 'act-declaration-confirmed',
  careers: 'act-career-add',
  'consents.privacy': 'act-consent-privacy',
  'consents.uniqueIdentifier': 'act-consent-unique',
};

function careerRow(i: number): SafeHtml {
  return html`<fieldset class="app-fieldset" data-career="${i}">
  <legend class="app-subsection-title">활동 경력 ${i + 1}</legend>
  ${textField({ id: `act-career-${i}-from`, name: `careers.${i}.from`, label: '활동 시작일', type: 'date', value: '', required: true })}
  ${textField({ id: `act-career-${i}-to`, name: `careers.${i}.to`, label: '활동 종료일', type: 'date', value: '', required: true })}
  ${selectField({ id: `act-career-${i}-type`, name: `careers.${i}.supportType`, label: '지원유형', value: 'T1', options: SUPPORT_TYPES.map((t) => ({ value: t.code, label: t.label })) })}
  ${textField({ id: `act-career-${i}-note`, name: `careers.${i}.note`, label: '비고', value: '', maxLength: 200, hint: '예: 근무한 수행기관' })}
  ${button({ label: `활동 경력 ${i + 1} 지우기`, variant: 'tertiary', size: 'small', data: { action: 'remove-career', index: String(i) } })}
</fieldset>`;
}

function declaration(): SafeHtml {
  return html`<fieldset class="app-fieldset">
  <legend class="sr-only">자격제한 조건 확인</legend>
  <h2 class="app-subsection-title">자격제한 조건 확인${requiredMark()}</h2>
  <p>${SELF_DECLARATION_STATEMENT}</p>
  <details class="app-form-note"><summary>${DISQUALIFICATION_LAW}에 해당하는 사람</summary>
    <ul class="app-bullets">${DISQUALIFICATIONS.map((d) => html`<li>${d.label}</li>`)}</ul>
  </details>
  ${radioGroup({
    id: 'act-declaration',
    name: 'declaration',
    label: '위 결격사유에 해당합니까?',
    value: '',
    inline: true,
    required: true,
    options: [
      { value: 'applicable', label: '해당' },
      { value: 'notApplicable', label: '미해당' },
    ],
  })}
  <div id="act-declaration-stop" aria-live="polite"></div>
  ${checkboxField({ id: 'act-declaration-confirmed', name: 'declarationConfirmed', label: SELF_DECLARATION_CONFIRMATION, checked: false, required: true })}
</fieldset>`;
}

function applicationForm(agencies: { organisationId: string; name: string }[], posting?: PostingView): SafeHtml {
  return html`<form id="activity-form" class="app-form" novalidate>
  <p class="app-form-intro">(${requiredMark()}) 표시는 필수 입력 항목입니다.</p>
  <fieldset class="app-fieldset">
    <legend class="sr-only">신청 정보</legend>
    <h2 class="app-subsection-title">신청 정보</h2>
    ${posting ? html`<p class="app-form-note">구인정보 ‘${posting.title}’(${posting.agencyName})에 신청합니다.</p><input type="hidden" name="postingId" value="${posting.postingId}">` : ''}
    ${selectField({ id: 'act-agency', name: 'agencyId', label: '신청할 수행기관', value: posting?.agencyId ?? '', required: true, options: [{ value: '', label: '선택' }, ...agencies.map((a) => ({ value: a.organisationId, label: a.name }))] })}
    ${textField({ id: 'act-desired-start', name: 'desiredStart', label: '근무희망시간(시작)', value: posting?.workStart ?? '', required: true, maxLength: 5, hint: '예: 09:00' })}
    ${textField({ id: 'act-desired-end', name: 'desiredEnd', label: '근무희망시간(끝)', value: posting?.workEnd ?? '', required: true, maxLength: 5, hint: '예: 15:00' })}
    ${textField({ id: 'act-break-start', name: 'breakStart', label: '휴게시간(시작)', value: '', maxLength: 5, hint: '근무희망시간 안에서, 예: 12:00' })}
    ${textField({ id: 'act-break-end', name: 'breakEnd', label: '휴게시간(끝)', value: '', maxLength: 5 })}
    ${selectField({ id: 'act-sido', name: 'sidoCode', label: '근무희망지역(시/도)', value: posting?.sidoCode ?? '', required: true, options: [{ value: '', label: '선택' }, ...SIDO.map((s) => ({ value: s.code, label: s.name }))] })}
    ${textField({ id: 'act-area', name: 'area', label: '근무희망지역(시/군/구)', value: posting?.area ?? '', maxLength: 60 })}
    ${selectField({ id: 'act-type', name: 'supportType', label: '근무희망유형', value: posting?.supportType ?? '', required: true, options: [{ value: '', label: '선택' }, ...SUPPORT_TYPES.map((t) => ({ value: t.code, label: t.label }))] })}
    ${selectField({ id: 'act-qualification', name: 'qualification', label: '보유 자격', value: '', required: true, options: [{ value: '', label: '선택' }, ...QUALIFICATIONS.map((q) => ({ value: q.code, label: q.label }))] })}
  </fieldset>
  <fieldset class="app-fieldset">
    <legend class="sr-only">채용에 필요한 정보</legend>
    <h2 class="app-subsection-title">채용에 필요한 정보</h2>
    <p class="app-form-note">채용되면 이 정보로 바로 근로지원인 등록이 되므로 다시 쓰지 않아도 됩니다.</p>
    ${textField({ id: 'act-rrn', name: 'rrn', label: '주민등록번호', value: '', required: true, maxLength: 14, inputMode: 'numeric', hint: '자격제한 조회와 4대보험 신고에 씁니다. 암호화해 보관하고 가려서 보여 줍니다.' })}
    ${textField({ id: 'act-address', name: 'address', label: '주소', value: '', required: true, maxLength: 200 })}
    ${textField({ id: 'act-email', name: 'email', label: '이메일', value: '', maxLength: 100 })}
    ${radioGroup({
      id: 'act-disability',
      name: 'disabilityHas',
      label: '장애유무',
      value: 'no',
      inline: true,
      options: [
        { value: 'no', label: '미해당' },
        { value: 'yes', label: '해당' },
      ],
    })}
    ${selectField({ id: 'act-disability-type', name: 'disabilityType', label: '장애유형(장애가 있을 때)', value: '', options: [{ value: '', label: '선택' }, ...DISABILITY_TYPES.map((d) => ({ value: d.code, label: d.label }))] })}
  </fieldset>
  ${declaration()}
  <fieldset class="app-fieldset">
    <legend class="sr-only">근로지원인 활동 경력</legend>
    <h2 class="app-subsection-title">근로지원인 활동 경력</h2>
    <div id="act-careers"></div>
    <div class="form-group" data-field="act-career-add">
      ${button({ label: '경력 추가', variant: 'secondary', id: 'act-career-add', data: { action: 'add-career' } })}
      <p class="form-hint-invalid" id="act-career-add-error" hidden><span class="sr-only">오류: </span><span class="app-error-text"></span></p>
    </div>
  </fieldset>
  <fieldset class="app-fieldset">
    <legend class="sr-only">동의</legend>
    <h2 class="app-subsection-title">동의</h2>
    ${checkboxField({ id: 'act-consent-privacy', name: 'consentPrivacy', label: '[필수] 개인정보 수집·이용에 동의합니다.', checked: false, required: true, details: html`<p class="app-form-note">수집 항목: 이름, 연락처, 주소, 이메일, 장애 정보, 경력. 목적: 근로지원인 채용 검토와 등록. 보유 기간: 채용하지 않으면 결정 후 1년, 채용하면 근로관계가 끝난 뒤 3년.</p>` })}
    ${checkboxField({ id: 'act-consent-unique', name: 'consentUnique', label: '[필수] 고유식별정보(주민등록번호) 처리에 동의합니다.', checked: false, required: true, details: html`<p class="app-form-note">자격제한(결격사유) 조회와 4대보험 신고에만 씁니다.</p>` })}
  </fieldset>
  <div class="app-form-actions">${button({ label: '신청', type: 'submit', size: 'large' })}</div>
</form>`;
}

export function activityApplicationPage(ctx: PageContext): PageView {
  let main: HTMLElement;
  const title = '근로지원인 활동 신청';
  const postingId = ctx.url.searchParams.get('postingId') ?? undefined;
  const careerSlots: number[] = [];
  let nextSlot = 0;
  const target = () => problemTarget(ctx, main, 'activity-errors', { ...FIELD_IDS, ...careerIds() }, title);

  function careerIds(): Record<string, string> {
    // the API numbers careers in the order they are sent; map them back to the rows on screen
    return Object.fromEntries(
      careerSlots.flatMap((slot, i) => [
        [`careers.${i}.from`, `act-career-${slot}-from`],
        [`careers.${i}.to`, `act-career-${slot}-to`],
        [`careers.${i}`, `act-career-${slot}-from`],
      ]),
    );
  }

  function readBody(form: HTMLFormElement) {
    const text = (name: string) => formText(form, name).trim();
    const optional = (name: string) => text(name) || undefined;
    const has = text('disabilityHas') === 'yes';
    return {
      agencyId: text('agencyId'),
      postingId: optional('postingId'),
      email: optional('email'),
      address: text('address'),
      rrn: text('rrn'),
      disability: has ? { has, type: optional('disabilityType') } : { has: false },
      desired: { start: text('desiredStart'), end: text('desiredEnd') },
      break: text('breakStart') || text('breakEnd') ? { start: text('breakStart'), end: text('breakEnd') } : undefined,
      region: { sidoCode: text('sidoCode'), area: optional('area') },
      supportType: text('supportType'),
      qualification: text('qualification'),
      selfDeclaration: {
        answer: text('declaration'),
        confirmed: new FormData(form).get('declarationConfirmed') === 'yes',
      },
      careers: careerSlots.map((slot) => ({
        from: text(`careers.${slot}.from`),
        to: text(`careers.${slot}.to`),
        supportType: text(`careers.${slot}.supportType`),
        note: optional(`careers.${slot}.note`),
      })),
      consents: {
        privacy: new FormData(form).get('consentPrivacy') === 'yes',
        uniqueIdentifier: new FormData(form).get('consentUnique') === 'yes',
      },
    };
  }

  function problems(form: HTMLFormElement, body: ReturnType<typeof readBody>): Problem[] {
    const found: Problem[] = missing(form, [
      ['agencyId', '신청할 수행기관을 골라 주세요.'],
      ['desiredStart', '근무희망시간(시작)을 입력해 주세요.'],
      ['desiredEnd', '근무희망시간(끝)을 입력해 주세요.'],
      ['sidoCode', '근무희망지역(시/도)을 골라 주세요.'],
      ['supportType', '근무희망유형을 골라 주세요.'],
      ['qualification', '보유 자격을 골라 주세요.'],
      ['rrn', '주민등록번호를 입력해 주세요.'],
      ['address', '주소를 입력해 주세요.'],
      ['declaration', '자격제한 조건에 ‘해당’ 또는 ‘미해당’을 골라 주세요.'],
    ]).map((p) => ({ ...p, field: FORM_TO_API[p.field!] ?? p.field }));
    if (body.rrn) {
      const issue = rrnProblem(body.rrn);
      if (issue) found.push({ field: 'rrn', message: issue });
    }
    if (body.disability.has && !body.disability.type)
      found.push({ field: 'disability.type', message: '장애가 있으면 장애유형을 골라 주세요.' });
    if (!body.selfDeclaration.confirmed) {
      found.push({
        field: 'selfDeclaration.confirmed',
        message: '자격제한 조건 안내를 읽고 확인했다고 표시해 주세요.',
      });
    }
    if (!body.consents.privacy)
      found.push({ field: 'consents.privacy', message: '[필수] 개인정보 수집·이용에 동의해야 신청할 수 있습니다.' });
    if (!body.consents.uniqueIdentifier) {
      found.push({
        field: 'consents.uniqueIdentifier',
        message: '[필수] 주민등록번호 처리에 동의해야 신청할 수 있습니다.',
      });
    }
    if (body.desired.start && body.desired.end) {
      found.push(
        ...activityApplicationProblems({
          desired: body.desired,
          break: body.break,
          careers: body.careers,
          today: koreaToday(),
        }),
      );
    }
    return found;
  }

  async function render() {
    const box = main.querySelector<HTMLElement>('#activity-body')!;
    const [agencies, posting] = await Promise.all([
      apiGet<{ items: { organisationId: string; name: string }[] }>(
        '/public/organisations',
        { kind: 'agency' },
        { signal: ctx.signal },
      ),
      postingId
        ? apiGet<PostingView>(`/public/job-postings/${encodeURIComponent(postingId)}`, {}, { signal: ctx.signal })
        : Promise.resolve(undefined),
    ]);
    const list = agencies.ok ? agencies.data.items : [];
    box.innerHTML =
      html`<section class="app-section" aria-labelledby="member-title"><h2 class="app-section-title" id="member-title">회원 정보</h2>${facts(
        [
          ['이름', ctx.viewer.signedIn ? ctx.viewer.name : ''],
          ['연락처', ctx.viewer.signedIn ? (ctx.viewer.phone ?? '') : ''],
        ],
      )}</section>
${applicationForm(list, posting?.ok ? posting.data : undefined)}`.value;
    bindSelectState(main);
  }

  return {
    title,
    lead: '근로지원인으로 일하고 싶은 수행기관에 온라인으로 신청합니다. 신청 결과는 문자로 알려 드리고 마이페이지에서도 볼 수 있습니다.',
    content: html`<div id="activity-errors"></div><div id="activity-done"></div><div id="activity-body"></div>`,
    mount(m) {
      main = m;
      main.addEventListener('change', (event) => {
        const input = event.target as HTMLInputElement;
        if (input.name !== 'declaration') return;
        const stop = main.querySelector<HTMLElement>('#act-declaration-stop')!;
        stop.innerHTML =
          input.value === 'applicable'
            ? html`<div class="app-notice app-notice-danger"><p>${DISQUALIFIED_MESSAGE}</p></div>`.value
            : '';
      });
      main.addEventListener('click', (event) => {
        const el = event.target as Element;
        if (el.closest('[data-action="add-career"]')) {
          const slot = nextSlot++;
          careerSlots.push(slot);
          main.querySelector('#act-careers')!.insertAdjacentHTML('beforeend', careerRow(slot).value);
          main.querySelector<HTMLElement>(`#act-career-${slot}-from`)?.focus();
        }
        const remove = el.closest<HTMLElement>('[data-action="remove-career"]');
        if (remove) {
          const slot = Number(remove.dataset.index);
          careerSlots.splice(careerSlots.indexOf(slot), 1);
          main.querySelector(`[data-career="${slot}"]`)?.remove();
          main.querySelector<HTMLElement>('#act-career-add')?.focus();
        }
      });
      main.addEventListener(
        'submit',
        oneAtATime(async (form) => {
          const body = readBody(form);
          if (body.selfDeclaration.answer === 'applicable') {
            reportProblems(target(), [{ field: 'selfDeclaration.answer', message: DISQUALIFIED_MESSAGE }]);
            return;
          }
          if (reportProblems(target(), problems(form, body))) return;
          const result = await apiPost<{ activityApplicationId: string; agencyName: string }>(
            '/activity-applications',
            body,
            {
              signal: ctx.signal,
            },
          );
          if (refused(target(), result)) return;
          main.querySelector('#activity-body')!.innerHTML = '';
          showOutcome(
            main.querySelector<HTMLElement>('#activity-done')!,
            `${result.data.agencyName}에 활동 신청을 했습니다.`,
            html`<p>신청 번호 ${result.data.activityApplicationId}. 수행기관이 검토한 결과를 문자로 알려 드립니다.</p><p><a href="/my/activity-applications">활동 신청 이력 보기</a></p>`,
          );
        }),
      );
      void render();
    },
  };
}

const FORM_TO_API: Record<string, string> = {
  desiredStart: 'desired.start',
  desiredEnd: 'desired.end',
  sidoCode: 'region.sidoCode',
  declaration: 'selfDeclaration.answer',
};

const MY_COLUMNS: Column<ActivityView & { index: number }>[] = [
  { header: '순번', cell: (a) => a.index, width: 'narrow' },
  { header: '신청일자', cell: (a) => day(a.submittedAt), width: 'narrow' },
  { header: '수행기관', cell: (a) => a.agencyName, rowHeader: true },
  { header: '근무희망시간', cell: (a) => `${a.desiredStart}~${a.desiredEnd}`, width: 'narrow' },
  { header: '근무희망지역', cell: (a) => `${a.desiredSidoName}${a.desiredArea ? ` ${a.desiredArea}` : ''}` },
  { header: '근무희망유형', cell: (a) => label(SUPPORT_TYPES, a.supportType) },
  {
    header: '진행상태',
    cell: (a) =>
      html`${statusTag(STATUS[a.status])}${a.rejectionReason ? html`<br><span class="app-muted">사유: ${a.rejectionReason}</span>` : ''}`,
  },
];

export function myActivityApplicationsPage(ctx: PageContext): PageView {
  return {
    title: '근로지원인 활동 신청 이력',
    lead: '내가 낸 근로지원인 활동 신청과 진행 상태를 볼 수 있습니다.',
    content: html`<p class="app-actions"><a class="krds-btn primary medium" href="${ACTIVITY_APPLICATION_PATH}">활동 신청 등록</a></p><div id="my-activity"></div>`,
    mount(main) {
      const box = main.querySelector<HTMLElement>('#my-activity')!;
      const load = () =>
        loadInto<{ items: ActivityView[] }>(ctx, box, {
          path: '/me/activity-applications',
          loading: '활동 신청 이력을 불러오는 중입니다…',
          failure: '활동 신청 이력을 불러오지 못했습니다',
          retry: 'retry',
          render: ({ items }) =>
            items.length
              ? dataTable({
                  id: 'my-activity-table',
                  caption: '근로지원인 활동 신청 이력',
                  columns: MY_COLUMNS,
                  rows: items.map((a, i) => ({ ...a, index: items.length - i })),
                })
              : emptyState('아직 활동 신청을 하지 않았습니다.'),
        });
      onAction(main, 'retry', load);
      void load();
    },
  };
}

const AGENCY_PATH = '/agency/activity-applications';

const AGENCY_COLUMNS: Column<ActivityView>[] = [
  {
    header: '신청인',
    cell: (a) => html`<a href="${AGENCY_PATH}/${encodeURIComponent(a.activityApplicationId)}">${a.name}</a>`,
    rowHeader: true,
    width: 'narrow',
  },
  { header: '신청일자', cell: (a) => day(a.submittedAt), width: 'narrow' },
  { header: '생년월일', cell: (a) => a.birthDate, width: 'narrow' },
  { header: '구인정보', cell: (a) => a.postingTitle ?? '-' },
  { header: '근무희망시간', cell: (a) => `${a.desiredStart}~${a.desiredEnd}`, width: 'narrow' },
  { header: '근무희망유형', cell: (a) => label(SUPPORT_TYPES, a.supportType) },
  { header: '진행상태', cell: (a) => statusTag(STATUS[a.status]), width: 'narrow' },
];

export function agencyActivityApplicationsPage(ctx: PageContext): PageView {
  const status = ctx.url.searchParams.get('status') ?? 'submitted';
  return {
    title: '활동 신청 관리',
    lead: '우리 기관에 들어온 근로지원인 활동 신청을 검토합니다. 채용하면 바로 근로지원인으로 등록됩니다.',
    content: html`<form id="activity-filter" class="app-search-form" role="search" aria-label="활동 신청 검색 조건">
  <div class="app-search-grid">${selectField({
    id: 'filter-status',
    name: 'status',
    label: '진행상태',
    value: status,
    options: [
      { value: 'submitted', label: '신청(검토 전)' },
      { value: 'accepted', label: '채용' },
      { value: 'rejected', label: '반려' },
      { value: 'all', label: '전체' },
    ],
  })}</div>
  <div class="app-form-actions">${button({ label: '조회', type: 'submit', size: 'large' })}</div>
</form>
<section class="app-results" aria-labelledby="activity-list-title"><h2 class="app-section-title" id="activity-list-title">활동 신청 목록</h2><div id="activity-list"></div></section>`,
    mount(main) {
      bindSelectState(main);
      const box = main.querySelector<HTMLElement>('#activity-list')!;
      const load = () =>
        loadInto<{ items: ActivityView[] }>(ctx, box, {
          path: '/activity-applications',
          query: { status: status === 'all' ? undefined : status },
          loading: '활동 신청을 불러오는 중입니다…',
          failure: '활동 신청을 불러오지 못했습니다',
          retry: 'retry',
          render: ({ items }) =>
            items.length
              ? dataTable({
                  id: 'activity-table',
                  caption: '우리 기관 활동 신청 목록',
                  columns: AGENCY_COLUMNS,
                  rows: items,
                })
              : emptyState('조건에 맞는 활동 신청이 없습니다.'),
        });
      main.querySelector('#activity-filter')!.addEventListener('submit', (event) => {
        event.preventDefault();
        ctx.navigate(`${AGENCY_PATH}?status=${formText(event.target as HTMLFormElement, 'status')}`);
      });
      onAction(main, 'retry', load);
      void load();
    },
  };
}

export function agencyActivityApplicationPage(ctx: PageContext): PageView {
  let main: HTMLElement;
  let current: ActivityView | undefined;
  const id = ctx.params.activityApplicationId ?? '';
  const title = '활동 신청 검토';
  const target = () =>
    problemTarget(
      ctx,
      main,
      'review-errors',
      { decision: 'review-decision', hireDate: 'review-hire', reason: 'review-reason' },
      title,
    );

  function details(a: ActivityView): SafeHtml {
    return facts([
      ['신청인', `${a.name} (${a.applicantId})`],
      ['주민등록번호', a.rrnMasked],
      ['연락처', maskPhone(`0${a.phone.replace(/^\+82/, '')}`)],
      ['이메일', a.email ?? '-'],
      ['주소', a.address],
      ['장애', a.disability.has ? `있음 (${label(DISABILITY_TYPES, a.disability.type)})` : '없음'],
      ['구인정보', a.postingTitle ?? '-'],
      ['근무희망시간', `${a.desiredStart}~${a.desiredEnd}`],
      ['휴게시간', a.breakStart ? `${a.breakStart}~${a.breakEnd}` : '-'],
      ['근무희망지역', `${a.desiredSidoName}${a.desiredArea ? ` ${a.desiredArea}` : ''}`],
      ['근무희망유형', label(SUPPORT_TYPES, a.supportType)],
      ['보유 자격', label(QUALIFICATIONS, a.qualification)],
      [
        '자격제한 조건 확인',
        `미해당 (${dateTime(a.selfDeclaration.declaredAt)} 본인 확인: “${a.selfDeclaration.statement}”)`,
      ],
      [
        '근로지원인 활동 경력',
        a.careers.length
          ? html`<ul class="app-bullets">${a.careers.map((c) => html`<li>${c.from} ~ ${c.to} · ${label(SUPPORT_TYPES, c.supportType)}${c.note ? ` · ${c.note}` : ''}</li>`)}</ul>`
          : '없음',
      ],
      ['신청일시', dateTime(a.submittedAt)],
      [
        '진행상태',
        html`${statusTag(STATUS[a.status])}${a.assistantId ? html` · <a href="${ASSISTANTS_PATH}/${encodeURIComponent(a.assistantId)}">근로지원인 정보 보기</a>` : ''}${a.rejectionReason ? ` · 사유: ${a.rejectionReason}` : ''}`,
      ],
    ]);
  }

  function reviewForm(): SafeHtml {
    return decisionForm({
      id: 'review-form',
      fieldIds: { decision: 'review-decision', reason: 'review-reason' },
      intro: html`<h2 class="app-section-title">검토 결과</h2>`,
      label: '결과',
      accept: {
        value: 'accept',
        label: '채용',
        description: '입력한 입사일로 근로지원인 등록이 바로 됩니다. 다시 입력할 것은 없습니다.',
      },
      refuse: { value: 'reject', label: '반려', description: '신청인에게 사유를 문자로 보냅니다.' },
      more: textField({
        id: 'review-hire',
        name: 'hireDate',
        label: '입사일(채용할 때)',
        type: 'date',
        value: koreaToday(7),
      }),
      reason: { label: '반려 사유(반려할 때)' },
      actions: button({ label: '검토 결과 저장', type: 'submit', size: 'large' }),
    });
  }

  async function load() {
    const box = main.querySelector<HTMLElement>('#review-body')!;
    current = await loadInto<ActivityView>(ctx, box, {
      path: `/activity-applications/${encodeURIComponent(id)}`,
      loading: '활동 신청을 불러오는 중입니다…',
      failure: '활동 신청을 불러오지 못했습니다',
      retry: 'retry',
      render: (a) =>
        html`<section class="app-section" aria-labelledby="review-title"><h2 class="app-section-title" id="review-title">${a.name}님의 활동 신청</h2>${details(a)}</section>${a.status === 'submitted' ? reviewForm() : ''}<p class="app-actions"><a class="krds-btn secondary large" href="${AGENCY_PATH}">목록으로</a></p>`,
    });
  }

  return {
    title,
    lead: '신청 내용을 확인하고 채용하거나 사유를 적어 반려합니다.',
    content: html`<div id="review-errors"></div><div id="review-done"></div><div id="review-body"></div>`,
    mount(m) {
      main = m;
      onAction(main, 'retry', load);
      main.addEventListener(
        'submit',
        oneAtATime(async (form) => {
          if (!current) return;
          const { decision, reason, problems } = readDecision(form, {
            refuse: 'reject',
            choose: '채용 또는 반려 중 하나를 골라 주세요.',
            reasonMissing: '반려할 때는 신청인이 알 수 있도록 사유를 적어 주세요.',
            minReason: 2,
          });
          const hireDate = formText(form, 'hireDate');
          if (decision === 'accept' && !hireDate)
            problems.push({ field: 'hireDate', message: '채용하려면 입사일을 입력해 주세요.' });
          if (reportProblems(target(), problems)) return;
          const result = await apiPost<ActivityView & { assistantId?: string }>(
            `/activity-applications/${encodeURIComponent(id)}/decision`,
            { decision, revision: current.revision, ...(decision === 'accept' ? { hireDate } : { reason }) },
            { signal: ctx.signal },
          );
          if (refused(target(), result)) return;
          await load();
          showOutcome(
            main.querySelector<HTMLElement>('#review-done')!,
            decision === 'accept'
              ? '채용했습니다. 근로지원인으로 등록되었습니다.'
              : '반려했습니다. 신청인에게 사유를 알렸습니다.',
            result.data.assistantId
              ? html`<p><a href="${ASSISTANTS_PATH}/${encodeURIComponent(result.data.assistantId)}">등록된 근로지원인 정보 보기 (관리번호 ${result.data.assistantId})</a></p>`
              : undefined,
          );
        }),
      );
      void load();
    },
  };
}
