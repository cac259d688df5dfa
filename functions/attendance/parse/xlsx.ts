// XLSX through exceljs's streaming reader: rows come out of the zip as it is read, so memory does not
// grow with the file. Cells arrive as exceljs values (text, numbers, rich text, formulas with their
// cached results, errors) and leave as plain Cells; styles are not read, so dates and times arrive as
// Excel serial numbers, which cells.ts reads by the column they are in.
//
// exceljs 4.4 decodes each decompressed chunk of XML on its own, so a Korean character that straddles
// two chunks (every 16 KB of a sheet or of the shared strings) turns into "��" — about one name in
// 2,000 in a large file (exceljs issues #2063, #2084, #2316; fix PRs still open). utf8Safe() below
// hands exceljs text decoded across chunk boundaries instead; a test guards it.

import { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import ExcelJS from 'exceljs';
import { type Cell, ExcelError } from './cells.ts';
import type { AttendanceSheetParser } from './rows.ts';
import { SourceError } from './source.ts';

/** Thrown when exceljs cannot read the bytes as a workbook (damaged, truncated, not really XLSX). */
export class UnreadableWorkbook extends Error {
  constructor(override readonly cause: unknown) {
    super(`unreadable workbook: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'UnreadableWorkbook';
  }
}

/** The reader options: values only. Styles would turn dated numbers into Date objects at a cost. */
export const READER_OPTIONS = {
  worksheets: 'emit',
  sharedStrings: 'cache',
  hyperlinks: 'ignore',
  styles: 'ignore',
  entries: 'ignore',
} as const;

/**
 * A Readable over the chunks for exceljs. A failing source ends the stream instead of erroring it:
 * exceljs pipes it into unzipper, and pipe() does not forward errors, so an errored stream would leave
 * the reader waiting forever. The failure is kept and rethrown once exceljs has stopped.
 */
export function readableFor(chunks: AsyncIterable<Uint8Array>): { stream: Readable; failure: () => unknown } {
  let failure: unknown;
  async function* guarded(): AsyncGenerator<Buffer> {
    try {
      for await (const chunk of chunks) yield Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    } catch (error) {
      failure = error;
    }
  }
  return { stream: Readable.from(guarded(), { objectMode: false }), failure: () => failure };
}

/** Feeds every sheet's rows to the parser. Every sheet is read to its end (see the loop). */
export async function readWorkbook(chunks: AsyncIterable<Uint8Array>, parser: AttendanceSheetParser): Promise<void> {
  const { stream, failure } = readableFor(chunks);
  const reader = utf8Safe(new ExcelJS.stream.xlsx.WorkbookReader(stream, READER_OPTIONS));
  let parserFailed = false;
  try {
    for await (const worksheet of reader) {
      parser.date1904 = usesDate1904(reader);
      const wanted = parser.wantsSheet;
      if (wanted) parser.startSheet((worksheet as unknown as { name?: string }).name);
      let feeding = wanted;
      // Rows of skipped sheets are still read: leaving a sheet half-read leaves its stream (and, when
      // exceljs spilled the sheet to a temporary file, that file's handle) open.
      for await (const row of worksheet) {
        if (!feeding) continue;
        parserFailed = true;
        feeding = parser.push(row.number, cellsOf(row));
        parserFailed = false;
      }
      if (wanted) parser.endSheet();
    }
  } catch (error) {
    stream.destroy();
    if (parserFailed) throw error;
    if (failure() !== undefined) throw asSourceError(failure());
    throw new UnreadableWorkbook(error);
  }
  const failed = failure();
  if (failed !== undefined) throw asSourceError(failed);
}

const asSourceError = (error: unknown) => (error instanceof SourceError ? error : new SourceError(error));

/** The reader's parts that take raw XML bytes (exceljs internals, 4.4). */
interface ReaderInternals {
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
  _parseWorksheet(iterator: AsyncIterable<unknown>, sheetNo: string): Generator<unknown>;
}

async function* decodeUtf8(chunks: AsyncIterable<unknown>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  for await (const chunk of chunks) {
    const text = typeof chunk === 'string' ? chunk : decoder.write(chunk as Buffer);
    if (text) yield text;
  }
  const rest = decoder.end();
  if (rest) yield rest;
}

/**
 * Makes exceljs parse text decoded across chunk boundaries: workbook and shared-strings entries are
 * switched to string mode (exceljs passes strings through to its XML parser), and sheet data is
 * decoded by one StringDecoder per sheet.
 */
export function utf8Safe<T extends object>(reader: T): T {
  const internals = reader as unknown as ReaderInternals;
  const { _parseWorkbook, _parseSharedStrings, _parseWorksheet } = internals;
  if (
    typeof _parseWorkbook !== 'function' ||
    typeof _parseSharedStrings !== 'function' ||
    typeof _parseWorksheet !== 'function'
  ) {
    throw new Error(
      'exceljs WorkbookReader internals changed: review utf8Safe() in functions/attendance/parse/xlsx.ts',
    );
  }
  internals._parseWorkbook = function (this: ReaderInternals, entry) {
    entry.setEncoding('utf8');
    return _parseWorkbook.call(this, entry);
  };
  internals._parseSharedStrings = function (this: ReaderInternals, entry) {
    entry.setEncoding('utf8');
    return _parseSharedStrings.call(this, entry);
  };
  internals._parseWorksheet = function (this: ReaderInternals, iterator, sheetNo) {
    return _parseWorksheet.call(this, decodeUtf8(iterator), sheetNo);
  };
  return reader;
}

function usesDate1904(reader: unknown): boolean {
  const properties = (reader as { properties?: { model?: { date1904?: boolean } } }).properties;
  return properties?.model?.date1904 === true;
}

interface ExcelRow {
  values: unknown;
  getCell(column: number): { model: unknown };
}

/** exceljs row values (1-based, sparse) to Cells (0-based, dense). */
export function cellsOf(row: ExcelRow): Cell[] {
  const values = row.values;
  if (!Array.isArray(values)) return [];
  const cells: Cell[] = new Array(Math.max(0, values.length - 1));
  for (let i = 1; i < values.length; i++) {
    const value = values[i];
    // A formula's value drops falsy results (0, '', and the NaN of an error result); its model keeps them.
    cells[i - 1] =
      value !== null && typeof value === 'object' && ('formula' in value || 'sharedFormula' in value)
        ? formulaResult((row.getCell(i).model as { result?: unknown }).result)
        : toCell(value);
  }
  return cells;
}

function formulaResult(result: unknown): Cell {
  return result === undefined ? new ExcelError(null) : toCell(result);
}

export function toCell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      // exceljs reads a formula's cached error result as NaN.
      return Number.isNaN(value) ? new ExcelError('') : value;
    case 'object':
      break;
    default:
      return null;
  }
  if (value instanceof Date) return value;
  const object = value as Record<string, unknown>;
  if (Array.isArray(object.richText)) {
    return (object.richText as Array<{ text?: unknown }>).map((run) => String(run.text ?? '')).join('');
  }
  if ('formula' in object || 'sharedFormula' in object) {
    return formulaResult(object.result);
  }
  if (typeof object.error === 'string') return new ExcelError(object.error);
  if ('text' in object) return toCell(object.text);
  return null;
}
