import { HeadObjectCommand } from '@aws-sdk/client-s3';
import { s3Client } from '#commons/clients';
import { ENV, requireEnv } from '#commons/config';

export { keepUpload, presignDocument, readDocument, sha256Hex, writeDocument } from '#functions/agencies/storage';

// Objects of the activity capability live in the documents bucket (versioned, private, encrypted):
//   activity/consents/<roundId>/<digest>.json   what a worker signed (the round's snapshot)
//   activity/scans/<roundId>/<sha256>.<ext>      the hand-signed printout of the paper path
//   activity/logs/<assistantId>/<workerId>/<month>/<fingerprint>.pdf   a printed month
// Keys carry a hash of their content (or, for a PDF, of everything printed on it), so writing the
// same thing twice never makes a second object, and a key once written never changes meaning.

export async function documentExists(key: string): Promise<boolean> {
  try {
    await s3Client().send(new HeadObjectCommand({ Bucket: requireEnv(ENV.documentsBucket), Key: key }));
    return true;
  } catch (error) {
    if (error instanceof Error && (error.name === 'NotFound' || error.name === 'NoSuchKey')) return false;
    throw error;
  }
}

export function snapshotKey(roundId: string, digest: string): string {
  return `activity/consents/${roundId}/${digest}.json`;
}

export function scanKey(roundId: string, sha256: string, contentType: string): string {
  const ext = contentType === 'application/pdf' ? 'pdf' : contentType === 'image/png' ? 'png' : 'jpg';
  return `activity/scans/${roundId}/${sha256}.${ext}`;
}

export function logDocumentKey(assistantId: string, workerId: string, month: string, fingerprint: string): string {
  return `activity/logs/${assistantId}/${workerId}/${month}/${fingerprint}.pdf`;
}
