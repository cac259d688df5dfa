import { describe, expect, it } from 'vitest';
import { DEMO_NOTICE_IDS, DEMO_THREAD_IDS } from '#local/demo-oversight';
import { expectNoAxeViolations, hasHorizontalScroll, signInByKeyboard, unexpectedErrors } from '../support/browser.ts';
import { browserSuite } from '../support/browser-suite.ts';

// 공지사항 및 서식 자료실 (SPEC F2) in the browser on the local stack: 서울지사 publishes a notice to
// its agencies that asks for acknowledgement; 한빛 finds it (by 초성 too) and acknowledges it on a
// phone; 서울지사 sees 한빛 as 확인함; the portal's 알림마당 shows only public notices, pinned first.
// 담당자 업무 소통 공간: 서울지사 answers 한빛's open question, which then reads 답변 완료.

const suite = browserSuite();
const text = (s: string | null) => (s ?? '').replace(/\s+/g, ' ').trim();
const TITLE = '서울지사 활동일지 점검 협조 요청';

describe('notices with acknowledgement (F2)', () => {
  it('a branch publishes, an agency acknowledges, the branch sees who has read it', async () => {
    const branch = await suite.openPage();
    await signInByKeyboard(branch.page, suite.stack, 'seoul_branch', { system: '/internal' });
    await branch.page.goto('/internal/notices');
    await branch.page.locator('#notice-results:not([aria-busy]) #notice-table').waitFor();
    await branch.page.getByRole('link', { name: '새 공지 쓰기' }).click();
    await branch.page.waitForURL('**/internal/notices/new');
    await expectNoAxeViolations(branch.page);
    // sending it empty names both missing fields in Korean
    await branch.page.getByRole('button', { name: '공지 올리기' }).click();
    await branch.page.locator('#notice-form-errors .app-error-summary').waitFor();
    expect(text(await branch.page.locator('#notice-form-errors').textContent())).toContain(
      '제목을 2자 이상 입력해 주세요',
    );
    expect(text(await branch.page.locator('#notice-form-errors').textContent())).toContain('내용을 입력해 주세요');
    await branch.page.locator('#notice-form-title').fill(TITLE);
    await branch.page.locator('#notice-form-body').fill('이번 달 활동일지를 점검합니다.\n동의서 사본을 준비해 주세요.');
    // KRDS draws the box over the input: tick it by keyboard, as a person would
    await branch.page.locator('#notice-form-ack').focus();
    await branch.page.keyboard.press('Space');
    expect(await branch.page.locator('#notice-form-ack').isChecked()).toBe(true);
    await branch.page.getByRole('button', { name: '공지 올리기' }).click();
    await branch.page.waitForURL(/\/internal\/notices\/NT-/);
    const noticePath = new URL(branch.page.url()).pathname;
    const noticeId = noticePath.split('/').pop()!;
    await branch.page.locator('#notice-ack-table').waitFor();
    expect(text(await branch.page.locator('#notice-ack-counts').textContent())).toBe(
      '확인함 0곳 · 바뀐 내용 확인 전 0곳 · 확인 전 1곳',
    );
    await expectNoAxeViolations(branch.page);

    const agency = await suite.openPage({ viewport: 'mobile' });
    await signInByKeyboard(agency.page, suite.stack, 'agency_hanbit', { system: '/agency' });
    await agency.page.goto(`/agency/notices?q=${encodeURIComponent('ㅈㄱ ㅎㅈㅇㅊ')}`);
    await agency.page.locator('#notice-results:not([aria-busy]) #notice-table').waitFor();
    const rows = (await agency.page.locator('#notice-table tbody tr').allTextContents()).map(text);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain(TITLE);
    expect(rows[0]).toContain('확인 전');
    expect(await hasHorizontalScroll(agency.page)).toBe(false);
    await agency.page.getByRole('link', { name: TITLE }).click();
    await agency.page.waitForURL(`**/agency/notices/${noticeId}`);
    await agency.page.locator('#notice-acknowledge').waitFor();
    expect(text(await agency.page.locator('#notice-body').textContent())).toContain('동의서 사본');
    await expectNoAxeViolations(agency.page);
    await agency.page.locator('#notice-acknowledge').focus();
    await agency.page.keyboard.press('Enter');
    await agency.page.locator('#notice-outcome .app-notice-success').waitFor();
    expect(await agency.page.locator('#notice-ack-state').textContent()).toBe('확인함');
    expect(await agency.page.locator('#notice-acknowledge').count()).toBe(0);

    await branch.page.reload();
    await branch.page.locator('#notice-ack-table').waitFor();
    expect(text(await branch.page.locator('#notice-ack-counts').textContent())).toBe(
      '확인함 1곳 · 바뀐 내용 확인 전 0곳 · 확인 전 0곳',
    );
    expect(text(await branch.page.locator('#notice-ack-table tbody').textContent())).toContain('agency_hanbit');
    expect(unexpectedErrors(branch)).toEqual([]);
    expect(unexpectedErrors(agency)).toEqual([]);
  });

  it('the portal’s 알림마당 shows public notices without sign-in, pinned first, and the forms', async () => {
    const o = await suite.openPage();
    const { page } = o;
    await page.goto('/notices');
    await page.locator('#notice-results:not([aria-busy]) #notice-table').waitFor();
    const first = text(await page.locator('#notice-table tbody tr').first().textContent());
    expect(first).toContain('[고정]');
    expect(await page.locator(`a[href="/notices/${DEMO_NOTICE_IDS.claimDeadline}"]`).count()).toBe(0);
    await expectNoAxeViolations(page);
    await page.goto('/notices/forms');
    await page.locator('#notice-results:not([aria-busy]) #notice-table').waitFor();
    await page.locator(`a[href="/notices/${DEMO_NOTICE_IDS.consentForm}"]`).click();
    await page.locator('#notice-title').waitFor();
    expect(text(await page.locator('#notice-body').textContent())).toContain('수기 서명');
    expect(unexpectedErrors(o)).toEqual([]);
  });
});

describe('staff board (F2)', () => {
  it('a branch answers an agency’s open question and the thread is answered', async () => {
    const o = await suite.openPage();
    const { page } = o;
    await signInByKeyboard(page, suite.stack, 'seoul_branch', { system: '/internal' });
    await page.goto('/internal/board?status=open');
    await page.locator('#board-results:not([aria-busy]) #board-table').waitFor();
    const rows = (await page.locator('#board-table tbody tr').allTextContents()).map(text);
    expect(rows.every((r) => r.includes('답변 대기'))).toBe(true);
    expect(rows.some((r) => r.includes('경기지사'))).toBe(false);
    await expectNoAxeViolations(page);
    await page.locator(`a[href="/internal/board/${DEMO_THREAD_IDS.seoulOpen}"]`).click();
    await page.locator('#thread-posts').waitFor();
    expect(await page.locator('#thread-posts > li').count()).toBe(1);
    await page.locator('#reply-body').fill('300dpi 이상의 PDF나 JPEG로 올려 주세요.');
    await page.getByRole('button', { name: '답변 남기기' }).click();
    await page.locator('#thread-posts > li:nth-child(2)').waitFor();
    expect(text(await page.locator('#thread-status').textContent())).toContain('답변 완료');
    expect(text(await page.locator('#thread-posts').textContent())).toContain('300dpi');
    await expectNoAxeViolations(page);
    expect(unexpectedErrors(o)).toEqual([]);
  });
});

describe('page-satisfaction report (F3)', () => {
  it('an answer to the page question on the 사업 안내 page shows in hq’s report', async () => {
    const visitor = await suite.openPage();
    await visitor.page.goto('/work-assistant');
    // the question's first radio is 매우만족; choose it by keyboard and send
    await visitor.page.locator('#page-satisfaction-rating').focus();
    await visitor.page.keyboard.press('Space');
    await visitor.page.getByRole('button', { name: '의견 보내기' }).click();
    await visitor.page.locator('.app-satisfaction-result', { hasText: '의견을 보냈습니다' }).waitFor();

    const hq = await suite.openPage();
    await signInByKeyboard(hq.page, suite.stack, 'hq_admin', { system: '/internal' });
    await hq.page.goto(`/internal/page-feedback?path=${encodeURIComponent('/work-assistant')}`);
    await hq.page.locator('#feedback-results:not([aria-busy]) #feedback-table').waitFor();
    expect(text(await hq.page.locator('#feedback-total').textContent())).toBe('기간 전체 1건 · 평균 5점 (5점 만점)');
    const rows = (await hq.page.locator('#feedback-table tbody tr').allTextContents()).map(text);
    expect(rows).toHaveLength(6);
    expect(rows.at(-1)).toContain('1건');
    await expectNoAxeViolations(hq.page);
    expect(unexpectedErrors(visitor)).toEqual([]);
    expect(unexpectedErrors(hq)).toEqual([]);
  });
});
