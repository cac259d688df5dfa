import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import ExcelJS from 'exceljs';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { encryptField, localKeyProvider } from '#commons/pii';
import { DISQUALIFIED_MESSAGE } from '#functions/assistants/disqualifications';
import { handler } from '#functions/assistants/handler';
import { apiEvent, lambdaContext } from '../../support/events.ts';
import { claims, ddb, profile, putsOf, record, type Stored, table } from './support.ts';

// Route tests of the assistant registry (B2), activity applications (B4) and the workforce export
// (B5) against a table double: what is stored, what is audited, what is refused and how it is said.

const KEY = randomBytes(32).toString('base64');
const keys = localKeyProvider(KEY);
const RRN = '9001011234567';

const agencyUser = profile('agency_hanbit', [{ role: 'agency', agencyId: 'AG-HANBIT' }]);
const otherBranchUser = profile('gyeonggi_branch', [{ role: 'branch', branchId: 'BR-GYEONGGI' }]);
const seoulBranchUser = profile('seoul_branch', [{ role: 'branch', branchId: 'BR-SEOUL' }]);
const hanbit = record('organisation', {
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
});

let mac: string;
let assistant: Stored;

function call(
  method: string,
  path: string,
  user: string,
  groups: string,
  body?: unknown,
  resource = path,
  pathParameters?: Record<string, string>,
) {
  return handler(
    apiEvent(method, path, { body, claims: claims(user, groups), resource, pathParameters }),
    lambdaContext,
  );
}

const json = (res: { body: string }) => JSON.parse(res.body);

beforeAll(async () => {
  process.env.PII_LOCAL_KEY = KEY;
  process.env.TABLE_NAME = 'test-table';
  process.env.UPLOADS_BUCKET = 'uploads';
  process.env.DOCUMENTS_BUCKET = 'documents';
  process.env.LOCAL_OUTBOX_FILE = join(mkdtempSync(join(tmpdir(), 'outbox-')), 'outbox.jsonl');
  mac = await keys.mac(RRN);
  assistant = record('assistant', {
    assistantId: 'AS-26TEST01',
    agencyId: 'AG-HANBIT',
    agencyName: '한빛근로지원센터',
    branchId: 'BR-SEOUL',
    name: '김민준',
    rrnCipher: await encryptField(keys, RRN),
    rrnMac: mac,
    rrnMasked: '900101-1******',
    birthDate: '1990-01-01',
    gender: 'M',
    mobilePhone: '010-0000-0201',
    email: 'minjun@example.com',
    address: '서울특별시 마포구 상암동 1',
    disability: { has: false },
    qualifications: [],
    careers: [],
    hireDate: '2026-01-02',
    status: 'active',
    statusHistory: [{ status: 'waiting', on: '2026-01-02', by: 'agency_hanbit', at: '2026-01-02T00:00:00.000Z' }],
    insurances: {},
    qualificationChecks: [],
    revision: 3,
    createdAt: '2026-01-02T00:00:00.000Z',
    updatedAt: '2026-01-02T00:00:00.000Z',
  });
});

beforeEach(() => ddb.reset());

describe('POST /assistants (register)', () => {
  const body = { name: '박새봄', rrn: '900101-1234567', mobilePhone: '010-0000-0299', hireDate: '2026-12-01' };

  it('stores the resident number only encrypted, with its keyed hash and masked form, and claims the person', async () => {
    const { transactions } = table({ 'userProfile/agency_hanbit': agencyUser, 'organisation/ag-hanbit': hanbit });
    const res = await call('POST', '/assistants', 'agency_hanbit', 'agency', body);
    expect(res.statusCode).toBe(201);
    const view = json(res);
    expect(view).toMatchObject({
      name: '박새봄',
      rrnMasked: '900101-1******',
      birthDate: '1990-01-01',
      gender: 'M',
      status: 'waiting',
    });
    expect(view.rrnCipher).toBeUndefined();
    expect(view.rrnMac).toBeUndefined();

    expect(transactions).toHaveLength(1);
    const written = JSON.stringify(transactions[0]);
    expect(written).not.toContain(RRN);
    expect(written).not.toContain('900101-1234567');
    const puts = putsOf(transactions[0]!);
    const stored = puts.find((p) => p.__edb_e__ === 'assistant')!;
    expect(stored.rrnMac).toBe(mac);
    expect(String(stored.rrnCipher)).toMatch(/^v1\./);
    const claim = transactions[0]!.find((op) => JSON.stringify(op).includes('assistantRrnClaim')) as {
      Put: { ConditionExpression: string };
    };
    expect(claim.Put.ConditionExpression).toContain('attribute_not_exists');
    expect(puts.find((p) => p.__edb_e__ === 'auditRecord')).toMatchObject({
      action: 'assistant.register',
      branchId: 'BR-SEOUL',
    });
  });

  it('detects the same person employed at another agency and says so without naming it', async () => {
    const { transactions } = table({
      'userProfile/agency_hanbit': agencyUser,
      'organisation/ag-hanbit': hanbit,
      [`assistantRrnClaim/${mac}`]: record('assistantRrnClaim', {
        rrnMac: mac,
        assistantId: 'AS-26OTHER1',
        agencyId: 'AG-DAON',
        claimedAt: '2026-01-01T00:00:00.000Z',
      }),
    });
    const res = await call('POST', '/assistants', 'agency_hanbit', 'agency', body);
    expect(res.statusCode).toBe(400);
    expect(json(res).error).toMatchObject({ code: 'DUPLICATE_PERSON' });
    expect(json(res).error.message).toContain(
      '다른 수행기관에 재직 중(대기·활동·휴직)으로 등록되어 있어 등록할 수 없습니다',
    );
    expect(json(res).error.message).not.toContain('다온');
    expect(transactions).toHaveLength(0);
  });

  it('explains a registration that lost the race for the same person', async () => {
    let reads = 0;
    const claim = record('assistantRrnClaim', {
      rrnMac: mac,
      assistantId: 'AS-26OTHER1',
      agencyId: 'AG-DAON',
      claimedAt: 'x',
    });
    table(
      {
        'userProfile/agency_hanbit': agencyUser,
        'organisation/ag-hanbit': hanbit,
        // absent when first asked, present once the other agency's transaction has won
        [`assistantRrnClaim/${mac}`]: () => (reads++ === 0 ? undefined : claim),
      },
      {},
      true,
    );
    const res = await call('POST', '/assistants', 'agency_hanbit', 'agency', body);
    expect(res.statusCode).toBe(409);
    expect(json(res).error.message).toContain('다른 수행기관에 재직 중');
  });

  it('names each bad field in Korean', async () => {
    table({ 'userProfile/agency_hanbit': agencyUser });
    const res = await call('POST', '/assistants', 'agency_hanbit', 'agency', {
      ...body,
      rrn: '901301-1234567',
      mobilePhone: '02-123',
    });
    expect(res.statusCode).toBe(422);
    const fields = json(res).error.fields.map((f: { field: string; message: string }) => [f.field, f.message]);
    expect(fields).toEqual([
      ['body.rrn', '주민등록번호 앞자리(생년월일)가 실제 날짜가 아닙니다. 다시 확인해 주세요.'],
      ['body.mobilePhone', '휴대전화 번호는 010-1234-5678처럼 입력해 주세요.'],
    ]);
  });
});

describe('POST /assistants/{id}/rrn-reveal', () => {
  const reveal = (user: string, groups: string, body: unknown) =>
    call('POST', '/assistants/AS-26TEST01/rrn-reveal', user, groups, body, '/assistants/{assistantId}/rrn-reveal', {
      assistantId: 'AS-26TEST01',
    });

  it('needs a reason', async () => {
    table({ 'userProfile/agency_hanbit': agencyUser, 'assistant/as-26test01': assistant });
    const res = await reveal('agency_hanbit', 'agency', { reason: '' });
    expect(res.statusCode).toBe(422);
    expect(json(res).error.fields[0]).toMatchObject({ field: 'body.reason', label: '열람 사유' });
    expect(ddb.commandCalls(PutCommand)).toHaveLength(0);
  });

  it('shows the full number and records who read it and why', async () => {
    table({ 'userProfile/seoul_branch': seoulBranchUser, 'assistant/as-26test01': assistant });
    ddb.on(PutCommand).resolves({});
    const res = await reveal('seoul_branch', 'branch', { reason: '4대보험 취득 신고 확인' });
    expect(res.statusCode).toBe(200);
    expect(json(res)).toEqual({ assistantId: 'AS-26TEST01', rrn: '900101-1234567' });
    expect(res.headers?.['cache-control']).toBe('no-store');
    const audit = ddb.commandCalls(PutCommand).map((c) => c.args[0].input.Item!)[0]!;
    expect(audit).toMatchObject({
      action: 'assistant.rrnReveal',
      actorId: 'seoul_branch',
      reason: '4대보험 취득 신고 확인',
      targetId: 'AS-26TEST01',
      branchId: 'BR-SEOUL',
    });
    expect(JSON.stringify(audit)).not.toContain('1234567');
  });

  it("refuses another branch's assistant", async () => {
    table({ 'userProfile/gyeonggi_branch': otherBranchUser, 'assistant/as-26test01': assistant });
    const res = await reveal('gyeonggi_branch', 'branch', { reason: '확인이 필요합니다' });
    expect(res.statusCode).toBe(403);
    expect(res.body).not.toContain('1234567');
    expect(ddb.commandCalls(PutCommand)).toHaveLength(0);
  });
});

describe('POST /assistants/{id}/status', () => {
  const change = (body: unknown) =>
    call(
      'POST',
      '/assistants/AS-26TEST01/status',
      'agency_hanbit',
      'agency',
      body,
      '/assistants/{assistantId}/status',
      {
        assistantId: 'AS-26TEST01',
      },
    );

  it('keeps a matched assistant from leaving and says what to do', async () => {
    const { transactions } = table(
      { 'userProfile/agency_hanbit': agencyUser, 'assistant/as-26test01': assistant },
      {
        matching: [
          record('matching', {
            matchingId: 'MT-1',
            assistantId: 'AS-26TEST01',
            status: 'active',
            startDate: '2026-01-05',
          }),
        ],
      },
    );
    const res = await change({ revision: 3, status: 'left', on: '2026-11-30' });
    expect(res.statusCode).toBe(400);
    expect(json(res).error.message).toBe(
      '진행 중인 매칭이 1건 있어 ‘퇴사’(으)로 바꿀 수 없습니다. 매칭 관리에서 매칭을 먼저 종료하거나 다른 근로지원인으로 바꿔 주세요.',
    );
    expect(transactions).toHaveLength(0);
  });

  it('records 퇴사 with its date and releases the claim on the person in the same transaction', async () => {
    const { transactions } = table({ 'userProfile/agency_hanbit': agencyUser, 'assistant/as-26test01': assistant });
    const res = await change({ revision: 3, status: 'left', on: '2026-11-30', reason: '개인 사정' });
    expect(res.statusCode).toBe(200);
    expect(json(res)).toMatchObject({ status: 'left', leaveDate: '2026-11-30', revision: 4 });
    const ops = transactions[0]!;
    expect(ops.some((op) => 'Delete' in op && JSON.stringify(op).includes('assistantrrnclaim'))).toBe(true);
    const put = ops.find((op) => 'Put' in op && JSON.stringify(op).includes('"assistant"')) as {
      Put: { ConditionExpression: string };
    };
    expect(put.Put.ConditionExpression).toContain('#revision = :revision');
  });

  it('refuses a change made on an old screen', async () => {
    table({ 'userProfile/agency_hanbit': agencyUser, 'assistant/as-26test01': assistant });
    const res = await change({ revision: 2, status: 'onLeave', on: '2026-11-30' });
    expect(res.statusCode).toBe(409);
    expect(json(res).error.code).toBe('STALE');
  });
});

describe('POST /assistants/{id}/qualification-checks', () => {
  const uploadId = '11111111-2222-4333-8444-555555555555';
  const upload = record('upload', {
    uploadId,
    ownerId: 'agency_hanbit',
    purpose: 'evidence',
    contentType: 'application/pdf',
    fileName: '범죄경력회보서.pdf',
    declaredSize: 100,
    bucketKey: 'k',
    status: 'ready',
    sha256: 'abc',
    createdAt: '2026-11-01T00:00:00.000Z',
  });
  const findings = {
    mentalIllness: 'clear',
    drugAddiction: 'clear',
    guardianship: 'clear',
    unservedSentence: 'clear',
    sexualOffence: 'found',
  };

  it('records the date, each item and the evidence (kept in the documents bucket), and warns on a disqualification', async () => {
    const s3 = mockClient(S3Client);
    const bytes = new TextEncoder().encode('%PDF-1.7 evidence');
    s3.on(GetObjectCommand).resolves({ Body: { transformToByteArray: async () => bytes } as never });
    s3.on(PutObjectCommand).resolves({});
    s3.on(DeleteObjectCommand).resolves({});
    const { transactions } = table({
      'userProfile/agency_hanbit': agencyUser,
      'assistant/as-26test01': assistant,
      [`upload/${uploadId}`]: upload,
    });
    const res = await call(
      'POST',
      '/assistants/AS-26TEST01/qualification-checks',
      'agency_hanbit',
      'agency',
      { checkedOn: '2026-11-20', findings, evidenceUploadId: uploadId },
      '/assistants/{assistantId}/qualification-checks',
      { assistantId: 'AS-26TEST01' },
    );
    expect(res.statusCode).toBe(201);
    expect(json(res).warning).toContain('「성폭력범죄의 처벌 등에 관한 특례법」');
    const stored = putsOf(transactions[0]!).find((p) => p.__edb_e__ === 'assistant')!;
    expect((stored.qualificationChecks as Stored[])[0]).toMatchObject({
      checkedOn: '2026-11-20',
      result: 'disqualified',
      evidenceFileName: '범죄경력회보서.pdf',
      evidenceSha256: 'abc',
      evidenceKey: 'assistants/AS-26TEST01/qualification-checks/abc',
    });
    const kept = s3.commandCalls(PutObjectCommand)[0]!.args[0].input;
    expect(kept).toMatchObject({ Bucket: 'documents', Key: 'assistants/AS-26TEST01/qualification-checks/abc' });
    s3.restore();
  });

  it('needs the evidence file to be uploaded first', async () => {
    table({ 'userProfile/agency_hanbit': agencyUser, 'assistant/as-26test01': assistant });
    const res = await call(
      'POST',
      '/assistants/AS-26TEST01/qualification-checks',
      'agency_hanbit',
      'agency',
      { checkedOn: '2026-11-20', findings, evidenceUploadId: uploadId },
      '/assistants/{assistantId}/qualification-checks',
      { assistantId: 'AS-26TEST01' },
    );
    expect(res.statusCode).toBe(422);
    expect(json(res).error.message).toBe('증빙 파일을(를) 먼저 올려 주세요.');
  });
});

describe('POST /activity-applications', () => {
  it('stops at once when the applicant answers 해당 to the statutory self-declaration', async () => {
    const { transactions } = table({ 'userProfile/newbie': profile('newbie', [{ role: 'assistant' }]) });
    const res = await call('POST', '/activity-applications', 'newbie', 'assistant', {
      agencyId: 'AG-HANBIT',
      address: '서울특별시 마포구',
      rrn: '900101-1234567',
      disability: { has: false },
      desired: { start: '09:00', end: '18:00' },
      region: { sidoCode: '11' },
      supportType: 'T1',
      qualification: 'none',
      selfDeclaration: { answer: 'applicable', confirmed: true },
      careers: [],
      consents: { privacy: true, uniqueIdentifier: true },
    });
    expect(res.statusCode).toBe(400);
    expect(json(res).error).toEqual({ code: 'DISQUALIFIED', message: DISQUALIFIED_MESSAGE });
    expect(transactions).toHaveLength(0);
  });
});

describe('GET /workforce/export', () => {
  it("downloads the agency's filtered list with names, phones, e-mails and addresses masked, and audits it", async () => {
    table(
      { 'userProfile/agency_hanbit': agencyUser, 'organisation/ag-hanbit': hanbit },
      {
        assistant: [
          assistant,
          { ...assistant, assistantId: 'AS-26TEST02', name: '이서연', status: 'left', mobilePhone: '010-0000-0202' },
        ],
      },
    );
    ddb.on(PutCommand).resolves({});
    const res = await handler(
      apiEvent('GET', '/workforce/export', { claims: claims('agency_hanbit', 'agency'), query: { status: 'active' } }),
      lambdaContext,
    );
    expect(res.statusCode).toBe(200);
    const body = json(res);
    expect(body).toMatchObject({
      count: 1,
      fileName: expect.stringMatching(/^근로지원인_인력조회_\d{4}-\d{2}-\d{2}\.xlsx$/),
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(body.base64, 'base64') as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('근로지원인 인력조회')!;
    const header = sheet.getRow(1).values as unknown[];
    const row = sheet.getRow(2).values as unknown[];
    const cell = (name: string) => row[header.indexOf(name)];
    expect(sheet.rowCount).toBe(2);
    expect(cell('성명')).toBe('김*준');
    expect(cell('전화번호')).toBe('010-****-0201');
    expect(cell('E-Mail')).toBe('mi****@example.com');
    expect(cell('주소')).toBe('서울특별시 마포구');
    expect(cell('주민등록번호')).toBe('900101-1******');
    expect(cell('현재활동여부')).toBe('활동');
    const audit = ddb.commandCalls(PutCommand).map((c) => c.args[0].input.Item!)[0]!;
    expect(audit).toMatchObject({ action: 'workforce.export', targetId: 'agency:AG-HANBIT' });
  });
});
