import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ServiceApplicationItem } from '#functions/applications/entities';
import {
  APPLICATION_STATUSES,
  type ApplicationStatus,
  businessNumberProblem,
  canMove,
  evaluationProblems,
  hoursProblems,
  isOpen,
  monthlyCap,
  moveProblem,
  periodProblems,
  signatureProblem,
} from '#functions/applications/rules';
import { canonicalJson, contentHash } from '#functions/applications/signature';
import { nextVersion } from '#functions/applications/steps';
import { formatBusinessNumber } from '#kernel/business-number';

const evaluation = {
  hoursPerDay: 8,
  daysPerWeek: 5,
  monthlyHours: 173,
  startDate: '2027-01-01',
  endDate: '2027-12-31',
};

describe('service application steps (B1)', () => {
  it('follows 신청 → 접수 → 평가 → 매칭의뢰 → 매칭 완료', () => {
    expect(canMove('submitted', 'received')).toBe(true);
    expect(canMove('received', 'evaluated')).toBe(true);
    expect(canMove('evaluated', 'matchingRequested')).toBe(true);
    expect(canMove('matchingRequested', 'matched')).toBe(true);
    // the branch may send the request to another agency while nobody is matched
    expect(canMove('matchingRequested', 'matchingRequested')).toBe(true);
  });

  it('refuses skipped steps and explains what comes first', () => {
    expect(canMove('submitted', 'evaluated')).toBe(false);
    expect(moveProblem('submitted', 'evaluated')).toBe(
      '지금은 ‘신청’ 상태입니다. 먼저 접수한 뒤에 평가할 수 있습니다.',
    );
    expect(moveProblem('received', 'matchingRequested')).toContain('평가를 마친 뒤에 매칭을 의뢰할 수 있습니다');
    expect(moveProblem('evaluated', 'rejected')).toContain('평가를 마친 신청은 반려할 수 없습니다');
    expect(moveProblem('rejected', 'received')).toBe('반려한 신청입니다. 신청인이 다시 신청해야 합니다.');
    expect(moveProblem('matched', 'matchingRequested')).toContain('이미 매칭이 끝난 신청입니다');
  });

  it('counts only unfinished applications as open', () => {
    expect(APPLICATION_STATUSES.filter(isOpen)).toEqual(['submitted', 'received', 'evaluated', 'matchingRequested']);
  });

  it('property: any sequence of attempted steps keeps the history consistent with the rule', () => {
    const base: ServiceApplicationItem = {
      applicationId: 'SA-20270101-AAAAAA',
      applicantId: 'worker01',
      applicantName: '서준우',
      branchId: 'BR-SEOUL',
      status: 'submitted',
      revision: 1,
      submittedAt: '2026-12-01T00:00:00.000Z',
      updatedAt: '2026-12-01T00:00:00.000Z',
      workplace: { companyName: 'a', businessNumber: 'b', employerName: 'c', address: 'd', sidoCode: '11', phone: 'e' },
      job: { title: 't', duties: 'd', employmentType: 'regular', workStart: '09:00', workEnd: '18:00' },
      disability: { type: 'physical', severity: 'severe' },
      support: { types: ['T1'], details: 'x' },
      requested: { hoursPerDay: 4, daysPerWeek: 5, startDate: '2027-01-01', endDate: '2027-12-31' },
      signature: { name: '서준우', consentedAt: '2026-12-01T00:00:00.000Z', contentHash: 'h', method: 'm' },
      history: [{ status: 'submitted', at: '2026-12-01T00:00:00.000Z', by: 'worker01' }],
    };
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...APPLICATION_STATUSES), { maxLength: 12 }), (attempts) => {
        let item = base;
        for (const [i, to] of attempts.entries()) {
          const before = item;
          try {
            item = nextVersion(item, to, { by: 'branch', at: `2026-12-02T00:00:${String(i).padStart(2, '0')}.000Z` });
            expect(canMove(before.status, to)).toBe(true);
          } catch {
            expect(canMove(before.status, to)).toBe(false);
            expect(item).toBe(before);
          }
        }
        // the history lists every accepted step, the revision counts them, each step was allowed
        expect(item.history.length).toBe(item.revision);
        expect(item.history[item.history.length - 1]!.status).toBe(item.status);
        for (let k = 1; k < item.history.length; k++) {
          expect(
            canMove(item.history[k - 1]!.status as ApplicationStatus, item.history[k]!.status as ApplicationStatus),
          ).toBe(true);
        }
      }),
    );
  });
});

describe('hour limits: 8 hours a day, 40 a week (SPEC §4.5)', () => {
  it('accepts the limits themselves', () => {
    expect(hoursProblems({ hoursPerDay: 8, daysPerWeek: 5 }, '결정')).toEqual([]);
    expect(evaluationProblems(evaluation)).toEqual([]);
  });

  it('refuses more than 8 hours a day, naming the hours', () => {
    expect(hoursProblems({ hoursPerDay: 8.5, daysPerWeek: 4 }, '결정')).toEqual([
      { field: 'hoursPerDay', message: '하루 결정 시간은 8시간을 넘을 수 없습니다. 지금 8.5시간입니다.' },
    ]);
  });

  it('refuses more than 40 hours a week, with the arithmetic', () => {
    expect(hoursProblems({ hoursPerDay: 7, daysPerWeek: 6 }, '신청')).toEqual([
      {
        field: 'daysPerWeek',
        message: '주 신청 시간(하루 7시간 × 6일 = 42시간)이 주 40시간을 넘습니다. 하루 시간이나 주 일수를 줄여 주세요.',
      },
    ]);
  });

  it('follows the limits of the yearly rate table when hq changes them', () => {
    const limits = { dailyHours: 6, weeklyHours: 30 };
    expect(hoursProblems({ hoursPerDay: 6, daysPerWeek: 5 }, '결정', limits)).toEqual([]);
    expect(hoursProblems({ hoursPerDay: 7, daysPerWeek: 4 }, '결정', limits)[0]!.message).toBe(
      '하루 결정 시간은 6시간을 넘을 수 없습니다. 지금 7시간입니다.',
    );
    expect(
      evaluationProblems({ ...evaluation, hoursPerDay: 6, daysPerWeek: 6, monthlyHours: 100 }, limits)[0]!.message,
    ).toContain('주 30시간을 넘습니다');
  });

  it('asks for half-hour steps and 1–7 days', () => {
    expect(hoursProblems({ hoursPerDay: 4.25, daysPerWeek: 5 }, '결정')[0]!.field).toBe('hoursPerDay');
    expect(hoursProblems({ hoursPerDay: 0, daysPerWeek: 5 }, '결정')[0]!.field).toBe('hoursPerDay');
    expect(hoursProblems({ hoursPerDay: 4, daysPerWeek: 0 }, '결정')[0]!.field).toBe('daysPerWeek');
    expect(hoursProblems({ hoursPerDay: 4, daysPerWeek: 2.5 }, '결정')[0]!.field).toBe('daysPerWeek');
  });

  it('caps the month at the weekly hours of an average month (365 ÷ 12 ÷ 7 weeks)', () => {
    expect(monthlyCap(40)).toBe(173);
    expect(monthlyCap(20)).toBe(86);
    expect(monthlyCap(0)).toBe(0);
    expect(evaluationProblems({ ...evaluation, monthlyHours: 174 })).toEqual([
      {
        field: 'monthlyHours',
        message:
          '월 결정 시간 174시간은 주 40시간으로 한 달(평균 4.35주)에 지원할 수 있는 173시간을 넘습니다. 173시간 이하로 입력해 주세요.',
      },
    ]);
    expect(evaluationProblems({ ...evaluation, hoursPerDay: 4, monthlyHours: 87 })[0]!.message).toContain('86시간');
    expect(evaluationProblems({ ...evaluation, monthlyHours: 0 })[0]!.field).toBe('monthlyHours');
  });

  it('property: every accepted decision stays within 8 h a day, 40 h a week and the average month', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 24 }).map((halfHours) => halfHours / 2),
        fc.integer({ min: 0, max: 8 }),
        fc.integer({ min: -5, max: 250 }),
        (hoursPerDay, daysPerWeek, monthlyHours) => {
          const problems = evaluationProblems({ ...evaluation, hoursPerDay, daysPerWeek, monthlyHours });
          if (problems.length === 0) {
            expect(hoursPerDay).toBeGreaterThan(0);
            expect(hoursPerDay).toBeLessThanOrEqual(8);
            expect(hoursPerDay * daysPerWeek).toBeLessThanOrEqual(40);
            expect(monthlyHours).toBeLessThanOrEqual((hoursPerDay * daysPerWeek * 365) / 84);
            expect(monthlyHours).toBeGreaterThanOrEqual(1);
          } else {
            for (const p of problems) expect(p.message).toMatch(/[가-힣]/);
          }
        },
      ),
    );
  });

  it('checks the support period: real dates, in order, at most a year', () => {
    expect(periodProblems({ startDate: '2027-01-01', endDate: '2027-12-31' })).toEqual([]);
    expect(periodProblems({ startDate: '2027-02-30', endDate: '2027-12-31' })[0]!.field).toBe('startDate');
    expect(periodProblems({ startDate: '2027-03-01', endDate: '2027-02-01' })[0]!.message).toContain(
      '시작일보다 빠릅니다',
    );
    expect(periodProblems({ startDate: '2027-01-01', endDate: '2028-01-01' })[0]!.message).toContain(
      '1년을 넘을 수 없습니다',
    );
  });
});

describe('workplace and signature', () => {
  it('checks the 사업자등록번호 check digit', () => {
    expect(businessNumberProblem('220-81-62517')).toBeUndefined();
    expect(businessNumberProblem('2208162517')).toBeUndefined();
    expect(businessNumberProblem('220-81-62518')).toContain('올바르지 않습니다');
    expect(businessNumberProblem('12345')).toContain('숫자 10자리');
    expect(formatBusinessNumber('2208162517')).toBe('220-81-62517');
  });

  it('signs by typing the registered name', () => {
    expect(signatureProblem('서 준우', '서준우')).toBeUndefined();
    expect(signatureProblem('', '서준우')).toBe('서명란에 본인 이름을 입력해 주세요.');
    expect(signatureProblem('김철수', '서준우')).toContain('회원 정보에 등록된 이름(서준우)');
  });

  it('hashes the signed content independently of key order', () => {
    const a = { b: 1, a: { d: [1, 2], c: '가' } };
    const b = { a: { c: '가', d: [1, 2] }, b: 1 };
    expect(canonicalJson(a)).toBe('{"a":{"c":"가","d":[1,2]},"b":1}');
    expect(contentHash(a)).toBe(contentHash(b));
    expect(contentHash(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(contentHash({ ...a, b: 2 })).not.toBe(contentHash(a));
  });
});
