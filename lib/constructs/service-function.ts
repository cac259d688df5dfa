import { basename } from 'node:path';
import { Duration } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { LogLevel, NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { ENV } from '#commons/config';
import type { Identity } from '../identity/identity.ts';
import { acknowledge } from '../nag.ts';
import { fromRoot, PROJECT_ROOT } from '../paths.ts';
import type { PiiKey } from '../security/pii-key.ts';
import type { StageConfig } from '../stage.ts';
import type { DocumentStore } from '../storage/buckets.ts';
import type { PlatformTable } from '../storage/table.ts';
import type { PlatformResources } from './platform-resources.ts';

/** ESM bundles still meet CommonJS dependencies that call require(); give them one. */
const REQUIRE_SHIM = "import { createRequire } from 'node:module';const require = createRequire(import.meta.url);";

export interface ServiceFunctionProps {
  /** handler file relative to the repository root; it exports `handler` */
  entry: string;
  /** Powertools service name: the capability or workflow the function serves */
  serviceName: string;
  description: string;
  stage: StageConfig;
  timeout?: Duration;
  memorySize?: number;
  environment?: Record<string, string>;
  /** files (relative to the repository root) copied beside the bundle, e.g. a font the handler reads */
  files?: readonly string[];
}

/**
 * The one construct every Lambda of the product is born from: Node.js 22 on arm64, esbuild bundling to
 * minified ESM with source maps, its own log group with the stage's retention, X-Ray tracing and the
 * Powertools settings. Permissions are added through the intent-named `bind*` helpers, which also set
 * the environment variable the handler reads, so a grant and its configuration never drift apart.
 */
export class ServiceFunction extends NodejsFunction {
  constructor(scope: Construct, id: string, props: ServiceFunctionProps) {
    const logGroup = new LogGroup(scope, `${id}Logs`, {
      retention: props.stage.logRetention,
      removalPolicy: props.stage.removalPolicy,
    });
    // An explicit role instead of the AWSLambdaBasicExecutionRole managed policy: it may write to
    // its own log group only.
    const role = new Role(scope, `${id}Role`, {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `${props.serviceName}: ${props.description}`,
    });
    logGroup.grantWrite(role);

    super(scope, id, {
      entry: fromRoot(props.entry),
      handler: 'handler',
      description: props.description,
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.seconds(10),
      tracing: Tracing.ACTIVE,
      role,
      logGroup,
      projectRoot: PROJECT_ROOT,
      depsLockFilePath: fromRoot('package-lock.json'),
      environment: {
        POWERTOOLS_SERVICE_NAME: props.serviceName,
        POWERTOOLS_LOG_LEVEL: props.stage.powertoolsLogLevel,
        NODE_OPTIONS: '--enable-source-maps',
        [ENV.stage]: props.stage.name,
        ...props.environment,
      },
      bundling: {
        format: OutputFormat.ESM,
        target: 'node22',
        minify: true,
        sourceMap: true,
        sourcesContent: false,
        mainFields: ['module', 'main'],
        banner: REQUIRE_SHIM,
        // Bundle the AWS SDK too: every @aws-sdk/* package runs at the one version the tests ran.
        externalModules: [],
        // esbuild is a local dev dependency; synth never needs Docker.
        forceDockerBundling: false,
        logLevel: LogLevel.WARNING,
        ...(props.files?.length
          ? {
              commandHooks: {
                beforeBundling: () => [],
                beforeInstall: () => [],
                afterBundling: (inputDir: string, outputDir: string) =>
                  (props.files ?? []).map((file) => `cp "${inputDir}/${file}" "${outputDir}/${basename(file)}"`),
              },
            }
          : {}),
      },
    });

    acknowledge(
      role,
      'AwsSolutions-IAM5[Resource::*]',
      'X-Ray PutTraceSegments/PutTelemetryRecords support no resource-level permissions (added by active tracing).',
    );
    acknowledge(
      this,
      'AwsSolutions-L1',
      'Node.js 22 is pinned on purpose: the local stack, the scripts and the tests run on the same major (the `node` dev dependency); upgrade them together.',
    );
  }

  /** Reads (and, with readWrite, writes) items of the single table; sets TABLE_NAME. */
  bindTable(table: PlatformTable, accessMode: 'read' | 'readWrite'): this {
    if (accessMode === 'read') table.grantReadItems(this);
    else table.grantReadWriteItems(this);
    this.addEnvironment(ENV.tableName, table.tableName);
    return this;
  }

  /** Reads and writes objects in the documents and uploads buckets (presigned URLs are signed with this role). */
  bindDocuments(store: DocumentStore): this {
    store.grantReadWriteDocuments(this);
    store.grantReadWriteUploads(this);
    this.addEnvironment(ENV.documentsBucket, store.documents.bucketName);
    this.addEnvironment(ENV.uploadsBucket, store.uploads.bucketName);
    return this;
  }

  /** Encrypts, decrypts and looks up personal-data fields (resident numbers…); sets PII_KEY_ID and PII_MAC_KEY_ID. */
  bindPiiKey(key: PiiKey): this {
    key.grantFieldEncryption(this);
    this.addEnvironment(ENV.piiKeyId, key.dataKey.keyId);
    this.addEnvironment(ENV.piiMacKeyId, key.macKey.keyId);
    return this;
  }

  /**
   * Knows the user pool and its web client (token verification, the /auth sign-in steps, which call
   * Cognito's public APIs). Administrative calls need their own grant from the capability that makes them.
   */
  bindUserPool(identity: Identity): this {
    this.addEnvironment(ENV.userPoolId, identity.userPool.userPoolId);
    this.addEnvironment(ENV.userPoolClientId, identity.webClient.userPoolClientId);
    return this;
  }

  /**
   * Every handler gets every variable of ENV (config.ts) and the data grants the product's handlers
   * share: items of the table, objects of both buckets, the personal-data keys.
   */
  bindPlatform(resources: PlatformResources): this {
    return this.bindTable(resources.table, 'readWrite')
      .bindDocuments(resources.store)
      .bindPiiKey(resources.piiKey)
      .bindUserPool(resources.identity);
  }
}
