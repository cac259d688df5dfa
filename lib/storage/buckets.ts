import { Duration } from 'aws-cdk-lib';
import { Grant, type IGrantable } from 'aws-cdk-lib/aws-iam';
import { BlockPublicAccess, Bucket, BucketEncryption, HttpMethods } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { PENDING_UPLOAD_PREFIX, pendingUploadPrefix, type UploadPurposeName } from '#functions/files/rules';
import { acknowledge, attributeToken } from '../nag.ts';
import type { StageConfig } from '../stage.ts';
import type { AccessLogs } from './access-logs.ts';

// Browsers PUT under PENDING_UPLOAD_PREFIX through presigned URLs. An upload that is never confirmed
// (checked and moved to the documents bucket, or marked complete) is deleted by the lifecycle rule after a day.
export { PENDING_UPLOAD_PREFIX };

/** What a function may do in the documents bucket (FunctionGrants.documents): key prefixes such as `seals/`. */
export interface DocumentAccess {
  read?: readonly string[];
  write?: readonly string[];
  /** asks whether a document exists (HeadObject on a key that may not be written yet) */
  probe?: boolean;
}

/** What a function may do with pending uploads (FunctionGrants.uploads), by upload purpose. */
export interface UploadAccess {
  sign?: readonly UploadPurposeName[];
  read?: readonly UploadPurposeName[];
  remove?: readonly UploadPurposeName[];
}

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

  /**
   * Objects of the documents bucket under the key prefixes a capability writes (`seals/`,
   * `activity/`…): GetObject (also for the presigned download links it signs) under `read`, PutObject
   * under `write`; no delete anywhere (a stored record is superseded by a new version, never removed).
   * `probe` adds s3:ListBucket, which S3 requires to answer 404 rather than 403 for a missing key: a
   * function that asks whether a document exists (HeadObject) gets 403 on a key not yet written
   * without it, and reads that as an error.
   */
  grantDocuments(grantee: IGrantable, access: DocumentAccess): void {
    this.grantObjects(grantee, this.documents, ['s3:GetObject'], access.read ?? []);
    this.grantObjects(grantee, this.documents, ['s3:PutObject'], access.write ?? []);
    if (access.probe)
      Grant.addToPrincipal({ grantee, actions: ['s3:ListBucket'], resourceArns: [this.documents.bucketArn] });
  }

  /**
   * Pending browser uploads of some purposes (`pending/<purpose>/…`, files/rules.ts): `sign` lets the
   * function sign presigned PUTs (S3 authorises a presigned request as its signer), `read` fetches and
   * inspects what landed, `remove` deletes a refused or taken file. Reading adds s3:ListBucket so that an
   * upload that never landed reads as missing (404) rather than forbidden (403), which the code answers
   * in Korean; key names in this bucket carry only the purpose and a random id.
   */
  grantUploads(grantee: IGrantable, access: UploadAccess): void {
    const prefixes = (purposes: readonly UploadPurposeName[] | undefined) => (purposes ?? []).map(pendingUploadPrefix);
    this.grantObjects(grantee, this.uploads, ['s3:PutObject'], prefixes(access.sign));
    this.grantObjects(grantee, this.uploads, ['s3:GetObject'], prefixes(access.read));
    this.grantObjects(grantee, this.uploads, ['s3:DeleteObject'], prefixes(access.remove));
    if (access.read?.length)
      Grant.addToPrincipal({ grantee, actions: ['s3:ListBucket'], resourceArns: [this.uploads.bucketArn] });
  }

  private grantObjects(grantee: IGrantable, bucket: Bucket, actions: string[], prefixes: readonly string[]): void {
    if (prefixes.length === 0) return;
    Grant.addToPrincipal({
      grantee,
      actions,
      resourceArns: prefixes.map((prefix) => bucket.arnForObjects(`${prefix}*`)),
    });
    const principal = grantee.grantPrincipal;
    if (!Construct.isConstruct(principal)) return;
    for (const prefix of prefixes) {
      acknowledge(
        principal,
        `AwsSolutions-IAM5[Resource::${attributeToken(bucket)}/${prefix}*]`,
        `Object keys under ${prefix} are generated per record (ids and content hashes); access is to that prefix of this one bucket only.`,
      );
    }
  }
}
