import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoMonths } from '#local/demo-activity';
import type { Json } from '../support/api.ts';
import { checkedCallApi } from '../support/contract.ts';
import { signInThroughApi } from '../support/session.ts';
import { startStack, type TestStack } from '../support/stack.ts';

// Rate corrections with retroactive effect (issue 15 §6) on the local stack: 늘봄's claim of last
// month is approved with the year's rate table; hq corrects the table (a higher hourly wage); the
// branch lists the claim with its difference per assistant and agency, the claim itself unchanged;
// the list downloads as Excel; the branch carries the difference, and the agency's settlement takes it.

let stack: TestStack;
const tokens: Record<string, string> = {};
const { previous } = demoMonths();
const year = previous.slice(0, 4);
const claimId = `AG-NEULBOM_${previous}`;

const api = (as: string, method: string, path: string, body?: unknown) =>
  checkedCallApi(stack, tokens[as], method, path, body);

async function until(path: string, done: (body: Json) => boolean): Promise<Json> {
  for (let i = 0; i < 150; i++) {
    const { body } = await api('agency_neulbom', 'GET', path);
    if (done(body)) return body;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${path} did not get there`);
}

beforeAll(async () => {
  stack = await startStack();
  for (const username of ['agency_neulbom', 'gyeonggi_branch', 'seoul_branch', 'hq_admin']) {
    tokens[username] = await signInThroughApi(stack, username);
  }
  // 늘봄's claim of last month, approved with the year's current table
  await api('agency_neulbom', 'POST', '/claims', { agencyId: 'AG-NEULBOM', month: previous });
  await until(`/claims/${claimId}`, (c) => c.status === 'review' && c.waitingFor === 'agency');
  await api('agency_neulbom', 'POST', `/claims/${claimId}/submit`);
  await until(`/claims/${claimId}`, (c) => c.waitingFor === 'branch');
  await api('gyeonggi_branch', 'POST', `/claims/${claimId}/decision`, { action: 'approve' });
  await until(`/claims/${claimId}`, (c) => c.status === 'approved' && c.waitingFor === undefined);
}, 300_000);

afterAll(async () => {
  await stack?.stop();
});

describe('rate corrections with retroactive effect', () => {
  let decided: Json;
  let correctedVersion: number;

  it('lists nothing while the decided claims used the latest table', async () => {
    decided = (await api('agency_neulbom', 'GET', `/claims/${claimId}`)).body;
    const list = await api('gyeonggi_branch', 'GET', `/rate-corrections?year=${year}`);
    expect(list.status).toBe(200);
    expect(list.body.correctedVersion).toBe(decided.rateVersion);
    expect(list.body.corrections).toEqual([]);
  });

  it('lists the claim with its difference per assistant and agency once hq corrects the table', async () => {
    const table = (await api('hq_admin', 'GET', `/rate-tables/${year}`)).body.current;
    const content = structuredClone(table.content);
    content.rates.hourlyWage += 100;
    const saved = await api('hq_admin', 'POST', `/rate-tables/${year}/versions`, {
      basedOn: table.version,
      reason: '시간급 정정 (고시 반영 누락)',
      content,
    });
    expect(saved.status).toBe(201);
    correctedVersion = saved.body.version;

    const list = await api('gyeonggi_branch', 'GET', `/rate-corrections?year=${year}&branchId=BR-GYEONGGI`);
    expect(list.status).toBe(200);
    expect(list.body.correctedVersion).toBe(correctedVersion);
    const correction = list.body.corrections.find((c: Json) => c.claimId === claimId);
    expect(correction).toMatchObject({
      agencyName: decided.agencyName,
      month: previous,
      usedVersion: decided.rateVersion,
      correctedVersion,
      before: decided.totals,
    });
    expect(correction.difference.pay).toBeGreaterThan(0);
    expect(correction.difference.total).toBe(correction.after.total - decided.totals.total);
    expect(correction.assistants.map((a: Json) => a.id).sort()).toEqual(
      decided.assistants.map((a: Json) => a.id).sort(),
    );
    const sum = correction.assistants.reduce((s: number, a: Json) => s + a.difference.total, 0);
    expect(sum).toBe(correction.difference.total);
    // the agency's line adds up every decided claim of 늘봄 the correction touches (the demo's earlier
    // approved months too)
    const agency = list.body.agencies.find((a: Json) => a.agencyId === 'AG-NEULBOM');
    const neulbom = list.body.corrections.filter((c: Json) => c.agencyId === 'AG-NEULBOM');
    expect(agency.difference.total).toBe(neulbom.reduce((s: number, c: Json) => s + c.difference.total, 0));
    expect(agency.difference.total).toBeGreaterThanOrEqual(correction.difference.total);
    expect(correction.carried).toBeUndefined();

    // the decided claim is untouched
    const after = (await api('agency_neulbom', 'GET', `/claims/${claimId}`)).body;
    expect(after.totals).toEqual(decided.totals);
    expect(after.rateVersion).toBe(decided.rateVersion);
    expect(after.revision).toBe(decided.revision);

    // hq reads every branch; another branch cannot read this one's
    const all = await api('hq_admin', 'GET', `/rate-corrections?year=${year}`);
    expect(all.body.corrections.map((c: Json) => c.claimId)).toContain(claimId);
    expect((await api('seoul_branch', 'GET', `/rate-corrections?year=${year}&branchId=BR-GYEONGGI`)).status).toBe(403);
    expect((await api('hq_admin', 'GET', '/rate-corrections?year=2099')).status).toBe(404);
  });

  it('downloads the differences as Excel', async () => {
    const file = await api('gyeonggi_branch', 'GET', `/rate-corrections/export?year=${year}&branchId=BR-GYEONGGI`);
    expect(file.status).toBe(200);
    expect(file.body.fileName).toBe(`요율정정차액_${year}년_버전${correctedVersion}.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.body.base64, 'base64') as never);
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      '수행기관별 차액',
      '사업비 신청별 차액',
      '근로지원인별 차액',
    ]);
    const claims = workbook.getWorksheet('사업비 신청별 차액')!;
    expect(claims.getRow(1).getCell(1).value).toBe('수행기관');
    const months = claims.getColumn(2).values.slice(2);
    expect(months).toContain(previous);
  });

  it('carries the difference into the agency’s next settlement, once', async () => {
    const stale = await api('gyeonggi_branch', 'POST', `/rate-corrections/${claimId}/carry`, {
      correctedVersion: correctedVersion + 1,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.message).toContain('다시 고쳐졌습니다');
    expect((await api('seoul_branch', 'POST', `/rate-corrections/${claimId}/carry`, { correctedVersion })).status).toBe(
      403,
    );
    const carried = await api('gyeonggi_branch', 'POST', `/rate-corrections/${claimId}/carry`, { correctedVersion });
    expect(carried.status).toBe(201);
    expect(carried.body.carried).toMatchObject({ correctedVersion, carriedBy: 'gyeonggi_branch' });
    const again = await api('gyeonggi_branch', 'POST', `/rate-corrections/${claimId}/carry`, { correctedVersion });
    expect(again.status).toBe(200);
    expect(again.body.carried.carriedAt).toBe(carried.body.carried.carriedAt);
    const difference = carried.body.difference.total;

    const period = `${year}-H${Number(previous.slice(5, 7)) <= 6 ? 1 : 2}`;
    const settlementId = `AG-NEULBOM_${period}`;
    const filed = await api('agency_neulbom', 'POST', '/settlements', {
      agencyId: 'AG-NEULBOM',
      period,
      advances: [{ month: previous, amount: decided.totals.total }],
    });
    expect(filed.status).toBe(201);
    const settlement = await until(`/settlements/${settlementId}`, (s) => s.waitingFor === 'branch');
    expect(settlement.totals.correction).toBe(difference);
    // the months settle to 0 (advance = decided); the carried difference is what remains
    expect(settlement.totals.difference).toBe(difference);
    expect(settlement.totals.carried).toEqual([
      expect.objectContaining({ claimId, month: previous, correctedVersion, difference }),
    ]);
    const list = await api('gyeonggi_branch', 'GET', `/rate-corrections?year=${year}&branchId=BR-GYEONGGI`);
    expect(list.body.corrections.find((c: Json) => c.claimId === claimId).carried.settlementId).toBe(settlementId);
  });
});
