import { attachToken } from '../claim-repository.ts';

/**
 * Waits for the agency's review: keeps the task token on the claim (status 'review', or 'returned'
 * after a branch return). The agency's submit or recompute answers it (POST /claims/{id}/submit|recompute).
 */
export async function handler(event: { claimId: string; taskToken: string }) {
  const claim = await attachToken(event.claimId, 'agency', event.taskToken);
  return { status: claim.status };
}
