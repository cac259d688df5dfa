import { GetObjectCommand } from '@aws-sdk/client-s3';
import { s3Client } from '#commons/clients';
import { ENV, requireEnv } from '#commons/config';

/** The uploaded file as a stream of bytes: the importer reads it once, chunk by chunk, never whole. */
export async function openUpload(key: string): Promise<AsyncIterable<Uint8Array>> {
  const object = await s3Client().send(new GetObjectCommand({ Bucket: requireEnv(ENV.uploadsBucket), Key: key }));
  if (!object.Body) throw new Error('attendance upload has no body');
  return object.Body as AsyncIterable<Uint8Array>;
}
