// The local stack's process, loaded by local/start.ts once the day is pinned (see there for flags).
//   npm start                      web and API on http://127.0.0.1:3000, data kept in .local-data/
//   npm start -- --reset           start from empty data (demo data is seeded again)
//   npm start -- --port 3100       another web port
//   npm start -- --today 2027-01-04  run as if that were today in Korea (as PLATFORM_TODAY does)
// Flags used by the test harness (test/support/stack.ts): --data-dir <dir>, --free-ports,
// --no-seed, --ready-json (one machine-readable line when ready), --stop-on-stdin-end.
import { createWriteStream, mkdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import * as clock from '#kernel/clock';
import { DEMO_PASSWORD, demoAccountTable } from './demo-data.ts';
import { DEFAULT_DATA_DIR, REPO_ROOT } from './paths.ts';
import { consoleSink, type LogSink } from './processes.ts';
import { DEFAULT_PORTS, type RunningStack, resetDataDir, startLocalStack } from './stack.ts';

const { values: flags } = parseArgs({
  options: {
    reset: { type: 'boolean', default: false },
    port: { type: 'string' },
    'data-dir': { type: 'string' },
    'free-ports': { type: 'boolean', default: false },
    'no-seed': { type: 'boolean', default: false },
    'ready-json': { type: 'boolean', default: false },
    'stop-on-stdin-end': { type: 'boolean', default: false },
    today: { type: 'string' },
  },
  strict: true,
});

const began = clock.nowMs();
const dataDir = resolve(flags['data-dir'] ?? DEFAULT_DATA_DIR);
const machine = flags['ready-json'];
const say = (line: string) => process.stdout.write(`${line}\n`);

const webPort = flags.port === undefined ? DEFAULT_PORTS.web : Number(flags.port);
if (!Number.isInteger(webPort) || webPort < 1 || webPort > 65535) {
  say(`--port 값 "${flags.port}"은(는) 포트 번호가 아닙니다. 1~65535 사이의 숫자로 적어 주세요.`);
  process.exit(2);
}

if (flags.reset) {
  try {
    resetDataDir(dataDir);
  } catch (error) {
    say((error as Error).message);
    process.exit(1);
  }
  say(`데이터 폴더를 비웠습니다: ${relative(REPO_ROOT, dataDir) || dataDir}`);
}

// For people, the services' own chatter goes to a file and the terminal shows the API's requests
// and the handlers' logs; for the test harness everything goes to stdout, which it keeps in a file.
let sink: LogSink = consoleSink;
if (!machine) {
  mkdirSync(join(dataDir, 'logs'), { recursive: true });
  const file = createWriteStream(join(dataDir, 'logs', 'services.log'), { flags: 'a' });
  sink = {
    line(service, text) {
      file.write(`${clock.nowIso()} [${service}] ${text}\n`);
      if (service === 'api' || service === 'sfn') consoleSink.line(service, text);
    },
  };
}

let stack: RunningStack | undefined;
let stopping = false;

async function shutdown(code: number): Promise<never> {
  if (stopping) {
    // a second Ctrl-C while stopping: leave at once (the reaper still ends the children)
    process.exit(code || 130);
  }
  stopping = true;
  if (!machine) say('\n로컬 스택을 끄는 중입니다…');
  await stack?.stop().catch((error) => say(`끄는 중 오류: ${(error as Error).message}`));
  if (!machine) say('모두 껐습니다.');
  process.exit(code);
}

// A handler's stray promise must not take the whole stack down (on Lambda it fails one invocation).
process.on('unhandledRejection', (reason) => {
  sink.line('stack', `unhandled rejection: ${(reason as Error)?.stack ?? String(reason)}`);
});
process.on('uncaughtException', (error) => {
  sink.line('stack', `uncaught exception, stopping: ${error.stack ?? error.message}`);
  void shutdown(1);
});
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));
process.on('SIGHUP', () => void shutdown(0));
if (flags['stop-on-stdin-end']) {
  process.stdin.on('end', () => void shutdown(0));
  process.stdin.resume();
}

try {
  if (!machine) say('근로지원인 플랫폼을 로컬에서 시작합니다…');
  stack = await startLocalStack({
    dataDir,
    ports: flags['free-ports'] ? 'free' : { web: webPort },
    seed: !flags['no-seed'],
    sink,
    progress: machine ? (line) => sink.line('stack', line) : (line) => say(`  · ${line}`),
  });
} catch (error) {
  say(`로컬 스택을 시작하지 못했습니다: ${(error as Error).message}`);
  if ((error as NodeJS.ErrnoException).code === 'ENOENT' && /java/.test(String(error))) {
    say('Java 17이 필요합니다: bash scripts/system-deps.sh java (root 권한) 를 실행해 주세요.');
  }
  process.exit(1);
}

const seconds = ((clock.nowMs() - began) / 1000).toFixed(1);
if (machine) {
  const ready = {
    baseUrl: stack.baseUrl,
    apiUrl: stack.apiUrl,
    outboxUrl: stack.outboxUrl,
    dataDir: stack.dataDir,
    env: stack.env,
    userPool: stack.userPool,
    endpoints: stack.endpoints,
    startupMs: clock.nowMs() - began,
  };
  say(`STACK_READY ${JSON.stringify(ready)}`);
} else {
  const moved = (['dynamodb', 's3', 'cognito', 'sfn'] as const).filter((k) => stack!.ports[k] !== DEFAULT_PORTS[k]);
  say(
    [
      '',
      `준비되었습니다 (${seconds}초).`,
      `  웹 화면     ${stack.baseUrl}`,
      `  API         ${stack.apiUrl}   (문서: ${stack.baseUrl}/openapi.json)`,
      `  발송함      ${stack.outboxUrl}   ← 로그인 인증번호(SMS)는 여기서 확인합니다`,
      `  데이터      ${relative(REPO_ROOT, dataDir) || dataDir}   (처음부터: npm start -- --reset)`,
      `  오늘 날짜   ${clock.today()}${process.env[clock.PINNED_DAY_VARIABLE] ? ' (고정: --today 또는 PLATFORM_TODAY)' : ''}`,
      `  DynamoDB ${stack.endpoints.dynamodb} · S3 ${stack.endpoints.s3} · Cognito ${stack.endpoints.cognito} · Step Functions ${stack.endpoints.sfn}`,
      ...(moved.length ? [`  (기본 포트가 사용 중이라 옮김: ${moved.join(', ')})`] : []),
      '',
      `데모 계정 — 비밀번호는 모두 ${DEMO_PASSWORD}, 인증번호는 발송함에서 확인`,
      demoAccountTable(),
      '',
      '끝내려면 Ctrl-C를 누르세요.',
    ].join('\n'),
  );
}
