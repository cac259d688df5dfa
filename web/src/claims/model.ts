import { TYPE_LABELS as ENGINE_TYPE_LABELS, PAID_NON_SERVICE_TYPES, TYPE_SHORT_LABELS } from '#kernel/attendance-kinds';

// The claim screens' data and formatting (SPEC C5), pure so that they are unit-testable.

// The API's shapes are the contract's own (functions/claims/claim-contract.ts).
import type { Minutes, Rates } from '#functions/claims/claim-contract';

export type {
  Amounts,
  AssistantLine,
  ClaimDetail,
  ClaimSummary,
  Minutes,
  PairRow,
  Rates,
  SourceEntry,
  WorkerLine,
} from '#functions/claims/claim-contract';

import { hoursOfMinutes } from '#kernel/decimal';

/** The 근태 of a claim's entries, named from the kernel's table of attendance kinds (근무(서비스), 유급휴일). */
export const TYPE_LABELS: Record<string, string> = ENGINE_TYPE_LABELS;

export const ACTION_LABELS: Record<string, string> = {
  start: '신청 시작',
  computed: '계산 완료',
  submit: '기관 제출',
  recompute: '다시 계산 요청',
  return: '지사 반려',
  approve: '지사 승인',
  failed: '처리 실패',
  resume: '다시 시작',
};

/** Minutes as 시간 with up to two decimals, e.g. 90 → "1.5". */
export function hoursText(minutes: number): string {
  return String(hoursOfMinutes(minutes));
}

export function won(amount: number): string {
  return `${amount.toLocaleString('ko-KR')}원`;
}

/** Paid minutes other than service and 주휴 (the paid attendance kinds of the kernel's table). */
function paidOther(m: Minutes): number {
  return PAID_NON_SERVICE_TYPES.reduce((sum, t) => sum + m[t], 0);
}

/**
 * How the pay of a line came about, in words and figures (the engine's rule 8): the payable minutes
 * (each support ratio at its premium, plus 주휴 and paid leave) times the hourly wage, truncated.
 */
export function payExplanation(m: Minutes, rates: Rates): string[] {
  const ratios = Object.entries(m.byRatio).filter(([, minutes]) => minutes > 0);
  const parts = ratios.map(
    ([k, minutes]) =>
      `${k === '1' ? '단독' : `1:${k}`} ${hoursText(minutes)}시간 × 가산 ${rates.premiumByRatio[k] ?? 1}`,
  );
  const paidOtherMinutes = m.weeklyHoliday + paidOther(m);
  const paidOtherNames = ['주휴', ...PAID_NON_SERVICE_TYPES.map((t) => TYPE_SHORT_LABELS[t])].join('·');
  if (paidOtherMinutes > 0) parts.push(`${paidOtherNames} ${hoursText(paidOtherMinutes)}시간`);
  return [
    `급여 = 시간급 ${won(rates.hourlyWage)} × 인정 시간 (1원 미만 버림)`,
    `인정 시간 = ${parts.length ? parts.join(' + ') : '0시간'}`,
    '주휴: 월~일 한 주의 유급 시간이 15시간 이상이고 결근이 없으면, 그 주 유급 시간의 1/5 (최대 8시간)',
    `본인부담금: 근로자별 지원 시간 × 비율별 시간당 단가(단독 ${won(rates.copayPerHourByRatio['1'] ?? 0)}), 지원한 근로지원인에게 시간 비율로 나눔`,
    `사회보험 사업주 부담 = 급여 × 요율(국민연금 ${rates.socialInsurance.pension}, 건강 ${rates.socialInsurance.health}, 장기요양 건강보험료의 ${rates.socialInsurance.longTermCare}, 고용 ${rates.socialInsurance.employment}, 산재 ${rates.socialInsurance.industrialAccident})`,
    `운영비 = 급여 × ${rates.operatingCostRate}, 퇴직적립금 = 급여 × ${rates.severanceRate}`,
  ];
}

export function entryMinutes(entry: { start: string; end: string }): number {
  const at = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
  return at(entry.end) - at(entry.start);
}
