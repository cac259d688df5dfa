// Objects of the activity capability live in the documents bucket (versioned, private, encrypted):
//   activity/consents/<roundId>/<digest>.json   what a worker signed (the round's snapshot)
//   activity/scans/<roundId>/<sha256>.<ext>      the hand-signed printout of the paper path
//   activity/logs/<assistantId>/<workerId>/<month>/<fingerprint>.pdf   a printed month
// Keys carry a hash of their content (or, for a PDF, of everything printed on it), so writing the
// same thing twice never makes a second object, and a key once written never changes meaning.

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
