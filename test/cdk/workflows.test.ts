import { Stack, Validations } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkflowDefinition } from '#functions/workflows';
import { WORKFLOWS } from '#functions/workflows';
import { Identity } from '../../lib/identity/identity.ts';
import { PiiKey } from '../../lib/security/pii-key.ts';
import { stageConfig } from '../../lib/stage.ts';
import { AccessLogs } from '../../lib/storage/access-logs.ts';
import { DocumentStore } from '../../lib/storage/buckets.ts';
import { PlatformTable } from '../../lib/storage/table.ts';
import { assertTasksMatchDefinition, Workflows } from '../../lib/workflows/workflows.ts';
import { logicalId, removeTempDirs, synthFindings, testApp } from './support.ts';

afterAll(removeTempDirs);

const DEMO: WorkflowDefinition = {
  name: 'demo',
  definitionFile: 'test/cdk/fixtures/demo.asl.json',
  // Two tasks served by one handler file: deployed once.
  tasks: { Double: 'test/cdk/fixtures/demo-task.ts', DoubleAgain: 'test/cdk/fixtures/demo-task.ts' },
};

function workflowStack(workflows: WorkflowDefinition[]) {
  const { app, outdir } = testApp();
  const stack = new Stack(app, 'WorkflowTest');
  const stage = stageConfig('dev');
  const accessLogs = new AccessLogs(stack, 'AccessLogs', { stage });
  const resources = {
    stage,
    table: new PlatformTable(stack, 'Data', { stage }),
    store: new DocumentStore(stack, 'Storage', { stage, accessLogs }),
    piiKey: new PiiKey(stack, 'PersonalData', { stage }),
    identity: new Identity(stack, 'Identity', { stage }),
  };
  // the fixture task reads nothing; declare it so (every function's grants are declared)
  const grants = Object.fromEntries(
    workflows.map((w) => [w.name, { tasks: Object.fromEntries(Object.keys(w.tasks).map((key) => [key, {}])) }]),
  );
  const construct = new Workflows(stack, 'Workflows', { resources, workflows, grants });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, outdir, stack, construct };
}

describe('the workflow construct', () => {
  let built: ReturnType<typeof workflowStack>;
  let template: Template;
  let findings: string[];
  beforeAll(() => {
    built = workflowStack([DEMO]);
    findings = synthFindings(built.app, built.outdir);
    template = Template.fromStack(built.stack);
  }, 120_000);

  it('creates the state machine from the ASL file with each task replaced by its function ARN', () => {
    template.resourceCountIs('AWS::StepFunctions::StateMachine', 1);
    const fn = logicalId(built.construct.taskFunctions.get('test/cdk/fixtures/demo-task.ts')!);
    const [machine] = Object.values(template.findResources('AWS::StepFunctions::StateMachine'));
    const properties = (machine as { Properties: Record<string, unknown> }).Properties;
    // The ASL file travels as an asset, as written; CloudFormation substitutes the ARNs at deploy time.
    expect(properties.DefinitionS3Location).toEqual({
      Bucket: expect.anything(),
      Key: expect.stringMatching(/\.json$/),
    });
    expect(properties.DefinitionSubstitutions).toEqual({
      Double: { 'Fn::GetAtt': [fn, 'Arn'] },
      DoubleAgain: { 'Fn::GetAtt': [fn, 'Arn'] },
    });
  });

  it('deploys a handler file once however many tasks use it, from the one function construct', () => {
    expect(built.construct.taskFunctions.size).toBe(1);
    template.resourcePropertiesCountIs(
      'AWS::Lambda::Function',
      { Runtime: 'nodejs22.x', Architectures: ['arm64'], TracingConfig: { Mode: 'Active' } },
      1,
    );
  });

  it('logs every transition without the execution data (personal data) and traces with X-Ray', () => {
    template.hasResourceProperties('AWS::StepFunctions::StateMachine', {
      LoggingConfiguration: { Level: 'ALL', IncludeExecutionData: false, Destinations: [Match.anyValue()] },
      TracingConfiguration: { Enabled: true },
    });
  });

  it('passes the cdk-nag checks', () => {
    expect(findings).toEqual([]);
  });
});

describe('the workflow registry', () => {
  it('refuses a workflow whose tasks declare no grants', () => {
    const { app } = testApp();
    const stack = new Stack(app, 'Undeclared');
    const stage = stageConfig('dev');
    const resources = {
      stage,
      table: new PlatformTable(stack, 'Data', { stage }),
      store: new DocumentStore(stack, 'Storage', { stage, accessLogs: new AccessLogs(stack, 'AccessLogs', { stage }) }),
      piiKey: new PiiKey(stack, 'PersonalData', { stage }),
      identity: new Identity(stack, 'Identity', { stage }),
    };
    expect(() => new Workflows(stack, 'Workflows', { resources, workflows: [DEMO], grants: {} })).toThrow(
      /Workflow "demo" declares no grants/,
    );
  });

  it('refuses a definition whose placeholders and tasks disagree', () => {
    expect(() =>
      assertTasksMatchDefinition({ ...DEMO, tasks: { Double: DEMO.tasks.Double!, Triple: DEMO.tasks.Double! } }),
    ).toThrow(/no task for the placeholder \$\{DoubleAgain\}; task "Triple" is not used/);
    expect(() => assertTasksMatchDefinition(DEMO)).not.toThrow();
  });

  it('has a definition file matching its tasks for every workflow of WORKFLOWS', () => {
    for (const workflow of WORKFLOWS) expect(() => assertTasksMatchDefinition(workflow), workflow.name).not.toThrow();
  });
});
