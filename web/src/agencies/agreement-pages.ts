import type { AgreementView } from '#functions/agencies/agreement-contract';
import * as clock from '#kernel/clock';
import { button, buttonLink } from '../components/button.ts';
import { statusTag } from '../components/facts.ts';
import { selectField, textareaField, textField } from '../components/form-field.ts';
import { formText, type Problem, problemsOf, showProblems } from '../components/form-problems.ts';
import { type Column, dataTable, emptyState } from '../components/table.ts';
import { apiGet, apiPost, apiPut } from '../core/api.ts';
import { dateTime, day } from '../core/dates.ts';
import { html, type SafeHtml } from '../core/html.ts';
import { showOutcome } from '../core/outcome.ts';
import { loadSection, onAction, onFilter } from '../core/page.ts';
import { onSubmit, problemTarget, refused } from '../core/submit.ts';
import { hasRole, ownAgencyOf } from '../core/viewer.ts';
import type { PageContext, PageView } from '../shell/app.ts';
import { BRANCH_OPTIONS, branchFilter, downloadDocument, won } from './common.ts';

// 전자 약정 (A3) on both sides. The branch drafts the yearly agreement from the template, edits it,
// issues it with KEAD's seal, reissues or discards; the agency reads it, stamps it with its approved
// seal or sends it back with a reason. Both list, view and download every PDF with its SHA-256.
// The buttons shown are the actions the server says this side may take now.

/** An agreement as its routes answer it (inferred from the agreement contract). */
export type { AgreementView };

const INTERNAL_LIST = '/internal/agreements';
const AGENCY_LIST = '/agency/agreements';

const EVENT_LABELS: Record<string, string> = {
  create: '작성',
  edit: '수정',
  issue: '발급(공단 날인)',
  return: '반송',
  stamp: '날인(체결)',
  reissue: '재발급 준비',
  supersede: '재발급본으로 대체',
  discard: '폐기',
};

export const TERMS_IDS: Record<string, string> = {
  organisationId: 'agreement-organisation',
  year: 'agreement-year',
  periodStart: 'agreement-period-start',
  periodEnd: 'agreement-period-end',
  budget: 'agreement-budget',
  assistantQuota: 'agreement-assistant-quota',
  workerQuota: 'agreement-worker-quota',
  operatingCostRate: 'agreement-operating-cost-rate',
  specialTerms: 'agreement-special-terms',
  version: 'agreement-form',
};

const detailHref = (base: string, id: string) => `${base}/${encodeURIComponent(id)}`;

function listColumns(base: string, showOrganisation: boolean): Column<AgreementView>[] {
  return [
    {
      header: '약정 번호',
      cell: (a) => html`<a href="${detailHref(base, a.agreementId)}">${a.agreementId}</a>`,
      rowHeader: true,
      width: 'medium',
    },
    ...(showOrganisation ? [{ header: '수행기관', cell: (a: AgreementView) => a.organisationName }] : []),
    { header: '연도', cell: (a) => `${a.year}년`, width: 'narrow' },
    { header: '상태', cell: (a) => statusTag(a.statusLabel), width: 'medium' },
    { header: '사업비 총액', cell: (a) => won(a.budget), width: 'medium' },
    { header: '발급일', cell: (a) => day(a.issuedAt), width: 'narrow' },
    { header: '체결일', cell: (a) => day(a.stampedAt), width: 'narrow' },
  ];
}

/** 내부 시스템 › 전자 약정: the branch's agreements by year. */
export function internalAgreementsPage(ctx: PageContext): PageView {
  let main: HTMLElement;
  const branchId = branchFilter(ctx.viewer, ctx.url.searchParams.get('branchId'));
  const year = ctx.url.searchParams.get('year') ?? '';
  const thisYear = clock.thisYear();
  const years = [
    { value: '', label: '전체' },
    ...[thisYear + 1, thisYear, thisYear - 1, thisYear - 2].map((y) => ({ value: String(y), label: `${y}년` })),
  ];

  async function load() {
    const body = main.querySelector<HTMLElement>('#agreements-body')!;
    const loaded = await loadSection<{ items: AgreementView[] }>(ctx, body, {
      path: '/agreements',
      query: { branchId, year },
      loading: '약정서 목록을 불러오는 중입니다…',
      failure: '약정서 목록을 불러오지 못했습니다',
      retry: 'retry-agreements',
    });
    if (loaded === undefined) return;
    const items = loaded.items;
    body.innerHTML = items.length
      ? html`<p class="app-count">총 <strong>${items.length}</strong>건</p>
${dataTable({ id: 'agreements-table', caption: '전자 약정 목록', columns: listColumns(INTERNAL_LIST, true), rows: items })}`
          .value
      : emptyState('조건에 맞는 약정서가 없습니다.', '‘약정서 작성’으로 새 약정서를 만들 수 있습니다.').value;
    ctx.announce(`약정서 ${items.length}건`);
  }

  return {
    title: '전자 약정',
    lead: '관할 수행기관과 맺는 연도별 근로지원인 사업 수행 약정서를 작성하고 발급합니다.',
    content: html`<form id="agreements-filter" class="app-search-form" role="search" aria-label="약정서 검색 조건">
  <div class="app-search-grid">
    ${hasRole(ctx.viewer, 'hq') ? selectField({ id: 'filter-branch', name: 'branchId', label: '지사', options: BRANCH_OPTIONS, value: branchId ?? '' }) : ''}
    ${selectField({ id: 'filter-year', name: 'year', label: '약정 연도', options: years, value: year })}
  </div>
  <div class="app-form-actions">
    ${button({ label: '조회', type: 'submit', size: 'large' })}
    ${buttonLink({ label: '약정서 작성', href: `${INTERNAL_LIST}/new`, variant: 'secondary', size: 'large' })}
  </div>
</form>
<section class="app-results" aria-labelledby="agreements-title">
  <h2 class="app-section-title" id="agreements-title">약정서 목록</h2>
  <div id="agreements-body"></div>
</section>`,
    mount(m) {
      main = m;
      onFilter(ctx, main.querySelector<HTMLElement>('#agreements-filter')!, INTERNAL_LIST, ['branchId', 'year'], {
        dropEmptyQuery: true,
      });
      onAction(main, 'retry-agreements', load);
      void load();
    },
  };
}

/** 수행기관 시스템 › 전자 약정: the agency's own agreements (issued ones; drafts stay with the branch). */
export function agencyAgreementsPage(ctx: PageContext): PageView {
  let main: HTMLElement;
  const agencyId = ownAgencyOf(ctx.viewer);

  async function load() {
    const body = main.querySelector<HTMLElement>('#agreements-body')!;
    if (!agencyId) {
      body.innerHTML = emptyState('수행기관 담당자 계정으로 로그인해 주세요.').value;
      return;
    }
    const loaded = await loadSection<{ items: AgreementView[] }>(ctx, body, {
      path: `/organisations/${encodeURIComponent(agencyId)}/agreements`,
      loading: '약정서 목록을 불러오는 중입니다…',
      failure: '약정서 목록을 불러오지 못했습니다',
      retry: 'retry-agreements',
    });
    if (loaded === undefined) return;
    const items = loaded.items;
    const waiting = items.filter((a) => a.actions.includes('stamp')).length;
    body.innerHTML = items.length
      ? html`${waiting ? html`<div class="app-notice app-notice-info"><p>날인을 기다리는 약정서가 <strong>${waiting}</strong>건 있습니다. 약정 번호를 눌러 내용을 확인한 뒤 날인해 주세요.</p></div>` : ''}
${dataTable({ id: 'agreements-table', caption: '우리 기관의 전자 약정 목록', columns: listColumns(AGENCY_LIST, false), rows: items })}`
          .value
      : emptyState('받은 약정서가 없습니다.', '관할 지사가 약정서를 발급하면 여기에 나타나고 알림으로도 알려 드립니다.')
          .value;
  }

  return {
    title: '전자 약정',
    lead: '관할 지사가 발급한 약정서를 확인하고, 승인된 직인으로 날인합니다.',
    content: html`<section class="app-results" aria-labelledby="agreements-title">
  <h2 class="app-section-title" id="agreements-title">약정서 목록</h2>
  <div id="agreements-body"></div>
</section>`,
    mount(m) {
      main = m;
      onAction(main, 'retry-agreements', load);
      void load();
    },
  };
}

/** The template's fields; `values` fills them when editing. */
function termsFieldsMarkup(values: Partial<AgreementView> = {}): SafeHtml {
  const text = (v: number | string | undefined) => (v === undefined ? '' : String(v));
  return html`${textField({ id: TERMS_IDS.periodStart!, name: 'periodStart', label: '사업 시작일', type: 'date', value: text(values.periodStart), required: true })}
  ${textField({ id: TERMS_IDS.periodEnd!, name: 'periodEnd', label: '사업 종료일', type: 'date', value: text(values.periodEnd), required: true, hint: '약정 연도 안의 날짜로 입력해 주세요.' })}
  ${textField({ id: TERMS_IDS.budget!, name: 'budget', label: '사업비 총액(원)', value: text(values.budget), inputMode: 'numeric', required: true, hint: '숫자만 입력해 주세요. 예: 120000000' })}
  ${textField({ id: TERMS_IDS.assistantQuota!, name: 'assistantQuota', label: '근로지원인 배정 인원(명)', value: text(values.assistantQuota), inputMode: 'numeric', required: true })}
  ${textField({ id: TERMS_IDS.workerQuota!, name: 'workerQuota', label: '지원 대상 장애인 수(명)', value: text(values.workerQuota), inputMode: 'numeric', required: true })}
  ${textField({ id: TERMS_IDS.operatingCostRate!, name: 'operatingCostRate', label: '사업운영비 적용 비율(%)', value: text(values.operatingCostRate ?? 10.49), required: true, hint: '소수점 둘째 자리까지. 예: 10.49' })}
  ${textareaField({ id: TERMS_IDS.specialTerms!, name: 'specialTerms', label: '특약 사항', value: values.specialTerms ?? '', maxLength: 2000, rows: 4, hint: '없으면 비워 두세요. 2,000자 이하.' })}`;
}

/** Reads the template's fields; numbers that are not numbers are named before anything is sent. */
export function readTerms(form: HTMLFormElement): { terms: Record<string, unknown>; problems: Problem[] } {
  const problems: Problem[] = [];
  const number = (name: string, label: string, decimals = false) => {
    const raw = formText(form, name).replace(/[,\s원%명]/g, '');
    if (!raw) {
      problems.push({ field: name, message: `${label}을(를) 입력해 주세요.` });
      return undefined;
    }
    const value = Number(raw);
    if (!Number.isFinite(value) || (!decimals && !Number.isInteger(value))) {
      problems.push({ field: name, message: `${label}은(는) 숫자로 입력해 주세요.` });
      return undefined;
    }
    return value;
  };
  const terms = {
    periodStart: formText(form, 'periodStart'),
    periodEnd: formText(form, 'periodEnd'),
    budget: number('budget', '사업비 총액'),
    assistantQuota: number('assistantQuota', '근로지원인 배정 인원'),
    workerQuota: number('workerQuota', '지원 대상 장애인 수'),
    operatingCostRate: number('operatingCostRate', '사업운영비 적용 비율', true),
    specialTerms: formText(form, 'specialTerms').trim() || undefined,
  };
  if (!terms.periodStart) problems.unshift({ field: 'periodStart', message: '사업 시작일을 입력해 주세요.' });
  if (!terms.periodEnd) problems.unshift({ field: 'periodEnd', message: '사업 종료일을 입력해 주세요.' });
  return { terms, problems };
}

/** 약정서 작성: the branch picks one of its agencies and a year and fills in the template. */
export function agreementDraftPage(ctx: PageContext): PageView {
  let main: HTMLElement;
  const title = '약정서 작성';
  const thisYear = clock.thisYear();
  const target = () => problemTarget(ctx, main, 'draft-errors', TERMS_IDS, title);

  async function loadAgencies() {
    const select = main.querySelector<HTMLSelectElement>(`#${TERMS_IDS.organisationId}`)!;
    const result = await apiGet<{ items: { organisationId: string; name: string; branchName: string }[] }>(
      '/organisations',
      { kind: 'agency', branchId: branchFilter(ctx.viewer, null) },
      { signal: ctx.signal },
    ).catch(() => undefined);
    if (!result) return;
    if (!result.ok) return showProblems(target(), problemsOf(result.problem));
    const chosen = ctx.url.searchParams.get('organisationId') ?? '';
    select.innerHTML = html`<option value="">수행기관을 골라 주세요</option>${result.data.items.map(
      (o) =>
        html`<option value="${o.organisationId}"${o.organisationId === chosen ? html` selected` : ''}>${o.name} (${o.branchName})</option>`,
    )}`.value;
    select.removeAttribute('aria-busy');
  }

  async function submit(form: HTMLFormElement) {
    const { terms, problems } = readTerms(form);
    const organisationId = formText(form, 'organisationId');
    if (!organisationId) problems.unshift({ field: 'organisationId', message: '수행기관을 골라 주세요.' });
    if (problems.length) return showProblems(target(), problems);
    const result = await apiPost<AgreementView>(
      '/agreements',
      { organisationId, year: Number(formText(form, 'year')), ...terms },
      { signal: ctx.signal },
    );
    if (refused(target(), result)) return;
    ctx.navigate(`${detailHref(INTERNAL_LIST, result.data.agreementId)}?created=1`);
  }

  return {
    title,
    lead: '연도별 서식에 사업 기간, 인원, 사업비를 넣어 약정서를 만듭니다. 발급하기 전까지는 고칠 수 있습니다.',
    content: html`<div id="draft-errors"></div>
<form id="draft-form" class="app-form app-narrow" novalidate>
  ${selectField({ id: TERMS_IDS.organisationId!, name: 'organisationId', label: '수행기관', options: [{ value: '', label: '불러오는 중…' }], value: '', required: true, busy: true })}
  ${selectField({ id: TERMS_IDS.year!, name: 'year', label: '약정 연도', options: [thisYear - 1, thisYear, thisYear + 1].map((y) => ({ value: String(y), label: `${y}년` })), value: String(thisYear), required: true })}
  ${termsFieldsMarkup({ periodStart: `${thisYear}-01-01`, periodEnd: `${thisYear}-12-31` })}
  <div class="app-form-actions">
    ${button({ label: '약정서 저장', type: 'submit', size: 'large' })}
    ${buttonLink({ label: '목록으로', href: INTERNAL_LIST, size: 'large' })}
  </div>
</form>`,
    mount(m) {
      main = m;
      onSubmit(main.querySelector<HTMLElement>('#draft-form')!, submit);
      void loadAgencies();
    },
  };
}

function facts(a: AgreementView, base: string): SafeHtml {
  const link = (id: string) => html`<a href="${detailHref(base, id)}">${id}</a>`;
  return html`<dl class="app-facts">
  <div><dt>약정 번호</dt><dd>${a.agreementId} (${a.revision}차)</dd></div>
  <div><dt>상태</dt><dd>${statusTag(a.statusLabel)}</dd></div>
  <div><dt>약정 당사자</dt><dd>한국장애인고용공단 ${a.branchName} · ${a.organisationName}</dd></div>
  <div><dt>약정 연도</dt><dd>${a.year}년</dd></div>
  <div><dt>사업 기간</dt><dd>${a.periodStart} ~ ${a.periodEnd}</dd></div>
  <div><dt>사업비 총액</dt><dd>${won(a.budget)}</dd></div>
  <div><dt>근로지원인 배정 인원</dt><dd>${a.assistantQuota}명</dd></div>
  <div><dt>지원 대상 장애인 수</dt><dd>${a.workerQuota}명</dd></div>
  <div><dt>사업운영비 적용 비율</dt><dd>${a.operatingCostRate}%</dd></div>
  <div><dt>특약 사항</dt><dd>${a.specialTerms ?? '없음'}</dd></div>
  ${a.supersedes ? html`<div><dt>재발급</dt><dd>${link(a.supersedes)} 약정서를 대체합니다.</dd></div>` : ''}
  ${a.supersededBy ? html`<div><dt>대체됨</dt><dd>${link(a.supersededBy)} 약정서로 대체되었습니다. 이 약정서의 문서는 그대로 보관합니다.</dd></div>` : ''}
  ${a.replacementId && !a.supersededBy ? html`<div><dt>재발급 준비</dt><dd>${link(a.replacementId)} 약정서를 작성 중입니다.</dd></div>` : ''}
  ${a.returnReason && a.status === 'returned' ? html`<div><dt>반송 사유</dt><dd>${a.returnReason}</dd></div>` : ''}
</dl>`;
}

/** A long hash with break opportunities every 16 characters, so a 360 px screen never scrolls sideways. */
function breakable(hash: string): SafeHtml[] {
  const parts: SafeHtml[] = [];
  for (let i = 0; i < hash.length; i += 16) parts.push(html`${i ? html`<wbr>` : ''}${hash.slice(i, i + 16)}`);
  return parts;
}

const DOCUMENT_COLUMNS: Column<AgreementView['documents'][number]>[] = [
  { header: '번호', cell: (d) => d.number, width: 'narrow' },
  { header: '문서', cell: (d) => d.stageLabel, rowHeader: true, width: 'medium' },
  { header: '만든 일시', cell: (d) => dateTime(d.createdAt), width: 'medium' },
  { header: 'SHA-256', cell: (d) => html`<code>${breakable(d.sha256)}</code>`, width: 'wide' },
  {
    header: '내려받기',
    // the stage is part of the button's name for screen readers; no data-label (KRDS prints those)
    cell: (d) =>
      html`<button type="button" class="krds-btn secondary small" data-action="download" data-number="${d.number}">PDF 내려받기<span class="sr-only"> (${d.stageLabel})</span></button>`,
    width: 'medium',
  },
];

function actionsMarkup(a: AgreementView): SafeHtml {
  const parts: SafeHtml[] = [];
  if (a.actions.includes('stamp')) {
    parts.push(html`<form class="app-form" data-form="stamp" novalidate>
  <p class="app-form-note">약정서 내용을 확인했으면 우리 기관의 승인된 직인으로 날인합니다. 날인하면 체결이 끝나고 내용은 더 바꿀 수 없습니다.</p>
  <div class="app-form-actions">${button({ label: '승인된 직인으로 날인', type: 'submit', size: 'large' })}</div>
</form>`);
  }
  if (a.actions.includes('return')) {
    parts.push(html`<form class="app-form" data-form="return" novalidate>
  ${textareaField({ id: 'return-reason', name: 'reason', label: '반송 사유', value: '', maxLength: 500, rows: 3, hint: '내용이 틀렸다면 무엇을 고쳐야 하는지 적어 반송해 주세요.' })}
  <div class="app-form-actions">${button({ label: '반송', type: 'submit', variant: 'secondary', size: 'large' })}</div>
</form>`);
  }
  if (a.actions.includes('edit')) {
    parts.push(html`<form class="app-form" data-form="edit" id="${TERMS_IDS.version}" novalidate>
  <h3 class="app-subsection-title">약정 조건 수정</h3>
  ${termsFieldsMarkup(a)}
  <div class="app-form-actions">${button({ label: '수정 내용 저장', type: 'submit', variant: 'secondary', size: 'large' })}</div>
</form>`);
  }
  if (a.actions.includes('issue')) {
    parts.push(html`<form class="app-form" data-form="issue" novalidate>
  <p class="app-form-note">공단 직인을 찍은 약정서(PDF)를 만들어 ${a.organisationName}에 보냅니다. 발급한 뒤에는 내용을 고칠 수 없고, 바꾸려면 재발급해야 합니다.</p>
  <div class="app-form-actions">${button({ label: '공단 직인으로 발급', type: 'submit', size: 'large' })}</div>
</form>`);
  }
  if (a.actions.includes('reissue')) {
    parts.push(html`<form class="app-form" data-form="reissue" novalidate>
  <p class="app-form-note">같은 조건의 새 약정서를 작성합니다. 새 약정서를 발급하면 이 약정서는 대체되고, 이 약정서의 문서는 그대로 보관됩니다.</p>
  <div class="app-form-actions">${button({ label: '재발급 준비', type: 'submit', variant: 'secondary', size: 'large' })}</div>
</form>`);
  }
  if (a.actions.includes('discard')) {
    parts.push(html`<form class="app-form" data-form="discard" novalidate>
  <div class="app-form-actions">${button({ label: '약정서 폐기', type: 'submit', variant: 'tertiary', size: 'large' })}</div>
</form>`);
  }
  return parts.length
    ? html`<section class="app-section" aria-labelledby="actions-title"><h2 class="app-section-title" id="actions-title">처리</h2>${parts}</section>`
    : html``;
}

const DONE: Record<string, string> = {
  stamp: '날인했습니다. 체결이 끝났습니다. 체결본 PDF를 내려받을 수 있습니다.',
  return: '반송했습니다. 지사에 알렸습니다.',
  edit: '수정 내용을 저장했습니다.',
  issue: '발급했습니다. 수행기관에 알렸습니다.',
  discard: '폐기했습니다.',
};

/** One agreement: terms, actions for the viewer's side, every document with its hash, the history. */
export function agreementDetailPage(ctx: PageContext): PageView {
  let main: HTMLElement;
  let current: AgreementView | undefined;
  const agreementId = ctx.params.agreementId ?? '';
  const base = ctx.system.id === 'agency' ? AGENCY_LIST : INTERNAL_LIST;
  const title = '약정서 상세';
  const target = () => problemTarget(ctx, main, 'agreement-errors', { ...TERMS_IDS, reason: 'return-reason' }, title);

  function render(a: AgreementView) {
    const body = main.querySelector<HTMLElement>('#agreement-body')!;
    body.innerHTML = html`<section class="app-section" aria-labelledby="terms-title">
  <h2 class="app-section-title" id="terms-title">약정 내용</h2>
  ${facts(a, base)}
</section>
${actionsMarkup(a)}
<section class="app-section" aria-labelledby="documents-title">
  <h2 class="app-section-title" id="documents-title">약정서 문서</h2>
  ${a.documents.length ? dataTable({ id: 'documents-table', caption: `${a.agreementId} 약정서 문서와 SHA-256 해시`, columns: DOCUMENT_COLUMNS, rows: a.documents }) : emptyState('아직 발급한 문서가 없습니다.', '발급하면 공단 직인을 찍은 PDF가 만들어집니다.')}
</section>
<section class="app-section" aria-labelledby="history-title">
  <h2 class="app-section-title" id="history-title">처리 이력</h2>
  <ol class="app-bullets" id="agreement-history">${[...a.events].reverse().map((e) => html`<li>${dateTime(e.at)} · ${EVENT_LABELS[e.action] ?? e.action} · ${e.side === 'kead' ? '공단' : '수행기관'}(${e.actorId})${e.note ? html` · ${e.note}` : ''}</li>`)}</ol>
</section>
<p class="app-actions">${buttonLink({ label: '목록으로', href: base })}</p>`.value;
  }

  async function load(notice?: string) {
    const body = main.querySelector<HTMLElement>('#agreement-body')!;
    const loaded = await loadSection<AgreementView>(ctx, body, {
      path: `/agreements/${encodeURIComponent(agreementId)}`,
      ...(current ? {} : { loading: '약정서를 불러오는 중입니다…' }),
      failure: '약정서를 불러오지 못했습니다',
      retry: 'retry-agreement',
    });
    if (loaded === undefined) return;
    current = loaded;
    render(current);
    if (notice) done(notice);
  }

  function done(message: string) {
    showOutcome(main.querySelector<HTMLElement>('#agreement-done')!, message);
  }

  async function act(kind: string, form: HTMLFormElement) {
    if (!current) return;
    const path = `/agreements/${encodeURIComponent(current.agreementId)}`;
    main.querySelector('#agreement-done')!.innerHTML = '';
    let result: Awaited<ReturnType<typeof apiPost<AgreementView>>>;
    if (kind === 'edit') {
      const { terms, problems } = readTerms(form);
      if (problems.length) return showProblems(target(), problems);
      result = await apiPut<AgreementView>(path, { ...terms, version: current.version }, { signal: ctx.signal });
    } else if (kind === 'return') {
      const reason = formText(form, 'reason').trim();
      if (!reason)
        return showProblems(target(), [
          { field: 'reason', message: '지사가 무엇을 고쳐야 하는지 반송 사유를 입력해 주세요.' },
        ]);
      result = await apiPost<AgreementView>(
        `${path}/return`,
        { version: current.version, reason },
        { signal: ctx.signal },
      );
    } else {
      result = await apiPost<AgreementView>(`${path}/${kind}`, { version: current.version }, { signal: ctx.signal });
    }
    if (refused(target(), result)) return;
    if (kind === 'reissue') {
      ctx.navigate(`${detailHref(base, result.data.agreementId)}?reissued=1`);
      return;
    }
    current = result.data;
    render(current);
    done(DONE[kind] ?? '처리했습니다.');
    ctx.announce(DONE[kind] ?? '처리했습니다.');
  }

  return {
    title,
    lead: '약정 조건과 약정서 문서, 처리 이력을 확인합니다.',
    content: html`<div id="agreement-errors"></div><div id="agreement-done"></div><div id="agreement-body"></div>`,
    mount(m) {
      main = m;
      onSubmit(main, async (form) => {
        if (form.dataset.form) await act(form.dataset.form, form);
      });
      main.addEventListener('click', async (event) => {
        const el = event.target as Element;
        if (el.closest('[data-action="retry-agreement"]')) void load();
        const download = el.closest<HTMLButtonElement>('[data-action="download"]');
        if (download && current) {
          const result = await downloadDocument(current.agreementId, Number(download.dataset.number), ctx.signal);
          if (!result.ok) showProblems(target(), [{ message: result.problem.message }]);
          else ctx.announce(`${result.data.fileName} 파일을 내려받습니다.`);
        }
      });
      const created = ctx.url.searchParams.has('created')
        ? '약정서를 저장했습니다. 내용을 확인한 뒤 발급해 주세요.'
        : ctx.url.searchParams.has('reissued')
          ? '재발급할 약정서를 만들었습니다. 조건을 고친 뒤 발급하면 이전 약정서를 대체합니다.'
          : undefined;
      void load(created);
    },
  };
}
