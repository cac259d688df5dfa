import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoMonths } from '#local/demo-activity';
import type { Json } from '../support/api.ts';
import { checkedCallApi } from '../support/contract.ts';
import { signInThroughApi } from '../support/session.ts';
import { startStack, type TestStack } from '../support/stack.ts';

// The staff inbox (issue 15 §7) on the local stack: a claim's submit lands in the branch staff's
// inbox, its return and its approval in the agency staff's, each with the page to act on; the
// unread count, paging and marking read (one, all) work on the caller's own messages only.

let stack: TestStack;
const tokens: Record<string, string> = {};
const { previous } = demoMonths();
const claimId = `AG-NEULBOM_${previous}`;

const api = (as: string, method: string, path: string, body?: unknown) =>
  checkedCallApi(stack, tokens[as], method, path, body);

async function until(done: (claim: Json) => boolean): Promise<Json> {
  const deadline = performance.now() + 30_000;
  for (;;) {
    const { body } = await api('agency_neulbom', 'GET', `/claims/${claimId}`);
    if (done(body)) return body;
    if (performance.now() > deadline) throw new Error(`claim ${claimId} stayed ${body.status}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const unread = async (as: string): Promise<number> => (await api(as, 'GET', '/me/inbox/unread-count')).body.unread;
const newest = async (as: string): Promise<Json> => (await api(as, 'GET', '/me/inbox?limit=1')).body.messages[0];

beforeAll(async () => {
  stack = await startStack();
  for (const username of ['agency_neulbom', 'agency_hanbit', 'gyeonggi_branch', 'seoul_branch', 'worker02']) {
    tokens[username] = await signInThroughApi(stack, username);
  }
}, 240_000);

afterAll(async () => {
  await stack?.stop();
});

describe('the staff inbox', () => {
  it('tells the branch of a submitted claim and the agency of its return and approval', async () => {
    const branchBefore = await unread('gyeonggi_branch');
    const agencyBefore = await unread('agency_neulbom');
    const seoulBefore = await unread('seoul_branch');

    await api('agency_neulbom', 'POST', '/claims', { agencyId: 'AG-NEULBOM', month: previous });
    await until((c) => c.status === 'review' && c.waitingFor === 'agency');
    expect((await api('agency_neulbom', 'POST', `/claims/${claimId}/submit`)).status).toBe(200);
    // a repeated submit tells nobody again
    await api('agency_neulbom', 'POST', `/claims/${claimId}/submit`);
    expect(await unread('gyeonggi_branch')).toBe(branchBefore + 1);
    expect(await newest('gyeonggi_branch')).toMatchObject({
      source: 'claim-submitted',
      read: false,
      link: `/internal/claims/${claimId}`,
    });
    expect((await newest('gyeonggi_branch')).text).toContain('늘봄');
    // another branch hears nothing
    expect(await unread('seoul_branch')).toBe(seoulBefore);

    await until((c) => c.waitingFor === 'branch');
    const reason = '3주차 활동일지의 시간을 근태와 맞춰 주세요.';
    expect(
      (await api('gyeonggi_branch', 'POST', `/claims/${claimId}/decision`, { action: 'return', reason })).status,
    ).toBe(200);
    expect(await unread('agency_neulbom')).toBe(agencyBefore + 1);
    const returned = await newest('agency_neulbom');
    expect(returned).toMatchObject({ source: 'claim-returned', link: `/agency/claims/${claimId}`, read: false });
    expect(returned.text).toContain(reason);
    expect(returned.text).toContain('반려');

    await until((c) => c.status === 'returned' && c.waitingFor === 'agency');
    await api('agency_neulbom', 'POST', `/claims/${claimId}/recompute`);
    await until((c) => c.status === 'review' && c.computeRevision === 2);
    await api('agency_neulbom', 'POST', `/claims/${claimId}/submit`);
    await until((c) => c.waitingFor === 'branch');
    expect((await api('gyeonggi_branch', 'POST', `/claims/${claimId}/decision`, { action: 'approve' })).status).toBe(
      200,
    );
    expect(await unread('agency_neulbom')).toBe(agencyBefore + 2);
    expect((await newest('agency_neulbom')).source).toBe('claim-approved');
    expect(await unread('gyeonggi_branch')).toBe(branchBefore + 2);
  });

  it('pages the messages newest first and marks one or all read, the caller’s own only', async () => {
    const first = await api('agency_neulbom', 'GET', '/me/inbox?limit=1');
    expect(first.status).toBe(200);
    expect(first.body.messages).toHaveLength(1);
    expect(first.body.next).toBe(first.body.messages[0].messageId);
    const second = await api('agency_neulbom', 'GET', `/me/inbox?limit=1&cursor=${first.body.next}`);
    expect(second.body.messages).toHaveLength(1);
    expect(second.body.messages[0].sentAt <= first.body.messages[0].sentAt).toBe(true);
    expect(second.body.messages[0].messageId).not.toBe(first.body.messages[0].messageId);
    expect(first.body.messages[0].source).toBe('claim-approved');
    expect(second.body.messages[0].source).toBe('claim-returned');

    const before = first.body.unread;
    const id = first.body.messages[0].messageId;
    // another staff member cannot mark it: their own inbox has no such message
    expect((await api('agency_hanbit', 'POST', `/me/inbox/${id}/read`)).status).toBe(404);
    const marked = await api('agency_neulbom', 'POST', `/me/inbox/${id}/read`);
    expect(marked.status).toBe(200);
    expect(marked.body).toEqual({ marked: 1, unread: before - 1 });
    // marking it again changes nothing
    expect((await api('agency_neulbom', 'POST', `/me/inbox/${id}/read`)).body).toEqual({
      marked: 0,
      unread: before - 1,
    });
    expect((await newest('agency_neulbom')).read).toBe(true);

    const all = await api('agency_neulbom', 'POST', '/me/inbox/read-all');
    expect(all.body).toEqual({ marked: before - 1, unread: 0 });
    expect(await unread('agency_neulbom')).toBe(0);
    const list = await api('agency_neulbom', 'GET', '/me/inbox');
    expect(list.body.messages.every((m: Json) => m.read && typeof m.readAt === 'string')).toBe(true);

    // a bad id or cursor is refused in Korean; a person the programmes serve has no inbox
    const bad = await api('agency_neulbom', 'POST', '/me/inbox/not-an-id/read');
    expect(bad.status).toBe(422);
    expect(bad.body.error.fields[0].label).toBe('알림');
    expect((await api('worker02', 'GET', '/me/inbox')).status).toBe(403);
  });

  it('tells the branch of a filed settlement and the agency of its decision', async () => {
    const branchBefore = await unread('gyeonggi_branch');
    const year = previous.slice(0, 4);
    const half = Number(previous.slice(5, 7)) <= 6 ? 'H1' : 'H2';
    const filed = await api('agency_neulbom', 'POST', '/settlements', {
      agencyId: 'AG-NEULBOM',
      period: `${year}-${half}`,
      advances: [{ month: previous, amount: 1000000 }],
    });
    expect(filed.status).toBe(201);
    expect(await unread('gyeonggi_branch')).toBe(branchBefore + 1);
    expect(await newest('gyeonggi_branch')).toMatchObject({
      source: 'settlement-filed',
      link: '/internal/settlements',
    });

    const settlementId = `AG-NEULBOM_${year}-${half}`;
    for (let i = 0; i < 100; i++) {
      if ((await api('agency_neulbom', 'GET', `/settlements/${settlementId}`)).body.waitingFor === 'branch') break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const agencyBefore = await unread('agency_neulbom');
    const reason = '선지급액을 통장 입금액과 맞춰 주세요.';
    const returned = await api('gyeonggi_branch', 'POST', `/settlements/${settlementId}/decision`, {
      action: 'return',
      reason,
    });
    expect(returned.body.status).toBe('returned');
    expect(await unread('agency_neulbom')).toBe(agencyBefore + 1);
    const told = await newest('agency_neulbom');
    expect(told).toMatchObject({ source: 'settlement-returned', link: '/agency/settlements' });
    expect(told.text).toContain(reason);
  });
});
