import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import {
  DescribeExecutionCommand,
  type DescribeExecutionCommandOutput,
  ListExecutionsCommand,
  SendTaskFailureCommand,
  SendTaskSuccessCommand,
  SFNClient,
  StartExecutionCommand,
  StopExecutionCommand,
} from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_OUTBOX_FILE_ENV } from '#commons/outbox';
import { closeServer, listen } from '#local/api-server';
import { LocalOutbox } from '#local/outbox';
import { REPO_ROOT } from '#local/paths';
import { LocalStepFunctions, loadWorkflow, stateMachineArn, stateMachineArnVariable } from '#local/stepfunctions';
import { APPROVAL_FIXTURE } from '../fixtures/sfn/workflows.ts';

// The adapter is exercised through the product's own client (@aws-sdk/client-sfn), pointed at it by
// endpoint exactly as AWS_ENDPOINT_URL_SFN does on the local stack.

const silent = { line: () => undefined };
let dir: string;
let outbox: LocalOutbox;
let sfn: LocalStepFunctions;
let server: Server;
let client: SFNClient;
const arn = stateMachineArn(APPROVAL_FIXTURE.name);

async function startAdapter(): Promise<void> {
  sfn = new LocalStepFunctions([APPROVAL_FIXTURE], { sink: silent, dataDir: join(dir, 'sfn') });
  server = sfn.createServer();
  const port = await listen(server, 0);
  sfn.restore();
  client = new SFNClient({
    endpoint: `http://127.0.0.1:${port}`,
    region: 'ap-northeast-2',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
}

async function stopAdapter(): Promise<void> {
  sfn.close();
  client.destroy();
  await closeServer(server);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kead-sfn-'));
  outbox = new LocalOutbox(join(dir, 'outbox.jsonl'));
  process.env[LOCAL_OUTBOX_FILE_ENV] = outbox.file;
  await startAdapter();
});

afterAll(async () => {
  await stopAdapter();
  delete process.env[LOCAL_OUTBOX_FILE_ENV];
  rmSync(dir, { recursive: true, force: true });
});

async function until<T>(what: string, probe: () => Promise<T | undefined>): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** The token the approval task handed on, read from the outbox as a person (or test) would. */
const tokenFor = (requestId: string) =>
  until(
    `the approval request of ${requestId}`,
    async () => outbox.list().find((m) => m.source === 'fixture-approval' && m.text.endsWith(requestId))?.code,
  );

const finished = (executionArn: string) =>
  until<DescribeExecutionCommandOutput>(`execution ${executionArn} to finish`, async () => {
    const out = await client.send(new DescribeExecutionCommand({ executionArn }));
    return out.status === 'RUNNING' ? undefined : out;
  });

async function start(requestId: string, amount = 100): Promise<string> {
  const out = await client.send(
    new StartExecutionCommand({ stateMachineArn: arn, name: requestId, input: JSON.stringify({ requestId, amount }) }),
  );
  expect(out.startDate).toBeInstanceOf(Date);
  return out.executionArn!;
}

describe('the local Step Functions adapter', () => {
  it('runs Lambda tasks, waits at a waitForTaskToken step, and finishes on SendTaskSuccess', async () => {
    const executionArn = await start('req-1');
    const token = await tokenFor('req-1');

    const waiting = await client.send(new DescribeExecutionCommand({ executionArn }));
    expect(waiting).toMatchObject({ status: 'RUNNING', name: 'req-1', stateMachineArn: arn });

    await client.send(
      new SendTaskSuccessCommand({ taskToken: token, output: JSON.stringify({ approved: true, by: 'seoul_branch' }) }),
    );
    const done = await finished(executionArn);
    expect(done.status).toBe('SUCCEEDED');
    expect(done.stopDate).toBeInstanceOf(Date);
    expect(JSON.parse(done.output!)).toEqual({ requestId: 'req-1', approved: true, decidedBy: 'seoul_branch' });

    // a token works once: its task has ended
    await expect(client.send(new SendTaskSuccessCommand({ taskToken: token, output: '{}' }))).rejects.toMatchObject({
      name: 'TaskDoesNotExist',
    });
  });

  it('fails the execution with the error and cause given to SendTaskFailure', async () => {
    const executionArn = await start('req-2');
    const token = await tokenFor('req-2');
    await client.send(
      new SendTaskFailureCommand({ taskToken: token, error: 'Rejected', cause: '증빙 서류가 없습니다.' }),
    );
    expect(await finished(executionArn)).toMatchObject({
      status: 'FAILED',
      error: 'Rejected',
      cause: '증빙 서류가 없습니다.',
    });
  });

  it("names a Lambda task's failure by the error the handler threw", async () => {
    const done = await finished(await start('req-3', -5));
    expect(done.status).toBe('FAILED');
    expect(done.error).toBe('InvalidRequest');
    expect(JSON.parse(done.cause!)).toEqual({
      errorType: 'InvalidRequest',
      errorMessage: 'amount must not be negative (-5)',
    });
  });

  it('answers the errors the SDK knows: unknown token, unknown execution, duplicate name, non-JSON output', async () => {
    await expect(
      client.send(new SendTaskSuccessCommand({ taskToken: 'no-such-token', output: '{}' })),
    ).rejects.toMatchObject({ name: 'TaskDoesNotExist' });
    await expect(
      client.send(
        new DescribeExecutionCommand({ executionArn: `${arn.replace(':stateMachine:', ':execution:')}:nope` }),
      ),
    ).rejects.toMatchObject({ name: 'ExecutionDoesNotExist' });
    await expect(start('req-1')).rejects.toMatchObject({ name: 'ExecutionAlreadyExists' });

    const executionArn = await start('req-4');
    const token = await tokenFor('req-4');
    await expect(
      client.send(new SendTaskSuccessCommand({ taskToken: token, output: 'not json' })),
    ).rejects.toMatchObject({
      name: 'InvalidOutput',
    });
    await client.send(new StopExecutionCommand({ executionArn, error: 'Cancelled', cause: 'test' }));
    expect(await client.send(new DescribeExecutionCommand({ executionArn }))).toMatchObject({
      status: 'ABORTED',
      error: 'Cancelled',
    });
  });

  it('lists executions of a state machine by status', async () => {
    const succeeded = await client.send(new ListExecutionsCommand({ stateMachineArn: arn, statusFilter: 'SUCCEEDED' }));
    expect(succeeded.executions?.map((e) => e.name)).toEqual(['req-1']);
    const all = await client.send(new ListExecutionsCommand({ stateMachineArn: arn }));
    expect(all.executions?.map((e) => e.name).sort()).toEqual(['req-1', 'req-2', 'req-3', 'req-4']);
  });

  it('resumes an execution waiting for a token after the adapter restarts (data kept on disk)', async () => {
    const executionArn = await start('req-5');
    const token = await tokenFor('req-5');
    await stopAdapter();
    await startAdapter();

    expect(await client.send(new DescribeExecutionCommand({ executionArn }))).toMatchObject({ status: 'RUNNING' });
    await client.send(
      new SendTaskSuccessCommand({ taskToken: token, output: JSON.stringify({ approved: false, by: 'hq_admin' }) }),
    );
    const done = await finished(executionArn);
    expect(done.status).toBe('SUCCEEDED');
    expect(JSON.parse(done.output!)).toEqual({ requestId: 'req-5', approved: false, decidedBy: 'hq_admin' });
    // the approval Lambda ran once: the restart did not ask the approver a second time
    expect(outbox.list().filter((m) => m.text.endsWith('req-5'))).toHaveLength(1);
  });

  it('gives handlers the state machine ARN under a variable named after the workflow', () => {
    expect(sfn.environment()).toEqual({ [stateMachineArnVariable('fixture-approval')]: arn });
    expect(stateMachineArnVariable('fixture-approval')).toBe('FIXTURE_APPROVAL_STATE_MACHINE_ARN');
  });
});

describe('loading a workflow definition', () => {
  function definitionFile(definition: object): string {
    const file = join(dir, `def-${Math.random().toString(36).slice(2)}.asl.json`);
    writeFileSync(file, JSON.stringify(definition));
    return relative(REPO_ROOT, file);
  }

  /** the ${Key} placeholder the CDK substitutes */
  const substitution = (key: string) => `\${${key}}`;
  const task = (extra: object) => ({ StartAt: 'A', States: { A: { Type: 'Task', End: true, ...extra } } });

  it('refuses what the local runner cannot run the way AWS does, saying why', () => {
    const cases: [object, Record<string, string>, RegExp][] = [
      [task({ Resource: 'arn:aws:states:::dynamodb:putItem' }), {}, /Lambda tasks only/],
      [{ QueryLanguage: 'JSONata', ...task({ Resource: substitution('A') }) }, { A: 'x.ts' }, /JSONPath/],
      [task({ Resource: substitution('Missing') }), {}, /no entry in WORKFLOWS tasks/],
      [
        task({
          Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
          Parameters: { FunctionName: substitution('A') },
        }),
        { A: 'x.ts' },
        /never passes \$\$\.Task\.Token/,
      ],
    ];
    for (const [definition, tasks, message] of cases) {
      expect(() => loadWorkflow({ name: 'bad', definitionFile: definitionFile(definition), tasks })).toThrow(message);
    }
  });

  it('gives token waits a timeout long enough for a person, and Lambda tasks the Lambda maximum', () => {
    const machine = loadWorkflow(APPROVAL_FIXTURE);
    expect(machine.definition.States.AwaitApproval!.TimeoutSeconds).toBeGreaterThan(7 * 24 * 3600);
    expect(machine.definition.States.Prepare!.TimeoutSeconds).toBe(900);
  });
});
