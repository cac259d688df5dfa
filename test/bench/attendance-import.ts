// Attendance-import bench (issue 7 §5): a generated Shiftee-shaped XLSX of 10,000 and of 100,000 rows
// (a month of about 320 and 3,200 assistants) is imported from a file stream. Printed per size: rows
// per second, the ratio to reading the same file with exceljs's streaming reader alone (no
// validation; same run, same reader options), and memory sampled during each run. Prints, never fails.
//
// Memory: the import returns every row, so the heap it retains grows with the file by design; the
// working heap on top of that (unzip buffers, the sheet being parsed) is what must stay flat.

import { createReadStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { importAttendance } from '#functions/attendance/parse/import';
import { READER_OPTIONS } from '#functions/attendance/parse/xlsx';
import { dayNumber } from '#kernel/calendar';
import { collectGarbage, count, mb, ms } from './measure.ts';

const SIZES = [
  { rows: 10_000, runs: 3 },
  { rows: 100_000, runs: 2 },
];
const MONTH = { year: 2026, month: 3, days: 31 };
const SURNAMES = '김이박최정강조윤장임한오서신권황안송류홍';
const GIVEN = '민서지하도윤준현우수영연진성예은주원아호';

/** Writes an export like Shiftee's: two title rows, a header, one row per assistant and day. */
async function writeExport(path: string, rows: number): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true, useStyles: true });
  const sheet = workbook.addWorksheet('출퇴근기록');
  sheet.addRow(['근로지원인 출퇴근 기록']).commit();
  sheet.addRow(['기간: 2026-03-01 ~ 2026-03-31']).commit();
  sheet.addRow(['이름', '사원번호', '지점', '근무일', '근무일정', '출근시간', '퇴근시간', '휴게시간', '메모']).commit();
  const firstSerial = dayNumber(MONTH.year, MONTH.month, 1) - dayNumber(1899, 12, 30);
  for (let i = 0; i < rows; i++) {
    const person = Math.floor(i / MONTH.days);
    const day = i % MONTH.days;
    const name = `${SURNAMES[person % 20]}${GIVEN[Math.floor(person / 20) % 20]}${GIVEN[Math.floor(person / 400) % 20]}`;
    const start = 480 + ((person * 7 + day * 13) % 8) * 15; // 08:00–09:45
    const row = sheet.addRow([
      name,
      `E${String(person).padStart(5, '0')}`,
      `${['서울', '부산', '대구', '광주'][person % 4]}지사`,
      firstSerial + day,
      '09:00-18:00',
      start / 1440,
      (start + 540) / 1440,
      60,
      day % 10 === 0 ? '외근, 현장 지원' : null,
    ]);
    row.getCell(4).numFmt = 'yyyy-mm-dd';
    row.getCell(6).numFmt = 'hh:mm';
    row.getCell(7).numFmt = 'hh:mm';
    row.commit();
  }
  sheet.commit();
  await workbook.commit();
}

interface Run<T> {
  value: T;
  ms: number;
}

/** Times `body` after collecting garbage (npm run bench exposes gc). */
async function timed<T>(body: () => Promise<T>): Promise<Run<T>> {
  collectGarbage();
  const start = performance.now();
  const value = await body();
  return { value, ms: performance.now() - start };
}

interface Memory {
  /** highest live heap above the baseline, sampled after a full collection every SAMPLE_MS */
  livePeak: number;
  /** heap still used once the run is over while its result is held (the rows returned) */
  held: number;
  rssPeak: number;
}

const SAMPLE_MS = 100;

/**
 * A separate, untimed run for memory. Raw heapUsed peaks mostly show when V8 chose to collect, so the
 * live heap is sampled after forcing a full collection (which slows this run; that is why it is apart).
 */
async function memoryOf(body: () => Promise<unknown>): Promise<Memory> {
  const gc = (globalThis as { gc?: () => void }).gc;
  collectGarbage();
  const baseline = process.memoryUsage().heapUsed;
  let livePeak = 0;
  let rssPeak = process.memoryUsage.rss();
  const timer = setInterval(() => {
    gc?.();
    livePeak = Math.max(livePeak, process.memoryUsage().heapUsed - baseline);
    rssPeak = Math.max(rssPeak, process.memoryUsage.rss());
  }, SAMPLE_MS);
  const result = await body();
  clearInterval(timer);
  collectGarbage();
  const held = Math.max(0, process.memoryUsage().heapUsed - baseline);
  // Keep the result alive until it has been measured.
  if (result === baseline) console.log('');
  return { livePeak: Math.max(livePeak, held), held, rssPeak };
}

/** The baseline: exceljs's streaming reader alone, every row's values read, nothing checked. */
async function readWithExceljs(path: string): Promise<number> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(createReadStream(path), READER_OPTIONS);
  let rows = 0;
  for await (const worksheet of reader) {
    for await (const row of worksheet) {
      if (row.values) rows++;
    }
  }
  return rows;
}

async function importFile(path: string) {
  const result = await importAttendance(createReadStream(path), { kind: 'xlsx', month: '2026-03' });
  if (!result.ok) throw new Error(`bench file did not import: ${JSON.stringify(result.errors.slice(0, 3))}`);
  return result;
}

const best = (runs: Run<unknown>[]) => Math.min(...runs.map((run) => run.ms));
const perSecond = (rows: number, elapsed: number) => count(Math.round((rows / elapsed) * 1000));

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'attendance-bench-'));
  console.log('attendance-import: Shiftee-shaped XLSX (9 columns, shared strings, date serials, time fractions)');
  const lines: string[] = [];
  try {
    for (const { rows, runs } of SIZES) {
      const path = join(dir, `attendance-${rows}.xlsx`);
      const writeStart = performance.now();
      await writeExport(path, rows);
      console.log(
        `  ${count(rows)} rows: file ${mb(statSync(path).size)} written in ${ms(performance.now() - writeStart)}; ` +
          `${runs} runs each, alternating`,
      );
      const alone: Run<number>[] = [];
      const imports: Run<Awaited<ReturnType<typeof importFile>>>[] = [];
      for (let i = 0; i < runs; i++) {
        alone.push(await timed(() => readWithExceljs(path)));
        imports.push(await timed(() => importFile(path)));
      }
      const imported = imports[0]!.value;
      const ratio = best(imports) / best(alone);
      console.log(`    exceljs alone   best ${ms(best(alone))}  ${perSecond(alone[0]!.value, best(alone))} rows/s`);
      console.log(
        `    import          best ${ms(best(imports))}  ${perSecond(imported.rows.length, best(imports))} rows/s`,
      );
      console.log(
        `    ratio import / exceljs alone: ${ratio.toFixed(2)}  ` +
          `(runs ${imports.map((r) => ms(r.ms)).join(', ')} vs ${alone.map((r) => ms(r.ms)).join(', ')})`,
      );
      const aloneMemory = await memoryOf(() => readWithExceljs(path));
      const importMemory = await memoryOf(() => importFile(path));
      lines.push(
        `    ${count(rows).padStart(7)} rows: import live heap peak +${mb(importMemory.livePeak)} = ` +
          `rows returned ${mb(importMemory.held)} (${Math.round(importMemory.held / rows)} B/row) + ` +
          `working ${mb(Math.max(0, importMemory.livePeak - importMemory.held))}; ` +
          `exceljs alone +${mb(aloneMemory.livePeak)}; process RSS high-water mark ${mb(importMemory.rssPeak)}`,
      );
      rmSync(path);
    }
    console.log(
      `  memory, 10,000 vs 100,000 rows (live heap sampled after a full GC every ${SAMPLE_MS} ms; ` +
        'the rows returned grow with the file by design, the rest should stay flat):',
    );
    for (const line of lines) console.log(line);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
