import { describe, expect, it } from 'vitest';
import { leaveLedger } from '#functions/leave/ledger';
import {
  assistantOfNoticeId,
  dateListProblems,
  type IssuedNotice,
  issueRefusal,
  noticeIdOf,
  planNotices,
  usePeriods,
} from '#functions/leave/notices';
import { proposePromotionNotices } from '#functions/leave/promotion';
import type { LeaveProfile } from '#functions/leave/rules';

// Worked examples of what the agency can do with the promotion notices (§61) on a given day.

const fullTime: LeaveProfile = { hireDate: '2024-01-01', weeklyContractMinutes: 2400 };

describe('notice ids', () => {
  it('name the assistant, the period end, the round and the batch, and give the assistant back', () => {
    const id = noticeIdOf('AS-DEMO-01', '2026-12-31', 2, 'later');
    expect(id).toBe('LN-AS-DEMO-01-20261231-2L');
    expect(assistantOfNoticeId(id)).toBe('AS-DEMO-01');
    expect(assistantOfNoticeId(noticeIdOf('AS-X', '2026-12-31', 1, 'main'))).toBe('AS-X');
    expect(assistantOfNoticeId('LN-none')).toBeUndefined();
    expect(assistantOfNoticeId('AS-DEMO-01-20261231-1')).toBeUndefined();
  });
});

describe('use periods', () => {
  it('has one period per end of the running annual grants, with what is unused', () => {
    // hired 2024-01-01: 15 days on 2025-01-01 (until 2025-12-31) and on 2026-01-01 (until 2026-12-31)
    const ledger = leaveLedger(fullTime, [{ date: '2026-03-02', type: 'annualLeave', days: 1 }], {
      asOf: '2026-07-01',
    });
    const periods = usePeriods(ledger, '2026-07-01');
    expect(periods).toEqual([{ kind: 'annual', periodEnd: '2026-12-31', unusedMinutes: { main: 14 * 480, later: 0 } }]);
  });

  it('splits first-year leave into the leave before the 1st notice and the leave after it', () => {
    const profile: LeaveProfile = { hireDate: '2026-01-01', weeklyContractMinutes: 2400 };
    const ledger = leaveLedger(profile, [], { asOf: '2026-12-20' });
    const [period] = usePeriods(ledger, '2026-12-20');
    expect(period!.kind).toBe('firstYear');
    expect(period!.periodEnd).toBe('2026-12-31');
    // monthly grants on 2–1 … 10–1 are covered by the main batch (1st notice on 10–1), 11–1 and 12–1 later
    expect(period!.unusedMinutes).toEqual({ main: 9 * 480, later: 2 * 480 });
  });

  it('leaves out periods that have ended', () => {
    const ledger = leaveLedger(fullTime, [], { asOf: '2026-01-01' });
    expect(usePeriods(ledger, '2026-01-01').map((p) => p.periodEnd)).toEqual(['2026-12-31']);
  });
});

describe('which notice can be issued', () => {
  const period = { kind: 'annual' as const, periodEnd: '2026-12-31', unusedMinutes: { main: 4800, later: 0 } };
  const plan = (today: string, issued: IssuedNotice[] = []) => planNotices('AS-1', [period], issued, today)[0]!.notices;
  const issued = (round: number, at: string, status: 'issued' | 'answered' = 'issued'): IssuedNotice => ({
    noticeId: noticeIdOf('AS-1', '2026-12-31', round, 'main'),
    round,
    batch: 'main',
    issuedAt: `${at}T01:00:00.000Z`,
    status,
  });

  it('proposes three rounds: the statutory two and the agency’s reminder', () => {
    const notices = plan('2026-06-01');
    expect(notices.map((n) => [n.round, n.action, n.proposedDate, n.issueBy])).toEqual([
      [1, 'request', '2026-07-01', '2026-07-10'],
      [2, 'designation', '2026-07-12', '2026-10-31'],
      [3, 'reminder', '2026-11-01', '2026-12-31'],
    ]);
  });

  it('refuses before the window, allows in it, and allows late (marked) until the period ends', () => {
    expect(plan('2026-06-30')[0]).toMatchObject({
      canIssue: false,
      blockedReason: '1차 사용촉진은(는) 2026-07-01부터 발행할 수 있습니다.',
    });
    expect(plan('2026-07-01')[0]).toMatchObject({ canIssue: true, late: false });
    expect(plan('2026-09-01')[0]).toMatchObject({ canIssue: true, late: true });
  });

  it('takes the rounds in order: the 2nd after the 1st is answered or its 10 days are over', () => {
    expect(plan('2026-07-20')[1]!.blockedReason).toBe('1차 사용촉진을 먼저 발행해 주세요.');
    expect(plan('2026-07-05', [issued(1, '2026-07-02')])[1]!.canIssue).toBe(false);
    expect(plan('2026-07-12', [issued(1, '2026-07-02')])[1]!.blockedReason).toContain('2026-07-12');
    expect(plan('2026-07-13', [issued(1, '2026-07-02')])[1]!.canIssue).toBe(true);
    expect(plan('2026-07-13', [issued(1, '2026-07-02', 'answered')])[1]!.canIssue).toBe(true);
    expect(plan('2026-11-02', [issued(1, '2026-07-02')])[2]!.blockedReason).toBe('2차 사용촉진을 먼저 발행해 주세요.');
    expect(plan('2026-11-02', [issued(1, '2026-07-02'), issued(2, '2026-07-20')])[2]!.canIssue).toBe(true);
  });

  it('never issues the same notice twice, nor after the period, nor with nothing left', () => {
    expect(plan('2026-07-03', [issued(1, '2026-07-02')])[0]!.blockedReason).toBe(
      '1차 사용촉진은(는) 2026-07-02에 이미 발행했습니다.',
    );
    const [request] = proposePromotionNotices({ periodEnd: '2026-12-31', kind: 'annual' });
    const base = { proposal: request!, issued: undefined, previous: undefined, periodEnd: '2026-12-31' };
    expect(issueRefusal({ ...base, unusedMinutes: 60, today: '2027-01-01' })).toContain(
      '사용기간(2026-12-31까지)이 끝나',
    );
    expect(issueRefusal({ ...base, unusedMinutes: 0, today: '2026-07-01' })).toContain('남은 연차가 없어');
    expect(issueRefusal({ ...base, unusedMinutes: 60, today: '2026-07-01' })).toBeUndefined();
  });
});

describe('dates set or chosen in a notice', () => {
  it('asks for at least one real date within the period, each once', () => {
    expect(dateListProblems([], '2026-07-01', '2026-12-31', 'body.dates', '사용할 날짜')[0]!.message).toBe(
      '사용할 날짜을(를) 하루 이상 골라 주세요.',
    );
    const problems = dateListProblems(
      ['2026-02-30', '2026-06-30', '2027-01-01', '2026-08-03', '2026-08-03'],
      '2026-07-01',
      '2026-12-31',
      'body.dates',
      '사용할 날짜',
    );
    expect(problems.map((p) => p.field)).toEqual(['body.dates.0', 'body.dates.1', 'body.dates.2', 'body.dates.4']);
    expect(problems[1]!.message).toContain('2026-07-01부터 연차 사용기간 마지막 날(2026-12-31) 사이');
    expect(problems[3]!.message).toContain('겹칩니다');
    expect(dateListProblems(['2026-08-03'], '2026-07-01', '2026-12-31', 'body.dates', '사용할 날짜')).toEqual([]);
  });
});
