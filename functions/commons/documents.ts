import { createHash } from 'node:crypto';
import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { s3Client } from './clients.ts';
import { ENV, requireEnv } from './config.ts';
import { logger } from './powertools.ts';

// The documents bucket (versioned, private, encrypted, never deleted), shared by every capability that
// keeps a document (seals and agreements, consent snapshots and scans, printed logs, leave notices).
// Each capability names its own keys; keys carry the content hash, so a retried write never replaces
// a document that is already on record.

const DOWNLOAD_URL_SECONDS = 5 * 60;

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export async function readDocument(key: string): Promise<Uint8Array> {
  const object = await s3Client().send(new GetObjectCommand({ Bucket: requireEnv(ENV.documentsBucket), Key: key }));
  return object.Body!.transformToByteArray();
}

export async function writeDocument(key: string, bytes: Uint8Array, contentType: string): Promise<void> {
  await s3Client().send(
    new PutObjectCommand({
      Bucket: requireEnv(ENV.documentsBucket),
      Key: key,
      Body: bytes,
      ContentType: contentType,
      ContentLength: bytes.length,
    }),
  );
}

export async function documentExists(key: string): Promise<boolean> {
  try {
    await s3Client().send(new HeadObjectCommand({ Bucket: requireEnv(ENV.documentsBucket), Key: key }));
    return true;
  } catch (error) {
    if (error instanceof Error && (error.name === 'NotFound' || error.name === 'NoSuchKey')) return false;
    throw error;
  }
}

/**
 * Moves a checked upload (a seal image, a scan) into the documents bucket under `key`. The pending upload is
 * removed afterwards; if that fails the uploads bucket's lifecycle rule removes it within a day.
 */
export async function keepUpload(uploadKey: string, key: string, contentType: string): Promise<Uint8Array> {
  const object = await s3Client().send(new GetObjectCommand({ Bucket: requireEnv(ENV.uploadsBucket), Key: uploadKey }));
  const bytes = await object.Body!.transformToByteArray();
  await writeDocument(key, bytes, contentType);
  await s3Client()
    .send(new DeleteObjectCommand({ Bucket: requireEnv(ENV.uploadsBucket), Key: uploadKey }))
    .catch((error: unknown) => logger.warn('pending upload left for the lifecycle rule', { error }));
  return bytes;
}

/** A short-lived GET of a document; `attachment` makes the browser save it under `fileName`. */
export async function presignDocument(
  key: string,
  options: { fileName: string; contentType: string; attachment: boolean },
): Promise<string> {
  const disposition = `${options.attachment ? 'attachment' : 'inline'}; filename="${asciiName(options.fileName)}"; filename*=UTF-8''${encodeURIComponent(options.fileName)}`;
  return getSignedUrl(
    s3Client(),
    new GetObjectCommand({
      Bucket: requireEnv(ENV.documentsBucket),
      Key: key,
      ResponseContentDisposition: disposition,
      ResponseContentType: options.contentType,
    }),
    { expiresIn: DOWNLOAD_URL_SECONDS },
  );
}

/** The file name for browsers that ignore filename*: Hangul replaced, the extension kept. */
function asciiName(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return ascii.replace(/_+/g, '_');
}
