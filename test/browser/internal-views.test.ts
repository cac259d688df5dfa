import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoMonths } from '#local/demo-activity';
import { demoCalendar } from '#local/demo-calendar';
import { expectNoAxeViolations, signInByKeyboard, unexpectedErrors } from '../support/browser.ts';
import { browserSuite } from '../support/browser-suite.ts';

// Issue 15 §3 in the browser on the local stack: the internal system's menu 수행기관 업무 현황 opens
// the agencies' six screens read only, with the filters 관할지사 / 수행기관 / 연도·월. 서울지사 reads
// each screen's column headers by the seed's Korean names (the agency's table plus 수행기관) on
// 한빛's demo data; hq narrows a screen to one branch's agency with the filters. No screen offers
// an action (정정, 소명, 선택, 종료하기). axe on every screen.

const suite = browserSuite();
const { previous: month } = demoMonths();
const year = demoCalendar().serviceYear;

const headersOf = (page: Page, table: string) => page.locator(`${table} thead th`).allTextContents();

const MONTHS = Array.from({ length: 12 }, (_, i) => `${i + 1}월`);

describe('the branch and hq views of the agencies’ screens (issue 15 §3)', () => {
  it('서울지사 reads each screen with the seed’s columns and 수행기관, read only', async () => {
    const opened = await suite.openPage();
    const { page } = opened;
    await signInByKeyboard(page, suite.stack, 'seoul_branch', { system: '/internal' });

    // the menu leads to the six screens (the header's menu and the system home's cards)
    await page.goto('/internal');
    for (const path of ['activity-logs', 'attendance-comparison', 'assistants', 'matchings', 'leave', 'payroll']) {
      await expect
        .poll(() => page.locator(`a[href="/internal/${path}"]`).count(), { message: path })
        .toBeGreaterThan(0);
    }

    // 활동일지 관리
    await page.goto(`/internal/activity-logs?month=${month}`);
    await page.locator('#il-table').waitFor();
    expect(await headersOf(page, '#il-table')).toEqual([
      '수행기관',
      '근로지원인',
      '근로자',
      '순번',
      '활동일자',
      '활동시간',
      '근태',
      '활동내용',
      '기타 활동내용',
      '특이사항 등록여부',
      '근로자 동의여부',
    ]);
    expect(await page.locator('#il-table tbody td[data-label="수행기관"]').first().textContent()).toBe(
      '한빛근로지원센터',
    );
    expect(await page.locator('main').getByRole('link', { name: /정정/ }).count()).toBe(0);
    await expectNoAxeViolations(page);

    // 근무이력 비교
    await page.goto(`/internal/attendance-comparison?month=${month}`);
    await page.locator('#ic-agencies').waitFor();
    expect(await headersOf(page, '#ic-agencies')).toEqual([
      '수행기관',
      '출퇴근 자료',
      '확인 항목',
      '조치 필요',
      '소명함',
      '참고',
      '월 제출',
    ]);
    await page.locator('#ic-days').waitFor();
    expect(await headersOf(page, '#ic-days')).toEqual([
      '날짜',
      '수행기관',
      '근로지원인',
      '출퇴근 기록',
      '활동일지',
      '확인 사항',
    ]);
    expect(await page.locator('main').getByText('소명하기').count()).toBe(0);
    expect(
      await page
        .locator('main')
        .getByRole('link', { name: /활동일지 고치기/ })
        .count(),
    ).toBe(0);
    await expectNoAxeViolations(page);

    // 근로지원인 등록 (보기)
    await page.goto(`/internal/assistants?month=${month}`);
    await page.locator('#ia-table').waitFor();
    expect(await headersOf(page, '#ia-table')).toEqual([
      '수행기관',
      '성명',
      '관리번호',
      '생년월일',
      '휴대전화',
      '입사일',
      '상태',
      '4대보험',
      '자격제한 조회',
    ]);
    expect(await page.locator('main').getByRole('link', { name: /등록/ }).count()).toBe(0);
    await expectNoAxeViolations(page);

    // 매칭 관리
    await page.goto(`/internal/matchings?month=${month}`);
    await page.locator('#im-table').waitFor();
    expect(await headersOf(page, '#im-table')).toEqual([
      '수행기관',
      '근로자',
      '근로지원인',
      '사업장',
      '기간',
      '주간 일정',
      '지원 유형',
      '상태',
    ]);
    expect(
      await page
        .locator('main')
        .getByRole('link', { name: /종료하기/ })
        .count(),
    ).toBe(0);
    await expectNoAxeViolations(page);

    // 연차 관리
    await page.goto(`/internal/leave?year=${year}`);
    await page.locator('#iv-list').waitFor();
    expect(await headersOf(page, '#iv-list')).toEqual([
      '수행기관',
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
      ...MONTHS,
      '남은 연차',
      '초과 사용 사유',
      '사용촉진',
    ]);
    await expectNoAxeViolations(page);

    // 급여 관리: the agency's own columns (its pay items), no 선택
    await page.goto(`/internal/payroll?month=${month}`);
    await page.locator('#ip-table-0').waitFor();
    const payroll = await headersOf(page, '#ip-table-0');
    expect(payroll.slice(0, 5)).toEqual(['수행기관', '급여연월', '근로지원인명', '생년월일', '입사일']);
    expect(payroll).toEqual(expect.arrayContaining(['기본급', '국민연금', '지방소득세', '실지급액']));
    expect(payroll).not.toContain('선택');
    expect(await page.locator('main input[type="checkbox"]').count()).toBe(0);
    await expectNoAxeViolations(page);

    expect(unexpectedErrors(opened)).toEqual([]);
  });

  it('hq narrows a screen to one branch’s agency with 관할지사 and 수행기관', async () => {
    const { page } = await suite.openPage();
    await signInByKeyboard(page, suite.stack, 'hq_admin', { system: '/internal' });
    await page.goto(`/internal/payroll?month=${month}`);
    await page.locator('#ip-table-0').waitFor();
    // every branch: 한빛 (서울) and 늘봄 (경기) both have last month's payroll
    const names = async () => page.locator('main h3.app-section-title').allTextContents();
    expect(await names()).toEqual(expect.arrayContaining(['한빛근로지원센터', '늘봄장애인자립지원센터']));

    await page.locator('#ip-branch').selectOption({ label: '경기지사' });
    await page.getByRole('button', { name: '조회', exact: true }).click();
    await page.waitForURL(/branchId=BR-GYEONGGI/);
    await page.locator('#ip-table-0').waitFor();
    expect(await names()).toEqual(['늘봄장애인자립지원센터']);

    // the 수행기관 choices are the chosen branch's agencies
    const agency = page.locator('#ip-agency');
    await expect.poll(() => agency.locator('option').allTextContents()).toContain('다온직업재활협회');
    expect(await agency.locator('option').allTextContents()).not.toContain('한빛근로지원센터');
    await agency.selectOption({ label: '늘봄장애인자립지원센터' });
    await page.getByRole('button', { name: '조회', exact: true }).click();
    await page.waitForURL(/agencyId=AG-NEULBOM/);
    await page.locator('#ip-table-0').waitFor();
    expect(await names()).toEqual(['늘봄장애인자립지원센터']);
    await expectNoAxeViolations(page);
  });
});
