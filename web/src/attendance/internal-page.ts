import type { ComparisonOverview } from '#functions/attendance/overview-contract';
import { monthInWords } from '#kernel/korea-time';
import { scopedViewPage } from '../components/scoped-view.ts';
import { dataTable, emptyState } from '../components/table.ts';
import { koreanDateTime } from '../core/dates.ts';
import { html } from '../core/html.ts';
import { dayTable } from './day-table.ts';

// 근무이력 비교 of the internal system (seed 000): each agency in scope with where its month stands
// (findings, what still blocks, submitted or not), then the agency's own day table with a 수행기관
// column, read only: the agency corrects or justifies, the branch looks.

export const INTERNAL_COMPARISON_PATH = '/internal/attendance-comparison';

export const internalComparisonPage = scopedViewPage<ComparisonOverview>({
  prefix: 'ic',
  title: '근무이력 비교',
  lead: '관할 수행기관의 출퇴근 기록과 활동일지를 비교한 결과를 수행기관과 월로 봅니다. 소명과 정정은 수행기관이 합니다.',
  path: '/attendance-comparison-overview',
  period: { kind: 'month', label: '년월' },
  noun: '근무이력 비교',
  render: (data, filters) => ({
    content: data.agencies.length
      ? html`${dataTable({
          id: 'ic-agencies',
          caption: `${monthInWords(filters.period)} 수행기관별 비교 현황`,
          columns: [
            { header: '수행기관', cell: (a) => a.agencyName, rowHeader: true, width: 'medium' },
            { header: '출퇴근 자료', cell: (a) => (a.currentImportId ? '올림' : '없음'), width: 'narrow' },
            { header: '확인 항목', cell: (a) => `${a.summary.findings}건`, width: 'narrow' },
            { header: '조치 필요', cell: (a) => `${a.summary.blockingOpen}건`, width: 'narrow' },
            { header: '소명함', cell: (a) => `${a.summary.justified}건`, width: 'narrow' },
            { header: '참고', cell: (a) => `${a.summary.notBlocking}건`, width: 'narrow' },
            {
              header: '월 제출',
              cell: (a) => (a.submission ? `제출함 (${koreanDateTime(a.submission.submittedAt)})` : '제출 전'),
            },
          ],
          rows: data.agencies,
        })}
${
  data.rows.length
    ? dayTable(data.rows, data.month, { id: 'ic-days', readOnly: true, agencyColumn: true })
    : emptyState(
        `${monthInWords(filters.period)}에 비교할 기록이 없습니다.`,
        '다른 달이나 다른 수행기관을 골라 보세요.',
      )
}`
      : emptyState('조건에 맞는 수행기관이 없습니다.', '다른 관할지사나 수행기관을 골라 보세요.'),
    announce: `수행기관 ${data.agencies.length}곳, 비교한 날 ${data.rows.length}건을 불러왔습니다.`,
  }),
});
