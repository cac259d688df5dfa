import { describe, expect, it } from 'vitest';
import { demoMonths } from '#local/demo-activity';
import type { Json } from '../support/api.ts';
import { expectNoAxeViolations, signInByKeyboard, unexpectedErrors } from '../support/browser.ts';
import { browserSuite } from '../support/browser-suite.ts';
import { checkedCallApi } from '../support/contract.ts';
import { signInThroughApi } from '../support/session.ts';

// Rate corrections (issue 15 §6) in the browser: 늘봄's claim of last month is approved (through the
// API), hq corrects the year's hourly wage, and 경기지사 opens 요율 정정 차액 from its menu, reads the
// difference per agency, claim and assistant, downloads the Excel and carries the difference into the
// next settlement. axe on the page.

const suite = browserSuite();
const { previous } = demoMonths();
const year = previous.slice(0, 4);
const claimId = `AG-NEULBOM_${previous}`;

describe('요율 정정 차액 in the browser', () => {
  it('shows the branch the difference of a corrected table and carries it into the next settlement', async () => {
    const tokens: Record<string, string> = {};
    for (const user of ['agency_neulbom', 'gyeonggi_branch', 'hq_admin']) {
      tokens[user] = await signInThroughApi(suite.stack, user);
    }
    const api = (as: string, method: string, path: string, body?: unknown) =>
      checkedCallApi(suite.stack, tokens[as], method, path, body);
    const until = async (done: (c: Json) => boolean) => {
      for (let i = 0; i < 150; i++) {
        if (done((await api('agency_neulbom', 'GET', `/claims/${claimId}`)).body)) return;
        await new Promise((r) => setTimeout(r, 200));
      }
    };
    await api('agency_neulbom', 'POST', '/claims', { agencyId: 'AG-NEULBOM', month: previous });
    await until((c) => c.status === 'review' && c.waitingFor === 'agency');
    await api('agency_neulbom', 'POST', `/claims/${claimId}/submit`);
    await until((c) => c.waitingFor === 'branch');
    await api('gyeonggi_branch', 'POST', `/claims/${claimId}/decision`, { action: 'approve' });
    await until((c) => c.status === 'approved');
    const table = (await api('hq_admin', 'GET', `/rate-tables/${year}`)).body.current;
    const content = structuredClone(table.content);
    content.rates.hourlyWage += 100;
    const saved = await api('hq_admin', 'POST', `/rate-tables/${year}/versions`, {
      basedOn: table.version,
      reason: '시간급 정정',
      content,
    });
    expect(saved.status).toBe(201);

    const view = await suite.openPage();
    const page = view.page;
    await signInByKeyboard(page, suite.stack, 'gyeonggi_branch', { system: '/internal' });
    await page.goto('/internal/claims');
    await page.locator('.app-side').getByRole('link', { name: '요율 정정 차액' }).click();
    await page.waitForURL('**/internal/rate-corrections');
    await page.locator('#rc-year').selectOption(year);
    await page.getByRole('button', { name: '조회', exact: true }).click();
    await page.waitForURL(`**/internal/rate-corrections?year=${year}`);
    const claims = page.locator('#rc-claims');
    await claims.waitFor({ timeout: 30_000 });
    expect(await page.locator('#rc-agencies thead th').allTextContents()).toEqual([
      '수행기관',
      '신청 건수',
      '급여 차액',
      '본인부담금 차액',
      '지급액 차액',
      '사회보험료 차액',
      '사업운영비 차액',
      '퇴직적립금 차액',
      '합계 차액',
    ]);
    expect(await claims.locator('thead th').allTextContents()).toEqual([
      '수행기관',
      '수행년월',
      '사용한 버전',
      '결정 합계',
      '정정 합계',
      '합계 차액',
      '정산 반영',
    ]);
    const row = claims.locator('tbody tr', { hasText: previous });
    expect(await row.textContent()).toContain(`버전 ${table.version}`);
    expect(await row.locator('td').nth(4).textContent()).toMatch(/^\+[\d,]+원$/);
    expect(await page.locator('#rc-assistants-0 tbody tr').count()).toBeGreaterThan(0);
    await expectNoAxeViolations(page);

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '엑셀 내려받기' }).click();
    expect((await download).suggestedFilename()).toBe(`요율정정차액_${year}년_버전${saved.body.version}.xlsx`);

    await row.getByRole('button', { name: '다음 정산에 반영' }).click();
    await page.getByText(/다음 사업비 정산에 반영합니다/).waitFor();
    await row.getByText('다음 정산에 반영 예정').waitFor();
    await page.reload();
    await claims.locator('tbody tr', { hasText: previous }).getByText('다음 정산에 반영 예정').waitFor();
    expect(unexpectedErrors(view)).toEqual([]);
  }, 240_000);
});
