// Leave-promotion notices (근로기준법 §61, issue 9 §2): the proposed dates, checked against the Ministry
// of Employment and Labor's published example for a use period ending 31 December.

import { describe, expect, it } from 'vitest';
import { ValidationFailed } from '#commons/errors';
import { type PromotionNotice, proposePromotionNotices } from '#functions/leave/promotion';

const dates = (notices: PromotionNotice[]) =>
  notices.map(
    (n) =>
      `${n.round}${n.batch === 'later' ? '+' : ''} ${n.issueFrom}~${n.issueBy}${n.replyBy ? ` reply ${n.replyBy}` : ''}`,
  );

describe('proposePromotionNotices', () => {
  it('§61(1): request 1–10 July, designation by 31 October for a year ending 31 December', () => {
    const notices = proposePromotionNotices({ periodEnd: '2026-12-31', kind: 'annual' });
    expect(dates(notices)).toEqual(['1 2026-07-01~2026-07-10 reply 2026-07-11', '2 2026-07-12~2026-10-31']);
    expect(notices[0]).toMatchObject({
      action: 'request',
      proposedDate: '2026-07-01',
      statute: '근로기준법 제61조제1항제1호',
      label: '1차 사용촉진: 남은 연차 일수 알림 및 사용 시기 지정 요청',
    });
    expect(notices[1]).toMatchObject({ action: 'designation', statute: '근로기준법 제61조제1항제2호' });
  });

  it('§61(1): counts from the day after the end of a hire-date period (ending 2027-03-01)', () => {
    const notices = proposePromotionNotices({ periodEnd: '2027-03-01', kind: 'annual' });
    expect(dates(notices)).toEqual(['1 2026-09-02~2026-09-11 reply 2026-09-12', '2 2026-09-13~2027-01-01']);
  });

  it('§61(2): first-year leave, 9 days from 1 October and the last 2 days from 1 December', () => {
    const notices = proposePromotionNotices({ periodEnd: '2026-12-31', kind: 'firstYear' });
    expect(dates(notices)).toEqual([
      '1 2026-10-01~2026-10-10 reply 2026-10-11',
      '2 2026-10-12~2026-11-30',
      '1+ 2026-12-01~2026-12-05 reply 2026-12-11',
      '2+ 2026-12-12~2026-12-21',
    ]);
    expect(notices[0]!.coversAccrualsThrough).toBe('2026-10-01');
    expect(notices[2]!.statute).toBe('근로기준법 제61조제2항제1호 단서');
    expect(notices[3]!.label).toBe('2차 사용촉진: 사용 시기 지정 통보 (1차 촉진 뒤 발생한 연차)');
  });

  it('§61(2): for hire 2025-03-02 the first batch covers the 9 days accrued by 2025-12-02', () => {
    const notices = proposePromotionNotices({ periodEnd: '2026-03-01', kind: 'firstYear' });
    expect(dates(notices)).toEqual([
      '1 2025-12-02~2025-12-11 reply 2025-12-12',
      '2 2025-12-13~2026-02-01',
      '1+ 2026-02-02~2026-02-06 reply 2026-02-12',
      '2+ 2026-02-13~2026-02-19',
    ]);
    expect(notices[0]!.coversAccrualsThrough).toBe('2025-12-02');
  });

  it('clamps a month that is too short (31 August − 6 months is the last day of February)', () => {
    const notices = proposePromotionNotices({ periodEnd: '2027-08-30', kind: 'annual' });
    expect(notices[0]!.issueFrom).toBe('2027-02-28');
  });

  it('issues only the rounds configured; round 3 is a reminder after the statutory steps', () => {
    expect(
      proposePromotionNotices({ periodEnd: '2026-12-31', kind: 'annual', rounds: 1 }).map((n) => n.action),
    ).toEqual(['request']);
    const three = proposePromotionNotices({ periodEnd: '2026-12-31', kind: 'annual', rounds: 3 });
    expect(dates(three)).toEqual([
      '1 2026-07-01~2026-07-10 reply 2026-07-11',
      '2 2026-07-12~2026-10-31',
      '3 2026-11-01~2026-12-31',
    ]);
    expect(three[2]!.label).toContain('법정 절차 아님');
    const firstYear = proposePromotionNotices({ periodEnd: '2026-12-31', kind: 'firstYear', rounds: 3 });
    expect(firstYear.at(-1)).toMatchObject({ round: 3, issueFrom: '2026-12-22', issueBy: '2026-12-31' });
  });

  it('refuses a bad period end, kind or round count in Korean', () => {
    try {
      proposePromotionNotices({ periodEnd: '2026-02-30', kind: 'monthly' as 'annual', rounds: 4 as 3 });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationFailed);
      expect((error as ValidationFailed).fields.map((f) => `${f.field}: ${f.message}`)).toEqual([
        'periodEnd: 연차 사용기간 종료일을 YYYY-MM-DD 형식의 실제 날짜로 넣어 주세요.',
        'kind: 촉진 대상을 1년 이상 연차(annual) 또는 1년 미만 연차(firstYear) 중에서 골라 주세요.',
        'rounds: 촉진 차수는 1차, 2차, 3차 중에서 골라 주세요.',
      ]);
    }
  });
});
