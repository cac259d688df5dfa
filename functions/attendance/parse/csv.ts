// CSV as Korean offices produce it: UTF-8 with or without a byte-order mark (Shiftee, "CSV UTF-8" in
// Excel), CP949/EUC-KR (plain "CSV" in a Korean Excel), or UTF-16 with a mark ("유니코드 텍스트").
// Records follow RFC 4180: quoted fields may hold the delimiter, quotes ("") and line breaks; lines end
// in CRLF, LF or CR. The delimiter is a comma, or a tab or semicolon when the top of the file uses those.

import { Cp949Decoder } from './cp949.ts';

export type CsvEncoding = 'utf-8' | 'cp949' | 'utf-16le' | 'utf-16be';

/** Bytes read to decide the encoding: enough to hold the header and the first rows. */
export const SNIFF_BYTES = 64 * 1024;

/**
 * The encoding of a file from its first bytes. Without a byte-order mark, text that is valid UTF-8 is
 * UTF-8; anything else is taken for CP949 (Korean Windows' code page, a superset of EUC-KR). A Korean
 * header row in CP949 is never valid UTF-8, so the first bytes decide reliably.
 */
export function detectEncoding(head: Uint8Array, complete: boolean): CsvEncoding {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  try {
    // stream: true when the sample ends mid-file, so a character cut at its end is not an error.
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: !complete });
    return 'utf-8';
  } catch {
    return 'cp949';
  }
}

export interface StreamDecoder {
  decode(input?: Uint8Array, options?: { stream?: boolean }): string;
}

/** A decoder for the whole file: strict for UTF-8 so that a file mixing encodings is reported, not garbled. */
export function decoderFor(encoding: CsvEncoding): StreamDecoder {
  if (encoding === 'cp949') return new Cp949Decoder();
  return new TextDecoder(encoding, { fatal: encoding === 'utf-8' });
}

const QUOTE = 34;
const CR = 13;
const LF = 10;
const DELIMITERS = [',', '\t', ';'] as const;

/** The delimiter used most in the first lines of the text (a comma when there is none). */
export function detectDelimiter(text: string): string {
  const sample = text.slice(0, 8192);
  let best = ',';
  let bestCount = 0;
  for (const delimiter of DELIMITERS) {
    const count = sample.split(delimiter).length - 1;
    if (count > bestCount) {
      best = delimiter;
      bestCount = count;
    }
  }
  return best;
}

/** Incremental CSV record parser: push decoded text in chunks of any size, records come out in order. */
export class CsvRecordParser {
  /** record number (1-based) where a quoted field opened, while inside it */
  private quoteOpenedAt = 0;
  private inQuotes = false;
  private quoteSeen = false;
  private afterCR = false;
  private fresh = true;
  private field = '';
  private fields: string[] = [];
  private records = 0;
  private readonly delimiter: number;

  constructor(delimiter: string) {
    this.delimiter = delimiter.charCodeAt(0);
  }

  push(text: string, emit: (recordNumber: number, fields: string[]) => void): void {
    const n = text.length;
    // Ordinary characters are copied a run at a time; `run` is where the current run began.
    let run = 0;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (this.afterCR) {
        this.afterCR = false;
        if (c === LF) {
          run = i + 1;
          continue;
        }
      }
      if (this.inQuotes) {
        if (this.quoteSeen) {
          this.quoteSeen = false;
          if (c === QUOTE) {
            // "" inside quotes is one quote character: the run resumes from this one.
            run = i;
            continue;
          }
          this.inQuotes = false;
          run = i;
        } else {
          if (c === QUOTE) {
            this.field += text.slice(run, i);
            this.quoteSeen = true;
            run = i + 1;
          }
          continue;
        }
      }
      if (c === this.delimiter) {
        this.fields.push(this.field + text.slice(run, i));
        this.field = '';
        this.fresh = true;
        run = i + 1;
      } else if (c === LF || c === CR) {
        this.fields.push(this.field + text.slice(run, i));
        this.field = '';
        this.fresh = true;
        this.afterCR = c === CR;
        emit(++this.records, this.fields);
        this.fields = [];
        run = i + 1;
      } else if (c === QUOTE && this.fresh && run === i) {
        this.inQuotes = true;
        this.quoteOpenedAt = this.records + 1;
        this.fresh = false;
        run = i + 1;
      } else {
        this.fresh = false;
      }
    }
    this.field += text.slice(run, n);
  }

  /** Ends the text; returns the record number of a quoted field that was never closed, or 0. */
  end(emit: (recordNumber: number, fields: string[]) => void): number {
    if (this.inQuotes && !this.quoteSeen) return this.quoteOpenedAt;
    if (this.field !== '' || this.fields.length > 0 || !this.fresh) {
      this.fields.push(this.field);
      emit(++this.records, this.fields);
      this.fields = [];
      this.field = '';
    }
    return 0;
  }
}
