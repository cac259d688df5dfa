import { finalizeClaim, getClaim, listLines } from '../claim-repository.ts';
import { recordCopayments } from '../copay-repository.ts';

/**
 * Last step: the approved claim no longer waits for anyone, and each worker's co-payment of the month
 * is written from it (SPEC C7). Idempotent: a retry changes nothing and writes no co-payment twice.
 */
export async function handler(event: { claimId: string }) {
  await finalizeClaim(event.claimId);
  const claim = await getClaim(event.claimId);
  if (claim?.status !== 'approved') return { claimId: event.claimId, copayments: 0 };
  const lines = await listLines(claim.claimId, claim.computeRevision);
  const copayments = await recordCopayments(
    claim,
    lines.filter((line) => line.kind === 'worker'),
  );
  return { claimId: event.claimId, status: 'approved', copayments };
}
