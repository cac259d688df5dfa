import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { handler } from '#functions/matching/handler';
import { apiEvent, lambdaContext } from '../../support/events.ts';
import { claims, profile, putsOf, record, type Stored, table } from '../assistants/support.ts';

// Route tests of matching (B3): the three refusals said in Korean, and a matching stored together
// with the application's and the assistant's next versions.

const outbox = join(mkdtempSync(join(tmpdir(), 'outbox-')), 'outbox.jsonl');
const agencyUser = profile('agency_hanbit', [{ role: 'agency', agencyId: 'AG-HANBIT' }]);
const otherAgency = profile('agency_daon', [{ role: 'agency', agencyId: 'AG-DAON' }]);

const application = record('serviceApplication', {
  applicationId: 'SA-20261201-ABC123',
  applicantId: 'worker04',
  applicantName: '황재원',
  branchId: 'BR-SEOUL',
  status: 'matchingRequested',
  revision: 4,
  submittedAt: '2026-12-01T00:00:00.000Z',
  updatedAt: '2026-12-03T00:00:00.000Z',
  workplace: {
    companyName: '한빛물류',
    businessNumber: '220-81-62517',
    employerName: '최대표',
    address: '서울',
    sidoCode: '11',
    phone: '02-300-0001',
  },
  job: { title: '사무보조', duties: 'd', employmentType: 'regular', workStart: '09:00', workEnd: '18:00' },
  disability: { type: 'brainLesion', severity: 'severe' },
  support: { types: ['T1'], details: 'x' },
  requested: { hoursPerDay: 6, daysPerWeek: 5, startDate: '2027-01-04', endDate: '2027-12-31' },
  signature: { name: '황재원', consentedAt: '2026-12-01T00:00:00.000Z', contentHash: 'h', method: 'm' },
  evaluation: {
    hoursPerDay: 6,
    daysPerWeek: 5,
    monthlyHours: 130,
    startDate: '2027-01-04',
    endDate: '2027-12-31',
    supportType: 'T1',
    decidedBy: 'seoul_branch',
    decidedAt: '2026-12-02T00:00:00.000Z',
  },
  requestedAgencyId: 'AG-HANBIT',
  requestedAgencyName: '한빛근로지원센터',
  matchingRequestedAt: '2026-12-03T00:00:00.000Z',
  history: [],
});

const clearCheck = {
  checkId: 'c1',
  checkedOn: '2026-01-03',
  findings: {
    mentalIllness: 'clear',
    drugAddiction: 'clear',
    guardianship: 'clear',
    unservedSentence: 'clear',
    sexualOffence: 'clear',
  },
  result: 'clear',
  evidenceUploadId: 'u',
  evidenceFileName: 'f.pdf',
  by: 'agency_hanbit',
  at: '2026-01-03T00:00:00.000Z',
};

function assistant(fields: Stored = {}): Stored {
  return record('assistant', {
    assistantId: 'AS-26TEST01',
    agencyId: 'AG-HANBIT',
    agencyName: '한빛근로지원센터',
    branchId: 'BR-SEOUL',
    name: '김민준',
    rrnCipher: 'v1.x',
    rrnMac: 'm',
    rrnMasked: '900101-1******',
    birthDate: '1990-01-01',
    gender: 'M',
    mobilePhone: '010-0000-0201',
    userId: 'assistant01',
    disability: { has: false },
    qualifications: [],
    careers: [],
    hireDate: '2026-01-02',
    status: 'waiting',
    statusHistory: [{ status: 'waiting', on: '2026-01-02', by: 'agency_hanbit', at: '2026-01-02T00:00:00.000Z' }],
    insurances: {},
    qualificationChecks: [clearCheck],
    revision: 7,
    createdAt: '2026-01-02T00:00:00.000Z',
    updatedAt: '2026-01-02T00:00:00.000Z',
    ...fields,
  });
}

const monToFri = (start: string, end: string) => [0, 1, 2, 3, 4].map((weekday) => ({ weekday, start, end }));

function existing(worker: string, start: string, end: string): Stored {
  return record('matching', {
    matchingId: `MT-20261101-${worker.toUpperCase()}`,
    applicationId: 'SA-OTHER',
    workerId: worker,
    workerName: worker,
    assistantId: 'AS-26TEST01',
    assistantName: '김민준',
    agencyId: 'AG-HANBIT',
    agencyName: '한빛근로지원센터',
    branchId: 'BR-SEOUL',
    workplaceKey: '220-81-62517',
    workplaceName: '한빛물류',
    startDate: '2027-01-01',
    endDate: '2027-12-31',
    schedule: monToFri(start, end),
    supportType: 'T1',
    status: 'active',
    createdBy: 'agency_hanbit',
    createdAt: '2026-11-01T00:00:00.000Z',
    revision: 1,
  });
}

const body = {
  applicationId: 'SA-20261201-ABC123',
  assistantId: 'AS-26TEST01',
  startDate: '2027-01-04',
  endDate: '2027-12-31',
  schedule: monToFri('09:00', '15:00'),
  supportType: 'T1',
};

const json = (res: { body: string }) => JSON.parse(res.body);
const create = (payload: unknown, user = 'agency_hanbit') =>
  handler(apiEvent('POST', '/matchings', { body: payload, claims: claims(user, 'agency') }), lambdaContext);

beforeAll(() => {
  process.env.TABLE_NAME = 'test-table';
  process.env.LOCAL_OUTBOX_FILE = outbox;
});

const base = (a: Stored = assistant()) => ({
  'userProfile/agency_hanbit': agencyUser,
  'userProfile/agency_daon': otherAgency,
  'userProfile/worker04': profile('worker04', [{ role: 'worker' }], { phone: '+821000000304' }),
  'userProfile/assistant01': profile('assistant01', [{ role: 'assistant' }], { phone: '+821000000201' }),
  'serviceApplication/sa-20261201-abc123': application,
  'assistant/as-26test01': a,
});

describe('POST /matchings', () => {
  it('stores the matching with the application (매칭 완료) and the assistant (활동) under their revisions, and tells both', async () => {
    const { transactions } = table(base());
    const res = await create(body);
    expect(res.statusCode).toBe(201);
    expect(json(res)).toMatchObject({
      workerId: 'worker04',
      assistantId: 'AS-26TEST01',
      status: 'active',
      agencyId: 'AG-HANBIT',
    });
    const ops = transactions[0]!;
    const puts = putsOf(ops);
    expect(puts.find((p) => p.__edb_e__ === 'serviceApplication')).toMatchObject({ status: 'matched', revision: 5 });
    expect(puts.find((p) => p.__edb_e__ === 'assistant')).toMatchObject({ status: 'active', revision: 8 });
    expect(puts.find((p) => p.__edb_e__ === 'auditRecord')).toMatchObject({
      action: 'matching.create',
      subjectId: 'worker04',
    });
    const conditions = ops.map((op) => (op as { Put: { ConditionExpression?: string } }).Put.ConditionExpression ?? '');
    expect(conditions.filter((c) => c.includes('#revision = :revision'))).toHaveLength(2);
    const sms = readFileSync(outbox, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(sms.find((m) => m.username === 'worker04')?.text).toContain('근로지원인 김민준 님이 배정되었습니다');
    expect(sms.find((m) => m.username === 'assistant01')?.text).toContain('황재원 님 지원이 배정되었습니다');
  });

  it('refuses an assistant on leave', async () => {
    const { transactions } = table(base(assistant({ status: 'onLeave' })));
    const res = await create(body);
    expect(res.statusCode).toBe(400);
    expect(json(res).error).toEqual({
      code: 'ASSISTANT_NOT_AVAILABLE',
      message:
        '김민준 근로지원인은 지금 ‘휴직’ 상태라 매칭할 수 없습니다. ‘대기’나 ‘활동’ 상태인 근로지원인을 골라 주세요.',
    });
    expect(transactions).toHaveLength(0);
  });

  it('refuses an assistant without a qualification check', async () => {
    table(base(assistant({ qualificationChecks: [] })));
    const res = await create(body);
    expect(json(res).error.message).toContain('자격제한 조회 기록이 없어 매칭할 수 없습니다');
  });

  it('refuses a fourth worker at the same time', async () => {
    const { transactions } = table(base(), {
      'matching|assistantid_as-26test01': [
        existing('w1', '09:00', '12:00'),
        existing('w2', '10:00', '13:00'),
        existing('w3', '11:00', '14:00'),
      ],
    });
    const res = await create(body);
    expect(res.statusCode).toBe(400);
    expect(json(res).error.code).toBe('ASSISTANT_CONCURRENCY');
    expect(json(res).error.message).toContain('4명을 동시에 지원하게 됩니다');
    expect(json(res).error.message).toContain('최대 3명');
    expect(transactions).toHaveLength(0);
  });

  it("refuses hours beyond the worker's decision", async () => {
    table(base());
    const res = await create({ ...body, schedule: monToFri('09:00', '16:00') });
    expect(res.statusCode).toBe(400);
    expect(json(res).error).toEqual({
      code: 'WORKER_HOURS',
      message: '월요일 지원 시간이 7시간입니다. 이 근로자의 하루 결정 시간은 6시간입니다. 시간을 줄여 주세요.',
    });
  });

  it('refuses a support type other than the decided one', async () => {
    table(base());
    const res = await create({ ...body, supportType: 'T2' });
    expect(res.statusCode).toBe(422);
    expect(json(res).error.fields[0]).toMatchObject({ field: 'body.supportType' });
  });

  it('is only for the agency the request was sent to', async () => {
    const { transactions } = table(base());
    const res = await create(body, 'agency_daon');
    expect(res.statusCode).toBe(403);
    expect(transactions).toHaveLength(0);
  });
});
