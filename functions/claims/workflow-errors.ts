// The errors the claim and settlement tasks throw for the Step Functions state machines
// (statemachines/*.asl.json) to catch or not retry, by name. Defined here once; a CDK test
// (test/cdk/workflow-errors.test.ts) checks that every name the ASL files catch is one of these and
// that every one of these is caught somewhere.

/** The claim (or settlement) a task was started for is gone (never retried: it will not come back). */
export class ClaimMissing extends Error {
  override name = 'ClaimMissing';
  constructor(claimId: string) {
    super(`claim ${claimId} does not exist`);
  }
}

/** The claim (or settlement) is not in a state the task can act on (never retried). */
export class ClaimStateError extends Error {
  override name = 'ClaimStateError';
}

/** The month was not submitted after the attendance comparison (C4); the claim cannot be computed yet. */
export class MonthNotSubmitted extends Error {
  override name = 'MonthNotSubmitted';
}

/** The month has no rate table yet: hq must publish one before the month can be claimed. */
export class RateTableMissing extends Error {
  override name = 'RateTableMissing';
}

/** Every workflow error name, as the state machines spell them. */
export const WORKFLOW_ERROR_NAMES = [
  'ClaimMissing',
  'ClaimStateError',
  'MonthNotSubmitted',
  'RateTableMissing',
] as const;

export type WorkflowErrorName = (typeof WORKFLOW_ERROR_NAMES)[number];
