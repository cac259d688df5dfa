import { Stack, type StackProps, Tags } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { EdgeWebAcl } from './security/web-acls.ts';
import type { StageConfig } from './stage.ts';

/** CloudFront reads its web ACL (and a custom domain's certificate) from us-east-1 only. */
export const EDGE_REGION = 'us-east-1';

export interface EdgeStackProps extends StackProps {
  stage: StageConfig;
}

/**
 * What CloudFront needs from us-east-1: the distribution's web ACL (scope CLOUDFRONT). The platform
 * stack, in its own region, reads the ACL's ARN from this stack's output at deploy time (a weak
 * cross-region reference: Fn::GetStackOutput, no custom resource), and depends on it, so
 * `cdk deploy` deploys this stack first.
 */
export class EdgeStack extends Stack {
  readonly webAcl: EdgeWebAcl;

  constructor(scope: Construct, id: string, props: EdgeStackProps) {
    super(scope, id, { ...props, env: { ...props.env, region: EDGE_REGION } });
    this.webAcl = new EdgeWebAcl(this, 'Edge', { stage: props.stage });
    Tags.of(this).add('Project', 'kead-work-assistant-platform');
    Tags.of(this).add('Stage', props.stage.name);
  }
}
