import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './paths.ts';
import { CHILD_TYPESCRIPT, type LogSink, type ServiceProcess, startService, untilReady } from './processes.ts';

export interface LocalS3 {
  endpoint: string;
  process: ServiceProcess;
}

export interface S3ObjectEvent {
  Records: { eventName: string; s3: { bucket: { name: string }; object: { key: string; size?: number } } }[];
}

/**
 * s3rver in a child process (it needs --openssl-legacy-provider, which the handlers' process must not
 * carry). Buckets are the ones the CDK creates, named by the same environment variables.
 * s3rver does not verify SigV4 signatures, nor a presigned URL's content-type or length conditions:
 * the product therefore checks every upload itself after it lands (size, type by magic bytes), and
 * does the same on AWS.
 */
export async function startS3(options: {
  port: number;
  dataDir: string;
  buckets: string[];
  allowedOrigins: string[];
  credentials: { accessKeyId: string; secretAccessKey: string };
  sink: LogSink;
  onObjectEvent?: (event: S3ObjectEvent) => void;
}): Promise<LocalS3> {
  mkdirSync(options.dataDir, { recursive: true });
  let ready: (() => void) | undefined;
  const started = new Promise<void>((resolve) => {
    ready = resolve;
  });
  const config = {
    port: options.port,
    directory: options.dataDir,
    buckets: options.buckets,
    allowedOrigins: options.allowedOrigins,
    ...options.credentials,
  };
  const proc = startService(
    's3',
    process.execPath,
    [
      '--openssl-legacy-provider',
      ...CHILD_TYPESCRIPT,
      join(REPO_ROOT, 'local', 's3-server.ts'),
      JSON.stringify(config),
    ],
    options.sink,
    {
      cwd: REPO_ROOT,
      onLine: (line) => {
        if (line.startsWith('READY ')) {
          ready?.();
          return true;
        }
        if (line.startsWith('S3EVENT ')) {
          options.onObjectEvent?.(JSON.parse(line.slice('S3EVENT '.length)) as S3ObjectEvent);
          return true;
        }
        return false;
      },
    },
  );
  await untilReady(proc, started);
  return { endpoint: `http://127.0.0.1:${options.port}`, process: proc };
}
