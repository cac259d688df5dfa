import { monthInWords } from '#kernel/korea-time';
import { button } from '../components/button.ts';
import { type Column, dataTable, emptyState } from '../components/table.ts';
import { apiGet } from '../core/api.ts';
import { koreanDateTime } from '../core/dates.ts';
import { html, type Renderable, type SafeHtml } from '../core/html.ts';
import type { PageContext } from '../shell/app.ts';
import { type LogDocument, type MonthRow, type Round, roundStateText } from './model.ts';

// Pieces the activity screens share: the month table with seed 000's columns, the consent record,
// and the PDF print action.

/** The seed's columns (순번 … 근로자 동의여부), plus one for what the viewer may do with the row. */
export function monthColumns(action?: (row: MonthRow) => Renderable): Column<MonthRow>[] {
  const columns: Column<MonthRow>[] = [
    { header: '순번', cell: (r) => r.seq, width: 'narrow' },
    { header: '활동일자', cell: (r) => r.date, rowHeader: true, width: 'medium' },
    { header: '활동시간', cell: (r) => r.time, width: 'medium' },
    { header: '근태', cell: (r) => r.attendance },
    { header: '활동내용', cell: (r) => r.content || '-' },
    { header: '기타 활동내용', cell: (r) => r.otherContent || '-', width: 'wide' },
    { header: '특이사항 등록여부', cell: (r) => r.specialNotes },
    { header: '근로자 동의여부', cell: (r) => r.consent },
  ];
  if (action) columns.push({ header: '관리', cell: action });
  return columns;
}

export function monthTable(options: {
  id: string;
  caption: Renderable;
  rows: readonly MonthRow[];
  action?: (row: MonthRow) => Renderable;
}): SafeHtml {
  if (!options.rows.length)
    return emptyState('조회된 활동 내역이 없습니다.', '‘활동내역 등록’으로 활동한 날을 등록해 주세요.');
  return dataTable({
    id: options.id,
    caption: options.caption,
    columns: monthColumns(options.action),
    rows: options.rows,
  });
}

/** Every consent round of a month, oldest first: how each ended, and the digest of what was signed. */
export function roundsTable(options: {
  id: string;
  rounds: readonly Round[];
  action?: (round: Round) => Renderable;
}): SafeHtml {
  if (!options.rounds.length) return html`<p class="app-muted">아직 근로자에게 동의를 요청하지 않았습니다.</p>`;
  const columns: Column<Round>[] = [
    { header: '요청 일시', cell: (r) => koreanDateTime(r.requestedAt), rowHeader: true, width: 'medium' },
    {
      header: '구분',
      cell: (r) => html`${r.kindLabel}${r.reason ? html`<br><span class="app-muted">사유: ${r.reason}</span>` : ''}`,
    },
    { header: '건수', cell: (r) => `${r.entryCount}건`, width: 'narrow' },
    { header: '상태', cell: (r) => roundStateText(r) },
    {
      header: '서명',
      cell: (r) =>
        r.status === 'signed' && r.signedAt
          ? html`${koreanDateTime(r.signedAt)}${r.typedName ? html`<br>서명 이름: ${r.typedName}` : ''}${
              r.method === 'paper' ? html`<br>본인 확인: 근로지원인 확인함` : ''
            }`
          : '-',
    },
  ];
  if (options.action) columns.push({ header: '관리', cell: options.action });
  return dataTable({ id: options.id, caption: '전자서명 동의 기록', columns, rows: options.rounds });
}

/** The print button and the place where its download link appears. */
export function printAction(id: string): SafeHtml {
  return html`${button({ label: '활동일지 출력(PDF)', variant: 'secondary', data: { action: 'print', print: id } })}`;
}

export function printSlot(id: string): SafeHtml {
  return html`<div class="app-actions" id="${id}" role="status"></div>`;
}

/**
 * Asks the server for the month's PDF and shows its download link (valid five minutes). The link is
 * shown rather than opened, so keyboard and screen-reader users know where it went.
 */
export async function printMonth(
  ctx: PageContext,
  slot: HTMLElement,
  query: Record<string, string>,
): Promise<(LogDocument & { pendingDigest?: string }) | undefined> {
  slot.innerHTML = html`<p>활동일지 PDF를 만드는 중입니다…</p>`.value;
  const result = await apiGet<LogDocument & { pendingDigest?: string }>('/activity-log-documents', query, {
    signal: ctx.signal,
  });
  if (!result.ok) {
    slot.innerHTML = html`<div class="app-notice app-notice-danger"><p>${result.problem.message}</p></div>`.value;
    ctx.announce(result.problem.message);
    return undefined;
  }
  slot.innerHTML =
    html`<p><a class="krds-btn tertiary medium" href="${result.data.url}" download="${result.data.fileName}" id="${slot.id}-link">${monthInWords(query.month ?? '')} 활동일지 PDF 내려받기</a></p>
<p class="app-muted">내려받기 주소는 5분 동안 쓸 수 있습니다.</p>`.value;
  ctx.announce(`${monthInWords(query.month ?? '')} 활동일지 PDF가 준비되었습니다. 내려받기 링크를 눌러 주세요.`);
  slot.querySelector<HTMLElement>('a')?.focus();
  return result.data;
}
