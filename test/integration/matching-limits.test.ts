import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ServiceApplication, type ServiceApplicationItem } from '#functions/applications/entities';
import { withCheckDigit } from '#kernel/business-number';
import { type Api, apiAs, koreaDate, putItems, uploadPdf } from '../support/people.ts';
import { startStack, type TestStack } from '../support/stack.ts';

// SPEC B3's refusals on the real local stack, against the demo matchings: at (예시) 장항전자
// 근로지원인 강하은 (AS-DEMO-06) supports three workers from 09:00 to 11:00 and two until 13:00.
// A fourth at the same minute is refused, so is a second workplace at the same time and an assistant
// who cannot work; two agencies' clerks racing for the last place cannot both get it.

let stack: TestStack;
let daon: Api;
const YEAR = Number(koreaDate().slice(0, 4));
// the demo's workplaces of 다온 (local/demo-people.ts), by the same numbers
const JANGHANG = { companyName: '(예시) 장항전자', businessNumber: withCheckDigit('128831008') };
const ILSAN = { companyName: '(예시) 일산출판', businessNumber: withCheckDigit('128811007') };

/** A matching request to 다온 for a made-up worker at a workplace, decided 8 h a day, this year. */
function request(n: number, workplace: { companyName: string; businessNumber: string }): ServiceApplicationItem {
  const at = `${YEAR}-01-01T00:00:00.000Z`;
  return {
    applicationId: `SA-TEST-${String(n).padStart(2, '0')}`,
    applicantId: `probe_worker${n}`,
    applicantName: `시험근로자${n}`,
    branchId: 'BR-GYEONGGI',
    status: 'matchingRequested',
    revision: 4,
    submittedAt: at,
    updatedAt: at,
    workplace: { ...workplace, employerName: '대표', address: '경기도 고양시', sidoCode: '41', phone: '031-901-0000' },
    job: { title: '조립', duties: '조립', employmentType: 'regular', workStart: '09:00', workEnd: '18:00' },
    disability: { type: 'intellectual', severity: 'severe' },
    support: { types: ['T1'], details: '조립 보조' },
    requested: { hoursPerDay: 8, daysPerWeek: 5, startDate: `${YEAR}-01-01`, endDate: `${YEAR}-12-31` },
    signature: { name: `시험근로자${n}`, consentedAt: at, contentHash: 'test', method: 'test' },
    evaluation: {
      hoursPerDay: 8,
      daysPerWeek: 5,
      monthlyHours: 173,
      startDate: `${YEAR}-01-01`,
      endDate: `${YEAR}-12-31`,
      supportType: 'T1',
      decidedBy: 'gyeonggi_branch',
      decidedAt: at,
    },
    requestedAgencyId: 'AG-DAON',
    requestedAgencyName: '다온직업재활협회',
    matchingRequestedAt: at,
    history: [],
  };
}

const monday = (start: string, end: string) => [{ weekday: 0, start, end }];
const matching = (n: number, assistantId: string, schedule: { weekday: number; start: string; end: string }[]) => ({
  applicationId: `SA-TEST-${String(n).padStart(2, '0')}`,
  assistantId,
  startDate: `${YEAR}-06-01`,
  endDate: `${YEAR}-06-30`,
  schedule,
  supportType: 'T1',
});

beforeAll(async () => {
  stack = await startStack();
  await putItems(stack, [
    ...[1, 2, 3, 4].map((n) => ({ entity: ServiceApplication, item: request(n, JANGHANG) as Record<string, unknown> })),
    { entity: ServiceApplication, item: request(5, ILSAN) as Record<string, unknown> },
  ]);
  daon = await apiAs(stack, 'agency_daon');
}, 240_000);

afterAll(async () => {
  await stack?.stop();
});

describe('matching limits (B3)', () => {
  it('refuses a fourth worker at the same minute, in Korean, naming day and time', async () => {
    const res = await daon.post<{ error: { code: string; message: string } }>(
      '/matchings',
      matching(1, 'AS-DEMO-06', monday('09:00', '10:00')),
    );
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('ASSISTANT_CONCURRENCY');
    expect(res.body.error.message).toBe(
      `이 일정으로 매칭하면 ${YEAR}-06-01~${YEAR}-06-30 월요일 09:00~10:00에 이 근로지원인이 4명을 동시에 지원하게 됩니다. 한 근로지원인이 동시에 지원할 수 있는 근로자는 최대 3명입니다. 시간을 바꾸거나 다른 근로지원인을 골라 주세요.`,
    );
  });

  it('refuses a second workplace at the same time', async () => {
    const res = await daon.post<{ error: { message: string } }>(
      '/matchings',
      matching(5, 'AS-DEMO-06', monday('12:00', '13:00')),
    );
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('다른 사업장((예시) 장항전자)에서 근로자를 지원합니다');
  });

  it('lets only one of two clerks racing for the last place win', async () => {
    // from 11:00 to 13:00 강하은 supports two workers: one more fits, two do not
    const [a, b] = await Promise.all([
      daon.post<{ error?: { code: string } }>('/matchings', matching(2, 'AS-DEMO-06', monday('11:00', '12:00'))),
      daon.post<{ error?: { code: string } }>('/matchings', matching(3, 'AS-DEMO-06', monday('11:00', '12:00'))),
    ]);
    // whichever order DynamoDB sees them in, exactly one is stored: the other either lost the
    // conditional write (409, its rules were checked against a version that changed) or, arriving
    // second, was refused by the rule itself (400)
    const [first, second] = [a.status, b.status].sort();
    expect(first).toBe(201);
    expect([400, 409]).toContain(second);
    const loser = a.status === 201 ? 3 : 2;
    const retry = await daon.post<{ error: { code: string } }>(
      '/matchings',
      matching(loser, 'AS-DEMO-06', monday('11:00', '12:00')),
    );
    expect(retry.body.error.code).toBe('ASSISTANT_CONCURRENCY');
    const after = await daon.get<{ items: unknown[] }>('/matchings', { assistantId: 'AS-DEMO-06' });
    expect(after.body.items).toHaveLength(4);
  });

  it('refuses an assistant without a qualification check, and one on leave', async () => {
    const registered = await daon.post<{ assistantId: string; revision: number }>('/assistants', {
      name: '유시험',
      rrn: '850505-1234560',
      mobilePhone: '010-0000-0555',
      hireDate: `${YEAR}-01-02`,
    });
    const id = registered.body.assistantId;
    const unchecked = await daon.post<{ error: { message: string } }>(
      '/matchings',
      matching(4, id, monday('14:00', '15:00')),
    );
    expect(unchecked.body.error.message).toBe(
      '유시험 근로지원인은 자격제한 조회 기록이 없어 매칭할 수 없습니다. 근로지원인 관리에서 자격제한 조회 결과와 증빙을 먼저 기록해 주세요.',
    );
    const uploadId = await uploadPdf(daon, 'evidence', '회보서.pdf');
    const checked = await daon.post<{ revision: number }>(`/assistants/${id}/qualification-checks`, {
      checkedOn: `${YEAR}-01-02`,
      findings: {
        mentalIllness: 'clear',
        drugAddiction: 'clear',
        guardianship: 'clear',
        unservedSentence: 'clear',
        sexualOffence: 'clear',
      },
      evidenceUploadId: uploadId,
    });
    const active = await daon.post<{ revision: number }>(`/assistants/${id}/status`, {
      revision: checked.body.revision,
      status: 'active',
      on: `${YEAR}-01-03`,
    });
    await daon.post(`/assistants/${id}/status`, {
      revision: active.body.revision,
      status: 'onLeave',
      on: `${YEAR}-01-10`,
    });
    const onLeave = await daon.post<{ error: { code: string; message: string } }>(
      '/matchings',
      matching(4, id, monday('14:00', '15:00')),
    );
    expect(onLeave.body.error).toEqual({
      code: 'ASSISTANT_NOT_AVAILABLE',
      message:
        '유시험 근로지원인은 지금 ‘휴직’ 상태라 매칭할 수 없습니다. ‘대기’나 ‘활동’ 상태인 근로지원인을 골라 주세요.',
    });
  });

  it('ends a matching with a date and a reason; the history keeps it', async () => {
    const list = await daon.get<{
      items: { matchingId: string; revision: number; workerId: string; startDate: string }[];
    }>('/matchings', { assistantId: 'AS-DEMO-06' });
    const mine = list.body.items.find((m) => m.workerId.startsWith('probe_worker'))!;
    const ended = await daon.post<{ status: string; endDate: string }>(`/matchings/${mine.matchingId}/end`, {
      endDate: `${YEAR}-06-15`,
      reason: '근로자 퇴사',
      revision: mine.revision,
    });
    expect(ended.body).toMatchObject({ status: 'ended', endDate: `${YEAR}-06-15` });
    const history = await daon.get<{ items: { matchingId: string; status: string }[] }>('/matchings', {
      status: 'ended',
    });
    expect(history.body.items.map((m) => m.matchingId)).toContain(mine.matchingId);
  });
});
