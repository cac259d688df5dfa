import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import * as clock from '#kernel/clock';
import { shiftDay } from '#kernel/korea-time';
import { demoMonths } from '#local/demo-activity';
import {
  expectNoAxeViolations,
  hasHorizontalScroll,
  screenshot,
  signInByKeyboard,
  unexpectedErrors,
} from '../support/browser.ts';
import { browserSuite } from '../support/browser-suite.ts';

// Annual leave (D1) in the browser on the local stack: 한빛's agency reads 연차관리 목록 with the seed-000
// columns and the masked phone, opens assistant04's ledger (use by month for every leave type), is
// told to name the dates before a 2nd-round notice, issues the 1st-round promotion notice and
// downloads its PDF; the outbox holds the message to the assistant; assistant04 answers it with a date
// on a 360 px phone; the agency records a reason for use beyond the entitlement (the error summary
// first) and reads last year's ledger. axe on every screen.

const suite = browserSuite();

async function pdfText(page: Page, click: () => Promise<void>): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  expect(download.suggestedFilename()).toMatch(/\.pdf$/);
  const bytes = new Uint8Array(await readFile((await download.path())!));
  return (await extractText(await getDocumentProxy(bytes), { mergePages: true })).text.replace(/\s+/g, '');
}

describe('annual leave in the browser', () => {
  it('agency issues a promotion notice → PDF and outbox message → the assistant answers on a phone', async () => {
    const agencyView = await suite.openPage();
    const agency = agencyView.page;
    await signInByKeyboard(agency, suite.stack, 'agency_hanbit', { system: '/agency' });

    await agency.goto('/agency/annual-leave');
    await agency.locator('#leave-list').waitFor();
    const headers = await agency.locator('#leave-list thead th').allTextContents();
    for (const column of [
      '관리번호',
      '성명',
      '생년월일',
      '휴대전화',
      '입사일자',
      '퇴사일자',
      '금년 연차 발생/사용',
      '전년이월 연차 발생/사용',
      '사용일수',
      '사용일수(사용제한 일수 제외)',
      '1월',
      '12월',
    ]) {
      expect(headers).toContain(column);
    }
    // seed 000: 월차 부분 삭제
    expect(headers.filter((h) => h.includes('월차'))).toEqual([]);
    const phones = await agency.locator('#leave-list td[data-label="휴대전화"]').allTextContents();
    expect(phones.length).toBeGreaterThan(0);
    for (const phone of phones) expect(phone).toMatch(/^010-\*{4}-\d{4}$/);
    // the wide list scrolls inside its own box, never the page
    expect(await hasHorizontalScroll(agency)).toBe(false);
    await expectNoAxeViolations(agency);
    await screenshot(agency, 'leave-list-desktop');

    await agency.locator('#leave-list').getByRole('link', { name: '최수아' }).click();
    await agency.waitForURL('**/agency/annual-leave/AS-DEMO-04?year=*');
    await agency.locator('#leave-months').waitFor();
    const monthHeaders = await agency.locator('#leave-months thead th').allTextContents();
    expect(monthHeaders).toEqual([
      '월',
      '연차',
      '유급휴가',
      '유급휴일',
      '공가',
      '무급휴가',
      '연차(사용제한 일수 제외)',
    ]);
    await expectNoAxeViolations(agency);

    // the 1st-round notice of the running period can go out; the 2nd waits for it
    const issue = agency.getByRole('button', { name: '1차 통지서 발행' }).first();
    await issue.click();
    await agency.locator('#leave-message').getByText('1차 사용촉진 통지서를 발행했습니다').waitFor();
    await agency.locator('#leave-issued').waitFor();
    expect(await agency.locator('#leave-issued').textContent()).toContain('답변 기다림');
    const text = await pdfText(agency, () => agency.getByRole('button', { name: '1차 통지서 PDF' }).click());
    expect(text).toContain('연차유급휴가사용촉진통지서(1차)');
    expect(text).toContain('근로기준법제61조');
    await expectNoAxeViolations(agency);
    await screenshot(agency, 'leave-ledger-desktop');

    const outbox = (await (await fetch(`${suite.stack.outboxUrl}.json?to=assistant04`)).json()) as {
      items: { text: string; source: string }[];
    };
    const message = outbox.items.find((m) => m.source === 'leave-promotion');
    expect(message?.text).toContain('/my/annual-leave');

    // the assistant answers on a phone
    const phoneView = await suite.openPage({ viewport: 'mobile' });
    const phone = phoneView.page;
    await signInByKeyboard(phone, suite.stack, 'assistant04');
    await phone.goto('/my/annual-leave');
    await phone.getByRole('heading', { name: /1차 사용촉진 통지/ }).waitFor();
    expect(await hasHorizontalScroll(phone)).toBe(false);
    await expectNoAxeViolations(phone);

    // no date: the error summary links to the field
    await phone.getByRole('button', { name: '날짜 보내기' }).click();
    await phone.locator('#error-summary').getByText('연차를 쓸 날짜를 하루 이상 넣어 주세요').waitFor();
    await expectNoAxeViolations(phone);

    const day = shiftDay(clock.today(), 2);
    await phone.getByLabel('연차를 쓸 날짜').fill(day);
    await phone.getByRole('button', { name: '날짜 보내기' }).click();
    await phone.locator('#my-leave-message').getByText('1차 통지에 답했습니다').waitFor();
    expect(await phone.locator('main').textContent()).toContain(`사용할 날: ${day}`);
    expect(await hasHorizontalScroll(phone)).toBe(false);
    await expectNoAxeViolations(phone);
    await screenshot(phone, 'leave-my-answered-360');

    // the agency sees the answer
    await agency.reload();
    await agency.locator('#leave-issued').getByText(day, { exact: false }).waitFor();
    // assistant10's 14-hour contract gives no leave: last month's 연차 asks for a reason
    const lastMonthYear = demoMonths().previous.slice(0, 4);
    await agency.goto(`/agency/annual-leave/AS-DEMO-10?year=${lastMonthYear}`);
    await agency.locator('#leave-uses').waitFor();
    const reasonForm = agency.locator('form[data-reason]').first();
    await reasonForm.getByRole('button', { name: '사유 저장' }).click();
    await agency.locator('#error-summary').getByText('초과 사용 사유를 두 글자 이상 적어 주세요').waitFor();
    await expectNoAxeViolations(agency);
    await reasonForm.locator('textarea').fill('가족 병간호로 부득이하게 사용');
    await reasonForm.getByRole('button', { name: '사유 저장' }).click();
    await agency.locator('#leave-message').getByText('초과 사용 사유를 저장했습니다').waitFor();
    expect(await agency.locator('#leave-uses textarea').first().inputValue()).toBe('가족 병간호로 부득이하게 사용');
    expect(await agency.locator('#error-summary').count()).toBe(0);

    // the agency's screens on a 360 px phone: the tables stack, nothing scrolls sideways
    await agency.setViewportSize({ width: 360, height: 740 });
    expect(await hasHorizontalScroll(agency)).toBe(false);
    await agency.goto('/agency/annual-leave');
    await agency.locator('#leave-list').waitFor();
    expect(await hasHorizontalScroll(agency)).toBe(false);

    // last year's ledger: the figures to 31 December, nothing left to promote
    await agency.goto('/agency/annual-leave/AS-DEMO-04');
    await agency.locator('#leave-months').waitFor();
    const lastYear = String(clock.thisYear() - 1);
    await agency.locator('#leave-ledger-year-select').selectOption(lastYear);
    await agency.locator('#leave-ledger-year').getByRole('button', { name: '조회' }).click();
    await agency.locator('#leave-who').getByText(`${lastYear}년`).waitFor();
    expect(await agency.locator('main').textContent()).toContain('지금 촉진할 연차 사용기간이 없습니다.');
    await expectNoAxeViolations(agency);
    expect(unexpectedErrors(agencyView)).toEqual([]);
    expect(unexpectedErrors(phoneView)).toEqual([]);
  });
});
