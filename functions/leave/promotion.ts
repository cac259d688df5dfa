// Leave-promotion notices (연차 사용촉진, 근로기준법 §61): the dates the system proposes for each notice.
// If the employer gives these notices in writing on time and the assistant still does not use the
// leave, the employer owes no pay for the unused days. Pure; the agency issues the notices.
//
// §61(1), leave of one year of service or more, for a use period ending on day E:
//   1차 (촉구): within 10 days from 6 months before the end, tell the assistant the unused days and
//        ask them to choose dates; they answer within 10 days of receiving it;
//   2차 (지정 통보): if they do not, the employer sets the dates and notifies them in writing, no later
//        than 2 months before the end.
// §61(2), first-year leave (§60(2)), the use period being the first year of service:
//   1차: within 10 days from 3 months before the end, for the days accrued so far (9 days for a
//        full-attendance year); 2차: dates set no later than 1 month before the end;
//   for the days that accrue after the 1차 notice (the last 2): 1차 within 5 days from 1 month before
//   the end, 2차 no later than 10 days before the end.
// "n months before the end" is counted from the day after the end: a year ending 31 December gives
// 1–10 July and 31 October (고용노동부 안내와 같음). A third round is not in the statute: seed 000 asks
// for "연차촉진 3차까지", so round 3 is a reminder of the set dates after the statutory steps, before the
// period ends, issued only if the agency turns it on. It changes nothing in law.

import type { FieldProblem } from '#commons/errors';
import { ValidationFailed } from '#commons/errors';
import { formatDay, isDate, monthsBefore, toDay } from './dates.ts';

export type PromotionKind = 'annual' | 'firstYear';
export type PromotionAction = 'request' | 'designation' | 'reminder';

export interface PromotionNotice {
  round: 1 | 2 | 3;
  action: PromotionAction;
  /** firstYear only: 'later' covers the leave accrued after the first round's proposed date */
  batch: 'main' | 'later';
  label: string;
  /** the day the system proposes to issue it: the first day of the window */
  proposedDate: string;
  /** the window in which it may be issued (both inclusive) */
  issueFrom: string;
  issueBy: string;
  /** request only: the assistant's answer is due by this day if the notice goes out on the proposed day */
  replyBy?: string;
  /** firstYear 'main' batch: leave accrued on or before this day is covered */
  coversAccrualsThrough?: string;
  statute: string;
}

export interface PromotionInput {
  /** the last day of the use period (the grant's validUntil) */
  periodEnd: string;
  kind: PromotionKind;
  /** rounds the agency issues: 1 (request only), 2 (the statutory two, default) or 3 (plus a reminder) */
  rounds?: 1 | 2 | 3;
}

const REPLY_DAYS = 10;

export function proposePromotionNotices(input: PromotionInput): PromotionNotice[] {
  const rounds = input.rounds ?? 2;
  const problems: FieldProblem[] = [];
  if (!isDate(input.periodEnd)) {
    problems.push({
      field: 'periodEnd',
      label: '연차 사용기간 종료일',
      message: '연차 사용기간 종료일을 YYYY-MM-DD 형식의 실제 날짜로 넣어 주세요.',
    });
  }
  if (input.kind !== 'annual' && input.kind !== 'firstYear') {
    problems.push({
      field: 'kind',
      label: '촉진 대상',
      message: '촉진 대상을 1년 이상 연차(annual) 또는 1년 미만 연차(firstYear) 중에서 골라 주세요.',
    });
  }
  if (![1, 2, 3].includes(rounds)) {
    problems.push({ field: 'rounds', label: '촉진 차수', message: '촉진 차수는 1차, 2차, 3차 중에서 골라 주세요.' });
  }
  if (problems.length > 0) throw new ValidationFailed(problems, '연차 사용촉진 설정을 확인해 주세요.');

  const end = toDay(input.periodEnd);
  const after = end + 1;
  const notices: PromotionNotice[] =
    input.kind === 'annual'
      ? [
          request(1, 'main', monthsBefore(after, 6), 10, '근로기준법 제61조제1항제1호'),
          designation('main', monthsBefore(after, 6), monthsBefore(after, 2) - 1, '근로기준법 제61조제1항제2호'),
        ]
      : [
          {
            ...request(1, 'main', monthsBefore(after, 3), 10, '근로기준법 제61조제2항제1호 본문'),
            coversAccrualsThrough: formatDay(monthsBefore(after, 3)),
          },
          designation('main', monthsBefore(after, 3), monthsBefore(after, 1) - 1, '근로기준법 제61조제2항제2호 본문'),
          request(1, 'later', monthsBefore(after, 1), 5, '근로기준법 제61조제2항제1호 단서'),
          designation('later', monthsBefore(after, 1), after - 11, '근로기준법 제61조제2항제2호 단서'),
        ];
  if (rounds >= 3) {
    const lastStatutory = Math.max(...notices.map((notice) => toDay(notice.issueBy)));
    notices.push({
      round: 3,
      action: 'reminder',
      batch: 'main',
      label: '3차 사용촉진: 지정된 사용일 재안내 (기관 자체 안내, 법정 절차 아님)',
      proposedDate: formatDay(lastStatutory + 1),
      issueFrom: formatDay(lastStatutory + 1),
      issueBy: formatDay(end),
      statute: '기관 설정 (근로기준법 제61조의 절차 외 안내)',
    });
  }
  return notices
    .filter((notice) => notice.round <= rounds)
    .sort((a, b) => (a.proposedDate < b.proposedDate ? -1 : a.proposedDate > b.proposedDate ? 1 : a.round - b.round));
}

function request(
  round: 1,
  batch: 'main' | 'later',
  from: number,
  windowDays: number,
  statute: string,
): PromotionNotice {
  const batchText = batch === 'later' ? ' (1차 촉진 뒤 발생한 연차)' : '';
  return {
    round,
    action: 'request',
    batch,
    label: `1차 사용촉진: 남은 연차 일수 알림 및 사용 시기 지정 요청${batchText}`,
    proposedDate: formatDay(from),
    issueFrom: formatDay(from),
    issueBy: formatDay(from + windowDays - 1),
    replyBy: formatDay(from + REPLY_DAYS),
    statute,
  };
}

/** Round 2 may go out once the assistant's 10 days to answer round 1 (sent on its proposed day) are over. */
function designation(batch: 'main' | 'later', requestFrom: number, by: number, statute: string): PromotionNotice {
  const from = requestFrom + REPLY_DAYS + 1;
  const batchText = batch === 'later' ? ' (1차 촉진 뒤 발생한 연차)' : '';
  return {
    round: 2,
    action: 'designation',
    batch,
    label: `2차 사용촉진: 사용 시기 지정 통보${batchText}`,
    proposedDate: formatDay(from),
    issueFrom: formatDay(from),
    issueBy: formatDay(by),
    statute,
  };
}
