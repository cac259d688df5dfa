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
  },
];
