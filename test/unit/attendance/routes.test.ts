import { Readable } from 'node:stream';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { BatchWriteCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { handler } from '#functions/attendance/handler';
import { RACE_MESSAGE } from '#functions/attendance/repository';
import { onAttendanceObjects } from '#functions/attendance/upload-event';
import { checkResponse } from '../../support/contract.ts';
import { apiEvent, lambdaContext } from '../../support/events.ts';
import { claims, ddb, profile, putsOf, record, type Stored, table } from '../assistants/support.ts';

// The import orchestration and the month's routes on a table double and a mocked S3. The landed
// object's S3 event claims the upload and imports it: a good file is matched and stored, then made
// current in one transaction; a bad file stores only its report; the same file twice does nothing; a
// redelivered event does nothing; a lost race and a submitted month are recorded on the upload in
// Korean; the month is submitted only once no blocking finding is left, with what was justified.

const s3 = mockClient(S3Client);
const UPLOAD_ID = '7b1f4a9e-2c3d-4e5f-8a9b-0c1d2e3f4a5b';
const MONTH = '2026-03';

beforeAll(() => {
  process.env.TABLE_NAME = 'test-table';
  process.env.UPLOADS_BUCKET = 'uploads';
  // presigning signs locally with these; nothing is sent
  process.env.AWS_REGION = 'ap-northeast-2';
  process.env.AWS_ACCESS_KEY_ID = 'test';
  process.env.AWS_SECRET_ACCESS_KEY = 'test';
});

let batches: Stored[][] = [];
let s3Reads = 0;
function file(text: string) {
  s3.reset();
  s3Reads = 0;
  s3.on(GetObjectCommand).callsFake(() => {
    s3Reads++;
    return { Body: Readable.from([Buffer.from(text, 'utf8')]) };
  });
}

beforeEach(() => {
  batches = [];
});

type Update = { ExpressionAttributeValues: Stored; ConditionExpression?: string };
let updates: Update[] = [];
let transactions: Stored[][] = [];

/**
 * The table double, plus batch writes (the import's records) and updates (the upload's claim and
 * outcome) recorded; `claimTaken` makes the claim's condition fail as when another delivery has it.
 */
function store(
  items: Record<string, Stored>,
  queries: Record<string, Stored[]> = {},
  cancel = false,
  claimTaken = false,
) {
  const result = table(items, queries, cancel);
  transactions = result.transactions;
  updates = [];
  ddb.on(BatchWriteCommand).callsFake((input: { RequestItems: Record<string, { PutRequest: { Item: Stored } }[]> }) => {
    batches.push(Object.values(input.RequestItems).flatMap((list) => list.map((r) => r.PutRequest.Item)));
    return Promise.resolve({ UnprocessedItems: {} });
  });
  ddb.on(UpdateCommand).callsFake((input: Update) => {
    updates.push(input);
    if (claimTaken && input.ConditionExpression?.includes('#state')) {
      return Promise.reject(
        Object.assign(new Error('The conditional request failed'), { name: 'ConditionalCheckFailedException' }),
      );
    }
    return Promise.resolve({});
  });
  ddb.on(PutCommand).resolves({});
  return result;
}

const people = {
  'userProfile/agency_hanbit': profile('agency_hanbit', [{ role: 'agency', agencyId: 'AG-HANBIT' }]),
  'userProfile/agency_daon': profile('agency_daon', [{ role: 'agency', agencyId: 'AG-DAON' }]),
  'organisation/AG-HANBIT': record('organisation', {
    organisationId: 'AG-HANBIT',
    kind: 'agency',
    name: '한빛근로지원센터',
    branchId: 'BR-SEOUL',
  }),
  [`attendanceUpload/${UPLOAD_ID}`]: record('attendanceUpload', {
    uploadId: UPLOAD_ID,
    agencyId: 'AG-HANBIT',
    month: MONTH,
    requestedBy: 'agency_hanbit',
    sourceIp: '10.0.0.1',
    requestedAt: '2026-04-01T00:00:00.000Z',
    state: 'waiting',
    expiresAt: 1_800_000_000,
  }),
  [`upload/${UPLOAD_ID}`]: record('upload', {
    uploadId: UPLOAD_ID,
    ownerId: 'agency_hanbit',
    purpose: 'attendance',
    contentType: 'text/csv',
    fileName: '시프티_3월.csv',
    declaredSize: 100,
    bucketKey: `pending/attendance/${UPLOAD_ID}`,
    status: 'ready',
    sha256: 'a'.repeat(64),
    createdAt: '2026-04-01T00:00:00.000Z',
  }),
};

const assistant = (assistantId: string, name: string, mobilePhone: string) =>
  record('assistant', { assistantId, agencyId: 'AG-HANBIT', name, mobilePhone, status: 'active' });
const registry = {
  assistant: [assistant('AS-1', '김민준', '010-1234-5678'), assistant('AS-2', '이서연', '010-2222-3333')],
};

const GOOD = [
  '사원번호,이름,휴대전화,날짜,출근,퇴근',
  'AS-1,김민준,010-1234-5678,2026-03-02,09:00,18:00',
  ',이서연,010-2222-3333,2026-03-02,09:00,13:00',
  'X-9,박없음,010-9999-0000,2026-03-02,09:00,13:00',
].join('\n');

async function call(
  method: string,
  path: string,
  resource: string,
  params: Record<string, string>,
  body?: unknown,
  as: [string, string] = ['agency_hanbit', 'agency'],
  query?: Record<string, string>,
) {
  const res = await handler(
    apiEvent(method, path, { body, claims: claims(...as), resource, pathParameters: params, query }),
    lambdaContext,
  );
  const answer = JSON.parse(res.body);
  checkResponse(method, resource, res.statusCode, answer);
  return { status: res.statusCode, body: answer };
}

/** The uploads bucket's event for the landed file, as S3 sends it. */
const landed = (key = `pending/attendance/${UPLOAD_ID}`) => ({
  Records: [{ eventName: 'ObjectCreated:Put', s3: { bucket: { name: 'uploads' }, object: { key, size: 100 } } }],
});

/**
 * Runs the S3 event, then reads what it left: the outcome written on the upload (its last update) and
 * the import item the transaction stored, if any.
 */
async function importFile() {
  const results = await onAttendanceObjects(landed());
  const last = updates.at(-1)?.ExpressionAttributeValues ?? {};
  const values = Object.values(last);
  const stored = transactions.flatMap((t) => putsOf(t)).find((i) => i.__edb_e__ === 'attendanceImport');
  return {
    outcome: results[0]?.outcome,
    state: values.find((v) => ['waiting', 'importing', 'done', 'failed'].includes(v as string)),
    problem: values.find((v) => typeof v === 'string' && /[가-힣]/.test(v)) as string | undefined,
    import: stored,
  };
}

const entities = (items: Stored[]) => items.map((i) => i.__edb_e__);

describe('the S3 event of a landed attendance file', () => {
  it('claims the upload, streams the file, matches people, stores the records, then makes the import current in one transaction', async () => {
    file(GOOD);
    const { transactions } = store(people, registry);
    const res = await importFile();
    expect(res.outcome).toBe('imported');
    // claimed only while waiting (or when an earlier claim went stale), then done with the import's id
    expect(updates[0]!.ConditionExpression).toMatch(
      /#state = :state\w* OR \(#state = :state\w* AND #claimedAt < :claimedAt\w*\)/,
    );
    expect(Object.values(updates[0]!.ExpressionAttributeValues)).toEqual(
      expect.arrayContaining(['importing', 'waiting']),
    );
    expect(res.state).toBe('done');
    expect(Object.values(updates.at(-1)!.ExpressionAttributeValues)).toEqual(
      expect.arrayContaining(['imported', res.import!.importId]),
    );
    expect(res.import).toMatchObject({ status: 'imported', rowCount: 3, matchedRows: 2, people: 3 });
    // the unmatched person is listed with the reason
    expect(res.import!.unmatched).toEqual([
      expect.objectContaining({ name: '박없음', identifier: 'X-9', rowNumbers: [4] }),
    ]);
    expect((res.import!.unmatched as { reason: string }[])[0]!.reason).toContain('사원번호 X-9인 근로지원인이 없고');
    const records = batches.flat();
    expect(records.map((r) => [r.assistantId, r.date, r.clockIn, r.clockOut])).toEqual([
      ['AS-1', '2026-03-02', '09:00', '18:00'],
      ['AS-2', '2026-03-02', '09:00', '13:00'],
    ]);
    expect(transactions).toHaveLength(1);
    expect(entities(putsOf(transactions[0]!)).sort()).toEqual(['attendanceImport', 'attendanceMonth', 'auditRecord']);
    // both are creations: a month without an import yet
    for (const op of transactions[0]!) {
      const put = (op as { Put?: { Item: Stored; ConditionExpression?: string } }).Put!;
      if (put.Item.__edb_e__ !== 'auditRecord') expect(put.ConditionExpression).toContain('attribute_not_exists');
    }
    // the audit record names the person who uploaded, from where
    const audit = putsOf(transactions[0]!).find((i) => i.__edb_e__ === 'auditRecord')!;
    expect(audit).toMatchObject({ actorId: 'agency_hanbit' });
    expect(JSON.stringify(audit)).toContain('10.0.0.1');
    expect(s3Reads).toBe(1);
  });

  it('does nothing when the event comes again while the upload is taken or done', async () => {
    file(GOOD);
    const { transactions } = store(people, registry, false, true);
    const res = await importFile();
    expect(res.outcome).toBe('already-taken');
    expect(updates).toHaveLength(1);
    expect(transactions).toEqual([]);
    expect(s3Reads).toBe(0);
  });

  it('ignores objects that are no attendance upload request', async () => {
    store(people, registry);
    expect(await onAttendanceObjects(landed('pending/seal/7b1f4a9e-2c3d-4e5f-8a9b-0c1d2e3f4a5b'))).toEqual([]);
    expect(await onAttendanceObjects(landed('pending/attendance/not-an-id'))).toEqual([]);
    const other = await onAttendanceObjects(landed('pending/attendance/00000000-0000-4000-8000-000000000001'));
    expect(other).toEqual([{ uploadId: '00000000-0000-4000-8000-000000000001', outcome: 'not-attendance-request' }]);
    expect(updates).toEqual([]);
  });

  it('rejects a file with a bad row whole: only the report is stored', async () => {
    file(
      ['사원번호,이름,날짜,출근,퇴근', 'AS-1,김민준,2026-03-02,09:00,18:00', 'AS-1,김민준,2026-04-01,9시반,18:00'].join(
        '\n',
      ),
    );
    const { transactions } = store(people, registry);
    const res = await importFile();
    expect(res.outcome).toBe('rejected');
    expect(res.state).toBe('done');
    const errors = res.import!.errors as { row: number; message: string }[];
    expect(errors.length).toBeGreaterThanOrEqual(2);
    expect(errors[0]).toMatchObject({ row: 3, column: '날짜', cell: 'C3', value: '2026-04-01' });
    expect(errors[0]!.message).toContain('2026년 3월');
    expect(batches).toEqual([]);
    expect(entities(putsOf(transactions[0]!)).sort()).toEqual(['attendanceImport', 'auditRecord']);
  });

  it('does nothing the second time the same file is imported', async () => {
    file(GOOD);
    const current = record('attendanceImport', {
      importId: 'AI-20260401-AAAA1111',
      agencyId: 'AG-HANBIT',
      month: MONTH,
      uploadId: UPLOAD_ID,
      fileName: '시프티_3월.csv',
      fingerprint: 'a'.repeat(64),
      status: 'imported',
      rowCount: 3,
      people: 3,
      matchedRows: 2,
      unmatched: [],
      errors: [],
      totalErrors: 0,
      omittedErrors: 0,
      importedBy: 'agency_hanbit',
      importedAt: '2026-04-01T00:00:00.000Z',
    });
    const month = record('attendanceMonth', {
      agencyId: 'AG-HANBIT',
      month: MONTH,
      currentImportId: 'AI-20260401-AAAA1111',
      fingerprint: 'a'.repeat(64),
      revision: 1,
      updatedAt: '2026-04-01T00:00:00.000Z',
    });
    const { transactions } = store(
      { ...people, [`attendanceMonth/${MONTH}`]: month },
      { ...registry, attendanceImport: [current] },
    );
    const res = await importFile();
    expect(res.outcome).toBe('duplicate');
    expect(Object.values(updates.at(-1)!.ExpressionAttributeValues)).toEqual(
      expect.arrayContaining(['done', 'duplicate', 'AI-20260401-AAAA1111']),
    );
    expect(s3Reads).toBe(0);
    expect(transactions).toEqual([]);
    expect(batches).toEqual([]);
  });

  it('replaces the month on the revision it read, and records in Korean when another import won', async () => {
    file(GOOD);
    const month = record('attendanceMonth', {
      agencyId: 'AG-HANBIT',
      month: MONTH,
      currentImportId: 'AI-20260401-OLD00001',
      fingerprint: 'b'.repeat(64),
      revision: 4,
      updatedAt: '2026-04-01T00:00:00.000Z',
    });
    const { transactions } = store({ ...people, [`attendanceMonth/${MONTH}`]: month }, registry, true);
    const res = await importFile();
    expect(res.outcome).toBe('failed');
    expect(res.state).toBe('failed');
    expect(res.problem).toBe(RACE_MESSAGE);
    const put = transactions[0]!
      .map(
        (op) =>
          (op as { Put?: { Item: Stored; ConditionExpression?: string; ExpressionAttributeValues?: Stored } }).Put!,
      )
      .find((p) => p.Item.__edb_e__ === 'attendanceMonth')!;
    expect(put.Item.revision).toBe(5);
    expect(put.ConditionExpression).toContain('#revision');
    expect(Object.values(put.ExpressionAttributeValues!)).toContain(4);
  });

  it('releases the claim and throws on an unexpected failure, so that S3 retries the event', async () => {
    s3.reset();
    s3.on(GetObjectCommand).rejects(new Error('S3 is unavailable'));
    store(people, registry);
    await expect(onAttendanceObjects(landed())).rejects.toThrow('S3 is unavailable');
    expect(Object.values(updates.at(-1)!.ExpressionAttributeValues)).toContain('waiting');
  });

  it('records a month already submitted on the upload, importing nothing', async () => {
    file(GOOD);
    const { transactions } = store({
      ...people,
      [`monthSubmission/${MONTH}`]: record('monthSubmission', {
        agencyId: 'AG-HANBIT',
        month: MONTH,
        importId: 'AI-20260401-AAAA1111',
        submittedAt: '2026-04-02T00:00:00.000Z',
        submittedBy: 'agency_hanbit',
        justified: [],
      }),
    });
    const res = await importFile();
    expect(res.state).toBe('failed');
    expect(res.problem).toContain('이미 청구용으로 제출');
    expect(transactions).toEqual([]);
  });
});

describe('POST attendance-uploads', () => {
  const start = (as?: [string, string], body: Record<string, unknown> = {}) =>
    call(
      'POST',
      '/organisations/AG-HANBIT/attendance-uploads',
      '/organisations/{organisationId}/attendance-uploads',
      { organisationId: 'AG-HANBIT' },
      { month: MONTH, contentType: 'text/csv', size: 2048, fileName: '시프티_3월.csv', ...body },
      as,
    );

  it('records whose month the file is for, then hands out the presigned URL under the attendance prefix', async () => {
    store(people);
    const res = await start();
    expect(res.status).toBe(201);
    expect(res.body.url).toContain(`pending/attendance/${res.body.uploadId}`);
    const puts = ddb.commandCalls(PutCommand).map((c) => c.args[0].input.Item as Stored);
    expect(puts.map((i) => i.__edb_e__)).toEqual(['upload', 'attendanceUpload']);
    expect(puts[1]).toMatchObject({
      uploadId: res.body.uploadId,
      agencyId: 'AG-HANBIT',
      month: MONTH,
      requestedBy: 'agency_hanbit',
      state: 'waiting',
    });
  });

  it('refuses another agency, a month already submitted and a file that is no spreadsheet, in Korean', async () => {
    store(people);
    expect((await start(['agency_daon', 'agency'])).status).toBe(403);
    const pdf = await start(undefined, { contentType: 'application/pdf', fileName: 'x.pdf' });
    expect(pdf.status).toBe(422);
    expect(pdf.body.error.message).toContain('엑셀(XLSX), CSV 파일만');
    store({
      ...people,
      [`monthSubmission/${MONTH}`]: record('monthSubmission', {
        agencyId: 'AG-HANBIT',
        month: MONTH,
        importId: 'AI-20260401-AAAA1111',
        submittedAt: '2026-04-02T00:00:00.000Z',
        submittedBy: 'agency_hanbit',
        justified: [],
      }),
    });
    const submitted = await start();
    expect(submitted.status).toBe(409);
    expect(submitted.body.error.message).toContain('이미 청구용으로 제출');
    expect(ddb.commandCalls(PutCommand)).toHaveLength(0);
  });
});

describe('error report and month routes', () => {
  const rejected = record('attendanceImport', {
    importId: 'AI-20260401-BAD00001',
    agencyId: 'AG-HANBIT',
    month: MONTH,
    uploadId: UPLOAD_ID,
    fileName: 'x.csv',
    fingerprint: 'c'.repeat(64),
    status: 'rejected',
    rowCount: 0,
    people: 0,
    matchedRows: 0,
    unmatched: [],
    errors: [{ row: 3, column: '출근', cell: 'D3', value: '=9시', message: '출근 시각을 09:00처럼 적어 주세요.' }],
    totalErrors: 5,
    omittedErrors: 4,
    importedBy: 'agency_hanbit',
    importedAt: '2026-04-01T00:00:00.000Z',
  });

  it('downloads the report as a CSV Excel opens in Korean, formulas defused', async () => {
    store({ ...people, 'attendanceImport/AI-20260401-BAD00001': rejected });
    const res = await call(
      'GET',
      '/attendance-imports/AI-20260401-BAD00001/error-report',
      '/attendance-imports/{importId}/error-report',
      { importId: 'AI-20260401-BAD00001' },
    );
    expect(res.status).toBe(200);
    const text = Buffer.from(res.body.base64, 'base64').toString('utf8');
    expect(text.startsWith('\uFEFF행,열,셀,값,고칠 내용\r\n')).toBe(true);
    expect(text).toContain("3,출근,D3,'=9시,출근 시각을 09:00처럼 적어 주세요.");
    expect(text).toContain('이 밖에 오류 4건');
    expect(res.body.fileName).toBe('출퇴근자료_오류보고서_2026-03_AI-20260401-BAD00001.csv');
  });

  const monthItem = record('attendanceMonth', {
    agencyId: 'AG-HANBIT',
    month: MONTH,
    currentImportId: 'AI-20260401-AAAA1111',
    fingerprint: 'a'.repeat(64),
    revision: 1,
    updatedAt: '2026-04-01T00:00:00.000Z',
  });
  const attendance = record('attendanceRecord', {
    importId: 'AI-20260401-AAAA1111',
    agencyId: 'AG-HANBIT',
    month: MONTH,
    assistantId: 'AS-1',
    date: '2026-03-02',
    row: 2,
    name: '김민준',
    clockIn: '09:30',
    clockOut: '18:00',
    overnight: false,
  });
  const log = record('activityLogEntry', {
    entryId: 'AL-20260302-AAAA1111',
    assistantId: 'AS-1',
    assistantUserId: 'assistant01',
    assistantName: '김민준',
    workerId: 'worker01',
    workerName: '서준우',
    agencyId: 'AG-HANBIT',
    month: MONTH,
    date: '2026-03-02',
    attendance: 'work',
    start: '09:00',
    end: '18:00',
    consent: 'signed',
  });
  const findingId = 'startEarly|AS-1|2026-03-02|AL-20260302-AAAA1111';
  const submit = () =>
    call(
      'POST',
      '/organisations/AG-HANBIT/attendance-submissions',
      '/organisations/{organisationId}/attendance-submissions',
      { organisationId: 'AG-HANBIT' },
      { month: MONTH },
    );

  it('shows the day side by side with its finding, and refuses the submission while it is open', async () => {
    const { transactions } = store(
      { ...people, [`attendanceMonth/${MONTH}`]: monthItem },
      { attendanceRecord: [attendance], activityLogEntry: [log] },
    );
    const res = await call(
      'GET',
      '/organisations/AG-HANBIT/attendance-comparison',
      '/organisations/{organisationId}/attendance-comparison',
      { organisationId: 'AG-HANBIT' },
      undefined,
      undefined,
      { month: MONTH },
    );
    expect(res.status).toBe(200);
    expect(res.body.summary).toEqual({ findings: 1, blockingOpen: 1, justified: 0, notBlocking: 0 });
    expect(res.body.canSubmit).toBe(false);
    expect(res.body.rows[0]).toMatchObject({
      assistantName: '김민준',
      attendance: [{ clockIn: '09:30', clockOut: '18:00' }],
      logs: [{ entryId: 'AL-20260302-AAAA1111', workerName: '서준우', attendanceLabel: '근무' }],
      findings: [{ id: findingId, code: 'startEarly', label: '출근 전 활동', blocking: true }],
    });
    expect(res.body.rows[0].findings[0].message).toContain('30분 이릅니다(허용 10분)');
    const refused = await submit();
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toContain('1건 남아');
    expect(transactions).toEqual([]);
  });

  it('records a justification, then submits with what was justified and by whom', async () => {
    const justification = record('attendanceJustification', {
      agencyId: 'AG-HANBIT',
      month: MONTH,
      findingId,
      assistantId: 'AS-1',
      date: '2026-03-02',
      code: 'startEarly',
      reason: '출퇴근 앱 장애로 출근이 늦게 찍힘',
      by: 'agency_hanbit',
      at: '2026-04-02T00:00:00.000Z',
    });
    let { transactions } = store(
      { ...people, [`attendanceMonth/${MONTH}`]: monthItem },
      { attendanceRecord: [attendance], activityLogEntry: [log] },
    );
    const short = await call(
      'POST',
      '/organisations/AG-HANBIT/attendance-justifications',
      '/organisations/{organisationId}/attendance-justifications',
      { organisationId: 'AG-HANBIT' },
      { month: MONTH, findingId, reason: '앱' },
    );
    expect(short.status).toBe(422);
    expect(short.body.error.message).toContain('5자 이상');
    const justified = await call(
      'POST',
      '/organisations/AG-HANBIT/attendance-justifications',
      '/organisations/{organisationId}/attendance-justifications',
      { organisationId: 'AG-HANBIT' },
      { month: MONTH, findingId, reason: '출퇴근 앱 장애로 출근이 늦게 찍힘' },
    );
    expect(justified.status).toBe(200);
    expect(entities(putsOf(transactions[0]!)).sort()).toEqual(['attendanceJustification', 'auditRecord']);

    ({ transactions } = store(
      { ...people, [`attendanceMonth/${MONTH}`]: monthItem },
      { attendanceRecord: [attendance], activityLogEntry: [log], attendanceJustification: [justification] },
    ));
    const res = await submit();
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      agencyId: 'AG-HANBIT',
      month: MONTH,
      importId: 'AI-20260401-AAAA1111',
      submittedBy: 'agency_hanbit',
      justified: [
        {
          assistantId: 'AS-1',
          date: '2026-03-02',
          code: 'startEarly',
          reason: '출퇴근 앱 장애로 출근이 늦게 찍힘',
          by: 'agency_hanbit',
        },
      ],
    });
    const put = transactions[0]!
      .map((op) => (op as { Put?: { Item: Stored; ConditionExpression?: string } }).Put!)
      .find((p) => p.Item.__edb_e__ === 'monthSubmission')!;
    expect(put.ConditionExpression).toContain('attribute_not_exists');
  });
});
