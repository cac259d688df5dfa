import { type CfnElement, Stack, Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/**
 * Accepts one cdk-nag finding on a construct and everything beneath it. cdk-nag 3 has no bulk or
 * prefix suppression: each finding (e.g. `AwsSolutions-IAM5[Resource::<X.Arn>/*]`) is named exactly,
 * so that a new wildcard appearing later is reported instead of silently swallowed.
 */
export function acknowledge(scope: IConstruct, id: string, reason: string): void {
  Validations.of(scope).acknowledge({ id, reason });
}

/**
 * The token cdk-nag prints for an attribute of a resource in an IAM policy: `<LogicalId.Arn>`.
 * Used to name IAM5 findings such as `Resource::<DocumentsBucketABC.Arn>/*` without hard-coding hashes.
 */
export function attributeToken(resource: IConstruct, attribute = 'Arn'): string {
  const element = (resource.node.defaultChild ?? resource) as CfnElement;
  const logicalId = Stack.of(element).resolve(element.logicalId) as string;
  return `<${logicalId}.${attribute}>`;
}
