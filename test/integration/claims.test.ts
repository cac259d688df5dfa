import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoMonths } from '#local/demo-activity';
import type { Json } from '../support/api.ts';
import { checkedCallApi } from '../support/contract.ts';
import { signInThroughApi } from '../support/session.ts';
import { startStack, type TestStack } from '../support/stack.ts';

// The monthly claim (SPEC C5) end to end on the local stack, through the claim-month state machine
// run by the local Step Functions adapter: 늘봄's submitted demo month → computed claim with one line
// per assistant and worker → agency submit → branch return with a reason → recompute and resubmit →
// approve. Repeated answers change nothing; a month that was never submitted (다온) leaves the claim
// visibly failed and resumable.

let stack: TestStack;
const tokens: Record<string, string> = {};
const { previous } = demoMonths();
const claimId = `AG-NEULBOM_${previous}`;

const api = (as: string, method: string, path: string, body?: unknown) =>
  checkedCallApi(stack, tokens[as], method, path, body);

/** Reads the claim until `done` holds: the workflow's steps run after the request that caused them. */
async function until(id: string, done: (claim: Json) => boolean, as = 'agency_neulbom'): Promise<Json> {
  const deadline = performance.now() + 30_000;
  for (;;) {
    const { status, body } = await api(as, 'GET', `/claims/${id}`);
    expect(status).toBe(200);
    if (done(body)) return body;
    if (performance.now() > deadline)
      throw new Error(`claim ${id} stayed ${body.status} (waiting for ${body.waitingFor})`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

beforeAll(async () => {
  stack = await startStack();
  for (const username of [
    'agency_neulbom',
    'agency_hanbit',
    'gyeonggi_branch',
    'seoul_branch',
    'hq_admin',
    'worker02',
  ]) {
    tokens[username] = await signInThroughApi(stack, username);
  }
}, 240_000);

afterAll(async () => {
  await stack?.stop();
});

describe('the monthly claim workflow on the local stack', () => {
  it('computes the submitted month into lines that keep their entries, with the rates it used', async () => {
    const started = await api('agency_neulbom', 'POST', '/claims', { agencyId: 'AG-NEULBOM', month: previous });
    expect(started.status).toBe(201);
    expect(started.body.claimId).toBe(claimId);
    // starting the same month again finds the same claim
    const again = await api('agency_neulbom', 'POST', '/claims', { agencyId: 'AG-NEULBOM', month: previous });
    expect(again.status).toBe(200);

    const claim = await until(claimId, (c) => c.status === 'review' && c.waitingFor === 'agency');
    expect(claim).toMatchObject({ rateYear: Number(previous.slice(0, 4)), rateVersion: 1, computeRevision: 1 });
    expect(claim.rates.hourlyWage).toBe(10320);
    expect(claim.assistants.length).toBeGreaterThan(0);
    expect(claim.workers.length).toBeGreaterThan(0);
    for (const line of claim.assistants) {
      expect(line.entries.length).toBeGreaterThan(0);
      expect(line.entries.every((e: Json) => e.assistantId === line.id && typeof e.entryId === 'string')).toBe(true);
      expect(line.result.amounts.total).toBeGreaterThan(0);
    }
    const total = claim.assistants.reduce((sum: number, l: Json) => sum + l.result.amounts.total, 0);
    expect(claim.totals.total).toBe(total);
    const workerCopay = claim.workers.reduce((sum: number, l: Json) => sum + l.result.copay, 0);
    expect(claim.totals.copay).toBe(workerCopay);

    // both sides see it; another agency and another branch do not
    expect((await api('gyeonggi_branch', 'GET', `/claims/${claimId}`)).status).toBe(200);
    expect((await api('agency_hanbit', 'GET', `/claims/${claimId}`)).status).toBe(403);
    expect((await api('seoul_branch', 'GET', `/claims/${claimId}`)).status).toBe(403);
    const list = await api('gyeonggi_branch', 'GET', `/claims?branchId=BR-GYEONGGI&month=${previous}`);
    expect(list.body.claims.map((c: Json) => c.claimId)).toContain(claimId);
  });

  it('goes agency submit → branch return → recompute and resubmit → approve, each answer once', async () => {
    // the branch cannot decide before the agency submits
    const early = await api('gyeonggi_branch', 'POST', `/claims/${claimId}/decision`, { action: 'approve' });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('CLAIM_STATE');

    const submitted = await api('agency_neulbom', 'POST', `/claims/${claimId}/submit`);
    expect(submitted.status).toBe(200);
    expect(submitted.body.status).toBe('submitted');
    const twice = await api('agency_neulbom', 'POST', `/claims/${claimId}/submit`);
    expect(twice.status).toBe(200);
    expect(twice.body.status).toBe('submitted');
    await until(claimId, (c) => c.waitingFor === 'branch');

    const noReason = await api('gyeonggi_branch', 'POST', `/claims/${claimId}/decision`, { action: 'return' });
    expect(noReason.status).toBe(422);
    expect(noReason.body.error.fields[0]).toMatchObject({ field: 'body.reason', label: '반려 사유' });
    const returned = await api('gyeonggi_branch', 'POST', `/claims/${claimId}/decision`, {
      action: 'return',
      reason: '3주차 활동일지의 시간을 근태와 맞춰 주세요.',
    });
    expect(returned.status).toBe(200);
    expect(returned.body).toMatchObject({
      status: 'returned',
      returnReason: '3주차 활동일지의 시간을 근태와 맞춰 주세요.',
    });
    const back = await until(claimId, (c) => c.status === 'returned' && c.waitingFor === 'agency');
    expect(back.returnReason).toContain('3주차');

    const recomputed = await api('agency_neulbom', 'POST', `/claims/${claimId}/recompute`);
    expect(recomputed.status).toBe(200);
    const fresh = await until(claimId, (c) => c.status === 'review' && c.computeRevision === 2);
    expect(fresh.assistants.length).toBeGreaterThan(0);

    expect((await api('agency_neulbom', 'POST', `/claims/${claimId}/submit`)).body.status).toBe('submitted');
    await until(claimId, (c) => c.waitingFor === 'branch');
    // an agency cannot decide its own claim
    expect((await api('agency_neulbom', 'POST', `/claims/${claimId}/decision`, { action: 'approve' })).status).toBe(
      403,
    );
    const approved = await api('gyeonggi_branch', 'POST', `/claims/${claimId}/decision`, { action: 'approve' });
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('approved');
    const final = await until(claimId, (c) => c.status === 'approved' && c.waitingFor === undefined);
    expect(final.returnReason).toBeUndefined();
    expect(final.history.map((h: Json) => h.action)).toEqual([
      'start',
      'computed',
      'submit',
      'return',
      'recompute',
      'computed',
      'submit',
      'approve',
    ]);

    // a decided claim is immutable: a repeated approval changes nothing, a return or a resubmit is refused
    const repeat = await api('gyeonggi_branch', 'POST', `/claims/${claimId}/decision`, { action: 'approve' });
    expect(repeat.status).toBe(200);
    expect(repeat.body.revision).toBe(final.revision);
    const late = await api('gyeonggi_branch', 'POST', `/claims/${claimId}/decision`, {
      action: 'return',
      reason: '다시',
    });
    expect(late.status).toBe(409);
    expect(late.body.error.message).toContain('이미 승인된');
    expect((await api('agency_neulbom', 'POST', `/claims/${claimId}/recompute`)).status).toBe(409);
  });

  it('lists the approved claim with its dates and hours to the agency, its branch and hq, and exports several as one workbook', async () => {
    const claim = (await api('agency_neulbom', 'GET', `/claims/${claimId}`)).body;
    const year = previous.slice(0, 4);
    const own = await api('agency_neulbom', 'GET', `/claims?agencyId=AG-NEULBOM&year=${year}`);
    const row = own.body.claims.find((c: Json) => c.claimId === claimId);
    expect(row.status).toBe('approved');
    // 수행기관 상세 comes with the claim: the agency as registered
    expect(claim.agency.name).toBe(row.agencyName);
    expect(typeof claim.agency.phone).toBe('string');
    // 신청일자 and 결정일자 come from the history; 총근로시간 is the paid minutes of the assistant lines
    expect(row.submittedAt).toBe(claim.history.findLast((h: Json) => h.action === 'submit').at);
    expect(row.decidedAt).toBe(claim.history.findLast((h: Json) => h.action === 'approve').at);
    const paid = claim.assistants.reduce((sum: number, a: Json) => {
      const m = a.result.minutes;
      return sum + m.service + m.weeklyHoliday + m.paidLeave + m.holiday + m.officialLeave + m.training;
    }, 0);
    expect(row.paidMinutes).toBe(paid);
    // hq sees every branch without naming one; a branch must name its own
    const all = await api('hq_admin', 'GET', `/claims?month=${previous}`);
    expect(all.status).toBe(200);
    expect(all.body.claims.map((c: Json) => c.claimId)).toContain(claimId);
    expect((await api('hq_admin', 'GET', `/claims?branchId=BR-SEOUL&month=${previous}`)).body.claims).toEqual(
      all.body.claims.filter((c: Json) => c.branchId === 'BR-SEOUL'),
    );
    // a branch without a filter sees its own branch's claims
    const branchOwn = await api('gyeonggi_branch', 'GET', '/claims');
    expect(branchOwn.status).toBe(200);
    expect(new Set(branchOwn.body.claims.map((c: Json) => c.branchId))).toEqual(new Set(['BR-GYEONGGI']));
    expect((await api('gyeonggi_branch', 'GET', '/claims?branchId=BR-SEOUL')).status).toBe(403);
    expect((await api('hq_admin', 'GET', `/claims?year=${Number(year) - 1}&month=${previous}`)).status).toBe(422);
    // several in one workbook: refused as a whole when one is out of scope
    expect((await api('seoul_branch', 'POST', '/claims/export', { claimIds: [claimId] })).status).toBe(403);
    const file = await api('hq_admin', 'POST', '/claims/export', { claimIds: [claimId, claimId] });
    expect(file.status).toBe(200);
    expect(file.body.fileName).toBe('사업비신청목록_1건.xlsx');
    expect(Buffer.from(file.body.base64, 'base64').subarray(0, 2).toString()).toBe('PK');
    // hq reads settlements of every branch too
    expect((await api('hq_admin', 'GET', '/settlements')).status).toBe(200);
    expect((await api('gyeonggi_branch', 'GET', '/settlements?branchId=BR-SEOUL')).status).toBe(403);
  });

  it('turns the approved claim into each worker’s co-payment, which the agency records and the worker sees', async () => {
    const claim = (await api('agency_neulbom', 'GET', `/claims/${claimId}`)).body;
    let list = await api('agency_neulbom', 'GET', `/copayments?agencyId=AG-NEULBOM&month=${previous}`);
    for (let i = 0; i < 50 && list.body.copayments.length < claim.workers.length; i++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      list = await api('agency_neulbom', 'GET', `/copayments?agencyId=AG-NEULBOM&month=${previous}`);
    }
    expect(list.body.copayments.map((c: Json) => [c.workerId, c.amount]).sort()).toEqual(
      claim.workers.map((w: Json) => [w.id, w.result.copay]).sort(),
    );
    const due = list.body.copayments.find((c: Json) => c.workerId === 'worker02');
    expect(due.amount).toBeGreaterThan(1);
    expect((await api('agency_hanbit', 'GET', '/copayments?agencyId=AG-NEULBOM')).status).toBe(403);

    const path = `/copayments/${due.copayId}/payments`;
    const paid = await api('agency_neulbom', 'POST', path, {
      date: `${previous}-28`,
      amount: due.amount - 1,
      method: 'transfer',
      revision: due.revision,
    });
    expect(paid.status).toBe(201);
    expect(paid.body).toMatchObject({ paid: due.amount - 1, balance: 1 });
    // the same revision again: someone recorded since, nothing is lost
    const stale = await api('agency_neulbom', 'POST', path, {
      date: `${previous}-28`,
      amount: 1,
      method: 'cash',
      revision: due.revision,
    });
    expect(stale.status).toBe(409);
    const over = await api('agency_neulbom', 'POST', path, {
      date: `${previous}-28`,
      amount: 2,
      method: 'cash',
      revision: paid.body.revision,
    });
    expect(over.status).toBe(400);
    expect(over.body.error.message).toContain('남은 본인부담금(1원)');

    const mine = await api('worker02', 'GET', '/me/copayments');
    expect(mine.body.copayments[0]).toMatchObject({ month: previous, amount: due.amount, paid: due.amount - 1 });
    expect(mine.body.copayments[0].payments[0].methodLabel).toBe('계좌이체');
    const statement = await api('worker02', 'GET', '/me/copayments/statement?agencyId=AG-NEULBOM');
    expect(statement.status).toBe(200);
    const pdf = await getDocumentProxy(new Uint8Array(Buffer.from(statement.body.base64, 'base64')));
    const { text } = await extractText(pdf, { mergePages: true });
    expect(text).toContain('본인부담금 납부 확인서');
    expect(text).toContain(`본인부담금 ${due.amount.toLocaleString('ko-KR')}원`);
  });

  it('settles the half-year: advances against the decided claim per month, returned, refiled, approved', async () => {
    const claim = (await api('agency_neulbom', 'GET', `/claims/${claimId}`)).body;
    const period = `${previous.slice(0, 4)}-H${Number(previous.slice(5, 7)) <= 6 ? 1 : 2}`;
    const settlementId = `AG-NEULBOM_${period}`;
    const read = async (done: (s: Json) => boolean) => {
      for (let i = 0; i < 100; i++) {
        const { body } = await api('agency_neulbom', 'GET', `/settlements/${settlementId}`);
        if (done(body)) return body;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      throw new Error(`settlement ${settlementId} did not settle`);
    };
    const outside = await api('agency_neulbom', 'POST', '/settlements', {
      agencyId: 'AG-NEULBOM',
      period,
      advances: [{ month: '2020-01', amount: 1 }],
    });
    expect(outside.status).toBe(422);
    expect(outside.body.error.fields[0].message).toContain('2020-01');

    const filed = await api('agency_neulbom', 'POST', '/settlements', {
      agencyId: 'AG-NEULBOM',
      period,
      advances: [{ month: previous, amount: claim.totals.total - 1000 }],
    });
    expect(filed.status).toBe(201);
    const submitted = await read((s) => s.waitingFor === 'branch');
    const row = submitted.rows.find((r: Json) => r.month === previous);
    expect(row).toMatchObject({ advance: claim.totals.total - 1000, decided: claim.totals.total, difference: 1000 });
    expect(submitted.rows).toHaveLength(6);
    expect(submitted.totals.difference).toBe(1000);
    expect((await api('agency_hanbit', 'GET', `/settlements/${settlementId}`)).status).toBe(403);

    const returned = await api('gyeonggi_branch', 'POST', `/settlements/${settlementId}/decision`, {
      action: 'return',
      reason: '선지급액을 통장 입금액과 맞춰 주세요.',
    });
    expect(returned.body.status).toBe('returned');
    await read((s) => s.waitingFor === 'agency');
    const refiled = await api('agency_neulbom', 'POST', `/settlements/${settlementId}/refile`, {
      advances: [{ month: previous, amount: claim.totals.total }],
    });
    expect(refiled.status).toBe(200);
    const again = await read((s) => s.waitingFor === 'branch');
    expect(again.totals.difference).toBe(0);
    const approved = await api('gyeonggi_branch', 'POST', `/settlements/${settlementId}/decision`, {
      action: 'approve',
    });
    expect(approved.body.status).toBe('approved');
    const repeat = await api('gyeonggi_branch', 'POST', `/settlements/${settlementId}/decision`, { action: 'approve' });
    expect(repeat.status).toBe(200);
    const late = await api('gyeonggi_branch', 'POST', `/settlements/${settlementId}/decision`, {
      action: 'return',
      reason: '다시',
    });
    expect(late.status).toBe(409);
    expect((await read((s) => s.status === 'approved')).history.map((h: Json) => h.action)).toEqual([
      'file',
      'computed',
      'return',
      'refile',
      'computed',
      'approve',
    ]);
  });

  it('leaves a claim of a month that was never submitted failed, with the reason, and resumable', async () => {
    const daon = `AG-DAON_${previous}`;
    expect((await api('hq_admin', 'POST', '/claims', { agencyId: 'AG-DAON', month: previous })).status).toBe(201);
    const failed = await until(daon, (c) => c.status === 'failed', 'hq_admin');
    expect(failed.failure.error).toBe('MonthNotSubmitted');
    expect(failed.failure.cause).toContain('제출되지 않았습니다');
    expect(failed.assistants).toEqual([]);

    const resumed = await api('hq_admin', 'POST', `/claims/${daon}/resume`);
    expect(resumed.status).toBe(200);
    const again = await until(
      daon,
      (c) => c.status === 'failed' && c.history.length > failed.history.length,
      'hq_admin',
    );
    expect(again.history.map((h: Json) => h.action)).toEqual(['start', 'failed', 'resume', 'failed']);
  });

  it('starts the month for every agency once from hq (the scheduled rule does the same)', async () => {
    const first = await api('hq_admin', 'POST', '/claims/schedule', { month: previous });
    expect(first.status).toBe(200);
    expect(first.body.started).toEqual([`AG-HANBIT_${previous}`]);
    expect(first.body.existing).toEqual(expect.arrayContaining([claimId, `AG-DAON_${previous}`]));
    const second = await api('hq_admin', 'POST', '/claims/schedule', { month: previous });
    expect(second.body.started).toEqual([]);
    expect((await api('agency_neulbom', 'POST', '/claims/schedule', { month: previous })).status).toBe(403);
  });
});
