import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, hasHorizontalScroll, type OpenedPage, screenshot } from '../support/browser.ts';
import { browserSuite } from '../support/browser-suite.ts';
import { clickLabel, koreaDate, outboxOf, signInBrowser } from '../support/people.ts';

// B1 → B3 in the browser on the real local stack: 황재원 (worker04) applies for next year on the
// portal and signs; 서울지사 receives, evaluates and requests matching from 한빛근로지원센터; the agency
// is first refused a schedule beyond the decided hours (in Korean, in the error summary), then matches
// 최수아; the worker's My page shows every step with its date and the service history. axe runs on
// every screen on the way; the form fits a 360 px phone.

const suite = browserSuite();

let worker: OpenedPage;
let branch: OpenedPage;
let agency: OpenedPage;
let applicationId: string;
const NEXT_YEAR = Number(koreaDate().slice(0, 4)) + 1;

beforeAll(async () => {
  [worker, branch, agency] = await Promise.all([
    suite.openPage({ viewport: 'mobile' }),
    suite.openPage(),
    suite.openPage(),
  ]);
});

/** No uncaught errors, and no console errors other than the expected 4xx answers of refused steps. */
function pageErrors(o: OpenedPage): string[] {
  return o.errors.filter((e) => !/Failed to load resource: the server responded with a status of 4\d\d/.test(e));
}

async function fill(page: Page, values: Record<string, string>): Promise<void> {
  for (const [id, value] of Object.entries(values)) {
    const field = page.locator(`#${id}`);
    if ((await field.evaluate((el) => el.tagName)) === 'SELECT') await field.selectOption(value);
    else await field.fill(value);
  }
}

describe('a worker’s application to a completed matching (B1–B3)', () => {
  it('the worker applies on a phone, reads it back and signs', async () => {
    const { page } = worker;
    await page.goto('/work-assistant/apply');
    // signed out, the form asks for sign-in first and comes back to it
    await page.waitForURL((url) => url.pathname === '/login');
    await signInBrowser(suite.stack, page, 'worker04');
    await page.waitForURL((url) => url.pathname === '/work-assistant/apply');
    expect(await page.locator('h1').textContent()).toContain('근로지원인 서비스 신청');
    await expectNoAxeViolations(page);

    // sending it empty names every missing field in the summary and at the field
    await page.getByRole('button', { name: '다음: 내용 확인과 서명' }).click();
    await page.locator('#error-summary').waitFor();
    expect(await page.title()).toMatch(/^오류/);
    expect(await page.locator('#error-summary').textContent()).toContain('사업체명을 입력해 주세요.');
    await expectNoAxeViolations(page);

    await fill(page, {
      'apply-branch': 'BR-SEOUL',
      'apply-company': '(예시) 마포디자인',
      'apply-business-number': '105-81-10025',
      'apply-employer': '서대표',
      'apply-sido': '11',
      'apply-address': '서울특별시 마포구 양화로 45',
      'apply-work-phone': '02-3150-1002',
      'apply-job-title': '디자인',
      'apply-duties': '시안 작업과 출력물 정리',
      'apply-employment': 'regular',
      'apply-disability': 'physical',
      'apply-support-details': '출력물 운반과 자료 정리 보조',
      'apply-hours': '6',
      'apply-days': '5',
      'apply-start': `${NEXT_YEAR}-01-04`,
      'apply-end': `${NEXT_YEAR}-12-31`,
    });
    await clickLabel(page, 'apply-severity');
    await clickLabel(page, 'apply-support-T1');
    expect(await hasHorizontalScroll(page)).toBe(false);
    await page.getByRole('button', { name: '다음: 내용 확인과 서명' }).click();
    await page.locator('#apply-review-title').waitFor();
    expect(await page.locator('#apply-step-count').textContent()).toContain('2/2 단계');
    expect(await page.locator('#apply-step2').textContent()).toContain('하루 6시간, 주 5일');
    await expectNoAxeViolations(page);

    // a signature that is not the registered name is refused
    await page.locator('#apply-signature-name').fill('홍길동');
    await clickLabel(page, 'apply-consent');
    await page.getByRole('button', { name: '서명하고 신청하기' }).click();
    await page.locator('#error-summary').waitFor();
    expect(await page.locator('#apply-signature-name-error').textContent()).toContain(
      '회원 정보에 등록된 이름(황재원)',
    );

    await page.locator('#apply-signature-name').fill('황재원');
    await page.getByRole('button', { name: '서명하고 신청하기' }).click();
    const done = page.locator('#apply-done .app-notice-title');
    await done.waitFor();
    applicationId = (await done.textContent())!.match(/SA-[0-9A-Z-]+/)![0];
    await expectNoAxeViolations(page);
    await screenshot(page, 'applications-applied-mobile');
  });

  it('서울지사 receives, evaluates and requests matching, one screen each', async () => {
    const { page } = branch;
    await signInBrowser(suite.stack, page, 'seoul_branch', '/internal/login');
    await page.goto('/internal/applications');
    await page.locator('#applications-table').waitFor();
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: applicationId }).click();
    await page.getByRole('button', { name: '접수하기' }).click();
    await page.locator('#detail-done .app-notice-title').waitFor();
    expect(await page.locator('#detail-done').textContent()).toContain('접수했습니다');

    // the evaluation form starts from the request; more than 8 hours a day is refused at the field
    await page.locator('#eval-hours').fill('9');
    await page.getByRole('button', { name: '평가 저장' }).click();
    await page.locator('#eval-hours-error:not([hidden])').waitFor();
    expect(await page.locator('#eval-hours-error').textContent()).toContain('8시간을 넘을 수 없습니다');
    await expectNoAxeViolations(page);
    await page.locator('#eval-hours').fill('6');
    expect(await page.locator('#eval-monthly').inputValue()).toBe('130');
    await page.getByRole('button', { name: '평가 저장' }).click();
    await page.locator('#request-agency').waitFor();
    await page.locator('#request-agency').selectOption('AG-HANBIT');
    await page.getByRole('button', { name: '매칭 의뢰하기' }).click();
    await page.locator('#detail-done .app-notice-title').waitFor();
    expect(await page.locator('#detail-body').textContent()).toContain('매칭의뢰');
    await expectNoAxeViolations(page);
    expect(pageErrors(branch)).toEqual([]);
  });

  it('the branch looks up its workforce and reads an assistant with the number masked', async () => {
    const { page } = branch;
    await page.goto('/internal/workforce');
    await page.locator('#workforce-table').waitFor();
    const agencies = await page.locator('#workforce-table tbody td[data-label="수행기관"]').allTextContents();
    expect(new Set(agencies)).toEqual(new Set(['한빛근로지원센터']));
    await expectNoAxeViolations(page);
    await page.locator('#workforce-table').getByRole('link').first().click();
    await page.locator('#identity-title').waitFor();
    expect(await page.locator('#rrn-value').textContent()).toMatch(/^\d{6}-\d\*{6}$/);
    // branch staff read; the edit forms are the agency's
    expect(await page.locator('#status-form').count()).toBe(0);
    await expectNoAxeViolations(page);
    for (const path of ['/internal/evaluations', '/internal/matching-requests']) {
      await page.goto(path);
      await page.locator('#applications-table, #applications-body .app-empty-state').first().waitFor();
      await expectNoAxeViolations(page);
    }
  });

  it('the agency is refused hours beyond the decision, then matches an assistant', async () => {
    const { page } = agency;
    await signInBrowser(suite.stack, page, 'agency_hanbit', '/agency/login');
    await page.goto('/agency/matchings');
    await page.locator('#requests-table').waitFor();
    await expectNoAxeViolations(page);
    await page
      .locator('#requests-table')
      .getByRole('link', { name: /매칭하기.*황재원/ })
      .click();
    await page.locator('#match-form').waitFor();
    // the schedule starts as Monday–Friday, 09:00 for the decided 6 hours
    expect(await page.locator('#match-slot-0-end').inputValue()).toBe('15:00');
    await page.locator('#match-assistant').selectOption('AS-DEMO-04');
    await page.locator('#match-start').fill(`${NEXT_YEAR}-01-04`);
    await page.locator('#match-slot-2-end').fill('16:00');
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: '매칭 저장' }).click();
    await page.locator('#error-summary').waitFor();
    expect(await page.locator('#error-summary').textContent()).toContain(
      '수요일 지원 시간이 7시간입니다. 이 근로자의 하루 결정 시간은 6시간입니다.',
    );
    await expectNoAxeViolations(page);

    await page.locator('#match-slot-2-end').fill('15:00');
    await page.getByRole('button', { name: '매칭 저장' }).click();
    await page.waitForURL((url) => url.pathname === '/agency/matchings' && url.searchParams.get('created') === '1');
    await page.locator('#matchings-table').waitFor();
    expect(await page.locator('#matchings-table').textContent()).toContain('황재원');
    await expectNoAxeViolations(page);
    // the worker's history across years, reached from the worker's name
    await page.locator('#matchings-table').getByRole('link', { name: '황재원' }).first().click();
    await page.locator('#history-table').waitFor();
    expect(await page.locator('#history-table tbody tr').count()).toBe(2);
    expect(pageErrors(agency)).toEqual([]);
  });

  it('the worker sees each step with its date on My page and the assigned assistant', async () => {
    const { page } = worker;
    await page.goto('/my');
    const card = page.locator(`section[aria-labelledby="app-${applicationId}"]`);
    await card.waitFor();
    expect(await card.locator('h2').textContent()).toContain('매칭 완료');
    const steps = await card.locator('ol li').allTextContents();
    expect(steps.map((s) => s.replace(/\s+/g, ' ').trim().split(' ')[0])).toEqual([
      '신청',
      '접수',
      '평가',
      '매칭의뢰',
      '매칭',
    ]);
    for (const step of steps) expect(step).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    await expectNoAxeViolations(page);
    expect(await hasHorizontalScroll(page)).toBe(false);
    await page.goto('/my/services');
    await page.locator('#my-services-table').waitFor();
    expect(await page.locator('#my-services-table').textContent()).toContain('최수아');
    await expectNoAxeViolations(page);

    const messages = await outboxOf(suite.stack, 'worker04');
    expect(messages.filter((m) => m.text.includes(applicationId)).length).toBeGreaterThanOrEqual(4);
    expect(messages.some((m) => m.source === 'matching-created')).toBe(true);
    expect(pageErrors(worker)).toEqual([]);
  });
});
