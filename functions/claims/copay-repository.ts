import { randomUUID } from 'node:crypto';
import { writeAudited } from '#commons/audit-trail';
import type { Caller } from '#commons/caller';
import { bindEntity, isConditionFailure } from '#commons/entities';
import * as clock from '#kernel/clock';
import { copayIdOf } from './copay-rules.ts';
import { type ClaimItem, type ClaimLineItem, Copayment, type CopaymentItem } from './entities.ts';

// Co-payments are written once per worker from the approved claim (a create that leaves an existing
// item alone, so a retried final step writes nothing twice) and read by the agency's and the worker's
// partitions; a payment is appended under the revision that was read, with its audit record.

/** From the approved claim: each worker's co-payment of the month. Idempotent. */
export async function recordCopayments(claim: ClaimItem, workerLines: readonly ClaimLineItem[]): Promise<number> {
  let created = 0;
  for (const line of workerLines) {
    const result = JSON.parse(line.result) as { supportedMinutes: number; copay: number };
    await bindEntity(Copayment)
      .create({
        agencyId: claim.agencyId,
        agencyName: claim.agencyName,
        branchId: claim.branchId,
        month: claim.month,
        workerId: line.subjectId,
        workerName: line.name,
        claimId: claim.claimId,
        supportedMinutes: result.supportedMinutes,
        amount: result.copay,
        ...(line.copayExemptReason ? { exemptReason: line.copayExemptReason } : {}),
        payments: [],
        revision: 1,
        createdAt: clock.nowIso(),
      })
      .go()
      .then(
        () => {
          created += 1;
        },
        (error: Error) => {
          if (!isConditionFailure(error)) throw error;
        },
      );
  }
  return created;
}

export async function getCopayment(agencyId: string, month: string, workerId: string) {
  const { data } = await bindEntity(Copayment).get({ agencyId, month, workerId }).go({ consistent: true });
  return data ?? undefined;
}

export async function listAgencyCopayments(agencyId: string, month?: string): Promise<CopaymentItem[]> {
  const query = bindEntity(Copayment).query.byAgency(month ? { agencyId, month } : { agencyId });
  const { data } = await query.go({ pages: 'all', order: 'desc' });
  return data;
}

export async function listWorkerCopayments(workerId: string): Promise<CopaymentItem[]> {
  const { data } = await bindEntity(Copayment).query.byWorker({ workerId }).go({ pages: 'all', order: 'desc' });
  return data;
}

export interface NewPayment {
  date: string;
  amount: number;
  method: string;
}

/** Appends a payment; `canceled` when someone recorded one since `item` was read. */
export async function addPayment(caller: Caller, item: CopaymentItem, payment: NewPayment): Promise<boolean> {
  const entry = {
    paymentId: randomUUID(),
    ...payment,
    recordedBy: caller.userId,
    recordedAt: clock.nowIso(),
  };
  const result = await writeAudited(
    caller,
    {
      action: 'copayment.record',
      targetType: 'copayment',
      targetId: copayIdOf(item.agencyId, item.month, item.workerId),
      subjectId: item.workerId,
      branchId: item.branchId,
    },
    { Copayment },
    ({ Copayment: copayments }) => [
      copayments
        .patch({ agencyId: item.agencyId, month: item.month, workerId: item.workerId })
        .set({ revision: item.revision + 1 })
        .append({ payments: [entry] })
        // biome-ignore lint/suspicious/noExplicitAny: ElectroDB's where-callback attribute proxies
        .where(({ revision }: any, { eq }: any) => eq(revision, item.revision))
        .commit(),
    ],
  );
  return !result.canceled;
}
