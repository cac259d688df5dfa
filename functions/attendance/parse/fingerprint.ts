// Content fingerprints: the SHA-256 of a file's bytes, so that uploading the same file twice can be
// recognised and do nothing the second time (issue 7 §2). An S3 ETag is not a content hash for
// multipart uploads, so the bytes are hashed here, while the importer reads them.

import { createHash } from 'node:crypto';
import type { ByteSource } from './source.ts';

/** Lower-case hex SHA-256 of all the bytes of a source. */
export async function fingerprint(source: ByteSource): Promise<string> {
  const hash = createHash('sha256');
  if (source instanceof Uint8Array) hash.update(source);
  else for await (const chunk of source) hash.update(chunk);
  return hash.digest('hex');
}

export interface FingerprintedSource {
  /** the same bytes, hashed as they pass */
  source: AsyncIterable<Uint8Array>;
  /** the SHA-256 (hex) once the source has been read to its end; throws before that */
  digest(): string;
  /** bytes seen so far */
  readonly bytes: number;
}

/**
 * Hashes a source while another reader consumes it, so one pass over an S3 body gives both the
 * import and the fingerprint: `const tapped = fingerprinted(body); await importAttendance(tapped.source, …);
 * tapped.digest()`. importAttendance always reads its source to the end.
 */
export function fingerprinted(source: ByteSource): FingerprintedSource {
  const hash = createHash('sha256');
  let digest: string | undefined;
  let bytes = 0;
  async function* tap(): AsyncGenerator<Uint8Array> {
    const chunks: Iterable<Uint8Array> | AsyncIterable<Uint8Array> = source instanceof Uint8Array ? [source] : source;
    for await (const chunk of chunks) {
      hash.update(chunk);
      bytes += chunk.byteLength;
      yield chunk;
    }
    digest = hash.digest('hex');
  }
  return {
    source: tap(),
    digest() {
      if (digest === undefined) throw new Error('fingerprinted: the source has not been read to its end');
      return digest;
    },
    get bytes() {
      return bytes;
    },
  };
}
