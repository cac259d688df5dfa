import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { handler } from '#functions/files/handler';
import { declaredProblem, landedProblem, sniffKind, UPLOAD_PURPOSES } from '#functions/files/rules';
import { apiEvent, lambdaContext } from '../../support/events.ts';

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const PDF = new TextEncoder().encode('%PDF-1.7\n');

describe('upload rules', () => {
  it('recognises files by signature, not by name', () => {
    expect(sniffKind(PNG)).toBe('png');
    expect(sniffKind(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('jpeg');
    expect(sniffKind(PDF)).toBe('pdf');
    expect(sniffKind(Uint8Array.from([0x50, 0x4b, 0x03, 0x04]))).toBe('xlsx');
    expect(sniffKind(new TextEncoder().encode('이름,날짜\n'))).toBe('csv');
    expect(sniffKind(Uint8Array.from([0, 1, 2]))).toBeUndefined();
  });

  it('refuses a seal that is not PNG/JPEG or over 2 MB, saying which', () => {
    const seal = UPLOAD_PURPOSES.seal;
    expect(declaredProblem(seal, 'application/pdf', 100)).toBe('직인 이미지은(는) PNG, JPEG 파일만 올릴 수 있습니다.');
    expect(declaredProblem(seal, 'image/png', 3 * 1024 * 1024)).toContain('2MB 이하');
    expect(declaredProblem(seal, 'image/png', 1000)).toBeUndefined();
  });

  it('refuses what landed when its bytes disagree with the declared type', () => {
    expect(landedProblem(UPLOAD_PURPOSES.seal, 'image/png', 9, PDF)).toContain('형식이 아닙니다');
    expect(landedProblem(UPLOAD_PURPOSES.seal, 'image/png', PNG.length, PNG)).toBeUndefined();
    expect(landedProblem(UPLOAD_PURPOSES.seal, 'image/png', 5 * 1024 * 1024, PNG)).toContain('2MB 이하');
  });
});

const ddb = mockClient(DynamoDBDocumentClient);
// the part of the SDK's stream body the code uses
const body = (bytes: Uint8Array) => ({ transformToByteArray: async () => bytes }) as never;
const s3 = mockClient(S3Client);
const claims = { sub: 's', 'cognito:username': 'agency1', 'cognito:groups': 'agency' };
const profile = {
  Item: {
    __edb_e__: 'userProfile',
    __edb_v__: '1',
    userId: 'agency1',
    name: 'x',
    phone: '+82',
    status: 'active',
    grants: [{ role: 'agency', agencyId: 'AG-1' }],
  },
};

function pendingUpload(ownerId = 'agency1') {
  return {
    Item: {
      __edb_e__: 'upload',
      __edb_v__: '1',
      uploadId: '7b1f4a9e-2c3d-4e5f-8a9b-0c1d2e3f4a5b',
      ownerId,
      purpose: 'seal',
      contentType: 'image/png',
      fileName: 'seal.png',
      declaredSize: PNG.length,
      bucketKey: 'pending/seal/7b1f4a9e-2c3d-4e5f-8a9b-0c1d2e3f4a5b',
      status: 'pending',
      createdAt: '2026-11-21T00:00:00.000Z',
    },
  };
}

describe('upload routes', () => {
  beforeEach(() => {
    ddb.reset();
    s3.reset();
    process.env.TABLE_NAME = 'test-table';
    process.env.UPLOADS_BUCKET = 'uploads';
    process.env.AWS_REGION = 'ap-northeast-2';
    process.env.AWS_ACCESS_KEY_ID = 'test';
    process.env.AWS_SECRET_ACCESS_KEY = 'test';
  });

  it('signs a PUT for an acceptable file and records it as pending', async () => {
    ddb.on(GetCommand).resolves(profile);
    ddb.on(PutCommand).resolves({});
    const res = await handler(
      apiEvent('POST', '/files/uploads', {
        claims,
        body: { purpose: 'seal', contentType: 'image/png', size: 1000, fileName: '직인.png' },
      }),
      lambdaContext,
    );
    expect(res.statusCode).toBe(201);
    const body = JSON.parse(res.body);
    expect(body.url).toContain('X-Amz-Signature');
    expect(body.url).toContain('/pending/seal/');
    expect(ddb.commandCalls(PutCommand)[0]!.args[0].input.Item).toMatchObject({
      status: 'pending',
      ownerId: 'agency1',
    });
  });

  it('marks a good file ready with its SHA-256', async () => {
    ddb.on(GetCommand).resolvesOnce(profile).resolves(pendingUpload());
    ddb
      .on(UpdateCommand)
      .resolves({ Attributes: { ...pendingUpload().Item, status: 'ready', size: PNG.length, sha256: 'abc' } });
    s3.on(HeadObjectCommand).resolves({ ContentLength: PNG.length });
    s3.on(GetObjectCommand).resolves({ Body: body(PNG) });
    const res = await handler(
      apiEvent('POST', '/files/uploads/7b1f4a9e-2c3d-4e5f-8a9b-0c1d2e3f4a5b/complete', {
        claims,
        resource: '/files/uploads/{uploadId}/complete',
        pathParameters: { uploadId: '7b1f4a9e-2c3d-4e5f-8a9b-0c1d2e3f4a5b' },
      }),
      lambdaContext,
    );
    expect(res.statusCode).toBe(200);
    const update = ddb.commandCalls(UpdateCommand)[0]!.args[0].input;
    expect(Object.values(update.ExpressionAttributeValues ?? {})).toContain('ready');
  });

  it('deletes and rejects a file whose bytes are not what was declared', async () => {
    ddb.on(GetCommand).resolvesOnce(profile).resolves(pendingUpload());
    ddb.on(UpdateCommand).resolves({});
    s3.on(HeadObjectCommand).resolves({});
    s3.on(GetObjectCommand).resolves({ Body: body(PDF) });
    s3.on(DeleteObjectCommand).resolves({});
    const res = await handler(
      apiEvent('POST', '/files/uploads/7b1f4a9e-2c3d-4e5f-8a9b-0c1d2e3f4a5b/complete', {
        claims,
        resource: '/files/uploads/{uploadId}/complete',
        pathParameters: { uploadId: '7b1f4a9e-2c3d-4e5f-8a9b-0c1d2e3f4a5b' },
      }),
      lambdaContext,
    );
    expect(res.statusCode).toBe(422);
    expect(JSON.parse(res.body).error.message).toContain('형식이 아닙니다');
    expect(s3.commandCalls(DeleteObjectCommand)).toHaveLength(1);
  });

  it("refuses to complete another person's upload", async () => {
    ddb.on(GetCommand).resolvesOnce(profile).resolves(pendingUpload('someone-else'));
    const res = await handler(
      apiEvent('POST', '/files/uploads/7b1f4a9e-2c3d-4e5f-8a9b-0c1d2e3f4a5b/complete', {
        claims,
        resource: '/files/uploads/{uploadId}/complete',
        pathParameters: { uploadId: '7b1f4a9e-2c3d-4e5f-8a9b-0c1d2e3f4a5b' },
      }),
      lambdaContext,
    );
    expect(res.statusCode).toBe(403);
  });
});
