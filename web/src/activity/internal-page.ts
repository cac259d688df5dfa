import type { LogsOverview } from '#functions/activity/overview-contract';
import { monthInWords } from '#kernel/korea-time';
import { scopedViewPage } from '../components/scoped-view.ts';
import { type Column, dataTable, emptyState } from '../components/table.ts';
import { html } from '../core/html.ts';
import type { MonthRow } from './model.ts';
import { monthColumns } from './views.ts';

// 활동일지 관리 of the internal system (seed 000): the agency's month table, read only, for every
// agency in the branch's (hq: every branch's) scope, with 수행기관, 근로지원인 and 근로자 in front.

export const INTERNAL_LOGS_PATH = '/internal/activity-logs';

type Line = { log: LogsOverview['logs'][number]; row: MonthRow };

const columns: Column<Line>[] = [
  { header: '수행기관', cell: ({ log }) => log.agencyName, width: 'medium' },
  { header: '근로지원인', cell: ({ log }) => log.assistantName, width: 'narrow' },
  { header: '근로자', cell: ({ log }) => log.workerName, width: 'narrow' },
  ...monthColumns().map((c): Column<Line> => ({ ...c, cell: ({ row }) => c.cell(row) })),
];

export const internalActivityLogsPage = scopedViewPage<LogsOverview>({
  prefix: 'il',
  title: '활동일지 관리',
  lead: '관할 수행기관의 근로지원인이 쓴 활동일지를 수행기관과 월로 찾아봅니다. 이 화면에서는 보기만 합니다.',
  path: '/activity-log-overview',
  period: { kind: 'month', label: '활동년월' },
  noun: '활동일지',
  render: (data, filters) => {
    const lines = data.logs.flatMap((log) => log.rows.map((row) => ({ log, row })));
    return {
      content: lines.length
        ? html`<p class="app-count" id="il-count">${monthInWords(filters.period)}: 근로지원인·근로자 <strong>${data.logs.length}</strong>쌍, 활동 <strong>${lines.length}</strong>건</p>${dataTable({ id: 'il-table', caption: `${monthInWords(filters.period)} 수행기관별 활동일지`, columns, rows: lines })}`
        : emptyState(
            `${monthInWords(filters.period)}에 등록된 활동일지가 없습니다.`,
            '다른 달이나 다른 수행기관을 골라 보세요.',
          ),
      announce: `활동일지 ${data.logs.length}쌍을 불러왔습니다.`,
    };
  },
});
