import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient, GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type OutboundMessage, setNotificationSink } from '#commons/outbox';
import { koreanBoldFont } from '#functions/agencies/fonts';
import { handler } from '#functions/agencies/handler';
import { sealPng } from '#functions/agencies/seal-image';
import { apiEvent, lambdaContext } from '../../support/events.ts';

// The agreement routes against mocked DynamoDB and S3: the scope check comes before anything is
// read or written, a stale version is refused without a write, and a write that loses the race
// in DynamoDB (the transaction's condition fails) is a 409 in Korean.

const ddb = mockClient(DynamoDBDocumentClient);
const s3 = mockClient(S3Client);
const sent: OutboundMessage[] = [];
let sealBytes: Uint8Array;

const PEOPLE: Record<string, { role: string; branchId?: string; agencyId?: string }> = {
  seoul_branch: { role: 'branch', branchId: 'BR-SEOUL' },
  gyeonggi_branch: { role: 'branch', branchId: 'BR-GYEONGGI' },
  agency_hanbit: { role: 'agency', agencyId: 'AG-HANBIT' },
};

const agreement = {
  __edb_e__: 'agreement',
  __edb_v__: '1',
  agreementId: '2026-AG-HANBIT-1',
  organisationId: 'AG-HANBIT',
  organisationName: '한빛근로지원센터',
  branchId: 'BR-SEOUL',
  year: 2026,
  revision: 1,
  status: 'draft',
  version: 3,
  periodStart: '2026-01-01',
  periodEnd: '2026-12-31',
  budget: 120_000_000,
  assistantQuota: 12,
  workerQuota: 30,
  operatingCostRate: 10.49,
  documents: [],
  events: [],
  createdBy: 'seoul_branch',
  createdAt: '2026-01-02T00:00:00.000Z',
  updatedAt: '2026-01-02T00:00:00.000Z',
};

const organisation = {
  __edb_e__: 'organisation',
  __edb_v__: '1',
  organisationId: 'AG-HANBIT',
  kind: 'agency',
  name: '한빛근로지원센터',
  branchId: 'BR-SEOUL',
  sidoCode: '11',
  sidoName: '서울특별시',
  sigunguCode: '11440',
  sigunguName: '마포구',
  address: '서울특별시 마포구 월드컵북로 400',
  phone: '02-3150-0101',
  representative: '윤서진',
  designatedYears: [2026],
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

const keadSeal = {
  __edb_e__: 'seal',
  __edb_v__: '1',
  organisationId: 'KEAD',
  version: 1,
  branchId: 'HQ',
  organisationName: '한국장애인고용공단',
  status: 'approved',
  imageKey: 'seals/KEAD/1-abc.png',
  contentType: 'image/png',
  size: 100,
  sha256: 'abc',
  fileName: 'kead.png',
  requestedBy: 'hq_admin',
  requestedAt: '2026-01-01T00:00:00.000Z',
};

function as(username: string) {
  return { 'cognito:username': username, 'cognito:groups': [PEOPLE[username]!.role] };
}

const post = (path: string, body: unknown, username: string) =>
  handler(apiEvent('POST', path, { body, claims: as(username) }), lambdaContext);

beforeAll(() => {
  sealBytes = sealPng({ lines: ['한국장애인', '고용공단'], font: koreanBoldFont(), size: 120 });
});

beforeEach(() => {
  ddb.reset();
  s3.reset();
  sent.length = 0;
  process.env.TABLE_NAME = 'test-table';
  process.env.DOCUMENTS_BUCKET = 'documents';
  process.env.UPLOADS_BUCKET = 'uploads';
  setNotificationSink({ send: async (message) => void sent.push(message) });
  ddb.on(GetCommand).callsFake((input: { Key: { pk: string } }) => {
    const pk = input.Key.pk;
    const user = Object.keys(PEOPLE).find((name) => pk.includes(`userid_${name}`));
    if (user) {
      return {
        Item: {
          __edb_e__: 'userProfile',
          __edb_v__: '1',
          userId: user,
          name: '담당자',
          phone: '+821000000000',
          status: 'active',
          grants: [PEOPLE[user]],
          organisationId: 'NONE',
        },
      };
    }
    if (pk.includes('agreementid_')) return { Item: agreement };
    if (pk.includes('organisationid_ag-hanbit')) return { Item: organisation };
    return {};
  });
  ddb.on(QueryCommand).resolves({ Items: [keadSeal] });
  s3.on(GetObjectCommand).resolves({
    Body: { transformToByteArray: async () => sealBytes } as never,
  });
  s3.on(PutObjectCommand).resolves({});
});

afterEach(() => setNotificationSink(undefined));

describe('agreement routes', () => {
  it('refuses another branch before reading or writing anything of the agreement’s documents', async () => {
    const res = await post('/agreements/2026-AG-HANBIT-1/issue', { version: 3 }, 'gyeonggi_branch');
    expect(res.statusCode).toBe(403);
    expect(JSON.parse(res.body).error.message).toContain('다른 기관');
    expect(s3.commandCalls(PutObjectCommand)).toHaveLength(0);
    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(0);
  });

  it('refuses a stale version with 409 and writes nothing', async () => {
    const res = await post('/agreements/2026-AG-HANBIT-1/issue', { version: 2 }, 'seoul_branch');
    expect(res.statusCode).toBe(409);
    expect(JSON.parse(res.body).error.message).toContain('새로 고쳐');
    expect(s3.commandCalls(PutObjectCommand)).toHaveLength(0);
    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(0);
  });

  it('refuses the agency stamping a draft, in Korean, naming the state', async () => {
    const res = await post('/agreements/2026-AG-HANBIT-1/stamp', { version: 3 }, 'agency_hanbit');
    expect(res.statusCode).toBe(409);
    expect(JSON.parse(res.body).error.message).toContain('‘작성 중’ 상태의 약정서는 날인할 수 없습니다');
  });

  it('hides a draft from the agency', async () => {
    const res = await handler(
      apiEvent('GET', '/agreements/2026-AG-HANBIT-1', { claims: as('agency_hanbit') }),
      lambdaContext,
    );
    expect(res.statusCode).toBe(404);
  });

  it('issues: a hash-named PDF, then the agreement and its audit record in one conditional transaction', async () => {
    ddb.on(TransactWriteCommand).resolves({});
    const res = await post('/agreements/2026-AG-HANBIT-1/issue', { version: 3 }, 'seoul_branch');
    expect(res.statusCode).toBe(200);
    const body = JSON.parse(res.body);
    expect(body.status).toBe('issued');
    const [put] = s3.commandCalls(PutObjectCommand);
    const key = put!.args[0].input.Key!;
    expect(key).toMatch(
      new RegExp(`^agreements/2026-AG-HANBIT-1/1-issued-${body.documents[0].sha256.slice(0, 16)}\\.pdf$`),
    );
    const items = ddb.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems!;
    expect(items).toHaveLength(2);
    expect(items[0]!.Put!.ConditionExpression).toContain('#version = :version');
    expect(items[0]!.Put!.ExpressionAttributeValues).toMatchObject({ ':version0': 3 });
    expect(items[1]!.Put!.Item).toMatchObject({
      action: 'agreement.issue',
      targetId: '2026-AG-HANBIT-1',
      branchId: 'BR-SEOUL',
    });
  });

  it('answers 409 in Korean when the conditional write loses a race', async () => {
    ddb.on(TransactWriteCommand).rejects(
      new TransactionCanceledException({
        message: 'Transaction cancelled',
        $metadata: {},
        CancellationReasons: [{ Code: 'ConditionalCheckFailed' }, { Code: 'None' }],
      }),
    );
    const res = await post('/agreements/2026-AG-HANBIT-1/issue', { version: 3 }, 'seoul_branch');
    expect(res.statusCode).toBe(409);
    expect(JSON.parse(res.body).error.message).toContain('다른 사람이 먼저 이 약정서를 바꿨습니다');
    expect(sent).toHaveLength(0);
  });
});
