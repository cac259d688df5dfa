import ExcelJS from 'exceljs';
import { koreaDay } from '#kernel/korea-time';
import type { ClaimCorrectionView, CorrectionList } from './correction-contract.ts';
import { CORRECTION_AMOUNTS } from './correction-rules.ts';

// 요율 정정 차액 as an .xlsx workbook (issue 15 §6), with exceljs as claim-export.ts: the differences per
// agency, per claim and per assistant, each with the amounts before and after in the detail sheets.

type Column = [header: string, key: string, width: number];
const columnsOf = (columns: Column[]) => columns.map(([header, key, width]) => ({ header, key, width }));
const differenceColumns = (prefix = ''): Column[] =>
  CORRECTION_AMOUNTS.map((a): Column => [`${a.header} 차액`, `${prefix}${a.key}`, 13]);
const differenceCells = (amounts: Record<string, number>) =>
  Object.fromEntries(CORRECTION_AMOUNTS.map((a) => [a.key, amounts[a.key] ?? 0]));

const carriedText = (c: ClaimCorrectionView) =>
  c.carried
    ? `반영함 (${koreaDay(c.carried.carriedAt)}${c.carried.settlementId ? `, ${c.carried.settlementId}` : ''})`
    : '';

export async function correctionsWorkbook(list: CorrectionList): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '근로지원인 플랫폼';

  const agencies = workbook.addWorksheet('수행기관별 차액', { views: [{ state: 'frozen', ySplit: 1 }] });
  agencies.columns = columnsOf([['수행기관', 'agency', 20], ['신청 건수', 'claims', 10], ...differenceColumns()]);
  for (const a of list.agencies)
    agencies.addRow({ agency: a.agencyName, claims: a.claims, ...differenceCells(a.difference) });

  const claims = workbook.addWorksheet('사업비 신청별 차액', { views: [{ state: 'frozen', ySplit: 1 }] });
  claims.columns = columnsOf([
    ['수행기관', 'agency', 20],
    ['수행년월', 'month', 10],
    ['사용한 버전', 'used', 10],
    ['정정 버전', 'corrected', 10],
    ['결정 합계', 'before', 14],
    ['정정 합계', 'after', 14],
    ...differenceColumns(),
    ['정산 반영', 'carried', 24],
  ]);
  for (const c of list.corrections) {
    claims.addRow({
      agency: c.agencyName,
      month: c.month,
      used: c.usedVersion,
      corrected: c.correctedVersion,
      before: c.before.total,
      after: c.after.total,
      ...differenceCells(c.difference),
      carried: carriedText(c),
    });
  }

  const assistants = workbook.addWorksheet('근로지원인별 차액', { views: [{ state: 'frozen', ySplit: 1 }] });
  assistants.columns = columnsOf([
    ['수행기관', 'agency', 20],
    ['수행년월', 'month', 10],
    ['근로지원인', 'name', 14],
    ['결정 합계', 'before', 14],
    ['정정 합계', 'after', 14],
    ...differenceColumns(),
  ]);
  for (const c of list.corrections) {
    for (const a of c.assistants) {
      assistants.addRow({
        agency: c.agencyName,
        month: c.month,
        name: a.name,
        before: a.before.total,
        after: a.after.total,
        ...differenceCells(a.difference),
      });
    }
  }
  for (const sheet of [agencies, claims, assistants]) sheet.getRow(1).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
