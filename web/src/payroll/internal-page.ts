import type { PayrollOverview } from '#functions/payroll/overview-contract';
import { monthInWords } from '#kernel/korea-time';
import { scopedViewPage } from '../components/scoped-view.ts';
import { emptyState } from '../components/table.ts';
import { html } from '../core/html.ts';
import { listTable } from './pages.ts';

// 급여 관리 of the internal system (seed 000): each agency's 급여 목록 for the month, read only, for
// every agency in the branch's (hq: every branch's) scope. Each agency names its own pay and
// deduction items, so each keeps its own table, with a 수행기관 column.

export const INTERNAL_PAYROLL_PATH = '/internal/payroll';

export const internalPayrollPage = scopedViewPage<PayrollOverview>({
  prefix: 'ip',
  title: '급여 관리',
  lead: '관할 수행기관의 급여연월별 급여 목록을 봅니다. 급여 계산과 발급은 수행기관이 합니다.',
  path: '/payroll-overview',
  period: { kind: 'month', label: '급여연월' },
  noun: '급여 목록',
  render: (data, filters) => {
    const count = data.agencies.reduce((n, a) => n + a.count, 0);
    return {
      content: data.agencies.length
        ? html`<p class="app-count" id="ip-count">${monthInWords(filters.period)}: 수행기관 <strong>${data.agencies.length}</strong>곳, 급여 <strong>${count}</strong>건</p>
${data.agencies.map(
  (agency, i) =>
    html`<section class="app-section" aria-labelledby="ip-agency-${i}"><h3 class="app-section-title" id="ip-agency-${i}">${agency.agencyName}</h3>${listTable(
      { ...agency, month: data.month },
      { id: `ip-table-${i}`, readOnly: true },
    )}</section>`,
)}`
        : emptyState(
            `${monthInWords(filters.period)} 급여가 아직 없습니다.`,
            '다른 급여연월이나 수행기관을 골라 보세요.',
          ),
      announce: `수행기관 ${data.agencies.length}곳의 급여 ${count}건을 불러왔습니다.`,
    };
  },
});
