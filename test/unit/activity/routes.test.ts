import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { consentDigest } from '#functions/activity/consent-rules';
import { handler } from '#functions/activity/handler';
import { checkResponse } from '../../support/contract.ts';
import { apiEvent, lambdaContext } from '../../support/events.ts';
import { claims, profile, putsOf, record, type Stored, table } from '../assistants/support.ts';

// Route tests of activity logs and consent on a table double: the scope by matching, the lock of a
// signed entry, an agency correction that opens a new round (one transaction with the day guard and
// the audit record), a lost race said in Korean, and a signature over exactly what was reviewed.

const outbox = join(mkdtempSync(join(tmpdir(), 'outbox-')), 'outbox.jsonl');
const s3 = mockClient(S3Client);

beforeAll(() => {
  process.env.TABLE_NAME = 'test-table';
  process.env.DOCUMENTS_BUCKET = 'documents';
  process.env.LOCAL_OUTBOX_FILE = outbox;
});

beforeEach(() => {
  s3.reset();
  s3.on(PutObjectCommand).resolves({});
});

const registration = record('assistant', {
  assistantId: 'AS-1',
  agencyId: 'AG-HANBIT',
  agencyName: '한빛근로지원센터',
  branchId: 'BR-SEOUL',
  name: '김민준',
  userId: 'assistant01',
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
  startDate: '2026-01-01',
  endDate: '2026-12-31',
  schedule: [{ weekday: 0, start: '09:00', end: '13:00' }],
  supportType: 'T1',
  status: 'active',
  createdBy: 'agency_hanbit',
  createdAt: '2025-12-15T00:00:00.000Z',
  revision: 1,
});

function entry(fields: Stored = {}): Stored {
  return record('activityLogEntry', {
    entryId: 'AL-20261102-AAAA1111',
    assistantId: 'AS-1',
    assistantUserId: 'assistant01',
    assistantName: '김민준',
    workerId: 'worker01',
    workerName: '서준우',
    matchingId: 'MT-TEST-1',
    agencyId: 'AG-HANBIT',
    agencyName: '한빛근로지원센터',
    branchId: 'BR-SEOUL',
    month: '2026-11',
    date: '2026-11-02',
    attendance: 'work',
    start: '09:00',
    end: '13:00',
    contentCode: 'C01',
    consent: 'signed',
    roundId: 'CR-20261115-SIGNED01',
    signedBy: 'electronic',
    corrections: [],
    createdBy: 'assistant01',
    createdAt: '2026-11-02T09:00:00.000Z',
    updatedBy: 'assistant01',
    updatedAt: '2026-11-02T09:00:00.000Z',
    revision: 2,
    ...fields,
  });
}

const round = (fields: Stored = {}) =>
  record('consentRound', {
    roundId: 'CR-20261115-OPEN0001',
    assistantId: 'AS-1',
    assistantUserId: 'assistant01',
    assistantName: '김민준',
    workerId: 'worker01',
    workerName: '서준우',
    agencyId: 'AG-HANBIT',
    agencyName: '한빛근로지원센터',
    branchId: 'BR-SEOUL',
    month: '2026-11',
    kind: 'initial',
    status: 'requested',
    entryIds: ['AL-20261102-AAAA1111'],
    requestedBy: 'assistant01',
    requestedAt: '2026-11-15T00:00:00.000Z',
    revision: 1,
    updatedAt: '2026-11-15T00:00:00.000Z',
    ...fields,
  });

const people = {
  'userProfile/assistant01': profile('assistant01', [{ role: 'assistant' }]),
  'userProfile/worker01': profile('worker01', [{ role: 'worker' }], { name: '서준우', phone: '+821000000301' }),
  'userProfile/agency_hanbit': profile('agency_hanbit', [{ role: 'agency', agencyId: 'AG-HANBIT' }]),
  'userProfile/agency_daon': profile('agency_daon', [{ role: 'agency', agencyId: 'AG-DAON' }]),
};
const queries = { 'assistant|assistant01': [registration], 'matching|as-1': [matching] };

const edit = { date: '2026-11-02', attendance: 'work', start: '09:00', end: '12:30', contentCode: 'C01', revision: 2 };

async function call(
  method: string,
  path: string,
  as: [string, string],
  options: { body?: unknown; resource?: string; params?: Record<string, string> } = {},
) {
  const res = await handler(
    apiEvent(method, path, {
      body: options.body,
      claims: claims(...as),
      resource: options.resource,
      pathParameters: options.params,
    }),
    lambdaContext,
  );
  const body = JSON.parse(res.body);
  checkResponse(method, options.resource ?? path, res.statusCode, body);
  return { status: res.statusCode, body };
}

const onEntry = (method: string, as: [string, string], body: unknown, suffix = '') =>
  call(method, `/activity-logs/AL-20261102-AAAA1111${suffix}`, as, {
    body,
    resource: `/activity-logs/{entryId}${suffix}`,
    params: { entryId: 'AL-20261102-AAAA1111' },
  });

function messages(): { username: string; text: string; source: string }[] {
  return readFileSync(outbox, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
}

describe('activity-log routes', () => {
  it('refuses an entry for a worker the assistant was never matched with, before anything is written', async () => {
    const { transactions } = table(people, queries);
    const res = await call('POST', '/activity-logs', ['assistant01', 'assistant'], {
      body: {
        workerId: 'worker02',
        date: '2026-11-02',
        attendance: 'work',
        start: '09:00',
        end: '13:00',
        contentCode: 'C01',
      },
    });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain('이 근로자와 매칭된 적이 없어');
    expect(transactions).toHaveLength(0);
  });

  it('stores a new entry with its day guard and audit record in one transaction', async () => {
    const { transactions } = table(people, queries);
    const res = await call('POST', '/activity-logs', ['assistant01', 'assistant'], {
      body: {
        workerId: 'worker01',
        date: '2026-11-03',
        attendance: 'work',
        start: '09:00',
        end: '13:00',
        contentCode: 'C01',
      },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      assistantId: 'AS-1',
      matchingId: 'MT-TEST-1',
      consent: 'unsigned',
      month: '2026-11',
    });
    const ops = transactions[0]!;
    expect(
      putsOf(ops)
        .map((p) => p.__edb_e__)
        .sort(),
    ).toEqual(['activityDay', 'activityLogEntry', 'auditRecord']);
    // both creates are conditional: a second writer of the same day or id fails instead of overwriting
    const conditions = ops.map((op) => (op as { Put: { ConditionExpression?: string } }).Put.ConditionExpression ?? '');
    expect(conditions.filter((c) => c.includes('attribute_not_exists'))).toHaveLength(2);
  });

  it('locks a signed entry for the assistant, in Korean', async () => {
    const { transactions } = table({ ...people, 'activityLogEntry/al-20261102-aaaa1111': entry() }, queries);
    const res = await onEntry('POST', ['assistant01', 'assistant'], edit);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'ENTRY_LOCKED' });
    expect(res.body.error.message).toContain('근로자가 서명한 기록은 고칠 수 없습니다');
    expect(transactions).toHaveLength(0);
  });

  it('keeps another agency out', async () => {
    table({ ...people, 'activityLogEntry/al-20261102-aaaa1111': entry() }, queries);
    expect((await onEntry('GET', ['agency_daon', 'agency'], undefined)).status).toBe(403);
    expect((await onEntry('POST', ['agency_daon', 'agency'], { ...edit, reason: '정정' })).status).toBe(403);
  });

  it('lets the agency correct a signed entry with a reason: a new round, the worker told', async () => {
    const { transactions } = table({ ...people, 'activityLogEntry/al-20261102-aaaa1111': entry() }, queries);
    const noReason = await onEntry('POST', ['agency_hanbit', 'agency'], edit);
    expect(noReason.status).toBe(422);
    expect(noReason.body.error.fields[0]).toMatchObject({ field: 'body.reason', label: '정정 사유' });

    const res = await onEntry('POST', ['agency_hanbit', 'agency'], { ...edit, reason: '조기 퇴근 반영' });
    expect(res.status).toBe(200);
    const puts = putsOf(transactions[0]!);
    const corrected = puts.find((p) => p.__edb_e__ === 'activityLogEntry')!;
    expect(corrected).toMatchObject({ consent: 'requested', end: '12:30', revision: 3 });
    expect(corrected.corrections).toMatchObject([{ reason: '조기 퇴근 반영', signedRoundId: 'CR-20261115-SIGNED01' }]);
    const opened = puts.find((p) => p.__edb_e__ === 'consentRound')!;
    expect(opened).toMatchObject({ kind: 'correction', status: 'requested', reason: '조기 퇴근 반영' });
    expect(opened.entryIds).toEqual(['AL-20261102-AAAA1111']);
    expect(corrected.roundId).toBe(opened.roundId);
    expect(puts.find((p) => p.__edb_e__ === 'auditRecord')).toMatchObject({
      action: 'activityLog.correct',
      reason: '조기 퇴근 반영',
      subjectId: 'worker01',
    });
    const sms = messages().find((m) => m.source === 'activity-correction');
    expect(sms).toMatchObject({ username: 'worker01' });
    expect(sms?.text).toContain('사유: 조기 퇴근 반영');
  });

  it('says a lost race in Korean (the conditional write failed)', async () => {
    table({ ...people, 'activityLogEntry/al-20261102-aaaa1111': entry() }, queries, true);
    const res = await onEntry('POST', ['agency_hanbit', 'agency'], { ...edit, reason: '조기 퇴근 반영' });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toContain('방금 다른 곳에서 이 활동일지를 먼저 바꿨습니다');
  });
});

describe('consent routes', () => {
  const waiting = entry({ consent: 'requested', roundId: 'CR-20261115-OPEN0001', signedBy: undefined });
  const items = {
    ...people,
    'activityLogEntry/al-20261102-aaaa1111': waiting,
    'consentRound/cr-20261115-open0001': round(),
  };
  const sign = (as: [string, string], body: unknown) =>
    call('POST', '/consent-rounds/CR-20261115-OPEN0001/sign', as, {
      body,
      resource: '/consent-rounds/{roundId}/sign',
      params: { roundId: 'CR-20261115-OPEN0001' },
    });
  const digest = consentDigest([
    {
      entryId: 'AL-20261102-AAAA1111',
      assistantId: 'AS-1',
      workerId: 'worker01',
      date: '2026-11-02',
      attendance: 'work',
      start: '09:00',
      end: '13:00',
      contentCode: 'C01',
    },
  ]);

  it('refuses a signature over other entries than the ones on the server', async () => {
    const { transactions } = table(items, queries);
    const res = await sign(['worker01', 'worker'], { typedName: '서준우', agree: true, digest: 'f'.repeat(64) });
    // the entries changed while the worker read them: a conflict, with the message to refresh
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'STALE', message: expect.stringContaining('새로 고쳐') });
    expect(transactions).toHaveLength(0);
    expect(s3.commandCalls(PutObjectCommand)).toHaveLength(0);
  });

  it('lets only the worker of the round sign', async () => {
    table({ ...items, 'userProfile/worker02': profile('worker02', [{ role: 'worker' }]) }, queries);
    expect((await sign(['worker02', 'worker'], { typedName: '서준우', agree: true, digest })).status).toBe(403);
  });

  it('records the signature with the digest, keeps a snapshot, and locks the entries', async () => {
    const { transactions } = table(items, queries);
    const res = await sign(['worker01', 'worker'], { typedName: '서 준우', agree: true, digest });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'signed', method: 'electronic', digest, typedName: '서 준우' });
    const snapshot = s3.commandCalls(PutObjectCommand)[0]!.args[0].input;
    expect(snapshot.Key).toBe(`activity/consents/CR-20261115-OPEN0001/${digest}.json`);
    expect(JSON.parse(new TextDecoder().decode(snapshot.Body as Uint8Array)).entries[0]).toMatchObject({
      entryId: 'AL-20261102-AAAA1111',
      attendanceLabel: '근무',
      contentLabel: '서류 작성·정리 보조',
    });
    const puts = putsOf(transactions[0]!);
    expect(puts.find((p) => p.__edb_e__ === 'activityLogEntry')).toMatchObject({
      consent: 'signed',
      signedBy: 'electronic',
    });
    expect(puts.find((p) => p.__edb_e__ === 'consentRound')).toMatchObject({
      status: 'signed',
      snapshotKey: snapshot.Key,
    });
    expect(messages().some((m) => m.source === 'activity-consent-signed' && m.username === 'assistant01')).toBe(true);
  });
});
