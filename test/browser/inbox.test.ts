import { describe, expect, it } from 'vitest';
import { demoMonths } from '#local/demo-activity';
import { expectNoAxeViolations, signInByKeyboard, unexpectedErrors } from '../support/browser.ts';
import { browserSuite } from '../support/browser-suite.ts';
import { checkedCallApi } from '../support/contract.ts';
import { signInThroughApi } from '../support/session.ts';

// The staff inbox (issue 15 §7) in the browser: 늘봄 submits last month's claim (through the API), 경기지사
// returns it on its screen, and 늘봄's clerk sees the unread count in the header, opens 알림함, reads the
// message with the reason, follows it to the claim and finds the count gone. axe on the inbox.

const suite = browserSuite();
const { previous } = demoMonths();
const claimId = `AG-NEULBOM_${previous}`;

describe('the staff inbox in the browser', () => {
  it('shows the agency clerk the unread count and the message after the branch returns a claim', async () => {
    const token = await signInThroughApi(suite.stack, 'agency_neulbom');
    const api = (method: string, path: string, body?: unknown) =>
      checkedCallApi(suite.stack, token, method, path, body);
    const claim = async () => (await api('GET', `/claims/${claimId}`)).body;
    const until = async (done: (c: { status: string; waitingFor?: string }) => boolean) => {
      for (let i = 0; i < 150 && !done(await claim()); i++) await new Promise((r) => setTimeout(r, 200));
    };
    await api('POST', '/claims', { agencyId: 'AG-NEULBOM', month: previous });
    await until((c) => c.status === 'review' && c.waitingFor === 'agency');
    expect((await api('POST', `/claims/${claimId}/submit`)).status).toBe(200);
    // the clerk starts with nothing unread
    await api('POST', '/me/inbox/read-all');

    const agencyView = await suite.openPage();
    const branchView = await suite.openPage();
    const agency = agencyView.page;
    const branch = branchView.page;
    await Promise.all([
      signInByKeyboard(agency, suite.stack, 'agency_neulbom', { system: '/agency' }),
      signInByKeyboard(branch, suite.stack, 'gyeonggi_branch', { system: '/internal' }),
    ]);
    await agency.locator('#inbox-link').waitFor();
    expect(await agency.locator('#inbox-unread').isHidden()).toBe(true);

    // the branch's header counts the submitted claim; it returns the claim with a reason
    await branch.goto(`/internal/claims/${claimId}`);
    await expect.poll(() => branch.locator('#inbox-unread').textContent()).toMatch(/읽지 않은 알림 \d+건/);
    await branch.getByRole('button', { name: '반려' }).waitFor({ timeout: 30_000 });
    await branch.locator('#decision-reason').fill('둘째 주 활동일지의 시간을 근태와 맞춰 주세요.');
    await branch.getByRole('button', { name: '반려' }).click();
    await branch.locator('#claim-status').getByText('반려 (기관 수정 중)').waitFor();

    // the clerk's header counts it on the next page, and the inbox shows it
    await agency.goto('/agency');
    await expect.poll(() => agency.locator('#inbox-unread').textContent()).toBe(' 읽지 않은 알림 1건');
    await agency.locator('#inbox-link').click();
    await agency.waitForURL('**/agency/inbox');
    const table = agency.locator('#inbox-table');
    await table.waitFor();
    expect(await table.locator('thead th').allTextContents()).toEqual(['받은 일시', '상태', '내용', '처리']);
    const row = table.locator('tbody tr').first();
    await row.getByText('사업비 신청이 반려되었습니다').waitFor();
    expect(await row.textContent()).toContain('둘째 주 활동일지의 시간을 근태와 맞춰 주세요.');
    expect(await row.textContent()).toContain('안 읽음');
    expect(await agency.locator('#inbox-count').textContent()).toBe('읽지 않은 알림 1건');
    await expectNoAxeViolations(agency);

    // following the message opens the claim and reads the message: the count is gone
    await row.getByRole('link', { name: '바로 가기' }).click();
    await agency.waitForURL(`**/agency/claims/${claimId}`);
    await agency.locator('#claim-status').getByText('반려 (기관 수정 중)').waitFor({ timeout: 30_000 });
    await agency.goto('/agency/inbox');
    await table.locator('tbody tr').first().getByText('읽음', { exact: true }).waitFor();
    await expect.poll(() => agency.locator('#inbox-unread').isHidden()).toBe(true);
    expect(await agency.getByRole('button', { name: '읽음으로 표시', exact: true }).count()).toBe(0);

    // the branch marks everything read from its own inbox
    await branch.locator('#inbox-link').click();
    await branch.waitForURL('**/internal/inbox');
    await branch.locator('#inbox-table').waitFor();
    await branch.getByRole('button', { name: '모두 읽음으로 표시' }).click();
    await branch.getByText(/알림 \d+건을 읽음으로 표시했습니다/).waitFor();
    await expect.poll(() => branch.locator('#inbox-unread').isHidden()).toBe(true);
    await expectNoAxeViolations(branch);
    expect(unexpectedErrors(agencyView)).toEqual([]);
    expect(unexpectedErrors(branchView)).toEqual([]);
  }, 240_000);
});
