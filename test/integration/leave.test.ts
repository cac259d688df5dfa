import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as clock from '#kernel/clock';
import { shiftDay, shiftMonth } from '#kernel/korea-time';
import { demoCalendar } from '#local/demo-calendar';
import { demoLeaveDates } from '#local/demo-leave';
import { checkResponse } from '../support/contract.ts';
import { signInThroughApi } from '../support/session.ts';
import { startStack, type TestStack } from '../support/stack.ts';

// Annual leave (SPEC D1) end to end on the local stack with the demo data: the agency's list for the
// year with the seed-000 columns and the masked phone; one assistant's ledger counted from the
// activity log; a promotion notice issued (PDF in the documents bucket, a message in the outbox) and
// answered by the assistant; use beyond the entitlement asking for a reason; another agency refused.

let stack: TestStack;
const tokens: Record<string, string> = {};
// the demo's leave is dated in its service year (last month's year; the year before in January)
const year = demoCalendar().serviceYear;
// promotion notices belong to the use period that holds today
const thisYear = clock.thisYear();

// biome-ignore lint/suspicious/noExplicitAny: response bodies of many shapes, checked by the assertions
type Json = any;

async function api(as: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: Json }> {
  const res = await fetch(`${stack.apiUrl}${path}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[as]}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const answer = await res.json();
  checkResponse(method, path, res.status, answer);
  return { status: res.status, body: answer };
}

beforeAll(async () => {
  stack = await startStack();
  for (const username of ['agency_hanbit', 'agency_neulbom', 'seoul_branch', 'assistant04', 'assistant01']) {
    tokens[username] = await signInThroughApi(stack, username);
  }
}, 240_000);

afterAll(async () => {
  await stack?.stop();
});

describe('annual leave on the local stack', () => {
  it('lists the agency’s assistants for the year with accrual, use by month and a masked phone', async () => {
    const { status, body } = await api('agency_hanbit', 'GET', `/leave?agencyId=AG-HANBIT&year=${year}`);
    expect(status).toBe(200);
    expect(body.year).toBe(year);
    const first = body.rows.find((r: Json) => r.assistantId === 'AS-DEMO-01');
    expect(first.phone).toMatch(/^010-\*{4}-\d{4}$/);
    expect(first.hireDate).toBe(`${year - 2}-03-02`);
    // third year of service: 15 days of a 20-hour week, in 4-hour days (시행령 별표 2)
    expect(first.dailyMinutes).toBe(240);
    const annualUse = first.byMonth.annualLeave.reduce((a: number, b: number) => a + b, 0);
    expect(annualUse).toBe(first.usedMinutes);
    const extraDays = await demoLeaveDates();
    const extra = extraDays.reduce((a, d) => a + d.minutes, 0);
    expect(first.usedMinutes).toBeGreaterThanOrEqual(extra);
    // the Saturday leave is the demo's one restricted day: counted in 사용일수, not in the one without
    // restricted days (the builder keeps every other leave day off public holidays)
    const restricted = extraDays.filter((d) => d.restricted).reduce((a, d) => a + d.minutes, 0);
    expect(first.usedMinutes - first.usedExcludingRestrictedMinutes).toBe(restricted);
    expect(body.rows.every((r: Json) => r.assistantId.startsWith('AS-'))).toBe(true);
  });

  it('refuses another agency’s list and another agency’s assistant', async () => {
    expect((await api('agency_neulbom', 'GET', `/leave?agencyId=AG-HANBIT&year=${year}`)).status).toBe(403);
    expect((await api('agency_neulbom', 'GET', '/leave/assistants/AS-DEMO-01')).status).toBe(403);
    expect((await api('seoul_branch', 'GET', '/leave/assistants/AS-DEMO-01')).status).toBe(200);
  });

  it('asks for a reason for use beyond the entitlement, and records it', async () => {
    // assistant10: a 14-hour week (초단시간), so no leave arises; last month's 연차 is all excess
    const ledger = await api('agency_hanbit', 'GET', `/leave/assistants/AS-DEMO-10?year=${year}`);
    expect(ledger.status).toBe(200);
    expect(ledger.body.profile.weeklyContractMinutes).toBe(840);
    const excess = ledger.body.uses.find((u: Json) => u.reasonRequired);
    // last month's 연차 lies in the service year, which the query asks for: there is always one
    expect(excess).toBeDefined();
    expect(excess.reason).toBeNull();
    const empty = await api('agency_hanbit', 'PUT', `/leave/assistants/AS-DEMO-10/excess-reasons/${excess.date}`, {
      reason: '',
      revision: 0,
    });
    expect(empty.status).toBe(422);
    expect(JSON.stringify(empty.body)).toContain('초과 사용 사유');
    const saved = await api('agency_hanbit', 'PUT', `/leave/assistants/AS-DEMO-10/excess-reasons/${excess.date}`, {
      reason: '가족 병간호로 부득이하게 사용',
      revision: 0,
    });
    expect(saved.status).toBe(200);
    const again = await api('agency_hanbit', 'GET', `/leave/assistants/AS-DEMO-10?year=${year}`);
    expect(again.body.uses.find((u: Json) => u.date === excess.date).reason).toBe('가족 병간호로 부득이하게 사용');
    expect(again.body.row.usesMissingReason).toBe(ledger.body.row.usesMissingReason - 1);
    // a stale revision is refused
    const stale = await api('agency_hanbit', 'PUT', `/leave/assistants/AS-DEMO-10/excess-reasons/${excess.date}`, {
      reason: '다시 씀',
      revision: 0,
    });
    expect(stale.status).toBe(409);
  });

  it('issues a 1st-round promotion notice with a PDF and an outbox message, and the assistant answers it', async () => {
    const ledger = await api('agency_hanbit', 'GET', `/leave/assistants/AS-DEMO-04?year=${thisYear}`);
    expect(ledger.status).toBe(200);
    expect(ledger.body.profile.basis).toBe('fiscalYear');
    const notices = ledger.body.periods.flatMap((p: Json) =>
      p.notices.map((n: Json) => ({ ...n, periodEnd: p.periodEnd })),
    );
    const first = notices.find((n: Json) => n.round === 1 && n.canIssue);
    expect(first).toBeDefined();
    const second = notices.find((n: Json) => n.round === 2 && n.periodEnd === first.periodEnd);
    expect(first.late).toBe(false);
    expect(second.canIssue).toBe(false);

    const issued = await api('agency_hanbit', 'POST', '/leave/assistants/AS-DEMO-04/notices', {
      noticeId: first.noticeId,
    });
    expect(issued.status).toBe(201);
    expect(issued.body.status).toBe('issued');
    const twice = await api('agency_hanbit', 'POST', '/leave/assistants/AS-DEMO-04/notices', {
      noticeId: first.noticeId,
    });
    expect(twice.status).toBe(409);
    expect(twice.body.error.message).toContain('이미 발행');

    const pdf = await api('agency_hanbit', 'GET', `/leave/notices/${first.noticeId}/pdf`);
    expect(pdf.status).toBe(200);
    const bytes = Uint8Array.from(Buffer.from(pdf.body.base64, 'base64'));
    const text = (await extractText(await getDocumentProxy(bytes), { mergePages: true })).text;
    expect(text.replace(/\s+/g, '')).toContain('연차유급휴가사용촉진통지서');
    expect(text.replace(/\s+/g, '')).toContain('근로기준법제61조');

    const outbox = (await (await fetch(`${stack.outboxUrl}.json?to=assistant04`)).json()) as Json;
    const message = JSON.stringify(outbox);
    expect(message).toContain('연차 사용촉진 1차');
    expect(message).toContain('/my/annual-leave');

    // another assistant cannot read or answer it; the assistant reads it and answers with dates
    expect((await api('assistant01', 'GET', `/leave/notices/${first.noticeId}/pdf`)).status).toBe(403);
    const mine = await api('assistant04', 'GET', '/me/leave');
    expect(mine.status).toBe(200);
    const notice = mine.body.employments[0].notices.find((n: Json) => n.noticeId === first.noticeId);
    expect(notice.status).toBe('issued');
    const noDates = await api('assistant04', 'POST', `/leave/notices/${first.noticeId}/answer`, {
      dates: [],
      revision: notice.revision,
    });
    expect(noDates.status).toBe(422);
    const day = shiftDay(clock.today(), 3);
    const answered = await api('assistant04', 'POST', `/leave/notices/${first.noticeId}/answer`, {
      dates: [day],
      note: '이날 쓰겠습니다.',
      revision: notice.revision,
    });
    expect(answered.status).toBe(200);
    expect(answered.body.status).toBe('answered');
    expect(answered.body.answerDates).toEqual([day]);

    // round 2 waits for its own window (the 10 days to answer a notice sent on the proposed day)
    const after = await api('agency_hanbit', 'GET', `/leave/assistants/AS-DEMO-04?year=${thisYear}`);
    const round2 = after.body.periods.flatMap((p: Json) => p.notices).find((n: Json) => n.noticeId === second.noticeId);
    expect(round2.canIssue).toBe(false);
    expect(round2.blockedReason).toContain('부터 발행할 수 있습니다');
  });

  it('moves an assistant to a fiscal-year basis, issues a late 1st notice and, once answered, the 2nd with set dates', async () => {
    // a fiscal year whose 1st-round window opened 20 days ago: round 1 is late, round 2's window open
    const start = shiftDay(clock.today(), -20);
    const month = shiftMonth(start.slice(0, 7), 6).slice(5, 7);
    const fiscalYearStart = `${month}-${String(Math.min(Number(start.slice(8, 10)), 28)).padStart(2, '0')}`;
    const badSetting = await api('agency_hanbit', 'PUT', '/leave/assistants/AS-DEMO-01/profile', {
      weeklyContractMinutes: 3000,
      basis: 'fiscalYear',
      fiscalYearStart,
      revision: 0,
    });
    expect(badSetting.status).toBe(422);
    expect(JSON.stringify(badSetting.body)).toContain('40시간');
    const saved = await api('agency_hanbit', 'PUT', '/leave/assistants/AS-DEMO-01/profile', {
      weeklyContractMinutes: 1200,
      basis: 'fiscalYear',
      fiscalYearStart,
      revision: 0,
    });
    expect(saved.status).toBe(200);
    expect(saved.body.profile).toMatchObject({ basis: 'fiscalYear', fiscalYearStart, weeklySource: 'setting' });
    const notices = saved.body.periods.flatMap((p: Json) => p.notices);
    const first = notices.find((n: Json) => n.round === 1 && n.canIssue);
    expect(first.late).toBe(true);
    const issued = await api('agency_hanbit', 'POST', '/leave/assistants/AS-DEMO-01/notices', {
      noticeId: first.noticeId,
    });
    expect(issued.status).toBe(201);
    expect(issued.body.late).toBe(true);

    const ledger = await api('agency_hanbit', 'GET', `/leave/assistants/AS-DEMO-01?year=${thisYear}`);
    const second = ledger.body.periods.flatMap((p: Json) => p.notices).find((n: Json) => n.round === 2);
    expect(second.canIssue).toBe(false);
    expect(second.blockedReason).toContain('답할 기한');

    const soon = shiftDay(clock.today(), 5);
    const answered = await api('assistant01', 'POST', `/leave/notices/${first.noticeId}/answer`, {
      dates: [soon],
      revision: 1,
    });
    expect(answered.status).toBe(200);
    const withoutDates = await api('agency_hanbit', 'POST', '/leave/assistants/AS-DEMO-01/notices', {
      noticeId: second.noticeId,
    });
    expect(withoutDates.status).toBe(422);
    expect(withoutDates.body.error.fields[0].label).toBe('지정한 사용일');
    const designated = await api('agency_hanbit', 'POST', '/leave/assistants/AS-DEMO-01/notices', {
      noticeId: second.noticeId,
      designatedDates: [soon],
    });
    expect(designated.status).toBe(201);
    expect(designated.body).toMatchObject({ round: 2, action: 'designation', designatedDates: [soon] });
    const pdf = await api('assistant01', 'GET', `/leave/notices/${second.noticeId}/pdf`);
    const bytes = Uint8Array.from(Buffer.from(pdf.body.base64, 'base64'));
    const text = (await extractText(await getDocumentProxy(bytes), { mergePages: true })).text.replace(/\s+/g, '');
    expect(text).toContain(`지정한사용일:${soon}`);
    expect(text).not.toContain('법에서정한통지기간이지난뒤');
    // the late 1st notice says so in its PDF
    const late = await api('agency_hanbit', 'GET', `/leave/notices/${first.noticeId}/pdf`);
    const lateBytes = Uint8Array.from(Buffer.from(late.body.base64, 'base64'));
    const lateText = (await extractText(await getDocumentProxy(lateBytes), { mergePages: true })).text;
    expect(lateText.replace(/\s+/g, '')).toContain('법에서정한통지기간이지난뒤');
  });
});
