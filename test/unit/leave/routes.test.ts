import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { handler } from '#functions/leave/handler';
import * as clock from '#kernel/clock';
import { checkResponse } from '../../support/contract.ts';
import { apiEvent, lambdaContext } from '../../support/events.ts';
import { claims, profile, putsOf, record, type Stored, table } from '../assistants/support.ts';

// Route tests of annual leave on a table double, on a fixed day (2026-07-01 in Korea): use counted
// from the activity log, the weekly contract from the matching, the scope of the agency and of the
// assistant, a 1st-round notice issued once (PDF to the documents bucket, notice and audit record in
// one conditional transaction, a message in the outbox), the assistant's answer, and a reason refused
// for use within the entitlement.

const outbox = join(mkdtempSync(join(tmpdir(), 'outbox-')), 'outbox.jsonl');
const s3 = mockClient(S3Client);

beforeAll(() => {
  process.env.TABLE_NAME = 'test-table';
  process.env.DOCUMENTS_BUCKET = 'documents';
  process.env.LOCAL_OUTBOX_FILE = outbox;
  // the product's clock set to the test's day, whatever day (or PLATFORM_TODAY) the suite runs on
  clock.followClock(Date.parse('2026-07-01T03:00:00.000Z'));
});

afterAll(() => {
  clock.pinToday(undefined);
});

beforeEach(() => {
  s3.reset();
  s3.on(PutObjectCommand).resolves({});
});

const assistant = record('assistant', {
  assistantId: 'AS-1',
  agencyId: 'AG-HANBIT',
  agencyName: '한빛근로지원센터',
  branchId: 'BR-SEOUL',
  name: '김민준',
  birthDate: '1988-04-12',
  mobilePhone: '010-0000-0201',
  userId: 'assistant01',
  hireDate: '2024-01-01',
  status: 'active',
  revision: 1,
});

const matching = record('matching', {
  matchingId: 'MT-TEST-1',
  applicationId: 'SA-TEST-1',
  workerId: 'worker01',
  workerName: '서준우',
  assistantId: 'AS-1',
  assistantName: '김민준',
  assistantUserId: 'assistant01',
  agencyId: 'AG-HANBIT',
  agencyName: '한빛근로지원센터',
  branchId: 'BR-SEOUL',
  workplaceKey: '220-81-62517',
  workplaceName: '한빛물류',
  startDate: '2024-01-01',
  endDate: '2026-12-31',
  schedule: [0, 1, 2, 3, 4].map((weekday) => ({ weekday, start: '09:00', end: '13:00' })),
  supportType: 'T1',
  status: 'active',
  createdBy: 'agency_hanbit',
  createdAt: '2023-12-15T00:00:00.000Z',
  revision: 1,
});

const leaveDay = (date: string, minutes: number, attendance = 'annualLeave') =>
  record('activityLogEntry', {
    entryId: `AL-${date}`,
    assistantId: 'AS-1',
    assistantUserId: 'assistant01',
    assistantName: '김민준',
    workerId: 'worker01',
    workerName: '서준우',
    matchingId: 'MT-TEST-1',
    agencyId: 'AG-HANBIT',
    agencyName: '한빛근로지원센터',
    branchId: 'BR-SEOUL',
    month: date.slice(0, 7),
    date,
    attendance,
    leaveMinutes: minutes,
    start: '09:00',
    end: '13:00',
    consent: 'signed',
    corrections: [],
    createdBy: 'assistant01',
    createdAt: `${date}T00:00:00.000Z`,
    updatedBy: 'assistant01',
    updatedAt: `${date}T00:00:00.000Z`,
    revision: 1,
  });

const NOTICE_ID = 'LN-AS-1-20261231-1';
const issuedNotice = (fields: Stored = {}) =>
  record('leaveNotice', {
    noticeId: NOTICE_ID,
    assistantId: 'AS-1',
    assistantUserId: 'assistant01',
    assistantName: '김민준',
    agencyId: 'AG-HANBIT',
    agencyName: '한빛근로지원센터',
    branchId: 'BR-SEOUL',
    kind: 'annual',
    periodEnd: '2026-12-31',
    round: 1,
    action: 'request',
    batch: 'main',
    label: '1차 사용촉진',
    statute: '근로기준법 제61조제1항제1호',
    proposedDate: '2026-07-01',
    issueBy: '2026-07-10',
    replyBy: '2026-07-11',
    unusedMinutes: 3360,
    dailyMinutes: 240,
    designatedDates: [],
    issuedAt: '2026-07-01T01:00:00.000Z',
    issuedBy: 'agency_hanbit',
    pdfKey: 'leave/notices/AS-1/x.pdf',
    pdfFileName: 'x.pdf',
    status: 'issued',
    revision: 1,
    ...fields,
  });

const people = {
  'userProfile/assistant01': profile('assistant01', [{ role: 'assistant' }]),
  'userProfile/assistant02': profile('assistant02', [{ role: 'assistant' }]),
  'userProfile/agency_hanbit': profile('agency_hanbit', [{ role: 'agency', agencyId: 'AG-HANBIT' }]),
  'userProfile/agency_daon': profile('agency_daon', [{ role: 'agency', agencyId: 'AG-DAON' }]),
  'assistant/as-1': assistant,
};
// 2026: a half day (2 hours of a 4-hour day) in March, a full day in May, an official leave in May
const activity = [
  leaveDay('2026-03-03', 120),
  leaveDay('2026-05-04', 240),
  leaveDay('2026-05-06', 240, 'officialLeave'),
];
const queries = { 'matching|as-1': [matching], 'activitylogentry|as-1': activity };

async function call(
  method: string,
  path: string,
  as: [string, string],
  options: { body?: unknown; resource: string; params: Record<string, string>; query?: Record<string, string> },
) {
  const res = await handler(
    apiEvent(method, path, {
      body: options.body,
      claims: claims(...as),
      resource: options.resource,
      pathParameters: options.params,
      query: options.query,
    }),
    lambdaContext,
  );
  const body = JSON.parse(res.body);
  checkResponse(method, options.resource, res.statusCode, body);
  return { status: res.statusCode, body };
}

const ledgerOf = (as: [string, string]) =>
  call('GET', '/leave/assistants/AS-1', as, {
    resource: '/leave/assistants/{assistantId}',
    params: { assistantId: 'AS-1' },
  });

const issue = (as: [string, string], body: unknown) =>
  call('POST', '/leave/assistants/AS-1/notices', as, {
    body,
    resource: '/leave/assistants/{assistantId}/notices',
    params: { assistantId: 'AS-1' },
  });

const answer = (as: [string, string], body: unknown) =>
  call('POST', `/leave/notices/${NOTICE_ID}/answer`, as, {
    body,
    resource: '/leave/notices/{noticeId}/answer',
    params: { noticeId: NOTICE_ID },
  });

describe('leave routes', () => {
  it('counts the year’s use from the activity log, in days of the matching’s 4-hour day', async () => {
    table(people, queries);
    const res = await ledgerOf(['agency_hanbit', 'agency']);
    expect(res.status).toBe(200);
    expect(res.body.profile).toMatchObject({
      weeklyContractMinutes: 1200,
      dailyMinutes: 240,
      weeklySource: 'matchings',
    });
    // 2026-01-01: third year, 15 days of 4 hours; 6 hours used of it
    expect(res.body.row.annual).toEqual({ accruedMinutes: 3600, usedMinutes: 360 });
    expect(res.body.row.byMonth.annualLeave.slice(2, 5)).toEqual([120, 0, 240]);
    expect(res.body.row.byMonth.officialLeave[4]).toBe(240);
    expect(res.body.balanceText).toBe('13일 2시간');
    expect(res.body.assistant.phone).toBe('010-****-0201');
  });

  it('keeps another agency out of the ledger and the notices', async () => {
    const { transactions } = table(people, queries);
    expect((await ledgerOf(['agency_daon', 'agency'])).status).toBe(403);
    expect((await issue(['agency_daon', 'agency'], { noticeId: NOTICE_ID })).status).toBe(403);
    expect(transactions).toHaveLength(0);
    expect(s3.commandCalls(PutObjectCommand)).toHaveLength(0);
  });

  it('issues the 1st notice: PDF kept, notice and audit in one conditional transaction, the assistant told', async () => {
    const { transactions } = table(people, queries);
    const ledger = await ledgerOf(['agency_hanbit', 'agency']);
    const first = ledger.body.periods[0].notices[0];
    expect(first).toMatchObject({ noticeId: NOTICE_ID, round: 1, canIssue: true, late: false });
    const res = await issue(['agency_hanbit', 'agency'], { noticeId: NOTICE_ID });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ round: 1, status: 'issued', replyBy: '2026-07-11', unusedText: '13일 2시간' });
    const put = s3.commandCalls(PutObjectCommand)[0]!.args[0].input;
    expect(put.Key).toMatch(/^leave\/notices\/AS-1\/LN-AS-1-20261231-1\/[0-9a-f]{64}\.pdf$/);
    expect(put.ContentType).toBe('application/pdf');
    const written = transactions.at(-1)!;
    expect(
      putsOf(written)
        .map((p) => p.__edb_e__)
        .sort(),
    ).toEqual(['auditRecord', 'leaveNotice']);
    const condition = (written[0] as { Put: { ConditionExpression?: string } }).Put.ConditionExpression ?? '';
    expect(condition).toContain('attribute_not_exists');
    const message = readFileSync(outbox, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line))
      .find((m) => m.source === 'leave-promotion');
    expect(message).toMatchObject({ channel: 'sms', to: '+821000001234', username: 'assistant01' });
    expect(message.text).toContain('/my/annual-leave');
  });

  it('refuses a 2nd round before its time, and a notice someone issued a moment earlier, in Korean', async () => {
    table(people, queries);
    const second = await issue(['agency_hanbit', 'agency'], {
      noticeId: 'LN-AS-1-20261231-2',
      designatedDates: ['2026-12-24'],
    });
    expect(second.status).toBe(400);
    // on 7-1 the 2nd round's window has not opened yet: the earliest reason is the one given
    expect(second.body.error.message).toBe('2차 사용촉진은(는) 2026-07-12부터 발행할 수 있습니다.');
    table(people, queries, true);
    const raced = await issue(['agency_hanbit', 'agency'], { noticeId: NOTICE_ID });
    expect(raced.status).toBe(409);
    expect(raced.body.error.message).toContain('먼저 발행');
  });

  it('lets only the assistant answer, with dates within the period, once', async () => {
    const { transactions } = table({ ...people, 'leaveNotice/ln-as-1-20261231-1': issuedNotice() }, queries);
    expect((await answer(['assistant02', 'assistant'], { dates: ['2026-08-03'], revision: 1 })).status).toBe(403);
    const outside = await answer(['assistant01', 'assistant'], { dates: ['2027-01-04'], revision: 1 });
    expect(outside.status).toBe(422);
    expect(outside.body.error.fields[0]).toMatchObject({ field: 'body.dates.0', label: '사용할 날짜' });
    expect(transactions).toHaveLength(0);
    const ok = await answer(['assistant01', 'assistant'], { dates: ['2026-08-03'], note: '이날 쉽니다', revision: 1 });
    expect(ok.status).toBe(200);
    const update = transactions[0]!.find((op) => (op as { Update?: unknown }).Update) as {
      Update: { ConditionExpression: string };
    };
    expect(update.Update.ConditionExpression).toContain('#revision');
    table(
      {
        ...people,
        'leaveNotice/ln-as-1-20261231-1': issuedNotice({ status: 'answered', answeredAt: '2026-07-02T00:00:00.000Z' }),
      },
      queries,
    );
    const again = await answer(['assistant01', 'assistant'], { dates: ['2026-08-03'], revision: 1 });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain('이미 답했습니다');
  });

  it('asks a reason only for use beyond the entitlement', async () => {
    const { transactions } = table(people, queries);
    const res = await call('PUT', '/leave/assistants/AS-1/excess-reasons/2026-05-04', ['agency_hanbit', 'agency'], {
      body: { reason: '병원 진료', revision: 0 },
      resource: '/leave/assistants/{assistantId}/excess-reasons/{date}',
      params: { assistantId: 'AS-1', date: '2026-05-04' },
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'LEAVE_NOT_EXCESS' });
    expect(transactions).toHaveLength(0);
  });
});
