import { hoursText } from '#functions/applications/hours-meter-rules';
import type { Precheck, PrecheckLineView } from '#functions/claims/precheck-contract';
import type { PrecheckPlace } from '#functions/claims/precheck-rules';
import { isMonth } from '#kernel/korea-time';
import { button } from '../components/button.ts';
import { nativeField } from '../components/form-field.ts';
import { hoursMeterTable } from '../components/hours-meter.ts';
import { notice, spinner } from '../components/notice.ts';
import { dataTable } from '../components/table.ts';
import { previousMonthInKorea } from '../core/dates.ts';
import { html, type SafeHtml } from '../core/html.ts';
import { loadSection, onAction } from '../core/page.ts';
import { withQuery } from '../core/router.ts';
import type { PageContext, PageView } from '../shell/app.ts';
import { AGENCY_COMPARISON_PATH, AGENCY_LOGS_PATH, AGENCY_MATCHINGS_PATH } from '../shell/paths.ts';

// 월말 사전점검 (issue 15 §5): before the agency submits a month, every line that would make the branch
// return it — 제출 불가 lines stop the submit, 확인 필요 lines are to look at — each with its fix and a
// link to the screen to fix it on; below, each worker's decided monthly hours against the hours used.

export const PRECHECK_PATH = '/agency/claim-precheck';

/** Where each place is fixed, for the month (the rate table is hq's: no agency screen to link to). */
function placeLink(place: PrecheckPlace, label: string, month: string): SafeHtml {
  const paths: Partial<Record<PrecheckPlace, string>> = {
    comparison: withQuery(AGENCY_COMPARISON_PATH, { month }),
    consent: withQuery(AGENCY_LOGS_PATH, { month }),
    activityLogs: withQuery(AGENCY_LOGS_PATH, { month }),
    matchings: AGENCY_MATCHINGS_PATH,
  };
  const path = paths[place];
  return path ? html`<a href="${path}">${label} 바로가기</a>` : html`<span>${label} (본부 담당)</span>`;
}

function linesTable(lines: readonly PrecheckLineView[], month: string): SafeHtml {
  return dataTable({
    id: 'precheck-lines',
    caption: `${month} 사전점검 결과 (제출 불가 항목이 먼저 나옵니다)`,
    columns: [
      { header: '구분', cell: (l) => html`<strong>${l.severityLabel}</strong>` },
      { header: '항목', rowHeader: true, cell: (l) => l.codeLabel },
      { header: '대상', cell: (l) => l.subject ?? '-' },
      { header: '내용', cell: (l) => l.detail },
      { header: '고치는 방법', cell: (l) => l.fix },
      { header: '고칠 곳', cell: (l) => placeLink(l.place, l.placeLabel, month) },
    ],
    rows: lines,
  });
}

/** A link to the month's pre-check, for the claim screens. */
export function precheckLink(month: string): SafeHtml {
  return html`<p><a href="${withQuery(PRECHECK_PATH, { month })}">${month} 월말 사전점검 보기</a></p>`;
}

/** Why some workers' co-payment is 0 (the exemption on their evaluation), under the claim's worker table. */
export function exemptionNotes(workers: readonly { name: string; copayExemptReason?: string }[]): SafeHtml {
  const exempt = workers.filter((w) => w.copayExemptReason);
  if (!exempt.length) return html``;
  return html`<ul class="app-list" id="claim-copay-exemptions" aria-label="본인부담금 면제">${exempt.map(
    (w) => html`<li>${w.name}: 본인부담금 0원 — ${w.copayExemptReason}</li>`,
  )}</ul>`;
}

export function precheckPage(ctx: PageContext): PageView {
  let main: HTMLElement;
  const asked = ctx.url.searchParams.get('month');
  const month = asked && isMonth(asked) ? asked : previousMonthInKorea();

  async function load(): Promise<void> {
    const body = main.querySelector<HTMLElement>('#precheck-body')!;
    const data = await loadSection<Precheck>(ctx, body, {
      path: '/claim-precheck',
      query: { month },
      loading: '사전점검을 하는 중입니다…',
      failure: '사전점검을 하지 못했습니다',
      retry: 'retry',
    });
    if (data === undefined) return;
    const summary = data.ready
      ? notice(
          'success',
          data.advisory
            ? `제출을 막는 항목이 없습니다. 확인 필요 ${data.advisory}건을 살펴본 뒤 제출해 주세요.`
            : '제출을 막는 항목이 없습니다. 사업비 신청을 제출할 수 있습니다.',
        )
      : notice(
          'danger',
          `제출 불가 ${data.blocking}건, 확인 필요 ${data.advisory}건. 제출 불가 항목을 모두 고쳐야 제출할 수 있습니다.`,
        );
    body.innerHTML = html`<div id="precheck-summary">${summary}</div>
${data.lines.length ? linesTable(data.lines, data.month) : ''}
<p><a href="/agency/claims/${encodeURIComponent(data.claimId)}">${data.month} 사업비 신청으로 가기</a></p>
<h2 class="app-section-title">근로자별 남은 지원 시간</h2>
${
  data.meters.length
    ? hoursMeterTable({
        id: 'precheck-meters',
        caption: `${data.month} 월 결정 시간 대비 사용 시간`,
        rows: data.meters,
        minutes: hoursText,
      })
    : html`<p>이 달의 활동일지가 없습니다.</p>`
}`.value;
  }

  return {
    title: '월말 사전점검',
    lead: '사업비 신청을 제출하기 전에, 지사가 반려할 만한 항목을 미리 찾아 고칠 곳을 알려 드립니다.',
    content: html`<form id="precheck-search" class="app-search-form" role="search" aria-label="수행년월" novalidate>
  ${nativeField({ id: 'precheck-month', name: 'month', label: '수행년월', type: 'month', value: month, required: true, hint: '예: 2026-11' })}
  <div class="app-form-actions">${button({ label: '점검', type: 'submit', size: 'large' })}</div>
</form>
<div id="precheck-body">${spinner('사전점검을 하는 중입니다…')}</div>`,
    mount(m) {
      main = m;
      onAction(main, 'retry', load);
      main.querySelector<HTMLFormElement>('#precheck-search')!.addEventListener('submit', (event) => {
        event.preventDefault();
        const chosen = String(new FormData(event.target as HTMLFormElement).get('month') ?? '');
        ctx.navigate(withQuery(PRECHECK_PATH, { month: isMonth(chosen) ? chosen : month }));
      });
      void load();
    },
  };
}
