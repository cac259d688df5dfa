import type { FeedbackReport } from '#functions/oversight/feedback-contract';
import { RATING_LABELS } from '#functions/oversight/feedback-rules';
import { thisMonth } from '#kernel/clock';
import { shiftMonth } from '#kernel/korea-time';
import { button } from '../components/button.ts';
import { nativeField, selectField } from '../components/form-field.ts';
import { dataTable } from '../components/table.ts';
import { html } from '../core/html.ts';
import { loadInto, onAction, onFilter } from '../core/page.ts';
import type { PageContext, PageView } from '../shell/app.ts';
import { linkedPages, PORTAL } from '../shell/systems.ts';

// 페이지 만족도 현황 (SPEC F3): hq reads, for one portal page, how many people gave each answer to
// "현재 페이지에서 제공하는 정보에 만족하십니까?" month by month. The answers are anonymous.

export const PAGE_FEEDBACK_PATH = '/internal/page-feedback';

/** The portal's pages that end with the question, as its menus, quick menu and footer link them. */
function portalPages(): { value: string; label: string }[] {
  const viewer = { signedIn: true as const, name: '', roles: ['worker', 'assistant'] as const };
  const seen = new Set<string>();
  return [{ href: '/', label: '장애인서비스신청포털 첫 화면' }, ...linkedPages(PORTAL, viewer)]
    .filter((item) => item.href.startsWith('/') && !seen.has(item.href) && seen.add(item.href))
    .map((item) => ({ value: item.href, label: `${item.label} (${item.href})` }));
}

export function pageFeedbackPage(ctx: PageContext): PageView {
  const to = ctx.url.searchParams.get('to') ?? thisMonth();
  const from = ctx.url.searchParams.get('from') ?? shiftMonth(to, -5);
  const path = ctx.url.searchParams.get('path') ?? '/';
  return {
    title: '페이지 만족도 현황',
    lead: '포털 화면 아래의 "현재 페이지에서 제공하는 정보에 만족하십니까?"에 답한 건수입니다. 답은 익명이며 의견은 받지 않습니다.',
    content: html`<form class="app-search-form" id="feedback-form" novalidate>
  <div class="app-search-grid">
    ${selectField({ id: 'feedback-path', name: 'path', label: '페이지', value: path, options: portalPages() })}
    ${nativeField({ id: 'feedback-from', name: 'from', label: '시작 월', type: 'month', value: from })}
    ${nativeField({ id: 'feedback-to', name: 'to', label: '끝 월', type: 'month', value: to })}
  </div>
  <div class="app-form-actions">${button({ label: '조회', type: 'submit' })}</div>
</form>
<div class="app-results" id="feedback-results" aria-live="polite"></div>`,
    mount(main) {
      onFilter(ctx, main.querySelector<HTMLElement>('#feedback-form')!, PAGE_FEEDBACK_PATH, ['path', 'from', 'to']);
      const box = main.querySelector<HTMLElement>('#feedback-results')!;
      const load = () =>
        loadInto<FeedbackReport>(ctx, box, {
          path: '/page-feedback',
          query: { path, from, to },
          loading: '만족도를 불러오는 중입니다…',
          failure: '만족도를 불러오지 못했습니다.',
          retry: 'retry-feedback',
          render: (
            report,
          ) => html`<p class="app-count" id="feedback-total">기간 전체 ${report.total.total}건${report.total.average === null ? '' : ` · 평균 ${report.total.average}점 (5점 만점)`}</p>
${dataTable({
  id: 'feedback-table',
  caption: `${report.path} 월별 답별 건수`,
  columns: [
    { header: '월', cell: (m) => m.month, rowHeader: true, width: 'medium' },
    ...RATING_LABELS.map((r) => ({
      header: r.label,
      cell: (m: FeedbackReport['months'][number]) => `${m.counts[r.value]}건`,
    })),
    { header: '합계', cell: (m) => `${m.total}건` },
    { header: '평균', cell: (m) => (m.average === null ? '-' : `${m.average}점`) },
  ],
  rows: report.months,
})}`,
        });
      onAction(main, 'retry-feedback', load);
      void load();
    },
  };
}
