import { readFile } from 'node:fs/promises';
import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { demoMonths } from '#local/demo-activity';
import {
  expectNoAxeViolations,
  hasHorizontalScroll,
  screenshot,
  signInByKeyboard,
  unexpectedErrors,
} from '../support/browser.ts';
import { browserSuite } from '../support/browser-suite.ts';

// Payroll (D2) in the browser on the local stack: 다온's demo activity logs of last month (nobody has
// computed its payroll yet) → the agency computes the month on 급여 관리, reads the seed-000 list,
// downloads the Excel, opens assistant03's payroll and adjusts an item (told first that a reason is
// needed) → assistant03 on a phone finds the month on My page's 급여명세서 and downloads the PDF, whose
// Korean text and net pay the test reads. The item settings page too. axe on every screen.

const suite = browserSuite();

const { previous } = demoMonths();
const monthInWords = `${Number(previous.slice(0, 4))}년 ${Number(previous.slice(5, 7))}월`;
const payrollId = `AG-DAON_${previous}_AS-DEMO-03`;

describe('payroll in the browser (D2)', () => {
  it('goes from a month’s activity logs to the pay slip the assistant downloads', async () => {
    const agencyView = await suite.openPage();
    const assistantView = await suite.openPage({ viewport: 'mobile' });
    const agency = agencyView.page;
    const assistant = assistantView.page;
    await Promise.all([
      signInByKeyboard(agency, suite.stack, 'agency_daon', { system: '/agency' }),
      signInByKeyboard(assistant, suite.stack, 'assistant03'),
    ]);

    // nothing computed yet: the page says how to compute
    await agency.goto(`/agency/payroll?month=${previous}`);
    await agency.locator('main').getByText(`${monthInWords} 급여가 아직 없습니다.`).waitFor();
    await expectNoAxeViolations(agency);
    await agency.getByRole('button', { name: '급여 계산' }).click();
    await agency
      .locator('#payroll-message')
      .getByText(/급여를 활동일지 시간으로 계산했습니다/)
      .waitFor();
    const headers = await agency.locator('#payroll-table thead th').allTextContents();
    expect(headers.slice(0, 5)).toEqual(['선택', '급여연월', '근로지원인명', '생년월일', '입사일']);
    expect(headers).toEqual(expect.arrayContaining(['기본급(서비스)', '국민연금', '지방소득세', '실지급액']));
    await expectNoAxeViolations(agency);
    await screenshot(agency, 'payroll-list');

    const download = agency.waitForEvent('download');
    await agency.getByRole('button', { name: '엑셀 내려받기', exact: true }).click();
    expect((await download).suggestedFilename()).toMatch(new RegExp(`^급여목록_.+_${previous}\\.xlsx$`));

    // seed 000's 선택: the picked rows alone, in a workbook of their own (nothing picked: told so)
    await agency.getByRole('button', { name: '선택한 급여 엑셀 내려받기' }).click();
    await agency.locator('#payroll-message').getByText('하나 이상 골라 주세요').waitFor();
    const pick = agency.locator('#payroll-table').getByRole('checkbox').first();
    await pick.focus();
    await agency.keyboard.press('Space');
    expect(await pick.isChecked()).toBe(true);
    const picked = agency.waitForEvent('download');
    await agency.getByRole('button', { name: '선택한 급여 엑셀 내려받기' }).click();
    expect((await picked).suggestedFilename()).toMatch(new RegExp(`^급여목록_.+_${previous}_선택1건\\.xlsx$`));

    // one assistant's month: a reason is asked for before an adjustment is saved
    await agency.locator(`a[href="/agency/payroll/${payrollId}"]`).click();
    await agency.waitForURL(`**/agency/payroll/${payrollId}`);
    await agency.locator('#pd-pay').waitFor();
    await expectNoAxeViolations(agency);
    await agency.locator('#pr-item').selectOption({ label: '지급 · 기본급(서비스)' });
    await agency.locator('#pr-adjust-amount').fill('10000');
    await agency.getByRole('button', { name: '저장' }).click();
    await agency.locator('#error-summary').getByText('조정하려면 조정 사유를 2자 이상 적어 주세요.').waitFor();
    expect(await agency.title()).toMatch(/^오류/);
    await agency.locator('#pr-adjust-reason').fill('명절 특별근무 수당');
    await agency.getByRole('button', { name: '저장' }).click();
    await agency
      .locator('#pd-message')
      .getByText(/저장했습니다. 실지급액/)
      .waitFor();
    expect(await agency.locator('#pd-pay').textContent()).toContain('+10,000원 (사유: 명절 특별근무 수당)');
    const net = (await agency.locator('.app-payroll-net strong').textContent())!.replace('실지급액 ', '');
    await expectNoAxeViolations(agency);
    await screenshot(agency, 'payroll-detail');

    // issued: the assistants see the slips as they are now
    await agency.getByRole('link', { name: '급여 목록으로' }).click();
    await agency.locator('#payroll-table').waitFor();
    await agency.getByRole('button', { name: '급여명세서 발급' }).click();
    await agency
      .locator('#payroll-message')
      .getByText(/급여명세서를 \d+명에게 발급했습니다/)
      .waitFor();
    expect(await agency.locator('#payroll-table tbody').textContent()).not.toContain('미발급');

    // the item settings screen
    await agency.goto('/agency/payroll/settings');
    await agency.locator('#ps-form').waitFor();
    expect(await agency.locator('#ps-pay-0-name').inputValue()).toBe('기본급(서비스)');
    await expectNoAxeViolations(agency);
    await screenshot(agency, 'payroll-settings');

    // the assistant on a phone: the month on My page, and the PDF with the net pay the agency saw
    await assistant.goto('/my/pay-slips');
    await assistant.locator('#my-slips-table').waitFor();
    expect(await assistant.locator('#my-slips-table').textContent()).toContain(net);
    expect(await hasHorizontalScroll(assistant)).toBe(false);
    await expectNoAxeViolations(assistant);
    await screenshot(assistant, 'payroll-my-slips-mobile');
    const pdfDownload = assistant.waitForEvent('download');
    await assistant.getByRole('button', { name: `${monthInWords} 급여명세서 내려받기(PDF)` }).click();
    const file = await pdfDownload;
    expect(file.suggestedFilename()).toMatch(new RegExp(`^급여명세서_${previous}_.+\\.pdf$`));
    const bytes = new Uint8Array(await readFile((await file.path())!));
    const { text } = await extractText(await getDocumentProxy(bytes), { mergePages: true });
    expect(text).toContain(`${monthInWords} 급여명세서`);
    expect(text).toContain(`실지급액 ${net}`);
    expect(text).toContain('명절 특별근무 수당');

    expect(unexpectedErrors(agencyView)).toEqual([]);
    expect(unexpectedErrors(assistantView)).toEqual([]);
  }, 150_000);
});
