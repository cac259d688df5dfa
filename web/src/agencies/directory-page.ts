import { SIDO } from '#commons/regions';
import type { DirectoryResponse } from '#functions/agencies/organisation-contract';
import { button, buttonLink } from '../components/button.ts';
import { ERROR_SUMMARY_ID, errorSummary, type SummaryItem } from '../components/error-summary.ts';
import { markSelectCompleted, radioGroup, selectField, setFieldError, textField } from '../components/form-field.ts';
import { pagination } from '../components/pagination.ts';
import { type Column, dataTable, emptyState } from '../components/table.ts';
import { type ApiProblem, apiGet } from '../core/api.ts';
import { html } from '../core/html.ts';
import { latestOnly, loadSection } from '../core/page.ts';
import type { PageContext, PageView } from '../shell/app.ts';
import {
  apiQuery,
  DEFAULT_FILTERS,
  type DirectoryEntry,
  type DirectoryFilters,
  describeScope,
  FIELD_IDS,
  fieldIdForProblem,
  filtersFromSearch,
  hrefFor,
  isKnownSido,
  KINDS,
  kindLabel,
  pageOf,
  type SigunguOption,
  sigunguOptions,
} from './directory-state.ts';

// 근로지원인 서비스 지원기관: the portal's 지역별 수행기관/교육기관 목록 조회 (SPEC A1, seed 000).
// Filters live in the URL; the server validates them, and its Korean messages are shown in an error
// summary at the top and again at each field.

const TITLE = '근로지원인 서비스 지원기관';
const RETRY_ACTION = 'retry-directory';

const COLUMNS: Column<DirectoryEntry>[] = [
  { header: '기관명', cell: (e) => e.name, rowHeader: true, width: 'wide' },
  { header: '지역', cell: (e) => `${e.sidoName} ${e.sigunguName}`, width: 'medium' },
  { header: '주소', cell: (e) => e.address },
  {
    header: '전화번호',
    cell: (e) =>
      e.phone ? html`<a class="app-nowrap" href="tel:${e.phone.replace(/[^\d+]/g, '')}">${e.phone}</a>` : '-',
    width: 'medium',
  },
  {
    header: '지정 연도',
    cell: (e) => (e.designatedYears.length ? e.designatedYears.map((y) => `${y}년`).join(', ') : '-'),
    width: 'narrow',
  },
];

export function directoryPage(initial: PageContext): PageView {
  let ctx = initial;
  let filters = filtersFromSearch(ctx.url.searchParams);
  let main: HTMLElement;
  const nextLoad = latestOnly();
  // 시/군/구 options per kind and 시/도, fetched once per page visit.
  const sigunguCache = new Map<string, Promise<SigunguOption[] | undefined>>();
  let sigunguRequest = 0;

  const el = <T extends HTMLElement>(selector: string) => main.querySelector<T>(selector)!;

  const content = html`<div id="directory-errors"></div>
<form id="directory-form" class="app-search-form" novalidate role="search" aria-label="기관 검색 조건">
  <div class="app-search-grid">
    ${radioGroup({ id: FIELD_IDS.kind!, name: 'kind', label: '기관 종류', options: KINDS, value: filters.kind, inline: true })}
    ${selectField({ id: FIELD_IDS.sido!, name: 'sido', label: '시/도', options: [{ value: '', label: '전체' }], value: '' })}
    ${selectField({
      id: FIELD_IDS.sigungu!,
      name: 'sigungu',
      label: '시/군/구',
      options: [{ value: '', label: '전체' }],
      value: '',
      hint: '시/도를 고르면 그 시/도의 시/군/구를 고를 수 있습니다.',
    })}
    ${textField({ id: FIELD_IDS.name!, name: 'name', label: '기관명', value: filters.name, type: 'search', maxLength: 50, hint: '기관 이름의 일부만 입력해도 됩니다.' })}
  </div>
  <div class="app-form-actions">
    ${button({ label: '조회', type: 'submit', variant: 'primary', size: 'large' })}
    ${buttonLink({ label: '조건 초기화', href: hrefFor(DEFAULT_FILTERS), variant: 'tertiary', size: 'large' })}
  </div>
</form>
<section id="directory-results" class="app-results" aria-labelledby="directory-results-title">
  <h2 id="directory-results-title" class="app-section-title">조회 결과</h2>
  <div class="app-results-body"></div>
</section>`;

  function readForm(): DirectoryFilters {
    const data = new FormData(el<HTMLFormElement>('#directory-form'));
    const text = (key: string) => {
      const value = data.get(key);
      return typeof value === 'string' ? value : '';
    };
    return { kind: text('kind'), sido: text('sido'), sigungu: text('sigungu'), name: text('name'), page: 1 };
  }

  /** Make the controls show `filters` (first load and back/forward), keeping values the lists lack. */
  function syncForm(): void {
    main.querySelectorAll<HTMLInputElement>('input[name="kind"]').forEach((radio) => {
      radio.checked = radio.value === filters.kind;
    });
    const sido = el<HTMLSelectElement>(`#${FIELD_IDS.sido}`);
    setOptions(
      sido,
      [{ value: '', label: '전체' }, ...SIDO.map((s) => ({ value: s.code, label: s.name }))],
      filters.sido,
    );
    el<HTMLInputElement>(`#${FIELD_IDS.name}`).value = filters.name;
  }

  /** Refill the 시/군/구 list for the chosen kind and 시/도; keeps `selected` when it is still offered. */
  async function refreshSigungu(kind: string, sido: string, selected: string): Promise<SigunguOption[]> {
    const select = el<HTMLSelectElement>(`#${FIELD_IDS.sigungu}`);
    const request = ++sigunguRequest;
    if (!isKnownSido(sido) || !kindLabel(kind)) {
      setOptions(select, [{ value: '', label: '전체' }], selected);
      select.disabled = !selected;
      return [];
    }
    select.disabled = false;
    const key = `${kind}:${sido}`;
    let pending = sigunguCache.get(key);
    if (!pending) {
      setOptions(select, [{ value: '', label: '시/군/구 목록을 불러오는 중…' }], '');
      select.setAttribute('aria-busy', 'true');
      pending = apiGet<DirectoryResponse>('/public/organisations', { kind, sido }, { signal: ctx.signal }).then(
        (r) => (r.ok ? sigunguOptions(r.data.items, sido) : undefined),
        () => undefined,
      );
      sigunguCache.set(key, pending);
    }
    const options = await pending;
    // The user may have picked another 시/도 meanwhile; only the latest request fills the list.
    if (request !== sigunguRequest) return options ?? [];
    select.removeAttribute('aria-busy');
    if (!options) {
      sigunguCache.delete(key);
      setOptions(select, [{ value: '', label: '전체 (시/군/구 목록을 불러오지 못했습니다)' }], selected);
      return [];
    }
    setOptions(
      select,
      [{ value: '', label: '전체' }, ...options.map((o) => ({ value: o.code, label: o.name }))],
      selected,
    );
    return options;
  }

  async function load(reason: 'first' | 'navigation' | 'retry' | 'page'): Promise<void> {
    const signal = nextLoad();
    const sigunguPromise = refreshSigungu(filters.kind, filters.sido, filters.sigungu);
    const data = await loadSection<DirectoryResponse>(ctx, el<HTMLElement>('.app-results-body'), {
      path: '/public/organisations',
      query: apiQuery(filters),
      loading: '기관 목록을 불러오는 중입니다…',
      failure: '기관 목록을 불러오지 못했습니다',
      retry: RETRY_ACTION,
      busy: el<HTMLElement>('#directory-results'),
      signal,
      failed: () => {
        el<HTMLElement>('#directory-errors').innerHTML = '';
        for (const id of Object.values(FIELD_IDS)) setFieldError(main, id, undefined);
        ctx.setTitle(TITLE, { error: true });
      },
      handle: (problem) => {
        if (problem.retryable) return false;
        showFieldProblems(problem);
        return true;
      },
    });
    const options = await sigunguPromise;
    if (!data || signal.aborted) return;
    clearProblems();
    const sigunguName =
      options.find((o) => o.code === filters.sigungu)?.name ??
      data.items.find((e) => e.sigunguCode === filters.sigungu)?.sigunguName;
    renderResults(data.items, sigunguName);
    if (reason === 'page') el<HTMLElement>('#directory-count').focus();
  }

  function renderResults(items: DirectoryEntry[], sigunguName: string | undefined): void {
    const body = el<HTMLElement>('.app-results-body');
    const scope = describeScope(filters, sigunguName);
    const kind = kindLabel(filters.kind) ?? '기관';
    if (!items.length) {
      body.innerHTML = html`<p class="app-count" id="directory-count" tabindex="-1">총 <strong>0</strong>개 기관</p>
${emptyState(`${scope} 중 조건에 맞는 곳이 없습니다.`, '시/군/구를 ‘전체’로 바꾸거나, 기관명을 더 짧게 입력한 뒤 다시 조회해 보세요.')}`.value;
      ctx.announce(`${scope} 중 조건에 맞는 곳이 없습니다.`);
      return;
    }
    const slice = pageOf(items, filters.page);
    body.innerHTML =
      html`<p class="app-count" id="directory-count" tabindex="-1">총 <strong>${items.length}</strong>개 기관${
        slice.totalPages > 1 ? html` <span class="app-count-page">(${slice.page}/${slice.totalPages}쪽)</span>` : ''
      }</p>
${dataTable({
  id: 'directory-table',
  caption: html`${scope} 목록<span class="sr-only">: 기관명, 지역, 주소, 전화번호, 지정 연도. 총 ${items.length}개 중 ${slice.first}번째부터 ${slice.last}번째까지</span>`,
  columns: COLUMNS,
  rows: slice.rows,
})}
${pagination({
  current: slice.page,
  total: slice.totalPages,
  hrefFor: (page) => hrefFor({ ...filters, page }),
  label: `${kind} 목록 페이지`,
})}`.value;
    ctx.announce(
      `${scope} 총 ${items.length}개를 찾았습니다.${slice.totalPages > 1 ? ` ${slice.totalPages}쪽 중 ${slice.page}쪽입니다.` : ''}`,
    );
  }

  /** A refused search: the fields named, the summary on top, the results box says what to do. */
  function showFieldProblems(problem: ApiProblem): void {
    const errors = el<HTMLElement>('#directory-errors');
    const body = el<HTMLElement>('.app-results-body');
    for (const id of Object.values(FIELD_IDS)) setFieldError(main, id, undefined);
    const items: SummaryItem[] = problem.fields.length
      ? problem.fields.map((f) => ({ fieldId: fieldIdForProblem(f.field), message: f.message }))
      : [{ message: problem.message }];
    for (const f of problem.fields) {
      const id = fieldIdForProblem(f.field);
      if (id) setFieldError(main, id, f.message);
    }
    errors.innerHTML = errorSummary({ title: '검색 조건을 확인해 주세요', items }).value;
    body.innerHTML = html`<p class="app-results-note">검색 조건을 고친 뒤 ‘조회’ 버튼을 눌러 주세요.</p>`.value;
    ctx.setTitle(TITLE, { error: true });
    el<HTMLElement>(`#${ERROR_SUMMARY_ID}`).focus();
  }

  function clearProblems(): void {
    el<HTMLElement>('#directory-errors').innerHTML = '';
    for (const id of Object.values(FIELD_IDS)) setFieldError(main, id, undefined);
    ctx.setTitle(TITLE);
  }

  function bind(): void {
    const form = el<HTMLFormElement>('#directory-form');
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const next = hrefFor(readForm());
      const here = window.location.pathname + window.location.search;
      ctx.navigate(next, { replace: next === here });
    });
    // A new 시/도 or kind changes which 시/군/구 exist; the old choice no longer applies.
    el<HTMLSelectElement>(`#${FIELD_IDS.sido}`).addEventListener('change', (event) => {
      const sido = (event.target as HTMLSelectElement).value;
      void refreshSigungu(readForm().kind || filters.kind, sido, '');
    });
    form.querySelectorAll<HTMLInputElement>('input[name="kind"]').forEach((radio) => {
      radio.addEventListener('change', () => {
        const current = readForm();
        void refreshSigungu(current.kind, current.sido, current.sigungu);
      });
    });
    main.addEventListener('click', (event) => {
      if ((event.target as Element).closest(`[data-action="${RETRY_ACTION}"]`)) void load('retry');
    });
  }

  return {
    title: TITLE,
    lead: '지역별 수행기관과 교육기관을 찾을 수 있습니다. 조건을 고른 뒤 ‘조회’ 버튼을 누르세요.',
    content,
    mount(m) {
      main = m;
      bind();
      syncForm();
      void load('first');
    },
    update(next) {
      const previous = filters;
      ctx = next;
      filters = filtersFromSearch(next.url.searchParams);
      syncForm();
      const onlyPage =
        previous.kind === filters.kind &&
        previous.sido === filters.sido &&
        previous.sigungu === filters.sigungu &&
        previous.name === filters.name &&
        previous.page !== filters.page;
      void load(onlyPage ? 'page' : 'navigation');
      return true;
    },
  };
}

/** Replace a select's options (DOM-built, so labels are never parsed as markup); a value the list lacks is kept visibly. */
function setOptions(select: HTMLSelectElement, options: { value: string; label: string }[], selected: string): void {
  const list = [...options];
  if (selected && !list.some((o) => o.value === selected)) {
    list.push({ value: selected, label: `목록에 없는 값 (${selected})` });
  }
  select.replaceChildren(...list.map((o) => new Option(o.label, o.value, false, o.value === selected)));
  select.value = selected && list.some((o) => o.value === selected) ? selected : (list[0]?.value ?? '');
  markSelectCompleted(select);
}
