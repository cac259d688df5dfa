import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { StateMachine } from 'aws-local-stepfunctions';
import * as clock from '#kernel/clock';
import { importHandler, lambdaContext } from './api-server.ts';
import { LOCAL_RESOURCES } from './env.ts';
import { REPO_ROOT } from './paths.ts';
import type { LogSink } from './processes.ts';

/** Same shape as functions/workflows.ts WorkflowDefinition (kept structural so tests can pass fixtures). */
export interface WorkflowSpec {
  name: string;
  definitionFile: string;
  tasks: Record<string, string>;
}

/** Runs a Lambda task's handler with its event; the default imports the handler file in this process. */
export type TaskInvoker = (entry: string, event: unknown, functionName: string) => Promise<unknown>;

const { region, accountId } = LOCAL_RESOURCES;
const TOKEN_PLACEHOLDER = '__local_task_token__';
/** setTimeout cannot wait longer (2^31-1 ms); a human approval waits at most this long locally. */
const MAX_WAIT_SECONDS = 2_000_000;
/** A Lambda never runs longer than 15 minutes; the runner's own default (60 s) is shorter than AWS's. */
const LAMBDA_TASK_TIMEOUT_SECONDS = 900;

export function stateMachineArn(workflowName: string): string {
  return `arn:aws:states:${region}:${accountId}:stateMachine:${workflowName}`;
}

/** The variable through which handlers find a workflow's ARN: claim-calculation → CLAIM_CALCULATION_STATE_MACHINE_ARN. */
export function stateMachineArnVariable(workflowName: string): string {
  return `${workflowName.replace(/[^A-Za-z0-9]+/g, '_').toUpperCase()}_STATE_MACHINE_ARN`;
}

function localFunctionArn(workflowName: string, key: string): string {
  return `arn:aws:lambda:${region}:${accountId}:function:${workflowName}-${key}`;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type StateDef = Record<string, unknown> & { Type: string };
type Definition = { StartAt: string; States: Record<string, StateDef>; TimeoutSeconds?: number } & Record<
  string,
  unknown
>;

type TaskKind = 'lambda' | 'invoke' | 'wait';
interface TaskBinding {
  kind: TaskKind;
  entry: string;
  functionArn: string;
  topLevel: boolean;
}

interface LoadedMachine {
  spec: WorkflowSpec;
  arn: string;
  definition: Definition;
  tasks: Map<string, TaskBinding>;
  createdAt: number;
}

type ExecutionStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED';

interface ExecutionRecord {
  executionArn: string;
  stateMachineArn: string;
  name: string;
  status: ExecutionStatus;
  startDate: number;
  stopDate?: number;
  input: string;
  output?: string;
  error?: string;
  cause?: string;
  /** a top-level waitForTaskToken state the execution waits in, kept so a restart can resume there */
  waiting?: { token: string; stateName: string; stateInput: Json };
}

interface PendingWait {
  executionArn: string;
  stateName: string;
  resolve: (output: Json) => void;
  reject: (error: Error) => void;
}

/** An error as Step Functions names it (Retry/Catch match on `name`). */
class StatesError extends Error {
  constructor(name: string, cause: string) {
    super(cause);
    this.name = name;
  }
}

/** An error of the Step Functions API, answered as the JSON protocol does (the SDK maps __type to a class). */
export class SfnApiError extends Error {
  constructor(
    readonly type: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

/** Walks every state, nested Map and Parallel machines included. */
function* allStates(definition: Definition, topLevel = true): Generator<[string, StateDef, boolean]> {
  for (const [name, state] of Object.entries(definition.States)) {
    yield [name, state, topLevel];
    const processor = (state.ItemProcessor ?? state.Iterator) as Definition | undefined;
    if (processor) yield* allStates(processor, false);
    for (const branch of (state.Branches as Definition[] | undefined) ?? []) yield* allStates(branch, false);
  }
}

function containsTokenPath(value: unknown): boolean {
  if (typeof value === 'string') return value === '$$.Task.Token';
  if (Array.isArray(value)) return value.some(containsTokenPath);
  if (value && typeof value === 'object') return Object.values(value).some(containsTokenPath);
  return false;
}

function replaceToken(value: Json, token: string): Json {
  if (typeof value === 'string') return value === TOKEN_PLACEHOLDER ? token : value;
  if (Array.isArray(value)) return value.map((v) => replaceToken(v, token));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replaceToken(v, token)]));
  }
  return value;
}

/**
 * Reads a workflow's ASL, substitutes each ${key} with a local Lambda ARN (as the CDK substitutes the
 * deployed one) and binds every Task state to its handler. Refuses what the local runner cannot run
 * faithfully, so that the definition is fixed instead of behaving differently here and on AWS.
 */
export function loadWorkflow(spec: WorkflowSpec): LoadedMachine {
  const file = join(REPO_ROOT, spec.definitionFile);
  let text = readFileSync(file, 'utf8');
  const byArn = new Map<string, string>();
  for (const [key, entry] of Object.entries(spec.tasks)) {
    const arn = localFunctionArn(spec.name, key);
    byArn.set(arn, entry);
    text = text.split(`\${${key}}`).join(arn);
  }
  const leftover = /\$\{(\w+)\}/.exec(text);
  if (leftover) {
    throw new Error(
      `${spec.definitionFile}: substitution \${${leftover[1]}} has no entry in WORKFLOWS tasks of ${spec.name}`,
    );
  }
  const definition = JSON.parse(text) as Definition;
  if (definition.QueryLanguage === 'JSONata') {
    throw new Error(`${spec.definitionFile}: JSONata is not run by the local runner; write the definition in JSONPath`);
  }
  const tasks = new Map<string, TaskBinding>();
  for (const [name, state, topLevel] of allStates(definition)) {
    if (state.QueryLanguage === 'JSONata') {
      throw new Error(`${spec.definitionFile}: state "${name}" uses JSONata; the local runner needs JSONPath`);
    }
    if (state.Type !== 'Task') continue;
    if (tasks.has(name)) {
      throw new Error(`${spec.definitionFile}: task state names must be unique across nested machines ("${name}")`);
    }
    const resource = String(state.Resource);
    const parameters = (state.Parameters ?? {}) as Record<string, unknown>;
    let kind: TaskKind;
    let functionArn: string;
    if (resource.startsWith('arn:aws:lambda:')) {
      kind = 'lambda';
      functionArn = resource;
    } else if (
      resource === 'arn:aws:states:::lambda:invoke' ||
      resource === 'arn:aws:states:::lambda:invoke.waitForTaskToken'
    ) {
      kind = resource.endsWith('.waitForTaskToken') ? 'wait' : 'invoke';
      functionArn = String(parameters.FunctionName ?? '');
      if (kind === 'wait' && !containsTokenPath(parameters)) {
        throw new Error(
          `${spec.definitionFile}: state "${name}" waits for a task token but never passes $$.Task.Token`,
        );
      }
    } else {
      throw new Error(
        `${spec.definitionFile}: state "${name}" uses ${resource}; the local runner runs Lambda tasks only`,
      );
    }
    const entry = byArn.get(functionArn);
    if (!entry) {
      throw new Error(
        `${spec.definitionFile}: state "${name}" calls ${functionArn}, which is not one of the workflow's tasks`,
      );
    }
    // the runner's default task timeout is 60 s; AWS lets a Lambda run 15 minutes and a token wait a year
    state.TimeoutSeconds ??= kind === 'wait' ? MAX_WAIT_SECONDS : LAMBDA_TASK_TIMEOUT_SECONDS;
    tasks.set(name, { kind, entry, functionArn, topLevel });
  }
  return { spec, arn: stateMachineArn(spec.name), definition, tasks, createdAt: clock.nowMs() / 1000 };
}

const defaultInvoker: TaskInvoker = async (entry, event, functionName) => {
  const handler = (await importHandler(entry)) as unknown as (e: unknown, c: unknown) => Promise<unknown>;
  const requestId = randomUUID();
  return handler(event, lambdaContext(functionName, requestId, clock.nowMs() + LAMBDA_TASK_TIMEOUT_SECONDS * 1000));
};

/** A Lambda's failure as Step Functions sees it: the error's name, a JSON cause like Lambda's. */
function lambdaFailure(error: unknown): StatesError {
  const e = error instanceof Error ? error : new Error(String(error));
  const type = e.name && e.name !== 'Error' ? e.name : (e.constructor?.name ?? 'Error');
  return new StatesError(type, JSON.stringify({ errorType: type, errorMessage: e.message }));
}

const seconds = () => clock.nowMs() / 1000;

/**
 * The local Step Functions service: runs each workflow's ASL through aws-local-stepfunctions with
 * Lambda tasks bound to the same handlers, and answers the Step Functions JSON API (StartExecution,
 * DescribeExecution, ListExecutions, StopExecution, SendTaskSuccess/Failure/Heartbeat, …) so that
 * the product's @aws-sdk/client-sfn calls work unchanged through AWS_ENDPOINT_URL_SFN.
 *
 * waitForTaskToken, which the runner lacks, is emulated here: the task's Lambda gets a fresh token
 * where the definition put $$.Task.Token, and the state's promise settles when SendTaskSuccess or
 * SendTaskFailure names that token. Executions are kept in the data directory; one that was waiting
 * in a top-level token state when the stack stopped resumes in that state on the next start.
 */
export class LocalStepFunctions {
  private readonly machines = new Map<string, LoadedMachine>();
  private readonly executions = new Map<string, ExecutionRecord>();
  private readonly waits = new Map<string, PendingWait>();
  private readonly aborts = new Map<string, () => void>();
  private readonly invoke: TaskInvoker;
  private readonly file?: string;
  private closing = false;

  constructor(
    workflows: readonly WorkflowSpec[],
    private readonly options: { sink: LogSink; dataDir?: string; invoke?: TaskInvoker },
  ) {
    this.invoke = options.invoke ?? defaultInvoker;
    for (const spec of workflows) {
      const machine = loadWorkflow(spec);
      this.machines.set(machine.arn, machine);
    }
    if (options.dataDir) {
      mkdirSync(options.dataDir, { recursive: true });
      this.file = join(options.dataDir, 'executions.json');
    }
  }

  /** The environment handlers need to start these workflows. */
  environment(): Record<string, string> {
    return Object.fromEntries([...this.machines.values()].map((m) => [stateMachineArnVariable(m.spec.name), m.arn]));
  }

  /** Loads persisted executions; resumes those waiting in a top-level token state. */
  restore(): void {
    if (!this.file || !existsSync(this.file)) return;
    const records = JSON.parse(readFileSync(this.file, 'utf8')) as ExecutionRecord[];
    for (const record of records) {
      this.executions.set(record.executionArn, record);
      if (record.status !== 'RUNNING') continue;
      const machine = this.machines.get(record.stateMachineArn);
      const waiting = record.waiting;
      if (machine && waiting && machine.definition.States[waiting.stateName]) {
        this.run(machine, record, waiting.stateInput, waiting);
      } else {
        this.finish(record, 'FAILED', {
          error: 'Local.Interrupted',
          cause: 'The local stack stopped while this execution was running outside a resumable wait; start it again.',
        });
      }
    }
  }

  startExecution(stateMachineArn: string, input: string | undefined, name?: string): ExecutionRecord {
    const machine = this.machines.get(stateMachineArn);
    if (!machine)
      throw new SfnApiError('StateMachineDoesNotExist', `State Machine Does Not Exist: '${stateMachineArn}'`);
    const executionName = name ?? randomUUID();
    if (!/^[A-Za-z0-9_-]{1,80}$/.test(executionName)) {
      throw new SfnApiError('InvalidName', `Invalid Name: '${executionName}'`);
    }
    const executionArn = `arn:aws:states:${region}:${accountId}:execution:${machine.spec.name}:${executionName}`;
    if (this.executions.has(executionArn)) {
      throw new SfnApiError('ExecutionAlreadyExists', `Execution Already Exists: '${executionArn}'`);
    }
    let parsed: Json;
    try {
      parsed = JSON.parse(input ?? '{}') as Json;
    } catch {
      throw new SfnApiError('InvalidExecutionInput', 'Invalid State Machine Execution Input: not JSON');
    }
    const record: ExecutionRecord = {
      executionArn,
      stateMachineArn,
      name: executionName,
      status: 'RUNNING',
      startDate: seconds(),
      input: input ?? '{}',
    };
    this.executions.set(executionArn, record);
    this.persist();
    this.run(machine, record, parsed);
    return record;
  }

  describeExecution(executionArn: string): ExecutionRecord {
    const record = this.executions.get(executionArn);
    if (!record) throw new SfnApiError('ExecutionDoesNotExist', `Execution Does Not Exist: '${executionArn}'`);
    return record;
  }

  listExecutions(stateMachineArn: string, statusFilter?: ExecutionStatus): ExecutionRecord[] {
    if (!this.machines.has(stateMachineArn)) {
      throw new SfnApiError('StateMachineDoesNotExist', `State Machine Does Not Exist: '${stateMachineArn}'`);
    }
    return [...this.executions.values()]
      .filter((e) => e.stateMachineArn === stateMachineArn && (!statusFilter || e.status === statusFilter))
      .sort((a, b) => b.startDate - a.startDate);
  }

  stopExecution(executionArn: string, error?: string, cause?: string): number {
    const record = this.describeExecution(executionArn);
    if (record.status === 'RUNNING') {
      this.finish(record, 'ABORTED', { error, cause });
      this.aborts.get(executionArn)?.();
      for (const [token, wait] of this.waits) if (wait.executionArn === executionArn) this.waits.delete(token);
    }
    return record.stopDate ?? seconds();
  }

  sendTaskSuccess(token: string, output: string): void {
    const wait = this.takeWait(token);
    let parsed: Json;
    try {
      parsed = JSON.parse(output) as Json;
    } catch {
      this.waits.set(token, wait);
      throw new SfnApiError('InvalidOutput', 'Invalid Output: the task output is not JSON');
    }
    wait.resolve(parsed);
  }

  sendTaskFailure(token: string, error?: string, cause?: string): void {
    this.takeWait(token).reject(new StatesError(error ?? 'TaskFailed', cause ?? ''));
  }

  sendTaskHeartbeat(token: string): void {
    if (!this.waits.has(token)) throw new SfnApiError('TaskDoesNotExist', 'Task Does Not Exist');
  }

  private takeWait(token: string): PendingWait {
    const wait = this.waits.get(token);
    if (!wait)
      throw new SfnApiError('TaskDoesNotExist', 'Task Does Not Exist: the token is unknown or its task has ended');
    this.waits.delete(token);
    const record = this.executions.get(wait.executionArn);
    if (record?.waiting?.token === token) {
      delete record.waiting;
      this.persist();
    }
    return wait;
  }

  private run(
    machine: LoadedMachine,
    record: ExecutionRecord,
    input: Json,
    resumeFrom?: ExecutionRecord['waiting'],
  ): void {
    const definition = resumeFrom ? { ...machine.definition, StartAt: resumeFrom.stateName } : machine.definition;
    // a resumed run starts in the middle, which the runner's reachability check would refuse
    const stateMachine = new StateMachine(definition as never, {
      validationOptions: resumeFrom ? { noValidate: true } : { checkArn: false },
    });
    const lastInput = new Map<string, Json>();
    let resumeToken = resumeFrom?.token;
    const handlers: Record<string, (input: Json) => Promise<Json>> = {};
    for (const [stateName, task] of machine.tasks) {
      const functionName = task.functionArn.split(':').at(-1)!;
      handlers[stateName] = async (effective: Json) => {
        if (task.kind === 'lambda') return this.invokeTask(task.entry, effective, functionName);
        const params = (effective ?? {}) as { Payload?: Json };
        if (task.kind === 'invoke') {
          const payload = await this.invokeTask(task.entry, params.Payload ?? {}, functionName);
          return { ExecutedVersion: '$LATEST', Payload: payload, StatusCode: 200 };
        }
        let token: string;
        let alreadyInvoked = false;
        if (resumeToken && stateName === resumeFrom?.stateName) {
          // resuming after a restart: the Lambda already ran and handed this token on
          token = resumeToken;
          resumeToken = undefined;
          alreadyInvoked = true;
        } else {
          token = randomBytes(48).toString('base64url');
        }
        const settled = new Promise<Json>((resolve, reject) => {
          this.waits.set(token, { executionArn: record.executionArn, stateName, resolve, reject });
        });
        settled.catch(() => undefined);
        if (!alreadyInvoked) {
          try {
            await this.invokeTask(task.entry, replaceToken(params.Payload ?? {}, token), functionName);
          } catch (error) {
            this.waits.delete(token);
            throw error;
          }
        }
        // still waiting (the Lambda may have answered at once): remember where, for a restart
        if (task.topLevel && this.waits.has(token)) {
          record.waiting = { token, stateName, stateInput: lastInput.get(stateName) ?? input };
          this.persist();
        }
        return settled;
      };
    }
    const execution = stateMachine.run(input, {
      overrides: { taskResourceLocalHandlers: handlers as never },
      context: {
        Execution: { Id: record.executionArn, Name: record.name, RoleArn: `arn:aws:iam::${accountId}:role/local` },
        StateMachine: { Id: machine.arn, Name: machine.spec.name },
        Task: { Token: TOKEN_PLACEHOLDER },
      },
      noThrowOnAbort: true,
    });
    this.aborts.set(record.executionArn, execution.abort);
    // the raw input of each top-level state, so that a token wait can be resumed after a restart
    (async () => {
      for await (const event of execution.eventLogs) {
        if (event.type === 'StateEntered') lastInput.set(event.state.name, event.state.input as Json);
      }
    })().catch(() => undefined);
    execution.result.then(
      (output) => {
        if (this.closing || record.status !== 'RUNNING') return;
        this.finish(record, 'SUCCEEDED', { output: JSON.stringify(output) });
      },
      (failure: Error) => {
        if (this.closing || record.status !== 'RUNNING') return;
        const cause = (failure.cause ?? failure) as Error;
        const timedOut = failure.name === 'ExecutionTimeoutError';
        this.finish(record, timedOut ? 'TIMED_OUT' : 'FAILED', {
          error: timedOut ? 'States.Timeout' : cause.name,
          cause: cause.message,
        });
      },
    );
  }

  private async invokeTask(entry: string, event: Json, functionName: string): Promise<Json> {
    const started = clock.nowMs();
    try {
      const result = await this.invoke(entry, event, functionName);
      this.options.sink.line('sfn', `task ${functionName} ok ${clock.nowMs() - started}ms`);
      // what a Lambda returns crosses the wire as JSON
      return result === undefined ? null : (JSON.parse(JSON.stringify(result)) as Json);
    } catch (error) {
      this.options.sink.line('sfn', `task ${functionName} failed: ${(error as Error).name}`);
      throw lambdaFailure(error);
    }
  }

  private finish(
    record: ExecutionRecord,
    status: ExecutionStatus,
    details: { output?: string; error?: string; cause?: string },
  ): void {
    record.status = status;
    record.stopDate = seconds();
    delete record.waiting;
    Object.assign(record, Object.fromEntries(Object.entries(details).filter(([, v]) => v !== undefined)));
    this.aborts.delete(record.executionArn);
    this.options.sink.line('sfn', `execution ${record.name} of ${record.stateMachineArn.split(':').at(-1)} ${status}`);
    this.persist();
  }

  private persist(): void {
    if (!this.file) return;
    const tmp = `${this.file}.tmp`;
    writeFileSync(tmp, JSON.stringify([...this.executions.values()], null, 1));
    renameSync(tmp, this.file);
  }

  /** Stops running executions without recording an outcome, so that token waits resume next time. */
  close(): void {
    this.closing = true;
    for (const abort of this.aborts.values()) abort();
    this.aborts.clear();
    this.waits.clear();
  }

  /** One call of the Step Functions JSON protocol (X-Amz-Target: AWSStepFunctions.<Operation>). */
  handle(operation: string, body: Record<string, unknown>): unknown {
    const str = (name: string) => {
      const value = body[name];
      if (typeof value !== 'string' || value === '') {
        throw new SfnApiError('ValidationException', `1 validation error detected: '${name}' must not be null`);
      }
      return value;
    };
    const describe = (e: ExecutionRecord) => ({
      executionArn: e.executionArn,
      stateMachineArn: e.stateMachineArn,
      name: e.name,
      status: e.status,
      startDate: e.startDate,
      ...(e.stopDate ? { stopDate: e.stopDate } : {}),
      input: e.input,
      ...(e.output !== undefined ? { output: e.output } : {}),
      ...(e.error !== undefined ? { error: e.error } : {}),
      ...(e.cause !== undefined ? { cause: e.cause } : {}),
    });
    switch (operation) {
      case 'StartExecution': {
        const record = this.startExecution(
          str('stateMachineArn'),
          body.input as string | undefined,
          body.name as string | undefined,
        );
        return { executionArn: record.executionArn, startDate: record.startDate };
      }
      case 'DescribeExecution':
        return describe(this.describeExecution(str('executionArn')));
      case 'ListExecutions':
        return {
          executions: this.listExecutions(str('stateMachineArn'), body.statusFilter as ExecutionStatus | undefined).map(
            (e) => {
              const { input: _input, output: _output, error: _error, cause: _cause, ...summary } = describe(e);
              return summary;
            },
          ),
        };
      case 'StopExecution':
        return {
          stopDate: this.stopExecution(
            str('executionArn'),
            body.error as string | undefined,
            body.cause as string | undefined,
          ),
        };
      case 'SendTaskSuccess':
        this.sendTaskSuccess(str('taskToken'), str('output'));
        return {};
      case 'SendTaskFailure':
        this.sendTaskFailure(str('taskToken'), body.error as string | undefined, body.cause as string | undefined);
        return {};
      case 'SendTaskHeartbeat':
        this.sendTaskHeartbeat(str('taskToken'));
        return {};
      case 'ListStateMachines':
        return {
          stateMachines: [...this.machines.values()].map((m) => ({
            stateMachineArn: m.arn,
            name: m.spec.name,
            type: 'STANDARD',
            creationDate: m.createdAt,
          })),
        };
      case 'DescribeStateMachine': {
        const machine = this.machines.get(str('stateMachineArn'));
        if (!machine) throw new SfnApiError('StateMachineDoesNotExist', 'State Machine Does Not Exist');
        return {
          stateMachineArn: machine.arn,
          name: machine.spec.name,
          status: 'ACTIVE',
          definition: JSON.stringify(machine.definition),
          roleArn: `arn:aws:iam::${accountId}:role/local`,
          type: 'STANDARD',
          creationDate: machine.createdAt,
        };
      }
      default:
        throw new SfnApiError('UnknownOperationException', `The local Step Functions does not offer ${operation}`);
    }
  }

  createServer(): Server {
    return createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const send = (status: number, body: unknown) => {
          res.writeHead(status, { 'content-type': 'application/x-amz-json-1.0' });
          res.end(JSON.stringify(body));
        };
        try {
          const target = String(req.headers['x-amz-target'] ?? '');
          if (req.method !== 'POST' || !target.startsWith('AWSStepFunctions.')) {
            throw new SfnApiError('UnknownOperationException', 'Expected POST with X-Amz-Target: AWSStepFunctions.*');
          }
          const text = Buffer.concat(chunks).toString('utf8');
          const body = (text ? JSON.parse(text) : {}) as Record<string, unknown>;
          send(200, this.handle(target.slice('AWSStepFunctions.'.length), body));
        } catch (error) {
          if (error instanceof SfnApiError) send(error.status, { __type: error.type, message: error.message });
          else send(500, { __type: 'InternalFailure', message: (error as Error).message });
        }
      });
    });
  }
}
