import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoMonths } from '#local/demo-activity';
import { expectNoAxeViolations, hasHorizontalScroll, type OpenedPage, signInByKeyboard } from '../support/browser.ts';
import { browserSuite } from '../support/browser-suite.ts';
import { signInThroughApi } from '../support/session.ts';

// C3 and C4 in the browser on the local stack: 한빛's staff uploads last month's Shiftee CSV on
// 출퇴근 관리; a bad file shows the error report (and downloads it), a good one (made from the seeded
// logs, one clock-in 30 minutes late) replaces the month; on 근무이력 비교 the late clock-in is the one
// finding left to act on, filtered by type, justified with a reason, and the month is submitted.
// axe on every screen.

const suite = browserSuite();

const { previous: MONTH } = demoMonths();

// biome-ignore lint/suspicious/noExplicitAny: response bodies checked by the assertions
type Json = any;

/** Last month's attendance as Shiftee would export it, from the seeded logs; one clock-in 30 minutes late. */
async function shifteeCsv(): Promise<{ csv: string; late: { date: string; assistantName: string } }> {
  const token = await signInThroughApi(suite.stack, 'agency_hanbit');
  const res = await fetch(`${suite.stack.apiUrl}/organisations/AG-HANBIT/attendance-comparison?month=${MONTH}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const body = (await res.json()) as Json;
  const lines = ['사원번호,이름,날짜,출근,퇴근'];
  let late: { date: string; assistantName: string } | undefined;
  for (const row of body.rows as Json[]) {
    const onDuty = row.logs.filter((l: Json) => l.attendance === 'work' || l.attendance === 'training');
    if (!onDuty.length) continue;
    const start: string = onDuty.map((l: Json) => l.start).sort()[0];
    const end: string = onDuty
      .map((l: Json) => l.end)
      .sort()
      .at(-1);
    let clockIn = start;
    if (!late) {
      late = { date: row.date, assistantName: row.assistantName };
      const minutes = Number(start.slice(0, 2)) * 60 + Number(start.slice(3)) + 30;
      clockIn = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
    }
    lines.push([row.assistantId, row.assistantName, row.date, clockIn, end].join(','));
  }
  return { csv: lines.join('\r\n'), late: late! };
}

async function upload(page: Page, name: string, text: string): Promise<void> {
  await page.locator('#at-file').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });
  await page.getByRole('button', { name: '올리고 가져오기' }).click();
  await page.locator('#at-outcome').waitFor();
}

function unexpectedErrors(o: OpenedPage): string[] {
  return o.errors.filter((e) => !/Failed to load resource: the server responded with a status of 4\d\d/.test(e));
}

describe('attendance upload, comparison and submission in the browser (C3, C4)', () => {
  it('uploads, reads the error report, replaces the month, justifies the finding and submits', async () => {
    const { csv, late } = await shifteeCsv();
    const o = await suite.openPage();
    const page = o.page;
    await signInByKeyboard(page, suite.stack, 'agency_hanbit', { system: '/agency' });

    // 출퇴근 관리: the seeded import of last month, then a file with a date outside the month
    await page.goto(`/agency/attendance?month=${MONTH}`);
    await page.locator('#at-history').waitFor();
    expect(await page.title()).toContain('출퇴근 관리');
    expect(await page.locator('#at-month').inputValue()).toBe(MONTH);
    await expectNoAxeViolations(page);

    const bad = csv.replace(/\r\n([^,]+),([^,]+),([^,]+),/, '\r\n$1,$2,2099-01-01,');
    await upload(page, '시프티_오류.csv', bad);
    expect(await page.locator('#at-outcome').textContent()).toContain('아무것도 가져오지 않았습니다');
    const firstError = page.locator('#at-errors tbody tr').first();
    expect(await firstError.textContent()).toContain('2099-01-01');
    expect(await firstError.locator('th').textContent()).toBe('2');
    await expectNoAxeViolations(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('#at-result').getByRole('button', { name: '오류 보고서 내려받기(CSV)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^출퇴근자료_오류보고서_/);
    const report = await readFile((await download.path())!, 'utf8');
    expect(report).toContain('2,날짜,C2,2099-01-01');

    // the good file replaces the month; the history shows all three, the new one in use
    await upload(page, '시프티_지난달.csv', csv);
    expect(await page.locator('#at-outcome').textContent()).toContain('출퇴근 자료를 바꿨습니다');
    await page.locator('#at-history tbody tr').nth(2).waitFor();
    expect(await page.locator('#at-history tbody tr').first().textContent()).toContain('예');
    await expectNoAxeViolations(page);

    // 근무이력 비교: the late clock-in is the one finding to act on
    await page.getByRole('link', { name: '근무 이력 비교로 가기' }).click();
    await page.waitForURL('**/agency/comparison?**');
    await page.locator('#cf-days').waitFor();
    expect(await page.locator('main').textContent()).toContain('제출 전 조치가 필요한 항목이 1건');
    await expectNoAxeViolations(page);
    expect(await hasHorizontalScroll(page)).toBe(false);

    await page.locator('#cf-code').selectOption('startEarly');
    await page.getByRole('button', { name: '조회', exact: true }).click();
    await page.waitForURL('**code=startEarly**');
    await page.locator('#cf-days tbody tr').first().waitFor();
    expect(await page.locator('#cf-days tbody tr').count()).toBe(1);
    const row = page.locator('#cf-days tbody tr').first();
    expect(await row.textContent()).toContain(late.date);
    expect(await row.textContent()).toContain('[제출 전 조치 필요] 출근 전 활동');
    expect(await row.textContent()).toContain('30분 이릅니다(허용 10분)');

    // a reason too short is refused at the field, then the justification is saved
    await row.locator('summary').click();
    await row.getByRole('button', { name: '소명 저장' }).click();
    await page.locator('#error-summary').waitFor();
    expect(await page.locator('#error-summary').textContent()).toContain('5자 이상');
    await expectNoAxeViolations(page);
    await row.getByLabel('소명 사유').fill('출퇴근 앱이 늦게 켜져 출근이 늦게 찍혔습니다.');
    await row.getByRole('button', { name: '소명 저장' }).click();
    await page.locator('#cf-days').getByText('[소명함] 출근 전 활동').waitFor();
    expect(await page.locator('main').textContent()).toContain('조치가 필요한 항목이 없습니다');

    await page.getByRole('button', { name: /근무 이력 제출$/ }).click();
    await page.locator('main').getByText('근무 이력을 제출했습니다').waitFor();
    expect(await page.locator('main').textContent()).toContain('소명한 항목 1건');
    await expectNoAxeViolations(page);

    // both screens on a 360 px phone: the tables stack, nothing scrolls sideways
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`/agency/comparison?month=${MONTH}`);
    await page.locator('#cf-days').waitFor();
    expect(await hasHorizontalScroll(page)).toBe(false);
    await page.goto(`/agency/attendance?month=${MONTH}`);
    await page.locator('#at-records').waitFor();
    expect(await hasHorizontalScroll(page)).toBe(false);
    await expectNoAxeViolations(page);
    expect(unexpectedErrors(o)).toEqual([]);
  });
});
