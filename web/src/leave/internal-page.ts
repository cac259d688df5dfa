import type { LeaveOverview } from '#functions/leave/overview-contract';
import { scopedViewPage } from '../components/scoped-view.ts';
import { emptyState } from '../components/table.ts';
import { html } from '../core/html.ts';
import { leaveListTable } from './list-table.ts';

// 연차 관리 of the internal system (seed 000): the agency's 연차관리 목록, read only, for every agency
// in the branch's (hq: every branch's) scope, with a 수행기관 column.

export const INTERNAL_LEAVE_PATH = '/internal/leave';

export const internalLeavePage = scopedViewPage<LeaveOverview>({
  prefix: 'iv',
  title: '연차 관리',
  lead: '관할 수행기관 근로지원인의 적용년도 연차 발생·사용·이월과 월별 사용을 봅니다. 사용촉진과 사유 입력은 수행기관이 합니다.',
  path: '/leave-overview',
  period: { kind: 'year', label: '적용년도' },
  noun: '연차관리 목록',
  render: (data) => ({
    content: data.rows.length
      ? html`<p class="app-count" id="iv-count">${data.year}년 재직 근로지원인 <strong>${data.rows.length}</strong>명 (${data.asOf} 기준)</p>
<div class="app-leave-scroll" tabindex="0" role="region" aria-label="연차관리 목록 표 (넓은 화면에서는 옆으로 움직여 나머지 열을 봅니다)">${leaveListTable(
          {
            id: 'iv-list',
            caption: `${data.year}년 수행기관별 연차관리 목록 (${data.rows.length}건, ${data.asOf} 기준)`,
            year: data.year,
            rows: data.rows,
            agencyColumn: true,
          },
        )}</div>`
      : emptyState(`${data.year}년에 재직한 근로지원인이 없습니다.`, '다른 적용년도나 수행기관을 골라 보세요.'),
    announce: `근로지원인 ${data.rows.length}명의 연차를 불러왔습니다.`,
  }),
});
