import type { AssistantMonth, WorkerOption } from '#functions/activity/entry-contract';
import { thisMonth } from '#kernel/clock';
import { button } from '../components/button.ts';
import { nativeField, setFieldError } from '../components/form-field.ts';
import { failureNotice, spinner } from '../components/notice.ts';
import { type Column, dataTable, emptyState } from '../components/table.ts';
import { apiGet } from '../core/api.ts';
import { html, type SafeHtml } from '../core/html.ts';
import { onAction, onFilter } from '../core/page.ts';
import type { PageContext, PageView } from '../shell/app.ts';
import {
  consentText,
  type HistoryRange,
  hoursText,
  minutesByKind,
  rangeFrom,
  sumTotals,
  type WorkerMonth,
  workerMonths,
} from './activity-history.ts';

// 근로지원인 활동내역 on My page (SPEC F4): the assistant's own logs over a range of months, one row
// per month and worker with the totals by 근태 and the worker's consent, the period's totals by
// type, and printing. It reads the same month lists as 활동일지 등록 (GET /activity-logs), one per
// month in which the assistant was matched with the worker.

export const MY_ACTIVITIES_PATH = '/my/activities';
const RETRY = 'retry-my-activities';

interface Loaded extends WorkerMonth {
  data: AssistantMonth;
}

const monthText = (m: string) => `${Number(m.slice(0, 4))}년 ${Number(m.slice(5, 7))}월`;

const COLUMNS: Column<Loaded>[] = [
  { header: '활동년월', cell: (r) => monthText(r.month), rowHeader: true, width: 'medium' },
  { header: '근로자', cell: (r) => r.workerName, width: 'medium' },
  { header: '수행기관', cell: (r) => r.data.worker.agencyName },
  { header: '활동 건수', cell: (r) => `${r.data.totals.entries}건`, width: 'narrow' },
  {
    header: '근태별 시간',
    cell: (r) =>
      minutesByKind(r.data.totals)
        .map((k) => `${k.label} ${hoursText(k.minutes)}`)
        .join(', ') || '-',
    width: 'wide',
  },
  { header: '근로자 동의', cell: (r) => consentText(r.data.totals), width: 'medium' },
  {
    header: '자세히',
    cell: (r) =>
      html`<a href="/work-assistant/activity-logs?workerId=${encodeURIComponent(r.workerId)}&amp;month=${r.month}">${monthText(r.month)} ${r.workerName} 활동일지</a>`,
    width: 'medium',
  },
];

function results(range: HistoryRange, loaded: readonly Loaded[]): SafeHtml {
  const period = `${monthText(range.from)}부터 ${monthText(range.to)}까지`;
  if (!loaded.length) return emptyState(`${period} 매칭된 근로자가 없습니다.`, '기간을 바꿔 다시 조회해 주세요.');
  const total = sumTotals(loaded.map((l) => l.data.totals));
  const kinds = minutesByKind(total);
  return html`<p class="app-count" id="my-activities-count">${period} · 활동 ${total.entries}건 · 근로자 동의: ${consentText(total)}</p>
${dataTable({ id: 'my-activities-table', caption: `${period} 월별 활동내역`, columns: COLUMNS, rows: loaded })}
<section class="app-section" aria-labelledby="my-activities-totals-title">
  <h2 class="app-section-title" id="my-activities-totals-title">기간 합계 (근태별)</h2>
  ${
    kinds.length
      ? dataTable({
          id: 'my-activities-totals',
          caption: `${period} 근태별 합계`,
          columns: [
            { header: '근태', cell: (k: (typeof kinds)[number]) => k.label, rowHeader: true },
            { header: '시간', cell: (k) => hoursText(k.minutes) },
          ],
          rows: kinds,
        })
      : html`<p>이 기간에 쓴 활동일지가 없습니다.</p>`
  }
</section>
<p class="app-actions">${button({ label: '인쇄하기', variant: 'secondary', data: { action: 'print-activities' } })}</p>`;
}

export function myActivitiesPage(ctx: PageContext): PageView {
  const { range, problem } = rangeFrom(ctx.url.searchParams, thisMonth());
  return {
    title: '근로지원인 활동내역',
    lead: '내가 쓴 활동일지를 달마다 모아 근태별 시간과 근로자 동의 상태를 보여 줍니다.',
    content: html`<form class="app-search-form" id="my-activities-form" novalidate>
  <div class="app-search-grid">
    ${nativeField({ id: 'my-activities-from', name: 'from', label: '시작 월', type: 'month', value: range.from, required: true, hint: '예: 2026-01' })}
    ${nativeField({ id: 'my-activities-to', name: 'to', label: '끝 월', type: 'month', value: range.to, required: true, hint: '최대 12개월' })}
  </div>
  <div class="app-form-actions">${button({ label: '조회', type: 'submit', size: 'large' })}</div>
</form>
<div class="app-results" id="my-activities-results" aria-live="polite">${spinner('활동내역을 불러오는 중입니다…')}</div>`,
    mount(main) {
      const form = main.querySelector<HTMLFormElement>('#my-activities-form')!;
      const box = main.querySelector<HTMLElement>('#my-activities-results')!;
      onFilter(ctx, form, MY_ACTIVITIES_PATH, ['from', 'to']);
      if (problem) setFieldError(main, `my-activities-${problem.field}`, problem.message);
      onAction(main, 'print-activities', () => window.print());
      const load = async () => {
        box.innerHTML = spinner('활동내역을 불러오는 중입니다…').value;
        box.setAttribute('aria-busy', 'true');
        const fail = (message: string) => {
          box.removeAttribute('aria-busy');
          box.innerHTML = failureNotice({
            title: '활동내역을 불러오지 못했습니다.',
            message,
            retryAction: RETRY,
          }).value;
        };
        const workers = await apiGet<{ workers: WorkerOption[] }>('/me/activity-workers', {}, { signal: ctx.signal });
        if (ctx.signal.aborted) return;
        if (!workers.ok) return fail(workers.problem.message);
        const wanted = workerMonths(workers.data.workers, range);
        const answers = await Promise.all(
          wanted.map((w) =>
            apiGet<AssistantMonth>('/activity-logs', { workerId: w.workerId, month: w.month }, { signal: ctx.signal }),
          ),
        );
        if (ctx.signal.aborted) return;
        const refused = answers.find((a) => !a.ok);
        if (refused && !refused.ok) return fail(refused.problem.message);
        const loaded = wanted.map((w, i) => ({ ...w, data: (answers[i] as { data: AssistantMonth }).data }));
        box.removeAttribute('aria-busy');
        box.innerHTML = results(range, loaded).value;
      };
      onAction(main, RETRY, load);
      void load();
    },
  };
}
