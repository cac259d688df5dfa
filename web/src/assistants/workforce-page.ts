import { ASSISTANT_STATUS_LABELS, ASSISTANT_STATUSES } from '#functions/assistants/rules';
import type { WorkforceRow } from '#functions/assistants/workforce-contract';
import { button } from '../components/button.ts';
import { statusTag } from '../components/facts.ts';
import { bindSelectState, selectField, textField } from '../components/form-field.ts';
import { formText, type Problem, problemsOf } from '../components/form-problems.ts';
import { scopeFilter } from '../components/scope-filter.ts';
import { type Column, dataTable, emptyState } from '../components/table.ts';
import { apiGet, type Query } from '../core/api.ts';
import { saveBase64File } from '../core/download.ts';
import { html } from '../core/html.ts';
import { showOutcome } from '../core/outcome.ts';
import { loadInto } from '../core/page.ts';
import { problemTarget, reportProblems } from '../core/submit.ts';
import { hasRole } from '../core/viewer.ts';
import type { PageContext, PageView } from '../shell/app.ts';

// 근로지원인 인력조회 (B5): agencies see their own assistants, branches those of their agencies, hq
// everyone, filtered; the same filters make the Excel download, in which names, phones, e-mails and
// addresses are masked. Both the list and the download are recorded as reads of personal data.

const FILTERS = [
  'branchId',
  'agencyId',
  'status',
  'name',
  'hiredFrom',
  'hiredTo',
  'completedFrom',
  'completedTo',
] as const;

export function workforcePage(ctx: PageContext): PageView {
  let main: HTMLElement;
  const staff = hasRole(ctx.viewer, 'branch') || hasRole(ctx.viewer, 'hq');
  const q = ctx.url.searchParams;
  const query: Query = Object.fromEntries(FILTERS.map((f) => [f, q.get(f) ?? undefined]));
  const scope = scopeFilter(ctx, {
    prefix: 'wf',
    branchId: query.branchId as string | undefined,
    agencyId: query.agencyId as string | undefined,
    branchLabel: '소속기관(지사)',
  });
  const title = '근로지원인 인력조회';
  const detailBase = staff ? '/internal/assistants' : '/agency/assistants';
  const target = () =>
    problemTarget(
      ctx,
      main,
      'workforce-errors',
      {
        hiredFrom: 'wf-from',
        hiredTo: 'wf-to',
        completedFrom: 'wf-completed-from',
        completedTo: 'wf-completed-to',
        name: 'wf-name',
      },
      title,
    );

  const columns: Column<WorkforceRow>[] = [
    {
      header: '성명',
      cell: (r) => html`<a href="${detailBase}/${encodeURIComponent(r.assistantId)}">${r.name}</a>`,
      rowHeader: true,
      width: 'narrow',
    },
    { header: '생년월일', cell: (r) => r.birthDate, width: 'narrow' },
    { header: '성별', cell: (r) => r.gender, width: 'narrow' },
    { header: '장애유무', cell: (r) => r.disability, width: 'narrow' },
    { header: '장애유형', cell: (r) => r.disabilityType || '-' },
    { header: '전화번호', cell: (r) => r.phone },
    { header: 'E-Mail', cell: (r) => r.email || '-' },
    { header: '주소', cell: (r) => r.address || '-' },
    { header: '수행기관', cell: (r) => r.agencyName },
    { header: '활동경력', cell: (r) => `${r.careerMonths}개월` },
    { header: '현재활동여부', cell: (r) => statusTag(r.statusLabel), width: 'narrow' },
    { header: '근무희망수행기관', cell: (r) => r.wishedAgencies || '-' },
    { header: '교육수료일자', cell: (r) => r.trainingCompletedOn || '-', width: 'narrow' },
  ];

  async function load() {
    const box = main.querySelector<HTMLElement>('#workforce-body')!;
    const result = await loadInto<{ items: WorkforceRow[] }>(ctx, box, {
      path: '/workforce',
      query,
      loading: '근로지원인 목록을 불러오는 중입니다…',
      failure: '근로지원인 목록을 불러오지 못했습니다',
      retry: 'retry',
      render: ({ items }) =>
        items.length
          ? html`<p class="app-count" id="workforce-count">총 <strong>${items.length}</strong>명</p>${dataTable({ id: 'workforce-table', caption: '근로지원인 인력조회 결과', columns, rows: items })}`
          : emptyState('조건에 맞는 근로지원인이 없습니다.', '조건을 바꿔 다시 조회해 보세요.'),
    });
    if (result) ctx.announce(`근로지원인 ${result.items.length}명`);
  }

  return {
    title,
    lead: '조건에 맞는 근로지원인을 찾고 목록을 엑셀로 내려받습니다. 엑셀 파일에는 이름, 전화번호, 이메일, 주소를 가려서 넣습니다.',
    content: html`<div id="workforce-errors"></div><div id="workforce-done"></div>
<form id="workforce-filter" class="app-search-form" role="search" aria-label="인력조회 조건" novalidate>
  <div class="app-search-grid" id="workforce-grid">
    ${scope.fields}
    ${selectField({ id: 'wf-status', name: 'status', label: '현재활동여부', value: (query.status as string) ?? '', options: [{ value: '', label: '전체' }, ...ASSISTANT_STATUSES.map((s) => ({ value: s, label: ASSISTANT_STATUS_LABELS[s] }))] })}
    ${textField({ id: 'wf-name', name: 'name', label: '성명', value: (query.name as string) ?? '', maxLength: 40 })}
    ${textField({ id: 'wf-from', name: 'hiredFrom', label: '입사일(부터)', type: 'date', value: (query.hiredFrom as string) ?? '' })}
    ${textField({ id: 'wf-to', name: 'hiredTo', label: '입사일(까지)', type: 'date', value: (query.hiredTo as string) ?? '' })}
    ${textField({ id: 'wf-completed-from', name: 'completedFrom', label: '교육수료일자(부터)', type: 'date', value: (query.completedFrom as string) ?? '' })}
    ${textField({ id: 'wf-completed-to', name: 'completedTo', label: '교육수료일자(까지)', type: 'date', value: (query.completedTo as string) ?? '' })}
  </div>
  <div class="app-form-actions">
    ${button({ label: '조회', type: 'submit', size: 'large' })}
    ${button({ label: '엑셀다운로드', variant: 'secondary', size: 'large', data: { action: 'export' } })}
  </div>
</form>
<section class="app-results" aria-labelledby="workforce-title"><h2 class="app-section-title" id="workforce-title">조회 결과</h2><div id="workforce-body"></div></section>`,
    mount(m) {
      main = m;
      bindSelectState(main);
      void scope.mount(main);
      main.querySelector('#workforce-filter')!.addEventListener('submit', (event) => {
        event.preventDefault();
        const form = event.target as HTMLFormElement;
        const params = new URLSearchParams();
        for (const name of FILTERS) {
          const value = formText(form, name).trim();
          if (value) params.set(name, value);
        }
        const from = params.get('hiredFrom');
        const to = params.get('hiredTo');
        const completedFrom = params.get('completedFrom');
        const completedTo = params.get('completedTo');
        const problems: Problem[] = [
          ...(from && to && from > to
            ? [{ field: 'hiredFrom', message: '입사일 검색 기간의 시작일이 종료일보다 늦습니다.' }]
            : []),
          ...(completedFrom && completedTo && completedFrom > completedTo
            ? [{ field: 'completedFrom', message: '교육수료일자 검색 기간의 시작일이 종료일보다 늦습니다.' }]
            : []),
        ];
        if (reportProblems(target(), problems)) return;
        const search = params.toString();
        ctx.navigate(`${ctx.url.pathname}${search ? `?${search}` : ''}`);
      });
      main.addEventListener('click', async (event) => {
        const el = event.target as Element;
        if (el.closest('[data-action="retry"]')) void load();
        if (el.closest('[data-action="export"]')) {
          const result = await apiGet<{ fileName: string; contentType: string; base64: string; count: number }>(
            '/workforce/export',
            query,
            {
              signal: ctx.signal,
            },
          );
          if (!result.ok) {
            reportProblems(target(), problemsOf(result.problem));
            return;
          }
          saveBase64File(result.data);
          showOutcome(
            main.querySelector<HTMLElement>('#workforce-done')!,
            `${result.data.count}명의 목록을 엑셀 파일(${result.data.fileName})로 내려받았습니다.`,
          );
        }
      });
      void load();
    },
  };
}
