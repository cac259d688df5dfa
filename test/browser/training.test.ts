import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as clock from '#kernel/clock';
import { shiftDay } from '#kernel/korea-time';
import { DEMO_COURSE_IDS } from '#local/demo-training';
import {
  expectNoAxeViolations,
  focusedElement,
  signInByKeyboard,
  tabTo,
  unexpectedErrors,
} from '../support/browser.ts';
import { browserSuite } from '../support/browser-suite.ts';

// Training (SPEC E1) in the browser on the local stack with the demo data: a person finds a course
// in the month calendar and applies by keyboard alone (the seed's fields and consent), then sees it
// on My page; the .ics file carries the Seoul zone; the institution refuses an applicant with a
// reason and the first on the waiting list moves up.
const suite = browserSuite();

// the demo's open course starts 20 days from today (local/demo-training.ts)
const openMonth = shiftDay(clock.today(), 20).slice(0, 7);

describe('training in the browser', () => {
  it('a person finds a course in the calendar and applies by keyboard; My page shows it', async () => {
    const view = await suite.openPage();
    const { page } = view;
    await signInByKeyboard(page, suite.stack, 'assistant09');
    await page.goto(`/work-assistant/trainings?sido=11&month=${openMonth}`);
    await page.locator('#trainings-calendar table').waitFor();
    await page.locator('#trainings-table').waitFor();
    await expectNoAxeViolations(page);

    // the .ics of the open course: Korea times with the zone block
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page
        .locator('#trainings-table tr', { hasText: '서울 정규반' })
        .getByRole('button', { name: /일정 파일/ })
        .click(),
    ]);
    const ics = readFileSync((await download.path())!, 'utf8');
    expect(ics).toContain('TZID:Asia/Seoul');
    expect(ics).toContain(`DTSTART;TZID=Asia/Seoul:${shiftDay(clock.today(), 20).replace(/-/g, '')}T090000`);

    // keyboard only from here: Tab to the course's link in the calendar, Enter
    await page.locator('#trainings-month').focus();
    await tabTo(page, (f) => f.tag === 'a' && (f.href ?? '').endsWith(DEMO_COURSE_IDS.open), 120);
    await page.keyboard.press('Enter');
    await page.locator('#apply-form').waitFor();
    expect(await page.locator('#course-title').textContent()).toContain('서울 정규반');
    await expectNoAxeViolations(page);

    await tabTo(page, (f) => f.id === 'apply-birth');
    await page.keyboard.type('05171990');
    await tabTo(page, (f) => f.id === 'apply-gender');
    await page.keyboard.press('Space');
    await tabTo(page, (f) => f.id === 'apply-address');
    await page.keyboard.type('서울특별시 마포구 월드컵로 20');
    await tabTo(page, (f) => f.id === 'apply-employment');
    await page.keyboard.press('Space');
    await tabTo(page, (f) => f.id === 'apply-agency-AG-HANBIT');
    await page.keyboard.press('Space');
    // submitting without the consents: the summary names them
    await tabTo(page, (f) => f.tag === 'button' && f.text === '교육 신청하기');
    await page.keyboard.press('Enter');
    const errors = page.locator('#apply-errors');
    await errors.getByText('개인정보 수집·이용에 동의해야 신청할 수 있습니다.').first().waitFor();
    await errors.getByText('그 기관에 신청 정보를 제공하는 데 동의해 주세요.').first().waitFor();
    await expectNoAxeViolations(page);

    await page.locator('#apply-privacy').focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    expect((await focusedElement(page)).id).toBe('apply-consent-agencies');
    await page.keyboard.press('Space');
    await tabTo(page, (f) => f.tag === 'button' && f.text === '교육 신청하기');
    await page.keyboard.press('Enter');
    await page.getByText('교육 신청을 받았습니다.').waitFor();

    await page.goto('/my/trainings');
    const row = page.locator('#my-trainings-table tr', { hasText: '서울 정규반' });
    await row.waitFor();
    expect(await row.textContent()).toContain('신청(검토 중)');
    await expectNoAxeViolations(page);
    expect(unexpectedErrors(view)).toEqual([]);
  });

  it('the institution refuses an applicant with a reason; the first waiting person moves up', async () => {
    const view = await suite.openPage();
    const { page } = view;
    await signInByKeyboard(page, suite.stack, 'trainer_kwedu', { system: '/agency' });
    await page.goto('/agency/courses');
    const courses = page.locator('#courses-table');
    await courses.waitFor();
    for (const state of ['작성 중', '신청 접수 중', '교육 종료']) expect(await courses.textContent()).toContain(state);
    await expectNoAxeViolations(page);

    await page.goto(`/agency/course-applications?courseId=${DEMO_COURSE_IDS.full}`);
    const table = page.locator('#applications-table');
    await table.waitFor();
    expect(await table.locator('thead').textContent()).toContain('근무희망수행기관');
    expect(await table.textContent()).toContain('대기 1번');
    await expectNoAxeViolations(page);

    // 이서연 (assistant02) holds a seat awaiting review: refuse without a reason first
    await table.getByRole('button', { name: '이서연 신청 처리하기' }).click();
    await page.locator('#decide-title').getByText('이서연').waitFor();
    await page.locator('label[for="decide-choice-refuse"]').click();
    await page.getByRole('button', { name: '처리 결과 저장' }).click();
    await page.locator('#applications-errors').getByText('사유를 적어 주세요').first().waitFor();
    await page.locator('#decide-reason').fill('교육 대상 요건(근로지원인 활동 중)에 맞지 않습니다.');
    await page.getByRole('button', { name: '처리 결과 저장' }).click();
    await page.getByText('이서연님의 신청을 반려했습니다.').waitFor();
    const after = await page.locator('#applications-table').textContent();
    expect(after).toContain('교육 대상 요건');
    // the first waiting (worker01) now holds the seat: only one is still waiting
    expect(after).toContain('대기 1번');
    expect(after).not.toContain('대기 2번');
    await expectNoAxeViolations(page);
    expect(unexpectedErrors(view)).toEqual([]);
  });

  it('the institution corrects a result, reads the preview, confirms, and the results lock', async () => {
    const view = await suite.openPage();
    const { page } = view;
    await signInByKeyboard(page, suite.stack, 'trainer_kwedu', { system: '/agency' });
    await page.goto(`/agency/course-results?courseId=${DEMO_COURSE_IDS.finished}`);
    const table = page.locator('#results-table');
    await table.waitFor();
    expect(await page.locator('#results-summary').textContent()).toContain('수료 예정 1명, 미수료 예정 2명');
    expect(await table.textContent()).toContain('출석 2/3회(66.7%)로 수료 기준 80%에 못 미칩니다.');
    await expectNoAxeViolations(page);

    // the trainee under the pass mark is re-assessed at 70
    const row = table.locator('tr', { hasText: '평가 점수 50점' });
    const name = (await row.locator('th').textContent())!.trim();
    await row.locator('input.krds-input').fill('70');
    await row.getByRole('button', { name: `${name} 결과 저장` }).click();
    await page.getByText(`${name}님의 결과를 저장했습니다.`).waitFor();
    await page.locator('#results-summary', { hasText: '수료 예정 2명, 미수료 예정 1명' }).waitFor();

    await page.getByRole('button', { name: '미리보기대로 결과 확정' }).click();
    await page.getByText('결과를 확정했습니다. 수료 2명, 미수료 1명입니다.').waitFor();
    expect(await page.locator('#results-summary').textContent()).toContain('수료 2명, 미수료 1명');
    expect(await page.getByRole('button', { name: '미리보기대로 결과 확정' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /결과 저장$/ }).count()).toBe(0);
    await expectNoAxeViolations(page);

    // a confirmed result changes only by a correction with its reason: the missing day is added
    const short = table.locator('tr', { hasText: '출석 2/3회' });
    const shortName = (await short.locator('th').textContent())!.trim();
    // a KRDS check takes a focus and Space (its label covers the box)
    // found by its id: once ticked it no longer matches :not(:checked)
    const missingId = await short.locator('input[type="checkbox"]:not(:checked)').first().getAttribute('id');
    const missing = page.locator(`#${missingId}`);
    await missing.focus();
    await page.keyboard.press('Space');
    expect(await missing.isChecked()).toBe(true);
    await short.getByRole('button', { name: `${shortName} 결과 정정` }).click();
    await page.locator('#error-summary').getByText('정정 사유를 입력해 주세요.').waitFor();
    await page.locator('#correction-reason').fill('출석부 재확인: 둘째 날 오후 출석 누락');
    await short.getByRole('button', { name: `${shortName} 결과 정정` }).click();
    await page.getByText(`${shortName}님의 확정된 결과를 정정했습니다.`).waitFor();
    await page.locator('#results-summary', { hasText: '수료 3명, 미수료 0명' }).waitFor();
    expect(unexpectedErrors(view)).toEqual([]);
  });

  it('an agency finds the completers who chose it, by completion date', async () => {
    const view = await suite.openPage();
    const { page } = view;
    await signInByKeyboard(page, suite.stack, 'agency_neulbom', { system: '/agency' });
    await page.goto('/agency/completers');
    const table = page.locator('#completers-table');
    await table.waitFor();
    const header = await table.locator('thead').textContent();
    for (const column of ['성명', '생년월일', '취업희망여부', '근무희망수행기관', '활동경력', '교육수료일자']) {
      expect(header).toContain(column);
    }
    // the demo's past course: its completers chose 한빛 and 늘봄
    expect(await table.textContent()).toContain('근로지원인 양성교육 (지난 분기, 결과 확정)');
    await expectNoAxeViolations(page);
    // a completion range after today finds nobody
    await page.locator('#completers-from').fill(shiftDay(clock.today(), 1));
    await page.getByRole('button', { name: '조회' }).click();
    await page.getByText('조건에 맞는 수료자가 없습니다.').waitFor();
    expect(unexpectedErrors(view)).toEqual([]);
  });

  it('a completer downloads the 수료증 on My page, and anyone checks its number on the portal', async () => {
    const view = await suite.openPage();
    const { page } = view;
    await signInByKeyboard(page, suite.stack, 'assistant10');
    await page.goto('/my/trainings');
    const table = page.locator('#my-trainings-table');
    await table.waitFor();
    expect(await table.locator('thead th').allTextContents()).toContain('수료증');
    const row = table.locator('tbody tr', { hasText: '결과 확정' });
    const number = ((await row.locator('.app-form-note').textContent()) ?? '').replace('번호 ', '').trim();
    expect(number).toMatch(/^TC-\d{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const download = page.waitForEvent('download');
    await row.getByRole('button', { name: /수료증 내려받기/ }).click();
    expect((await download).suggestedFilename()).toContain(number);
    await page.getByText(/수료증\(.*\)을 내려받았습니다/).waitFor();
    await expectNoAxeViolations(page);

    // the check needs no sign-in: a fresh page
    const other = await suite.openPage();
    await other.page.goto('/training-certificate');
    await other.page.getByRole('button', { name: '확인하기' }).click();
    await other.page.locator('#error-summary').getByText('수료증 번호를 입력해 주세요.').waitFor();
    await other.page.locator('#cert-number').fill('TC-2026-ZZZZ-ZZZZ');
    await other.page.getByRole('button', { name: '확인하기' }).click();
    await other.page.getByText('이 번호로 발급된 수료증이 없습니다.', { exact: false }).waitFor();
    await other.page.locator('#cert-number').fill(number.toLowerCase());
    await other.page.getByRole('button', { name: '확인하기' }).click();
    await other.page.getByText('근로지원인 플랫폼에서 발급한 수료증이 맞습니다.').waitFor();
    const shown = await other.page.locator('#cert-result').textContent();
    expect(shown).toContain(number);
    expect(shown).toContain('한*원');
    expect(shown).not.toContain('한채원');
    await expectNoAxeViolations(other.page);
    expect(unexpectedErrors(view)).toEqual([]);
    expect(unexpectedErrors(other)).toEqual([]);
  });

  it('the branch reads its institutions’ courses with the seed’s columns; hq narrows by branch', async () => {
    const view = await suite.openPage();
    const { page } = view;
    await signInByKeyboard(page, suite.stack, 'seoul_branch', { system: '/internal' });
    await page.goto('/internal/training-courses');
    const table = page.locator('#internal-courses-table');
    await table.waitFor();
    expect(await table.locator('thead th').allTextContents()).toEqual([
      'No.',
      '교육과정',
      '교육기관',
      '교육장주소',
      '교육구분',
      '교육방법',
      '교육시간',
      '상태',
      '신청인수',
      '수강자수',
      '수료자수',
    ]);
    const text = (await table.textContent()) ?? '';
    expect(text).toContain('한국근로지원인교육원');
    // 한울직업교육원 belongs to 경기지사
    expect(text).not.toContain('한울직업교육원');
    await expectNoAxeViolations(page);

    const hq = await suite.openPage();
    await signInByKeyboard(hq.page, suite.stack, 'hq_admin', { system: '/internal' });
    await hq.page.goto('/internal/training-courses?branchId=BR-GYEONGGI');
    const hqTable = hq.page.locator('#internal-courses-table');
    await hqTable.waitFor();
    expect(await hqTable.textContent()).toContain('한울직업교육원');
    expect(await hqTable.textContent()).not.toContain('한국근로지원인교육원');
    expect(unexpectedErrors(view)).toEqual([]);
    expect(unexpectedErrors(hq)).toEqual([]);
  });
});
