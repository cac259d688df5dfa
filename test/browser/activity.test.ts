import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import type { OutboxEntry } from '#commons/outbox';
import { Matching } from '#functions/matching/entities';
import { DEMO_PASSWORD } from '#local/demo-data';
import { demoApplicationId, demoAssistantId } from '#local/demo-people';
import {
  expectNoAxeViolations,
  focusedElement,
  hasHorizontalScroll,
  type OpenedPage,
  screenshot,
  signInByKeyboard,
  tabTo,
} from '../support/browser.ts';
import { browserSuite } from '../support/browser-suite.ts';

// C1 and C2 in the browser on the real local stack (issue 6 §5): assistant01 writes a week of
// activity for worker03 on a 360 × 740 phone, meets a Korean refusal on the way, asks for consent;
// worker03 reviews and signs with the keyboard alone. axe runs on every screen of the flow. The
// week is March 2026 of a matching the test adds (the demo fills only the last two months), so the
// test does not depend on today's date.

const suite = browserSuite();

const MONTH = '2026-03';
const WEEK = ['2026-03-09', '2026-03-10', '2026-03-11', '2026-03-12', '2026-03-13'];

/** A matching of assistant01 (한빛) with worker03 for March 2026, written straight into the table. */
async function addMatching(): Promise<void> {
  const client = DynamoDBDocumentClient.from(
    new DynamoDBClient({
      endpoint: suite.stack.endpoints.dynamodb,
      region: 'ap-northeast-2',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    }),
  );
  const item = Matching.put({
    matchingId: 'MT-TEST-ACTIVITY-01',
    applicationId: demoApplicationId('worker03'),
    workerId: 'worker03',
    workerName: '권민서',
    assistantId: demoAssistantId('assistant01'),
    assistantName: '김민준',
    assistantUserId: 'assistant01',
    agencyId: 'AG-HANBIT',
    agencyName: '한빛근로지원센터',
    branchId: 'BR-SEOUL',
    workplaceKey: '101-82-01010',
    workplaceName: '시험용 사업장',
    startDate: '2026-03-01',
    endDate: '2026-03-31',
    schedule: [0, 1, 2, 3, 4].map((weekday) => ({ weekday, start: '09:00', end: '13:00' })),
    supportType: 'T1',
    status: 'ended',
    endedOn: '2026-03-31',
    createdBy: 'agency_hanbit',
    createdAt: '2026-02-20T00:00:00.000Z',
    revision: 1,
  }).params({ table: suite.stack.env.TABLE_NAME! });
  await client.send(new PutCommand(item as never));
  client.destroy();
}

beforeAll(async () => {
  await addMatching();
});

async function outbox(to: string): Promise<OutboxEntry[]> {
  const response = await fetch(`${suite.stack.baseUrl}/local/outbox.json?to=${encodeURIComponent(to)}`);
  return ((await response.json()) as { items: OutboxEntry[] }).items;
}

async function nextCode(to: string, mark: Set<string>): Promise<string> {
  for (let i = 0; i < 100; i++) {
    const entry = (await outbox(to)).find((e) => !mark.has(e.id) && e.source === 'Authentication' && e.code);
    if (entry) return entry.code!;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no sign-in code for ${to} in the outbox`);
}

function unexpectedErrors(o: OpenedPage): string[] {
  return o.errors.filter((e) => !/Failed to load resource: the server responded with a status of 4\d\d/.test(e));
}

describe('activity logs and consent in the browser (C1, C2)', () => {
  it('an assistant writes a week on a phone and asks for consent; the worker signs with the keyboard', async () => {
    const assistant = await suite.openPage({ viewport: 'mobile' });
    const page = assistant.page;
    await signInByKeyboard(page, suite.stack, 'assistant01');

    // the month list of seed 000: 근로자명, 활동년월, and nothing yet for March
    await page.goto(`/work-assistant/activity-logs?workerId=worker03&month=${MONTH}`);
    await page.locator('main').getByText('조회된 활동 내역이 없습니다.').waitFor();
    expect(await page.title()).toBe('근로지원인 활동일지 등록 | 장애인서비스신청포털');
    expect(await page.locator('#al-filter-worker').inputValue()).toBe('worker03');
    await expectNoAxeViolations(page);
    expect(await hasHorizontalScroll(page)).toBe(false);

    await page.locator('main').getByRole('link', { name: '활동내역 등록' }).click();
    await page.waitForURL('**/work-assistant/activity-logs/new?**');
    await page.locator('#al-entry-form').waitFor();
    await expectNoAxeViolations(page);
    expect(await hasHorizontalScroll(page)).toBe(false);
    // big touch targets on the phone: every control at least 44 px tall
    const heights = await page.$$eval('#al-entry-form input, #al-entry-form select, #al-entry-form button', (els) =>
      els.filter((e) => (e as HTMLInputElement).type !== 'checkbox').map((e) => e.getBoundingClientRect().height),
    );
    expect(Math.min(...heights)).toBeGreaterThanOrEqual(44);
    expect(await page.locator('#al-date').getAttribute('type')).toBe('date');
    expect(await page.locator('#al-start').getAttribute('type')).toBe('time');

    // a refusal first: the end before the start, said in Korean at the field and in the summary
    await page.locator('#al-worker').selectOption('worker03');
    await page.locator('#al-date').fill(WEEK[0]!);
    await page.locator('#al-attendance').selectOption('work');
    await page.locator('#al-start').fill('13:00');
    await page.locator('#al-end').fill('09:00');
    await page.locator('#al-content').selectOption('C02');
    await page.getByRole('button', { name: '저장', exact: true }).click();
    await page.locator('#error-summary').waitFor();
    expect(await page.locator('#error-summary').textContent()).toContain(
      '활동시간의 끝 시각(09:00)이 시작 시각(13:00)보다 늦어야 합니다',
    );
    expect(await page.locator('#al-end-error').textContent()).toContain('끝 시각을 고쳐 주세요');
    expect(await page.title()).toMatch(/^오류/);
    await expectNoAxeViolations(page);

    // the count follows the typing, as seed 000's "(0/200자)"
    await page.locator('#al-other').fill('회의 자료 정리');
    expect(await page.locator('#al-other-count').textContent()).toBe('(8/200자)');

    // Monday to Thursday: 09:00–13:00 of work, each saved with "저장하고 다음 날 입력"
    await page.locator('#al-start').fill('09:00');
    await page.locator('#al-end').fill('13:00');
    for (const [i, date] of WEEK.slice(0, 4).entries()) {
      expect(await page.locator('#al-date').inputValue()).toBe(date);
      if (i > 0) {
        // the next day keeps the times and the content
        expect(await page.locator('#al-start').inputValue()).toBe('09:00');
        expect(await page.locator('#al-content').inputValue()).toBe('C02');
      }
      if (i === 2) await page.locator('#al-notes').fill('엘리베이터 점검으로 계단 이동을 보조했습니다.');
      await page.getByRole('button', { name: '저장하고 다음 날 입력' }).click();
      await page.locator('#al-saved').getByText(`${date} 09:00~13:00 활동내역을 저장했습니다.`).waitFor();
    }
    // Friday: a half day of 연차; the leave time fills the end
    expect(await page.locator('#al-date').inputValue()).toBe(WEEK[4]);
    await page.locator('#al-attendance').selectOption('annualLeave');
    await page.locator('#al-content').selectOption('');
    await page.locator('#al-start').fill('09:00');
    await page.locator('#al-end').fill('');
    await page.locator('#al-leave').selectOption('240');
    expect(await page.locator('#al-end').inputValue()).toBe('13:00');
    await page.getByRole('button', { name: '저장', exact: true }).click();
    await page.waitForURL('**/work-assistant/activity-logs?**saved=yes**');

    // the week in the month list, every column of the seed, nothing sent yet
    const rows = page.locator('#al-table tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(5);
    const headers = await page.locator('#al-table thead th').allTextContents();
    expect(headers.slice(0, 8)).toEqual([
      '순번',
      '활동일자',
      '활동시간',
      '근태',
      '활동내용',
      '기타 활동내용',
      '특이사항 등록여부',
      '근로자 동의여부',
    ]);
    const last = await rows.nth(4).textContent();
    expect(last).toContain('연차(4시간(반차))');
    expect(await rows.nth(2).textContent()).toContain('등록');
    expect((await rows.allTextContents()).every((t) => t.includes('미요청'))).toBe(true);
    await expectNoAxeViolations(page);
    expect(await hasHorizontalScroll(page)).toBe(false);
    await screenshot(page, 'activity-month-mobile');

    // 전자서명 동의 요청: every entry ticked, one button
    await page.locator('main').getByRole('link', { name: '전자서명 동의 요청' }).click();
    await page.waitForURL('**/work-assistant/consent-requests?**');
    await page.locator('#cr-table').waitFor();
    expect(await page.locator('#cr-table input[type=checkbox]:checked').count()).toBe(5);
    await expectNoAxeViolations(page);
    expect(await hasHorizontalScroll(page)).toBe(false);
    await page.getByRole('button', { name: '동의요청' }).click();
    await page.locator('#cr-done').getByText('전자서명 동의를 요청했습니다').waitFor();
    expect((await page.locator('#cr-table tbody').textContent()) ?? '').toContain('동의 요청 중');
    expect((await outbox('worker03')).some((m) => m.source === 'activity-consent-request')).toBe(true);
    await expectNoAxeViolations(page);
    expect(unexpectedErrors(assistant)).toEqual([]);

    // the worker: keyboard alone, from the sign-in to the signature
    const worker = await suite.openPage({ viewport: 'desktop' });
    const wp = worker.page;
    await signInByKeyboard(wp, suite.stack, 'worker03');
    await wp.goto('/work-assistant/consent');
    await wp.locator('#cs-table').waitFor();
    await expectNoAxeViolations(wp);
    await tabTo(wp, (f) => f.tag === 'a' && f.text.startsWith('확인하고 서명하기') && f.text.includes('2026년 3월'));
    await wp.keyboard.press('Enter');
    await wp.waitForURL('**/work-assistant/consent/CR-*');
    await wp.locator('#cs-entries').waitFor();
    expect(await wp.locator('#cs-entries tbody tr').count()).toBe(5);
    expect(await wp.locator('#cs-entries').textContent()).toContain('엘리베이터 점검으로 계단 이동을 보조했습니다.');
    await expectNoAxeViolations(wp);

    // the button alone first: the form says what is missing, focus goes to the summary
    await tabTo(wp, (f) => f.tag === 'button' && f.text === '서명하고 동의하기');
    await wp.keyboard.press('Enter');
    await wp.locator('#error-summary').waitFor();
    expect((await focusedElement(wp)).id).toBe('error-summary');
    await expectNoAxeViolations(wp);

    await tabTo(wp, (f) => f.id === 'cs-agree');
    await wp.keyboard.press('Space');
    expect(await wp.locator('#cs-agree').isChecked()).toBe(true);
    await wp.keyboard.press('Tab');
    expect((await focusedElement(wp)).id).toBe('cs-name');
    await wp.keyboard.type('권민서');
    await wp.keyboard.press('Enter');
    await wp.locator('.app-notice-success').getByText('서명 완료 — 전자서명').waitFor();
    expect(await wp.locator('main').textContent()).toContain('서명한 내용의 SHA-256');
    await expectNoAxeViolations(wp);
    expect(unexpectedErrors(worker)).toEqual([]);

    // back on the phone: the week is signed and locked
    await page.goto(`/work-assistant/activity-logs?workerId=worker03&month=${MONTH}`);
    await page.locator('#al-table').waitFor();
    expect(
      (await page.locator('#al-table tbody tr').allTextContents()).every((t) => t.includes('동의 완료(전자서명)')),
    ).toBe(true);
    expect(await page.locator('#al-table').getByText('서명됨(수정 불가)').count()).toBe(5);
  });

  it('shows the agency every log of its assistants, filtered, with axe passing', async () => {
    const o = await suite.openPage({ viewport: 'desktop' });
    const { page } = o;
    await page.goto('/agency/login');
    await tabTo(page, (f) => f.id === 'login-username');
    await page.keyboard.type('agency_hanbit');
    await page.keyboard.press('Tab');
    await page.keyboard.type(DEMO_PASSWORD);
    const mark = new Set((await outbox('agency_hanbit')).map((e) => e.id));
    await page.keyboard.press('Enter');
    await page.locator('#login-code').waitFor();
    await page.keyboard.type(await nextCode('agency_hanbit', mark));
    await page.keyboard.press('Enter');
    await page.locator('#app-session').waitFor();

    await page.goto(`/agency/activity-logs?month=${MONTH}&assistantId=${demoAssistantId('assistant01')}`);
    await page.locator('#ag-table-0').waitFor();
    expect(await page.locator('h2#ag-log-0').textContent()).toBe('김민준 근로지원인 → 권민서 근로자');
    expect(await page.locator('#ag-assistant').inputValue()).toBe(demoAssistantId('assistant01'));
    await expectNoAxeViolations(page);
    await page.locator('#ag-table-0').getByRole('link', { name: /^정정/ }).first().click();
    await page.waitForURL('**/agency/activity-logs/AL-*');
    await page.locator('#al-reason').waitFor();
    await expectNoAxeViolations(page);
    expect(unexpectedErrors(o)).toEqual([]);
  });
});
