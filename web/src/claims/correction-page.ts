import {
  type ClaimCorrectionView,
  CORRECTION_AMOUNTS,
  type CorrectionAmounts,
  type CorrectionList,
} from '#functions/claims/correction-contract';
import * as clock from '#kernel/clock';
import { button } from '../components/button.ts';
import { selectField } from '../components/form-field.ts';
import { notice } from '../components/notice.ts';
import { scopeFilter } from '../components/scope-filter.ts';
import { dataTable, emptyState } from '../components/table.ts';
import { apiPost } from '../core/api.ts';
import { dateTime } from '../core/dates.ts';
import { downloadInto } from '../core/download.ts';
import { html } from '../core/html.ts';
import { showOutcome } from '../core/outcome.ts';
import { loadSection, onAction, onFilter } from '../core/page.ts';
import { singleFlight } from '../core/submit.ts';
import { hasRole, ownBranchOf } from '../core/viewer.ts';
import type { PageContext, PageView } from '../shell/app.ts';
import { won } from './model.ts';

// 요율 정정 차액 (issue 15 §6): when hq corrects a year's rate table, the decided claims computed with
// an earlier version are computed again from their stored entries; hq and the branches read the
// difference per agency, claim and assistant (the decided claims stay as they are), download it as
// Excel, and the branch carries each claim's difference into the agency's next settlement.

export const RATE_CORRECTIONS_PATH = '/internal/rate-corrections';

const signed = (amount: number) => (amount > 0 ? `+${won(amount)}` : won(amount));

const differenceColumns = <Row>(of: (row: Row) => CorrectionAmounts) =>
  CORRECTION_AMOUNTS.map((a) => ({ header: `${a.header} 차액`, cell: (row: Row) => signed(of(row)[a.key]) }));

function carriedCell(c: ClaimCorrectionView, canCarry: boolean, index: number) {
  if (c.carried?.correctedVersion === c.correctedVersion) {
    return c.carried.settlementId
      ? `정산(${c.carried.settlementId})에 반영됨`
      : `다음 정산에 반영 예정 (${dateTime(c.carried.carriedAt)})`;
  }
  if (c.difference.total === 0) return '차액 없음';
  return canCarry
    ? button({
        label: '다음 정산에 반영',
        variant: 'secondary',
        size: 'small',
        data: { action: 'carry', index: String(index) },
      })
    : '반영 전';
}

export function rateCorrectionPage(ctx: PageContext): PageView {
  const thisYear = clock.thisYear();
  const year = ctx.url.searchParams.get('year') ?? String(thisYear);
  const hq = hasRole(ctx.viewer, 'hq');
  const branchId = hq ? (ctx.url.searchParams.get('branchId') ?? undefined) : ownBranchOf(ctx.viewer);
  const agencyId = ctx.url.searchParams.get('agencyId') ?? undefined;
  const canCarry = hasRole(ctx.viewer, 'branch');
  const scope = scopeFilter(ctx, { prefix: 'rc', branchId, agencyId });
  const query = { year, branchId, agencyId };
  let list: CorrectionList | undefined;

  return {
    title: '요율 정정 차액',
    lead: '본부가 요율표를 정정하면, 이전 버전으로 결정된 사업비 신청을 저장된 활동 내역으로 다시 계산해 차액을 보여 드립니다. 결정된 신청은 바뀌지 않으며, 지사가 차액을 수행기관의 다음 사업비 정산에 반영합니다.',
    content: html`<form id="rc-filter" class="app-search-form" role="search" aria-label="요율 정정 차액 조회 조건" novalidate>
  <div class="app-search-grid">
    ${scope.fields}
    ${selectField({ id: 'rc-year', name: 'year', label: '요율표 연도', value: year, options: [0, 1, 2].map((back) => ({ value: String(thisYear - back), label: `${thisYear - back}년` })) })}
  </div>
  <div class="app-form-actions">${button({ label: '조회', type: 'submit', size: 'large' })}</div>
</form>
<div id="rc-outcome" role="status"></div>
<div class="app-results" id="rc-results" aria-live="polite"></div>`,
    mount(main) {
      onFilter(ctx, main.querySelector<HTMLElement>('#rc-filter')!, RATE_CORRECTIONS_PATH, [
        'branchId',
        'agencyId',
        'year',
      ]);
      void scope.mount(main);
      const box = main.querySelector<HTMLElement>('#rc-results')!;
      const outcome = main.querySelector<HTMLElement>('#rc-outcome')!;
      const once = singleFlight();

      const render = (data: CorrectionList) => {
        box.innerHTML = (
          data.corrections.length === 0
            ? emptyState(
                `${data.year}년 요율표(버전 ${data.correctedVersion})의 정정에 영향을 받은 결정된 사업비 신청이 없습니다.`,
                '요율표가 정정되면 그 전 버전으로 결정된 신청이 여기에 보입니다.',
              )
            : html`<p class="app-count" id="rc-count">${data.year}년 요율표 버전 ${data.correctedVersion}으로 다시 계산한 결정된 사업비 신청 <strong>${data.corrections.length}</strong>건</p>
<div class="app-form-actions">${button({ label: '엑셀 내려받기', variant: 'secondary', data: { action: 'rc-export' } })}</div>
<h2 class="app-section-title">수행기관별 차액</h2>
${dataTable({
  id: 'rc-agencies',
  caption: '수행기관별 요율 정정 차액 (정정 합계 − 결정 합계)',
  columns: [
    { header: '수행기관', cell: (a: CorrectionList['agencies'][number]) => a.agencyName, rowHeader: true },
    { header: '신청 건수', cell: (a) => `${a.claims}건` },
    ...differenceColumns((a: CorrectionList['agencies'][number]) => a.difference),
  ],
  rows: data.agencies,
})}
<h2 class="app-section-title">사업비 신청별 차액</h2>
${dataTable({
  id: 'rc-claims',
  caption: '사업비 신청별 요율 정정 차액과 정산 반영',
  columns: [
    { header: '수행기관', cell: (c: ClaimCorrectionView) => c.agencyName, rowHeader: true },
    { header: '수행년월', cell: (c) => c.month },
    { header: '사용한 버전', cell: (c) => `버전 ${c.usedVersion}` },
    { header: '결정 합계', cell: (c) => won(c.before.total) },
    { header: '정정 합계', cell: (c) => won(c.after.total) },
    { header: '합계 차액', cell: (c) => signed(c.difference.total) },
    { header: '정산 반영', cell: (c) => carriedCell(c, canCarry, data.corrections.indexOf(c)) },
  ],
  rows: data.corrections,
})}
<h2 class="app-section-title">근로지원인별 차액</h2>
${data.corrections.map((c, i) =>
  dataTable({
    id: `rc-assistants-${i}`,
    caption: `${c.agencyName} ${c.month} 근로지원인별 차액`,
    columns: [
      { header: '근로지원인', cell: (a: ClaimCorrectionView['assistants'][number]) => a.name, rowHeader: true },
      { header: '결정 합계', cell: (a) => won(a.before.total) },
      { header: '정정 합계', cell: (a) => won(a.after.total) },
      ...differenceColumns((a: ClaimCorrectionView['assistants'][number]) => a.difference),
    ],
    rows: c.assistants,
  }),
)}`
        ).value;
      };

      const load = async () => {
        const data = await loadSection<CorrectionList>(ctx, box, {
          path: '/rate-corrections',
          query,
          loading: '요율 정정 차액을 계산하는 중입니다…',
          failure: '요율 정정 차액을 불러오지 못했습니다.',
          retry: 'retry-rc',
        });
        if (!data) return;
        list = data;
        render(data);
        ctx.announce(`영향을 받은 사업비 신청 ${data.corrections.length}건`);
      };

      main.addEventListener('click', (event) => {
        const carry = (event.target as Element | null)?.closest?.<HTMLElement>('[data-action="carry"]');
        if (!carry || !list) return;
        const correction = list.corrections[Number(carry.dataset.index)];
        if (!correction) return;
        void once(async () => {
          const result = await apiPost<ClaimCorrectionView>(
            `/rate-corrections/${encodeURIComponent(correction.claimId)}/carry`,
            { correctedVersion: correction.correctedVersion },
            { signal: ctx.signal },
          );
          if (!result.ok) {
            outcome.innerHTML = notice('danger', result.problem.message).value;
            return;
          }
          list!.corrections[list!.corrections.indexOf(correction)] = result.data;
          render(list!);
          showOutcome(
            outcome,
            `${correction.agencyName} ${correction.month}의 차액 ${signed(correction.difference.total)}을 다음 사업비 정산에 반영합니다.`,
          );
        });
      });
      onAction(main, 'rc-export', () =>
        once(() =>
          downloadInto(
            outcome,
            '/rate-corrections/export',
            query,
            ctx.signal,
            (fileName) => `요율 정정 차액을 엑셀 파일(${fileName})로 내려받았습니다.`,
          ),
        ),
      );
      onAction(main, 'retry-rc', load);
      void load();
    },
  };
}
