import { Aws, CfnOutput, Stack, type StackProps, Tags } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import type { Capability } from '#commons/http/route';
import type { WorkflowDefinition } from '#functions/workflows';
import { PlatformApi } from './api/platform-api.ts';
import type { PlatformResources } from './constructs/platform-resources.ts';
import { Identity } from './identity/identity.ts';
import { PiiKey } from './security/pii-key.ts';
import { ApiWebAcl, ORIGIN_VERIFY_HEADER, OriginSecret } from './security/web-acls.ts';
import type { StageConfig } from './stage.ts';
import { AccessLogs } from './storage/access-logs.ts';
import { DocumentStore } from './storage/buckets.ts';
import { PlatformTable } from './storage/table.ts';
import { UploadTriggers } from './storage/upload-triggers.ts';
import { API_PATH_PREFIX, WebHosting } from './web/web-hosting.ts';
import { Workflows } from './workflows/workflows.ts';

export interface PlatformStackProps extends StackProps {
  stage: StageConfig;
  capabilities: Capability[];
  workflows: WorkflowDefinition[];
  /** the built web app (web/dist) */
  webAssetPath: string;
  /** the distribution's web ACL (scope CLOUDFRONT, in us-east-1: lib/edge-stack.ts) */
  cloudFrontWebAclArn: string;
}

/**
 * The whole product in one stack. It only composes: each capability of the infrastructure (storage,
 * identity, security, workflows, api, web) owns its constructs and exposes intent-named grants.
 */
export class PlatformStack extends Stack {
  readonly resources: PlatformResources;
  readonly api: PlatformApi;
  readonly workflows: Workflows;
  readonly uploadTriggers: UploadTriggers;
  readonly web: WebHosting;
  readonly apiWebAcl: ApiWebAcl;

  constructor(scope: Construct, id: string, props: PlatformStackProps) {
    super(scope, id, props);
    const { stage } = props;

    const accessLogs = new AccessLogs(this, 'AccessLogs', { stage });
    const table = new PlatformTable(this, 'Data', { stage });
    const store = new DocumentStore(this, 'Storage', { stage, accessLogs });
    const piiKey = new PiiKey(this, 'PersonalData', { stage });
    const identity = new Identity(this, 'Identity', { stage });
    this.resources = { stage, table, store, piiKey, identity };

    this.workflows = new Workflows(this, 'Workflows', { resources: this.resources, workflows: props.workflows });
    this.api = new PlatformApi(this, 'Api', { resources: this.resources, capabilities: props.capabilities });
    // The API answers only requests that come through CloudFront (which adds the origin secret).
    const originSecret = new OriginSecret(this, 'OriginSecret', { stage });
    this.apiWebAcl = new ApiWebAcl(this, 'ApiWebAcl', {
      stage,
      apiStage: this.api.restApi.deploymentStage,
      originSecret,
    });
    this.workflows.connect(this.api.functions, props.workflows);
    this.uploadTriggers = new UploadTriggers(this, 'UploadTriggers', {
      resources: this.resources,
      capabilities: props.capabilities,
    });
    this.web = new WebHosting(this, 'Web', {
      stage,
      accessLogs,
      api: this.api.restApi,
      apiOriginHeaders: { [ORIGIN_VERIFY_HEADER]: originSecret.headerValue },
      webAclArn: props.cloudFrontWebAclArn,
      assetPath: props.webAssetPath,
      // Presigned URLs point at <bucket>.s3.<region>.amazonaws.com. Naming the two buckets here would be a
      // dependency cycle (their CORS rules name the distribution), so the CSP allows the region's S3 hosts.
      storageOrigins: [`https://*.s3.${Aws.REGION}.${Aws.URL_SUFFIX}`],
    });
    const webOrigin = `https://${this.web.distribution.distributionDomainName}`;
    store.allowBrowserAccessFrom(webOrigin);

    Tags.of(this).add('Project', 'kead-work-assistant-platform');
    Tags.of(this).add('Stage', stage.name);

    new CfnOutput(this, 'WebUrl', { value: webOrigin, description: 'The web app (and its API under /api)' });
    new CfnOutput(this, 'ApiUrl', {
      value: this.api.restApi.url,
      description: `Direct API endpoint; it refuses requests that do not come through CloudFront (the app uses ${API_PATH_PREFIX} on WebUrl)`,
    });
    new CfnOutput(this, 'UserPoolId', { value: identity.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: identity.webClient.userPoolClientId });
    new CfnOutput(this, 'TableName', { value: table.tableName });
    new CfnOutput(this, 'DocumentsBucket', { value: store.documents.bucketName });
    new CfnOutput(this, 'UploadsBucket', { value: store.uploads.bucketName });
  }
}
