import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ENV } from '#commons/config';
import { LOCAL_OUTBOX_FILE_ENV } from '#commons/outbox';

/** Resource names on the local stack (the CDK names its own; handlers only ever read them from ENV). */
export const LOCAL_RESOURCES = {
  tableName: 'kead-local',
  documentsBucket: 'kead-local-documents',
  uploadsBucket: 'kead-local-uploads',
  region: 'ap-northeast-2',
  accountId: '000000000000',
  /** dummy credentials: every local service accepts them (s3rver is told about them at start) */
  credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
} as const;

export interface LocalEndpoints {
  dynamodb: string;
  s3: string;
  cognito: string;
  sfn: string;
  /** the origin of the web app and the API */
  web: string;
}

export interface HandlerEnvironmentInput {
  endpoints: LocalEndpoints;
  userPoolId: string;
  userPoolClientId: string;
  outboxFile: string;
  piiLocalKey: string;
  /** extra variables, e.g. the state machine ARNs of the workflows */
  extra?: Record<string, string>;
}

/**
 * The environment the handlers see locally: the same variable names the CDK sets (ENV), and the
 * AWS SDK's own AWS_ENDPOINT_URL_<SERVICE> variables, so the product's clients reach the local
 * servers without a line of local-only code.
 */
export function handlerEnvironment(input: HandlerEnvironmentInput): Record<string, string> {
  return {
    [ENV.tableName]: LOCAL_RESOURCES.tableName,
    [ENV.documentsBucket]: LOCAL_RESOURCES.documentsBucket,
    [ENV.uploadsBucket]: LOCAL_RESOURCES.uploadsBucket,
    [ENV.userPoolId]: input.userPoolId,
    [ENV.userPoolClientId]: input.userPoolClientId,
    [ENV.stage]: 'local',
    // field encryption with a local master key instead of KMS (functions/commons/pii.ts)
    PII_LOCAL_KEY: input.piiLocalKey,
    [LOCAL_OUTBOX_FILE_ENV]: input.outboxFile,
    AWS_ENDPOINT_URL_DYNAMODB: input.endpoints.dynamodb,
    AWS_ENDPOINT_URL_S3: input.endpoints.s3,
    AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: input.endpoints.cognito,
    AWS_ENDPOINT_URL_SFN: input.endpoints.sfn,
    // s3rver serves buckets by path (127.0.0.1/<bucket>/<key>), not as virtual hosts
    S3_FORCE_PATH_STYLE: 'true',
    AWS_REGION: LOCAL_RESOURCES.region,
    AWS_DEFAULT_REGION: LOCAL_RESOURCES.region,
    AWS_ACCESS_KEY_ID: LOCAL_RESOURCES.credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_RESOURCES.credentials.secretAccessKey,
    POWERTOOLS_SERVICE_NAME: 'kead-platform',
    POWERTOOLS_LOG_LEVEL: 'INFO',
    // no X-Ray daemon locally
    POWERTOOLS_TRACE_ENABLED: 'false',
    POWERTOOLS_TRACER_CAPTURE_RESPONSE: 'false',
    POWERTOOLS_METRICS_NAMESPACE: 'kead-local',
    WEB_ORIGIN: input.endpoints.web,
    ...input.extra,
  };
}

/** Variables from the developer's shell that would send the SDK elsewhere than the local servers. */
const FOREIGN_AWS_VARIABLES = ['AWS_PROFILE', 'AWS_SESSION_TOKEN', 'AWS_ENDPOINT_URL', 'AWS_CONFIG_FILE'];

/** Sets the environment into this process before any handler module is loaded. */
export function applyEnvironment(env: Record<string, string>): void {
  for (const name of FOREIGN_AWS_VARIABLES) delete process.env[name];
  Object.assign(process.env, env);
}

/**
 * The local master key for field encryption, created once per data directory and kept with the data,
 * so that what was encrypted in one run can be read in the next (and --reset discards both together).
 */
export function loadOrCreatePiiKey(dataDir: string): string {
  const file = join(dataDir, 'pii-local.key');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const key = randomBytes(32).toString('base64');
  writeFileSync(file, `${key}\n`, { mode: 0o600 });
  return key;
}
