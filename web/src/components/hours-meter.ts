import { html, type SafeHtml } from '../core/html.ts';
import { dataTable } from './table.ts';

// The remaining-hours meter (issue 15 §5) as every screen shows it: each worker's decided monthly
// hours against the hours used so far, with a <meter> bar and the remaining time in words. The
// figures come from the capability's contract; `minutes` formats them (its rules' hoursText).

export interface MeterRow {
  workerName: string;
  decidedMinutes?: number;
  usedMinutes: number;
  remainingMinutes?: number;
  over: boolean;
}

function gauge(row: MeterRow, minutes: (m: number) => string): SafeHtml {
  if (row.decidedMinutes === undefined) return html`<span>결정 시간 없음</span>`;
  const text = row.over
    ? `결정 시간을 ${minutes(-row.remainingMinutes!)} 넘었습니다`
    : `${minutes(row.remainingMinutes!)} 남음`;
  const high = Math.round(row.decidedMinutes * 0.9);
  return html`<meter min="0" max="${String(row.decidedMinutes)}" high="${String(high)}" optimum="0" value="${String(Math.min(row.usedMinutes, row.decidedMinutes))}" aria-label="${row.workerName} 사용 시간 ${minutes(row.usedMinutes)} / 결정 시간 ${minutes(row.decidedMinutes)}"></meter>
<strong>${text}</strong>`;
}

export function hoursMeterTable(options: {
  id: string;
  caption: string;
  rows: readonly MeterRow[];
  minutes: (m: number) => string;
  /** the worker's own meter on My page names nobody */
  withName?: boolean;
}): SafeHtml {
  const { minutes } = options;
  return dataTable({
    id: options.id,
    caption: options.caption,
    columns: [
      ...(options.withName === false
        ? []
        : [{ header: '근로자', rowHeader: true, cell: (r: MeterRow) => r.workerName }]),
      { header: '월 결정 시간', cell: (r) => (r.decidedMinutes === undefined ? '-' : minutes(r.decidedMinutes)) },
      { header: '사용 시간', cell: (r) => minutes(r.usedMinutes) },
      { header: '남은 시간', cell: (r) => gauge(r, minutes) },
    ],
    rows: options.rows,
  });
}
