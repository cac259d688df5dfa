import { ExecutionAlreadyExists, SendTaskSuccessCommand, SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import {
  BatchWriteCommand,
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  ScanCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SIDO_CODES } from '#commons/regions';
import { answerTask, startClaimExecution } from '#functions/claims/orchestration';
import { listAllAgencies } from '#functions/claims/schedule';
import { handler as awaitAgency } from '#functions/claims/tasks/await-agency';
import { handler as checkSubmission } from '#functions/claims/tasks/check-submission';
import { handler as computeClaim } from '#functions/claims/tasks/compute-claim';
import { handler as finalizeClaim } from '#functions/claims/tasks/finalize-claim';
import { handler as markFailed } from '#functions/claims/tasks/mark-failed';
import { DEFAULT_RATE_TABLE_2026 } from '#functions/rates/rules';

// The claim workflow's Lambda tasks against mocked DynamoDB and Step Functions: what each task reads
// and writes, the conditions that keep a claim from being moved twice, and injected failures (a lost
// batch write never switches the claim to half-stored lines; a lost start or answer is not repeated).

const ddb = mockClient(DynamoDBDocumentClient);
const sfn = mockClient(SFNClient);

type Stored = Record<string, unknown>;
const record = (entity: string, fields: Stored): Stored => ({ __edb_e__: entity, __edb_v__: '1', ...fields });

const CLAIM_ID = 'AG-HANBIT_2026-10';
const input = { claimId: CLAIM_ID, agencyId: 'AG-HANBIT', month: '2026-10' };

function claim(fields: Stored = {}): Stored {
  return record('claim', {
    claimId: CLAIM_ID,
    agencyId: 'AG-HANBIT',
    agencyName: '한빛근로지원센터',
    branchId: 'BR-SEOUL',
    month: '2026-10',
    status: 'computing',
    revision: 3,
    computeRevision: 1,
    attempt: 1,
    history: [],
    createdAt: '2026-11-01T00:00:00.000Z',
    updatedAt: '2026-11-01T00:00:00.000Z',
    ...fields,
  });
}

function logEntry(fields: Stored): Stored {
  return record('activityLogEntry', {
    assistantId: 'AS-1',
    assistantUserId: 'assistant01',
    assistantName: '김민준',
    workerId: 'worker01',
    workerName: '서준우',
    matchingId: 'MT-1',
    agencyId: 'AG-HANBIT',
    agencyName: '한빛근로지원센터',
    branchId: 'BR-SEOUL',
    attendance: 'work',
    consent: 'signed',
    createdBy: 'assistant01',
    createdAt: '2026-10-01T00:00:00.000Z',
    updatedBy: 'assistant01',
    updatedAt: '2026-10-01T00:00:00.000Z',
    revision: 1,
    ...fields,
  });
}

const rateTable = record('rateTableVersion', {
  year: 2026,
  version: 4,
  content: JSON.stringify(DEFAULT_RATE_TABLE_2026),
  reason: '기본',
  createdBy: 'hq_admin',
  createdAt: '2026-01-01T00:00:00.000Z',
});

/** Answers queries per entity (the entity's name appears in the key condition's values). */
function answerQueries(byEntity: Record<string, Stored[]>) {
  ddb.on(QueryCommand).callsFake((q: { ExpressionAttributeValues?: Record<string, unknown> }) => {
    const values = JSON.stringify(q.ExpressionAttributeValues ?? {}).toLowerCase();
    const entity = Object.keys(byEntity).find((name) => values.includes(`$${name.toLowerCase()}`));
    const month = /#month_(\d{4}-\d{2})/.exec(values)?.[1];
    const items = entity ? byEntity[entity]! : [];
    return { Items: month ? items.filter((i) => i.month === month) : items };
  });
}

beforeAll(() => {
  process.env.TABLE_NAME = 'test-table';
  process.env.CLAIM_MONTH_STATE_MACHINE_ARN = 'arn:aws:states:ap-northeast-2:000000000000:stateMachine:claim-month';
});

beforeEach(() => {
  ddb.reset();
  sfn.reset();
  ddb.on(UpdateCommand).resolves({});
  ddb.on(BatchWriteCommand).resolves({ UnprocessedItems: {} });
});

describe('CheckSubmission', () => {
  it('refuses a month the agency has not submitted, by name and in Korean', async () => {
    ddb.on(GetCommand).resolves({});
    await expect(checkSubmission(input)).rejects.toMatchObject({
      name: 'MonthNotSubmitted',
      message: expect.stringContaining('2026-10 활동일지가 아직 제출되지 않았습니다'),
    });
  });

  it('passes a submitted month on with who submitted it', async () => {
    ddb.on(GetCommand).resolves({
      Item: record('monthSubmission', {
        agencyId: 'AG-HANBIT',
        month: '2026-10',
        importId: 'IM-1',
        submittedAt: '2026-11-02T01:00:00.000Z',
        submittedBy: 'agency_hanbit',
        justified: [],
      }),
    });
    expect(await checkSubmission(input)).toEqual({
      submittedAt: '2026-11-02T01:00:00.000Z',
      submittedBy: 'agency_hanbit',
    });
  });
});

describe('ComputeClaim', () => {
  const entries = [
    // the Monday of the 1st's week lies in September: it counts toward 주휴 only
    logEntry({ entryId: 'AL-0929', month: '2026-09', date: '2026-09-29', start: '09:00', end: '13:00' }),
    logEntry({ entryId: 'AL-0915', month: '2026-09', date: '2026-09-15', start: '09:00', end: '13:00' }),
    logEntry({ entryId: 'AL-1001', month: '2026-10', date: '2026-10-01', start: '09:00', end: '13:00' }),
    logEntry({
      entryId: 'AL-1002',
      month: '2026-10',
      date: '2026-10-02',
      start: '09:00',
      end: '17:00',
      attendance: 'annualLeave',
    }),
  ];

  beforeEach(() => {
    ddb.on(GetCommand).resolves({ Item: claim() });
    answerQueries({ rateTableVersion: [rateTable], activityLogEntry: entries });
  });

  it('stores one line per assistant and worker with the entries behind it, then switches the claim to them', async () => {
    expect(await computeClaim(input)).toEqual({ computeRevision: 2, lines: 2 });

    const batch = ddb.commandCalls(BatchWriteCommand)[0]!.args[0].input;
    const puts = Object.values(batch.RequestItems!)[0]!.map((r) => r.PutRequest!.Item as Stored);
    const assistant = puts.find((p) => p.kind === 'assistant')!;
    const worker = puts.find((p) => p.kind === 'worker')!;
    expect(assistant).toMatchObject({ claimId: CLAIM_ID, computeRevision: 2, subjectId: 'AS-1', name: '김민준' });
    // September 15 is outside the claim period; September 29 is inside (the 1st's week)
    expect(JSON.parse(assistant.entries as string).map((e: Stored) => e.entryId)).toEqual([
      'AL-0929',
      'AL-1001',
      'AL-1002',
    ]);
    expect(JSON.parse(worker.entries as string).map((e: Stored) => e.entryId)).toEqual(['AL-0929', 'AL-1001']);
    const result = JSON.parse(assistant.result as string);
    expect(result.minutes).toMatchObject({ service: 240, paidLeave: 480 });

    const update = ddb.commandCalls(UpdateCommand)[0]!.args[0].input;
    expect(Object.values(update.ExpressionAttributeValues!)).toEqual(
      expect.arrayContaining([2, 4, 2026, 'computing', 1]),
    );
    expect(update.ConditionExpression).toMatch(/computeRevision/);
    expect(update.ConditionExpression).toMatch(/status/);
  });

  it('never switches the claim when its lines could not all be stored (the retry writes them again)', async () => {
    ddb
      .on(BatchWriteCommand)
      .rejects(Object.assign(new Error('Throughput exceeded'), { name: 'ProvisionedThroughputExceededException' }));
    await expect(computeClaim(input)).rejects.toThrow('Throughput exceeded');
    expect(ddb.commandCalls(UpdateCommand)).toHaveLength(0);
  });

  it('refuses a claim that is not being computed (a stale retry after the agency moved on)', async () => {
    ddb.on(GetCommand).resolves({ Item: claim({ status: 'submitted' }) });
    await expect(computeClaim(input)).rejects.toMatchObject({ name: 'ClaimStateError' });
    expect(ddb.commandCalls(BatchWriteCommand)).toHaveLength(0);
  });

  it('says in Korean that the year has no rate table', async () => {
    answerQueries({ rateTableVersion: [], activityLogEntry: entries });
    await expect(computeClaim(input)).rejects.toMatchObject({
      name: 'RateTableMissing',
      message: expect.stringContaining('2026년 요율표가 없습니다'),
    });
  });
});

describe('AwaitAgency and MarkFailed', () => {
  it('keeps the task token on the claim and opens the review, conditioned on the revision read', async () => {
    ddb.on(GetCommand).resolves({ Item: claim() });
    expect(await awaitAgency({ claimId: CLAIM_ID, taskToken: 'token-1' })).toEqual({ status: 'review' });
    const update = ddb.commandCalls(UpdateCommand)[0]!.args[0].input;
    expect(Object.values(update.ExpressionAttributeValues!)).toEqual(
      expect.arrayContaining(['token-1', 'agency', 'review', 4, 3]),
    );
    expect(update.ConditionExpression).toMatch(/revision/);
  });

  it('keeps a returned claim returned (its reason stays visible) and refuses an approved one', async () => {
    ddb.on(GetCommand).resolves({ Item: claim({ status: 'returned', returnReason: '시간 확인' }) });
    expect(await awaitAgency({ claimId: CLAIM_ID, taskToken: 't' })).toEqual({ status: 'returned' });
    ddb.on(GetCommand).resolves({ Item: claim({ status: 'approved' }) });
    await expect(awaitAgency({ claimId: CLAIM_ID, taskToken: 't' })).rejects.toMatchObject({ name: 'ClaimStateError' });
  });

  it('marks the claim failed with the readable message of the Lambda error, never an approved one', async () => {
    const cause = JSON.stringify({ errorType: 'MonthNotSubmitted', errorMessage: '아직 제출되지 않았습니다.' });
    await markFailed({ claimId: CLAIM_ID, error: { Error: 'MonthNotSubmitted', Cause: cause } });
    const update = ddb.commandCalls(UpdateCommand)[0]!.args[0].input;
    expect(Object.values(update.ExpressionAttributeValues!)).toEqual(
      expect.arrayContaining([
        'failed',
        JSON.stringify({ error: 'MonthNotSubmitted', cause: '아직 제출되지 않았습니다.' }),
      ]),
    );
    expect(update.ConditionExpression).toMatch(/<>/);
  });
});

describe('FinalizeClaim', () => {
  const workerLine = (workerId: string, copay: number) =>
    record('claimLine', {
      claimId: CLAIM_ID,
      computeRevision: 2,
      kind: 'worker',
      subjectId: workerId,
      name: '서준우',
      result: JSON.stringify({ id: workerId, supportedMinutes: 600, copay }),
      entries: '[]',
    });

  beforeEach(() => {
    ddb.on(GetCommand).resolves({ Item: claim({ status: 'approved', computeRevision: 2 }) });
    answerQueries({ claimLine: [workerLine('worker01', 3000), workerLine('worker02', 1500)] });
  });

  it('writes each worker’s co-payment of the approved month once, conditioned on it not existing', async () => {
    ddb.on(PutCommand).resolves({});
    expect(await finalizeClaim({ claimId: CLAIM_ID })).toEqual({
      claimId: CLAIM_ID,
      status: 'approved',
      copayments: 2,
    });
    const puts = ddb.commandCalls(PutCommand).map((call) => call.args[0].input);
    expect(puts.map((p) => [p.Item!.workerId, p.Item!.amount, p.Item!.month])).toEqual([
      ['worker01', 3000, '2026-10'],
      ['worker02', 1500, '2026-10'],
    ]);
    expect(puts.every((p) => /attribute_not_exists/.test(p.ConditionExpression ?? ''))).toBe(true);
    expect(ddb.commandCalls(UpdateCommand)[0]!.args[0].input.ConditionExpression).toMatch(/status/);
  });

  it('treats co-payments already written by an earlier try as done, and passes real failures on', async () => {
    // a fresh error per call: ElectroDB annotates the error it is given
    ddb
      .on(PutCommand)
      .callsFake(() =>
        Promise.reject(
          Object.assign(new Error('The conditional request failed'), { name: 'ConditionalCheckFailedException' }),
        ),
      );
    expect(await finalizeClaim({ claimId: CLAIM_ID })).toMatchObject({ copayments: 0 });
    ddb
      .on(PutCommand)
      .rejects(Object.assign(new Error('Throughput exceeded'), { name: 'ProvisionedThroughputExceededException' }));
    await expect(finalizeClaim({ claimId: CLAIM_ID })).rejects.toThrow('Throughput exceeded');
  });
});

describe('starting and answering executions', () => {
  it('names the execution after the claim and attempt, so a repeated start starts nothing new', async () => {
    ddb.on(GetCommand).resolves({});
    sfn.on(StartExecutionCommand).resolves({ executionArn: 'arn:exec:1' });
    expect(await startClaimExecution(input, 2)).toBe('arn:exec:1');
    const start = sfn.commandCalls(StartExecutionCommand)[0]!.args[0].input;
    expect(start.name).toBe('AG-HANBIT_2026-10-2');
    expect(JSON.parse(start.input!)).toEqual(input);

    sfn.on(StartExecutionCommand).rejects(new ExecutionAlreadyExists({ message: 'exists', $metadata: {} }));
    expect(await startClaimExecution(input, 2)).toBeUndefined();
    sfn.on(StartExecutionCommand).rejects(Object.assign(new Error('slow down'), { name: 'ThrottlingException' }));
    await expect(startClaimExecution(input, 3)).rejects.toThrow('slow down');
  });

  it('treats an answer to a token already answered as delivered, and passes other failures on', async () => {
    sfn.on(SendTaskSuccessCommand).rejects(Object.assign(new Error('gone'), { name: 'TaskDoesNotExist' }));
    await expect(answerTask('t', { action: 'submit', by: 'agency_hanbit' })).resolves.toBeUndefined();
    sfn.on(SendTaskSuccessCommand).rejects(Object.assign(new Error('slow down'), { name: 'ThrottlingException' }));
    await expect(answerTask('t', { action: 'submit', by: 'agency_hanbit' })).rejects.toThrow('slow down');
  });
});

describe('the monthly schedule', () => {
  it('finds every agency with one Query per 시/도 partition and never a Scan', async () => {
    answerQueries({
      organisation: [
        record('organisation', { organisationId: 'AG-B', name: '나', branchId: 'BR-SEOUL', kind: 'agency' }),
      ],
    });
    const agencies = await listAllAgencies();
    expect(ddb.commandCalls(QueryCommand)).toHaveLength(SIDO_CODES.length);
    expect(ddb.commandCalls(ScanCommand)).toHaveLength(0);
    expect(agencies[0]).toEqual({ organisationId: 'AG-B', name: '나', branchId: 'BR-SEOUL' });
  });
});
