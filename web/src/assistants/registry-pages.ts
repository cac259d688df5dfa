import { maskPhone, rrnProblem } from '#commons/rrn';
import { DISABILITY_TYPES, label, SUPPORT_TYPES, scheduleSummary } from '#functions/applications/codes';
import { DISQUALIFICATIONS } from '#functions/assistants/disqualifications';
import {
  ASSISTANT_STATUS_LABELS,
  ASSISTANT_STATUSES,
  INSURANCES,
  missingInsurances,
  QUALIFICATIONS,
  STATUS_TRANSITIONS,
} from '#functions/assistants/rules';
import type { Matching } from '#functions/matching/contract';
import { button, buttonLink } from '../components/button.ts';
import { facts, statusTag } from '../components/facts.ts';
import {
  bindSelectState,
  fileField,
  radioGroup,
  requiredMark,
  selectField,
  textareaField,
  textField,
} from '../components/form-field.ts';
import { formText, missing, type Problem, problemsOf } from '../components/form-problems.ts';
import { type Column, dataTable, emptyState } from '../components/table.ts';
import { apiGet, apiPost } from '../core/api.ts';
import { dateTime, koreaToday } from '../core/dates.ts';
import { html, type SafeHtml } from '../core/html.ts';
import { showOutcome } from '../core/outcome.ts';
import { loadInto, onAction } from '../core/page.ts';
import { oneAtATime, problemTarget, refused, reportProblems } from '../core/submit.ts';
import { hasRole } from '../core/viewer.ts';
import type { PageContext, PageView } from '../shell/app.ts';
import { type AssistantView, EVIDENCE_ACCEPT, evidenceProblem, uploadEvidence } from './common.ts';

// 근로지원인 등록/관리 (B2): the agency's list, the registration form and one assistant's page —
// identity with the resident number masked (full view only with a reason, recorded), contact,
// status with the moves the rules allow, the four insurances, the qualification-restriction checks
// with their evidence files, and the matching history. Branch and hq staff read the same page.

export const ASSISTANTS_PATH = '/agency/assistants';

/**
 * The register's list. The internal system's read-only view puts each row's agency first and links
 * each name to the internal system's read of the assistant.
 */
export function assistantListColumns(options: { internal?: boolean } = {}): Column<AssistantView>[] {
  const base = options.internal ? '/internal/assistants' : ASSISTANTS_PATH;
  return [
    ...(options.internal
      ? [{ header: '수행기관', cell: (a: AssistantView) => a.agencyName, width: 'medium' as const }]
      : []),
    {
      header: '성명',
      cell: (a) => html`<a href="${base}/${encodeURIComponent(a.assistantId)}">${a.name}</a>`,
      rowHeader: true,
      width: 'narrow',
    },
    ...LIST_COLUMNS,
  ];
}

// every column after 성명, the same on both systems
const LIST_COLUMNS: Column<AssistantView>[] = [
  { header: '관리번호', cell: (a) => a.assistantId, width: 'medium' },
  { header: '생년월일', cell: (a) => a.birthDate, width: 'narrow' },
  { header: '휴대전화', cell: (a) => maskPhone(a.mobilePhone), width: 'medium' },
  { header: '입사일', cell: (a) => a.hireDate, width: 'narrow' },
  { header: '상태', cell: (a) => statusTag(ASSISTANT_STATUS_LABELS[a.status]), width: 'narrow' },
  {
    header: '4대보험',
    cell: (a) => {
      const missingOnes = missingInsurances(a.insurances);
      return missingOnes.length ? `미가입: ${missingOnes.join(', ')}` : '모두 가입';
    },
  },
  {
    header: '자격제한 조회',
    cell: (a) => {
      const last = [...a.qualificationChecks].sort((x, y) => y.checkedOn.localeCompare(x.checkedOn))[0];
      return last ? `${last.checkedOn} ${last.result === 'clear' ? '해당 없음' : '결격사유 있음'}` : '조회 기록 없음';
    },
  },
];

const AGENCY_LIST_COLUMNS = assistantListColumns();

export function assistantsPage(ctx: PageContext): PageView {
  const status = ctx.url.searchParams.get('status') ?? '';
  return {
    title: '근로지원인 등록',
    lead: '우리 기관 근로지원인을 등록하고 상태, 4대보험, 자격제한 조회를 관리합니다.',
    content: html`<p class="app-actions">${buttonLink({ label: '근로지원인 등록하기', href: `${ASSISTANTS_PATH}/new`, variant: 'primary' })}</p>
<form id="assistants-filter" class="app-search-form" role="search" aria-label="근로지원인 검색 조건">
  <div class="app-search-grid">
    ${selectField({ id: 'filter-status', name: 'status', label: '상태', value: status, options: [{ value: '', label: '전체' }, ...ASSISTANT_STATUSES.map((s) => ({ value: s, label: ASSISTANT_STATUS_LABELS[s] }))] })}
  </div>
  <div class="app-form-actions">${button({ label: '조회', type: 'submit', size: 'large' })}</div>
</form>
<section class="app-results" aria-labelledby="assistants-title">
  <h2 class="app-section-title" id="assistants-title">근로지원인 목록</h2>
  <div id="assistants-body"></div>
</section>`,
    mount(main) {
      bindSelectState(main);
      const box = main.querySelector<HTMLElement>('#assistants-body')!;
      const load = () =>
        loadInto<{ items: AssistantView[] }>(ctx, box, {
          path: '/assistants',
          query: { status: status || undefined },
          loading: '근로지원인 목록을 불러오는 중입니다…',
          failure: '근로지원인 목록을 불러오지 못했습니다',
          retry: 'retry',
          render: ({ items }) =>
            items.length
              ? html`<p class="app-count">총 <strong>${items.length}</strong>명</p>${dataTable({ id: 'assistants-table', caption: '우리 기관 근로지원인 목록', columns: AGENCY_LIST_COLUMNS, rows: items })}`
              : emptyState('조건에 맞는 근로지원인이 없습니다.', '다른 상태를 골라 보거나 근로지원인을 등록해 주세요.'),
        });
      main.querySelector('#assistants-filter')!.addEventListener('submit', (event) => {
        event.preventDefault();
        const value = formText(event.target as HTMLFormElement, 'status');
        ctx.navigate(value ? `${ASSISTANTS_PATH}?status=${value}` : ASSISTANTS_PATH);
      });
      onAction(main, 'retry', load);
      void load();
    },
  };
}

const REGISTER_IDS: Record<string, string> = {
  name: 'reg-name',
  rrn: 'reg-rrn',
  mobilePhone: 'reg-phone',
  email: 'reg-email',
  address: 'reg-address',
  userId: 'reg-user',
  'disability.has': 'reg-disability',
  'disability.type': 'reg-disability-type',
  qualifications: 'reg-qual-activitySupport',
  hireDate: 'reg-hire',
};

function qualificationChecks(name: string, idPrefix: string, checked: readonly string[] = []): SafeHtml {
  return html`<div class="form-group" data-field="${idPrefix}activitySupport">
  <fieldset aria-labelledby="${idPrefix}question">
    <div class="form-tit app-question" id="${idPrefix}question">보유 자격</div>
    <div class="form-conts"><div class="krds-check-area chk-column">
      ${QUALIFICATIONS.filter((q) => q.code !== 'none').map(
        (q) =>
          html`<div class="krds-form-check"><input type="checkbox" id="${idPrefix}${q.code}" name="${name}" value="${q.code}"${checked.includes(q.code) ? html` checked` : ''}><label for="${idPrefix}${q.code}">${q.label}</label></div>`,
      )}
    </div></div>
    <p class="form-hint-invalid" id="${idPrefix}activitySupport-error" hidden><span class="sr-only">오류: </span><span class="app-error-text"></span></p>
  </fieldset>
</div>`;
}

export function registerAssistantPage(ctx: PageContext): PageView {
  let main: HTMLElement;
  const title = '근로지원인 등록하기';
  return {
    title,
    lead: '주민등록번호는 암호화해 보관하고 화면에는 가려서 보여 줍니다. 다른 수행기관에 재직 중인 사람은 등록할 수 없습니다.',
    content: html`<div id="register-errors"></div>
<form id="register-form" class="app-form app-narrow" novalidate>
  <p class="app-form-intro">표시된 항목은 꼭 입력해야 합니다${requiredMark()}.</p>
  ${textField({ id: 'reg-name', name: 'name', label: '이름', value: '', required: true, maxLength: 40, autocomplete: 'off' })}
  ${textField({ id: 'reg-rrn', name: 'rrn', label: '주민등록번호', value: '', required: true, maxLength: 14, inputMode: 'numeric', hint: '예: 900101-1234567. 암호화해 보관합니다.' })}
  ${textField({ id: 'reg-phone', name: 'mobilePhone', label: '휴대전화 번호', type: 'tel', value: '', required: true, maxLength: 13, hint: '예: 010-1234-5678' })}
  ${textField({ id: 'reg-email', name: 'email', label: '이메일', value: '', maxLength: 100 })}
  ${textField({ id: 'reg-address', name: 'address', label: '주소', value: '', maxLength: 200 })}
  ${textField({ id: 'reg-user', name: 'userId', label: '포털 아이디', value: '', maxLength: 20, hint: '근로지원인이 포털에 가입했으면 아이디를 적어 주세요. 활동일지를 이 아이디로 씁니다.' })}
  ${radioGroup({
    id: 'reg-disability',
    name: 'disabilityHas',
    label: '장애 유무',
    value: 'no',
    inline: true,
    options: [
      { value: 'no', label: '없음' },
      { value: 'yes', label: '있음' },
    ],
  })}
  ${selectField({ id: 'reg-disability-type', name: 'disabilityType', label: '장애 유형(장애가 있을 때)', value: '', options: [{ value: '', label: '선택' }, ...DISABILITY_TYPES.map((d) => ({ value: d.code, label: d.label }))] })}
  ${qualificationChecks('qualifications', 'reg-qual-')}
  ${textField({ id: 'reg-hire', name: 'hireDate', label: '입사일', type: 'date', value: koreaToday(), required: true })}
  <div class="app-form-actions">
    ${button({ label: '등록하기', type: 'submit', size: 'large' })}
    <a class="krds-btn secondary large" href="${ASSISTANTS_PATH}">목록으로</a>
  </div>
</form>`,
    mount(m) {
      main = m;
      bindSelectState(main);
      const target = () => problemTarget(ctx, main, 'register-errors', REGISTER_IDS, title);
      main.querySelector('#register-form')!.addEventListener(
        'submit',
        oneAtATime(async (form) => {
          const problems: Problem[] = missing(form, [
            ['name', '이름을 입력해 주세요.'],
            ['rrn', '주민등록번호를 입력해 주세요.'],
            ['mobilePhone', '휴대전화 번호를 입력해 주세요.'],
            ['hireDate', '입사일을 입력해 주세요.'],
          ]);
          const rrn = formText(form, 'rrn').trim();
          const rrnIssue = rrn ? rrnProblem(rrn) : undefined;
          if (rrnIssue) problems.push({ field: 'rrn', message: rrnIssue });
          const has = formText(form, 'disabilityHas') === 'yes';
          if (has && !formText(form, 'disabilityType')) {
            problems.push({ field: 'disability.type', message: '장애가 있으면 장애 유형을 골라 주세요.' });
          }
          if (reportProblems(target(), problems)) return;
          const optional = (name: string) => formText(form, name).trim() || undefined;
          const result = await apiPost<AssistantView>(
            '/assistants',
            {
              name: formText(form, 'name').trim(),
              rrn,
              mobilePhone: formText(form, 'mobilePhone').trim(),
              email: optional('email'),
              address: optional('address'),
              userId: optional('userId'),
              disability: has ? { has, type: formText(form, 'disabilityType') } : { has: false },
              qualifications: new FormData(form).getAll('qualifications').map(String),
              hireDate: formText(form, 'hireDate'),
            },
            { signal: ctx.signal },
          );
          if (refused(target(), result)) return;
          ctx.navigate(`${ASSISTANTS_PATH}/${encodeURIComponent(result.data.assistantId)}?registered=1`);
        }),
      );
    },
  };
}

const DETAIL_IDS: Record<string, string> = {
  reason: 'reveal-reason',
  status: 'status-to',
  on: 'status-on',
  checkedOn: 'check-on',
  findings: `check-${DISQUALIFICATIONS[0].code}`,
  evidenceUploadId: 'check-evidence',
  file: 'check-evidence',
  note: 'check-note',
  ...Object.fromEntries(
    INSURANCES.flatMap(({ code }) => [
      [`${code}.enrolledOn`, `ins-${code}-enrolled`],
      [`${code}.lostOn`, `ins-${code}-lost`],
    ]),
  ),
};

function identity(a: AssistantView): SafeHtml {
  return facts([
    ['관리번호', a.assistantId],
    ['이름', a.name],
    [
      '주민등록번호',
      html`<span id="rrn-value">${a.rrnMasked}</span>
<form id="reveal-form" class="app-form app-inline-form" novalidate>
  ${textField({ id: 'reveal-reason', name: 'reason', label: '전체 보기 사유', value: '', maxLength: 200, hint: '전체 번호를 보는 이유를 적어 주세요. 누가 언제 왜 봤는지 기록이 남습니다. (예: 4대보험 취득 신고)' })}
  ${button({ label: '주민등록번호 전체 보기', type: 'submit', variant: 'secondary', size: 'small' })}
</form>`,
    ],
    ['생년월일·성별', `${a.birthDate} · ${a.gender === 'M' ? '남' : '여'}`],
    ['소속 수행기관', a.agencyName],
    ['휴대전화', a.mobilePhone],
    ['이메일', a.email ?? '-'],
    ['주소', a.address ?? '-'],
    ['포털 아이디', a.userId ?? '연결 안 됨'],
    ['장애', a.disability.has ? `있음 (${label(DISABILITY_TYPES, a.disability.type)})` : '없음'],
    ['보유 자격', a.qualifications.length ? a.qualifications.map((q) => label(QUALIFICATIONS, q)).join(', ') : '없음'],
    [
      '활동 경력',
      a.careers.length
        ? html`<ul class="app-bullets">${a.careers.map((c) => html`<li>${c.from} ~ ${c.to} · ${label(SUPPORT_TYPES, c.supportType)}${c.note ? ` · ${c.note}` : ''}</li>`)}</ul>`
        : '없음',
    ],
    ['입사일', a.hireDate],
    ['퇴사일', a.leaveDate ?? '-'],
    ['활동 신청', a.sourceApplicationId ? `${a.sourceApplicationId}에서 채용` : '직접 등록'],
  ]);
}

function statusSection(a: AssistantView, canEdit: boolean): SafeHtml {
  const next = STATUS_TRANSITIONS[a.status];
  return html`<section class="app-section" aria-labelledby="status-title">
  <h2 class="app-section-title" id="status-title">상태: ${statusTag(ASSISTANT_STATUS_LABELS[a.status])}</h2>
  <ol class="app-bullets" aria-label="상태 이력">${a.statusHistory.map((h) => html`<li>${ASSISTANT_STATUS_LABELS[h.status]} · ${h.on}${h.reason ? ` · ${h.reason}` : ''}</li>`)}</ol>
  ${
    canEdit && next.length
      ? html`<form id="status-form" class="app-form" novalidate>
  ${selectField({ id: 'status-to', name: 'status', label: '바꿀 상태', value: '', required: true, options: [{ value: '', label: '선택' }, ...next.map((s) => ({ value: s, label: ASSISTANT_STATUS_LABELS[s] }))] })}
  ${textField({ id: 'status-on', name: 'on', label: '적용일', type: 'date', value: koreaToday(), required: true })}
  ${textField({ id: 'status-reason', name: 'reason', label: '사유', value: '', maxLength: 200 })}
  <div class="app-form-actions">${button({ label: '상태 바꾸기', type: 'submit', size: 'large' })}</div>
</form>`
      : ''
  }
</section>`;
}

function insuranceSection(a: AssistantView, canEdit: boolean): SafeHtml {
  const rows = INSURANCES.map(({ code, label: name }) => ({ code, name, e: a.insurances[code] }));
  if (!canEdit) {
    return html`<section class="app-section" aria-labelledby="insurance-title"><h2 class="app-section-title" id="insurance-title">4대보험</h2>${facts(rows.map((r) => [r.name, r.e?.enrolledOn ? `취득 ${r.e.enrolledOn}${r.e.lostOn ? `, 상실 ${r.e.lostOn}` : ''}` : '미가입']))}</section>`;
  }
  return html`<section class="app-section" aria-labelledby="insurance-title">
  <h2 class="app-section-title" id="insurance-title">4대보험</h2>
  <form id="insurance-form" class="app-form" novalidate>
    <p class="app-form-note">취득일은 입사일(${a.hireDate}) 이후여야 합니다. 가입하지 않은 보험은 비워 두세요.</p>
    ${rows.map(
      (
        r,
      ) => html`<fieldset class="app-fieldset"><legend class="sr-only">${r.name}</legend><h3 class="app-subsection-title">${r.name}</h3>
      ${textField({ id: `ins-${r.code}-enrolled`, name: `${r.code}.enrolledOn`, label: `${r.name} 취득일`, type: 'date', value: r.e?.enrolledOn ?? '' })}
      ${textField({ id: `ins-${r.code}-lost`, name: `${r.code}.lostOn`, label: `${r.name} 상실일`, type: 'date', value: r.e?.lostOn ?? '' })}</fieldset>`,
    )}
    <div class="app-form-actions">${button({ label: '4대보험 저장', type: 'submit', size: 'large' })}</div>
  </form>
</section>`;
}

function checksSection(a: AssistantView, canEdit: boolean): SafeHtml {
  const checks = [...a.qualificationChecks].sort((x, y) => y.checkedOn.localeCompare(x.checkedOn));
  const columns: Column<(typeof checks)[number]>[] = [
    { header: '조회일', cell: (c) => c.checkedOn, rowHeader: true, width: 'narrow' },
    { header: '결과', cell: (c) => statusTag(c.result === 'clear' ? '해당 없음' : '결격사유 있음'), width: 'narrow' },
    {
      header: '증빙',
      cell: (c) =>
        c.evidenceKey
          ? button({
              label: `${c.evidenceFileName} 내려받기`,
              variant: 'text',
              size: 'small',
              data: { action: 'evidence', check: c.checkId },
            })
          : c.evidenceFileName,
    },
    { header: '기록', cell: (c) => `${c.by} · ${dateTime(c.at)}`, width: 'medium' },
    { header: '메모', cell: (c) => c.note ?? '-' },
  ];
  return html`<section class="app-section" aria-labelledby="checks-title">
  <h2 class="app-section-title" id="checks-title">자격제한 조회</h2>
  <p class="app-form-note">「장애인활동 지원에 관한 법률」 제29조제1호부터 제5호의 결격사유를 조회한 날짜, 항목별 결과와 증빙(범죄경력 회보서 등)을 남깁니다.</p>
  ${checks.length ? dataTable({ id: 'checks-table', caption: '자격제한 조회 기록', columns, rows: checks }) : emptyState('자격제한 조회 기록이 없습니다.', '조회 결과를 기록해야 활동 상태로 바꾸거나 매칭할 수 있습니다.')}
  ${
    canEdit
      ? html`<form id="check-form" class="app-form" novalidate>
  <h3 class="app-subsection-title">조회 결과 기록</h3>
  ${textField({ id: 'check-on', name: 'checkedOn', label: '조회일', type: 'date', value: koreaToday(), required: true })}
  ${DISQUALIFICATIONS.map((d) =>
    radioGroup({
      id: `check-${d.code}`,
      name: d.code,
      label: d.label,
      value: 'clear',
      inline: true,
      required: true,
      options: [
        { value: 'clear', label: '해당 없음' },
        { value: 'found', label: '해당' },
      ],
    }),
  )}
  ${fileField({ id: 'check-evidence', name: 'file', label: '증빙 파일', accept: EVIDENCE_ACCEPT, required: true, hint: 'PDF, PNG, JPEG 파일, 10MB 이하' })}
  ${textareaField({ id: 'check-note', name: 'note', label: '메모', value: '', maxLength: 500, rows: 2 })}
  <div class="app-form-actions">${button({ label: '조회 결과 저장', type: 'submit', size: 'large' })}</div>
</form>`
      : ''
  }
</section>`;
}

const MATCHING_COLUMNS: Column<Matching>[] = [
  { header: '근로자', cell: (m) => m.workerName, rowHeader: true, width: 'narrow' },
  { header: '사업장', cell: (m) => m.workplaceName },
  { header: '기간', cell: (m) => `${m.startDate} ~ ${m.endDate}`, width: 'medium' },
  { header: '일정', cell: (m) => scheduleSummary(m.schedule), width: 'wide' },
  {
    header: '상태',
    cell: (m) => statusTag(m.status === 'active' ? '지원 중' : `종료 · ${m.endReason ?? ''}`),
    width: 'narrow',
  },
];

export function assistantDetailPage(ctx: PageContext): PageView {
  let main: HTMLElement;
  let current: AssistantView | undefined;
  const id = ctx.params.assistantId ?? '';
  const canEdit = hasRole(ctx.viewer, 'agency');
  const title = '근로지원인 정보';
  const target = () => problemTarget(ctx, main, 'assistant-errors', DETAIL_IDS, title);
  const back = canEdit ? ASSISTANTS_PATH : '/internal/workforce';

  async function load(): Promise<void> {
    const box = main.querySelector<HTMLElement>('#assistant-body')!;
    current = await loadInto<AssistantView>(ctx, box, {
      path: `/assistants/${encodeURIComponent(id)}`,
      loading: '근로지원인 정보를 불러오는 중입니다…',
      failure: '근로지원인 정보를 불러오지 못했습니다',
      retry: 'retry',
      render: (
        a,
      ) => html`${a.qualification === 'disqualified' ? html`<div class="app-notice app-notice-danger" role="alert"><p>가장 최근 자격제한 조회에서 결격사유가 확인되었습니다. 매칭하거나 활동 상태로 바꿀 수 없습니다.</p></div>` : ''}
<section class="app-section" aria-labelledby="identity-title"><h2 class="app-section-title" id="identity-title">${a.name} (${a.assistantId})</h2>${identity(a)}</section>
${statusSection(a, canEdit)}
${insuranceSection(a, canEdit)}
${checksSection(a, canEdit)}
<section class="app-section" aria-labelledby="matchings-title"><h2 class="app-section-title" id="matchings-title">매칭 이력</h2><div id="assistant-matchings"></div></section>
<p class="app-actions"><a class="krds-btn secondary large" href="${back}">목록으로</a></p>`,
    });
    if (!current) return;
    bindSelectState(main);
    const matchings = main.querySelector<HTMLElement>('#assistant-matchings')!;
    void loadInto<{ items: Matching[] }>(ctx, matchings, {
      path: '/matchings',
      query: { assistantId: current.assistantId, agencyId: current.agencyId },
      loading: '매칭 이력을 불러오는 중입니다…',
      failure: '매칭 이력을 불러오지 못했습니다',
      retry: 'retry',
      render: ({ items }) =>
        items.length
          ? dataTable({
              id: 'assistant-matchings-table',
              caption: `${current!.name} 근로지원인 매칭 이력`,
              columns: MATCHING_COLUMNS,
              rows: items,
            })
          : emptyState('매칭 이력이 없습니다.'),
    });
  }

  async function save(path: string, body: unknown, message: string) {
    const result = await apiPost<AssistantView & { warning?: string }>(
      `/assistants/${encodeURIComponent(id)}${path}`,
      body,
      {
        signal: ctx.signal,
      },
    );
    if (refused(target(), result)) return;
    await load();
    showOutcome(main.querySelector<HTMLElement>('#assistant-done')!, result.data.warning ?? message);
  }

  async function onSubmit(form: HTMLFormElement) {
    if (!current) return;
    const revision = current.revision;
    if (form.id === 'reveal-form') {
      const reason = formText(form, 'reason').trim();
      if (
        reportProblems(
          target(),
          reason.length < 5
            ? [
                {
                  field: 'reason',
                  message: '주민등록번호 전체를 보는 사유를 5자 이상 적어 주세요. (예: 4대보험 취득 신고)',
                },
              ]
            : [],
        )
      )
        return;
      const result = await apiPost<{ rrn: string }>(
        `/assistants/${encodeURIComponent(id)}/rrn-reveal`,
        { reason },
        { signal: ctx.signal },
      );
      if (refused(target(), result)) return;
      const value = main.querySelector<HTMLElement>('#rrn-value')!;
      value.textContent = result.data.rrn;
      form.innerHTML =
        html`<p class="app-form-note" role="status">전체 번호를 열람한 기록(사유: ${reason})이 남았습니다. ${button({ label: '다시 가리기', variant: 'secondary', size: 'small', data: { action: 'hide-rrn' } })}</p>`.value;
      return;
    }
    if (form.id === 'status-form') {
      const status = formText(form, 'status');
      if (reportProblems(target(), status ? [] : [{ field: 'status', message: '바꿀 상태를 골라 주세요.' }])) return;
      await save(
        '/status',
        { revision, status, on: formText(form, 'on'), reason: formText(form, 'reason').trim() || undefined },
        `상태를 ‘${ASSISTANT_STATUS_LABELS[status as keyof typeof ASSISTANT_STATUS_LABELS]}’(으)로 바꿨습니다.`,
      );
      return;
    }
    if (form.id === 'insurance-form') {
      const body: Record<string, unknown> = { revision };
      for (const { code } of INSURANCES) {
        const enrolledOn = formText(form, `${code}.enrolledOn`) || undefined;
        const lostOn = formText(form, `${code}.lostOn`) || undefined;
        if (enrolledOn || lostOn) body[code] = { enrolledOn, lostOn };
      }
      await save('/insurances', body, '4대보험을 저장했습니다.');
      return;
    }
    if (form.id === 'check-form') {
      const file = form.querySelector<HTMLInputElement>('#check-evidence')!.files?.[0];
      const problem = evidenceProblem(file);
      if (reportProblems(target(), problem ? [{ field: 'file', message: problem }] : [])) return;
      const status = form.querySelector<HTMLElement>('.upload-list')!;
      status.innerHTML = html`<li>${file!.name} 올리는 중…</li>`.value;
      const uploaded = await uploadEvidence(file!, ctx.signal);
      if ('problem' in uploaded) {
        status.innerHTML = html`<li class="app-file-failed">${file!.name}: 올리지 못했습니다</li>`.value;
        reportProblems(target(), [{ field: 'file', message: uploaded.problem }]);
        return;
      }
      status.innerHTML = html`<li class="app-file-ok">${file!.name}: 확인을 마쳤습니다</li>`.value;
      const findings = Object.fromEntries(DISQUALIFICATIONS.map((d) => [d.code, formText(form, d.code) || 'clear']));
      await save(
        '/qualification-checks',
        {
          checkedOn: formText(form, 'checkedOn'),
          findings,
          evidenceUploadId: uploaded.uploadId,
          note: formText(form, 'note').trim() || undefined,
        },
        '자격제한 조회 결과를 저장했습니다.',
      );
    }
  }

  return {
    title,
    lead: '주민등록번호는 가려서 보여 줍니다. 전체 번호는 사유를 적어야 볼 수 있고 열람 기록이 남습니다.',
    content: html`<div id="assistant-errors"></div><div id="assistant-done"></div><div id="assistant-body"></div>`,
    mount(m) {
      main = m;
      main.addEventListener('submit', oneAtATime(onSubmit));
      main.addEventListener('click', async (event) => {
        const el = event.target as Element;
        if (el.closest('[data-action="retry"]')) void load();
        if (el.closest('[data-action="hide-rrn"]')) void load();
        const evidence = el.closest<HTMLElement>('[data-action="evidence"]');
        if (evidence) {
          const result = await apiGet<{ url: string }>(
            `/assistants/${encodeURIComponent(id)}/qualification-checks/${encodeURIComponent(evidence.dataset.check ?? '')}/evidence`,
            {},
            { signal: ctx.signal },
          );
          if (result.ok) window.location.assign(result.data.url);
          else reportProblems(target(), problemsOf(result.problem));
        }
      });
      void load().then(() => {
        if (ctx.url.searchParams.get('registered') && current) {
          showOutcome(
            main.querySelector<HTMLElement>('#assistant-done')!,
            `${current.name} 근로지원인을 등록했습니다. 자격제한 조회 결과를 기록해 주세요.`,
          );
        }
      });
    },
  };
}
