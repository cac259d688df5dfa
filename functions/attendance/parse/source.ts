// Byte sources: a Node Readable (an S3 object body, a file stream), any async iterable of bytes, or
// bytes already in memory. The importer reads its source exactly once, to the end, so that a
// fingerprint taken while it reads (fingerprint.ts) covers the whole file.

export type ByteSource = Uint8Array | AsyncIterable<Uint8Array>;

/** Marks a failure of the source itself (network, disk): the caller's problem to retry, not the file's. */
export class SourceError extends Error {
  constructor(override readonly cause: unknown) {
    super(`attendance source failed: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'SourceError';
  }
}

/** One pass over a source, with the first bytes available before the rest is consumed. */
export class ByteReader {
  private readonly iterator: AsyncIterator<Uint8Array>;
  private readonly buffered: Uint8Array[] = [];
  private bufferedBytes = 0;
  private ended = false;

  constructor(source: ByteSource) {
    this.iterator =
      source instanceof Uint8Array
        ? (async function* () {
            yield source;
          })()
        : source[Symbol.asyncIterator]();
  }

  private async next(): Promise<Uint8Array | undefined> {
    if (this.ended) return undefined;
    let step: IteratorResult<Uint8Array>;
    try {
      step = await this.iterator.next();
    } catch (error) {
      this.ended = true;
      throw new SourceError(error);
    }
    if (step.done) {
      this.ended = true;
      return undefined;
    }
    // Readables in string mode would yield text; attendance files are bytes.
    const chunk = step.value;
    return typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk;
  }

  /** At least `bytes` first bytes (fewer when the source is shorter), without consuming them. */
  async head(bytes: number): Promise<{ bytes: Uint8Array; complete: boolean }> {
    while (this.bufferedBytes < bytes) {
      const chunk = await this.next();
      if (!chunk) break;
      if (chunk.byteLength === 0) continue;
      this.buffered.push(chunk);
      this.bufferedBytes += chunk.byteLength;
    }
    const joined = this.buffered.length === 1 ? this.buffered[0]! : concat(this.buffered, this.bufferedBytes);
    if (this.buffered.length > 1) this.buffered.splice(0, this.buffered.length, joined);
    return { bytes: joined ?? new Uint8Array(0), complete: this.ended };
  }

  /** Every chunk from the first byte on (the buffered head first). */
  async *chunks(): AsyncGenerator<Uint8Array> {
    while (this.buffered.length > 0) {
      const chunk = this.buffered.shift()!;
      this.bufferedBytes -= chunk.byteLength;
      yield chunk;
    }
    for (let chunk = await this.next(); chunk; chunk = await this.next()) yield chunk;
  }

  /** Reads what is left, so a fingerprint of the source covers all of it. */
  async drain(): Promise<void> {
    this.buffered.length = 0;
    this.bufferedBytes = 0;
    while (await this.next());
  }
}

function concat(chunks: Uint8Array[], length: number): Uint8Array {
  const joined = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    joined.set(chunk, at);
    at += chunk.byteLength;
  }
  return joined;
}

export function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((byte, i) => bytes[i] === byte);
}

export const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];
/** OLE compound file: the old .xls format, and also any password-protected Office file. */
export const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
