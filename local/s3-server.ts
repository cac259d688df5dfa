// Child process of the local stack: s3rver, started by local/s3.ts with --openssl-legacy-provider
// (s3rver encrypts its ListObjectsV2 continuation tokens with DES, which OpenSSL 3 only offers
// through the legacy provider; without it, paginated listings fail).
import { createRequire } from 'node:module';
import { PassThrough, type Readable } from 'node:stream';
import { crc32 } from 'node:zlib';

interface S3ServerConfig {
  port: number;
  directory: string;
  buckets: string[];
  allowedOrigins: string[];
  accessKeyId: string;
  secretAccessKey: string;
}

interface KoaContext {
  method: string;
  query: Record<string, string | string[] | undefined>;
  get(header: string): string;
  req: Readable;
  status: number;
  type: string;
  body: unknown;
}

interface S3rverInstance {
  middleware: ((ctx: KoaContext, next: () => Promise<void>) => Promise<void>)[];
  run(): Promise<{ address: string; port: number }>;
  close(): Promise<void>;
  on(event: 'event', listener: (event: unknown) => void): void;
}

const require = createRequire(import.meta.url);
const S3rver = require('s3rver') as new (options: Record<string, unknown>) => S3rverInstance;
// s3rver only knows its own dummy key pair; the stack's handlers sign with the local credentials.
const { DUMMY_ACCOUNT } = require('s3rver/lib/models/account') as {
  DUMMY_ACCOUNT: { createKeyPair(id: string, secret: string): void };
};

const config = JSON.parse(process.argv[2] ?? '{}') as S3ServerConfig;
DUMMY_ACCOUNT.createKeyPair(config.accessKeyId, config.secretAccessKey);

// Presigned PUT from the web app (another origin than s3rver) needs CORS, as the CDK buckets have.
const cors = `<CORSConfiguration>
  <CORSRule>
    ${config.allowedOrigins.map((origin) => `<AllowedOrigin>${origin}</AllowedOrigin>`).join('\n    ')}
    <AllowedMethod>PUT</AllowedMethod>
    <AllowedMethod>GET</AllowedMethod>
    <AllowedMethod>HEAD</AllowedMethod>
    <AllowedHeader>*</AllowedHeader>
    <ExposeHeader>ETag</ExposeHeader>
    <MaxAgeSeconds>3000</MaxAgeSeconds>
  </CORSRule>
</CORSConfiguration>`;

const server = new S3rver({
  address: '127.0.0.1',
  port: config.port,
  directory: config.directory,
  silent: false,
  vhostBuckets: false,
  configureBuckets: config.buckets.map((name) => ({ name, configs: [cors] })),
});

/**
 * S3 refuses a PUT whose declared CRC32 (x-amz-checksum-crc32, as a header or in a presigned URL)
 * does not match the body; s3rver ignores it. Checked here so that a presigned URL that only works
 * locally (e.g. one carrying the SDK's checksum of an empty body) fails here as it does on AWS.
 */
server.middleware.unshift(async (ctx, next) => {
  const fromQuery = ctx.query['x-amz-checksum-crc32'];
  const declared = (Array.isArray(fromQuery) ? fromQuery[0] : fromQuery) || ctx.get('x-amz-checksum-crc32');
  if (ctx.method !== 'PUT' || !declared) return next();
  const chunks: Buffer[] = [];
  for await (const chunk of ctx.req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks);
  const actual = Buffer.alloc(4);
  actual.writeUInt32BE(crc32(body));
  if (actual.toString('base64') !== declared) {
    ctx.status = 400;
    ctx.type = 'application/xml';
    ctx.body =
      '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>BadDigest</Code>' +
      '<Message>The CRC32 you specified did not match the calculated checksum.</Message></Error>';
    return;
  }
  // hand s3rver the body again
  const replay = new PassThrough();
  replay.end(body);
  ctx.req = replay;
  return next();
});

// Object events go to the parent, which can hand them to the same handlers S3 notifications reach on AWS.
server.on('event', (event) => process.stdout.write(`S3EVENT ${JSON.stringify(event)}\n`));

const address = await server.run();
process.stdout.write(`READY ${JSON.stringify({ port: address.port })}\n`);

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    server.close().finally(() => process.exit(0));
  });
}
