import { notifyStaff } from '#commons/notify';
import type { ClaimAction } from './claim-rules.ts';
import type { ClaimItem, SettlementItem } from './entities.ts';
import { periodLabel } from './settlement-rules.ts';

// Who learns of a claim's or a settlement's step (issue 15 §7): the side that acts next, in their
// staff inbox. The links are the pages where they act (web/src/claims: AGENCY_CLAIMS_PATH, …).

const monthLabel = (month: string) => `${month.slice(0, 4)}년 ${Number(month.slice(5, 7))}월`;

/** After a claim's submit (to the branch) or decision (to the agency); other steps tell nobody. */
export async function tellClaimStep(claim: ClaimItem, action: ClaimAction, reason?: string): Promise<void> {
  const month = monthLabel(claim.month);
  if (action === 'submit') {
    await notifyStaff(
      claim.branchId,
      `[근로지원인 업무] ${claim.agencyName}이(가) ${month} 사업비를 신청했습니다. ‘사업비 신청 결정’에서 검토해 주세요.`,
      'claim-submitted',
      `/internal/claims/${claim.claimId}`,
    );
  } else if (action === 'return') {
    await notifyStaff(
      claim.agencyId,
      `[근로지원인 업무] ${month} 사업비 신청이 반려되었습니다. 사유: ${reason ?? ''} — 고친 뒤 다시 계산하여 제출해 주세요.`,
      'claim-returned',
      `/agency/claims/${claim.claimId}`,
    );
  } else if (action === 'approve') {
    await notifyStaff(
      claim.agencyId,
      `[근로지원인 업무] ${month} 사업비 신청이 승인되었습니다. 본인부담금이 확정되었습니다.`,
      'claim-approved',
      `/agency/claims/${claim.claimId}`,
    );
  }
}

/** After a settlement is filed or refiled (to the branch) or decided (to the agency). */
export async function tellSettlementStep(
  item: Pick<SettlementItem, 'agencyId' | 'agencyName' | 'branchId' | 'period'>,
  action: 'file' | 'refile' | 'approve' | 'return',
  reason?: string,
): Promise<void> {
  const period = periodLabel(item.period);
  if (action === 'file' || action === 'refile') {
    await notifyStaff(
      item.branchId,
      `[근로지원인 업무] ${item.agencyName}이(가) ${period} 사업비 정산을 ${action === 'refile' ? '다시 ' : ''}신청했습니다. ‘사업비 정산’에서 검토해 주세요.`,
      `settlement-${action === 'refile' ? 'refiled' : 'filed'}`,
      '/internal/settlements',
    );
  } else {
    await notifyStaff(
      item.agencyId,
      action === 'approve'
        ? `[근로지원인 업무] ${period} 사업비 정산이 승인되었습니다.`
        : `[근로지원인 업무] ${period} 사업비 정산이 반려되었습니다. 사유: ${reason ?? ''} — 선지급액을 고쳐 다시 제출해 주세요.`,
      `settlement-${action === 'approve' ? 'approved' : 'returned'}`,
      '/agency/settlements',
    );
  }
}
