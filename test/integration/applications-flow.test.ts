import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '#local/demo-data';
import { demoPeoplePersonalData } from '#local/demo-people';
import { type Api, apiAs, koreaDate, outboxOf } from '../support/people.ts';
import { startStack, type TestStack } from '../support/stack.ts';

// SPEC B1 → B3 on the real local stack: a worker applies and signs on the portal, 서울지사 receives,
// evaluates and requests matching from 한빛근로지원센터, which matches an assistant. The applicant
// sees every step with its date on My page and got a message for each; every step is audited; the
// hour limits and the scope rules refuse in Korean.

let stack: TestStack;
let worker: Api;
let branch: Api;
let otherBranch: Api;
let agency: Api;
let otherAgency: Api;
let hq: Api;
let applicationId: string;

const NEXT_YEAR = Number(koreaDate().slice(0, 4)) + 1;
const application = {
  branchId: 'BR-SEOUL',
  workplace: {
    companyName: '(예시) 마포디자인',
    businessNumber: '105-81-10025',
    employerName: '서대표',
    address: '서울특별시 마포구 양화로 45',
    sidoCode: '11',
    phone: '02-3150-1002',
  },
  job: {
    title: '디자인',
    duties: '시안 작업과 출력물 정리',
    employmentType: 'regular',
    workStart: '09:00',
    workEnd: '18:00',
  },
  disability: { type: 'physical', severity: 'severe' },
  support: { types: ['T1'], details: '출력물 운반, 자료 정리 보조' },
  requested: { hoursPerDay: 6, daysPerWeek: 5, startDate: `${NEXT_YEAR}-01-04`, endDate: `${NEXT_YEAR}-12-31` },
  signature: { name: DEMO_ACCOUNTS.find((a) => a.username === 'worker04')!.name, consent: true },
};

beforeAll(async () => {
  stack = await startStack();
  const apis = await Promise.all(
    ['worker04', 'seoul_branch', 'gyeonggi_branch', 'agency_hanbit', 'agency_daon', 'hq_admin'].map((u) =>
      apiAs(stack, u),
    ),
  );
  [worker, branch, otherBranch, agency, otherAgency, hq] = apis as [Api, Api, Api, Api, Api, Api];
}, 240_000);

afterAll(async () => {
  await stack?.stop();
});

describe('a service application from the portal to a completed matching', () => {
  it('the worker applies with a typed-name signature; the business number must be real', async () => {
    const wrong = await worker.post('/service-applications', {
      ...application,
      workplace: { ...application.workplace, businessNumber: '105-81-10026' },
    });
    expect(wrong.status).toBe(422);
    expect(JSON.stringify(wrong.body)).toContain('사업자등록번호가 올바르지 않습니다');

    const res = await worker.post<{ applicationId: string; status: string; signature: { contentHash: string } }>(
      '/service-applications',
      application,
    );
    expect(res.status).toBe(201);
    expect(res.body.status).toBe('submitted');
    expect(res.body.signature.contentHash).toMatch(/^[0-9a-f]{64}$/);
    applicationId = res.body.applicationId;

    const again = await worker.post('/service-applications', application);
    expect(again.status).toBe(409);
    expect(JSON.stringify(again.body)).toContain('진행 중인 신청');
  });

  it('the branch sees it, another branch cannot', async () => {
    const list = await branch.get<{ items: { applicationId: string }[] }>('/service-applications', {
      status: 'submitted',
    });
    expect(list.body.items.map((i) => i.applicationId)).toContain(applicationId);
    const one = await branch.get<{ signature: { name: string }; workplace: { businessNumber: string } }>(
      `/service-applications/${applicationId}`,
    );
    expect(one.status).toBe(200);
    expect(one.body.workplace.businessNumber).toBe('105-81-10025');
    expect((await otherBranch.get(`/service-applications/${applicationId}`)).status).toBe(403);
    expect((await otherBranch.get('/service-applications', { branchId: 'BR-SEOUL' })).status).toBe(403);
  });

  it('receives and evaluates within the hour limits', async () => {
    expect((await branch.post(`/service-applications/${applicationId}/receive`)).status).toBe(200);
    const evaluation = {
      hoursPerDay: 6,
      daysPerWeek: 5,
      monthlyHours: 130,
      startDate: `${NEXT_YEAR}-01-04`,
      endDate: `${NEXT_YEAR}-12-31`,
      supportType: 'T1',
      note: '현장 확인 결과 요청 시간 인정',
    };
    const tooMuch = await branch.post<{ error: { fields: { field: string; message: string }[] } }>(
      `/service-applications/${applicationId}/evaluation`,
      { ...evaluation, hoursPerDay: 9 },
    );
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.body.error.fields[0]).toMatchObject({
      field: 'body.hoursPerDay',
      message: '하루 결정 시간은 8시간을 넘을 수 없습니다. 지금 9시간입니다.',
    });
    const monthly = await branch.post<{ error: { fields: { message: string }[] } }>(
      `/service-applications/${applicationId}/evaluation`,
      { ...evaluation, monthlyHours: 131 },
    );
    expect(monthly.body.error.fields[0]!.message).toContain('130시간을 넘습니다');
    const done = await branch.post<{ status: string }>(`/service-applications/${applicationId}/evaluation`, evaluation);
    expect(done.body.status).toBe('evaluated');
  });

  it('requests matching only from an agency of the same branch', async () => {
    const far = await branch.post(`/service-applications/${applicationId}/matching-request`, { agencyId: 'AG-DAON' });
    expect(far.status).toBe(400);
    expect(JSON.stringify(far.body)).toContain('서울지사 관할이 아닙니다');
    const res = await branch.post<{ status: string }>(`/service-applications/${applicationId}/matching-request`, {
      agencyId: 'AG-HANBIT',
    });
    expect(res.body.status).toBe('matchingRequested');
    const requests = await agency.get<{ items: { applicationId: string }[] }>('/matching-requests');
    expect(requests.body.items.map((i) => i.applicationId)).toContain(applicationId);
    expect((await otherAgency.get(`/service-applications/${applicationId}`)).status).toBe(403);
    expect((await otherAgency.get('/matching-requests', { agencyId: 'AG-HANBIT' })).status).toBe(403);
  });

  it('the agency matches an assistant; only within the decided hours', async () => {
    const body = {
      applicationId,
      assistantId: 'AS-DEMO-04',
      startDate: `${NEXT_YEAR}-01-04`,
      endDate: `${NEXT_YEAR}-12-31`,
      schedule: [0, 1, 2, 3, 4].map((weekday) => ({ weekday, start: '09:00', end: '16:00' })),
      supportType: 'T1',
    };
    const long = await agency.post<{ error: { code: string; message: string } }>('/matchings', body);
    expect(long.status).toBe(400);
    expect(long.body.error).toEqual({
      code: 'WORKER_HOURS',
      message: '월요일 지원 시간이 7시간입니다. 이 근로자의 하루 결정 시간은 6시간입니다. 시간을 줄여 주세요.',
    });
    expect((await otherAgency.post('/matchings', body)).status).toBe(403);

    const ok = await agency.post<{ matchingId: string; status: string }>('/matchings', {
      ...body,
      schedule: [0, 1, 2, 3, 4].map((weekday) => ({ weekday, start: '09:00', end: '15:00' })),
    });
    expect(ok.status).toBe(201);
    expect(ok.body.status).toBe('active');

    // a second assistant for the same worker would exceed the day
    const second = await agency.post<{ error: { code: string; message: string } }>('/matchings', {
      ...body,
      assistantId: 'AS-DEMO-01',
      schedule: [{ weekday: 0, start: '15:00', end: '16:00' }],
    });
    expect(second.body.error.code).toBe('WORKER_HOURS');
    expect(second.body.error.message).toContain('다른 매칭과 합쳐 월요일 지원 시간이 7시간입니다');
  });

  it('My page shows every step with its date; each step sent a message', async () => {
    const mine = await worker.get<{
      items: { applicationId: string; status: string; history: { status: string; at: string }[] }[];
    }>('/me/service-applications');
    const item = mine.body.items.find((i) => i.applicationId === applicationId)!;
    expect(item.status).toBe('matched');
    expect(item.history.map((h) => h.status)).toEqual([
      'submitted',
      'received',
      'evaluated',
      'matchingRequested',
      'matched',
    ]);
    for (const step of item.history) expect(Date.parse(step.at)).toBeGreaterThan(0);

    const messages = (await outboxOf(stack, 'worker04')).filter(
      (m) => m.text.includes(applicationId) || m.source === 'matching-created',
    );
    expect(new Set(messages.map((m) => m.source))).toEqual(
      new Set([
        'service-application-submitted',
        'service-application-received',
        'service-application-evaluated',
        'service-application-matching-requested',
        'matching-created',
      ]),
    );
    const staff = await outboxOf(stack, 'agency_hanbit');
    expect(staff.some((m) => m.channel === 'notification' && m.text.includes(applicationId))).toBe(true);
    const assistant = await outboxOf(stack, 'assistant04');
    expect(assistant.some((m) => m.source === 'matching' && m.text.includes('지원이 배정되었습니다'))).toBe(true);
  });

  it("keeps each worker's and assistant's history in scope", async () => {
    const byWorker = await agency.get<{ items: { assistantId: string; startDate: string }[] }>('/matchings', {
      workerId: 'worker04',
    });
    expect(byWorker.body.items.map((m) => m.assistantId)).toEqual(['AS-DEMO-04', 'AS-DEMO-04']);
    const byAssistant = await branch.get<{ items: { workerId: string }[] }>('/matchings', {
      assistantId: 'AS-DEMO-07',
    });
    expect(byAssistant.body.items.map((m) => m.workerId).sort()).toEqual(['worker07', 'worker10']);
    const service = await worker.get<{ items: { assistantName: string }[] }>('/me/matchings');
    expect(service.body.items).toHaveLength(2);
    // 다온 cannot read 한빛's worker history, even by naming the worker
    const foreign = await otherAgency.get<{ items: unknown[] }>('/matchings', { workerId: 'worker04' });
    expect(foreign.body.items).toEqual([]);
    expect((await otherAgency.get('/matchings', { agencyId: 'AG-HANBIT' })).status).toBe(403);
  });

  it('audits every step together with the change', async () => {
    const today = koreaDate();
    const audit = await hq.get<{ items: { action: string; outcome: string }[] }>('/audit', {
      subject: 'worker04',
      from: today,
      to: today,
    });
    const actions = audit.body.items.map((i) => i.action);
    for (const action of [
      'serviceApplication.submit',
      'serviceApplication.receive',
      'serviceApplication.evaluate',
      'serviceApplication.requestMatching',
      'serviceApplication.view',
      'matching.create',
    ]) {
      expect(actions).toContain(action);
    }
  });

  it('writes no resident number, phone or name of the demo people into the logs', async () => {
    const { readFileSync } = await import('node:fs');
    const logs = readFileSync(stack.logs, 'utf8');
    const names = DEMO_ACCOUNTS.filter((a) => /^(worker|assistant)/.test(a.username)).map((a) => a.name);
    const leaked = [...demoPeoplePersonalData(), ...names].filter((value) => logs.includes(value));
    expect(leaked).toEqual([]);
  });
});
