import { Duration } from 'aws-cdk-lib';
import { Grant, type IGrantable } from 'aws-cdk-lib/aws-iam';
import { BlockPublicAccess, Bucket, BucketEncryption, HttpMethods } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { PENDING_UPLOAD_PREFIX } from '#functions/files/rules';
import { acknowledge, attributeToken } from '../nag.ts';
import type { StageConfig } from '../stage.ts';
import type { AccessLogs } from './access-logs.ts';

// Browsers PUT under PENDING_UPLOAD_PREFIX through presigned URLs. An upload that is never confirmed
// (checked and moved to the documents bucket, or marked complete) is deleted by the lifecycle rule after a day.
export { PENDING_UPLOAD_PREFIX };

export interface DocumentStoreProps {
  stage: StageConfig;
  accessLogs: AccessLogs;
}

/**
 * The product's object storage. `documents` holds records that must never be lost (seals, signatures,
 * generated agreements, pay slips): versioned, no delete grant. `uploads` receives browser uploads
 * through presigned URLs. Both are private, encrypted, TLS-only and access-logged.
 */
export class DocumentStore extends Construct {
  readonly documents: Bucket;
  readonly uploads: Bucket;

  constructor(scope: Construct, id: string, props: DocumentStoreProps) {
    super(scope, id);
    const common = {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      serverAccessLogsBucket: props.accessLogs.bucket,
      removalPolicy: props.stage.removalPolicy,
    };
    this.documents = new Bucket(this, 'Documents', {
      ...common,
      serverAccessLogsPrefix: 'documents/',
      versioned: true,
      lifecycleRules: [{ id: 'abort-incomplete-multipart', abortIncompleteMultipartUploadAfter: Duration.days(7) }],
    });
    this.uploads = new Bucket(this, 'Uploads', {
      ...common,
      serverAccessLogsPrefix: 'uploads/',
      lifecycleRules: [
        { id: 'expire-abandoned-uploads', prefix: PENDING_UPLOAD_PREFIX, expiration: Duration.days(1) },
        { id: 'abort-incomplete-multipart', abortIncompleteMultipartUploadAfter: Duration.days(1) },
      ],
    });
  }

  /**
   * Lets the web app (served from `origin`) PUT to presigned upload URLs and fetch presigned document
   * URLs. Called once the CloudFront origin is known.
   */
  allowBrowserAccessFrom(origin: string): void {
    this.uploads.addCorsRule({
      allowedOrigins: [origin],
      allowedMethods: [HttpMethods.PUT],
      allowedHeaders: ['content-type', 'content-md5', 'x-amz-*'],
      exposedHeaders: ['ETag'],
      maxAge: 3000,
    });
    this.documents.addCorsRule({
      allowedOrigins: [origin],
      allowedMethods: [HttpMethods.GET, HttpMethods.HEAD],
      allowedHeaders: ['*'],
      exposedHeaders: ['ETag', 'Content-Disposition'],
      maxAge: 3000,
    });
  }

  /** Read and write (no delete: a stored record is superseded by a new version, never removed). */
  grantReadWriteDocuments(grantee: IGrantable): void {
    this.grantObjects(grantee, this.documents, ['s3:GetObject', 's3:GetObjectVersion', 's3:PutObject']);
  }

  /** Read, write and delete: a checked upload is removed once it has been moved to its record. */
  grantReadWriteUploads(grantee: IGrantable): void {
    this.grantObjects(grantee, this.uploads, ['s3:GetObject', 's3:PutObject', 's3:DeleteObject']);
  }

  private grantObjects(grantee: IGrantable, bucket: Bucket, actions: string[]): void {
    Grant.addToPrincipal({ grantee, actions, resourceArns: [bucket.arnForObjects('*')] });
    const principal = grantee.grantPrincipal;
    if (Construct.isConstruct(principal)) {
      acknowledge(
        principal,
        `AwsSolutions-IAM5[Resource::${attributeToken(bucket)}/*]`,
        'Object keys are generated per record (agency/assistant/…); access is to objects of this one bucket, never to other buckets.',
      );
    }
  }
}
