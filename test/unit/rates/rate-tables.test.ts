import { DynamoDBDocumentClient, GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { computeClaim } from '#functions/claims/engine/engine';
import { SavedRateTableSchema } from '#functions/rates/contract';
import { handler } from '#functions/rates/handler';
import { DEFAULT_RATE_TABLE_2026, diffRates, RateTableContentSchema, ratesForAgency } from '#functions/rates/rules';
import { apiEvent, lambdaContext } from '../../support/events.ts';

describe('rate tables (pure)', () => {
  it('carries the training completion threshold: 80% unless the table says otherwise, between 50% and 100%', () => {
    const { training: _dropped, ...older } = DEFAULT_RATE_TABLE_2026;
    expect(RateTableContentSchema.parse(older).training).toEqual({ completionAttendance: 0.8 });
    const stricter = { ...DEFAULT_RATE_TABLE_2026, training: { completionAttendance: 0.9 } };
    expect(RateTableContentSchema.parse(stricter).training.completionAttendance).toBe(0.9);
    expect(RateTableContentSchema.safeParse({ ...stricter, training: { completionAttendance: 0.3 } }).success).toBe(
      false,
    );
    expect(diffRates(DEFAULT_RATE_TABLE_2026, stricter)).toEqual([
      { field: 'training.completionAttendance', from: 0.8, to: 0.9 },
    ]);
  });

  it('2026 defaults are a valid table the engine accepts, with the published figures', () => {
    const table = RateTableContentSchema.parse(DEFAULT_RATE_TABLE_2026);
    expect(table.rates.hourlyWage).toBe(10320);
    expect(table.rates.socialInsurance).toMatchObject({
      pension: 0.0475,
      health: 0.03595,
      longTermCare: 0.1314,
      employment: 0.0115,
    });
    expect(table.rates.copayPerHourByRatio['1']).toBe(300);
    expect(table.limits).toEqual({ dailyServiceHours: 8, weeklyServiceHours: 40 });
    // figures without a public source say so
    expect(table.notes.industrialAccident).toContain('미확인');
    const out = computeClaim({
      month: '2026-03',
      rates: table.rates,
      assistants: [{ id: 'A1' }],
      workers: [{ id: 'W1', copayExempt: false }],
      entries: [
        { assistantId: 'A1', workerId: 'W1', date: '2026-03-03', start: '09:00', end: '13:00', type: 'service' },
      ],
    });
    expect(out.assistants[0]!.amounts.pay).toBe(41280);
  });

  it("applies an agency's own industrial-accident and operating-cost rates", () => {
    const table = { ...DEFAULT_RATE_TABLE_2026, agencyOverrides: { 'AG-1': { industrialAccident: 0.009 } } };
    expect(ratesForAgency(table, 'AG-1').socialInsurance.industrialAccident).toBe(0.009);
    expect(ratesForAgency(table, 'AG-1').operatingCostRate).toBe(0.1049);
    expect(ratesForAgency(table, 'AG-2').socialInsurance.industrialAccident).toBe(0.0147);
  });

  it('lists what changed between versions', () => {
    const next = { ...DEFAULT_RATE_TABLE_2026, rates: { ...DEFAULT_RATE_TABLE_2026.rates, hourlyWage: 10500 } };
    expect(diffRates(DEFAULT_RATE_TABLE_2026, next)).toEqual([{ field: 'rates.hourlyWage', from: 10320, to: 10500 }]);
    expect(diffRates(DEFAULT_RATE_TABLE_2026, DEFAULT_RATE_TABLE_2026)).toEqual([]);
  });
});

const ddb = mockClient(DynamoDBDocumentClient);
const profile = (userId: string, grants: Record<string, string>[]) => ({
  Item: { __edb_e__: 'userProfile', __edb_v__: '1', userId, name: 'x', phone: '+82', status: 'active', grants },
});
const version = (n: number) => ({
  __edb_e__: 'rateTableVersion',
  __edb_v__: '1',
  year: 2026,
  version: n,
  content: JSON.stringify(DEFAULT_RATE_TABLE_2026),
  reason: '기본',
  createdBy: 'hq_admin',
  createdAt: '2026-01-01T00:00:00.000Z',
});
const save = (claims: Record<string, string>, body: unknown) =>
  handler(
    apiEvent('POST', '/rate-tables/2026/versions', {
      claims,
      body,
      resource: '/rate-tables/{year}/versions',
      pathParameters: { year: '2026' },
    }),
    lambdaContext,
  );
const hq = { sub: 's', 'cognito:username': 'hq_admin', 'cognito:groups': 'hq' };

describe('rate-table routes', () => {
  beforeEach(() => {
    ddb.reset();
    process.env.TABLE_NAME = 'test-table';
  });

  it('saves the next version with its audit record in one transaction', async () => {
    ddb
      .on(GetCommand)
      .callsFake((input: { Key: { sk: string } }) =>
        input.Key.sk.startsWith('$userprofile') ? profile('hq_admin', [{ role: 'hq' }]) : { Item: version(2) },
      );
    ddb.on(QueryCommand).resolves({ Items: [version(1)] });
    ddb.on(TransactWriteCommand).resolves({});
    const content = { ...DEFAULT_RATE_TABLE_2026, rates: { ...DEFAULT_RATE_TABLE_2026.rates, hourlyWage: 10500 } };
    const res = await save(hq, { basedOn: 1, reason: '최저임금 변경 반영', content });
    expect(res.statusCode).toBe(201);
    const items = ddb.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems!;
    expect(items).toHaveLength(2);
    expect(items[0]!.Put!.Item).toMatchObject({ year: 2026, version: 2 });
    expect(items[0]!.Put!.ConditionExpression).toContain('attribute_not_exists');
    expect(items[1]!.Put!.Item).toMatchObject({ action: 'rateTable.save', targetId: '2026#2' });
    // the answer is what the route declares (contract.ts)
    expect(SavedRateTableSchema.safeParse(JSON.parse(res.body)).success).toBe(true);
  });

  it('refuses a save based on a version someone else already replaced', async () => {
    ddb.on(GetCommand).resolves(profile('hq_admin', [{ role: 'hq' }]));
    ddb.on(QueryCommand).resolves({ Items: [version(3)] });
    const res = await save(hq, { basedOn: 2, reason: '수정', content: DEFAULT_RATE_TABLE_2026 });
    expect(res.statusCode).toBe(409);
    expect(JSON.parse(res.body).error.message).toContain('다른 담당자가 먼저');
    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(0);
  });

  it('names a bad rate in Korean and lets only hq edit', async () => {
    ddb.on(GetCommand).resolves(profile('hq_admin', [{ role: 'hq' }]));
    const bad = { ...DEFAULT_RATE_TABLE_2026, rates: { ...DEFAULT_RATE_TABLE_2026.rates, hourlyWage: -1 } };
    const res = await save(hq, { basedOn: 1, reason: '수정', content: bad });
    expect(res.statusCode).toBe(422);
    expect(JSON.parse(res.body).error.fields[0]).toMatchObject({
      field: 'body.content.rates.hourlyWage',
      label: '시간급',
    });

    ddb.on(GetCommand).resolves(profile('agency1', [{ role: 'agency', agencyId: 'AG-1' }]));
    const agency = await save({ sub: 's', 'cognito:username': 'agency1', 'cognito:groups': 'agency' }, {});
    expect(agency.statusCode).toBe(403);
  });
});
