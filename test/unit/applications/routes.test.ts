import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceApplicationItem } from '#functions/applications/entities';
import { handler } from '#functions/applications/handler';
import { contentHash } from '#functions/applications/signature';
import * as clock from '#kernel/clock';
import { apiEvent, lambdaContext } from '../../support/events.ts';
import { claims, profile, putsOf, record, type Stored, table } from '../assistants/support.ts';

// Route tests of the service application (B1): the applicant's signature and limits, the branch's
// steps with their conditions, and what each step tells the applicant.

const outbox = join(mkdtempSync(join(tmpdir(), 'outbox-')), 'outbox.jsonl');
const worker = profile('worker04', [{ role: 'worker' }], { name: '황재원', phone: '+821000000304' });
const seoul = profile('seoul_branch', [{ role: 'branch', branchId: 'BR-SEOUL' }]);
const gyeonggi = profile('gyeonggi_branch', [{ role: 'branch', branchId: 'BR-GYEONGGI' }]);

const body = {
  branchId: 'BR-SEOUL',
  workplace: {
    companyName: '한빛물류',
    businessNumber: '2208162517',
    employerName: '최대표',
    address: '서울특별시 마포구 상암동 1',
    sidoCode: '11',
    phone: '02-300-0001',
  },
  job: {
    title: '사무보조',
    duties: '문서 정리와 입력',
    employmentType: 'regular',
    workStart: '09:00',
    workEnd: '18:00',
  },
  disability: { type: 'brainLesion', severity: 'severe' },
  support: { types: ['T1'], details: '서류 이동과 컴퓨터 입력 보조' },
  requested: { hoursPerDay: 6, daysPerWeek: 5, startDate: '2027-01-04', endDate: '2027-12-31' },
  signature: { name: '황재원', consent: true },
};

function stored(fields: Partial<ServiceApplicationItem> = {}): Stored {
  const base: ServiceApplicationItem = {
    applicationId: 'SA-20261201-ABC123',
    applicantId: 'worker04',
    applicantName: '황재원',
    branchId: 'BR-SEOUL',
    status: 'received',
    revision: 2,
    submittedAt: '2026-12-01T00:00:00.000Z',
    updatedAt: '2026-12-02T00:00:00.000Z',
    workplace: { ...body.workplace, businessNumber: '220-81-62517' },
    job: body.job,
    disability: body.disability,
    support: body.support,
    requested: body.requested,
    signature: { name: '황재원', consentedAt: '2026-12-01T00:00:00.000Z', contentHash: 'h', method: 'm' },
    history: [
      { status: 'submitted', at: '2026-12-01T00:00:00.000Z', by: 'worker04' },
      { status: 'received', at: '2026-12-02T00:00:00.000Z', by: 'seoul_branch' },
    ],
  };
  return record('serviceApplication', { ...base, ...fields });
}

const json = (res: { body: string }) => JSON.parse(res.body);
const submit = (payload: unknown) =>
  handler(
    apiEvent('POST', '/service-applications', { body: payload, claims: claims('worker04', 'worker') }),
    lambdaContext,
  );
const step = (user: string, path: string, payload: unknown) =>
  handler(
    apiEvent('POST', `/service-applications/SA-20261201-ABC123/${path}`, {
      body: payload,
      claims: claims(user, 'branch'),
      resource: `/service-applications/{applicationId}/${path}`,
      pathParameters: { applicationId: 'SA-20261201-ABC123' },
    }),
    lambdaContext,
  );

beforeAll(() => {
  // the requested period (from 2027-01-04) lies ahead of the test's day, whatever day the suite runs on
  clock.pinToday('2026-12-07');
  process.env.TABLE_NAME = 'test-table';
  process.env.LOCAL_OUTBOX_FILE = outbox;
});

afterAll(() => {
  clock.pinToday(undefined);
});

describe('POST /service-applications (worker)', () => {
  it('stores the application with the signature: typed name, time and the hash of what was signed', async () => {
    const { transactions } = table({ 'userProfile/worker04': worker });
    const res = await submit(body);
    expect(res.statusCode).toBe(201);
    const view = json(res);
    expect(view).toMatchObject({ status: 'submitted', applicantName: '황재원', branchName: '서울지사' });
    expect(view.workplace.businessNumber).toBe('220-81-62517');
    expect(view.history).toEqual([{ status: 'submitted', at: view.submittedAt, by: 'worker04' }]);
    expect(view.signature).toMatchObject({ name: '황재원', consentedAt: view.submittedAt });
    // the hash can be recomputed from the stored content
    const { applicationId, applicantId, applicantName, branchId, workplace, job, disability, support, requested } =
      view;
    expect(view.signature.contentHash).toBe(
      contentHash({
        applicationId,
        applicantId,
        applicantName,
        branchId,
        workplace,
        job,
        disability,
        support,
        requested,
      }),
    );
    const puts = putsOf(transactions[0]!);
    expect(puts.map((p) => p.__edb_e__).sort()).toEqual(['auditRecord', 'serviceApplication']);
    expect(puts.find((p) => p.__edb_e__ === 'auditRecord')).toMatchObject({
      action: 'serviceApplication.submit',
      subjectId: 'worker04',
    });
    const sms = readFileSync(outbox, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(sms.some((m) => m.username === 'worker04' && m.channel === 'sms' && m.text.includes(applicationId))).toBe(
      true,
    );
  });

  it('refuses a signature that is not the registered name', async () => {
    table({ 'userProfile/worker04': worker });
    const res = await submit({ ...body, signature: { name: '김아무개', consent: true } });
    expect(res.statusCode).toBe(422);
    expect(json(res).error.fields).toEqual([
      {
        field: 'body.signature.name',
        label: '서명(이름)',
        message: '서명란의 이름이 회원 정보의 이름과 다릅니다. 회원 정보에 등록된 이름(황재원)을 그대로 입력해 주세요.',
      },
    ]);
  });

  it('refuses without the consent box and with a wrong business number, naming the fields', async () => {
    table({ 'userProfile/worker04': worker });
    const res = await submit({
      ...body,
      workplace: { ...body.workplace, businessNumber: '2208162518' },
      signature: { name: '황재원', consent: false },
    });
    expect(res.statusCode).toBe(422);
    expect(json(res).error.fields.map((f: { field: string }) => f.field)).toEqual([
      'body.workplace.businessNumber',
      'body.signature.consent',
    ]);
  });

  it('refuses more than 40 hours a week with the arithmetic', async () => {
    table({ 'userProfile/worker04': worker });
    const res = await submit({ ...body, requested: { ...body.requested, hoursPerDay: 8, daysPerWeek: 6 } });
    expect(res.statusCode).toBe(422);
    expect(json(res).error.fields[0]).toEqual({
      field: 'body.requested.daysPerWeek',
      label: '주 지원 일수',
      message: '주 신청 시간(하루 8시간 × 6일 = 48시간)이 주 40시간을 넘습니다. 하루 시간이나 주 일수를 줄여 주세요.',
    });
  });

  it('allows one application in progress at a time', async () => {
    const { transactions } = table({ 'userProfile/worker04': worker }, { serviceApplication: [stored()] });
    const res = await submit(body);
    expect(res.statusCode).toBe(409);
    expect(json(res).error.message).toContain('진행 중인 신청(SA-20261201-ABC123)이 있습니다');
    expect(transactions).toHaveLength(0);
  });
});

describe('branch steps', () => {
  const evaluation = {
    hoursPerDay: 6,
    daysPerWeek: 5,
    monthlyHours: 130,
    startDate: '2027-01-04',
    endDate: '2027-12-31',
    supportType: 'T1',
  };

  it('evaluates within the limits and stores it only if nobody changed the application meanwhile', async () => {
    const { transactions } = table({
      'userProfile/seoul_branch': seoul,
      'userProfile/worker04': worker,
      'serviceApplication/sa-20261201-abc123': stored(),
    });
    const res = await step('seoul_branch', 'evaluation', evaluation);
    expect(res.statusCode).toBe(200);
    expect(json(res)).toMatchObject({
      status: 'evaluated',
      revision: 3,
      evaluation: { monthlyHours: 130, decidedBy: 'seoul_branch' },
    });
    expect(json(res).history.map((h: { status: string }) => h.status)).toEqual(['submitted', 'received', 'evaluated']);
    const put = transactions[0]!.find((op) => JSON.stringify(op).includes('serviceApplication')) as {
      Put: { ConditionExpression: string; ExpressionAttributeValues: Record<string, unknown> };
    };
    expect(put.Put.ConditionExpression).toContain('#revision = :revision');
    expect(Object.values(put.Put.ExpressionAttributeValues)).toContain(2);
    const sms = readFileSync(outbox, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(sms.at(-1)).toMatchObject({ username: 'worker04', source: 'service-application-evaluated' });
    expect(sms.at(-1).text).toContain('월 130시간');
  });

  it('refuses monthly hours beyond what the weeks can hold', async () => {
    table({ 'userProfile/seoul_branch': seoul, 'serviceApplication/sa-20261201-abc123': stored() });
    const res = await step('seoul_branch', 'evaluation', { ...evaluation, monthlyHours: 131 });
    expect(res.statusCode).toBe(422);
    expect(json(res).error.fields[0]).toMatchObject({ field: 'body.monthlyHours', label: '월 결정 시간' });
    expect(json(res).error.fields[0].message).toContain('130시간을 넘습니다');
  });

  it('refuses a step out of order with the current status named', async () => {
    table({
      'userProfile/seoul_branch': seoul,
      'serviceApplication/sa-20261201-abc123': stored({ status: 'submitted' }),
    });
    const res = await step('seoul_branch', 'evaluation', evaluation);
    expect(res.statusCode).toBe(409);
    expect(json(res).error.message).toBe('지금은 ‘신청’ 상태입니다. 먼저 접수한 뒤에 평가할 수 있습니다.');
  });

  it("refuses another branch's application", async () => {
    const { transactions } = table({
      'userProfile/gyeonggi_branch': gyeonggi,
      'serviceApplication/sa-20261201-abc123': stored(),
    });
    const res = await step('gyeonggi_branch', 'receive', {});
    expect(res.statusCode).toBe(403);
    expect(transactions).toHaveLength(0);
  });

  it('sends the matching request only to an agency of the same branch', async () => {
    table({
      'userProfile/seoul_branch': seoul,
      'serviceApplication/sa-20261201-abc123': stored({ status: 'evaluated' }),
      'organisation/ag-daon': record('organisation', {
        organisationId: 'AG-DAON',
        kind: 'agency',
        name: '다온직업재활협회',
        branchId: 'BR-GYEONGGI',
      }),
    });
    const res = await step('seoul_branch', 'matching-request', { agencyId: 'AG-DAON' });
    expect(res.statusCode).toBe(400);
    expect(json(res).error.message).toBe(
      '다온직업재활협회은(는) 서울지사 관할이 아닙니다. 서울지사이(가) 관할하는 수행기관을 골라 주세요.',
    );
  });
});
