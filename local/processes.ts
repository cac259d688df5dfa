import { type ChildProcess, type SpawnOptions, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { createInterface } from 'node:readline';
import * as clock from '#kernel/clock';

/** Where the local stack's own lines go: the terminal for `npm start`, a file for test runs. */
export interface LogSink {
  /** one line of a service's output, already without its line break */
  line(service: string, text: string): void;
}

export const consoleSink: LogSink = {
  line: (service, text) => process.stdout.write(`[${service}] ${text}\n`),
};

/**
 * How the stack's own child scripts (s3-server.ts, cognito-server.ts) run: Node 22's type stripping
 * starts them in half the time tsx takes, which counts on two cores. They therefore use erasable
 * TypeScript only (no enums, no parameter properties) and import nothing through tsx-only paths.
 */
export const CHILD_TYPESCRIPT = ['--experimental-strip-types', '--disable-warning=ExperimentalWarning'];

/** A free TCP port on 127.0.0.1, for services that cannot be asked to pick one themselves (Java). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** Fails when something already listens on the port, with a message that says which flag to use. */
export async function assertPortFree(port: number, what: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const server = createServer();
    server.once('error', () =>
      reject(
        new Error(
          `${what}에 쓸 포트 ${port}을(를) 이미 다른 프로그램이 쓰고 있습니다. 그 프로그램을 끄거나 다른 포트를 지정해 주세요 (npm start -- --port <번호>).`,
        ),
      ),
    );
    server.listen(port, '127.0.0.1', () => server.close(() => resolve()));
  });
}

export async function waitUntil(what: string, check: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = clock.nowMs() + timeoutMs;
  let delay = 25;
  while (clock.nowMs() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, delay));
    delay = Math.min(delay * 2, 250);
  }
  throw new Error(`${what} did not become ready within ${timeoutMs} ms`);
}

/**
 * Kills every child of the stack if the stack's own process dies without cleaning up (kill -9,
 * a crashed test worker): a tiny shell that holds our pids and kills them when its stdin closes.
 * A clean stop sends "clear" first, so nothing is killed twice.
 */
class Reaper {
  private readonly shell: ChildProcess;
  constructor() {
    const script = [
      "trap '' INT TERM HUP",
      'pids=""',
      'while read -r line; do',
      '  if [ "$line" = clear ]; then pids=""; else pids="$pids $line"; fi',
      'done',
      '[ -n "$pids" ] && kill $pids 2>/dev/null',
      'exit 0',
    ].join('\n');
    this.shell = spawn('sh', ['-c', script], { stdio: ['pipe', 'ignore', 'ignore'], detached: true });
    this.shell.unref();
    (this.shell.stdin as NodeJS.WritableStream & { unref?: () => void }).on('error', () => undefined);
  }
  watch(pid: number): void {
    this.shell.stdin?.write(`${pid}\n`);
  }
  release(): void {
    this.shell.stdin?.end('clear\n');
  }
}

let reaper: Reaper | undefined;

export interface ServiceProcess {
  name: string;
  child: ChildProcess;
  /** resolves when the process has exited */
  exited: Promise<number | null>;
  stop(): Promise<void>;
}

export interface StartServiceOptions extends SpawnOptions {
  /** lines the service prints that are not log lines (e.g. captured SMS); they never reach the log */
  onLine?: (line: string) => boolean;
}

/** Spawns one service of the stack, forwards its output line by line to the sink, and registers it for cleanup. */
export function startService(
  name: string,
  command: string,
  args: string[],
  sink: LogSink,
  options: StartServiceOptions = {},
): ServiceProcess {
  reaper ??= new Reaper();
  const { onLine, ...spawnOptions } = options;
  const child = spawn(command, args, { ...spawnOptions, stdio: ['ignore', 'pipe', 'pipe'] });
  if (child.pid) reaper.watch(child.pid);
  for (const stream of [child.stdout, child.stderr]) {
    if (!stream) continue;
    createInterface({ input: stream }).on('line', (line) => {
      if (onLine?.(line)) return;
      sink.line(name, line);
    });
  }
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.once('error', (error) => {
      sink.line(name, `failed to start: ${error.message}`);
      resolve(null);
    });
  });
  return {
    name,
    child,
    exited,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Called once every service has been stopped cleanly. */
export function releaseReaper(): void {
  reaper?.release();
  reaper = undefined;
}

/** Waits for a service's readiness signal, failing fast (instead of timing out) if it exits first. */
export async function untilReady(proc: ServiceProcess, ready: Promise<void>, timeoutMs = 60_000): Promise<void> {
  let isReady = false;
  let timer: NodeJS.Timeout | undefined;
  const failed = new Promise<void>((_, reject) => {
    proc.exited.then((code) => {
      if (!isReady) reject(new Error(`${proc.name} exited during start-up (code ${code}); see its log lines`));
    });
    timer = setTimeout(() => reject(new Error(`${proc.name} did not become ready within ${timeoutMs} ms`)), timeoutMs);
  });
  failed.catch(() => undefined);
  try {
    await Promise.race([ready, failed]);
    isReady = true;
  } catch (error) {
    await proc.stop();
    throw error;
  } finally {
    clearTimeout(timer);
  }
}
