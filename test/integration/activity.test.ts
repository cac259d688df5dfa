import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as clock from '#kernel/clock';
import { shiftDay } from '#kernel/korea-time';
import { demoActivityProbes, demoMonths } from '#local/demo-activity';
import { demoCalendar } from '#local/demo-calendar';
import type { Json } from '../support/api.ts';
import { checkedCallApi } from '../support/contract.ts';
import { signInThroughApi } from '../support/session.ts';
import { startStack, type TestStack } from '../support/stack.ts';

// C1 and C2 end to end through the API on the local stack, on the seeded demo month: assistant01
// writes today's entries for worker01 (the rules refuse in Korean, naming the field), asks for consent,
// worker01 signs; the signed entry is locked for the assistant; 한빛's staff corrects it with a reason,
// which opens a new round while the signed one stays; the paper path with a scan and 본인 확인; the
// printed PDF; the agency's filtered list. Today is free in the demo (it writes up to yesterday).

let stack: TestStack;
const tokens: Record<string, string> = {};
const today = clock.today();
const { previous, current } = demoMonths();

const api = (as: string, method: string, path: string, body?: unknown) =>
  checkedCallApi(stack, tokens[as], method, path, body);

async function outbox(username: string): Promise<{ text: string; source: string }[]> {
  const res = await fetch(`${stack.outboxUrl}.json?to=${encodeURIComponent(username)}`);
  return ((await res.json()) as { items: { text: string; source: string }[] }).items;
}

const entry = (extra: Record<string, unknown> = {}) => ({
  workerId: 'worker01',
  date: today,
  attendance: 'work',
  start: '09:00',
  end: '11:00',
  contentCode: 'C02',
  otherContent: '',
  specialNotes: '',
  ...extra,
});

const fieldsOf = (body: Json) => (body.error.fields as { field: string; label: string; message: string }[]) ?? [];

beforeAll(async () => {
  stack = await startStack();
  for (const username of ['assistant01', 'assistant02', 'worker01', 'worker02', 'agency_hanbit', 'agency_neulbom']) {
    tokens[username] = await signInThroughApi(stack, username);
  }
}, 240_000);

afterAll(async () => {
  await stack?.stop();
});

describe('activity logs and consent on the local stack', () => {
  const created: string[] = [];

  it('shows the seeded month with the columns of seed 000 and the consent record', async () => {
    const workers = await api('assistant01', 'GET', '/me/activity-workers');
    expect(workers.status).toBe(200);
    expect(workers.body.workers.map((w: Json) => w.workerId)).toEqual(['worker01']);
    const month = await api('assistant01', 'GET', `/activity-logs?workerId=worker01&month=${previous}`);
    expect(month.status).toBe(200);
    expect(month.body.worker).toMatchObject({ workerName: '서준우', disabilityType: expect.any(String) });
    expect(month.body.rows.length).toBeGreaterThan(10);
    expect(Object.keys(month.body.rows[0])).toEqual(
      expect.arrayContaining([
        'seq',
        'date',
        'time',
        'attendance',
        'content',
        'otherContent',
        'specialNotes',
        'consent',
      ]),
    );
    expect(month.body.rows.some((r: Json) => r.attendance.startsWith('연차'))).toBe(true);
    expect(month.body.rounds[0]).toMatchObject({ status: 'signed', method: 'electronic', typedName: '서준우' });
  });

  it('registers an entry and refuses bad ones in Korean, naming the field', async () => {
    const ok = await api('assistant01', 'POST', '/activity-logs', entry());
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ consent: 'unsigned', assistantId: 'AS-DEMO-01', month: current });
    created.push(ok.body.entryId);

    const overlap = await api('assistant01', 'POST', '/activity-logs', entry({ start: '10:30', end: '12:00' }));
    expect(overlap.status).toBe(422);
    expect(fieldsOf(overlap.body)[0]).toMatchObject({ field: 'body.start', label: '활동시간(시작)' });
    expect(fieldsOf(overlap.body)[0]!.message).toContain('시간이 겹칩니다');

    const backwards = await api('assistant01', 'POST', '/activity-logs', entry({ start: '15:00', end: '14:00' }));
    expect(fieldsOf(backwards.body)[0]).toMatchObject({ field: 'body.end', label: '활동시간(끝)' });

    const outside = await api(
      'assistant01',
      'POST',
      '/activity-logs',
      // before the demo matchings' period (the demo calendar's)
      entry({ date: shiftDay(demoCalendar().period.start, -200) }),
    );
    expect(fieldsOf(outside.body)[0]).toMatchObject({ field: 'body.date', label: '활동일자' });
    expect(fieldsOf(outside.body)[0]!.message).toContain('매칭 기간');

    const long = await api(
      'assistant01',
      'POST',
      '/activity-logs',
      entry({ start: '13:00', end: '14:00', otherContent: '가'.repeat(201) }),
    );
    expect(fieldsOf(long.body)[0]).toMatchObject({ field: 'body.otherContent', label: '기타 활동내용' });
    expect(fieldsOf(long.body)[0]!.message).toContain('200자까지');

    const notMine = await api('assistant02', 'POST', '/activity-logs', entry({ start: '13:00', end: '14:00' }));
    expect(notMine.status).toBe(403);
    expect((await api('assistant02', 'GET', `/activity-logs?workerId=worker01&month=${current}`)).status).toBe(403);
  });

  it('asks for consent, the worker reviews and signs, the entry is then locked for the assistant', async () => {
    const requested = await api('assistant01', 'POST', '/consent-rounds', { workerId: 'worker01', month: current });
    expect(requested.status).toBe(201);
    const roundId = requested.body.rounds[0].roundId;
    expect((await outbox('worker01')).some((m) => m.source === 'activity-consent-request')).toBe(true);

    const mine = await api('worker01', 'GET', '/me/consent-rounds');
    expect(mine.body.items[0]).toMatchObject({ roundId, status: 'requested' });
    expect((await api('worker02', 'GET', `/consent-rounds/${roundId}`)).status).toBe(403);
    const review = await api('worker01', 'GET', `/consent-rounds/${roundId}`);
    expect(review.body.rows.map((r: Json) => r.entryId)).toContain(created[0]);

    const wrongName = await api('worker01', 'POST', `/consent-rounds/${roundId}/sign`, {
      typedName: '홍길동',
      agree: true,
      digest: review.body.digest,
    });
    expect(fieldsOf(wrongName.body)[0]).toMatchObject({ field: 'body.typedName' });
    const signed = await api('worker01', 'POST', `/consent-rounds/${roundId}/sign`, {
      typedName: '서준우',
      agree: true,
      digest: review.body.digest,
    });
    expect(signed.status).toBe(200);
    expect(signed.body).toMatchObject({ status: 'signed', method: 'electronic', digest: review.body.digest });

    const entry1 = await api('assistant01', 'GET', `/activity-logs/${created[0]}`);
    expect(entry1.body.consent).toBe('signed');
    const locked = await api('assistant01', 'POST', `/activity-logs/${created[0]}`, {
      ...entry({ end: '11:30' }),
      workerId: undefined,
      revision: entry1.body.revision,
    });
    expect(locked.status).toBe(400);
    expect(locked.body.error.message).toContain('근로자가 서명한 기록은 고칠 수 없습니다');
  });

  it('lets the agency correct a signed entry with a reason, which asks the worker again and keeps the history', async () => {
    const before = await api('agency_hanbit', 'GET', `/activity-logs/${created[0]}`);
    const body = { ...entry({ end: '10:30' }), workerId: undefined, revision: before.body.revision };
    const noReason = await api('agency_hanbit', 'POST', `/activity-logs/${created[0]}`, body);
    expect(fieldsOf(noReason.body)[0]).toMatchObject({ field: 'body.reason', label: '정정 사유' });
    expect((await api('agency_neulbom', 'POST', `/activity-logs/${created[0]}`, body)).status).toBe(403);
    const corrected = await api('agency_hanbit', 'POST', `/activity-logs/${created[0]}`, {
      ...body,
      reason: '근로자 요청으로 끝 시각 정정',
    });
    expect(corrected.status).toBe(200);
    expect(corrected.body).toMatchObject({ consent: 'requested', end: '10:30' });
    expect(corrected.body.corrections[0].reason).toBe('근로자 요청으로 끝 시각 정정');
    expect((await outbox('worker01')).some((m) => m.source === 'activity-correction')).toBe(true);

    const month = await api('assistant01', 'GET', `/activity-logs?workerId=worker01&month=${current}`);
    const rounds = month.body.rounds as Json[];
    expect(rounds.filter((r) => r.status === 'signed').length).toBeGreaterThanOrEqual(1);
    const correction = rounds.find((r) => r.kind === 'correction' && r.status === 'requested');
    expect(correction.reason).toBe('근로자 요청으로 끝 시각 정정');
    expect(month.body.rows.find((r: Json) => r.entryId === created[0]).consent).toBe('정정 후 재동의 요청 중');

    const review = await api('worker01', 'GET', `/consent-rounds/${correction.roundId}`);
    const signed = await api('worker01', 'POST', `/consent-rounds/${correction.roundId}/sign`, {
      typedName: '서 준우',
      agree: true,
      digest: review.body.digest,
    });
    expect(signed.body.status).toBe('signed');
    // the first signature still shows what was signed then
    const first = rounds.find((r) => r.status === 'signed' && r.roundId !== correction.roundId);
    const then = await api('worker01', 'GET', `/consent-rounds/${first.roundId}`);
    expect(then.body.entries.find((e: Json) => e.entryId === created[0]).end).toBe('11:00');
  });

  it('records a hand-signed printout with 본인 확인, marked as such', async () => {
    const second = await api('assistant01', 'POST', '/activity-logs', entry({ start: '14:00', end: '15:00' }));
    expect(second.status).toBe(201);
    const printed = await api('assistant01', 'GET', `/activity-log-documents?workerId=worker01&month=${current}`);
    expect(printed.status).toBe(200);
    const pdf = new Uint8Array(await (await fetch(printed.body.url)).arrayBuffer());
    // pdf.js takes over (detaches) the buffer it is given: hand it a copy
    const { text } = await extractText(await getDocumentProxy(pdf.slice()), { mergePages: true });
    expect(text).toContain('근로지원인 활동일지');
    expect(text).toContain('서준우');
    expect(text).toContain('전자서명 동의 기록');

    const upload = await api('assistant01', 'POST', '/files/uploads', {
      purpose: 'consentScan',
      contentType: 'application/pdf',
      size: pdf.length,
      fileName: '서명본.pdf',
    });
    expect(upload.status, JSON.stringify(upload.body)).toBe(201);
    await fetch(upload.body.url, { method: 'PUT', headers: upload.body.headers, body: pdf });
    await api('assistant01', 'POST', `/files/uploads/${upload.body.uploadId}/complete`);

    const unticked = await api('assistant01', 'POST', '/paper-consents', {
      workerId: 'worker01',
      month: current,
      uploadId: upload.body.uploadId,
      identityConfirmed: false,
      digest: printed.body.pendingDigest,
    });
    expect(fieldsOf(unticked.body)[0]).toMatchObject({ field: 'body.identityConfirmed', label: '본인 확인' });
    const paper = await api('assistant01', 'POST', '/paper-consents', {
      workerId: 'worker01',
      month: current,
      uploadId: upload.body.uploadId,
      identityConfirmed: true,
      digest: printed.body.pendingDigest,
    });
    expect(paper.status).toBe(201);
    expect(paper.body).toMatchObject({ method: 'paper', hasScan: true, identityConfirmed: true });
    expect((await outbox('worker01')).some((m) => m.source === 'activity-consent-paper')).toBe(true);

    const month = await api('assistant01', 'GET', `/activity-logs?workerId=worker01&month=${current}`);
    expect(month.body.rows.find((r: Json) => r.entryId === second.body.entryId).consent).toBe(
      '동의 완료(수기 서명본 첨부(본인 확인))',
    );
    const scan = await api('worker01', 'GET', `/consent-rounds/${paper.body.roundId}/scan`);
    expect(scan.status).toBe(200);
    expect((await fetch(scan.body.url)).status).toBe(200);
  });

  it('gives the agency every log of its assistants, filtered by assistant, worker and month', async () => {
    const all = await api('agency_hanbit', 'GET', `/organisations/AG-HANBIT/activity-logs?month=${previous}`);
    expect(all.status).toBe(200);
    expect(all.body.logs.length).toBeGreaterThan(1);
    expect(all.body.filters.assistants.map((a: Json) => a.id)).toContain('AS-DEMO-01');
    const one = await api(
      'agency_hanbit',
      'GET',
      `/organisations/AG-HANBIT/activity-logs?month=${previous}&assistantId=AS-DEMO-01&workerId=worker01`,
    );
    expect(one.body.logs).toHaveLength(1);
    expect(one.body.logs[0]).toMatchObject({ assistantId: 'AS-DEMO-01', workerId: 'worker01' });
    expect(
      (await api('agency_hanbit', 'GET', `/organisations/AG-NEULBOM/activity-logs?month=${previous}`)).status,
    ).toBe(403);
    const probes = demoActivityProbes();
    expect((await api('agency_hanbit', 'GET', `/activity-logs/${probes.own.entryId}`)).status).toBe(200);
    expect((await api('agency_hanbit', 'GET', `/activity-logs/${probes.other.entryId}`)).status).toBe(403);
  });
});
