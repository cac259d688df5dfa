import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { DISQUALIFIED_MESSAGE } from '#functions/assistants/disqualifications';
import { expectNoAxeViolations, hasHorizontalScroll, type OpenedPage, screenshot } from '../support/browser.ts';
import { browserSuite } from '../support/browser-suite.ts';
import { clickLabel, koreaDate, outboxOf, signInBrowser, signUp } from '../support/people.ts';

// B4 → B2 (and B5) in the browser on the real local stack: 다온직업재활협회 posts an opening; a person
// who signed up as 근로지원인 finds it on the portal, applies online — answering 해당 to the statutory
// self-declaration stops the application with the reason — and applies with 미해당 and a career; the
// agency accepts with a hire date and the applicant is a registered assistant at once, with the
// resident number masked and shown in full only with a reason; the workforce list downloads as Excel
// with names masked. axe runs on every screen on the way.

const suite = browserSuite();

let agency: OpenedPage;
let applicant: OpenedPage;
const RRN = '970303-2345678';
const TITLE = '일산 오전 조립 현장 근로지원인';

beforeAll(async () => {
  [agency, applicant] = await Promise.all([suite.openPage(), suite.openPage({ viewport: 'mobile' })]);
  await signUp(suite.stack, { username: 'newhelper', name: '나도움', phone: '010-0000-0999', role: 'assistant' });
});

function pageErrors(o: OpenedPage): string[] {
  return o.errors.filter((e) => !/Failed to load resource: the server responded with a status of 4\d\d/.test(e));
}

describe('from a job posting to a registered assistant (B4, B2, B5)', () => {
  it('the agency posts an opening', async () => {
    const { page } = agency;
    await signInBrowser(suite.stack, page, 'agency_daon', '/agency/login');
    await page.goto('/agency/job-postings');
    await page.locator('#postings-table').waitFor();
    await expectNoAxeViolations(page);
    await page.locator('#posting-title').fill(TITLE);
    await page.locator('#posting-sido').selectOption('41');
    await page.locator('#posting-area').fill('고양시 일산동구 장항동');
    await page.locator('#posting-start').fill('08:30');
    await page.locator('#posting-end').fill('12:30');
    await page.locator('#posting-description').fill('전자부품 조립 현장에서 장애인 근로자의 작업을 돕습니다.');
    await page.getByRole('button', { name: '구인정보 올리기' }).click();
    await page.locator('#postings-done .app-notice-title').waitFor();
    expect(await page.locator('#postings-table').textContent()).toContain(TITLE);
  });

  it('a prospective assistant finds it on the portal and applies; 해당 stops the application', async () => {
    const { page } = applicant;
    await page.goto('/work-assistant/jobs');
    await page.locator('#jobs-table').waitFor();
    await page.locator('#jobs-sido').selectOption('41');
    await page.locator('#jobs-from').fill('08:00');
    await page.getByRole('button', { name: '조회', exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get('sido') === '41');
    await page.locator('#jobs-table').waitFor();
    expect(await page.locator('#jobs-table caption').textContent()).toContain('구인정보');
    await expectNoAxeViolations(page);
    expect(await hasHorizontalScroll(page)).toBe(false);
    await page.getByRole('link', { name: TITLE }).click();
    await page.getByRole('link', { name: '이 구인정보로 활동 신청하기' }).click();
    await page.waitForURL((url) => url.pathname === '/login');
    await signInBrowser(suite.stack, page, 'newhelper');
    await page.waitForURL((url) => url.pathname === '/work-assistant/activity-application');
    await page.locator('#activity-form').waitFor();
    expect(await page.locator('#act-agency').inputValue()).toBe('AG-DAON');
    expect(await page.locator('#act-desired-start').inputValue()).toBe('08:30');
    await expectNoAxeViolations(page);

    await page.locator('#act-break-start').fill('10:30');
    await page.locator('#act-break-end').fill('10:40');
    await page.locator('#act-qualification').selectOption('careWorker');
    await page.locator('#act-rrn').fill(RRN);
    await page.locator('#act-address').fill('경기도 고양시 일산동구 백석동 7');
    await page.locator('#act-email').fill('helper@example.com');
    await clickLabel(page, 'act-declaration');
    // 해당: the explanation shows at once, and the application does not go
    await page.getByText(DISQUALIFIED_MESSAGE).first().waitFor();
    await clickLabel(page, 'act-declaration-confirmed');
    await clickLabel(page, 'act-consent-privacy');
    await clickLabel(page, 'act-consent-unique');
    await page.getByRole('button', { name: '신청', exact: true }).click();
    await page.locator('#error-summary').waitFor();
    expect(await page.locator('#error-summary').textContent()).toContain('근로지원인으로 활동할 수 없어');
    await expectNoAxeViolations(page);

    await clickLabel(page, 'act-declaration-notApplicable');
    await page.getByRole('button', { name: '경력 추가' }).click();
    await page.locator('#act-career-0-from').fill('2024-03-01');
    await page.locator('#act-career-0-to').fill('2025-02-28');
    await page.locator('#act-career-0-note').fill('(예시) 이전 수행기관');
    await page.getByRole('button', { name: '신청', exact: true }).click();
    await page.locator('#activity-done .app-notice-title').waitFor();
    expect(await page.locator('#activity-done').textContent()).toContain('다온직업재활협회에 활동 신청을 했습니다');
    await expectNoAxeViolations(page);
    await screenshot(page, 'activity-application-done-mobile');

    await page.goto('/my/activity-applications');
    await page.locator('#my-activity-table').waitFor();
    expect(await page.locator('#my-activity-table tbody').textContent()).toContain('신청');
    await expectNoAxeViolations(page);
    expect(pageErrors(applicant)).toEqual([]);
  });

  it('the agency accepts; the applicant is registered without retyping, the number masked', async () => {
    const { page } = agency;
    await page.goto('/agency/activity-applications');
    await page.locator('#activity-table').waitFor();
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: '나도움' }).click();
    await page.locator('#review-form').waitFor();
    expect(await page.locator('#review-body').textContent()).toContain('970303-2******');
    expect(await page.locator('#review-body').textContent()).not.toContain('2345678');
    await clickLabel(page, 'review-decision');
    await page.locator('#review-hire').fill(koreaDate(7));
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: '검토 결과 저장' }).click();
    await page.locator('#review-done .app-notice-title').waitFor();
    expect(await page.locator('#review-done').textContent()).toContain('근로지원인으로 등록되었습니다');
    await page.locator('#review-done').getByRole('link').click();

    await page.locator('#identity-title').waitFor();
    const identity = (await page.locator('main').textContent()) ?? '';
    for (const text of [
      '나도움',
      '970303-2******',
      '010-0000-0999',
      'newhelper',
      '요양보호사',
      '(예시) 이전 수행기관',
      '대기',
    ]) {
      expect(identity).toContain(text);
    }
    await expectNoAxeViolations(page);

    // the full number needs a reason; the read is recorded
    await page.getByRole('button', { name: '주민등록번호 전체 보기' }).click();
    await page.locator('#reveal-reason-error:not([hidden])').waitFor();
    await page.locator('#reveal-reason').fill('4대보험 취득 신고');
    await page.getByRole('button', { name: '주민등록번호 전체 보기' }).click();
    await page.locator('#rrn-value', { hasText: RRN }).waitFor();
    expect(await page.locator('#reveal-form').textContent()).toContain('열람한 기록');
    await expectNoAxeViolations(page);
    expect((await outboxOf(suite.stack, 'newhelper')).some((m) => m.text.includes('채용으로 결정되었습니다'))).toBe(
      true,
    );
  });

  it('records the qualification check with its evidence file, then 활동 and the four insurances', async () => {
    const { page } = agency;
    const hire = koreaDate(7);
    await page.locator('#check-on').fill(koreaDate());
    await page.locator('#check-evidence').setInputFiles({
      name: '범죄경력회보서.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n% evidence\n%%EOF\n'),
    });
    await page.getByRole('button', { name: '조회 결과 저장' }).click();
    await page.locator('#assistant-done .app-notice-title').waitFor();
    await page.locator('#checks-table').waitFor();
    expect(await page.locator('#checks-table').textContent()).toContain('범죄경력회보서.pdf');
    // 활동 on a date before the hire date is refused, with the dates named
    await page.locator('#status-to').selectOption('active');
    await page.locator('#status-on').fill(koreaDate());
    await page.getByRole('button', { name: '상태 바꾸기' }).click();
    await page.locator('#error-summary').waitFor();
    expect(await page.locator('#error-summary').textContent()).toContain(`입사일(${hire})보다 빠릅니다`);
    await page.locator('#status-to').selectOption('active');
    await page.locator('#status-on').fill(hire);
    await page.getByRole('button', { name: '상태 바꾸기' }).click();
    await page.locator('#status-title', { hasText: '활동' }).waitFor();
    for (const code of ['pension', 'health', 'employment', 'industrialAccident']) {
      await page.locator(`#ins-${code}-enrolled`).fill(hire);
    }
    await page.getByRole('button', { name: '4대보험 저장' }).click();
    await page.locator('#assistant-done', { hasText: '4대보험을 저장했습니다' }).waitFor();
    await expectNoAxeViolations(page);
    await page.goto('/agency/assistants');
    await page.locator('#assistants-table').waitFor();
    expect(await page.locator('#assistants-table').textContent()).toContain('모두 가입');
    await expectNoAxeViolations(page);
  });

  it('names every missing field of the registration form, and ends a matching with a reason', async () => {
    const { page } = agency;
    await page.goto('/agency/assistants/new');
    await page.getByRole('button', { name: '등록하기' }).click();
    await page.locator('#error-summary').waitFor();
    expect(await page.locator('#error-summary li').allTextContents()).toEqual([
      '이름을 입력해 주세요.',
      '주민등록번호를 입력해 주세요.',
      '휴대전화 번호를 입력해 주세요.',
    ]);
    await expectNoAxeViolations(page);
    await page.goto('/agency/matchings');
    await page.locator('#matchings-table').waitFor();
    await page
      .locator('#matchings-table')
      .getByRole('link', { name: /종료하기/ })
      .first()
      .click();
    await page.locator('#end-form').waitFor();
    await page.locator('#end-reason').fill('근로자 부서 이동');
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: '매칭 종료' }).click();
    await page.locator('#end-done .app-notice-title').waitFor();
    expect(await page.locator('#end-done').textContent()).toContain('종료했습니다');
  });

  it('finds the new assistant in the workforce lookup and downloads the list with names masked', async () => {
    const { page } = agency;
    await page.goto('/agency/workforce?status=active&name=나도움');
    await page.locator('#workforce-table').waitFor();
    expect(await page.locator('#workforce-table').textContent()).toContain('나도움');
    // seed 000's 근무희망수행기관 column and 교육수료일자 filter
    const headers = await page.locator('#workforce-table thead th').allTextContents();
    expect(headers).toEqual(expect.arrayContaining(['근무희망수행기관', '교육수료일자']));
    expect(await page.getByLabel('교육수료일자(부터)').count()).toBe(1);
    expect(await page.locator('#workforce-table').textContent()).toContain('010-****-0999');
    await expectNoAxeViolations(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '엑셀다운로드' }).click(),
    ]);
    const path = await download.path();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(path) as unknown as ArrayBuffer);
    const rows = workbook
      .getWorksheet(1)!
      .getSheetValues()
      .map((r) => (Array.isArray(r) ? r.map(String).join(' ') : ''))
      .join('\n');
    expect(rows).toContain('나*움');
    expect(rows).not.toContain('나도움');
    expect(rows).toContain('970303-2******');
    expect(pageErrors(agency)).toEqual([]);
  });
});
