import { MONTH_SOURCE } from '#kernel/korea-time';

// Co-payments (본인부담금, SPEC C7), pure: ids, balances and the payment methods the agency records.

export const PAYMENT_METHODS = ['transfer', 'cash', 'card', 'cms'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];
export const METHOD_LABELS: Record<PaymentMethod, string> = {
  transfer: '계좌이체',
  cash: '현금',
  card: '카드',
  cms: 'CMS 자동이체',
};

/** `<agencyId>_<month>_<workerId>`: one id in a URL path for the worker's month at an agency. */
export function copayIdOf(agencyId: string, month: string, workerId: string): string {
  return `${agencyId}_${month}_${workerId}`;
}

const COPAY_ID = new RegExp(`^(?<agencyId>[A-Za-z0-9-]+)_(?<month>${MONTH_SOURCE})_(?<workerId>.+)$`);

export function parseCopayId(id: string): { agencyId: string; month: string; workerId: string } | undefined {
  const match = COPAY_ID.exec(id);
  return match?.groups
    ? { agencyId: match.groups.agencyId!, month: match.groups.month!, workerId: match.groups.workerId! }
    : undefined;
}

export function paidOf(payments: readonly { amount: number }[]): number {
  return payments.reduce((sum, p) => sum + p.amount, 0);
}

/** A payment that would take the month past what is due is refused, naming the amount left. */
export function paymentRefusal(
  due: number,
  payments: readonly { amount: number }[],
  amount: number,
): string | undefined {
  const left = due - paidOf(payments);
  if (left <= 0) return '이 달의 본인부담금은 이미 모두 받았습니다.';
  if (amount > left) {
    return `받은 금액이 남은 본인부담금(${left.toLocaleString('ko-KR')}원)보다 많습니다. 금액을 확인해 주세요.`;
  }
  return undefined;
}
