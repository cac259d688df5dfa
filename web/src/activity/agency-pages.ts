import { monthInWords } from '#kernel/korea-time';
import { button, buttonLink } from '../components/button.ts';
import { facts } from '../components/facts.ts';
import { nativeField, type Option, selectField } from '../components/form-field.ts';
import { problemsOf, showProblems } from '../components/form-problems.ts';
import { spinner } from '../components/notice.ts';
import { emptyState } from '../components/table.ts';
import { apiGet, apiPost } from '../core/api.ts';
import { html, type SafeHtml } from '../core/html.ts';
import { loadSection } from '../core/page.ts';
import { withQuery } from '../core/router.ts';
import { onSubmit, problemTarget } from '../core/submit.ts';
import { ownAgencyOf } from '../core/viewer.ts';
import type { PageContext, PageView } from '../shell/app.ts';
import { AGENCY_LOGS_PATH } from '../shell/paths.ts';
import { bindEntryForm, entryForm, readEntryForm } from './entry-form.ts';
import {
  type AgencyLogs,
  ENTRY_FIELD_IDS,
  type Entry,
  entryBody,
  entryValues,
  missingEntryFields,
  monthFrom,
  totalsText,
} from './model.ts';
import { monthTable, printMonth, roundsTable } from './views.ts';

// 활동일지 관리 (SPEC C1 §4): the agency sees every log of its assistants, filtered by assistant,
// worker and month, and may correct an entry; a correction of a signed entry needs a reason and goes
// back to the worker for consent (the server opens the new round and tells the worker).

const TITLE = '활동일지 관리';

export function agencyActivityLogsPage(initial: PageContext): PageView {
  let ctx = initial;
  let main: HTMLElement;

  const filters = () => ({
    month: monthFrom(ctx.url.searchParams),
    assistantId: ctx.url.searchParams.get('assistantId') ?? '',
    workerId: ctx.url.searchParams.get('workerId') ?? '',
  });

  function searchForm(data: AgencyLogs | undefined): SafeHtml {
    const f = filters();
    const options = (list: { id: string; name: string }[], all: string): Option[] => [
      { value: '', label: all },
      ...list.map((x) => ({ value: x.id, label: x.name })),
    ];
    return html`<form id="ag-filter" class="app-search-form" novalidate role="search" aria-label="활동일지 검색 조건">
  <div class="app-search-grid">
    ${nativeField({ id: 'ag-month', name: 'month', label: '활동년월', type: 'month', value: f.month, required: true, hint: '예: 2026-11' })}
    ${selectField({ id: 'ag-assistant', name: 'assistantId', label: '근로지원인', options: options(data?.filters.assistants ?? [], '전체 근로지원인'), value: f.assistantId })}
    ${selectField({ id: 'ag-worker', name: 'workerId', label: '근로자', options: options(data?.filters.workers ?? [], '전체 근로자'), value: f.workerId })}
  </div>
  <div class="app-form-actions">${button({ label: '조회', type: 'submit', size: 'large' })}${buttonLink({ label: '조건 초기화', href: AGENCY_LOGS_PATH, variant: 'tertiary', size: 'large' })}</div>
</form>`;
  }

  async function load(): Promise<void> {
    const agencyId = ownAgencyOf(ctx.viewer);
    const body = main.querySelector<HTMLElement>('#ag-body')!;
    if (!agencyId) {
      body.innerHTML = emptyState('수행기관 담당자만 볼 수 있습니다.').value;
      return;
    }
    const f = filters();
    const loaded = await loadSection<AgencyLogs>(ctx, body, {
      path: `/organisations/${encodeURIComponent(agencyId)}/activity-logs`,
      query: { month: f.month, assistantId: f.assistantId, workerId: f.workerId },
      loading: '활동일지를 불러오는 중입니다…',
      failure: '활동일지를 불러오지 못했습니다',
      retry: 'retry',
    });
    if (loaded === undefined) return;
    const data = loaded;
    main.querySelector('#ag-search')!.innerHTML = searchForm(data).value;
    const saved = ctx.url.searchParams.get('saved');
    body.innerHTML = html`${
      saved
        ? html`<div class="app-notice app-notice-success" role="status"><p class="app-notice-title">정정한 내용을 저장했습니다. 서명한 기록이었다면 근로자에게 다시 동의를 요청했습니다.</p></div>`
        : ''
    }
<p class="app-count" id="ag-count" tabindex="-1">${data.agencyName} ${monthInWords(f.month)}: 근로지원인·근로자 <strong>${data.logs.length}</strong>쌍</p>
${
  data.logs.length
    ? data.logs.map(
        (log, i) => html`<section class="app-section" aria-labelledby="ag-log-${i}">
  <h2 class="app-section-title" id="ag-log-${i}">${log.assistantName} 근로지원인 → ${log.workerName} 근로자</h2>
  ${facts([
    ['합계', totalsText(log.totals)],
    [
      '근로자 동의',
      `동의 완료 ${log.totals.signed}건, 동의 요청 중 ${log.totals.requested}건, 미요청 ${log.totals.unsigned}건`,
    ],
  ])}
  <div class="app-form-actions">${button({ label: '활동일지 출력(PDF)', variant: 'secondary', data: { action: 'print', assistant: log.assistantId, worker: log.workerId, slot: `ag-print-${i}` } })}</div>
  <div class="app-actions" id="ag-print-${i}" role="status"></div>
  ${monthTable({
    id: `ag-table-${i}`,
    caption: `${log.assistantName} → ${log.workerName} ${monthInWords(f.month)} 활동내역`,
    rows: log.rows,
    action: (row) =>
      html`<a href="${AGENCY_LOGS_PATH}/${row.entryId}">정정<span class="sr-only"> ${log.workerName} ${row.date} ${row.time}</span></a>`,
  })}
  ${roundsTable({ id: `ag-rounds-${i}`, rounds: log.rounds })}
</section>`,
      )
    : emptyState(`${monthInWords(f.month)}에 등록된 활동일지가 없습니다.`, '다른 달이나 다른 근로지원인을 골라 보세요.')
}`.value;
    ctx.announce(`활동일지 ${data.logs.length}쌍을 불러왔습니다.`);
  }

  return {
    title: TITLE,
    lead: '소속 근로지원인이 쓴 활동일지를 근로지원인, 근로자, 월로 찾아봅니다. 서명한 기록을 정정하면 근로자의 동의를 다시 받습니다.',
    content: html`<div id="ag-search">${searchForm(undefined)}</div><div id="ag-body"></div>`,
    mount(m) {
      main = m;
      main.addEventListener('submit', (event) => {
        const form = event.target as HTMLFormElement;
        if (form.id !== 'ag-filter') return;
        event.preventDefault();
        const data = new FormData(form);
        ctx.navigate(
          withQuery(AGENCY_LOGS_PATH, {
            month: String(data.get('month') ?? ''),
            assistantId: String(data.get('assistantId') ?? ''),
            workerId: String(data.get('workerId') ?? ''),
          }),
        );
      });
      main.addEventListener('click', (event) => {
        const el = (event.target as Element).closest<HTMLElement>('[data-action]');
        if (!el) return;
        if (el.dataset.action === 'retry') void load();
        if (el.dataset.action === 'print') {
          const slot = main.querySelector<HTMLElement>(`#${el.dataset.slot}`);
          if (slot) {
            void printMonth(ctx, slot, {
              month: filters().month,
              assistantId: el.dataset.assistant ?? '',
              workerId: el.dataset.worker ?? '',
            });
          }
        }
      });
      void load();
    },
    update(next) {
      ctx = next;
      void load();
      return true;
    },
  };
}

export function agencyEditLogPage(ctx: PageContext): PageView {
  const title = '활동일지 정정';
  let main: HTMLElement;
  let entry: Entry | undefined;

  const target = () => problemTarget(ctx, main, 'ag-errors', ENTRY_FIELD_IDS, title);
  const back = () =>
    withQuery(AGENCY_LOGS_PATH, { month: entry?.month, assistantId: entry?.assistantId, workerId: entry?.workerId });

  return {
    title,
    content: html`<div id="ag-errors"></div><div id="ag-form-slot" class="app-narrow">${spinner('활동 내역을 불러오는 중입니다…')}</div>`,
    mount(m) {
      main = m;
      bindEntryForm(main);
      void apiGet<Entry>(
        `/activity-logs/${encodeURIComponent(ctx.params.entryId ?? '')}`,
        {},
        { signal: ctx.signal },
      ).then((result) => {
        const slot = main.querySelector<HTMLElement>('#ag-form-slot')!;
        if (!result.ok) {
          slot.innerHTML =
            html`<div class="app-notice app-notice-danger" role="alert"><p>${result.problem.message}</p></div>`.value;
          return;
        }
        entry = result.data;
        const signed = entry.consent === 'signed';
        slot.innerHTML = html`${facts([
          ['근로지원인', entry.assistantName],
          ['근로자', entry.workerName],
          [
            '근로자 동의',
            signed
              ? '서명 완료 — 정정하면 다시 동의를 받습니다'
              : entry.consent === 'requested'
                ? '동의 요청 중'
                : '미요청',
          ],
          ...entry.corrections.map((c, i): [string, string] => [`정정 ${i + 1}`, `${c.at.slice(0, 10)} ${c.reason}`]),
        ])}
${entryForm({
  id: 'ag-entry-form',
  values: entryValues(entry, { date: entry.date }),
  workerPart: html``,
  submitLabel: signed ? '정정하고 재동의 요청' : '저장',
  askReason: signed,
  extraActions: buttonLink({ label: '취소', href: back(), variant: 'tertiary', size: 'large' }),
})}`.value;
      });
      onSubmit(main, async (form) => {
        if (!entry) return;
        const values = readEntryForm(form);
        const problems = missingEntryFields(values);
        if (entry.consent === 'signed' && !values.reason?.trim()) {
          problems.push({ field: 'reason', message: '근로자가 서명한 기록을 정정하려면 정정 사유를 적어 주세요.' });
        }
        if (problems.length) return showProblems(target(), problems);
        const result = await apiPost<Entry>(
          `/activity-logs/${encodeURIComponent(entry.entryId)}`,
          { ...entryBody(values), revision: entry.revision, reason: values.reason?.trim() || undefined },
          { signal: ctx.signal },
        );
        if (!result.ok) return showProblems(target(), problemsOf(result.problem));
        ctx.navigate(
          withQuery(AGENCY_LOGS_PATH, {
            month: result.data.month,
            assistantId: result.data.assistantId,
            workerId: result.data.workerId,
            saved: 'yes',
          }),
        );
      });
    },
  };
}
