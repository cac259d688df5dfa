import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { handler } from '#functions/agencies/handler';
import { apiEvent, lambdaContext } from '../../support/events.ts';

const ddb = mockClient(DynamoDBDocumentClient);

function stored(name: string, sigunguCode: string, extra: Record<string, unknown> = {}) {
  return {
    __edb_e__: 'organisation',
    __edb_v__: '1',
    organisationId: `ORG-${name}`,
    kind: 'agency',
    name,
    branchId: 'BR-SEOUL',
    sidoCode: '11',
    sidoName: '서울특별시',
    sigunguCode,
    sigunguName: '강남구',
    address: '서울특별시 강남구 테헤란로 1',
    phone: '02-000-0000',
    representative: '홍길동',
    designatedYears: [2026, 2025],
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...extra,
  };
}

describe('GET /public/organisations (A1 directory)', () => {
  beforeEach(() => {
    ddb.reset();
    process.env.TABLE_NAME = 'test-table';
  });

  it('lists one 시/도 with one Query, sorted, without the representative', async () => {
    ddb.on(QueryCommand).resolves({ Items: [stored('하늘 수행기관', '11680'), stored('가람 수행기관', '11680')] });
    const res = await handler(apiEvent('GET', '/public/organisations', { query: { sido: '11' } }), lambdaContext);
    expect(res.statusCode).toBe(200);
    const body = JSON.parse(res.body);
    expect(body.count).toBe(2);
    expect(body.items.map((i: { name: string }) => i.name)).toEqual(['가람 수행기관', '하늘 수행기관']);
    expect(body.items[0]).not.toHaveProperty('representative');
    expect(body.items[0].designatedYears).toEqual([2025, 2026]);
    expect(ddb.commandCalls(QueryCommand)).toHaveLength(1);
    expect(ddb.commandCalls(QueryCommand)[0]!.args[0].input.IndexName).toBe('gsi1');
  });

  it('queries every 시/도 partition when no 시/도 is chosen', async () => {
    ddb.on(QueryCommand).resolves({ Items: [] });
    const res = await handler(apiEvent('GET', '/public/organisations'), lambdaContext);
    expect(res.statusCode).toBe(200);
    expect(ddb.commandCalls(QueryCommand)).toHaveLength(17);
  });

  it('refuses a 시/군/구 without its 시/도, in Korean, naming the field', async () => {
    const res = await handler(apiEvent('GET', '/public/organisations', { query: { sigungu: '11680' } }), lambdaContext);
    expect(res.statusCode).toBe(422);
    const body = JSON.parse(res.body);
    expect(body.error.fields[0].field).toBe('query.sigungu');
    expect(body.error.fields[0].message).toContain('시/도');
  });

  it('maps a DynamoDB failure to a Korean 500 without leaking details', async () => {
    ddb.on(QueryCommand).rejects(new Error('ProvisionedThroughputExceededException'));
    const res = await handler(apiEvent('GET', '/public/organisations', { query: { sido: '11' } }), lambdaContext);
    expect(res.statusCode).toBe(500);
    expect(res.body).not.toContain('Provisioned');
    expect(JSON.parse(res.body).error.message).toMatch(/잠시 후 다시/);
  });
});
