import { describe, expect, it } from 'vitest';
import { demoMonths } from '#local/demo-activity';
import { DEMO_ACCOUNTS } from '#local/demo-data';
import { demoApplicationId } from '#local/demo-people';
import { expectNoAxeViolations, signInByKeyboard } from '../support/browser.ts';
import { browserSuite } from '../support/browser-suite.ts';
import { checkedCallApi } from '../support/contract.ts';
import { signInThroughApi } from '../support/session.ts';

// Issue 15 §2 and §5 in the browser on the local stack: 경기지사 changes worker05's co-payment
// exemption on the application screen; 늘봄's claim of last month shows why worker05's co-payment is 0;
// a log nobody asked the worker to sign makes the month-end pre-check refuse the submit, the clerk
// follows the link to the pre-check page, and once the log is gone the submit goes through; the branch
// approves and worker05 reads the 0 and its reason on My page 본인부담금 with the 기준년월 filter,
// and their remaining hours on 서비스이력. axe on every new screen.

const suite = browserSuite();
const { previous } = demoMonths();
const claimId = `AG-NEULBOM_${previous}`;
const exemptName = DEMO_ACCOUNTS.find((a) => a.username === 'worker05')!.name;

describe('co-payment exemption and the month-end pre-check in the browser', () => {
  it('takes the exemption from the evaluation to My page, and the pre-check blocks a submit and then allows it', async () => {
    const branchView = await suite.openPage();
    const agencyView = await suite.openPage();
    const branch = branchView.page;
    const agency = agencyView.page;
    await Promise.all([
      signInByKeyboard(branch, suite.stack, 'gyeonggi_branch', { system: '/internal' }),
      signInByKeyboard(agency, suite.stack, 'agency_neulbom', { system: '/agency' }),
    ]);

    // the branch changes the basis of worker05's exemption on the evaluated application
    await branch.goto(`/internal/applications/${demoApplicationId('worker05')}`);
    const section = branch.locator('#copay-exemption-form');
    await section.waitFor({ timeout: 30_000 });
    expect(await branch.locator('#detail-exemption').textContent()).toContain('차상위계층');
    await expectNoAxeViolations(branch);
    await branch.locator('#exempt-basis').selectOption('basicLivelihood');
    await branch.getByRole('button', { name: '면제 변경 저장' }).click();
    await branch.getByText('본인부담금 면제를 기록했습니다.').waitFor();
    expect(await branch.locator('#detail-exemption').textContent()).toContain('국민기초생활보장 수급자');

    // the agency starts last month's claim: the exempt worker's 0 says why
    await agency.goto('/agency/claims');
    await agency.locator('#claim-month').fill(previous);
    await agency.getByRole('button', { name: '사업비 계산 시작' }).click();
    await agency.waitForURL(`**/agency/claims/${claimId}`);
    await agency.locator('#claim-status').getByText('기관 검토 중').waitFor({ timeout: 30_000 });
    const notes = agency.locator('#claim-copay-exemptions');
    expect(await notes.textContent()).toContain(
      `${exemptName}: 본인부담금 0원 — 본인부담금 면제: 국민기초생활보장 수급자`,
    );

    // a log of the claimed month that nobody asked the worker to sign
    const assistantToken = await signInThroughApi(suite.stack, 'assistant02');
    const added = await checkedCallApi(suite.stack, assistantToken, 'POST', '/activity-logs', {
      workerId: 'worker02',
      date: `${previous}-20`,
      attendance: 'work',
      start: '14:00',
      end: '15:00',
      contentCode: 'C02',
      otherContent: '',
      specialNotes: '',
    });
    expect(added.status).toBe(201);

    // the submit is refused in Korean; the pre-check page says what and where
    await agency.getByRole('button', { name: '지사에 제출' }).click();
    await agency.getByText(/월말 사전점검에서 제출을 막는 항목이 1건 남아 있습니다/).waitFor();
    expect(await agency.locator('#claim-status').textContent()).toBe('기관 검토 중');
    await agency.getByRole('link', { name: `${previous} 월말 사전점검 보기` }).click();
    await agency.waitForURL(`**/agency/claim-precheck?month=${previous}`);
    await agency.locator('#precheck-lines').waitFor();
    expect(await agency.locator('#precheck-lines thead th').allTextContents()).toEqual([
      '구분',
      '항목',
      '대상',
      '내용',
      '고치는 방법',
      '고칠 곳',
    ]);
    const first = agency.locator('#precheck-lines tbody tr').first();
    expect(await first.textContent()).toContain('제출 불가');
    expect(await first.textContent()).toContain('동의 요청 전 활동일지');
    expect(await first.getByRole('link', { name: '활동일지 동의 요청 바로가기' }).getAttribute('href')).toBe(
      `/agency/activity-logs?month=${previous}`,
    );
    expect(await agency.locator('#precheck-summary').textContent()).toContain('제출 불가 1건');
    expect(await agency.locator('#precheck-meters tbody tr').count()).toBeGreaterThan(0);
    await expectNoAxeViolations(agency);

    // the log goes; the pre-check clears and the submit goes through
    const removed = await checkedCallApi(
      suite.stack,
      assistantToken,
      'POST',
      `/activity-logs/${added.body.entryId}/delete`,
      { revision: added.body.revision },
    );
    expect(removed.status).toBe(200);
    await agency.getByRole('button', { name: '점검' }).click();
    await agency.getByText('제출을 막는 항목이 없습니다.', { exact: false }).waitFor();
    await agency.getByRole('link', { name: `${previous} 사업비 신청으로 가기` }).click();
    await agency.getByRole('button', { name: '지사에 제출' }).click();
    await agency.locator('#claim-status').getByText('지사 결정 대기').waitFor();

    // the branch approves; the co-payments are written from the approved claim
    await branch.goto(`/internal/claims/${claimId}`);
    await branch.getByRole('button', { name: '승인' }).click();
    await branch.locator('#claim-status').getByText('승인').waitFor({ timeout: 30_000 });

    // worker05 reads the 0 and why on My page, by 기준년월
    const workerView = await suite.openPage();
    const worker = workerView.page;
    await signInByKeyboard(worker, suite.stack, 'worker05', { system: '' });
    await worker.goto('/my/copayments');
    const filter = worker.locator('#my-copay-month');
    await expect.poll(() => filter.count(), { timeout: 30_000 }).toBe(1);
    expect(await filter.locator('option').first().textContent()).toBe('전체');
    await filter.selectOption(previous);
    const row = worker.locator('#my-copay-table tbody tr');
    expect(await row.count()).toBe(1);
    expect(await row.first().textContent()).toContain('0원');
    expect(await row.first().textContent()).toContain('본인부담금 면제: 국민기초생활보장 수급자');
    await expectNoAxeViolations(worker);

    // and the remaining hours of this month on 서비스이력
    await worker.goto('/my/services');
    await worker.locator('#my-hours-meter-table').waitFor();
    expect(await worker.locator('#my-hours-meter-table thead th').allTextContents()).toEqual([
      '월 결정 시간',
      '사용 시간',
      '남은 시간',
    ]);
    await expectNoAxeViolations(worker);
  });
});
