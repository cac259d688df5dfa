import { type App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { CAPABILITIES } from '#functions/capabilities';
import { WORKFLOWS } from '#functions/workflows';
import { EdgeStack } from './edge-stack.ts';
import { PlatformStack } from './platform-stack.ts';
import { regionFromContext, stageFromContext } from './stage.ts';

export interface PlatformAppOptions {
  /** the built web app; bin/app.ts builds it, tests pass a prebuilt folder */
  webAssetPath: string;
}

/**
 * Adds the product to a CDK app for the stage chosen with `-c stage=…`, with the cdk-nag AwsSolutions
 * checks attached (they run at synth and fail it on any unacknowledged finding). bin/app.ts and the
 * CDK tests both go through here, so the tests check exactly what `cdk synth` produces.
 */
export function addPlatform(app: App, options: PlatformAppOptions): PlatformStack {
  const stage = stageFromContext(app);
  // The region is named (not taken from the credentials at deploy time) because the distribution's web
  // ACL must live in us-east-1, and a cross-region reference needs both regions known at synth.
  const region = regionFromContext(app);
  const edge = new EdgeStack(app, `KeadPlatformEdge-${stage.name}`, {
    stage,
    description: `근로지원인 플랫폼 (${stage.name}): CloudFront web ACL (us-east-1)`,
  });
  const stack = new PlatformStack(app, `KeadPlatform-${stage.name}`, {
    env: { region },
    stage,
    description: `근로지원인 플랫폼 (${stage.name}): API, data, identity and web app`,
    capabilities: CAPABILITIES,
    workflows: WORKFLOWS,
    webAssetPath: options.webAssetPath,
    cloudFrontWebAclArn: edge.webAcl.webAcl.attrArn,
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return stack;
}
