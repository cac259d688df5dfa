import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations, signInByKeyboard, unexpectedErrors } from '../support/browser.ts';
import { browserSuite } from '../support/browser-suite.ts';

// 연도별 요율표 (issue 8 §2): hq reads the year's table and saves a new version with a reason,
// including an agency's own industrial-accident rate.
// the demo data seeds the 2026 table (functions/rates/rules.ts DEFAULT_RATE_TABLE_2026)
const suite = browserSuite();

const year = 2026;

describe('yearly rate tables in the browser', () => {
  it('hq changes the hourly wage as a new version with a reason; the history says what changed', async () => {
    const view = await suite.openPage();
    const { page } = view;
    await signInByKeyboard(page, suite.stack, 'hq_admin', { system: '/internal' });
    await page.goto(`/internal/rates?year=${year}`);
    const table = page.locator('table', { hasText: '시간급(원)' }).first();
    await table.waitFor();
    expect(await table.locator('caption').textContent()).toContain('버전 1');
    expect(await table.textContent()).toContain('10,320');
    await expectNoAxeViolations(page);

    // no reason: the summary names the field and nothing is saved
    await page.locator('#rate-rates-hourlyWage').fill('10500');
    await page.getByRole('button', { name: '새 버전으로 저장' }).click();
    const summary = page.locator('#rate-errors');
    await summary.getByText('변경 사유를 입력해 주세요.').first().waitFor();
    await expectNoAxeViolations(page);

    // a figure that is not a number is named too
    await page.locator('#rate-rates-severanceRate').fill('팔퍼센트');
    await page.locator('#rate-reason').fill('최저임금 고시 반영');
    await page.getByRole('button', { name: '새 버전으로 저장' }).click();
    await summary.getByText('퇴직적립금 비율은(는) 숫자로 입력해 주세요.').first().waitFor();

    await page.locator('#rate-rates-severanceRate').fill('0.0833');
    await page.getByRole('button', { name: '새 버전으로 저장' }).click();
    await page.getByText('버전 2(으)로 저장했습니다.').waitFor();
    const history = page.locator('table', { hasText: '변경 사유' });
    expect(await history.textContent()).toContain('시간급(원): 10,320 → 10,500');
    expect(await page.locator('table', { hasText: '시간급(원)' }).first().textContent()).toContain('10,500');
    await expectNoAxeViolations(page);

    // an agency's own industrial-accident rate, saved as the next version
    await page.locator('#override-agency').selectOption({ label: '다온직업재활협회' });
    await page.locator('#override-industrialAccident').fill('0.009');
    await page.locator('#override-reason').fill('다온 업종 산재요율 반영');
    await page.getByRole('button', { name: '기관별 요율 저장' }).click();
    await page.getByText('버전 3(으)로 저장했습니다.').waitFor();
    const overrides = page.locator('table:has(caption:has-text("기관별 요율"))');
    expect(await overrides.textContent()).toContain('다온직업재활협회');
    expect(await overrides.textContent()).toContain('0.009');
    expect(await page.locator('table', { hasText: '변경 사유' }).textContent()).toContain(
      '다온직업재활협회 산재보험 요율: 없음 → 0.009',
    );
    await expectNoAxeViolations(page);
    expect(unexpectedErrors(view)).toEqual([]);
  });

  it('branch staff read the table but cannot change it', async () => {
    const view = await suite.openPage();
    const { page } = view;
    await signInByKeyboard(page, suite.stack, 'seoul_branch', { system: '/internal' });
    await page.goto(`/internal/rates?year=${year}`);
    await page.getByText('요율표는 본부가 고칩니다.').waitFor();
    expect(await page.locator('#rate-form').count()).toBe(0);
    await expectNoAxeViolations(page);
  });
});
