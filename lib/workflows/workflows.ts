import { readFileSync } from 'node:fs';
import { Duration } from 'aws-cdk-lib';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import type { IGrantable } from 'aws-cdk-lib/aws-iam';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { DefinitionBody, LogLevel, StateMachine, StateMachineType } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { stateMachineArnVariable, type WorkflowDefinition } from '#functions/workflows';
import { WORKFLOW_GRANTS } from '../api/capability-grants.ts';
import { type FunctionGrants, mergeGrants, type WorkflowGrants } from '../constructs/function-grants.ts';
import type { PlatformResources } from '../constructs/platform-resources.ts';
import { ServiceFunction } from '../constructs/service-function.ts';
import { acknowledge, attributeToken } from '../nag.ts';
import { fromRoot } from '../paths.ts';

export interface WorkflowsProps {
  resources: PlatformResources;
  workflows: WorkflowDefinition[];
  /** what each task and schedule function may reach; WORKFLOW_GRANTS unless a test brings its own */
  grants?: Record<string, WorkflowGrants>;
}

/**
 * One Step Functions state machine per entry of WORKFLOWS, from the same ASL file the local stack runs.
 * Each task's substitution key becomes the ARN of a function built from its handler file; a handler
 * file used by several tasks or workflows is deployed once.
 */
export class Workflows extends Construct {
  readonly stateMachines = new Map<string, StateMachine>();
  readonly taskFunctions = new Map<string, ServiceFunction>();
  /** the schedule function of each workflow that has one, by workflow name */
  readonly scheduleFunctions = new Map<string, ServiceFunction>();

  constructor(scope: Construct, id: string, props: WorkflowsProps) {
    super(scope, id);
    const { resources } = props;
    const { stage } = resources;
    const declared = props.grants ?? WORKFLOW_GRANTS;
    const grantsOf = (workflow: WorkflowDefinition) => {
      const grants = declared[workflow.name];
      if (!grants) throw new Error(`Workflow "${workflow.name}" declares no grants: add it to WORKFLOW_GRANTS`);
      return grants;
    };
    // A handler file serving several tasks (of one or several workflows) is one function with their union.
    const taskGrants = new Map<string, FunctionGrants[]>();
    for (const workflow of props.workflows) {
      for (const [key, entry] of Object.entries(workflow.tasks)) {
        const grants = grantsOf(workflow).tasks[key];
        if (!grants)
          throw new Error(`Task "${key}" of workflow "${workflow.name}" declares no grants (WORKFLOW_GRANTS)`);
        taskGrants.set(entry, [...(taskGrants.get(entry) ?? []), grants]);
      }
    }

    for (const workflow of props.workflows) {
      assertTasksMatchDefinition(workflow);
      const substitutions: Record<string, string> = {};
      const functions: ServiceFunction[] = [];
      for (const [key, entry] of Object.entries(workflow.tasks)) {
        const fn = this.taskFunction(entry, workflow.name, resources, mergeGrants(taskGrants.get(entry)!));
        substitutions[key] = fn.functionArn;
        functions.push(fn);
      }

      const logGroup = new LogGroup(this, `${workflow.name}-Logs`, {
        retention: stage.logRetention,
        removalPolicy: stage.removalPolicy,
      });
      const stateMachine = new StateMachine(this, workflow.name, {
        stateMachineType: StateMachineType.STANDARD,
        definitionBody: DefinitionBody.fromFile(fromRoot(workflow.definitionFile)),
        definitionSubstitutions: substitutions,
        tracingEnabled: true,
        // Every state transition is logged, but not its input and output: they carry personal data.
        logs: { destination: logGroup, level: LogLevel.ALL, includeExecutionData: false },
        timeout: Duration.hours(1),
      });
      for (const fn of new Set(functions)) {
        fn.grantInvoke(stateMachine);
        acknowledge(
          stateMachine.role,
          `AwsSolutions-IAM5[Resource::${attributeToken(fn)}:*]`,
          'Invoking a task function includes its versions and aliases (ARN:*), the form Step Functions calls.',
        );
      }
      acknowledge(
        stateMachine.role,
        'AwsSolutions-IAM5[Resource::*]',
        'X-Ray and CloudWatch Logs delivery actions of a state machine support no resource-level permissions.',
      );
      this.stateMachines.set(workflow.name, stateMachine);
      if (workflow.schedule) {
        const grants = grantsOf(workflow).schedule;
        if (!grants)
          throw new Error(`The schedule of workflow "${workflow.name}" declares no grants (WORKFLOW_GRANTS)`);
        this.scheduleStarts(workflow, stateMachine, resources, grants);
      }
    }
  }

  /**
   * A monthly (or other cron) EventBridge rule whose Lambda starts the workflow's executions, e.g. the
   * month's claim for every agency. The function finds the ARN in <NAME>_STATE_MACHINE_ARN.
   */
  private scheduleStarts(
    workflow: WorkflowDefinition,
    stateMachine: StateMachine,
    resources: PlatformResources,
    grants: FunctionGrants,
  ): void {
    const schedule = workflow.schedule!;
    const fn = new ServiceFunction(this, `${workflow.name}-Schedule`, {
      entry: schedule.handler,
      serviceName: workflow.name,
      description: schedule.description,
      stage: resources.stage,
      timeout: Duration.minutes(5),
    }).bindGrants(grants, resources);
    this.scheduleFunctions.set(workflow.name, fn);
    fn.addEnvironment(stateMachineArnVariable(workflow.name), stateMachine.stateMachineArn);
    stateMachine.grantStartExecution(fn);
    new Rule(this, `${workflow.name}-Rule`, {
      description: schedule.description,
      schedule: Schedule.cron({ ...schedule.cron, month: '*', year: '*' }),
      targets: [new LambdaFunction(fn, { retryAttempts: 2 })],
    });
  }

  /**
   * Gives the routers of the capabilities a workflow names in `usedBy` its ARN (<NAME>_STATE_MACHINE_ARN)
   * and the rights to start executions and answer its task tokens (submit, decide).
   */
  connect(routers: ReadonlyMap<string, ServiceFunction>, workflows: WorkflowDefinition[]): void {
    for (const workflow of workflows) {
      const stateMachine = this.stateMachines.get(workflow.name)!;
      for (const capability of workflow.usedBy ?? []) {
        const fn = routers.get(capability);
        if (!fn) throw new Error(`Workflow "${workflow.name}" is used by "${capability}", which is not a capability`);
        fn.addEnvironment(stateMachineArnVariable(workflow.name), stateMachine.stateMachineArn);
        stateMachine.grantStartExecution(fn);
        stateMachine.grantTaskResponse(fn);
      }
    }
  }

  /** Lets an API function start executions of the named workflow. */
  grantStart(workflowName: string, grantee: IGrantable): void {
    const stateMachine = this.stateMachines.get(workflowName);
    if (!stateMachine) throw new Error(`No workflow named "${workflowName}" in WORKFLOWS`);
    stateMachine.grantStartExecution(grantee);
  }

  private taskFunction(
    entry: string,
    workflowName: string,
    resources: PlatformResources,
    grants: FunctionGrants,
  ): ServiceFunction {
    const existing = this.taskFunctions.get(entry);
    if (existing) return existing;
    const name = entry
      .replace(/^functions\//, '')
      .replace(/\.ts$/, '')
      .split(/[^A-Za-z0-9]+/)
      .filter(Boolean)
      .map((part) => part[0]!.toUpperCase() + part.slice(1))
      .join('');
    const fn = new ServiceFunction(this, `${name}Task`, {
      entry,
      serviceName: workflowName,
      description: `Step Functions task ${entry}`,
      stage: resources.stage,
      // Tasks compute a whole month of claims; give them room beyond an API request's budget.
      timeout: Duration.minutes(5),
      memorySize: 1024,
    }).bindGrants(grants, resources);
    this.taskFunctions.set(entry, fn);
    return fn;
  }
}

/**
 * Every `${Key}` of the definition must name a task and every task must be used: a typo would otherwise
 * deploy a state machine whose Resource is the literal text `${Key}`.
 */
export function assertTasksMatchDefinition(workflow: WorkflowDefinition): void {
  const definition = readFileSync(fromRoot(workflow.definitionFile), 'utf8');
  const placeholders = new Set([...definition.matchAll(/\$\{(\w+)\}/g)].map((match) => match[1]!));
  const tasks = new Set(Object.keys(workflow.tasks));
  const problems = [
    ...[...placeholders].filter((key) => !tasks.has(key)).map((key) => 'no task for the placeholder ${' + key + '}'),
    ...[...tasks].filter((key) => !placeholders.has(key)).map((key) => `task "${key}" is not used by the definition`),
  ];
  if (problems.length > 0) {
    throw new Error(`Workflow "${workflow.name}" (${workflow.definitionFile}): ${problems.join('; ')}`);
  }
}
