import ExcelJS from 'exceljs';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatWon } from '#functions/payroll/rules';
import { demoMonths } from '#local/demo-activity';
import type { Json } from '../support/api.ts';
import { checkedCallApi } from '../support/contract.ts';
import { signInThroughApi } from '../support/session.ts';
import { startStack, type TestStack } from '../support/stack.ts';

// Payroll (SPEC D2) end to end on the local stack: 한빛's demo items and last month's computed payroll,
// item settings with their Korean refusals and the revision race, computing again with the adjustments
// kept, an adjustment with its reason and an entered income tax in exact won, the payroll following the
// claim's own figures once the claim is computed (time pay = the claim's pay A), the Excel file, and
// the assistant's pay slip as a Korean PDF — only their own.

let stack: TestStack;
const tokens: Record<string, string> = {};
const { previous } = demoMonths();

const api = (as: string, method: string, path: string, body?: unknown) =>
  checkedCallApi(stack, tokens[as], method, path, body);

const hanbitRecord = `AG-HANBIT_${previous}_AS-DEMO-01`;

beforeAll(async () => {
  stack = await startStack();
  for (const username of ['agency_hanbit', 'agency_neulbom', 'seoul_branch', 'assistant01', 'assistant02']) {
    tokens[username] = await signInThroughApi(stack, username);
  }
}, 240_000);

afterAll(async () => {
  await stack?.stop();
});

describe('payroll on the local stack', () => {
  it('shows the demo month as seed 000’s 급여 목록 with 한빛’s own item names', async () => {
    const { status, body } = await api('agency_hanbit', 'GET', `/organisations/AG-HANBIT/payroll?month=${previous}`);
    expect(status).toBe(200);
    expect(body.count).toBeGreaterThan(0);
    const headers = body.table.columns.map((c: Json) => c.header);
    expect(headers.slice(0, 4)).toEqual(['급여연월', '근로지원인명', '생년월일', '입사일']);
    expect(headers).toEqual(expect.arrayContaining(['기본급', '식대(비과세)', '국민연금', '경조회비', '실지급액']));
    for (const row of body.table.rows) {
      expect(row.birthDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(row.netPay).toBe(row.grossPay - row.totalDeductions);
    }
    expect(body.table.totals.netPay).toBe(body.table.rows.reduce((s: number, r: Json) => s + r.netPay, 0));
    // the branch of 한빛 reads it too
    expect((await api('seoul_branch', 'GET', `/organisations/AG-HANBIT/payroll?month=${previous}`)).status).toBe(200);
  });

  it('refuses item settings that leave paid time unpaid, and a save over someone else’s', async () => {
    const current = (await api('agency_hanbit', 'GET', '/organisations/AG-HANBIT/payroll-settings')).body;
    expect(current.revision).toBe(1);
    const withoutTraining = current.payItems.filter((i: Json) => i.name !== '교육수당');
    const refused = await api('agency_hanbit', 'PUT', '/organisations/AG-HANBIT/payroll-settings', {
      ...current,
      payItems: withoutTraining,
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error.fields.map((f: Json) => f.message).join(' ')).toContain('교육 시간');
    const stale = await api('agency_hanbit', 'PUT', '/organisations/AG-HANBIT/payroll-settings', {
      ...current,
      revision: 0,
    });
    expect(stale.status).toBe(409);
    const saved = await api('agency_hanbit', 'PUT', '/organisations/AG-HANBIT/payroll-settings', {
      ...current,
      payItems: [...current.payItems, { name: '자격수당', kind: 'fixed', amount: 20_000 }],
    });
    expect(saved.status).toBe(200);
    expect(saved.body.revision).toBe(2);
  });

  it('adjusts an item with a reason and takes an entered income tax, in exact won; computing again keeps both', async () => {
    const before = (await api('agency_hanbit', 'GET', `/payroll/${hanbitRecord}`)).body;
    expect(before.status).toBe('computed');
    const basePay = before.slip.payLines.find((l: Json) => l.name === '기본급');
    const noReason = await api('agency_hanbit', 'POST', `/payroll/${hanbitRecord}/items`, {
      list: 'pay',
      index: 0,
      adjustment: { amount: 12_345, reason: '' },
      revision: before.revision,
    });
    expect(noReason.status).toBe(422);
    expect(noReason.body.error.fields[0].message).toContain('조정 사유');

    const adjusted = await api('agency_hanbit', 'POST', `/payroll/${hanbitRecord}/items`, {
      list: 'pay',
      index: 0,
      adjustment: { amount: 12_345, reason: '지난달 누락 1시간 소급' },
      revision: before.revision,
    });
    expect(adjusted.status).toBe(200);
    const line = adjusted.body.slip.payLines[0];
    expect(line).toMatchObject({ computed: basePay.computed, amount: basePay.computed + 12_345 });
    expect(line.adjustment).toEqual({ amount: 12_345, reason: '지난달 누락 1시간 소급' });
    expect(adjusted.body.slip.grossPay).toBe(before.slip.grossPay + 12_345);

    const taxIndex = adjusted.body.items.deductionItems.findIndex((i: Json) => i.kind === 'incomeTax');
    const taxed = await api('agency_hanbit', 'POST', `/payroll/${hanbitRecord}/items`, {
      list: 'deduction',
      index: taxIndex,
      amount: 12_345,
      revision: adjusted.body.revision,
    });
    expect(taxed.status).toBe(200);
    const local = taxed.body.slip.deductionLines.find((l: Json) => l.kind === 'localIncomeTax');
    expect(local.amount).toBe(1_230); // 10% of 12,345 = 1,234.5 → 1,230 (10 won truncated)
    expect(taxed.body.slip.netPay).toBe(taxed.body.slip.grossPay - taxed.body.slip.totalDeductions);

    // a stale revision loses
    const stale = await api('agency_hanbit', 'POST', `/payroll/${hanbitRecord}/items`, {
      list: 'pay',
      index: 0,
      adjustment: null,
      revision: before.revision,
    });
    expect(stale.status).toBe(409);

    const again = await api('agency_hanbit', 'POST', '/organisations/AG-HANBIT/payroll', { month: previous });
    expect(again.status).toBe(201);
    expect(again.body.source).toBe('activityLogs');
    const after = (await api('agency_hanbit', 'GET', `/payroll/${hanbitRecord}`)).body;
    expect(after.slip.payLines[0].adjustment.reason).toBe('지난달 누락 1시간 소급');
    expect(after.slip.deductionLines.find((l: Json) => l.kind === 'incomeTax').amount).toBe(12_345);
    // the item added in the settings is there now
    expect(after.slip.payLines.find((l: Json) => l.name === '자격수당').amount).toBe(20_000);
    expect(after.history.map((h: Json) => h.action)).toEqual(['compute', 'issue', 'adjust', 'amount', 'recompute']);
  });

  it('follows the claim’s own figures once the month’s claim is computed: time pay equals the claim’s pay A', async () => {
    const started = await api('agency_neulbom', 'POST', '/claims', { agencyId: 'AG-NEULBOM', month: previous });
    expect([200, 201]).toContain(started.status);
    const deadline = performance.now() + 30_000;
    let claim: Json;
    for (;;) {
      claim = (await api('agency_neulbom', 'GET', `/claims/AG-NEULBOM_${previous}`)).body;
      if (claim.computeRevision > 0 && claim.status !== 'computing') break;
      if (performance.now() > deadline) throw new Error(`claim stayed ${claim.status}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const computed = await api('agency_neulbom', 'POST', '/organisations/AG-NEULBOM/payroll', { month: previous });
    expect(computed.status).toBe(201);
    expect(computed.body.source).toBe('claim');
    for (const line of claim.assistants) {
      const record = (await api('agency_neulbom', 'GET', `/payroll/AG-NEULBOM_${previous}_${line.id}`)).body;
      expect(record.source).toBe('claim');
      const timePay = record.slip.payLines
        .filter((l: Json) => l.kind === 'time')
        .reduce((s: number, l: Json) => s + l.amount, 0);
      expect(timePay).toBe(line.result.amounts.pay);
    }
  });

  it('downloads the month as an Excel file with the list’s columns', async () => {
    const { status, body } = await api(
      'agency_hanbit',
      'GET',
      `/organisations/AG-HANBIT/payroll/export?month=${previous}`,
    );
    expect(status).toBe(200);
    expect(body.fileName).toMatch(new RegExp(`^급여목록_.+_${previous}\\.xlsx$`));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(body.base64, 'base64') as never);
    const sheet = workbook.worksheets[0]!;
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(headers.slice(0, 4)).toEqual(['급여연월', '근로지원인명', '생년월일', '입사일']);
    expect(headers.slice(-2)).toEqual(['실지급액', '명세서']);
    expect(sheet.getRow(sheet.rowCount).getCell(1).value).toBe('합계');

    // the rows picked on the screen (선택): only they, and the totals are theirs
    const picked = await api('agency_hanbit', 'POST', '/organisations/AG-HANBIT/payroll/export', {
      month: previous,
      payrollIds: [hanbitRecord],
    });
    expect(picked.status).toBe(200);
    expect(picked.body.fileName).toMatch(new RegExp(`^급여목록_.+_${previous}_선택1건\\.xlsx$`));
    const one = new ExcelJS.Workbook();
    await one.xlsx.load(Buffer.from(picked.body.base64, 'base64') as never);
    expect(one.worksheets[0]!.rowCount).toBe(3); // header, the one row, 합계
    const bad = await api('agency_hanbit', 'POST', '/organisations/AG-HANBIT/payroll/export', {
      month: previous,
      payrollIds: [],
    });
    expect(bad.status).toBe(422);
  });

  it('gives the assistant the slip as issued, and the changed one once issued again', async () => {
    // the demo issued last month before the adjustments above: the assistant still has that slip
    const record = (await api('agency_hanbit', 'GET', `/payroll/${hanbitRecord}`)).body;
    expect(record.issue).toBe('changed');
    const before = (await api('assistant01', 'GET', '/me/pay-slips')).body.slips.find(
      (s: Json) => s.month === previous,
    );
    expect(before.payrollId).toBe(hanbitRecord);
    expect(before.netPay).not.toBe(record.slip.netPay);

    const issued = await api('agency_hanbit', 'POST', '/organisations/AG-HANBIT/payroll/issue', { month: previous });
    expect(issued.status).toBe(200);
    expect(issued.body.issued).toBeGreaterThan(0);
    const again = await api('agency_hanbit', 'POST', '/organisations/AG-HANBIT/payroll/issue', { month: previous });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain('이미 모두 지금 내용으로 발급했습니다');
    expect((await api('agency_hanbit', 'GET', `/payroll/${hanbitRecord}`)).body.issue).toBe('issued');
    const outbox = await (await fetch(`${stack.baseUrl}/local/outbox.json?to=assistant01`)).json();
    expect(outbox.items.some((m: Json) => m.source === 'payroll' && m.text.includes('급여명세서를 발급했습니다'))).toBe(
      true,
    );
    const slip = (await api('assistant01', 'GET', '/me/pay-slips')).body.slips.find((s: Json) => s.month === previous);
    expect(slip.netPay).toBe(record.slip.netPay);
  });

  it('gives the assistant their own pay slip as a Korean PDF, and nobody else’s', async () => {
    const record = (await api('agency_hanbit', 'GET', `/payroll/${hanbitRecord}`)).body;

    const pdf = await api('assistant01', 'GET', `/me/pay-slips/${hanbitRecord}`);
    expect(pdf.status).toBe(200);
    expect(pdf.body.contentType).toBe('application/pdf');
    const document = await getDocumentProxy(new Uint8Array(Buffer.from(pdf.body.base64, 'base64')));
    const { text } = await extractText(document, { mergePages: true });
    expect(text).toContain(`${Number(previous.slice(0, 4))}년 ${Number(previous.slice(5))}월 급여명세서`);
    expect(text).toContain(`실지급액 ${formatWon(record.slip.netPay)}원`);
    expect(text).toContain('지난달 누락 1시간 소급');

    // another assistant's slip: refused before anything of it is read
    expect((await api('assistant02', 'GET', `/me/pay-slips/${hanbitRecord}`)).status).toBe(403);
    expect(
      (await api('assistant02', 'GET', '/me/pay-slips')).body.slips.every((s: Json) => s.payrollId !== hanbitRecord),
    ).toBe(true);
  });
});
