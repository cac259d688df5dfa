import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_ORGANISATIONS } from '#local/demo-data';
import { DEMO_OTHER_INSTITUTION } from '#local/demo-training';
import {
  expectNoAxeViolations,
  focusedElement,
  hasHorizontalScroll,
  type OpenedPage,
  screenshot,
  tabTo,
} from '../support/browser.ts';
import { browserSuite } from '../support/browser-suite.ts';

// SPEC A1 in the browser, on the real local stack: the portal's 근로지원인 서비스 지원기관 screen
// (지역별 수행기관/교육기관 목록 조회) reached from the portal home by keyboard, filtered, shared by
// URL, and checked with axe on every state visited.

const suite = browserSuite();

const DIRECTORY = '/work-assistant/organisations';
const TITLE = '근로지원인 서비스 지원기관 | 장애인서비스신청포털';

const agencies = DEMO_ORGANISATIONS.filter((o) => o.kind === 'agency');
const institution = DEMO_ORGANISATIONS.find((o) => o.kind === 'institution')!;
// A 시/도 holding two of the demo agencies in different 시/군/구, and one of those two.
const sidoWithTwo = agencies.find((a) => agencies.filter((b) => b.sidoCode === a.sidoCode).length === 2)!;
const sameSido = agencies.filter((a) => a.sidoCode === sidoWithTwo.sidoCode);
const target = sameSido[sameSido.length - 1]!;

async function open(viewport: 'desktop' | 'mobile' = 'desktop'): Promise<OpenedPage> {
  return suite.openPage({ viewport });
}

/** Names in the result table, in order, once the results (or an empty state) are shown. */
async function resultNames(page: Page): Promise<string[]> {
  await page.locator('#directory-results:not([aria-busy]) #directory-count').waitFor();
  return page.locator('#directory-table tbody th[scope="row"]').allTextContents();
}

async function count(page: Page): Promise<string> {
  return (await page.locator('#directory-count').textContent())?.replace(/\s+/g, ' ').trim() ?? '';
}

/** Browser-reported failures other than the expected 4xx responses of the error cases. */
function unexpectedErrors(o: OpenedPage): string[] {
  return o.errors.filter((e) => !/Failed to load resource: the server responded with a status of 4\d\d/.test(e));
}

describe('portal directory of agencies and training institutions (A1)', () => {
  it('goes from the portal home to the directory by keyboard and filters by 시/도, 시/군/구 and name', async () => {
    const o = await open();
    const { page } = o;
    await page.goto('/');
    expect(await page.title()).toBe('장애인서비스신청포털');
    expect(await page.locator('html').getAttribute('lang')).toBe('ko');
    expect(await page.locator('h1').allTextContents()).toEqual(['장애인서비스신청포털']);
    for (const landmark of ['header', 'nav', 'main', 'footer'])
      expect(await page.locator(landmark).count()).toBeGreaterThan(0);
    await expectNoAxeViolations(page);

    // The skip link is the first stop, and it lands on the main content.
    await page.keyboard.press('Tab');
    expect(await focusedElement(page)).toMatchObject({ text: '본문 바로가기' });
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main-content');

    await tabTo(page, (f) => f.href === DIRECTORY);
    await page.keyboard.press('Enter');
    await page.waitForURL(`**${DIRECTORY}`);
    expect(await page.title()).toBe(TITLE);
    expect(await page.locator('h1').allTextContents()).toEqual(['근로지원인 서비스 지원기관']);
    // After an in-app navigation focus moves to the new page's heading.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('page-title');
    expect(await resultNames(page)).toEqual(
      [...agencies]
        .sort((a, b) => a.sidoCode.localeCompare(b.sidoCode) || a.sigunguCode.localeCompare(b.sigunguCode))
        .map((a) => a.name),
    );
    expect(await count(page)).toBe(`총 ${agencies.length}개 기관`);
    expect(await page.locator('#directory-table caption').textContent()).toContain('전국 수행기관 목록');
    await expectNoAxeViolations(page);

    // 시/도 by keyboard; its 시/군/구 come from the organisations there.
    await tabTo(page, (f) => f.id === 'filter-sido');
    await page.locator('#filter-sido').selectOption(sidoWithTwo.sidoCode);
    const sigungu = page.locator('#filter-sigungu');
    await expect
      .poll(() => sigungu.locator('option').allTextContents())
      .toEqual(['전체', ...sameSido.map((a) => a.sigunguName).sort((a, b) => a.localeCompare(b, 'ko'))]);
    await tabTo(page, (f) => f.id === 'filter-sigungu');
    await sigungu.selectOption(target.sigunguCode);
    await tabTo(page, (f) => f.id === 'filter-name');
    await page.keyboard.type(target.name.slice(0, 2));
    await tabTo(page, (f) => f.tag === 'button' && f.text === '조회');
    await page.keyboard.press('Enter');

    await page.waitForURL((url) => url.searchParams.get('sigungu') === target.sigunguCode);
    const url = new URL(page.url());
    expect(Object.fromEntries(url.searchParams)).toEqual({
      kind: 'agency',
      sido: sidoWithTwo.sidoCode,
      sigungu: target.sigunguCode,
      name: target.name.slice(0, 2),
    });
    expect(await resultNames(page)).toEqual([target.name]);
    expect(await count(page)).toBe('총 1개 기관');
    await expect
      .poll(() => page.locator('#app-announcer').textContent())
      .toBe(`${target.sidoName} ${target.sigunguName} 수행기관 총 1개를 찾았습니다.`);
    const row = page.locator('#directory-table tbody tr').first();
    expect(await row.locator('td').allTextContents()).toEqual([
      `${target.sidoName} ${target.sigunguName}`,
      target.address,
      target.phone,
      target.designatedYears.map((y) => `${y}년`).join(', '),
    ]);
    await expectNoAxeViolations(page);
    await screenshot(page, 'directory-desktop-filtered');

    // The URL is the state: opening it in a fresh page shows the same result.
    const shared = await open();
    await shared.page.goto(page.url());
    expect(await resultNames(shared.page)).toEqual([target.name]);
    expect(await shared.page.locator('#filter-sigungu').inputValue()).toBe(target.sigunguCode);
    expect(await shared.page.locator('#filter-name').inputValue()).toBe(target.name.slice(0, 2));

    // Back returns to the unfiltered list, and the form follows.
    await page.goBack();
    await page.waitForURL(`**${DIRECTORY}`);
    expect(await resultNames(page)).toHaveLength(agencies.length);
    expect(await page.locator('#filter-sido').inputValue()).toBe('');
    expect(await page.locator('#filter-name').inputValue()).toBe('');

    expect(unexpectedErrors(o)).toEqual([]);
    expect(unexpectedErrors(shared)).toEqual([]);
  });

  it('switches to 교육기관 and shows an empty state when nothing matches', async () => {
    const o = await open();
    const { page } = o;
    await page.goto(DIRECTORY);
    await resultNames(page);

    // Radios by keyboard: Tab reaches the checked one, an arrow key moves the choice.
    await tabTo(page, (f) => f.id === 'filter-kind');
    await page.keyboard.press('ArrowRight');
    expect(await page.locator('#filter-kind-institution').isChecked()).toBe(true);
    await tabTo(page, (f) => f.tag === 'button' && f.text === '조회');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.searchParams.get('kind') === 'institution');
    // every demo institution: the registry's and the one the training demo adds
    expect((await resultNames(page)).sort()).toEqual([institution.name, DEMO_OTHER_INSTITUTION.name].sort());
    expect(await page.locator('#directory-table caption').textContent()).toContain('전국 교육기관 목록');
    await expectNoAxeViolations(page);

    await page.locator('#filter-name').fill('없는기관이름');
    await page.locator('#directory-form button[type=submit]').click();
    await page.waitForURL((url) => url.searchParams.get('name') === '없는기관이름');
    expect(await resultNames(page)).toEqual([]);
    expect(await count(page)).toBe('총 0개 기관');
    expect(await page.locator('.app-empty-state').textContent()).toContain(
      '전국 교육기관 중 조건에 맞는 곳이 없습니다.',
    );
    await expectNoAxeViolations(page);

    // The page-satisfaction question asks for an answer before sending, at the field.
    await page.getByRole('button', { name: '의견 보내기' }).click();
    expect(await page.locator('#page-satisfaction-rating-error').textContent()).toContain('만족도를 하나 골라 주세요.');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('page-satisfaction-rating');
    await expectNoAxeViolations(page);
    expect(unexpectedErrors(o)).toEqual([]);
  });

  it('explains an invalid query in Korean: error summary at the top, linked to the field, repeated there', async () => {
    const o = await open();
    const { page } = o;
    await page.goto(`${DIRECTORY}?sido=99`);
    const summary = page.locator('#error-summary');
    await summary.waitFor();
    expect(await page.title()).toBe(`오류: ${TITLE}`);
    expect(await summary.getAttribute('role')).toBe('alert');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('error-summary');
    const message = '시/도는 목록에 있는 시/도 중에서 골라 주세요.';
    const link = summary.locator('a');
    expect(await link.allTextContents()).toEqual([message]);
    expect(await page.locator('#filter-sido-error').textContent()).toContain(message);
    expect(await page.locator('#filter-sido').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#filter-sido').getAttribute('aria-describedby')).toContain('filter-sido-error');
    expect(await page.locator('#filter-sido option:checked').textContent()).toBe('목록에 없는 값 (99)');
    await expectNoAxeViolations(page);
    await screenshot(page, 'directory-desktop-error');

    // The summary's link moves focus to the field; fixing it clears both messages.
    await link.focus();
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('filter-sido');
    await page.locator('#filter-sido').selectOption('');
    await page.locator('#directory-form button[type=submit]').click();
    await page.waitForURL((url) => !url.searchParams.has('sido'));
    expect(await resultNames(page)).toHaveLength(agencies.length);
    expect(await summary.count()).toBe(0);
    expect(await page.locator('#filter-sido-error').isHidden()).toBe(true);
    expect(await page.title()).toBe(TITLE);

    // A 시/군/구 without its 시/도: the message names what to choose first.
    await page.goto(`${DIRECTORY}?sigungu=${target.sigunguCode}`);
    await summary.waitFor();
    expect(await summary.locator('a').allTextContents()).toEqual([
      '시/군/구를 고르려면 먼저 그 시/군/구가 속한 시/도를 골라 주세요.',
    ]);
    expect(await summary.locator('a').getAttribute('href')).toBe('#filter-sigungu');
    await expectNoAxeViolations(page);
    expect(unexpectedErrors(o)).toEqual([]);
  });

  it('says in Korean when the server cannot be reached, and retries', async () => {
    const o = await open();
    const { page } = o;
    await page.route('**/api/public/organisations**', (route) => route.abort('connectionrefused'));
    await page.goto(DIRECTORY);
    const notice = page.locator('.app-notice-danger');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('서버에 연결하지 못했습니다');
    expect(await page.title()).toBe(`오류: ${TITLE}`);
    await expectNoAxeViolations(page);

    await page.unroute('**/api/public/organisations**');
    await page.getByRole('button', { name: '다시 시도' }).click();
    expect(await resultNames(page)).toHaveLength(agencies.length);
    expect(await page.title()).toBe(TITLE);
  });

  it('fits a 360 px screen without sideways scrolling, with the full menu usable by keyboard', async () => {
    const o = await open('mobile');
    const { page } = o;
    await page.goto('/');
    await page.locator('h1').waitFor();
    expect(await hasHorizontalScroll(page)).toBe(false);
    await expectNoAxeViolations(page);

    await page.goto(`${DIRECTORY}?kind=agency&sido=${sidoWithTwo.sidoCode}`);
    expect(await resultNames(page)).toEqual(sameSido.map((a) => a.name));
    expect(await hasHorizontalScroll(page)).toBe(false);
    // Rows stack into labelled blocks on a phone.
    expect(await page.locator('#directory-table thead').isHidden()).toBe(true);
    await expectNoAxeViolations(page);
    await screenshot(page, 'directory-mobile');

    // 전체메뉴 opens a dialog that takes focus, and Escape gives it back.
    await tabTo(page, (f) => f.text === '전체메뉴');
    await page.keyboard.press('Enter');
    const menu = page.getByRole('dialog', { name: '전체메뉴' });
    await menu.waitFor();
    expect(await page.evaluate(() => document.activeElement?.closest('#mobile-nav') !== null)).toBe(true);
    expect(await menu.getByRole('link', { name: '근로지원인 서비스 지원기관' }).getAttribute('aria-current')).toBe(
      'page',
    );
    await expectNoAxeViolations(page);
    await page.keyboard.press('Escape');
    expect(await menu.isHidden()).toBe(true);
    expect((await focusedElement(page)).text).toBe('전체메뉴');

    // A page that needs sign-in sends an anonymous visitor to the login, which fits the phone too.
    await page.goto('/work-assistant/apply');
    await page.locator('h1', { hasText: '로그인' }).waitFor();
    expect(new URL(page.url()).searchParams.get('next')).toContain('/work-assistant/apply');
    expect(await hasHorizontalScroll(page)).toBe(false);
    await expectNoAxeViolations(page);

    await page.goto('/no-such-page');
    expect(await page.locator('h1').textContent()).toBe('페이지를 찾을 수 없습니다');
    await expectNoAxeViolations(page);
    expect(unexpectedErrors(o)).toEqual([]);
  });
});
