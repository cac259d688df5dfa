import { attachToken } from '../claim-repository.ts';

/** Waits for the branch's decision: keeps the task token on the submitted claim (POST /claims/{id}/decision). */
export async function handler(event: { claimId: string; taskToken: string }) {
  const claim = await attachToken(event.claimId, 'branch', event.taskToken);
  return { status: claim.status };
}
