import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { KMSClient } from '@aws-sdk/client-kms';
import { S3Client } from '@aws-sdk/client-s3';
import { SFNClient } from '@aws-sdk/client-sfn';
import { SNSClient } from '@aws-sdk/client-sns';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

// AWS clients are created once per process, lazily, so that importing a module (e.g. the CDK app
// reading the route table) never needs credentials. On the local stack the SDK's own
// AWS_ENDPOINT_URL_<SERVICE> variables point the same clients at the local servers.
function once<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => {
    value ??= make();
    return value;
  };
}

export const dynamoClient = once(() => new DynamoDBClient({}));
export const documentClient = once(() =>
  DynamoDBDocumentClient.from(dynamoClient(), { marshallOptions: { removeUndefinedValues: true } }),
);
// WHEN_REQUIRED: by default the SDK signs the CRC32 of an empty body into presigned PUT URLs, and S3
// then refuses every real upload through them (BadDigest); the local S3 checks this the same way.
export const s3Client = once(
  () =>
    new S3Client({
      forcePathStyle: process.env.S3_FORCE_PATH_STYLE === 'true',
      requestChecksumCalculation: 'WHEN_REQUIRED',
    }),
);
export const cognitoClient = once(() => new CognitoIdentityProviderClient({}));
export const sfnClient = once(() => new SFNClient({}));
export const kmsClient = once(() => new KMSClient({}));
export const snsClient = once(() => new SNSClient({}));
