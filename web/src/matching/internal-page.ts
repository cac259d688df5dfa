import type { Matching } from '#functions/matching/contract';
import { monthInWords } from '#kernel/korea-time';
import { scopedViewPage } from '../components/scoped-view.ts';
import { dataTable, emptyState } from '../components/table.ts';
import { html } from '../core/html.ts';
import { matchingColumns } from './matching-pages.ts';

// 매칭 관리 of the internal system (seed 000): the agency's matchings table, read only, for every
// agency in the branch's (hq: every branch's) scope, with a 수행기관 column; a month keeps the
// matchings in force some day of it.

export const INTERNAL_MATCHINGS_PATH = '/internal/matchings';

const columns = matchingColumns({ readOnly: true });

export const internalMatchingsPage = scopedViewPage<{ items: Matching[]; count: number }>({
  prefix: 'im',
  title: '매칭 관리',
  lead: '관할 수행기관의 근로자·근로지원인 매칭을 수행기관과 월로 봅니다. 월을 고르면 그 달에 지원한 매칭만 보입니다.',
  path: '/matchings',
  period: { kind: 'month', label: '지원월', optional: true },
  noun: '매칭 목록',
  render: (data, filters) => ({
    content: data.items.length
      ? html`<p class="app-count" id="im-count">${filters.period ? `${monthInWords(filters.period)}: ` : ''}매칭 <strong>${data.count}</strong>건</p>${dataTable({ id: 'im-table', caption: '수행기관별 매칭 목록', columns, rows: data.items })}`
      : emptyState('조건에 맞는 매칭이 없습니다.', '다른 달이나 다른 수행기관을 골라 보세요.'),
    announce: `매칭 ${data.count}건을 불러왔습니다.`,
  }),
});
