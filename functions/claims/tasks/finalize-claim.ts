import { finalizeClaim } from '../claim-repository.ts';

/** Last step: the approved claim no longer waits for anyone. Idempotent (a retry changes nothing). */
export async function handler(event: { claimId: string }) {
  await finalizeClaim(event.claimId);
  return { claimId: event.claimId, status: 'approved' };
}
