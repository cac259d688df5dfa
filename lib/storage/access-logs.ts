import { Duration } from 'aws-cdk-lib';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import type { StageConfig } from '../stage.ts';

/** Days the S3 and CloudFront access logs are kept; prod keeps them as long as the API access logs. */
const LOG_EXPIRY_DAYS = { dev: 30, prod: 731 } as const;

/**
 * The destination of the S3 server access logs and the CloudFront standard logs of the stack, each
 * source under its own prefix. It is not access-logged itself (that would loop); cdk-nag recognises a
 * log destination and does not ask for it.
 */
export class AccessLogs extends Construct {
  readonly bucket: Bucket;

  constructor(scope: Construct, id: string, props: { stage: StageConfig }) {
    super(scope, id);
    this.bucket = new Bucket(this, 'Bucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      // S3 server access logs require SSE-S3 on the destination.
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      // CloudFront standard logging still writes through ACLs; S3 server access logs use the bucket policy.
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ id: 'expire-access-logs', expiration: Duration.days(LOG_EXPIRY_DAYS[props.stage.name]) }],
      removalPolicy: props.stage.removalPolicy,
    });
  }
}
