import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { STATUS_LABELS } from '#functions/claims/claim-rules';
import { demoMonths } from '#local/demo-activity';
import { demoClaimPlan } from '#local/demo-claims';
import { DEMO_ACCOUNTS } from '#local/demo-data';
import { expectNoAxeViolations, signInByKeyboard } from '../support/browser.ts';
import { browserSuite } from '../support/browser-suite.ts';

// C5 in the browser on the local stack, through the claim-month state machine: 늘봄's agency starts
// last month's claim (the demo submitted it), reads the seed-000 columns and "이 금액의 근거" down to
// the entries, downloads the Excel and submits; 경기지사 returns it with a reason (and is told to write
// one first); the agency recomputes and resubmits; the branch approves. Then the co-payments (C7) and
// the half-year settlement (C6) on the same stack. axe on every screen.

const suite = browserSuite();

const { previous } = demoMonths();
const claimId = `AG-NEULBOM_${previous}`;

const status = (page: Page) => page.locator('#claim-status');

describe('the server’s day on screen', () => {
  it('defaults the claim month to last month of the server’s day, not of the device’s clock', async () => {
    const { page } = await suite.openPage();
    // a device whose clock is years off (Date.now and new Date() fixed; timers keep running)
    await page.clock.setFixedTime(new Date('2020-05-05T03:00:00Z'));
    await signInByKeyboard(page, suite.stack, 'agency_hanbit', { system: '/agency' });
    await page.goto('/agency/claims');
    // drawn first with the device's day, then again once the server's clock has answered
    await expect.poll(() => page.locator('#claim-month').inputValue()).toBe(previous);
    expect(await page.locator('#claim-month-hint').textContent()).toContain(previous);
  });
});

describe('the monthly claim in the browser (C5)', () => {
  it('goes from the submitted month to a branch-approved claim on both sides’ screens', async () => {
    const agencyView = await suite.openPage();
    const branchView = await suite.openPage();
    const agency = agencyView.page;
    const branch = branchView.page;
    await Promise.all([
      signInByKeyboard(agency, suite.stack, 'agency_neulbom', { system: '/agency' }),
      signInByKeyboard(branch, suite.stack, 'gyeonggi_branch', { system: '/internal' }),
    ]);

    // the agency starts last month's claim
    await agency.goto('/agency/claims');
    // the demo's earlier months are there already (when the service year has any); last month is not
    if (demoClaimPlan().some((c) => c.agencyId === 'AG-NEULBOM')) {
      await agency.locator('#claims-table').waitFor();
      expect(await agency.locator('#claims-table tbody tr', { hasText: previous }).count()).toBe(0);
    } else {
      await agency.locator('main').getByText('아직 사업비 신청이 없습니다.').waitFor();
    }
    await expectNoAxeViolations(agency);
    await agency.locator('#claim-month').fill(previous);
    await agency.getByRole('button', { name: '사업비 계산 시작' }).click();
    await agency.waitForURL(`**/agency/claims/${claimId}`);
    await status(agency).getByText('기관 검토 중').waitFor({ timeout: 30_000 });

    // the columns of seed 000, and the why of an amount down to its entries
    const headers = await agency.locator('#claim-activity thead th').allTextContents();
    expect(headers).toEqual([
      'No.',
      '근로지원인',
      '생년월일',
      '장애인 근로자',
      '사업장명',
      '서비스',
      '주휴',
      '유가',
      '휴일',
      '공가',
      '교육',
      '합계',
      '전체',
      '단독',
      '1:2',
      '1:3',
      '활동일자',
    ]);
    // the register's birth date and the matching's workplace fill the first row
    const firstRow = await agency.locator('#claim-activity tbody tr').first().locator('th, td').allTextContents();
    expect(firstRow[2]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(firstRow[4]).not.toBe('-');
    expect(firstRow[16]).toMatch(/^\d+일 \(/);
    // 세부 활동내용: per assistant × worker, with 사업장구분 and the branch's 결정시간
    expect(await agency.locator('#claim-pairs thead th').allTextContents()).toEqual([
      'No.',
      '근로지원인',
      '생년월일',
      '장애인 근로자',
      '사업장명',
      '사업장구분',
      '결정시간',
      '단독',
      '1:2',
      '1:3',
      '서비스',
      '유가',
      '휴일',
      '공가',
      '교육',
      '합계',
    ]);
    const pair = await agency.locator('#claim-pairs tbody tr').first().locator('th, td').allTextContents();
    expect(pair[5]).not.toBe('-');
    expect(pair[6]).toMatch(/^월 \d+시간$/);
    expect(await agency.locator('#claim-costs thead th').allTextContents()).toEqual([
      '수행년월',
      '서비스',
      '주휴',
      '유가',
      '휴일',
      '공가',
      '교육',
      '급여',
      '본인부담금',
      '지급액',
      '사회보험료',
      '사업운영비',
      '사업비정산 금액',
    ]);
    expect(await agency.locator('#claim-money thead th').allTextContents()).toContain('퇴직적립금');
    await agency
      .locator('#claim-money')
      .getByRole('link', { name: /이 금액의 근거/ })
      .first()
      .click();
    const why = agency.locator('#why-0');
    await expect.poll(() => why.getByText('급여 = 시간급 10,320원').count()).toBeGreaterThan(0);
    expect(await agency.locator('#why-entries-0 tbody tr').count()).toBeGreaterThan(0);
    await expectNoAxeViolations(agency);

    const download = agency.waitForEvent('download');
    await agency.getByRole('button', { name: '엑셀 내려받기' }).click();
    expect((await download).suggestedFilename()).toBe(
      `사업비신청_${await agency.locator('.app-facts dd').first().textContent()}_${previous}.xlsx`,
    );

    await agency.getByRole('button', { name: '지사에 제출' }).click();
    await status(agency).getByText('지사 결정 대기').waitFor();

    // the branch returns it, after being told that a return needs a reason
    await branch.goto('/internal/claims');
    await branch.getByRole('link', { name: new RegExp(previous) }).click();
    await branch.getByRole('button', { name: '반려' }).waitFor({ timeout: 30_000 });
    await expectNoAxeViolations(branch);
    await branch.getByRole('button', { name: '반려' }).click();
    await branch.getByText('반려 사유를 입력해 주세요.').waitFor();
    await branch.locator('#decision-reason').fill('둘째 주 활동일지의 시간을 근태와 맞춰 주세요.');
    await branch.getByRole('button', { name: '반려' }).click();
    await status(branch).getByText('반려 (기관 수정 중)').waitFor();

    // the agency sees why, recomputes and resubmits
    await agency.reload();
    await agency
      .getByText('지사 반려 사유: 둘째 주 활동일지의 시간을 근태와 맞춰 주세요.')
      .waitFor({ timeout: 30_000 });
    await agency.getByRole('button', { name: '활동일지로 다시 계산' }).waitFor();
    await agency.getByRole('button', { name: '활동일지로 다시 계산' }).click();
    await status(agency).getByText('기관 검토 중').waitFor({ timeout: 30_000 });
    await agency.getByRole('button', { name: '지사에 제출' }).click();
    await status(agency).getByText('지사 결정 대기').waitFor();

    // the branch approves; the history shows every step on both sides
    await branch.reload();
    await branch.getByRole('button', { name: '승인' }).click({ timeout: 30_000 });
    await status(branch).getByText('승인').waitFor();
    await expectNoAxeViolations(branch);
    await agency.reload();
    await status(agency).getByText('승인').waitFor();
    expect(await agency.getByRole('button', { name: '지사에 제출' }).count()).toBe(0);
    const actions = await agency.locator('#claim-history tbody td:nth-child(2)').allTextContents();
    expect(actions).toEqual([
      '신청 시작',
      '계산 완료',
      '기관 제출',
      '지사 반려',
      '다시 계산 요청',
      '계산 완료',
      '기관 제출',
      '지사 승인',
    ]);
    await expectNoAxeViolations(agency);
    expect(agencyView.errors.filter((e) => !/status of 4\d\d/.test(e))).toEqual([]);
    expect(branchView.errors.filter((e) => !/status of 4\d\d/.test(e))).toEqual([]);
  }, 180_000);

  it('shows the demo’s earlier months in each state, every agency its own, a returned one with its reason', async () => {
    const plan = demoClaimPlan();
    const view = await suite.openPage();
    const page = view.page;
    await signInByKeyboard(page, suite.stack, 'agency_hanbit', { system: '/agency' });
    await page.goto('/agency/claims');
    const own = plan.filter((c) => c.agencyId === 'AG-HANBIT');
    if (!own.length) {
      // February: last month is the service year's first, so there is no earlier month to show
      await page.locator('main').getByText('아직 사업비 신청이 없습니다.').waitFor();
      return;
    }
    const table = page.locator('#claims-table');
    await table.waitFor({ timeout: 30_000 });
    for (const claim of own) {
      const row = table.locator('tbody tr', { hasText: claim.month });
      await row.first().waitFor();
      expect(await row.first().textContent()).toContain(STATUS_LABELS[claim.state]);
    }
    expect(await table.locator('tbody tr').count()).toBe(own.length);
    const returned = own.find((c) => c.state === 'returned');
    if (returned) {
      await table
        .getByRole('link', { name: new RegExp(returned.month) })
        .first()
        .click();
      await page.getByText(/지사 반려 사유: 둘째 주 활동일지/).waitFor({ timeout: 30_000 });
      expect(await page.locator('#claim-activity tbody tr').count()).toBeGreaterThan(0);
    }
    await expectNoAxeViolations(page);
    expect(view.errors.filter((e) => !/status of 4\d\d/.test(e))).toEqual([]);
  }, 120_000);

  it('lets hq read every branch’s claims with the seed’s columns, filter them and download the picked ones', async () => {
    const view = await suite.openPage();
    const hq = view.page;
    await signInByKeyboard(hq, suite.stack, 'hq_admin', { system: '/internal' });
    // hq reaches the list from its menu (it used to open 권한이 없습니다)
    await hq.goto('/internal/claims');
    const table = hq.locator('#claims-table');
    await table.waitFor({ timeout: 30_000 });
    expect(await table.locator('thead th').allTextContents()).toEqual([
      '선택',
      'No.',
      '신청일자',
      '수행년월',
      '수행기관',
      '진행상태',
      '결정일자',
      '총근로시간',
      '급여 (A)',
      '본인부담금 (B)',
      '지급액 (C)',
      '사회보험료 (D)',
      '사업운영비 (E)',
      '퇴직적립금 (F)',
      '합계 (G)',
    ]);
    await table.locator('tbody tr', { hasText: '승인' }).first().waitFor();
    await expectNoAxeViolations(hq);

    // the filters: 관할지사 and 수행년도/월 go into the address, so the list can be shared and reloaded
    await hq.locator('#cl-branch').selectOption('BR-GYEONGGI');
    await hq.locator('#cl-year').selectOption(previous.slice(0, 4));
    await hq.locator('#cl-month').selectOption(previous.slice(5, 7));
    await hq.getByRole('button', { name: '조회', exact: true }).click();
    await hq.waitForURL(/branchId=BR-GYEONGGI/);
    await table.locator('tbody tr', { hasText: previous }).first().waitFor({ timeout: 30_000 });

    // nothing picked: told what to do; picked: one workbook
    await hq.getByRole('button', { name: '선택한 신청 엑셀 내려받기' }).click();
    await hq.getByText('하나 이상 골라 주세요').waitFor();
    // by keyboard: the row's checkbox takes focus and Space ticks it
    const pick = table.getByRole('checkbox', { name: new RegExp(`선택: .* ${previous}`) }).first();
    await pick.focus();
    await hq.keyboard.press('Space');
    expect(await pick.isChecked()).toBe(true);
    const download = hq.waitForEvent('download');
    await hq.getByRole('button', { name: '선택한 신청 엑셀 내려받기' }).click();
    expect((await download).suggestedFilename()).toBe('사업비신청목록_1건.xlsx');

    // hq reads the claim, but the decision stays the branch's
    await table
      .getByRole('link', { name: new RegExp(previous) })
      .first()
      .click();
    await status(hq).getByText('승인').waitFor({ timeout: 30_000 });
    expect(await hq.getByRole('button', { name: '반려' }).count()).toBe(0);
    // 수행기관 상세: the agency's account and the rates the claim applied, as percentages
    await hq.getByRole('heading', { name: '수행기관 상세' }).waitFor();
    const details = await hq.locator('.app-facts dt').allTextContents();
    for (const term of [
      '수행년월',
      '수행기관명',
      '담당자',
      '전화번호',
      '팩스번호',
      '은행명',
      '계좌번호',
      '예금주명',
      '사업운영비 적용비율',
      '고용보험',
      '산재보험',
      '건강보험',
      '국민연금',
    ]) {
      expect(details).toContain(term);
    }
    await hq.locator('.app-facts dd', { hasText: '10.49%' }).first().waitFor();
    expect(view.errors.filter((e) => !/status of 4\d\d/.test(e))).toEqual([]);
  }, 120_000);

  it('shows each worker’s co-payment to the agency, who records a payment, and to the worker with a PDF', async () => {
    const agencyView = await suite.openPage();
    const workerView = await suite.openPage({ viewport: 'mobile' });
    const agency = agencyView.page;
    const worker = workerView.page;
    await Promise.all([
      signInByKeyboard(agency, suite.stack, 'agency_neulbom', { system: '/agency' }),
      signInByKeyboard(worker, suite.stack, 'worker02', { system: '' }),
    ]);

    await agency.goto('/agency/copayments');
    await agency.locator('#copay-table').waitFor({ timeout: 30_000 });
    await expectNoAxeViolations(agency);
    const workerName = DEMO_ACCOUNTS.find((a) => a.username === 'worker02')!.name;
    const form = agency.locator(`form[aria-label="${workerName} ${previous} 받은 기록"]`);
    await form.locator('input[name="date"]').fill(`${previous}-28`);
    await form.locator('input[name="amount"]').fill('100');
    await form.getByRole('button', { name: '받은 기록 저장' }).click();
    await agency
      .locator('#copay-message')
      .getByText(/받은 기록을 저장했습니다/)
      .waitFor();
    expect(await agency.locator('#copay-table').textContent()).toContain(`${previous}-28 100원 (계좌이체)`);

    await worker.goto('/my/copayments');
    await worker.locator('#my-copay-table').waitFor();
    expect(await worker.locator('#my-copay-table').textContent()).toContain('100원 (계좌이체)');
    await expectNoAxeViolations(worker);
    const download = worker.waitForEvent('download');
    await worker.getByRole('button', { name: /납부 확인서 내려받기/ }).click();
    expect((await download).suggestedFilename()).toMatch(/^본인부담금_납부확인서_\d{4}-\d{2}-\d{2}\.pdf$/);
    expect(agencyView.errors.filter((e) => !/status of 4\d\d/.test(e))).toEqual([]);
    expect(workerView.errors.filter((e) => !/status of 4\d\d/.test(e))).toEqual([]);
  }, 120_000);

  it('files the half-year settlement; the branch returns it, the agency refiles and the branch approves', async () => {
    const agencyView = await suite.openPage();
    const branchView = await suite.openPage();
    const agency = agencyView.page;
    const branch = branchView.page;
    await Promise.all([
      signInByKeyboard(agency, suite.stack, 'agency_neulbom', { system: '/agency' }),
      signInByKeyboard(branch, suite.stack, 'gyeonggi_branch', { system: '/internal' }),
    ]);
    const period = `${previous.slice(0, 4)}-H${Number(previous.slice(5, 7)) <= 6 ? 1 : 2}`;

    await agency.goto('/agency/settlements');
    await agency.getByText('아직 정산 신청이 없습니다.').waitFor();
    await agency.locator('#st-period').selectOption(period);
    await agency.locator(`#st-adv-${previous}`).fill('1000000');
    await agency.getByRole('button', { name: '정산 신청' }).click();
    await agency.locator('.st-status').getByText('지사 결정 대기').waitFor({ timeout: 30_000 });
    expect(await agency.locator('#st-rows-0 thead th').allTextContents()).toEqual([
      '월',
      '받은 선지급액',
      '결정된 사업비',
      '차액',
    ]);
    expect(await agency.locator('#st-rows-0').textContent()).toContain('1,000,000원');
    await expectNoAxeViolations(agency);

    await branch.goto('/internal/settlements');
    await branch.locator('#st-reason-0').fill('선지급액을 통장 입금액과 맞춰 주세요.');
    await branch.getByRole('button', { name: '반려' }).click();
    await branch.locator('.st-status').getByText('반려 (기관 수정 중)').waitFor({ timeout: 30_000 });
    await expectNoAxeViolations(branch);

    await agency.reload();
    await agency.getByText('지사 반려 사유: 선지급액을 통장 입금액과 맞춰 주세요.').waitFor({ timeout: 30_000 });
    await agency.getByRole('button', { name: '고쳐서 다시 제출' }).waitFor({ timeout: 30_000 });
    await agency.locator(`#st-refile-0-${previous}`).fill('1200000');
    await agency.getByRole('button', { name: '고쳐서 다시 제출' }).click();
    await agency.locator('.st-status').getByText('지사 결정 대기').waitFor({ timeout: 30_000 });
    expect(await agency.locator('#st-rows-0').textContent()).toContain('1,200,000원');

    await branch.reload();
    await branch.getByRole('button', { name: '승인' }).click({ timeout: 30_000 });
    await branch.locator('.st-status').getByText('승인').waitFor();
    expect(agencyView.errors.filter((e) => !/status of 4\d\d/.test(e))).toEqual([]);
    expect(branchView.errors.filter((e) => !/status of 4\d\d/.test(e))).toEqual([]);
  }, 120_000);
});
