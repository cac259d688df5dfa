import { basename } from 'node:path';
import { Duration } from 'aws-cdk-lib';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { LogLevel, NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { ENV } from '#commons/config';
import { acknowledge } from '../nag.ts';
import { fromRoot, PROJECT_ROOT } from '../paths.ts';
import type { StageConfig } from '../stage.ts';
import type { FunctionGrants } from './function-grants.ts';
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
 * Powertools settings. Permissions come only from the function's declaration (bindGrants), which also
 * sets the environment variables the handler reads, so a grant and its configuration never drift apart.
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

  /**
   * Grants what the function's declaration names (lib/api/capability-grants.ts), each with the
   * environment variable its code reads; nothing else. Every function also writes its own log group
   * and sends X-Ray traces (above), and knows its stage (STAGE).
   */
  bindGrants(grants: FunctionGrants, resources: PlatformResources): this {
    if (grants.table) {
      resources.table.grantItems(this, grants.table);
      this.addEnvironment(ENV.tableName, resources.table.tableName);
    }
    if (grants.documents) {
      resources.store.grantDocuments(this, grants.documents);
      this.addEnvironment(ENV.documentsBucket, resources.store.documents.bucketName);
    }
    if (grants.uploads) {
      resources.store.grantUploads(this, grants.uploads);
      this.addEnvironment(ENV.uploadsBucket, resources.store.uploads.bucketName);
    }
    if (grants.residentNumbers?.length) {
      resources.piiKey.grantResidentNumbers(this, grants.residentNumbers);
      this.addEnvironment(ENV.piiKeyId, resources.piiKey.dataKey.keyId);
      this.addEnvironment(ENV.piiMacKeyId, resources.piiKey.macKey.keyId);
    }
    if (grants.sms) this.grantProductSms();
    if (grants.userPool) {
      // The sign-in steps call Cognito's public APIs (no IAM permission); administration needs its grant.
      this.addEnvironment(ENV.userPoolId, resources.identity.userPool.userPoolId);
      this.addEnvironment(ENV.userPoolClientId, resources.identity.webClient.userPoolClientId);
      if (grants.userPool === 'administer') resources.identity.grantUserAdministration(this);
    }
    return this;
  }

  /**
   * Product SMS (functions/commons/sms-sink.ts): SNS Publish with a PhoneNumber. A message sent straight
   * to a phone number has no resource ARN, so IAM can only name `*`; it is given to the functions whose
   * code sends SMS and to no other (the grants test checks both ways).
   */
  private grantProductSms(): void {
    this.addToRolePolicy(new PolicyStatement({ actions: ['sns:Publish'], resources: ['*'] }));
    acknowledge(
      this.role!,
      'AwsSolutions-IAM5[Resource::*]',
      'X-Ray PutTraceSegments/PutTelemetryRecords support no resource-level permissions (active tracing), and sns:Publish to a phone number (product SMS) cannot be scoped to a resource ARN.',
    );
  }
}
