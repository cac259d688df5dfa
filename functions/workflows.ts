/**
 * Every Step Functions workflow of the product, defined once. The CDK (lib/workflows) creates one
 * state machine per entry and the local stack runs the same ASL file through aws-local-stepfunctions,
 * so both read this list.
 *
 * Definitions are JSONPath with Lambda task states only (the local runner ignores JSONata and runs
 * only Lambda tasks). Each Lambda task names its function as a substitution: `"Resource": "${Calculate}"`
 * with `tasks: { Calculate: 'functions/claims/tasks/calculate.ts' }`; the CDK substitutes the deployed
 * function's ARN, the local stack the handler exported as `handler` from that file.
 */
export interface WorkflowDefinition {
  /** kebab-case name; also the state machine's construct id */
  name: string;
  /** repository-relative path, by convention statemachines/<name>.asl.json */
  definitionFile: string;
  /** substitution key in the definition → repository-relative handler file exporting `handler` */
  tasks: Record<string, string>;
  /**
   * Capabilities (CAPABILITIES names) whose router starts executions and answers the workflow's task
   * tokens; they find its ARN in `<NAME>_STATE_MACHINE_ARN` (stateMachineArnVariable).
   */
  usedBy?: string[];
  /** A scheduled rule (EventBridge, UTC cron fields) that runs `handler`, which starts executions. */
  schedule?: { handler: string; cron: { minute: string; hour: string; day: string }; description: string };
}

/** The variable through which handlers find a workflow's ARN: claim-month → CLAIM_MONTH_STATE_MACHINE_ARN. */
export function stateMachineArnVariable(workflowName: string): string {
  return `${workflowName.replace(/[^A-Za-z0-9]+/g, '_').toUpperCase()}_STATE_MACHINE_ARN`;
}

export const WORKFLOWS: WorkflowDefinition[] = [
  {
    // one agency's monthly cost claim, from the submitted logs to the branch's decision (SPEC C5)
    name: 'claim-month',
    definitionFile: 'statemachines/claim-month.asl.json',
    tasks: {
      CheckSubmission: 'functions/claims/tasks/check-submission.ts',
      ComputeClaim: 'functions/claims/tasks/compute-claim.ts',
      AwaitAgency: 'functions/claims/tasks/await-agency.ts',
      AwaitBranch: 'functions/claims/tasks/await-branch.ts',
      FinalizeClaim: 'functions/claims/tasks/finalize-claim.ts',
      MarkFailed: 'functions/claims/tasks/mark-failed.ts',
    },
    usedBy: ['claims'],
    // 00:00 UTC on the 1st is 09:00 in Korea: the previous month's claims start for every agency
    schedule: {
      handler: 'functions/claims/tasks/start-month.ts',
      cron: { minute: '0', hour: '0', day: '1' },
      description: 'Starts the claim workflow of the previous month for every agency',
    },
  },
  {
    // an agency's half-year or year settlement against its decided claims (SPEC C6)
    name: 'settlement',
    definitionFile: 'statemachines/settlement.asl.json',
    tasks: { Settle: 'functions/claims/tasks/settlement-tasks.ts' },
    usedBy: ['claims'],
  },
];
