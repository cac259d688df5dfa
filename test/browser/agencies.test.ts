import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { extractText, getDocumentProxy } from 'unpdf';
import { beforeAll, describe, expect, it } from 'vitest';
import type { OutboxEntry } from '#commons/outbox';
import { koreanBoldFont } from '#functions/agencies/fonts';
import { sealPng } from '#functions/agencies/seal-image';
import { demoAgreementYear } from '#local/demo-agencies';
import { DEMO_PASSWORD } from '#local/demo-data';
import { expectNoAxeViolations, hasHorizontalScroll, type OpenedPage, screenshot } from '../support/browser.ts';
import { browserSuite } from '../support/browser-suite.ts';

// A1–A3 in the browser on the real local stack: 경기지사 registers an organisation, 다온직업재활협회
// uploads its seal and asks for approval, the branch approves it, drafts and issues the yearly
// agreement with KEAD's seal, the agency stamps it, and both download the complete PDF, whose text
// names both parties in Korean. axe runs on every screen on the way; the detail page fits 360 px.

const suite = browserSuite();

let branch: OpenedPage;
let agency: OpenedPage;
const year = demoAgreementYear();
const agreementId = `${year}-AG-DAON-1`;

beforeAll(async () => {
  branch = await suite.openPage();
  agency = await suite.openPage();
});

async function outbox(to: string): Promise<OutboxEntry[]> {
  const response = await fetch(`${suite.stack.baseUrl}/local/outbox.json?to=${encodeURIComponent(to)}`);
  return ((await response.json()) as { items: OutboxEntry[] }).items;
}

/** The real two-step sign-in, the SMS code read from the local outbox. */
async function signIn(page: Page, username: string, loginPath: string): Promise<void> {
  const seen = new Set((await outbox(username)).map((e) => e.id));
  await page.goto(loginPath);
  await page.getByLabel('아이디', { exact: true }).fill(username);
  await page.getByLabel('비밀번호', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '로그인', exact: true }).click();
  await page.getByLabel('인증번호', { exact: true }).waitFor();
  let code: string | undefined;
  for (let i = 0; i < 100 && !code; i++) {
    code = (await outbox(username)).find((e) => !seen.has(e.id) && e.code)?.code;
    if (!code) await new Promise((r) => setTimeout(r, 100));
  }
  await page.getByLabel('인증번호', { exact: true }).fill(code!);
  await page.getByRole('button', { name: '확인', exact: true }).click();
  await page.locator('#app-session').waitFor();
}

async function pdfTextOf(path: string): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(readFileSync(path))), { mergePages: true });
  return text;
}

/** Clicks a document's download button and returns the saved file's text. */
async function downloadComplete(page: Page): Promise<string> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'PDF 내려받기 (체결본(양측 날인))' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.pdf$/);
  const path = await download.path();
  return pdfTextOf(path);
}

function pageErrors(o: OpenedPage): string[] {
  return o.errors.filter((e) => !/status of 4\d\d/.test(e));
}

describe('agencies, seals and agreements in the browser', () => {
  it('lets the branch list its agencies and register one, with Korean errors at each field', async () => {
    await signIn(branch.page, 'gyeonggi_branch', '/internal/login');
    const page = branch.page;
    await page.goto('/internal/agencies');
    await page.locator('#organisations-table').getByRole('link', { name: '다온직업재활협회' }).waitFor();
    await expectNoAxeViolations(page);

    await page.getByRole('link', { name: '기관 등록', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: '수행기관 등록' }).waitFor();
    await page.getByRole('button', { name: '기관 등록', exact: true }).click();
    const summary = page.locator('#error-summary');
    await summary.waitFor();
    await expect(summary.textContent()).resolves.toContain('기관명을 입력해 주세요.');
    await expect(page.title()).resolves.toMatch(/^오류/);
    await expectNoAxeViolations(page);

    await page.getByLabel('기관명').fill('새길근로지원센터');
    await page.getByLabel('대표자 이름').fill('하은솔');
    await page.getByLabel('지정 연도').fill(String(year));
    await page.getByLabel('시/도').selectOption('41');
    await page.getByLabel('시/군/구').selectOption('41463');
    await page.getByLabel('우편번호').fill('16950');
    await page.getByLabel('도로명주소').fill('경기도 용인시 기흥구 중부대로 1');
    await page.getByLabel('기관 대표 전화번호').fill('0312000707');
    await page.getByLabel('담당자 1 이름').fill('도하린');
    await page.getByLabel('담당자 1 연락처').fill('010-0000-0707');
    await page.getByLabel('은행명').fill('신한은행');
    await page.getByLabel('계좌번호').fill('12');
    await page.getByLabel('예금주').fill('새길근로지원센터');
    await page.getByRole('button', { name: '기관 등록', exact: true }).click();
    // the server's own message, repeated at the field
    await page.locator('#org-bank-account-error').getByText('계좌번호는 숫자와 붙임표(-)로 10~16자리').waitFor();
    await page.getByLabel('계좌번호').fill('000-0000-0000-07');
    await page.getByRole('button', { name: '기관 등록', exact: true }).click();
    await page.locator('#organisation-done').getByText('저장했습니다.').waitFor();
    await expect(page.getByLabel('기관 대표 전화번호').inputValue()).resolves.toBe('031-200-0707');
    expect(pageErrors(branch)).toEqual([]);
  });

  it('lets the agency upload its seal and ask for approval', async () => {
    await signIn(agency.page, 'agency_daon', '/agency/login');
    const page = agency.page;
    await page.goto('/agency/seal');
    await page.getByRole('heading', { level: 1, name: '직인 관리' }).waitFor();
    await page.getByText('승인된 직인이 없습니다').waitFor();
    await expectNoAxeViolations(page);
    const png = sealPng({ lines: ['다온직업', '재활협회', '대표자인'], font: koreanBoldFont() });
    await page
      .getByLabel('직인 이미지')
      .setInputFiles({ name: '다온 직인.png', mimeType: 'image/png', buffer: Buffer.from(png) });
    await page.getByRole('button', { name: '승인 요청', exact: true }).click();
    await page.locator('#seal-done').getByText('1번째 직인을 올리고 승인을 요청했습니다').waitFor();
    await page.getByText('지사의 승인을 기다리고 있습니다').waitFor();
    await expectNoAxeViolations(page);
  });

  it('lets the branch approve the seal', async () => {
    const page = branch.page;
    await page.goto('/internal/seals');
    await page.getByRole('link', { name: /검토하기.*다온직업재활협회/ }).click();
    await page.getByRole('heading', { level: 1, name: '직인 검토' }).waitFor();
    await page.getByRole('img', { name: '다온직업재활협회 직인 1번째 등록 이미지' }).first().waitFor();
    await expectNoAxeViolations(page);
    await page.locator('label', { hasText: /^\s*승인\s*$/ }).click();
    await page.getByRole('button', { name: '처리 결과 저장' }).click();
    await page.locator('#seal-done').getByText('승인했습니다. 수행기관에 알렸습니다.').waitFor();
    expect((await outbox('agency_daon')).some((m) => m.source === 'seal-approved')).toBe(true);
  });

  it('lets the branch draft the yearly agreement and issue it with KEAD’s seal', async () => {
    const page = branch.page;
    await page.goto('/internal/agreements/new');
    await page.getByRole('heading', { level: 1, name: '약정서 작성' }).waitFor();
    await page
      .locator('#agreement-organisation option', { hasText: '다온직업재활협회' })
      .waitFor({ state: 'attached' });
    await page.getByLabel('수행기관').selectOption('AG-DAON');
    await page.getByLabel('사업비 총액(원)').fill('72000000');
    await page.getByLabel('근로지원인 배정 인원(명)').fill('7');
    await page.getByLabel('지원 대상 장애인 수(명)').fill('18');
    await page.getByLabel('사업 종료일').fill(`${year + 1}-01-31`);
    await page.getByRole('button', { name: '약정서 저장' }).click();
    await page.locator('#agreement-period-end-error').getByText(`약정 연도(${year}년) 안의 날짜`).waitFor();
    await expectNoAxeViolations(page);
    await page.getByLabel('사업 종료일').fill(`${year}-12-31`);
    await page.getByRole('button', { name: '약정서 저장' }).click();
    await page.waitForURL(`**/internal/agreements/${agreementId}?created=1`);
    await page.locator('#agreement-done').getByText('약정서를 저장했습니다.').waitFor();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: '공단 직인으로 발급' }).click();
    await page.locator('#agreement-done').getByText('발급했습니다. 수행기관에 알렸습니다.').waitFor();
    await page.getByRole('button', { name: 'PDF 내려받기 (발급본(공단 날인))' }).waitFor();
    await expectNoAxeViolations(page);
  });

  it('lets the agency stamp it with the approved seal; both download a PDF naming both parties', async () => {
    const page = agency.page;
    await page.goto('/agency/agreements');
    await page.getByText('날인을 기다리는 약정서가').waitFor();
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: agreementId }).click();
    await page.getByRole('heading', { level: 1, name: '약정서 상세' }).waitFor();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: '승인된 직인으로 날인' }).click();
    await page.locator('#agreement-done').getByText('날인했습니다. 체결이 끝났습니다.').waitFor();
    await expect(page.locator('#agreement-body').textContent()).resolves.toContain('체결 완료');
    await expectNoAxeViolations(page);

    const agencyText = await downloadComplete(page);
    for (const text of ['한국장애인고용공단', '경기지사', '다온직업재활협회', '대표 임하준', '체결본(양측 날인)']) {
      expect(agencyText).toContain(text);
    }

    await branch.page.goto(`/internal/agreements/${agreementId}`);
    await branch.page.getByText('체결 완료').first().waitFor();
    const branchText = await downloadComplete(branch.page);
    expect(branchText).toContain('한국장애인고용공단');
    expect(branchText).toContain('다온직업재활협회');
    expect(branchText).toBe(agencyText);
    // a complete agreement offers the branch a reissue only
    await branch.page.getByRole('button', { name: '재발급 준비' }).waitFor();
    await expect(branch.page.getByRole('button', { name: '공단 직인으로 발급' }).count()).resolves.toBe(0);
    expect(pageErrors(agency)).toEqual([]);
    expect(pageErrors(branch)).toEqual([]);
  });

  it('fits a 360 px phone and keeps the history', async () => {
    await agency.page.setViewportSize({ width: 360, height: 740 });
    await agency.page.goto(`/agency/agreements/${agreementId}`);
    await agency.page.locator('#agreement-history li').nth(2).waitFor();
    const wide = await agency.page.evaluate(() =>
      [...document.querySelectorAll('body *')]
        .filter(
          (el) =>
            el.getBoundingClientRect().right + Number.parseFloat(getComputedStyle(el).marginRight || '0') >
              document.documentElement.clientWidth + 0.5 || el.scrollWidth > document.documentElement.clientWidth + 1,
        )
        .slice(-6)
        .map(
          (el) =>
            `${el.tagName.toLowerCase()}#${el.id}.${el.className} ${Math.round(el.getBoundingClientRect().right)}/${el.scrollWidth}`,
        )
        .concat([`doc ${document.documentElement.scrollWidth}/${document.documentElement.clientWidth}`]),
    );
    expect(await hasHorizontalScroll(agency.page), wide.join('; ')).toBe(false);
    await screenshot(agency.page, 'agencies-agreement-360');
    await expectNoAxeViolations(agency.page);
  });
});
