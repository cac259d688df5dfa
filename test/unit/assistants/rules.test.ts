import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkResult,
  DISQUALIFICATION_CODES,
  DISQUALIFICATIONS,
  foundLabels,
  SELF_DECLARATION_STATEMENT,
} from '#functions/assistants/disqualifications';
import {
  ASSISTANT_STATUSES,
  type AssistantStatus,
  activityApplicationProblems,
  canBeMatched,
  careerMonths,
  fitsHours,
  insuranceProblems,
  isPostingOpen,
  missingInsurances,
  personFromRrn,
  postingProblems,
  STATUS_TRANSITIONS,
  type TransitionContext,
  transitionProblem,
} from '#functions/assistants/rules';
import { matchesCompletion } from '#functions/assistants/workforce';

const ctx: TransitionContext = {
  hireDate: '2026-01-02',
  lastChangedOn: '2026-01-02',
  activeMatchings: 0,
  qualification: 'clear',
};

describe('assistant status 대기/활동/휴직/퇴사 (B2)', () => {
  it('allows exactly the moves of the table', () => {
    const allowed = ASSISTANT_STATUSES.flatMap((from) =>
      ASSISTANT_STATUSES.filter((to) => transitionProblem(from, to, '2026-06-01', ctx) === undefined).map(
        (to) => `${from}→${to}`,
      ),
    );
    expect(allowed).toEqual([
      'waiting→active',
      'waiting→left',
      'active→waiting',
      'active→onLeave',
      'active→left',
      'onLeave→waiting',
      'onLeave→active',
      'onLeave→left',
    ]);
  });

  it('explains a move that is not allowed', () => {
    expect(transitionProblem('waiting', 'onLeave', '2026-06-01', ctx)).toBe(
      '‘대기’에서 ‘휴직’(으)로는 바꿀 수 없습니다. ‘대기’에서는 ‘활동’, ‘퇴사’(으)로만 바꿀 수 있습니다.',
    );
    expect(transitionProblem('left', 'active', '2026-06-01', ctx)).toBe(
      '퇴사한 근로지원인은 상태를 바꿀 수 없습니다. 다시 일하게 되면 새로 등록해 주세요.',
    );
    expect(transitionProblem('active', 'active', '2026-06-01', ctx)).toBe('이미 ‘활동’ 상태입니다.');
  });

  it('needs a clear qualification check to become active', () => {
    expect(transitionProblem('waiting', 'active', '2026-06-01', { ...ctx, qualification: 'unchecked' })).toContain(
      '자격제한 조회 기록이 없어',
    );
    expect(transitionProblem('waiting', 'active', '2026-06-01', { ...ctx, qualification: 'disqualified' })).toContain(
      '결격사유가 확인되어',
    );
  });

  it('keeps a matched assistant from leaving, taking leave or waiting', () => {
    for (const to of ['left', 'onLeave', 'waiting'] as const) {
      expect(transitionProblem('active', to, '2026-06-01', { ...ctx, activeMatchings: 2 })).toContain(
        '진행 중인 매칭이 2건 있어',
      );
    }
  });

  it('checks the date against the hire date and the last change', () => {
    expect(transitionProblem('waiting', 'left', '2025-12-31', ctx)).toContain('입사일(2026-01-02)보다 빠릅니다');
    expect(transitionProblem('active', 'onLeave', '2026-03-01', { ...ctx, lastChangedOn: '2026-04-01' })).toContain(
      '마지막 상태 변경일(2026-04-01)보다 빠릅니다',
    );
    expect(transitionProblem('waiting', 'left', '2026-13-01', ctx)).toContain('적용일을');
  });

  it('lets only 대기 and 활동 be matched', () => {
    expect(ASSISTANT_STATUSES.filter(canBeMatched)).toEqual(['waiting', 'active']);
  });

  it('property: a history built from any attempts only takes allowed steps, and 퇴사 is final', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            to: fc.constantFrom(...ASSISTANT_STATUSES),
            matchings: fc.integer({ min: 0, max: 2 }),
            qualification: fc.constantFrom('unchecked', 'clear', 'disqualified') as fc.Arbitrary<
              TransitionContext['qualification']
            >,
            gap: fc.integer({ min: -3, max: 30 }),
          }),
          { maxLength: 20 },
        ),
        (attempts) => {
          let status: AssistantStatus = 'waiting';
          let last = '2026-01-02';
          const history: AssistantStatus[] = [status];
          for (const attempt of attempts) {
            const on = new Date(Date.parse(`${last}T00:00:00Z`) + attempt.gap * 86_400_000).toISOString().slice(0, 10);
            const problem = transitionProblem(status, attempt.to, on, {
              hireDate: '2026-01-02',
              lastChangedOn: last,
              activeMatchings: attempt.matchings,
              qualification: attempt.qualification,
            });
            if (problem === undefined) {
              expect(STATUS_TRANSITIONS[status]).toContain(attempt.to);
              if (attempt.to === 'active') expect(attempt.qualification).toBe('clear');
              else expect(attempt.matchings).toBe(0);
              expect(on >= last).toBe(true);
              status = attempt.to;
              last = on;
              history.push(status);
            } else {
              expect(problem).toMatch(/[가-힣]/);
            }
          }
          const leftAt = history.indexOf('left');
          if (leftAt >= 0) expect(leftAt).toBe(history.length - 1);
        },
      ),
    );
  });
});

describe('four social insurances', () => {
  it('accepts acquisition on the hire date and a later loss', () => {
    expect(
      insuranceProblems(
        { pension: { enrolledOn: '2026-01-02' }, health: { enrolledOn: '2026-01-02', lostOn: '2026-07-01' } },
        '2026-01-02',
      ),
    ).toEqual([]);
  });

  it('names the insurance and the date that is wrong', () => {
    expect(insuranceProblems({ employment: { enrolledOn: '2025-12-01' } }, '2026-01-02')).toEqual([
      {
        field: 'employment.enrolledOn',
        message: '고용보험 취득일(2025-12-01)이 입사일(2026-01-02)보다 빠를 수 없습니다.',
      },
    ]);
    expect(
      insuranceProblems({ industrialAccident: { enrolledOn: '2026-02-01', lostOn: '2026-01-31' } }, '2026-01-02'),
    ).toEqual([{ field: 'industrialAccident.lostOn', message: '산재보험 상실일은 취득일보다 뒤의 날짜여야 합니다.' }]);
    expect(insuranceProblems({ pension: { lostOn: '2026-03-01' } }, '2026-01-02')[0]!.message).toContain(
      '취득일도 입력해 주세요',
    );
  });

  it('lists the insurances not held', () => {
    expect(
      missingInsurances({
        pension: { enrolledOn: '2026-01-02' },
        health: { enrolledOn: '2026-01-02', lostOn: '2026-02-01' },
      }),
    ).toEqual(['건강보험', '고용보험', '산재보험']);
  });
});

describe('statutory disqualifications (장애인활동법 제29조 1~5호)', () => {
  it('lists the five items of seed 000 and the statement', () => {
    expect(DISQUALIFICATIONS).toHaveLength(5);
    expect(DISQUALIFICATIONS.map((d) => d.label).join(' ')).toContain('피성년후견인·피한정후견인');
    expect(SELF_DECLARATION_STATEMENT).toBe(
      '나는 「장애인활동 지원에 관한 법률」 제29조제1호부터 제5호에 해당하지 않는다.',
    );
  });

  it('disqualifies on any item found', () => {
    const clear = Object.fromEntries(DISQUALIFICATION_CODES.map((c) => [c, 'clear'])) as Record<
      (typeof DISQUALIFICATION_CODES)[number],
      'clear' | 'found'
    >;
    expect(checkResult(clear)).toBe('clear');
    for (const code of DISQUALIFICATION_CODES) {
      expect(checkResult({ ...clear, [code]: 'found' })).toBe('disqualified');
    }
    expect(foundLabels({ ...clear, drugAddiction: 'found' })).toEqual(['마약·대마 또는 향정신성의약품 중독자']);
  });
});

describe('activity application fields', () => {
  const ok = {
    desired: { start: '09:00', end: '18:00' },
    break: { start: '12:00', end: '13:00' },
    careers: [],
    today: '2026-11-22',
  };

  it('accepts hours with a break inside them', () => {
    expect(activityApplicationProblems(ok)).toEqual([]);
  });

  it('refuses a break outside the hours and backwards times', () => {
    expect(activityApplicationProblems({ ...ok, break: { start: '18:00', end: '19:00' } })[0]!.message).toBe(
      '휴게시간은 근무희망시간(09:00~18:00) 안에 있어야 합니다.',
    );
    expect(activityApplicationProblems({ ...ok, desired: { start: '18:00', end: '09:00' } })[0]!.field).toBe(
      'desired.end',
    );
  });

  it('checks each career period and names which', () => {
    const problems = activityApplicationProblems({
      ...ok,
      careers: [
        { from: '2024-03-01', to: '2024-12-31', supportType: 'T1' },
        { from: '2025-05-01', to: '2025-04-01', supportType: 'T1' },
        { from: '2027-01-01', to: '2027-02-01', supportType: 'T1' },
      ],
    });
    expect(problems).toEqual([
      { field: 'careers.1.to', message: '활동 경력 2번째의 끝난 날이 시작한 날보다 빠릅니다.' },
      { field: 'careers.2.from', message: '활동 경력 3번째가 앞으로의 날짜입니다. 지난 경력만 적어 주세요.' },
    ]);
  });

  it('counts career months once where periods overlap', () => {
    expect(careerMonths([{ from: '2024-01-01', to: '2024-12-31' }])).toBe(12);
    expect(
      careerMonths([
        { from: '2024-01-01', to: '2024-06-30' },
        { from: '2024-04-01', to: '2024-12-31' },
      ]),
    ).toBe(12);
  });

  it('reads birth date and sex from the resident number', () => {
    expect(personFromRrn('900101-1234567')).toEqual({ birthDate: '1990-01-01', gender: 'M' });
    expect(personFromRrn('0203154123456')).toEqual({ birthDate: '2002-03-15', gender: 'F' });
  });
});

describe('job postings', () => {
  const posting = { workStart: '09:00', workEnd: '15:00', weeklyHours: 30, openings: 2, closesOn: '2026-12-31' };

  it('validates hours, openings and the closing date', () => {
    expect(postingProblems(posting, '2026-11-22')).toEqual([]);
    expect(
      postingProblems({ ...posting, weeklyHours: 41, openings: 0, closesOn: '2026-11-01' }, '2026-11-22').map(
        (p) => p.field,
      ),
    ).toEqual(['weeklyHours', 'openings', 'closesOn']);
  });

  it('fits a posting inside the hours a person can work', () => {
    expect(fitsHours(posting, '08:00', '16:00')).toBe(true);
    expect(fitsHours(posting, '10:00')).toBe(false);
    expect(fitsHours(posting, undefined, '14:00')).toBe(false);
  });

  it('is open until its closing day unless closed', () => {
    expect(isPostingOpen({ status: 'open', closesOn: '2026-11-22' }, '2026-11-22')).toBe(true);
    expect(isPostingOpen({ status: 'open', closesOn: '2026-11-21' }, '2026-11-22')).toBe(false);
    expect(isPostingOpen({ status: 'closed', closesOn: '2026-12-31' }, '2026-11-22')).toBe(false);
  });
});

describe('인력조회: 근무희망수행기관 and 교육수료일자 (seed 000)', () => {
  const row = (trainingCompletedOn: string) =>
    ({ trainingCompletedOn, wishedAgencies: '' }) as Parameters<typeof matchesCompletion>[0];

  it('keeps only people who completed within the range, and everyone when no range is given', () => {
    expect(matchesCompletion(row(''), {})).toBe(true);
    expect(matchesCompletion(row(''), { completedFrom: '2026-05-01' })).toBe(false);
    expect(matchesCompletion(row('2026-05-01'), { completedFrom: '2026-05-01', completedTo: '2026-05-01' })).toBe(true);
    expect(matchesCompletion(row('2026-04-30'), { completedFrom: '2026-05-01' })).toBe(false);
    expect(matchesCompletion(row('2026-05-02'), { completedTo: '2026-05-01' })).toBe(false);
  });
});
