import { createHash } from 'node:crypto';
import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { s3Client } from '#commons/clients';
import { ENV, requireEnv } from '#commons/config';

const UPLOAD_URL_SECONDS = 10 * 60;

/** A presigned PUT whose signature covers the content type and the exact length declared. */
export async function presignPut(key: string, contentType: string, size: number): Promise<string> {
  return getSignedUrl(
    s3Client(),
    new PutObjectCommand({
      Bucket: requireEnv(ENV.uploadsBucket),
      Key: key,
      ContentType: contentType,
      ContentLength: size,
    }),
    { expiresIn: UPLOAD_URL_SECONDS, signableHeaders: new Set(['content-type', 'content-length']) },
  );
}

/** What landed: size, the first bytes (for the signature check) and the SHA-256 of the whole file. */
export async function inspectObject(
  key: string,
): Promise<{ size: number; head: Uint8Array; sha256: string } | undefined> {
  const bucket = requireEnv(ENV.uploadsBucket);
  try {
    await s3Client().send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
  } catch (error) {
    if (error instanceof Error && (error.name === 'NotFound' || error.name === 'NoSuchKey')) return undefined;
    throw error;
  }
  const object = await s3Client().send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  const bytes = await object.Body!.transformToByteArray();
  return { size: bytes.length, head: bytes.subarray(0, 16), sha256: createHash('sha256').update(bytes).digest('hex') };
}

export async function deleteObject(key: string): Promise<void> {
  await s3Client().send(new DeleteObjectCommand({ Bucket: requireEnv(ENV.uploadsBucket), Key: key }));
}
