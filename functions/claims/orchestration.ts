import { ExecutionAlreadyExists, SendTaskSuccessCommand, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { sfnClient } from '#commons/clients';
import { setExecution } from './claim-repository.ts';
import { executionNameOf } from './claim-rules.ts';

/** The workflow's name in functions/workflows.ts; its ARN comes in CLAIM_MONTH_STATE_MACHINE_ARN. */
export const CLAIM_WORKFLOW = 'claim-month';

export interface ClaimExecutionInput {
  claimId: string;
  agencyId: string;
  month: string;
}

function stateMachineArn(): string {
  const arn = process.env.CLAIM_MONTH_STATE_MACHINE_ARN;
  if (!arn) throw new Error('CLAIM_MONTH_STATE_MACHINE_ARN is not set');
  return arn;
}

/**
 * Starts the claim's execution for its attempt. The name is the claim and attempt, so starting the
 * same attempt twice (a repeated click, a rerun schedule) starts nothing new.
 */
export async function startClaimExecution(input: ClaimExecutionInput, attempt: number): Promise<string | undefined> {
  try {
    const { executionArn } = await sfnClient().send(
      new StartExecutionCommand({
        stateMachineArn: stateMachineArn(),
        name: executionNameOf(input.claimId, attempt),
        input: JSON.stringify(input),
      }),
    );
    if (executionArn) await setExecution(input.claimId, attempt, executionArn);
    return executionArn;
  } catch (error) {
    if (error instanceof ExecutionAlreadyExists || (error as Error).name === 'ExecutionAlreadyExists') return undefined;
    throw error;
  }
}

/** Starts a settlement's execution for its attempt; the same attempt twice starts nothing new. */
export async function startSettlementExecution(item: { settlementId: string }, attempt: number): Promise<void> {
  const arn = process.env.SETTLEMENT_STATE_MACHINE_ARN;
  if (!arn) throw new Error('SETTLEMENT_STATE_MACHINE_ARN is not set');
  try {
    await sfnClient().send(
      new StartExecutionCommand({
        stateMachineArn: arn,
        name: `${item.settlementId}-${attempt}`,
        input: JSON.stringify({ settlementId: item.settlementId }),
      }),
    );
  } catch (error) {
    if (!(error instanceof ExecutionAlreadyExists) && (error as Error).name !== 'ExecutionAlreadyExists') throw error;
  }
}

export type HumanAnswer =
  | { action: 'submit' | 'recompute'; by: string }
  | { action: 'approve' | 'return'; by: string; reason?: string };

/**
 * Hands a person's answer to the waiting execution. A token that has already been answered (a repeated
 * click after a lost response) is not an error: the answer is already on its way.
 */
export async function answerTask(taskToken: string, answer: HumanAnswer): Promise<void> {
  try {
    await sfnClient().send(new SendTaskSuccessCommand({ taskToken, output: JSON.stringify(answer) }));
  } catch (error) {
    const name = (error as Error).name;
    if (name === 'TaskDoesNotExist' || name === 'TaskTimedOut' || name === 'InvalidToken') return;
    throw error;
  }
}
