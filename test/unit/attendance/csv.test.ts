// The CSV layer on its own: encoding detection and the incremental record parser, fed whole and in
// every possible split of its input.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Cp949Decoder } from '#functions/attendance/parse/cp949';
import { CsvRecordParser, detectDelimiter, detectEncoding } from '#functions/attendance/parse/csv';
import { csvText, encodeCp949 } from './support.ts';

function parse(text: string | string[], delimiter = ','): { records: [number, string[]][]; unclosed: number } {
  const parser = new CsvRecordParser(delimiter);
  const records: [number, string[]][] = [];
  const emit = (n: number, fields: string[]) => records.push([n, fields]);
  for (const part of typeof text === 'string' ? [text] : text) parser.push(part, emit);
  const unclosed = parser.end(emit);
  return { records, unclosed };
}

const fields = (text: string | string[], delimiter = ',') => parse(text, delimiter).records.map(([, f]) => f);

describe('CsvRecordParser', () => {
  it('reads RFC 4180 records: quoted delimiters, doubled quotes, line breaks inside quotes', () => {
    expect(fields('a,"b,c","say ""hi""","line\r\nbreak"\r\n')).toEqual([['a', 'b,c', 'say "hi"', 'line\r\nbreak']]);
  });

  it('ends lines at CRLF, LF or a lone CR, and counts records as a spreadsheet shows rows', () => {
    expect(parse('a\r\nb\nc\rd').records).toEqual([
      [1, ['a']],
      [2, ['b']],
      [3, ['c']],
      [4, ['d']],
    ]);
    // A quoted line break keeps the record one row.
    expect(parse('"x\ny",1\nz,2\n').records).toEqual([
      [1, ['x\ny', '1']],
      [2, ['z', '2']],
    ]);
  });

  it('keeps blank lines and empty fields as records, and no record after the last line break', () => {
    expect(fields('a,\n\n,b\n')).toEqual([['a', ''], [''], ['', 'b']]);
    expect(fields('""')).toEqual([['']]);
    expect(fields('a,')).toEqual([['a', '']]);
    expect(fields('')).toEqual([]);
  });

  it('takes a quote inside an unquoted field literally, and text after a closing quote as part of the field', () => {
    expect(fields('5" screen,"ab"c\n')).toEqual([['5" screen', 'abc']]);
  });

  it('reports a quote that never closes, with the row it opened on', () => {
    expect(parse('a\nb,"open\nc\n').unclosed).toBe(2);
  });

  it('reads tab-separated text', () => {
    expect(fields('이름\t날짜\n김지원\t2026-03-03\n', '\t')).toEqual([
      ['이름', '날짜'],
      ['김지원', '2026-03-03'],
    ]);
  });

  it('gives the same records however the text is split into chunks', () => {
    const rows = fc.array(
      fc.array(fc.string({ unit: fc.constantFrom('a', '가', ',', '"', '\r', '\n', ' ') }), {
        minLength: 1,
        maxLength: 4,
      }),
      { minLength: 1, maxLength: 6 },
    );
    fc.assert(
      fc.property(rows, fc.constantFrom('\r\n', '\n'), fc.array(fc.nat(), { maxLength: 8 }), (table, eol, cuts) => {
        // Records ending in an empty single field are indistinguishable from blank lines; keep them out.
        fc.pre(table.every((row) => row.length > 1 || row[0] !== ''));
        const text = csvText(table, { eol });
        const points = [...new Set(cuts.map((cut) => cut % (text.length + 1)))].sort((a, b) => a - b);
        const parts = [0, ...points, text.length]
          .slice(1)
          .map((end, i, ends) => text.slice(i === 0 ? 0 : ends[i - 1], end));
        const whole = fields(text);
        expect(whole).toEqual(table);
        expect(fields([text.slice(0, points[0] ?? text.length), ...parts.slice(1)])).toEqual(whole);
      }),
      { numRuns: 300 },
    );
  });
});

describe('detectEncoding', () => {
  const utf8 = new TextEncoder().encode('이름,날짜\n');
  it('honours byte-order marks', () => {
    expect(detectEncoding(new Uint8Array([0xef, 0xbb, 0xbf, 0x41]), true)).toBe('utf-8');
    expect(detectEncoding(new Uint8Array([0xff, 0xfe, 0x41, 0]), true)).toBe('utf-16le');
    expect(detectEncoding(new Uint8Array([0xfe, 0xff, 0, 0x41]), true)).toBe('utf-16be');
  });

  it('takes valid UTF-8 for UTF-8 and anything else for CP949', () => {
    expect(detectEncoding(utf8, true)).toBe('utf-8');
    expect(detectEncoding(encodeCp949('이름,날짜\n'), true)).toBe('cp949');
  });

  it('does not mistake a UTF-8 character cut at the end of the sample for CP949', () => {
    expect(detectEncoding(utf8.subarray(0, 2), false)).toBe('utf-8');
    expect(detectEncoding(utf8.subarray(0, 2), true)).toBe('cp949');
  });
});

describe('detectDelimiter', () => {
  it('picks the delimiter used most at the top of the file', () => {
    expect(detectDelimiter('이름,날짜,출근\n')).toBe(',');
    expect(detectDelimiter('이름\t날짜\t출근\n')).toBe('\t');
    expect(detectDelimiter('이름;날짜;출근\n')).toBe(';');
    expect(detectDelimiter('제목만 있는 줄\n')).toBe(',');
  });
});

describe('Cp949Decoder', () => {
  const decode = (bytes: number[]) => new Cp949Decoder().decode(new Uint8Array(bytes));

  it('decodes KS X 1001 and the CP949 extension syllables that Node’s euc-kr decoder drops', () => {
    // Byte values as in Microsoft's code page 949 table (checked against iconv-lite's cp949).
    expect(decode([0xb1, 0xe8, 0xc1, 0xf6, 0xbf, 0xf8])).toBe('김지원');
    expect(decode([0x81, 0x41, 0x8c, 0x63, 0xc1, 0x64, 0x94, 0xee, 0xc6, 0x52])).toBe('갂똠햏뷁힣');
    expect(decode([0xa2, 0xe6])).toBe('€');
    // The reason this decoder exists: the built-in one loses the lead byte without a trace.
    expect(new TextDecoder('euc-kr').decode(new Uint8Array([0x8c, 0x63]))).not.toBe('똠');
  });

  it('marks bytes that are not CP949 with U+FFFD and keeps an ASCII byte after a bad lead byte', () => {
    expect(decode([0x41, 0x80, 0x42])).toBe('A\uFFFDB');
    expect(decode([0xa1, 0x30])).toBe('\uFFFD0');
    expect(decode([0xb1])).toBe('\uFFFD');
  });

  it('decodes the same text however the bytes are split', () => {
    const text = '정똠,E1005,뷁 "메모"\r\n김지원,2026-03-03\n';
    const bytes = encodeCp949(text);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 40 }), (sizes) => {
        const decoder = new Cp949Decoder();
        let out = '';
        let at = 0;
        for (let i = 0; at < bytes.length; i++) {
          const size = sizes[i % sizes.length]!;
          out += decoder.decode(bytes.subarray(at, at + size), { stream: true });
          at += size;
        }
        expect(out + decoder.decode()).toBe(text);
      }),
    );
  });
});
