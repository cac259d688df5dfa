import {
  attachSettlementToken,
  finalizeSettlement,
  markSettlementFailed,
  prepareSettlement,
} from '../settlement-repository.ts';

// The settlement workflow's tasks (statemachines/settlement.asl.json), one handler file whose `handler`
// dispatches on the `step` the definition passes, so the workflow deploys one small function.

type Event =
  | { step: 'prepare'; settlementId: string }
  | { step: 'await'; stage: 'agency' | 'branch'; settlementId: string; taskToken: string }
  | { step: 'finalize'; settlementId: string }
  | { step: 'failed'; settlementId: string; error?: { Error?: string; Cause?: string } };

export async function handler(event: Event) {
  switch (event.step) {
    case 'prepare':
      return prepareSettlement(event.settlementId);
    case 'await':
      await attachSettlementToken(event.settlementId, event.stage, event.taskToken);
      return { waiting: event.stage };
    case 'finalize':
      await finalizeSettlement(event.settlementId);
      return { status: 'approved' };
    case 'failed': {
      let cause = event.error?.Cause ?? '';
      try {
        cause = (JSON.parse(cause) as { errorMessage?: string }).errorMessage ?? cause;
      } catch {
        // not JSON: keep the text
      }
      await markSettlementFailed(event.settlementId, {
        error: event.error?.Error ?? 'Unknown',
        cause: cause.slice(0, 1000),
      });
      return { status: 'failed' };
    }
  }
}
