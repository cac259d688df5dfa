// 본인부담금 면제 (SPEC C7), pure: the bases a branch may record on a worker's evaluation, the months an
// exemption covers, and what is wrong with a recorded period. The claim asks "is this worker exempt in
// this month", the screens say why the amount is 0; both read these.

/** The bases of an exemption, defined once (the form, the claim and My page read these labels). */
export const COPAY_EXEMPTION_BASES = [
  { code: 'basicLivelihood', label: '국민기초생활보장 수급자' },
  { code: 'nearPoverty', label: '차상위계층' },
] as const;

export type CopayExemptionBasis = (typeof COPAY_EXEMPTION_BASES)[number]['code'];
export const COPAY_EXEMPTION_BASIS_CODES = COPAY_EXEMPTION_BASES.map((b) => b.code) as [
  CopayExemptionBasis,
  ...CopayExemptionBasis[],
];

export function exemptionBasisLabel(code: string | undefined): string {
  return COPAY_EXEMPTION_BASES.find((b) => b.code === code)?.label ?? code ?? '';
}

export interface CopayExemptionPeriod {
  basis: string;
  fromMonth: string;
  toMonth: string;
}

/** Whether the exemption covers `month` (YYYY-MM): both ends included. */
export function exemptionCovers(exemption: CopayExemptionPeriod | undefined, month: string): boolean {
  return !!exemption && exemption.fromMonth <= month && month <= exemption.toMonth;
}

/** The sentence the claim and My page show next to a 0 co-payment. */
export function exemptionReason(exemption: CopayExemptionPeriod): string {
  return `본인부담금 면제: ${exemptionBasisLabel(exemption.basis)} (${exemption.fromMonth}~${exemption.toMonth})`;
}

/**
 * What is wrong with an exemption period for an evaluation decided for `evaluation.startDate`..`endDate`:
 * the period runs forwards and lies within the decided support period.
 */
export function exemptionProblems(
  period: { fromMonth: string; toMonth: string },
  evaluation: { startDate: string; endDate: string } | undefined,
): { field: string; message: string }[] {
  if (!evaluation) {
    return [
      { field: 'basis', message: '평가가 끝난 신청에만 본인부담금 면제를 기록할 수 있습니다. 먼저 평가해 주세요.' },
    ];
  }
  if (period.toMonth < period.fromMonth) {
    return [{ field: 'toMonth', message: '면제 종료 월은 시작 월과 같거나 그 뒤여야 합니다.' }];
  }
  const first = evaluation.startDate.slice(0, 7);
  const last = evaluation.endDate.slice(0, 7);
  if (period.fromMonth < first || period.toMonth > last) {
    return [
      {
        field: period.fromMonth < first ? 'fromMonth' : 'toMonth',
        message: `면제 기간은 결정된 지원 기간(${first}~${last}) 안에서 골라 주세요.`,
      },
    ];
  }
  return [];
}
