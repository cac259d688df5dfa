import { dataTable } from '../components/table.ts';
import { html, type SafeHtml } from '../core/html.ts';
import { AGENCY_LEAVE_PATH, amount, LEAVE_TYPES, type ListRow } from './model.ts';

// The 연차관리 목록 table (seed 000's columns without 월차, each month's use of every leave kind),
// shared by the agency's screen and the internal system's read-only view.

export const pair = (g: { accruedMinutes: number; usedMinutes: number }, daily: number) =>
  `${amount(g.accruedMinutes, daily)} / ${amount(g.usedMinutes, daily)}`;

const sum = (
  a: { accruedMinutes: number; usedMinutes: number },
  b: { accruedMinutes: number; usedMinutes: number },
) => ({
  accruedMinutes: a.accruedMinutes + b.accruedMinutes,
  usedMinutes: a.usedMinutes + b.usedMinutes,
});

/** One month of the list: each leave kind used that month (연차 without its restricted days), or -. */
function monthUse(r: ListRow, month: number): SafeHtml | string {
  const used = LEAVE_TYPES.map(({ type, label }) => ({
    label,
    minutes:
      type === 'annualLeave' ? (r.annualLeaveByMonthExcludingRestricted[month] ?? 0) : (r.byMonth[type][month] ?? 0),
  })).filter((u) => u.minutes > 0);
  if (used.length === 0) return '-';
  return html`${used.map((u) => html`<span class="app-nowrap">${u.label} ${amount(u.minutes, r.dailyMinutes)}</span> `)}`;
}

/**
 * seed 000's 연차관리 목록. The agency's screen links each name to the ledger; the internal system's
 * read-only view shows the name alone and puts each row's agency first.
 */
export function leaveListTable<Row extends ListRow & { agencyName?: string }>(options: {
  id: string;
  caption: string;
  year: number;
  rows: readonly Row[];
  agencyColumn?: boolean;
  ledgerLinks?: boolean;
}): SafeHtml {
  const months = Array.from({ length: 12 }, (_, i) => i);
  const { year } = options;
  return dataTable<Row>({
    id: options.id,
    caption: options.caption,
    columns: [
      ...(options.agencyColumn ? [{ header: '수행기관', cell: (r: Row) => r.agencyName ?? '-' }] : []),
      { header: '관리번호', cell: (r) => r.assistantId },
      {
        header: '성명',
        rowHeader: true,
        cell: (r) =>
          options.ledgerLinks
            ? html`<a href="${AGENCY_LEAVE_PATH}/${encodeURIComponent(r.assistantId)}?year=${String(year)}">${r.name}</a>`
            : r.name,
      },
      { header: '생년월일', cell: (r) => r.birthDate },
      { header: '휴대전화', cell: (r) => r.phone },
      { header: '입사일자', cell: (r) => r.hireDate },
      { header: '퇴사일자', cell: (r) => r.leaveDate ?? '-' },
      // seed 000 "월차 부분 삭제": the first year's monthly grants are 연차 too, counted in these two
      { header: '금년 연차 발생/사용', cell: (r) => pair(sum(r.annual, r.monthly), r.dailyMinutes) },
      { header: '전년이월 연차 발생/사용', cell: (r) => pair(sum(r.carriedAnnual, r.carriedMonthly), r.dailyMinutes) },
      { header: '사용일수', cell: (r) => amount(r.usedMinutes, r.dailyMinutes) },
      { header: '사용일수(사용제한 일수 제외)', cell: (r) => amount(r.usedExcludingRestrictedMinutes, r.dailyMinutes) },
      // every leave kind the activity log records, by month (seed 000: 유급휴일, 공가, 무급휴가 as well as 연차)
      ...months.map((m) => ({
        header: `${m + 1}월`,
        cell: (r: ListRow) => monthUse(r, m),
      })),
      { header: '남은 연차', cell: (r) => amount(r.balanceMinutes, r.dailyMinutes) },
      {
        header: '초과 사용 사유',
        cell: (r) => (r.usesMissingReason ? html`<strong>사유 필요 ${r.usesMissingReason}건</strong>` : '-'),
      },
      {
        header: '사용촉진',
        cell: (r) =>
          r.openNotices
            ? html`<strong>발행 가능 ${r.openNotices}건</strong>${r.issuedNotices ? ` (발행 ${r.issuedNotices}건)` : ''}`
            : r.issuedNotices
              ? `발행 ${r.issuedNotices}건`
              : '-',
      },
    ],
    rows: options.rows,
  });
}
