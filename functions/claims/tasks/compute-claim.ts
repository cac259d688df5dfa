import { computeAndStore } from '../compute.ts';
import type { ClaimExecutionInput } from '../orchestration.ts';

/** Step 2: collect the submitted logs, compute with the agency's rates and store the claim's lines. */
export async function handler(event: ClaimExecutionInput) {
  return computeAndStore(event.claimId);
}
