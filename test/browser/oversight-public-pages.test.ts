import { describe, expect, it } from 'vitest';
import { PERSONAL_DATA_ITEMS, POLICY_DOCUMENTS, policyTimeline } from '#functions/oversight/policy-rules';
import * as clock from '#kernel/clock';
import { demoMonths } from '#local/demo-activity';
import {
  expectNoAxeViolations,
  hasHorizontalScroll,
  signInByKeyboard,
  tabTo,
  unexpectedErrors,
} from '../support/browser.ts';
import { browserSuite } from '../support/browser-suite.ts';

// SPEC F4 in the browser on the local stack: every footer page opened from the footer of the portal
// and of a staff system, showing the version in force with its date, the history and an earlier
// version; 근로지원인 사업 안내 with its ways into 서비스 신청 and 지원기관 찾기; sign-up's consent
// linking the privacy policy; an assistant's 근로지원인 활동내역 on My page. axe on every screen.

const suite = browserSuite();

const text = (s: string | null) => (s ?? '').replace(/\s+/g, ' ').trim();

describe('footer policy pages (F4)', () => {
  it('opens each footer page from the portal footer with the version in force and its date', async () => {
    const o = await suite.openPage();
    const { page } = o;
    for (const doc of POLICY_DOCUMENTS) {
      await page.goto('/');
      await page.locator(`#krds-footer a[href="${doc.path}"]`).click();
      await page.waitForURL(`**${doc.path}`);
      const { current } = policyTimeline(doc, clock.today());
      expect(await page.locator('h1').allTextContents()).toEqual([doc.title]);
      expect(await page.title()).toBe(`${doc.title} | 장애인서비스신청포털`);
      expect(await page.locator('#policy-version').textContent()).toBe(current.version);
      expect(await page.locator('#policy-effective').textContent()).toBe(current.effectiveFrom);
      expect(await page.locator('#policy-body h2').allTextContents()).toEqual(current.sections.map((s) => s.heading));
      expect(await page.locator('#policy-history li').count()).toBe(doc.versions.length);
      await expectNoAxeViolations(page);
    }
    expect(unexpectedErrors(o)).toEqual([]);
  });

  it('the privacy policy names every item, the person in charge and the rights, readable on a phone', async () => {
    const o = await suite.openPage({ viewport: 'mobile' });
    const { page } = o;
    await page.goto('/policies/privacy');
    const body = text(await page.locator('#policy-body').textContent());
    const { current } = policyTimeline(POLICY_DOCUMENTS[0]!, clock.today());
    const items = PERSONAL_DATA_ITEMS.filter((i) => Number(i.since) <= Number(current.version));
    for (const item of items) expect(body).toContain(item.items);
    for (const words of [
      '주민등록번호',
      '장애 유형',
      '급여',
      '파기',
      '열람',
      '개인정보 보호책임자',
      '1588-1519',
      '118',
    ])
      expect(body).toContain(words);
    expect(await hasHorizontalScroll(page)).toBe(false);
    await expectNoAxeViolations(page);

    // an earlier version stays readable, marked as not in force, with the way back
    const earlier = POLICY_DOCUMENTS[0]!.versions.find((v) => v.version !== current.version)!;
    await page.goto(`/policies/privacy?version=${earlier.version}`);
    expect(await page.locator('#policy-version').textContent()).toBe(earlier.version);
    expect(text(await page.locator('#policy-other-version').textContent())).toMatch(/이전 버전|적용될 버전/);
    await page.locator('#policy-other-version a').click();
    await page.waitForURL('**/policies/privacy');
    expect(await page.locator('#policy-version').textContent()).toBe(current.version);
    expect(unexpectedErrors(o)).toEqual([]);
  });

  it('a staff system links the same pages, and sign-up links the privacy policy from its consent', async () => {
    const o = await suite.openPage();
    const { page } = o;
    await page.goto('/internal/login');
    await page.locator('#krds-footer a[href="/policies/terms"]').click();
    await page.waitForURL('**/policies/terms');
    expect(await page.locator('h1').allTextContents()).toEqual(['이용약관']);

    await page.goto('/signup');
    const link = page.locator('a[href="/policies/privacy"]').first();
    expect(await link.count()).toBe(1);
    expect(await link.textContent()).toBe('개인정보 처리방침 전체 보기');
    expect(unexpectedErrors(o)).toEqual([]);
  });
});

describe('근로지원인 사업 안내 (F4)', () => {
  it('is reached from the portal menu and leads to 서비스 신청 and 지원기관 찾기 by keyboard', async () => {
    const o = await suite.openPage();
    const { page } = o;
    await page.goto('/work-assistant');
    expect(await page.locator('h1').allTextContents()).toEqual(['근로지원인 사업 안내']);
    expect(await page.locator('main h2').allTextContents()).toEqual(
      expect.arrayContaining(['근로지원인 서비스란', '누가 신청할 수 있나요', '신청하는 방법']),
    );
    expect(await page.locator('#guide-steps li').count()).toBe(5);
    await expectNoAxeViolations(page);
    await tabTo(page, (f) => f.href === '/work-assistant/organisations' && f.text === '지원기관 찾기');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/work-assistant/organisations');
    expect(await page.locator('h1').allTextContents()).toEqual(['근로지원인 서비스 지원기관']);
    await page.goto('/work-assistant');
    await page.locator('main a[href="/work-assistant/apply"]').click();
    // 서비스 신청 needs a worker's sign-in: the portal asks for it and comes back to the form
    await page.waitForURL(
      (url) => url.pathname === '/login' && url.searchParams.get('next') === '/work-assistant/apply',
    );
    expect(unexpectedErrors(o)).toEqual([]);
  });
});

describe('My page 근로지원인 활동내역 (F4)', () => {
  it("shows the assistant's months with totals by type and the consent state, and refuses a reversed range", async () => {
    const o = await suite.openPage({ viewport: 'mobile' });
    const { page } = o;
    await signInByKeyboard(page, suite.stack, 'assistant01');
    await page.goto('/my/activities');
    expect(await page.locator('h1').allTextContents()).toEqual(['근로지원인 활동내역']);
    await page.locator('#my-activities-results:not([aria-busy]) #my-activities-table').waitFor();
    const { previous } = demoMonths();
    const monthLabel = `${Number(previous.slice(0, 4))}년 ${Number(previous.slice(5, 7))}월`;
    const rows = page.locator('#my-activities-table tbody tr');
    const rowTexts = (await rows.allTextContents()).map(text);
    const last = rowTexts.filter((r) => r.includes(monthLabel));
    expect(last.length).toBeGreaterThan(0);
    // last month: work, one day of 연차 and a training day, all signed by the worker
    expect(last.some((r) => r.includes('근무') && r.includes('연차') && r.includes('모두 동의 완료'))).toBe(true);
    const totals = (await page.locator('#my-activities-totals tbody th').allTextContents()).map(text);
    expect(totals).toEqual(expect.arrayContaining(['근무', '연차']));
    expect(text(await page.locator('#my-activities-count').textContent())).toMatch(/활동 \d+건/);
    expect(await page.locator('[data-action="print-activities"]').count()).toBe(1);
    expect(await hasHorizontalScroll(page)).toBe(false);
    await expectNoAxeViolations(page);

    await page.goto('/my/activities?from=2026-06&to=2026-05');
    expect(text(await page.locator('[data-field="my-activities-from"]').textContent())).toContain(
      '시작 월이 끝 월보다 늦습니다',
    );
    expect(unexpectedErrors(o)).toEqual([]);
  });
});
