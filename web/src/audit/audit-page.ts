import * as clock from '#kernel/clock';
import { button, buttonLink } from '../components/button.ts';
import { textField } from '../components/form-field.ts';
import { clearProblems, type FormProblemTarget, problemsOf, showProblems } from '../components/form-problems.ts';
import { pagination } from '../components/pagination.ts';
import { type Column, dataTable, emptyState } from '../components/table.ts';
import { koreanDateTime } from '../core/dates.ts';
import { html } from '../core/html.ts';
import { latestOnly, loadSection } from '../core/page.ts';
import { pageOf } from '../core/paging.ts';
import type { PageContext, PageView } from '../shell/app.ts';
import {
  AUDIT_FIELD_IDS,
  AUDIT_PAGE_SIZE,
  type AuditFilters,
  type AuditRecord,
  actionLabel,
  apiQuery,
  filtersFromSearch,
  hrefFor,
  OUTCOMES,
  roleLabel,
  subjectsLabel,
  targetLabel,
} from './audit-state.ts';

// 개인정보 처리 기록 조회 (issue 3 §5): hq and branch staff search the audit trail by the person the
// data is about, by who handled it, and by period. The filters live in the URL; the server checks
// them and scopes branch staff to their branch.

const TITLE = '개인정보 처리 기록 조회';

const COLUMNS: Column<AuditRecord>[] = [
  { header: '처리 일시', cell: (r) => koreanDateTime(r.at), width: 'medium' },
  {
    header: '처리자',
    cell: (r) => html`${r.actorId}<br><span class="app-muted">${roleLabel(r.actorRole)}</span>`,
    rowHeader: true,
  },
  { header: '처리 내용', cell: (r) => actionLabel(r.action) },
  { header: '대상', cell: (r) => `${targetLabel(r.targetType)} ${r.targetId}` },
  { header: '정보 주체', cell: subjectsLabel },
  { header: '결과', cell: (r) => OUTCOMES[r.outcome] ?? r.outcome, width: 'narrow' },
  { header: '접속 주소', cell: (r) => r.sourceIp, width: 'narrow' },
];

export function auditPage(initial: PageContext): PageView {
  let ctx = initial;
  let filters = filtersFromSearch(ctx.url.searchParams, clock.now());
  let main: HTMLElement;
  const nextLoad = latestOnly();

  const target = (): FormProblemTarget => ({
    root: main,
    summary: main.querySelector<HTMLElement>('#audit-errors')!,
    fieldIds: AUDIT_FIELD_IDS,
    title: '검색 조건을 확인해 주세요',
    setTitle: (error) => ctx.setTitle(TITLE, { error }),
  });

  const form =
    () => html`<form id="audit-form" class="app-search-form" novalidate role="search" aria-label="처리 기록 검색 조건">
  <div class="app-search-grid">
    ${textField({ id: AUDIT_FIELD_IDS.subject!, name: 'subject', label: '정보 주체 아이디', value: filters.subject, maxLength: 64, hint: '개인정보의 주인인 사람의 아이디입니다.' })}
    ${textField({ id: AUDIT_FIELD_IDS.actor!, name: 'actor', label: '처리자 아이디', value: filters.actor, maxLength: 64, hint: '정보를 보거나 바꾼 사람의 아이디입니다.' })}
    ${textField({ id: AUDIT_FIELD_IDS.from!, name: 'from', label: '시작일', type: 'date', value: filters.from, required: true })}
    ${textField({ id: AUDIT_FIELD_IDS.to!, name: 'to', label: '종료일', type: 'date', value: filters.to, required: true, hint: '아이디 없이 기간만으로는 92일까지 찾을 수 있습니다.' })}
  </div>
  <div class="app-form-actions">
    ${button({ label: '조회', type: 'submit', size: 'large' })}
    ${buttonLink({ label: '조건 초기화', href: '/internal/audit', variant: 'tertiary', size: 'large' })}
  </div>
</form>`;

  function syncForm(): void {
    const set = (id: string, value: string) => {
      const input = main.querySelector<HTMLInputElement>(`#${id}`);
      if (input) input.value = value;
    };
    set(AUDIT_FIELD_IDS.subject!, filters.subject);
    set(AUDIT_FIELD_IDS.actor!, filters.actor);
    set(AUDIT_FIELD_IDS.from!, filters.from);
    set(AUDIT_FIELD_IDS.to!, filters.to);
  }

  function readForm(): AuditFilters {
    const data = new FormData(main.querySelector<HTMLFormElement>('#audit-form')!);
    const text = (k: string) => String(data.get(k) ?? '');
    return { subject: text('subject'), actor: text('actor'), from: text('from'), to: text('to'), page: 1 };
  }

  async function load(focusCount: boolean): Promise<void> {
    const body = main.querySelector<HTMLElement>('#audit-results-body')!;
    const data = await loadSection<{ items: AuditRecord[] }>(ctx, body, {
      path: '/audit',
      query: apiQuery(filters),
      loading: '처리 기록을 찾는 중입니다…',
      failure: '처리 기록을 불러오지 못했습니다',
      retry: 'retry-audit',
      busy: main.querySelector<HTMLElement>('#audit-results')!,
      signal: nextLoad(),
      failed: () => {
        clearProblems(target());
        ctx.setTitle(TITLE, { error: true });
      },
      handle: (problem) => {
        if (problem.retryable) return false;
        showProblems(target(), problemsOf(problem));
        body.innerHTML = html`<p class="app-results-note">검색 조건을 고친 뒤 ‘조회’ 버튼을 눌러 주세요.</p>`.value;
        return true;
      },
    });
    if (!data) return;
    clearProblems(target());
    const items = data.items;
    const period = `${filters.from}부터 ${filters.to}까지`;
    if (!items.length) {
      body.innerHTML = html`<p class="app-count" id="audit-count" tabindex="-1">총 <strong>0</strong>건</p>
${emptyState(`${period} 조건에 맞는 처리 기록이 없습니다.`, '기간을 넓히거나 아이디를 확인한 뒤 다시 조회해 보세요.')}`.value;
      ctx.announce(`${period} 조건에 맞는 처리 기록이 없습니다.`);
      return;
    }
    const slice = pageOf(items, filters.page, AUDIT_PAGE_SIZE);
    body.innerHTML = html`<p class="app-count" id="audit-count" tabindex="-1">총 <strong>${items.length}</strong>건${
      slice.totalPages > 1 ? html` <span class="app-count-page">(${slice.page}/${slice.totalPages}쪽)</span>` : ''
    }</p>
${dataTable({
  id: 'audit-table',
  caption: html`${period} 개인정보 처리 기록<span class="sr-only">: 최근 것부터. 총 ${items.length}건 중 ${slice.first}번째부터 ${slice.last}번째까지</span>`,
  columns: COLUMNS,
  rows: slice.rows,
})}
${pagination({ current: slice.page, total: slice.totalPages, hrefFor: (page) => hrefFor({ ...filters, page }), label: '처리 기록 페이지' })}`.value;
    ctx.announce(`처리 기록 ${items.length}건을 찾았습니다.`);
    if (focusCount) main.querySelector<HTMLElement>('#audit-count')?.focus();
  }

  return {
    title: TITLE,
    lead: '누가 언제 누구의 개인정보를 보거나 바꿨는지 찾아봅니다. 기록은 3년 동안 보관합니다.',
    content: html`<div id="audit-errors"></div>
${form()}
<section id="audit-results" class="app-results" aria-labelledby="audit-results-title">
  <h2 id="audit-results-title" class="app-section-title">조회 결과</h2>
  <div id="audit-results-body"></div>
</section>`,
    mount(m) {
      main = m;
      main.querySelector('#audit-form')!.addEventListener('submit', (event) => {
        event.preventDefault();
        const next = hrefFor(readForm());
        const here = window.location.pathname + window.location.search;
        ctx.navigate(next, { replace: next === here });
      });
      main.addEventListener('click', (event) => {
        if ((event.target as Element).closest('[data-action="retry-audit"]')) void load(false);
      });
      void load(false);
    },
    update(next) {
      const previous = filters;
      ctx = next;
      filters = filtersFromSearch(next.url.searchParams, clock.now());
      syncForm();
      void load(previous.page !== filters.page);
      return true;
    },
  };
}
