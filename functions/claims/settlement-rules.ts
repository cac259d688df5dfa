// Settlement (정산, SPEC C6), pure: the months of a period and, per month, the advance received
// against the decided claim, with the difference the agency owes or is owed.

/** 정산 상태 as every screen names it; the entity's status enum is its keys. */
export const SETTLEMENT_STATUS_LABELS = {
  computing: '계산 중',
  submitted: '지사 결정 대기',
  returned: '반려 (기관 수정 중)',
  approved: '승인',
  failed: '처리 실패',
} as const;

export type SettlementStatus = keyof typeof SETTLEMENT_STATUS_LABELS;

export const PERIOD_SHAPE = /^\d{4}(-H[12])?$/;

/** `2026-H1` → 2026-01..06, `2026-H2` → 07..12, `2026` → the whole year. */
export function periodMonths(period: string): string[] {
  const year = period.slice(0, 4);
  const [from, to] = period.endsWith('-H1') ? [1, 6] : period.endsWith('-H2') ? [7, 12] : [1, 12];
  return Array.from({ length: to - from + 1 }, (_, i) => `${year}-${String(from + i).padStart(2, '0')}`);
}

export function periodLabel(period: string): string {
  const year = period.slice(0, 4);
  if (period.endsWith('-H1')) return `${year}년 상반기`;
  if (period.endsWith('-H2')) return `${year}년 하반기`;
  return `${year}년`;
}

export interface SettlementRow {
  month: string;
  advance: number;
  decided: number;
  /** decided − advance: positive, the agency is still owed; negative, it returns the excess */
  difference: number;
  claimStatus: string;
}

export function settlementRows(
  period: string,
  advances: readonly { month: string; amount: number }[],
  claims: readonly { month: string; status: string; total: number }[],
): { rows: SettlementRow[]; totals: { advance: number; decided: number; difference: number } } {
  const rows = periodMonths(period).map((month) => {
    const advance = advances.filter((a) => a.month === month).reduce((sum, a) => sum + a.amount, 0);
    const claim = claims.find((c) => c.month === month);
    const decided = claim?.status === 'approved' ? claim.total : 0;
    return { month, advance, decided, difference: decided - advance, claimStatus: claim?.status ?? 'none' };
  });
  const sum = (key: 'advance' | 'decided' | 'difference') => rows.reduce((total, row) => total + row[key], 0);
  return { rows, totals: { advance: sum('advance'), decided: sum('decided'), difference: sum('difference') } };
}

/** Advances may name only months of the period, once each. */
export function advancesProblem(period: string, advances: readonly { month: string }[]): string | undefined {
  const months = new Set(periodMonths(period));
  const outside = advances.find((a) => !months.has(a.month));
  if (outside) return `${outside.month}은(는) ${periodLabel(period)}에 들지 않습니다. 기간 안의 달만 입력해 주세요.`;
  const seen = new Set<string>();
  for (const a of advances) {
    if (seen.has(a.month)) return `${a.month}의 선지급액을 두 번 입력했습니다. 한 번만 입력해 주세요.`;
    seen.add(a.month);
  }
  return undefined;
}
