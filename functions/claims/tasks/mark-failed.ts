import { markFailed } from '../claim-repository.ts';

/**
 * A step failed after its retries (the Catch of every task): the claim shows 'failed' with the error,
 * and POST /claims/{id}/resume starts a new execution from the stored claim.
 */
export async function handler(event: { claimId: string; error?: { Error?: string; Cause?: string } }) {
  const error = event.error?.Error ?? 'Unknown';
  let cause = event.error?.Cause ?? '';
  // Lambda failures arrive as {"errorType","errorMessage"}; keep the message, which is what a person reads
  try {
    cause = (JSON.parse(cause) as { errorMessage?: string }).errorMessage ?? cause;
  } catch {
    // not JSON: keep the text as it is
  }
  await markFailed(event.claimId, { error, cause: cause.slice(0, 1000) });
  return { claimId: event.claimId, status: 'failed', error };
}
