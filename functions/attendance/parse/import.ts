// importAttendance: a Shiftee (시프티) clock-in/out export, XLSX or CSV, streamed in; every attendance
// row out, or every problem (row, column, value, what to fix) and no rows. Pure: no AWS, no clock; the
// S3 handler streams the object body in and stores what comes out.
//
// The source is always read to its end, even when the first bytes already show the file is wrong, so
// a fingerprint taken while reading (fingerprint.ts) always covers the whole file.

import { type CsvEncoding, CsvRecordParser, decoderFor, detectDelimiter, detectEncoding, SNIFF_BYTES } from './csv.ts';
import { fileError, type ImportError } from './errors.ts';
import { AttendanceSheetParser, type ImportResult, type ParseOptions } from './rows.ts';
import { ByteReader, type ByteSource, OLE_SIGNATURE, startsWith, ZIP_SIGNATURE } from './source.ts';
import { readWorkbook, UnreadableWorkbook } from './xlsx.ts';

export type { ImportError } from './errors.ts';
export type { AttendanceRow, ImportResult, ImportSummary } from './rows.ts';

export type FileKindName = 'xlsx' | 'csv';

export interface ImportOptions extends ParseOptions {
  /** the format the upload declared; the first bytes must agree */
  kind: FileKindName;
}

export type AttendanceImport = ImportResult & { encoding?: CsvEncoding };

const SAVE_AS_XLSX = "엑셀에서 파일을 열어 'Excel 통합 문서(*.xlsx)'로 저장한 뒤 다시 올려 주세요.";

export async function importAttendance(source: ByteSource, options: ImportOptions): Promise<AttendanceImport> {
  const parser = new AttendanceSheetParser(options);
  const reader = new ByteReader(source);
  const head = await reader.head(options.kind === 'csv' ? SNIFF_BYTES : OLE_SIGNATURE.length);
  const problem =
    head.bytes.byteLength === 0
      ? '빈 파일입니다. 시프티에서 출퇴근 기록을 다시 내려받아 올려 주세요.'
      : formatProblem(head.bytes, options.kind);
  if (problem) {
    await reader.drain();
    return failure(fileError(problem));
  }

  if (options.kind === 'xlsx') {
    try {
      await readWorkbook(reader.chunks(), parser);
    } catch (error) {
      if (!(error instanceof UnreadableWorkbook)) throw error;
      await reader.drain();
      return failure(
        fileError(
          `엑셀 파일을 읽을 수 없습니다. 파일이 손상되었거나 끝까지 올라오지 않았을 수 있습니다. ${SAVE_AS_XLSX}`,
        ),
      );
    }
    return parser.result();
  }

  const sample = head.bytes.subarray(0, SNIFF_BYTES);
  const encoding = detectEncoding(sample, head.complete && sample.length === head.bytes.length);
  const decoder = decoderFor(encoding);
  let csv: CsvRecordParser | undefined;
  const emit = (recordNumber: number, fields: string[]) => {
    parser.push(recordNumber, fields);
  };
  const feed = (text: string) => {
    csv ??= new CsvRecordParser(detectDelimiter(text));
    csv.push(text, emit);
  };
  parser.startSheet();
  try {
    for await (const chunk of reader.chunks()) feed(decoder.decode(chunk, { stream: true }));
    feed(decoder.decode());
  } catch (error) {
    if (!(error instanceof TypeError && (error as { code?: string }).code === 'ERR_ENCODING_INVALID_ENCODED_DATA')) {
      throw error;
    }
    await reader.drain();
    return failure(
      fileError(
        "파일 앞부분은 UTF-8인데 중간에 다른 방식으로 저장된 글자가 있습니다. 엑셀에서 'CSV UTF-8(쉼표로 분리)'로 다시 저장하거나 시프티에서 다시 내려받아 올려 주세요.",
      ),
    );
  }
  const unclosed = csv!.end(emit);
  if (unclosed > 0) {
    return failure(
      fileError(
        `${unclosed}행에서 시작한 따옴표(")가 닫히지 않아 그 뒤의 내용을 읽을 수 없습니다. 따옴표를 닫거나 지운 뒤 다시 올려 주세요.`,
        null,
        unclosed,
      ),
    );
  }
  parser.endSheet();
  const result = parser.result();
  return result.ok ? { ...result, encoding } : result;
}

/** What the first bytes say against the declared kind, in Korean, or undefined when they agree. */
function formatProblem(head: Uint8Array, kind: FileKindName): string | undefined {
  const zip = startsWith(head, ZIP_SIGNATURE);
  const ole = startsWith(head, OLE_SIGNATURE);
  if (kind === 'xlsx') {
    if (zip) return undefined;
    if (ole) return `예전 엑셀 형식(.xls)이거나 암호가 걸린 파일이라 읽을 수 없습니다. 암호를 풀고 ${SAVE_AS_XLSX}`;
    const text = new TextDecoder().decode(head.subarray(0, 64)).trimStart();
    if (text.startsWith('<')) return `엑셀 파일이 아니라 웹 문서(HTML) 형식입니다. ${SAVE_AS_XLSX}`;
    return '엑셀(xlsx) 파일이 아닙니다. CSV 파일이면 형식을 CSV로 골라 올리고, 아니면 시프티에서 엑셀로 다시 내려받아 올려 주세요.';
  }
  if (zip) return 'CSV가 아니라 엑셀(xlsx) 파일입니다. 파일 형식을 엑셀로 골라 다시 올려 주세요.';
  if (ole) return `CSV가 아니라 예전 엑셀 형식(.xls) 파일입니다. ${SAVE_AS_XLSX}`;
  const utf16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
  if (!utf16 && head.includes(0)) {
    return '글자로 된 CSV 파일이 아닙니다. 시프티에서 CSV나 엑셀로 다시 내려받아 올려 주세요.';
  }
  return undefined;
}

function failure(error: ImportError): ImportResult {
  return { ok: false, errors: [error], totalErrors: 1, omittedErrors: 0 };
}
