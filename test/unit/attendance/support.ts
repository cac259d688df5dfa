// Helpers for the attendance importer's tests and fixtures: writing CSV and XLSX files the way
// Korean offices produce them (UTF-8, CP949, CRLF, title rows, typed Excel cells), and feeding them
// to the importer in chunks of any size.

import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { cp949Table } from '#functions/attendance/parse/cp949';
import { type AttendanceImport, type ImportOptions, importAttendance } from '#functions/attendance/parse/import';
import { dayNumber } from '#kernel/calendar';

export const FIXTURES = new URL('../../fixtures/attendance/', import.meta.url);

export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(name, FIXTURES)));
}

let encodeTable: Map<number, number> | undefined;

/** CP949 encoding (Node has none): the importer's decoding table, inverted. */
export function encodeCp949(text: string): Uint8Array {
  if (!encodeTable) {
    encodeTable = new Map();
    const table = cp949Table();
    for (let i = 0; i < table.length; i++) {
      const code = table[i]!;
      if (code !== 0 && !encodeTable.has(code))
        encodeTable.set(code, ((0x81 + Math.floor(i / 190)) << 8) | (0x41 + (i % 190)));
    }
  }
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.charCodeAt(0);
    if (code < 0x80) bytes.push(code);
    else {
      const pair = encodeTable.get(code);
      if (pair === undefined) throw new Error(`not encodable in CP949: ${char}`);
      bytes.push(pair >> 8, pair & 0xff);
    }
  }
  return new Uint8Array(bytes);
}

/** One CSV field, quoted when it must be. */
export function csvField(value: string, delimiter = ','): string {
  return value.includes(delimiter) || /["\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function csvText(rows: readonly (readonly string[])[], options: { eol?: string; delimiter?: string } = {}) {
  const { eol = '\r\n', delimiter = ',' } = options;
  return rows.map((row) => row.map((value) => csvField(value, delimiter)).join(delimiter)).join(eol) + eol;
}

export type CsvEncodingName = 'utf-8' | 'utf-8-bom' | 'cp949';

export function encodeCsv(text: string, encoding: CsvEncodingName): Uint8Array {
  if (encoding === 'cp949') return encodeCp949(text);
  const body = new TextEncoder().encode(text);
  if (encoding === 'utf-8') return body;
  const withBom = new Uint8Array(body.length + 3);
  withBom.set([0xef, 0xbb, 0xbf]);
  withBom.set(body, 3);
  return withBom;
}

/** A cell as written to a test workbook: a plain value, or a value with an Excel number format. */
export type SheetCell = ExcelJS.CellValue | { value: ExcelJS.CellValue; numFmt: string };

export interface SheetSpec {
  name: string;
  rows: readonly (readonly SheetCell[])[];
}

function isFormatted(cell: SheetCell): cell is { value: ExcelJS.CellValue; numFmt: string } {
  return typeof cell === 'object' && cell !== null && 'numFmt' in cell;
}

/** An XLSX in memory (exceljs's regular writer: workbook parts before the sheets). */
export async function xlsxBytes(sheets: readonly SheetSpec[], options: { date1904?: boolean } = {}) {
  const workbook = new ExcelJS.Workbook();
  if (options.date1904) workbook.properties.date1904 = true;
  for (const spec of sheets) {
    const sheet = workbook.addWorksheet(spec.name);
    spec.rows.forEach((cells, r) => {
      const row = sheet.getRow(r + 1);
      cells.forEach((cell, c) => {
        if (cell === undefined || cell === null) return;
        const target = row.getCell(c + 1);
        if (isFormatted(cell)) {
          target.value = cell.value;
          target.numFmt = cell.numFmt;
        } else target.value = cell;
      });
      row.commit();
    });
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** Excel's serial number of a date (1900 date system). */
export function excelSerial(year: number, month: number, day: number): number {
  return dayNumber(year, month, day) - dayNumber(1899, 12, 30);
}

/** The bytes as an async stream of chunks of `size` bytes, as a network body would arrive. */
export async function* chunked(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, Math.min(bytes.length, at + size));
}

export function importBytes(bytes: Uint8Array, options: ImportOptions, chunkSize = 0): Promise<AttendanceImport> {
  return importAttendance(chunkSize > 0 ? chunked(bytes, chunkSize) : bytes, options);
}

/** The rows of a successful import, or a test failure showing the errors. */
export function rowsOf(result: AttendanceImport) {
  if (!result.ok) throw new Error(`import failed:\n${result.errors.map((e) => JSON.stringify(e)).join('\n')}`);
  return result.rows;
}

/** The errors of a failed import, or a test failure. */
export function errorsOf(result: AttendanceImport) {
  if (result.ok) throw new Error(`import succeeded with ${result.rows.length} rows; errors were expected`);
  return result.errors;
}
