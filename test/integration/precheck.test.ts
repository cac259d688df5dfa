import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as clock from '#kernel/clock';
import { demoMonths } from '#local/demo-activity';
import { demoApplicationId } from '#local/demo-people';
import type { Json } from '../support/api.ts';
import { checkedCallApi } from '../support/contract.ts';
import { signInThroughApi } from '../support/session.ts';
import { startStack, type TestStack } from '../support/stack.ts';

// Issue 15 §2 and §5 on the local stack: the co-payment exemption the branch records on the worker's
// evaluation (demo: 늘봄's worker05, 차상위계층) and the claim that computes their co-payment as 0 and
// says why; the month-end pre-check with its blocking and advisory lines, the claim submit it refuses
// while a blocking line remains and allows once it is fixed; the remaining-hours meters.

let stack: TestStack;
const tokens: Record<string, string> = {};
const { previous } = demoMonths();
const claimId = `AG-NEULBOM_${previous}`;
const exempt = demoApplicationId('worker05');

const api = (as: string, method: string, path: string, body?: unknown) =>
  checkedCallApi(stack, tokens[as], method, path, body);

async function until(id: string, done: (claim: Json) => boolean): Promise<Json> {
  const deadline = performance.now() + 30_000;
  for (;;) {
    const { body } = await api('agency_neulbom', 'GET', `/claims/${id}`);
    if (done(body)) return body;
    if (performance.now() > deadline) throw new Error(`claim ${id} stayed ${body.status}`);
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
    'assistant02',
    'worker02',
    'worker05',
  ]) {
    tokens[username] = await signInThroughApi(stack, username);
  }
}, 240_000);

afterAll(async () => {
  await stack?.stop();
});

describe('co-payment exemption (C7)', () => {
  it('is recorded on the evaluation by the branch of the application, checked and audited', async () => {
    const seeded = await api('gyeonggi_branch', 'GET', `/service-applications/${exempt}`);
    expect(seeded.status).toBe(200);
    expect(seeded.body.copayExemption).toMatchObject({ basis: 'nearPoverty', basisLabel: '차상위계층' });

    const backwards = await api('gyeonggi_branch', 'PUT', `/service-applications/${exempt}/copay-exemption`, {
      basis: 'basicLivelihood',
      fromMonth: `${previous.slice(0, 4)}-06`,
      toMonth: `${previous.slice(0, 4)}-05`,
    });
    expect(backwards.status).toBe(422);
    expect(backwards.body.error.fields[0]).toMatchObject({ field: 'body.toMonth', label: '면제 종료 월' });

    const year = previous.slice(0, 4);
    const changed = await api('gyeonggi_branch', 'PUT', `/service-applications/${exempt}/copay-exemption`, {
      basis: 'basicLivelihood',
      fromMonth: `${year}-01`,
      toMonth: `${year}-12`,
      note: '수급자 증명서 확인',
    });
    expect(changed.status).toBe(200);
    expect(changed.body.copayExemption).toMatchObject({
      basis: 'basicLivelihood',
      basisLabel: '국민기초생활보장 수급자',
      recordedBy: 'gyeonggi_branch',
    });
    expect(changed.body.revision).toBe(seeded.body.revision + 1);

    // another branch may not
    const other = await api('seoul_branch', 'PUT', `/service-applications/${exempt}/copay-exemption`, {
      basis: 'nearPoverty',
      fromMonth: `${year}-01`,
      toMonth: `${year}-12`,
    });
    expect(other.status).toBe(403);

    const today = clock.today();
    const audit = await api('gyeonggi_branch', 'GET', `/audit?actor=gyeonggi_branch&from=${today}&to=${today}`);
    expect(audit.status).toBe(200);
    expect(
      audit.body.items.some(
        (r: Json) =>
          r.action === 'serviceApplication.copayExemption' && r.targetId === exempt && r.subjectId === 'worker05',
      ),
    ).toBe(true);
  });
});

describe('month-end pre-check and the claim submit', () => {
  it('lists an unsubmitted month’s comparison as blocking, with the fix and the place', async () => {
    const hanbit = await api('agency_hanbit', 'GET', `/claim-precheck?month=${previous}`);
    expect(hanbit.status).toBe(200);
    expect(hanbit.body.ready).toBe(false);
    const notSubmitted = hanbit.body.lines.find((l: Json) => l.code === 'monthNotSubmitted');
    expect(notSubmitted).toMatchObject({ severity: 'blocking', severityLabel: '제출 불가', place: 'comparison' });
    expect(notSubmitted.detail).toContain('소명하지 않은 차단 항목이');
    expect(notSubmitted.fix).toContain('근무이력 비교');
    // another agency's pre-check is not the agency's to read; its branch reads it
    expect((await api('agency_hanbit', 'GET', `/claim-precheck?month=${previous}&agencyId=AG-NEULBOM`)).status).toBe(
      403,
    );
    expect((await api('gyeonggi_branch', 'GET', `/claim-precheck?month=${previous}&agencyId=AG-NEULBOM`)).status).toBe(
      200,
    );
  });

  it('computes the exempt worker’s co-payment as 0 with the reason, and meters every worker', async () => {
    expect((await api('agency_neulbom', 'POST', '/claims', { agencyId: 'AG-NEULBOM', month: previous })).status).toBe(
      201,
    );
    const claim = await until(claimId, (c) => c.status === 'review' && c.waitingFor === 'agency');
    const exemptLine = claim.workers.find((w: Json) => w.id === 'worker05');
    expect(exemptLine.result.copay).toBe(0);
    expect(exemptLine.copayExemptReason).toContain('국민기초생활보장 수급자');
    const paying = claim.workers.find((w: Json) => w.id === 'worker02');
    expect(paying.result.copay).toBeGreaterThan(0);
    expect(paying.copayExemptReason).toBeUndefined();

    const precheck = await api('agency_neulbom', 'GET', `/claim-precheck?month=${previous}`);
    expect(precheck.status).toBe(200);
    expect(precheck.body).toMatchObject({ ready: true, blocking: 0, claimId });
    // the corrected entry waits for worker02's signature again: advisory only
    expect(precheck.body.lines.map((l: Json) => [l.code, l.severity])).toContainEqual([
      'awaitingSignature',
      'advisory',
    ]);
    const meter = precheck.body.meters.find((m: Json) => m.workerId === 'worker02');
    expect(meter.decidedMinutes).toBeGreaterThan(0);
    expect(meter.usedMinutes).toBeGreaterThan(0);
    expect(meter.remainingMinutes).toBe(meter.decidedMinutes - meter.usedMinutes);
  });

  it('refuses the submit while a blocking line remains, and allows it once it is fixed', async () => {
    // the assistant adds a log to the claimed month that nobody asked the worker to sign
    const added = await api('assistant02', 'POST', '/activity-logs', {
      workerId: 'worker02',
      date: `${previous}-20`,
      attendance: 'work',
      start: '14:00',
      end: '15:00',
      contentCode: 'C02',
      otherContent: '',
      specialNotes: '',
    });
    expect(added.status).toBe(201);
    const blocked = await api('agency_neulbom', 'GET', `/claim-precheck?month=${previous}`);
    expect(blocked.body.ready).toBe(false);
    expect(blocked.body.lines[0]).toMatchObject({ code: 'unsigned', severity: 'blocking', place: 'consent' });

    const refused = await api('agency_neulbom', 'POST', `/claims/${claimId}/submit`);
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('PRECHECK_BLOCKING');
    expect(refused.body.error.message).toContain('동의 요청 전 활동일지');
    expect((await api('agency_neulbom', 'GET', `/claims/${claimId}`)).body.status).toBe('review');

    const removed = await api('assistant02', 'POST', `/activity-logs/${added.body.entryId}/delete`, {
      revision: added.body.revision,
    });
    expect(removed.status).toBe(200);
    const submitted = await api('agency_neulbom', 'POST', `/claims/${claimId}/submit`);
    expect(submitted.status).toBe(200);
    expect(submitted.body.status).toBe('submitted');
  });

  it('shows the remaining hours to the worker and to the assistant who writes the logs', async () => {
    const own = await api('worker02', 'GET', `/me/hours-meters?month=${previous}`);
    expect(own.status).toBe(200);
    expect(own.body.meters).toHaveLength(1);
    expect(own.body.meters[0]).toMatchObject({ workerId: 'worker02' });
    expect(own.body.meters[0].decidedMinutes).toBeGreaterThan(0);
    expect(own.body.meters[0].usedMinutes).toBeGreaterThan(0);
    const assistant = await api('assistant02', 'GET', `/me/hours-meters?month=${previous}`);
    expect(assistant.status).toBe(200);
    expect(assistant.body.meters.map((m: Json) => m.workerId)).toEqual(['worker02']);
    expect(assistant.body.meters[0].usedMinutes).toBe(own.body.meters[0].usedMinutes);
  });
});
