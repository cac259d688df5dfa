import ExcelJS from 'exceljs';
import type { ListTable } from './month.ts';

// 급여 목록 as an .xlsx workbook: the same columns as the screen (month.ts listTable, seed 000), won as
// numbers with a thousands format so they can be summed, and a 합계 row.

export async function payrollWorkbook(input: { agencyName: string; month: string; table: ListTable }): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '근로지원인 플랫폼';
  const sheet = workbook.addWorksheet(`급여 목록 ${input.month}`, {
    views: [{ state: 'frozen', ySplit: 1, xSplit: 2 }],
  });
  sheet.columns = input.table.columns.map((c) => ({
    header: c.header,
    key: c.key,
    width: c.unit === 'text' ? 14 : Math.max(10, c.header.length * 2 + 2),
    style: c.unit === 'won' ? { numFmt: '#,##0' } : c.unit === 'hours' ? { numFmt: '0.00' } : {},
  }));
  for (const row of input.table.rows) {
    sheet.addRow(Object.fromEntries(input.table.columns.map((c) => [c.key, row[c.key] ?? '계산 안 됨'])));
  }
  const totals: Record<string, string | number> = { month: '합계', assistantName: `${input.table.rows.length}명` };
  for (const [key, value] of Object.entries(input.table.totals)) totals[key] = value;
  const last = sheet.addRow(totals);
  last.font = { bold: true };
  sheet.getRow(1).font = { bold: true };
  const about = workbook.addWorksheet('안내');
  about.columns = [
    { header: '항목', key: 'k', width: 16 },
    { header: '내용', key: 'v', width: 70 },
  ];
  about.addRows([
    { k: '수행기관', v: input.agencyName },
    { k: '급여연월', v: input.month },
    { k: '시간', v: '사업비 신청(없으면 활동일지)과 같은 계산으로 나온 시간입니다. 소수점 아래 둘째 자리까지 표시.' },
    { k: '금액', v: '원 단위. "계산 안 됨"은 항목을 고쳐야 계산되는 급여입니다.' },
  ]);
  about.getRow(1).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
