import { existsSync, mkdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import type { Capability } from '#commons/http/route';
import * as clock from '#kernel/clock';
import { closeServer, createApiServer, listen } from './api-server.ts';
import { ensureUserPool, type LocalUserPool, startCognito } from './cognito.ts';
import { ensureTable, startDynamoDb } from './dynamodb.ts';
import { applyEnvironment, handlerEnvironment, LOCAL_RESOURCES, loadOrCreatePiiKey } from './env.ts';
import { LocalOutbox } from './outbox.ts';
import { assertPortFree, freePort, type LogSink, releaseReaper, type ServiceProcess } from './processes.ts';
import { startS3 } from './s3.ts';
import { LocalStepFunctions, type WorkflowSpec } from './stepfunctions.ts';
import { uploadEventDispatcher } from './upload-events.ts';

export interface StackPorts {
  web: number;
  dynamodb: number;
  s3: number;
  cognito: number;
  sfn: number;
}

/** `npm start`'s ports. Only the web port matters to people; the others are moved when taken. */
export const DEFAULT_PORTS: StackPorts = { web: 3000, dynamodb: 8000, s3: 4569, cognito: 9229, sfn: 8083 };

export interface LocalStackOptions {
  dataDir: string;
  /** a port of 0 is chosen free; 'defaults' tries DEFAULT_PORTS and moves the back-end ones when taken */
  ports: Partial<StackPorts> | 'free';
  seed: boolean;
  /** where the services' own output goes (the handlers write to this process's stdout) */
  sink: LogSink;
  /** progress messages for people (start-up steps) */
  progress?: (line: string) => void;
  /** defaults to functions/capabilities.ts CAPABILITIES, imported after the environment is set */
  capabilities?: Capability[];
  /** defaults to functions/workflows.ts WORKFLOWS */
  workflows?: WorkflowSpec[];
  /** build web/ into web/dist and serve it (default true) */
  web?: boolean;
}

export interface RunningStack {
  baseUrl: string;
  apiUrl: string;
  outboxUrl: string;
  dataDir: string;
  ports: StackPorts;
  endpoints: { dynamodb: string; s3: string; cognito: string; sfn: string };
  userPool: LocalUserPool;
  /** the environment the handlers see */
  env: Record<string, string>;
  outbox: LocalOutbox;
  stop(): Promise<void>;
}

async function resolvePorts(requested: LocalStackOptions['ports']): Promise<StackPorts> {
  if (requested === 'free') {
    return {
      web: await freePort(),
      dynamodb: await freePort(),
      s3: await freePort(),
      cognito: await freePort(),
      sfn: await freePort(),
    };
  }
  const ports = { ...DEFAULT_PORTS, ...requested };
  await assertPortFree(ports.web, '웹과 API');
  for (const name of ['dynamodb', 's3', 'cognito', 'sfn'] as const) {
    if (ports[name] === 0) ports[name] = await freePort();
    else
      ports[name] = await assertPortFree(ports[name], name).then(
        () => ports[name],
        () => freePort(),
      );
  }
  return ports;
}

/**
 * One data directory serves one stack at a time (DynamoDB Local's SQLite file and cognito-local's
 * JSON files are not safe to share): a pid file guards it.
 */
function lockDataDir(dataDir: string): () => void {
  const file = join(dataDir, 'stack.pid');
  if (existsSync(file)) {
    const pid = Number(readFileSync(file, 'utf8'));
    let alive = false;
    try {
      if (pid && pid !== process.pid) {
        process.kill(pid, 0);
        alive = true;
      }
    } catch {
      alive = false;
    }
    if (alive) {
      throw new Error(
        `이미 실행 중인 로컬 스택(프로세스 ${pid})이 데이터 폴더 ${dataDir}를 쓰고 있습니다. 그 스택을 먼저 끝내 주세요 (Ctrl-C).`,
      );
    }
  }
  writeFileSync(file, String(process.pid));
  return () => {
    if (existsSync(file) && readFileSync(file, 'utf8') === String(process.pid)) unlinkSync(file);
  };
}

/** Empties a data directory (npm start -- --reset), refusing while a stack uses it. */
export function resetDataDir(dataDir: string): void {
  if (!existsSync(dataDir)) return;
  lockDataDir(dataDir)();
  rmSync(dataDir, { recursive: true, force: true });
}

/**
 * Starts the whole product on 127.0.0.1: DynamoDB Local, s3rver and cognito-local as child
 * processes (in parallel, the JVM being the slowest), the web build meanwhile, then the table,
 * the user pool, the handlers' environment, the demo data, the Step Functions adapter and the
 * API/web server, which runs the handlers in this process.
 */
export async function startLocalStack(options: LocalStackOptions): Promise<RunningStack> {
  const progress = options.progress ?? (() => undefined);
  mkdirSync(options.dataDir, { recursive: true });
  const unlock = lockDataDir(options.dataDir);
  const ports = await resolvePorts(options.ports);
  const webOrigin = `http://127.0.0.1:${ports.web}`;
  const outbox = new LocalOutbox(join(options.dataDir, 'outbox.jsonl'));
  const services: ServiceProcess[] = [];
  const servers: Server[] = [];
  let stepFunctions: LocalStepFunctions | undefined;
  let uploadEvents: ReturnType<typeof uploadEventDispatcher> | undefined;

  const stop = async () => {
    stepFunctions?.close();
    const pending = uploadEvents;
    uploadEvents = undefined;
    await pending?.idle();
    await Promise.all(servers.map((server) => closeServer(server)));
    await Promise.all(services.map((service) => service.stop()));
    releaseReaper();
    unlock();
  };

  try {
    const dynamo = startDynamoDb({
      port: ports.dynamodb,
      dataDir: join(options.dataDir, 'dynamodb'),
      sink: options.sink,
    });
    const s3 = startS3({
      port: ports.s3,
      dataDir: join(options.dataDir, 's3'),
      buckets: [LOCAL_RESOURCES.documentsBucket, LOCAL_RESOURCES.uploadsBucket],
      allowedOrigins: [webOrigin, `http://localhost:${ports.web}`],
      credentials: LOCAL_RESOURCES.credentials,
      sink: options.sink,
      // handed to the capabilities' upload handlers once they can run (events before that have no reader)
      onObjectEvent: (event) => uploadEvents?.dispatch(event),
    });
    const cognito = startCognito({
      port: ports.cognito,
      dataDir: join(options.dataDir, 'cognito'),
      sink: options.sink,
      onCode: (code) => outbox.captureCode(code),
    });
    // register each child as soon as it is up, so that a failure elsewhere still stops it
    const began = clock.nowMs();
    const track = <T extends { process: ServiceProcess }>(service: Promise<T>) =>
      service.then((running) => {
        services.push(running.process);
        progress(`${running.process.name} 준비 ${clock.nowMs() - began} ms`);
        return running;
      });
    const started = Promise.allSettled([track(dynamo), track(s3), track(cognito)]);
    let webDist: string | undefined;
    if (options.web !== false) {
      // the web build is synchronous; the children start meanwhile in their own processes
      const { buildWeb } = await import('../web/build.ts');
      const builtAt = clock.nowMs();
      webDist = buildWeb();
      progress(`웹 화면 빌드 ${clock.nowMs() - builtAt} ms`);
    }
    const failure = (await started).find((s) => s.status === 'rejected');
    if (failure) throw (failure as PromiseRejectedResult).reason;
    const [dynamoDb, localS3, localCognito] = await Promise.all([dynamo, s3, cognito]);

    const [, userPool] = await Promise.all([
      ensureTable(dynamoDb.endpoint, LOCAL_RESOURCES.tableName),
      ensureUserPool(localCognito.endpoint),
    ]);
    progress(`테이블과 사용자 풀 준비 ${clock.nowMs() - began} ms`);

    const { WORKFLOWS } = await import('#functions/workflows');
    stepFunctions = new LocalStepFunctions(options.workflows ?? WORKFLOWS, {
      sink: options.sink,
      dataDir: join(options.dataDir, 'stepfunctions'),
    });
    const endpoints = {
      dynamodb: dynamoDb.endpoint,
      s3: localS3.endpoint,
      cognito: localCognito.endpoint,
      sfn: `http://127.0.0.1:${ports.sfn}`,
    };
    const env = handlerEnvironment({
      endpoints: { ...endpoints, web: webOrigin },
      userPoolId: userPool.userPoolId,
      userPoolClientId: userPool.clientId,
      outboxFile: outbox.file,
      piiLocalKey: loadOrCreatePiiKey(options.dataDir),
      extra: stepFunctions.environment(),
    });
    // before any handler module is imported: some read their configuration at load
    applyEnvironment(env);

    if (options.seed) {
      // imported only now: the entities it writes bind to the table named in the environment
      const { seedDemoData } = await import('./seed.ts');
      const seeded = await seedDemoData({
        cognitoEndpoint: localCognito.endpoint,
        userPoolId: userPool.userPoolId,
        dataDir: options.dataDir,
        log: progress,
      });
      if (seeded === 'already') progress('데모 데이터는 이전 실행에서 넣어 둔 그대로입니다');
    }

    const sfnServer = stepFunctions.createServer();
    servers.push(sfnServer);
    await listen(sfnServer, ports.sfn);
    stepFunctions.restore();
    if (options.seed) {
      // the earlier months' claims go through the real claim workflow, so they need it listening
      const { seedDemoClaimWorkflows } = await import('./demo-claims.ts');
      await seedDemoClaimWorkflows(progress);
    }

    const capabilities = options.capabilities ?? (await import('#functions/capabilities')).CAPABILITIES;
    progress(`API 경로 ${capabilities.flatMap((c) => c.routes).length}개 읽음 ${clock.nowMs() - began} ms`);
    uploadEvents = uploadEventDispatcher({
      capabilities,
      uploadsBucket: LOCAL_RESOURCES.uploadsBucket,
      sink: options.sink,
    });
    const api = createApiServer({
      capabilities,
      auth: { issuer: userPool.issuer, audience: userPool.clientId, jwksUrl: userPool.jwksUrl },
      sink: options.sink,
      webDist,
      outbox,
    });
    servers.push(api);
    await listen(api, ports.web);

    return {
      baseUrl: webOrigin,
      apiUrl: `${webOrigin}/api`,
      outboxUrl: `${webOrigin}/local/outbox`,
      dataDir: options.dataDir,
      ports,
      endpoints,
      userPool,
      env,
      outbox,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
