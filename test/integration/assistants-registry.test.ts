import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Api, apiAs, koreaDate, outboxOf, signUp, uploadPdf } from '../support/people.ts';
import { startStack, type TestStack } from '../support/stack.ts';

// SPEC B2, B4 and B5 on the real local stack: the registry with its encrypted resident number, the
// full view only with a reason (audited), the one-agency rule, status rules and qualification checks
// with evidence; job postings searched on the portal, an online activity application with the
// statutory self-declaration, and acceptance that registers the applicant without retyping; the
// workforce lookup per scope and its masked Excel file.

let stack: TestStack;
let hanbit: Api;
let daon: Api;
let neulbom: Api;
let seoul: Api;
let gyeonggi: Api;
let hq: Api;

const RRN = '930214-2345671';
const person = {
  name: '변하나',
  rrn: RRN,
  mobilePhone: '010-0000-0777',
  email: 'hana@example.com',
  hireDate: koreaDate(-10),
};
let assistantId: string;
let revision: number;

const findings = {
  mentalIllness: 'clear',
  drugAddiction: 'clear',
  guardianship: 'clear',
  unservedSentence: 'clear',
  sexualOffence: 'clear',
};

beforeAll(async () => {
  stack = await startStack();
  const apis = await Promise.all(
    ['agency_hanbit', 'agency_daon', 'agency_neulbom', 'seoul_branch', 'gyeonggi_branch', 'hq_admin'].map((u) =>
      apiAs(stack, u),
    ),
  );
  [hanbit, daon, neulbom, seoul, gyeonggi, hq] = apis as [Api, Api, Api, Api, Api, Api];
}, 240_000);

afterAll(async () => {
  await stack?.stop();
});

describe('assistant registry (B2)', () => {
  it('registers with the resident number masked everywhere it is shown', async () => {
    const res = await hanbit.post<{ assistantId: string; rrnMasked: string; status: string; revision: number }>(
      '/assistants',
      person,
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ rrnMasked: '930214-2******', status: 'waiting' });
    expect(JSON.stringify(res.body)).not.toContain('2345671');
    assistantId = res.body.assistantId;
    const one = await hanbit.get<{ rrnMasked: string; qualification: string }>(`/assistants/${assistantId}`);
    expect(one.body).toMatchObject({ rrnMasked: '930214-2******', qualification: 'unchecked' });
    expect(JSON.stringify(one.body)).not.toContain('2345671');
  });

  it('shows the full number only with a reason, and records who, when and why', async () => {
    const bare = await seoul.post(`/assistants/${assistantId}/rrn-reveal`, {});
    expect(bare.status).toBe(422);
    expect((await gyeonggi.post(`/assistants/${assistantId}/rrn-reveal`, { reason: '확인이 필요합니다' })).status).toBe(
      403,
    );
    const shown = await seoul.post<{ rrn: string }>(`/assistants/${assistantId}/rrn-reveal`, {
      reason: '고용보험 취득 신고 내용 대조',
    });
    expect(shown.body.rrn).toBe(RRN);
    const audit = await hq.get<{ items: { action: string; actorId: string; reason?: string; at: string }[] }>(
      '/audit',
      {
        subject: assistantId,
        from: koreaDate(),
        to: koreaDate(),
      },
    );
    expect(audit.body.items.find((i) => i.action === 'assistant.rrnReveal')).toMatchObject({
      actorId: 'seoul_branch',
      reason: '고용보험 취득 신고 내용 대조',
    });
    // the refused attempt of another branch revealed nothing and left no reveal record
    expect(audit.body.items.filter((i) => i.action === 'assistant.rrnReveal')).toHaveLength(1);
  });

  it('detects the same person at a second agency and explains it', async () => {
    const res = await daon.post<{ error: { code: string; message: string } }>('/assistants', {
      ...person,
      hireDate: koreaDate(),
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('DUPLICATE_PERSON');
    expect(res.body.error.message).toContain('한 사람은 한 수행기관에만 소속될 수 있습니다');
    const same = await hanbit.post<{ error: { message: string } }>('/assistants', person);
    expect(same.body.error.message).toContain(`이미 우리 기관에 등록되어 있습니다(관리번호 ${assistantId})`);
  });

  it('needs a qualification check with evidence before 활동, and keeps the evidence downloadable', async () => {
    const refused = await hanbit.post<{ error: { message: string }; revision: number }>(
      `/assistants/${assistantId}/status`,
      {
        revision: 1,
        status: 'active',
        on: koreaDate(),
      },
    );
    expect(refused.body.error.message).toContain('자격제한 조회 기록이 없어');
    const uploadId = await uploadPdf(hanbit, 'evidence', '범죄경력회보서.pdf');
    const checked = await hanbit.post<{
      revision: number;
      qualificationChecks: { checkId: string; result: string; evidenceFileName: string }[];
    }>(`/assistants/${assistantId}/qualification-checks`, {
      checkedOn: koreaDate(-1),
      findings,
      evidenceUploadId: uploadId,
    });
    expect(checked.status).toBe(201);
    const check = checked.body.qualificationChecks[0]!;
    expect(check).toMatchObject({ result: 'clear', evidenceFileName: '범죄경력회보서.pdf' });
    const link = await seoul.get<{ url: string }>(
      `/assistants/${assistantId}/qualification-checks/${check.checkId}/evidence`,
    );
    const file = await fetch(link.body.url);
    expect(file.status).toBe(200);
    expect(new TextDecoder().decode(await file.arrayBuffer())).toContain('%PDF');

    const active = await hanbit.post<{ status: string; revision: number }>(`/assistants/${assistantId}/status`, {
      revision: checked.body.revision,
      status: 'active',
      on: koreaDate(),
    });
    expect(active.body.status).toBe('active');
    revision = active.body.revision;
    const insured = await hanbit.post<{ revision: number; error?: { fields: { field: string; message: string }[] } }>(
      `/assistants/${assistantId}/insurances`,
      { revision, pension: { enrolledOn: koreaDate(-30) } },
    );
    expect(insured.status).toBe(422);
    expect(insured.body.error!.fields[0]!.message).toContain('입사일');
    const ok = await hanbit.post<{ revision: number }>(`/assistants/${assistantId}/insurances`, {
      revision,
      pension: { enrolledOn: person.hireDate },
      health: { enrolledOn: person.hireDate },
      employment: { enrolledOn: person.hireDate },
      industrialAccident: { enrolledOn: person.hireDate },
    });
    expect(ok.status).toBe(200);
    revision = ok.body.revision;
  });

  it('refuses an invalid move; 퇴사 releases the person for another agency', async () => {
    const wrong = await hanbit.post<{ error: { message: string } }>(`/assistants/${assistantId}/status`, {
      revision,
      status: 'waiting',
      on: koreaDate(-5),
    });
    expect(wrong.body.error.message).toContain('마지막 상태 변경일');
    const left = await hanbit.post<{ status: string; leaveDate: string }>(`/assistants/${assistantId}/status`, {
      revision,
      status: 'left',
      on: koreaDate(),
      reason: '계약 만료',
    });
    expect(left.body).toMatchObject({ status: 'left', leaveDate: koreaDate() });
    const moved = await daon.post<{ agencyId: string }>('/assistants', { ...person, hireDate: koreaDate(1) });
    expect(moved.status).toBe(201);
    expect(moved.body.agencyId).toBe('AG-DAON');
  });
});

describe('workforce lookup (B5)', () => {
  it('lists within each scope', async () => {
    const own = await hanbit.get<{ items: { agencyName: string; phone: string }[] }>('/workforce');
    expect(new Set(own.body.items.map((i) => i.agencyName))).toEqual(new Set(['한빛근로지원센터']));
    expect(own.body.items.every((i) => /^010-\*\*\*\*-\d{4}$/.test(i.phone))).toBe(true);
    const branch = await gyeonggi.get<{ items: { agencyName: string }[] }>('/workforce', { status: 'active' });
    expect(new Set(branch.body.items.map((i) => i.agencyName))).toEqual(
      new Set(['늘봄장애인자립지원센터', '다온직업재활협회']),
    );
    expect((await gyeonggi.get('/workforce', { agencyId: 'AG-HANBIT' })).status).toBe(403);
    expect((await hanbit.get('/workforce', { agencyId: 'AG-DAON' })).status).toBe(403);
    const all = await hq.get<{ count: number }>('/workforce');
    expect(all.body.count).toBeGreaterThanOrEqual(12);
  });

  it('shows 근무희망수행기관 and filters by 교육수료일자 from the training records (seed 000)', async () => {
    type Row = { name: string; wishedAgencies: string; trainingCompletedOn: string };
    const all = await hq.get<{ items: Row[] }>('/workforce');
    const completers = all.body.items.filter((i) => i.trainingCompletedOn);
    // the demo's finished course: assistants who completed it and chose 늘봄
    expect(completers.length).toBeGreaterThan(0);
    expect(completers.some((i) => i.wishedAgencies.includes('늘봄장애인자립지원센터'))).toBe(true);
    const day = completers[0]!.trainingCompletedOn;
    const filtered = await hq.get<{ items: Row[] }>('/workforce', { completedFrom: day, completedTo: day });
    expect(filtered.body.items.length).toBeGreaterThan(0);
    expect(filtered.body.items.every((i) => i.trainingCompletedOn === day)).toBe(true);
    expect(filtered.body.items.length).toBeLessThan(all.body.items.length);
    const reversed = await hq.get<{ error: { fields: { field: string; message: string }[] } }>('/workforce', {
      completedFrom: '2026-05-02',
      completedTo: '2026-05-01',
    });
    expect(reversed.status).toBe(422);
    expect(reversed.body.error.fields[0]).toMatchObject({
      field: 'query.completedFrom',
      message: '교육수료일자 검색 기간의 시작일이 종료일보다 늦습니다.',
    });
  });

  it('downloads the filtered list as Excel with personal data masked', async () => {
    const res = await seoul.get<{ base64: string; count: number }>('/workforce/export', {
      status: 'active',
      name: '김민준',
    });
    expect(res.body.count).toBe(1);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(res.body.base64, 'base64') as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet(1)!;
    const values = (sheet.getRow(2).values as unknown[]).map(String).join(' ');
    expect(values).toContain('김*준');
    expect(values).not.toContain('김민준');
    expect(values).toContain('010-****-0201');
    expect(values).toContain('880412-1******');
  });
});

describe('job postings and activity applications (B4)', () => {
  let postingId: string;
  let applicationId: string;

  it('an agency posts an opening that the portal finds by region, type and hours', async () => {
    const res = await hanbit.post<{ postingId: string }>('/job-postings', {
      title: '마포구 오전 근로지원인',
      sidoCode: '11',
      area: '마포구 상암동',
      supportType: 'T1',
      workStart: '08:00',
      workEnd: '12:00',
      weeklyHours: 20,
      openings: 1,
      description: '오전 사무 보조',
      closesOn: koreaDate(30),
    });
    expect(res.status).toBe(201);
    postingId = res.body.postingId;
    const search = async (query: Record<string, string>) => {
      const url = new URL(`${stack.apiUrl}/public/job-postings`);
      for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
      return ((await (await fetch(url)).json()) as { items: { postingId: string; agencyName: string }[] }).items;
    };
    expect((await search({ sido: '11', type: 'T1', from: '08:00', to: '12:00' })).map((p) => p.postingId)).toContain(
      postingId,
    );
    expect((await search({ sido: '41' })).map((p) => p.postingId)).not.toContain(postingId);
    expect((await search({ type: 'T2' })).map((p) => p.postingId)).not.toContain(postingId);
    expect((await search({ from: '09:00' })).map((p) => p.postingId)).not.toContain(postingId);
    // every agency's open postings together; the closed demo posting is not among them
    const all = await search({});
    expect(new Set(all.map((p) => p.agencyName)).size).toBe(3);
    expect(all.map((p) => p.postingId)).not.toContain('JP-DEMO-HANBIT-3');
  });

  it('a prospective assistant applies online; 해당 stops the application with the reason', async () => {
    await signUp(stack, { username: 'newhelper', name: '도우미', phone: '010-0000-0888', role: 'assistant' });
    const applicant = await apiAs(stack, 'newhelper');
    const body = {
      agencyId: 'AG-HANBIT',
      postingId,
      email: 'helper@example.com',
      address: '서울특별시 마포구 성산동 5',
      rrn: '960606-1234568',
      disability: { has: false },
      desired: { start: '08:00', end: '12:00' },
      break: { start: '10:00', end: '10:10' },
      region: { sidoCode: '11', area: '마포구' },
      supportType: 'T1',
      qualification: 'careWorker',
      selfDeclaration: { answer: 'applicable', confirmed: true },
      careers: [{ from: '2023-03-01', to: '2024-02-29', supportType: 'T1', note: '다른 기관' }],
      consents: { privacy: true, uniqueIdentifier: true },
    };
    const stopped = await applicant.post<{ error: { code: string; message: string } }>('/activity-applications', body);
    expect(stopped.status).toBe(400);
    expect(stopped.body.error.code).toBe('DISQUALIFIED');
    expect(stopped.body.error.message).toContain('「장애인활동 지원에 관한 법률」 제29조제1호부터 제5호');
    const res = await applicant.post<{ activityApplicationId: string; rrnMasked: string; status: string }>(
      '/activity-applications',
      { ...body, selfDeclaration: { answer: 'notApplicable', confirmed: true } },
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ rrnMasked: '960606-1******', status: 'submitted' });
    applicationId = res.body.activityApplicationId;
    const mine = await applicant.get<{ items: { activityApplicationId: string }[] }>('/me/activity-applications');
    expect(mine.body.items.map((i) => i.activityApplicationId)).toEqual([applicationId]);
  });

  it('the agency accepts and the applicant is registered without retyping', async () => {
    const list = await hanbit.get<{ items: { activityApplicationId: string; revision: number }[] }>(
      '/activity-applications',
      {
        status: 'submitted',
      },
    );
    const item = list.body.items.find((i) => i.activityApplicationId === applicationId)!;
    expect((await daon.get(`/activity-applications/${applicationId}`)).status).toBe(403);
    const accepted = await hanbit.post<{ status: string; assistantId: string }>(
      `/activity-applications/${applicationId}/decision`,
      { decision: 'accept', hireDate: koreaDate(7), revision: item.revision },
    );
    expect(accepted.body.status).toBe('accepted');
    const registered = await hanbit.get<Record<string, unknown>>(`/assistants/${accepted.body.assistantId}`);
    expect(registered.body).toMatchObject({
      name: '도우미',
      rrnMasked: '960606-1******',
      mobilePhone: '010-0000-0888',
      email: 'helper@example.com',
      userId: 'newhelper',
      qualifications: ['careWorker'],
      careers: [{ from: '2023-03-01', to: '2024-02-29', supportType: 'T1', note: '다른 기관' }],
      sourceApplicationId: applicationId,
      status: 'waiting',
    });
    const messages = await outboxOf(stack, 'newhelper');
    expect(messages.some((m) => m.text.includes('채용으로 결정되었습니다'))).toBe(true);
    // the number was carried over encrypted: the full view still works
    const shown = await hanbit.post<{ rrn: string }>(`/assistants/${accepted.body.assistantId}/rrn-reveal`, {
      reason: '4대보험 취득 신고',
    });
    expect(shown.body.rrn).toBe('960606-1234568');
  });

  it("explains why a registered assistant's application to a second agency cannot be accepted", async () => {
    const res = await neulbom.post<{ error: { message: string } }>('/activity-applications/AA-DEMO-01/decision', {
      decision: 'accept',
      hireDate: koreaDate(10),
      revision: 1,
    });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toContain('다른 수행기관에 재직 중');
  });

  it('writes no resident number the test typed into the logs', () => {
    const logs = readFileSync(stack.logs, 'utf8');
    for (const value of [RRN, RRN.replace('-', ''), '960606-1234568', '9606061234568']) {
      expect(logs).not.toContain(value);
    }
  });
});
