import { monthInWords } from '#kernel/korea-time';
import { button } from '../components/button.ts';
import { textareaField } from '../components/form-field.ts';
import { dataTable } from '../components/table.ts';
import { koreanDateTime } from '../core/dates.ts';
import { html, type SafeHtml } from '../core/html.ts';
import { AGENCY_LOGS_PATH } from '../shell/paths.ts';
import { type ComparisonRow, type FindingView, findingState, spanText } from './model.ts';

// 근무 이력 비교's table (per assistant and day: the clock beside the logs, each finding in words),
// shared by the agency's screen and the internal system's read-only view.

type Indexed = { row: ComparisonRow & { agencyName?: string }; findings: { f: FindingView; n: number }[] };

function findingItem(finding: FindingView, n: number, readOnly: boolean): SafeHtml {
  const state = findingState(finding);
  return html`<li class="app-finding" data-finding-index="${n}">
  <p><strong>[${state}] ${finding.label}</strong></p>
  <p>${finding.message}</p>
  ${
    finding.justification
      ? html`<p>소명: ${finding.justification.reason} (${finding.justification.by}, ${koreanDateTime(finding.justification.at)})</p>`
      : ''
  }
  ${
    readOnly
      ? ''
      : html`<p>${finding.entryIds.map(
          (entryId, i) =>
            html`<a href="${AGENCY_LOGS_PATH}/${encodeURIComponent(entryId)}">활동일지 고치기${finding.entryIds.length > 1 ? ` ${i + 1}` : ''}<span class="sr-only"> ${finding.date} ${finding.label}</span></a> `,
        )}</p>`
  }
  ${
    finding.justification || readOnly
      ? ''
      : html`<details class="app-justify">
    <summary>소명하기<span class="sr-only"> ${finding.date} ${finding.label}</span></summary>
    <form class="app-form" novalidate data-justify="${finding.id}" aria-label="${finding.date} ${finding.label} 소명">
      ${textareaField({ id: `cf-reason-${n}`, name: 'reason', label: '소명 사유', value: '', maxLength: 500, rows: 3, required: true, hint: '활동일지를 고치지 않는 이유를 5자 이상 적어 주세요. 예: 출퇴근 앱 장애로 출근 기록이 늦게 찍힘' })}
      <div class="app-form-actions">${button({ label: '소명 저장', type: 'submit', variant: 'secondary' })}</div>
    </form>
  </details>`
  }
</li>`;
}

/**
 * The month's rows per assistant and day. The agency's screen links each finding to the log and lets
 * it be justified; the internal system's view is read only and names each row's agency.
 */
export function dayTable(
  rows: readonly (ComparisonRow & { agencyName?: string })[],
  month: string,
  options: { id?: string; readOnly?: boolean; agencyColumn?: boolean } = {},
): SafeHtml {
  const readOnly = options.readOnly ?? false;
  let n = 0;
  const indexed = rows.map((row) => ({ row, findings: row.findings.map((f) => ({ f, n: n++ })) }));
  return dataTable({
    id: options.id ?? 'cf-days',
    caption: `${monthInWords(month)} 근로지원인·날짜별 출퇴근 기록과 활동일지`,
    columns: [
      {
        header: '날짜',
        rowHeader: true,
        width: 'medium',
        cell: ({ row, findings }) => {
          const open = findings.filter(({ f }) => f.blocking && !f.justification).length;
          return html`${row.date}${open ? html`<br><strong>조치 필요 ${open}건</strong>` : ''}`;
        },
      },
      ...(options.agencyColumn
        ? [{ header: '수행기관', cell: ({ row }: Indexed) => row.agencyName ?? '-', width: 'medium' as const }]
        : []),
      { header: '근로지원인', cell: ({ row }) => row.assistantName, width: 'medium' },
      {
        header: '출퇴근 기록',
        cell: ({ row }) => (row.attendance.length ? row.attendance.map(spanText).join(', ') : '없음'),
        width: 'medium',
      },
      {
        header: '활동일지',
        cell: ({ row }) =>
          row.logs.length
            ? html`<ul>${row.logs.map((l) => html`<li>${l.start}~${l.end} ${l.attendanceLabel} (${l.workerName})</li>`)}</ul>`
            : '없음',
      },
      {
        header: '확인 사항',
        width: 'wide',
        cell: ({ findings }) =>
          findings.length ? html`<ul>${findings.map(({ f, n }) => findingItem(f, n, readOnly))}</ul>` : '일치',
      },
    ],
    rows: indexed,
  });
}
