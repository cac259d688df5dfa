import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { type NestedStack, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { Method } from 'aws-cdk-lib/aws-apigateway';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENV } from '#commons/config';
import { ROLES } from '#commons/roles';
import { TABLE_KEYS } from '#commons/table';
import { USER_POOL } from '#commons/user-pool';
import { CAPABILITIES } from '#functions/capabilities';
import { stateMachineArnVariable, WORKFLOWS } from '#functions/workflows';
import { isUnderPublicPrefix } from '../../lib/api/route-rules.ts';
import { PENDING_UPLOAD_PREFIX } from '../../lib/storage/buckets.ts';
import {
  acknowledgements,
  logicalId,
  rawNagFindings,
  removeTempDirs,
  type SynthesizedPlatform,
  synthPlatform,
} from './support.ts';

type Resource = { Type: string; Properties: Record<string, unknown>; DeletionPolicy?: string };

// The dev stack, synthesized once with real esbuild bundling, exactly as `npm run synth` does.
let synth: SynthesizedPlatform;
let resources: Record<string, Resource>;
beforeAll(() => {
  synth = synthPlatform('dev', { bundle: true });
  resources = synth.template.toJSON().Resources as Record<string, Resource>;
}, 180_000);

function ofType(type: string): [string, Resource][] {
  return Object.entries(resources).filter(([, resource]) => resource.Type === type);
}

function environment(fn: Resource): Record<string, unknown> {
  return (fn.Properties.Environment as { Variables?: Record<string, unknown> } | undefined)?.Variables ?? {};
}

/** The product's own functions (born from ServiceFunction), not the CDK's deployment helpers. */
function serviceFunctions(): [string, Resource][] {
  return ofType('AWS::Lambda::Function').filter(([, fn]) => environment(fn).POWERTOOLS_SERVICE_NAME !== undefined);
}

describe('cdk-nag (AwsSolutions) and template validation', () => {
  it('leaves no unacknowledged error or warning', () => {
    expect(synth.findings).toEqual([]);
  });

  it('gives every acknowledgement a specific reason and a finding it answers', () => {
    const raw = rawNagFindings(synth.stack);
    const acks = acknowledgements(synth.stack);
    expect(acks.length).toBeGreaterThan(0);
    for (const ack of acks) {
      expect(ack.reason.length, `${ack.id} at ${ack.path}`).toBeGreaterThan(40);
      const answered = raw.some(
        (finding) =>
          finding.ruleId === ack.id && (finding.path === ack.path || finding.path.startsWith(`${ack.path}/`)),
      );
      expect(answered, `stale acknowledgement ${ack.id} at ${ack.path}`).toBe(true);
    }
  });

  it('stays well below the 500-resource limit of a CloudFormation stack', () => {
    expect(Object.keys(resources).length).toBeLessThan(450);
  });
});

describe('the single table', () => {
  it('is one on-demand table keyed and indexed exactly as TABLE_KEYS says, with TTL', () => {
    synth.template.resourceCountIs('AWS::DynamoDB::GlobalTable', 1);
    synth.template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [
        { AttributeName: TABLE_KEYS.partitionKey, KeyType: 'HASH' },
        { AttributeName: TABLE_KEYS.sortKey, KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: TABLE_KEYS.globalIndexes.map((index) => ({
        IndexName: index.indexName,
        KeySchema: [
          { AttributeName: index.partitionKey, KeyType: 'HASH' },
          { AttributeName: index.sortKey, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      })),
      TimeToLiveSpecification: { AttributeName: TABLE_KEYS.ttlAttribute, Enabled: true },
    });
  });

  it('is encrypted with KMS and has point-in-time recovery', () => {
    synth.template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      SSESpecification: { SSEEnabled: true, SSEType: 'KMS' },
      Replicas: [Match.objectLike({ PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } })],
    });
  });

  it('can be torn down in dev (no deletion protection, Delete policy)', () => {
    const [[, table]] = ofType('AWS::DynamoDB::GlobalTable') as [[string, Resource]];
    expect(table.DeletionPolicy).toBe('Delete');
    expect(table.Properties.Replicas).toEqual([expect.objectContaining({ DeletionProtectionEnabled: false })]);
  });
});

describe('the user pool', () => {
  it('requires MFA by SMS only', () => {
    synth.template.hasResourceProperties('AWS::Cognito::UserPool', {
      MfaConfiguration: 'ON',
      EnabledMfas: ['SMS_MFA'],
      SmsConfiguration: Match.objectLike({ SnsCallerArn: Match.anyValue() }),
    });
  });

  it('sends SMS through SNS in Tokyo when deployed in Seoul, as Cognito requires', () => {
    const [[, pool]] = ofType('AWS::Cognito::UserPool') as [[string, Resource]];
    const condition = (pool.Properties.SmsConfiguration as { SnsRegion: { 'Fn::If': [string, string, unknown] } })
      .SnsRegion['Fn::If'];
    expect(condition.slice(1)).toEqual(['ap-northeast-1', { Ref: 'AWS::Region' }]);
    expect(synth.template.toJSON().Conditions[condition[0]]).toEqual({
      'Fn::Equals': [{ Ref: 'AWS::Region' }, 'ap-northeast-2'],
    });
  });

  it('enforces the password policy of USER_POOL', () => {
    const policy = USER_POOL.passwordPolicy;
    synth.template.hasResourceProperties('AWS::Cognito::UserPool', {
      Policies: {
        PasswordPolicy: Match.objectLike({
          MinimumLength: policy.minLength,
          RequireLowercase: policy.requireLowercase,
          RequireUppercase: policy.requireUppercase,
          RequireNumbers: policy.requireDigits,
          RequireSymbols: policy.requireSymbols,
          TemporaryPasswordValidityDays: policy.temporaryPasswordValidityDays,
        }),
      },
    });
  });

  it('recovers accounts by SMS even though the phone is also the MFA phone (no AccountRecoverySetting)', () => {
    // An explicit setting would disqualify the MFA phone and leave nobody able to reset a password.
    synth.template.hasResourceProperties('AWS::Cognito::UserPool', {
      AccountRecoverySetting: Match.absent(),
      AutoVerifiedAttributes: ['phone_number'],
      Schema: Match.arrayWith([Match.objectLike({ Name: 'phone_number', Required: true })]),
    });
  });

  it('has exactly one group per role', () => {
    const groups = ofType('AWS::Cognito::UserPoolGroup').map(([, group]) => group.Properties.GroupName);
    expect(groups.sort()).toEqual([...ROLES].sort());
  });

  it('has a public web client: no secret, only the auth flows of USER_POOL, token lifetimes of USER_POOL', () => {
    synth.template.resourceCountIs('AWS::Cognito::UserPoolClient', 1);
    synth.template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      GenerateSecret: false,
      ExplicitAuthFlows: USER_POOL.authFlows.map((flow) => `ALLOW_${flow}`),
      AccessTokenValidity: USER_POOL.accessTokenMinutes,
      IdTokenValidity: USER_POOL.idTokenMinutes,
      RefreshTokenValidity: USER_POOL.refreshTokenDays * 24 * 60,
      TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'minutes', RefreshToken: 'minutes' },
      PreventUserExistenceErrors: 'ENABLED',
      AllowedOAuthFlowsUserPoolClient: false,
    });
  });
});

describe('the buckets', () => {
  it('block public access, are encrypted and access-logged (except the log bucket itself)', () => {
    const buckets = ofType('AWS::S3::Bucket');
    expect(buckets.length).toBe(4);
    for (const [id, bucket] of buckets) {
      expect(bucket.Properties.PublicAccessBlockConfiguration, id).toEqual({
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      });
      expect(bucket.Properties.BucketEncryption, id).toEqual({
        ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
      });
    }
    const logBucket = logicalId(synth.stack.node.findChild('AccessLogs').node.findChild('Bucket'));
    const logged = buckets.filter(([, bucket]) => bucket.Properties.LoggingConfiguration !== undefined);
    expect(logged.map(([id]) => id)).not.toContain(logBucket);
    expect(logged.length).toBe(3);
  });

  it('deny every request made without TLS', () => {
    const policies = ofType('AWS::S3::BucketPolicy');
    const bucketIds = ofType('AWS::S3::Bucket').map(([id]) => id);
    const enforced = policies
      .filter(([, policy]) =>
        (policy.Properties.PolicyDocument as { Statement: Record<string, unknown>[] }).Statement.some(
          (statement) =>
            statement.Effect === 'Deny' &&
            JSON.stringify(statement.Condition) === JSON.stringify({ Bool: { 'aws:SecureTransport': 'false' } }),
        ),
      )
      .map(([, policy]) => (policy.Properties.Bucket as { Ref: string }).Ref);
    expect(enforced.sort()).toEqual(bucketIds.sort());
  });

  it('version the documents bucket, whose records must never be lost', () => {
    const documents = resources[logicalId(synth.stack.resources.store.documents)]!;
    expect(documents.Properties.VersioningConfiguration).toEqual({ Status: 'Enabled' });
  });

  it('expire abandoned uploads after a day and abort incomplete multipart uploads', () => {
    const uploads = resources[logicalId(synth.stack.resources.store.uploads)]!;
    expect(uploads.Properties.LifecycleConfiguration).toEqual({
      Rules: expect.arrayContaining([
        expect.objectContaining({ Prefix: PENDING_UPLOAD_PREFIX, ExpirationInDays: 1, Status: 'Enabled' }),
        expect.objectContaining({ AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 }, Status: 'Enabled' }),
      ]),
    });
  });

  it('accept presigned PUTs from the web origin only', () => {
    const uploads = resources[logicalId(synth.stack.resources.store.uploads)]!;
    const distribution = logicalId(synth.stack.web.distribution);
    expect(uploads.Properties.CorsConfiguration).toEqual({
      CorsRules: [
        expect.objectContaining({
          AllowedMethods: ['PUT'],
          AllowedOrigins: [{ 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [distribution, 'DomainName'] }]] }],
        }),
      ],
    });
  });
});

describe('the Lambda functions', () => {
  it('are one router per capability (plus the workflow tasks and schedules)', () => {
    const services = serviceFunctions().map(([, fn]) => environment(fn).POWERTOOLS_SERVICE_NAME);
    const taskFiles = new Set(WORKFLOWS.flatMap((workflow) => Object.values(workflow.tasks)));
    // a workflow's schedule runs its own function that starts executions
    const schedules = WORKFLOWS.filter((workflow) => workflow.schedule).length;
    // a capability that imports landed uploads has a second function for the bucket's events
    const uploadHandlers = CAPABILITIES.filter((capability) => capability.uploadEvents).length;
    expect(uploadHandlers).toBeGreaterThan(0);
    expect(services.length).toBe(CAPABILITIES.length + uploadHandlers + taskFiles.size + schedules);
    for (const capability of CAPABILITIES) {
      expect(
        services.filter((name) => name === capability.name),
        capability.name,
      ).toHaveLength(capability.uploadEvents ? 2 : 1);
    }
  });

  it('start the attendance import from the uploads bucket: Object Created under the attendance prefix only', () => {
    const [[, notifications]] = ofType('Custom::S3BucketNotifications') as [[string, Resource]];
    const uploads = ofType('AWS::S3::Bucket').find(([id]) => id.includes('Uploads'))!;
    expect(notifications.Properties.BucketName).toEqual({ Ref: uploads[0] });
    const config = (notifications.Properties.NotificationConfiguration as { LambdaFunctionConfigurations: unknown[] })
      .LambdaFunctionConfigurations;
    expect(config).toEqual([
      expect.objectContaining({
        Events: ['s3:ObjectCreated:*'],
        Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: 'pending/attendance/' }] } },
      }),
    ]);
    const target = (config[0] as { LambdaFunctionArn: { 'Fn::GetAtt': [string, string] } }).LambdaFunctionArn[
      'Fn::GetAtt'
    ][0];
    const fn = resources[target]!;
    expect(environment(fn).POWERTOOLS_SERVICE_NAME).toBe('attendance');
    expect(fn.Properties.Timeout).toBe(900);
    // S3 may invoke it: a permission scoped to the uploads bucket
    expect(
      ofType('AWS::Lambda::Permission').some(
        ([, p]) =>
          p.Properties.Principal === 's3.amazonaws.com' &&
          JSON.stringify(p.Properties.FunctionName).includes(target) &&
          JSON.stringify(p.Properties.SourceArn).includes(uploads[0]),
      ),
    ).toBe(true);
  });

  it('all run Node.js 22 on arm64 with active tracing, their own log group and the Powertools settings', () => {
    for (const [id, fn] of serviceFunctions()) {
      expect(fn.Properties, id).toMatchObject({
        Runtime: 'nodejs22.x',
        Architectures: ['arm64'],
        TracingConfig: { Mode: 'Active' },
        Handler: 'index.handler',
        LoggingConfig: { LogGroup: expect.anything() },
        Environment: { Variables: expect.objectContaining({ POWERTOOLS_LOG_LEVEL: 'DEBUG' }) },
      });
    }
  });

  it('all know their stage; the other variables of ENV come with their grants (capability-grants.test.ts)', () => {
    for (const [id, fn] of serviceFunctions()) {
      expect(environment(fn)[ENV.stage], id).toBe('dev');
      if (environment(fn)[ENV.tableName] !== undefined) {
        expect(environment(fn)[ENV.tableName], id).toEqual({ Ref: logicalId(synth.stack.resources.table.table) });
      }
    }
  });

  it('give the routers that use a workflow its ARN and the rights to start it and answer its tokens', () => {
    for (const workflow of WORKFLOWS) {
      const machine = logicalId(synth.stack.workflows.stateMachines.get(workflow.name)!);
      for (const capability of workflow.usedBy ?? []) {
        const router = synth.stack.api.functions.get(capability)!;
        const [, fn] = serviceFunctions().find(([id]) => id === logicalId(router))!;
        expect(environment(fn)[stateMachineArnVariable(workflow.name)]).toEqual({ Ref: machine });
        const policies = ofType('AWS::IAM::Policy').filter(([, policy]) =>
          (policy.Properties.Roles as { Ref: string }[]).some((role) => role.Ref === logicalId(router.role!)),
        );
        const text = JSON.stringify(policies.map(([, policy]) => policy.Properties.PolicyDocument));
        for (const action of ['states:StartExecution', 'states:SendTaskSuccess']) expect(text).toContain(action);
      }
    }
    // the month's claims start at 09:00 Korea time on the 1st
    expect(ofType('AWS::Events::Rule').map(([, rule]) => rule.Properties.ScheduleExpression)).toContain(
      'cron(0 0 1 * ? *)',
    );
  });

  it('may administer Cognito users only in the identity router', () => {
    const withAdmin = ofType('AWS::IAM::Policy')
      .filter(([, policy]) => JSON.stringify(policy.Properties.PolicyDocument).includes('cognito-idp:Admin'))
      .map(([, policy]) => (policy.Properties.Roles as { Ref: string }[])[0]!.Ref);
    const identityRole = logicalId(synth.stack.api.functions.get('identity')!.role!);
    expect(withAdmin).toEqual([identityRole]);
  });

  it('are bundled by esbuild into a minified ESM module with its source map', () => {
    for (const [id, fn] of serviceFunctions()) {
      const key = (fn.Properties.Code as { S3Key: string }).S3Key;
      const staged = join(synth.outdir, `asset.${key.replace(/\.zip$/, '')}`);
      const bundle = readFileSync(join(staged, 'index.mjs'), 'utf8');
      expect(bundle.startsWith("import { createRequire } from 'node:module';"), id).toBe(true);
      expect(bundle, id).toMatch(/export\s*\{[^}]*\bhandler\b[^}]*\}/);
      expect(statSync(join(staged, 'index.mjs.map')).size, id).toBeGreaterThan(0);
    }
  });
});

afterAll(removeTempDirs);

describe('the API', () => {
  const methods = () =>
    synth.stack.node.findAll().filter((construct): construct is Method => construct instanceof Method);

  /**
   * A method's properties as deployed: methods live in their capability's nested stack, so what they
   * take from this stack arrives as parameters; those are replaced by the values this stack passes.
   */
  const methodProperties = (method: Method): Record<string, unknown> => {
    const nested = Stack.of(method) as NestedStack;
    expect(nested.nested, `${method.httpMethod} ${method.resource.path} is in a nested stack`).toBe(true);
    const own = Template.fromStack(nested).toJSON().Resources[logicalId(method)].Properties;
    const passed = resources[logicalId(nested.nestedStackResource!)]!.Properties.Parameters as Record<string, unknown>;
    return JSON.parse(JSON.stringify(own), (_key, value) =>
      value && typeof value === 'object' && typeof value.Ref === 'string' && value.Ref in passed
        ? passed[value.Ref]
        : value,
    );
  };

  it('keeps each capability’s methods in a nested stack of its own, so the stack stays under its limit', () => {
    const nested = ofType('AWS::CloudFormation::Stack');
    expect(nested).toHaveLength(CAPABILITIES.length);
    for (const capability of CAPABILITIES) {
      const stacks = new Set(
        methods()
          .filter((m) => capability.routes.some((r) => r.method === m.httpMethod && r.path === m.resource.path))
          .map((m) => Stack.of(m).node.path),
      );
      expect([...stacks], capability.name).toHaveLength(1);
    }
    expect(ofType('AWS::ApiGateway::Method')).toEqual([]);
    // the deployment waits for every capability's methods (and is replaced when they change)
    const [[, deployment]] = ofType('AWS::ApiGateway::Deployment') as [[string, Resource & { DependsOn: string[] }]];
    for (const [id] of nested) expect(deployment.DependsOn, id).toContain(id);
  });

  it('has one method per RouteSpec and nothing else', () => {
    const deployed = methods().map((method) => `${method.httpMethod} ${method.resource.path}`);
    const declared = CAPABILITIES.flatMap((capability) =>
      capability.routes.map((route) => `${route.method} ${route.path}`),
    );
    expect(deployed.sort()).toEqual(declared.sort());
  });

  it('puts every non-public route behind the Cognito authorizer, and public ones only under /public or /auth', () => {
    const authorizer = ofType('AWS::ApiGateway::Authorizer');
    expect(authorizer).toHaveLength(1);
    expect(authorizer[0]![1].Properties.Type).toBe('COGNITO_USER_POOLS');
    const routes = new Map(
      CAPABILITIES.flatMap((capability) => capability.routes.map((route) => [`${route.method} ${route.path}`, route])),
    );
    for (const method of methods()) {
      const key = `${method.httpMethod} ${method.resource.path}`;
      const properties = methodProperties(method);
      if (routes.get(key)!.access === 'public') {
        expect(isUnderPublicPrefix(method.resource.path), key).toBe(true);
        expect(properties.AuthorizationType, key).toBe('NONE');
      } else {
        expect(properties.AuthorizationType, key).toBe('COGNITO_USER_POOLS');
        expect(properties.AuthorizerId, key).toEqual({ Ref: authorizer[0]![0] });
      }
    }
  });

  it('routes each method to the router of the capability that declares it', () => {
    for (const capability of CAPABILITIES) {
      const fn = logicalId(synth.stack.api.functions.get(capability.name)!);
      for (const route of capability.routes) {
        const method = methods().find((m) => m.httpMethod === route.method && m.resource.path === route.path)!;
        expect(JSON.stringify(methodProperties(method).Integration), route.path).toContain(fn);
      }
    }
  });

  it('validates requests and logs access without request bodies, with tracing and throttling', () => {
    synth.template.hasResourceProperties('AWS::ApiGateway::RequestValidator', {
      ValidateRequestBody: true,
      ValidateRequestParameters: true,
    });
    synth.template.hasResourceProperties('AWS::ApiGateway::Stage', {
      StageName: 'dev',
      TracingEnabled: true,
      AccessLogSetting: { DestinationArn: Match.anyValue(), Format: Match.stringLikeRegexp('requestId') },
      MethodSettings: Match.arrayWith([
        Match.objectLike({
          ResourcePath: '/*',
          HttpMethod: '*',
          DataTraceEnabled: false,
          LoggingLevel: 'ERROR',
          ThrottlingRateLimit: Match.anyValue(),
          ThrottlingBurstLimit: Match.anyValue(),
        }),
      ]),
    });
  });
});

describe('personal-data keys', () => {
  it('rotate the field-encryption key and hand both keys only to the function that handles resident numbers', () => {
    const dataKey = logicalId(synth.stack.resources.piiKey.dataKey);
    const macKey = logicalId(synth.stack.resources.piiKey.macKey);
    expect(resources[dataKey]!.Properties).toMatchObject({ EnableKeyRotation: true, KeySpec: 'SYMMETRIC_DEFAULT' });
    expect(resources[macKey]!.Properties).toMatchObject({ KeySpec: 'HMAC_256', KeyUsage: 'GENERATE_VERIFY_MAC' });
    const holders = serviceFunctions().filter(([, fn]) => environment(fn)[ENV.piiKeyId] !== undefined);
    expect(holders.map(([id]) => id)).toEqual([logicalId(synth.stack.api.functions.get('assistants')!)]);
    expect(environment(holders[0]![1])).toMatchObject({
      [ENV.piiKeyId]: { Ref: dataKey },
      [ENV.piiMacKeyId]: { Ref: macKey },
    });
  });
});

describe('the web distribution', () => {
  it('reads a private bucket through origin access control', () => {
    synth.template.resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
    synth.template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        Origins: Match.arrayWith([
          Match.objectLike({
            OriginAccessControlId: Match.anyValue(),
            S3OriginConfig: { OriginAccessIdentity: '' },
          }),
        ]),
        Logging: Match.objectLike({ Bucket: Match.anyValue() }),
      }),
    });
  });

  it('sends the security headers on every response', () => {
    synth.template.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
      ResponseHeadersPolicyConfig: Match.objectLike({
        SecurityHeadersConfig: {
          StrictTransportSecurity: Match.objectLike({ IncludeSubdomains: true, Override: true }),
          ContentSecurityPolicy: Match.objectLike({ ContentSecurityPolicy: Match.anyValue() }),
          FrameOptions: { FrameOption: 'DENY', Override: true },
          ContentTypeOptions: { Override: true },
          ReferrerPolicy: Match.objectLike({ ReferrerPolicy: 'strict-origin-when-cross-origin' }),
        },
      }),
    });
    const [[, headers]] = ofType('AWS::CloudFront::ResponseHeadersPolicy') as [[string, Resource]];
    const csp = JSON.stringify(headers.Properties.ResponseHeadersPolicyConfig);
    for (const directive of [
      "default-src 'self'",
      "script-src 'self';",
      "style-src 'self';",
      "object-src 'none'",
      "frame-ancestors 'none'",
    ]) {
      expect(csp).toContain(directive);
    }
    expect(csp).not.toContain('unsafe-');
    const policy = { Ref: logicalId(synth.stack.node.findChild('Web').node.findChild('SecurityHeaders')) };
    const config = ofType('AWS::CloudFront::Distribution')[0]![1].Properties.DistributionConfig as {
      DefaultCacheBehavior: Record<string, unknown>;
      CacheBehaviors: Record<string, unknown>[];
    };
    expect(config.DefaultCacheBehavior.ResponseHeadersPolicyId).toEqual(policy);
    for (const behavior of config.CacheBehaviors) expect(behavior.ResponseHeadersPolicyId).toEqual(policy);
  });

  it('serves the single-page app for extension-less paths and sends /api/* to the API uncached', () => {
    const config = ofType('AWS::CloudFront::Distribution')[0]![1].Properties.DistributionConfig as {
      DefaultRootObject: string;
      DefaultCacheBehavior: { FunctionAssociations: { EventType: string }[] };
      CacheBehaviors: { PathPattern: string; AllowedMethods: string[]; CachePolicyId: string }[];
    };
    expect(config.DefaultRootObject).toBe('index.html');
    expect(config.DefaultCacheBehavior.FunctionAssociations).toEqual([
      expect.objectContaining({ EventType: 'viewer-request' }),
    ]);
    expect(config.CacheBehaviors).toEqual([
      expect.objectContaining({
        PathPattern: '/api/*',
        AllowedMethods: expect.arrayContaining(['POST', 'PUT', 'PATCH', 'DELETE']),
        // the managed CachingDisabled policy
        CachePolicyId: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad',
      }),
    ]);
    synth.template.hasResourceProperties('AWS::CloudFront::Function', {
      FunctionCode: Match.stringLikeRegexp("request.uri = '/index.html'"),
    });
  });

  it('deploys the built web app into the bucket and invalidates the cache', () => {
    synth.template.hasResourceProperties('Custom::CDKBucketDeployment', {
      DestinationBucketName: { Ref: logicalId(synth.stack.web.bucket) },
      DistributionPaths: ['/*'],
    });
  });
});
