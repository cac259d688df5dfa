import { BatchWriteCommand, DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { auditItem, personalDataReadItems } from '#commons/audit-trail';
import { handler } from '#functions/audit/handler';
import { daysFromTo, koreaDay } from '#kernel/korea-time';
import { apiEvent, lambdaContext } from '../../support/events.ts';

const ddb = mockClient(DynamoDBDocumentClient);

function profile(userId: string, grants: Record<string, string>[]) {
  return {
    Item: { __edb_e__: 'userProfile', __edb_v__: '1', userId, name: 'x', phone: '+8210', status: 'active', grants },
  };
}

const claims = (username: string, groups: string) => ({
  sub: username,
  'cognito:username': username,
  'cognito:groups': groups,
});

function stored(at: string, branchId: string, subjectId = 'worker1') {
  return {
    __edb_e__: 'auditRecord',
    __edb_v__: '1',
    ...auditItem(
      { userId: 'agency1', roles: ['agency'], sourceIp: '10.0.0.1' },
      {
        action: 'assistant.read',
        targetType: 'assistant',
        targetId: 'AS-1',
        subjectId,
        branchId,
      },
      new Date(at),
    ),
  };
}

describe('audit records', () => {
  it('are dated in Korea time and kept three years', () => {
    const item = auditItem(
      { userId: 'u', roles: ['hq'], sourceIp: '1.2.3.4' },
      { action: 'a', targetType: 't', targetId: 'x' },
      new Date('2026-11-21T16:00:00Z'),
    );
    expect(item.day).toBe('2026-11-22');
    expect(item.expiresAt - Math.floor(Date.parse('2026-11-21T16:00:00Z') / 1000)).toBe(3 * 365 * 86400);
    expect(koreaDay(new Date('2026-11-21T14:59:59Z'))).toBe('2026-11-21');
    expect(daysFromTo('2026-02-27', '2026-03-01')).toEqual(['2026-02-27', '2026-02-28', '2026-03-01']);
  });
});

describe('GET /audit', () => {
  beforeEach(() => {
    ddb.reset();
    process.env.TABLE_NAME = 'test-table';
  });

  it('lets branch staff see only records in their branch', async () => {
    ddb.on(GetCommand).resolves(profile('branch1', [{ role: 'branch', branchId: 'BR-1' }]));
    ddb.on(PutCommand).resolves({});
    ddb.on(BatchWriteCommand).resolves({ UnprocessedItems: {} });
    ddb.on(QueryCommand).resolves({
      Items: [stored('2026-11-20T01:00:00Z', 'BR-1'), stored('2026-11-20T02:00:00Z', 'BR-2')],
    });
    const res = await handler(
      apiEvent('GET', '/audit', {
        query: { subject: 'worker1', from: '2026-11-20', to: '2026-11-20' },
        claims: claims('branch1', 'branch'),
      }),
      lambdaContext,
    );
    expect(res.statusCode).toBe(200);
    const body = JSON.parse(res.body);
    expect(body.items.map((i: { branchId: string }) => i.branchId)).toEqual(['BR-1']);
    expect(ddb.commandCalls(QueryCommand)[0]!.args[0].input.IndexName).toBe('gsi1');
    // the search is itself a read of the people it names: one record names them all, with an index
    // entry for each further person
    const record = ddb.commandCalls(PutCommand).map((call) => call.args[0].input.Item!)[0]!;
    expect(record).toMatchObject({ action: 'audit.search', actorId: 'branch1', subjectId: 'agency1' });
    expect(record.subjectIds).toEqual(['agency1', 'worker1']);
    const links = ddb
      .commandCalls(BatchWriteCommand)
      .flatMap((call) => Object.values(call.args[0].input.RequestItems!).flat());
    expect(links.map((request) => request.PutRequest!.Item!.subjectId)).toEqual(['worker1']);
  });

  it('refuses an agency clerk (403) and an anonymous caller (401)', async () => {
    ddb.on(GetCommand).resolves(profile('agency1', [{ role: 'agency', agencyId: 'AG-1' }]));
    const query = { from: '2026-11-20', to: '2026-11-20' };
    const agency = await handler(
      apiEvent('GET', '/audit', { query, claims: claims('agency1', 'agency') }),
      lambdaContext,
    );
    expect(agency.statusCode).toBe(403);
    const anonymous = await handler(apiEvent('GET', '/audit', { query }), lambdaContext);
    expect(anonymous.statusCode).toBe(401);
  });

  it('refuses a withdrawn person even with a valid token', async () => {
    ddb.on(GetCommand).resolves({ Item: { ...profile('hq1', [{ role: 'hq' }]).Item, status: 'withdrawn' } });
    const res = await handler(
      apiEvent('GET', '/audit', { query: { from: '2026-11-20', to: '2026-11-20' }, claims: claims('hq1', 'hq') }),
      lambdaContext,
    );
    // the token itself no longer counts (issue 22 §7): 401, not just no grants
    expect(res.statusCode).toBe(401);
  });

  it('asks for a shorter period when searching by dates alone', async () => {
    ddb.on(GetCommand).resolves(profile('hq1', [{ role: 'hq' }]));
    const res = await handler(
      apiEvent('GET', '/audit', { query: { from: '2026-01-01', to: '2026-12-31' }, claims: claims('hq1', 'hq') }),
      lambdaContext,
    );
    expect(res.statusCode).toBe(400);
    expect(JSON.parse(res.body).error.message).toContain('기간을 줄이거나');
  });
});

describe('a read of other people’s personal data', () => {
  const reader = { userId: 'agency1', roles: ['agency' as const], sourceIp: '10.0.0.1' };
  const at = new Date('2026-11-20T01:00:00Z');

  it('is one record naming every person returned but the reader, with an index entry per further person', () => {
    const items = personalDataReadItems(
      reader,
      {
        action: 'assistant.list',
        targetType: 'agency',
        targetId: 'AG-1',
        subjects: ['w2', 'agency1', 'w1', 'w2', undefined, 'NONE'],
      },
      at,
    )!;
    expect(items.record).toMatchObject({
      action: 'assistant.list',
      actorId: 'agency1',
      subjectId: 'w1',
      subjectIds: ['w1', 'w2'],
    });
    expect(items.links).toEqual([
      expect.objectContaining({
        subjectId: 'w2',
        auditId: items.record.auditId,
        at: items.record.at,
        day: '2026-11-20',
      }),
    ]);
  });

  it('names one person without a list, and writes nothing when the answer named only the reader', () => {
    const one = personalDataReadItems(reader, { action: 'a', targetType: 't', targetId: 'x', subjects: ['w1'] }, at)!;
    expect(one.record.subjectId).toBe('w1');
    expect(one.record.subjectIds).toBeUndefined();
    expect(one.links).toEqual([]);
    expect(
      personalDataReadItems(reader, { action: 'a', targetType: 't', targetId: 'x', subjects: ['agency1'] }, at),
    ).toBeUndefined();
  });
});
