import type { AssistantView } from '#functions/assistants/registry-contract';
import { monthInWords } from '#kernel/korea-time';
import { scopedViewPage } from '../components/scoped-view.ts';
import { dataTable, emptyState } from '../components/table.ts';
import { html } from '../core/html.ts';
import { assistantListColumns } from './registry-pages.ts';

// 근로지원인 등록 of the internal system (seed 000), read only: the agency's register list for every
// agency in the branch's (hq: every branch's) scope, with a 수행기관 column; a month keeps those
// employed some day of it. Registering and editing stay with the agency.

export const INTERNAL_ASSISTANTS_PATH = '/internal/assistants';

const columns = assistantListColumns({ internal: true });

export const internalAssistantsPage = scopedViewPage<{ items: AssistantView[]; count: number }>({
  prefix: 'ia',
  title: '근로지원인 등록',
  lead: '관할 수행기관에 등록된 근로지원인을 수행기관과 월로 봅니다. 등록과 수정은 수행기관이 합니다.',
  path: '/assistants',
  period: { kind: 'month', label: '기준월', optional: true },
  noun: '근로지원인 목록',
  render: (data, filters) => ({
    content: data.items.length
      ? html`<p class="app-count" id="ia-count">${filters.period ? `${monthInWords(filters.period)} 재직 ` : ''}근로지원인 <strong>${data.count}</strong>명</p>${dataTable({ id: 'ia-table', caption: '수행기관별 근로지원인 목록', columns, rows: data.items })}`
      : emptyState('조건에 맞는 근로지원인이 없습니다.', '다른 달이나 다른 수행기관을 골라 보세요.'),
    announce: `근로지원인 ${data.count}명을 불러왔습니다.`,
  }),
});
