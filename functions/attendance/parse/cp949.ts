// A streaming CP949 (Windows code page 949, "Unified Hangul Code") decoder.
//
// Why not `new TextDecoder('euc-kr')`: Node's ICU maps that label to plain EUC-KR (KS X 1001), which
// lacks CP949's 8,822 extra Hangul syllables. Bytes such as 8C 63 (똠) come out as a stray "c" with
// no replacement character: a name silently changed. Korean Excel saves CSV in CP949, so those
// syllables do occur. The table here is built from two sources:
// - KS X 1001 pairs (lead and trail A1–FE) from Node's own EUC-KR decoder, plus CP949's € (A2E6) and ® (A2E7);
// - the extension, which is algorithmic: the syllables of U+AC00–U+D7A3 missing from KS X 1001, in
//   Unicode order, fill lead bytes 81–C6 with trail bytes 41–5A, 61–7A, 81–FE (81–A0 from lead A1 on).
// Verified once against iconv-lite's cp949 table over every two-byte sequence (same result, all pairs).

const LEAD_MIN = 0x81;
const LEAD_MAX = 0xfe;
const TRAIL_MIN = 0x41;
const TRAIL_MAX = 0xfe;
const TRAILS = TRAIL_MAX - TRAIL_MIN + 1;
const REPLACEMENT = 0xfffd;

let table: Uint16Array | undefined;

const slot = (lead: number, trail: number) => (lead - LEAD_MIN) * TRAILS + (trail - TRAIL_MIN);

/** Code unit for each two-byte sequence (0 = not a character), built once per process. */
export function cp949Table(): Uint16Array {
  if (table) return table;
  const built = new Uint16Array((LEAD_MAX - LEAD_MIN + 1) * TRAILS);

  // KS X 1001 in one decode call: each pair followed by a line feed, then split on line feeds.
  const pairs: number[] = [];
  for (let lead = 0xa1; lead <= 0xfe; lead++) {
    for (let trail = 0xa1; trail <= 0xfe; trail++) pairs.push(lead, trail, 0x0a);
  }
  const decoded = new TextDecoder('euc-kr').decode(new Uint8Array(pairs)).split('\n');
  let at = 0;
  const inStandard = new Set<number>();
  for (let lead = 0xa1; lead <= 0xfe; lead++) {
    for (let trail = 0xa1; trail <= 0xfe; trail++) {
      const text = decoded[at++]!;
      if (text.length === 1 && text.charCodeAt(0) !== REPLACEMENT) {
        built[slot(lead, trail)] = text.charCodeAt(0);
        inStandard.add(text.charCodeAt(0));
      }
    }
  }
  built[slot(0xa2, 0xe6)] = 0x20ac; // €
  built[slot(0xa2, 0xe7)] = 0x00ae; // ®

  let syllable = 0xac00;
  const nextMissing = () => {
    while (syllable <= 0xd7a3 && inStandard.has(syllable)) syllable++;
    return syllable <= 0xd7a3 ? syllable++ : 0;
  };
  for (let lead = 0x81; lead <= 0xc6; lead++) {
    const lastTrail = lead <= 0xa0 ? 0xfe : 0xa0;
    for (let trail = 0x41; trail <= lastTrail; trail++) {
      if ((trail > 0x5a && trail < 0x61) || (trail > 0x7a && trail < 0x81)) continue;
      const code = nextMissing();
      if (code === 0) break;
      built[slot(lead, trail)] = code;
    }
  }
  table = built;
  return table;
}

/** Same calling convention as TextDecoder: decode(chunk, { stream: true }) per chunk, then decode(). */
export class Cp949Decoder {
  readonly encoding = 'cp949';
  private pendingLead = 0;
  private readonly table = cp949Table();
  private readonly utf16 = new TextDecoder('utf-16le');

  decode(input?: Uint8Array, options?: { stream?: boolean }): string {
    const bytes = input ?? new Uint8Array(0);
    const units = new Uint16Array(bytes.length + 1);
    let n = 0;
    let lead = this.pendingLead;
    for (let i = 0; i < bytes.length; i++) {
      const byte = bytes[i]!;
      if (lead !== 0) {
        const code = byte >= TRAIL_MIN && byte <= TRAIL_MAX ? this.table[slot(lead, byte)]! : 0;
        lead = 0;
        if (code !== 0) {
          units[n++] = code;
          continue;
        }
        units[n++] = REPLACEMENT;
        // As in the WHATWG decoder, an ASCII byte after a bad lead byte is still itself.
        if (byte >= 0x80) continue;
      }
      if (byte < 0x80) units[n++] = byte;
      else if (byte >= LEAD_MIN && byte <= LEAD_MAX) lead = byte;
      else units[n++] = REPLACEMENT;
    }
    if (!options?.stream && lead !== 0) {
      units[n++] = REPLACEMENT;
      lead = 0;
    }
    this.pendingLead = lead;
    return this.utf16.decode(units.subarray(0, n));
  }
}
