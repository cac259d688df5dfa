// The pay slip PDF (Korean text that can be found and read) and the 급여 목록 workbook (the list's
// columns, won as numbers, a 합계 row).

import ExcelJS from 'exceljs';
import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { computeRecord, defaultSettings, listTable, mergeItems } from '#functions/payroll/month';
import { paySlipPdf } from '#functions/payroll/pay-slip';
import { payrollWorkbook } from '#functions/payroll/payroll-export';
import { EMPLOYEE_INSURANCE_2026 } from '#functions/payroll/rules';

const minutes = {
  byRatio: { '1': 4800, '2': 600 },
  weeklyHoliday: 960,
  paidLeave: 0,
  holiday: 480,
  officialLeave: 0,
  training: 0,
};
const items = mergeItems(defaultSettings(), undefined);
items.payItems[0]!.adjustment = { amount: 20_000, reason: '10월 추가 근무 소급' };
const slip = computeRecord({
  month: '2026-10',
  hourlyWage: 10320,
  minutes,
  payItems: items.payItems,
  deductionItems: items.deductionItems,
  rates: EMPLOYEE_INSURANCE_2026,
}).slip!;

describe('pay slip PDF', () => {
  it('says in Korean whose month it is, each line, the adjustment with its reason and the net pay', async () => {
    const pdf = await paySlipPdf({
      agencyName: '한빛근로지원센터',
      assistantName: '김민준',
      birthDate: '1988-04-12',
      hireDate: '2025-01-02',
      generatedAt: '2026-11-05T01:00:00.000Z',
      slip,
    });
    const { text } = await extractText(await getDocumentProxy(pdf), { mergePages: true });
    expect(text).toContain('2026년 10월 급여명세서');
    expect(text).toContain('성명 김민준');
    expect(text).toContain('기본급(서비스) 948,800원'); // 90 h × 10,320 = 928,800, + 20,000
    expect(text).toContain('10월 추가 근무 소급');
    expect(slip.netPay).toBe(slip.grossPay - slip.totalDeductions);
    expect(text).toContain(`실지급액 ${slip.netPay.toLocaleString('ko-KR')}원`);
  });
});

describe('급여 목록 workbook', () => {
  it('has the list’s columns, the won as numbers and a 합계 row', async () => {
    const table = listTable([
      {
        payrollId: 'A',
        month: '2026-10',
        assistantName: '김민준',
        birthDate: '1988-04-12',
        status: 'computed',
        minutes,
        slip,
      },
      { payrollId: 'B', month: '2026-10', assistantName: '이서연', status: 'problem', minutes },
    ]);
    const file = await payrollWorkbook({ agencyName: '한빛근로지원센터', month: '2026-10', table });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file as never);
    const sheet = workbook.worksheets[0]!;
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(headers).toEqual(table.columns.map((c) => c.header));
    const net = headers.indexOf('실지급액') + 1;
    expect(sheet.getRow(2).getCell(net).value).toBe(slip.netPay);
    expect(sheet.getRow(3).getCell(net).value).toBe('계산 안 됨');
    expect(sheet.getRow(4).getCell(1).value).toBe('합계');
    expect(sheet.getRow(4).getCell(net).value).toBe(slip.netPay);
  });
});
