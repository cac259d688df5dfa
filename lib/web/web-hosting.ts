import { Aws, Duration, Stack, Token } from 'aws-cdk-lib';
import type { RestApi } from 'aws-cdk-lib/aws-apigateway';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  Function as EdgeFunction,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  OriginSslPolicy,
  PriceClass,
  ResponseHeadersPolicy,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { BlockPublicAccess, Bucket, BucketEncryption } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { acknowledge, attributeToken } from '../nag.ts';
import type { StageConfig } from '../stage.ts';
import type { AccessLogs } from '../storage/access-logs.ts';

/** The web app calls the API at this path on its own origin (web/src/core/api.ts API_BASE). */
export const API_PATH_PREFIX = '/api';

// History-API routing: a path without a file extension is a screen of the single-page app. Done in a
// viewer-request function rather than as 403/404 error responses, which would also turn the API's own
// 403/404 answers under /api/* into the HTML page.
const SPA_REWRITE = `function handler(event) {
  var request = event.request;
  var last = request.uri.substring(request.uri.lastIndexOf('/') + 1);
  if (last.indexOf('.') === -1) request.uri = '/index.html';
  return request;
}`;

// /api/public/organisations → /public/organisations, the path the API and its routes know.
const STRIP_API_PREFIX = `function handler(event) {
  var request = event.request;
  request.uri = request.uri.substring(${API_PATH_PREFIX.length}) || '/';
  return request;
}`;

/**
 * The API's regional endpoint, named from the API's id and the stage name only. RestApiOrigin would
 * reference the deployed stage, making the distribution depend on every method, function and grant of
 * the API, and so a cycle with the buckets, whose CORS rules name the distribution.
 */
function apiOrigin(api: RestApi, stage: StageConfig, customHeaders: Record<string, string>): HttpOrigin {
  return new HttpOrigin(`${api.restApiId}.execute-api.${Aws.REGION}.${Aws.URL_SUFFIX}`, {
    originPath: `/${stage.name}`,
    // CloudFront sets these on every request to the API, replacing any a viewer sent under the same name.
    customHeaders,
    protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
    originSslProtocols: [OriginSslPolicy.TLS_V1_2],
  });
}

export interface WebHostingProps {
  stage: StageConfig;
  accessLogs: AccessLogs;
  api: RestApi;
  /** headers CloudFront adds to every request it sends to the API (the origin secret) */
  apiOriginHeaders: Record<string, string>;
  /** the web ACL (scope CLOUDFRONT, from us-east-1) that filters every request */
  webAclArn: string;
  /** built web app (web/dist) */
  assetPath: string;
  /** origins the browser talks to besides this one: the buckets behind presigned URLs */
  storageOrigins: string[];
}

/**
 * The web app on a private S3 bucket behind CloudFront (origin access control), with security headers
 * on every response, the single-page-app fallback, and /api/* routed to the REST API so that the app,
 * the API and the session live on one origin.
 */
export class WebHosting extends Construct {
  readonly bucket: Bucket;
  readonly distribution: Distribution;

  constructor(scope: Construct, id: string, props: WebHostingProps) {
    super(scope, id);
    const { stage } = props;

    this.bucket = new Bucket(this, 'Bucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      serverAccessLogsBucket: props.accessLogs.bucket,
      serverAccessLogsPrefix: 'web/',
      removalPolicy: stage.removalPolicy,
    });

    const storage = props.storageOrigins.join(' ');
    const contentSecurityPolicy = [
      "default-src 'self'",
      "script-src 'self'",
      // The app ships no inline style attributes or <style> blocks (web/build.ts); keep it that way.
      "style-src 'self'",
      `img-src 'self' data: blob: ${storage}`,
      "font-src 'self' data:",
      `connect-src 'self' ${storage}`,
      "frame-src 'self' blob:",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
      'upgrade-insecure-requests',
    ].join('; ');

    const securityHeaders = new ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'HSTS, CSP, frame and sniffing protection for the web app and its API',
      securityHeadersBehavior: {
        strictTransportSecurity: {
          accessControlMaxAge: Duration.days(730),
          includeSubdomains: true,
          preload: true,
          override: true,
        },
        contentSecurityPolicy: { contentSecurityPolicy, override: true },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        contentTypeOptions: { override: true },
        referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN, override: true },
      },
      customHeadersBehavior: {
        customHeaders: [
          { header: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()', override: true },
        ],
      },
    });

    const spaRewrite = new EdgeFunction(this, 'SpaRewrite', {
      code: FunctionCode.fromInline(SPA_REWRITE),
      runtime: FunctionRuntime.JS_2_0,
      comment: 'Serve index.html for the app screens (paths without a file extension)',
    });
    const stripApiPrefix = new EdgeFunction(this, 'StripApiPrefix', {
      code: FunctionCode.fromInline(STRIP_API_PREFIX),
      runtime: FunctionRuntime.JS_2_0,
      comment: `Remove ${API_PATH_PREFIX} before forwarding to API Gateway`,
    });

    this.distribution = new Distribution(this, 'Distribution', {
      comment: `근로지원인 플랫폼 (${stage.name})`,
      defaultRootObject: 'index.html',
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: securityHeaders,
        functionAssociations: [{ function: spaRewrite, eventType: FunctionEventType.VIEWER_REQUEST }],
        compress: true,
      },
      additionalBehaviors: {
        [`${API_PATH_PREFIX}/*`]: {
          origin: apiOrigin(props.api, stage, props.apiOriginHeaders),
          viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: AllowedMethods.ALLOW_ALL,
          // Never cache API answers; with caching off, this policy forwards the Authorization header.
          cachePolicy: CachePolicy.CACHING_DISABLED,
          originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          responseHeadersPolicy: securityHeaders,
          functionAssociations: [{ function: stripApiPrefix, eventType: FunctionEventType.VIEWER_REQUEST }],
        },
      },
      enableLogging: true,
      logBucket: props.accessLogs.bucket,
      logFilePrefix: 'cloudfront/',
      httpVersion: HttpVersion.HTTP2_AND_3,
      // Price class 200 includes the Korean edge locations.
      priceClass: PriceClass.PRICE_CLASS_200,
      webAclId: props.webAclArn,
    });

    new BucketDeployment(this, 'Deployment', {
      sources: [Source.asset(props.assetPath)],
      destinationBucket: this.bucket,
      distribution: this.distribution,
      distributionPaths: ['/*'],
      memoryLimit: 512,
    });

    acknowledge(
      this.distribution,
      'AwsSolutions-CFR1',
      'No geo restriction: people of the programs also sign in from abroad (travel, overseas work experience).',
    );
    acknowledge(
      this.distribution,
      'AwsSolutions-CFR4',
      'The default *.cloudfront.net certificate fixes the viewer TLS policy; a custom domain with an ACM certificate sets TLSv1.2_2021.',
    );
    this.acknowledgeDeploymentHandler();
  }

  /** BucketDeployment's provider function is a CDK-owned singleton at stack level. */
  private acknowledgeDeploymentHandler(): void {
    const stack = Stack.of(this);
    const handlers = stack.node.children.filter((child) => child.node.id.startsWith('Custom::CDKBucketDeployment'));
    for (const handler of handlers) {
      const why = 'CDK-managed BucketDeployment provider that copies the built web app into its bucket at deploy time';
      acknowledge(handler, 'AwsSolutions-L1', `${why}; its runtime is chosen by aws-cdk-lib.`);
      acknowledge(
        handler,
        'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        `${why}; it logs through the basic execution role.`,
      );
      for (const finding of [
        'Action::s3:GetBucket*',
        'Action::s3:GetObject*',
        'Action::s3:List*',
        'Action::s3:Abort*',
        'Action::s3:DeleteObject*',
        `Resource::${attributeToken(this.bucket)}/*`,
        `Resource::arn:${nagToken(stack.partition, 'AWS::Partition')}:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-${nagToken(stack.region, 'AWS::Region')}/*`,
        'Resource::*',
      ]) {
        acknowledge(
          handler,
          `AwsSolutions-IAM5[${finding}]`,
          `${why}: read the asset, replace the bucket contents, invalidate the distribution.`,
        );
      }
    }
  }
}

/** A stack attribute as cdk-nag prints it: the value when the stack knows it, else `<AWS::Pseudo>`. */
function nagToken(value: string, pseudo: string): string {
  return Token.isUnresolved(value) ? `<${pseudo}>` : value;
}
