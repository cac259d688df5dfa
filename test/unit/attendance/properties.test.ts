// Properties of the importer over generated files: the same records come out whatever the column
// order, header aliases, extra columns, title rows, value formats, encoding, line endings and
// chunking; and any bad row fails the whole file with exactly the bad rows reported.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COLUMN_BY_KEY, type FieldKey } from '#functions/attendance/parse/columns';
import { type AttendanceRow, importAttendance } from '#functions/attendance/parse/import';
import {
  type CsvEncodingName,
  chunked,
  csvText,
  encodeCsv,
  excelSerial,
  type SheetCell,
  xlsxBytes,
} from './support.ts';

const PEOPLE = [
  { id: 'E1001', name: '김지원' },
  { id: 'E1002', name: '박서연' },
  { id: '0012', name: '이민준' },
  { id: 'E1005', name: '정똠' },
];
const DAYS_IN_MARCH = 31;

interface Record {
  person: number;
  day: number;
  start: number;
  end: number;
  note: string;
}

/** Valid records: at most one per person and day, so none overlap. */
const records = fc.uniqueArray(
  fc
    .record({
      person: fc.integer({ min: 0, max: PEOPLE.length - 1 }),
      day: fc.integer({ min: 1, max: DAYS_IN_MARCH }),
      start: fc.integer({ min: 0, max: 1438 }),
      length: fc.integer({ min: 1, max: 720 }),
      note: fc.constantFrom('', '외근', '메모, 쉼표', '따옴표 "인용"', '줄\n바꿈'),
    })
    .map(({ length, ...r }): Record => ({ ...r, end: Math.min(1440, r.start + length) })),
  { minLength: 1, maxLength: 25, selector: (r) => `${r.person}/${r.day}` },
);

const pad = (n: number) => String(n).padStart(2, '0');
const hhmm = (minutes: number) => `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
const isoDay = (day: number) => `2026-03-${pad(day)}`;

/** The rows the importer must return for these records, given the header's row number. */
function expected(list: readonly Record[], headerRow: number): AttendanceRow[] {
  return list.map((r, i) => ({
    row: headerRow + 1 + i,
    identifier: PEOPLE[r.person]!.id,
    identifierKind: 'employeeNumber',
    employeeNumber: PEOPLE[r.person]!.id,
    name: PEOPLE[r.person]!.name,
    date: isoDay(r.day),
    clockIn: hhmm(r.start),
    clockOut: hhmm(r.end),
    overnight: false,
    ...(r.note && { note: r.note.replace(/\s+/g, ' ') }),
  }));
}

// How a date or a time may be written in a CSV cell (all equivalent).
const DATE_STYLES = [
  (d: number) => isoDay(d),
  (d: number) => `2026.03.${pad(d)}`,
  (d: number) => `2026/3/${d}`,
  (d: number) => `202603${pad(d)}`,
  (d: number) => `2026년 3월 ${d}일`,
  (d: number) => `2026. 3. ${d}.`,
];
const TIME_STYLES = [
  (m: number) => hhmm(m),
  (m: number) => `${Math.floor(m / 60)}:${pad(m % 60)}`,
  (m: number) => `${hhmm(m)}:00`,
  (m: number) =>
    m === 1440 ? '24:00' : `${m < 720 ? '오전' : '오후'} ${((Math.floor(m / 60) + 11) % 12) + 1}:${pad(m % 60)}`,
  (m: number) => hhmm(m).replace(':', ''),
];

const FIELDS: FieldKey[] = ['employeeNumber', 'name', 'date', 'clockIn', 'clockOut', 'note'];
const EXTRA_HEADERS = ['조직', '직무', '총 근무시간', '승인 여부', '근무 유형'];

/** A file's layout: column order, the alias used for each field, extra columns, title rows. */
const layout = fc.record({
  order: fc.shuffledSubarray([...FIELDS, ...EXTRA_HEADERS.map((_, i) => `extra${i}`)], {
    minLength: FIELDS.length + EXTRA_HEADERS.length,
  }),
  extras: fc.integer({ min: 0, max: EXTRA_HEADERS.length }),
  aliases: fc.tuple(...FIELDS.map((key) => fc.constantFrom(...COLUMN_BY_KEY[key].aliases))),
  titles: fc.integer({ min: 0, max: 9 }),
  trailingBlanks: fc.integer({ min: 0, max: 3 }),
  dateStyle: fc.integer({ min: 0, max: DATE_STYLES.length - 1 }),
  timeStyle: fc.integer({ min: 0, max: TIME_STYLES.length - 1 }),
});
type Layout = typeof layout extends fc.Arbitrary<infer T> ? T : never;

function columnsOf(l: Layout): string[] {
  const kept = new Set(EXTRA_HEADERS.slice(0, l.extras).map((_, i) => `extra${i}`));
  return l.order.filter((column) => FIELDS.includes(column as FieldKey) || kept.has(column));
}

function table(list: readonly Record[], l: Layout): string[][] {
  const columns = columnsOf(l);
  const header = columns.map((column) => {
    const field = FIELDS.indexOf(column as FieldKey);
    return field >= 0 ? l.aliases[field]! : EXTRA_HEADERS[Number(column.slice(5))]!;
  });
  const cell = (r: Record, column: string): string => {
    switch (column) {
      case 'employeeNumber':
        return PEOPLE[r.person]!.id;
      case 'name':
        return PEOPLE[r.person]!.name;
      case 'date':
        return DATE_STYLES[l.dateStyle]!(r.day);
      case 'clockIn':
        return TIME_STYLES[l.timeStyle]!(r.start);
      case 'clockOut':
        return TIME_STYLES[l.timeStyle]!(r.end);
      case 'note':
        return r.note;
      default:
        return `${column}-${r.day}`;
    }
  };
  const titles = Array.from({ length: l.titles }, (_, i) => [`2026년 3월 출퇴근 기록 (${i + 1})`]);
  const blanks = Array.from({ length: l.trailingBlanks }, () => columns.map(() => ''));
  return [...titles, header, ...list.map((r) => columns.map((column) => cell(r, column))), ...blanks];
}

const CSV = fc.record({
  encoding: fc.constantFrom<CsvEncodingName>('utf-8', 'utf-8-bom', 'cp949'),
  eol: fc.constantFrom('\r\n', '\n'),
  chunk: fc.constantFrom(1, 3, 64, 4096),
});

describe('whatever the layout', () => {
  it('a CSV gives the same rows (column order, aliases, extra columns, titles, formats, encoding, chunks)', async () => {
    await fc.assert(
      fc.asyncProperty(records, layout, CSV, async (list, l, file) => {
        const bytes = encodeCsv(csvText(table(list, l), { eol: file.eol }), file.encoding);
        const result = await importAttendance(chunked(bytes, file.chunk), { kind: 'csv', month: '2026-03' });
        if (!result.ok) throw new Error(JSON.stringify(result.errors.slice(0, 3)));
        expect(result.rows).toEqual(expected(list, l.titles + 1));
      }),
      { numRuns: 150 },
    );
  });

  it('an XLSX gives the same rows with dates and times as serials, fractions or text', async () => {
    await fc.assert(
      fc.asyncProperty(records, layout, fc.boolean(), async (list, l, typed) => {
        const rows: SheetCell[][] = table(list, l);
        if (typed) {
          // Replace text with Excel's own types: date serials and time fractions.
          const columns = columnsOf(l);
          const at = (key: FieldKey) => columns.indexOf(key);
          list.forEach((r, i) => {
            const cells = rows[l.titles + 1 + i]!;
            cells[at('date')] = { value: excelSerial(2026, 3, r.day), numFmt: 'yyyy-mm-dd' };
            cells[at('clockIn')] = { value: r.start / 1440, numFmt: 'hh:mm' };
            if (r.end < 1440) cells[at('clockOut')] = { value: r.end / 1440, numFmt: 'hh:mm' };
          });
        }
        const bytes = await xlsxBytes([{ name: '출퇴근', rows }]);
        const result = await importAttendance(chunked(bytes, 1024), { kind: 'xlsx', month: '2026-03' });
        if (!result.ok) throw new Error(JSON.stringify(result.errors.slice(0, 3)));
        expect(result.rows).toEqual(expected(list, l.titles + 1));
      }),
      { numRuns: 25 },
    );
  });
});

describe('all or nothing', () => {
  const BREAKAGES: Array<(cells: string[], columns: string[]) => void> = [
    (cells, columns) => {
      cells[columns.indexOf('name')] = '';
    },
    (cells, columns) => {
      cells[columns.indexOf('date')] = '2026-03-32';
    },
    (cells, columns) => {
      cells[columns.indexOf('date')] = '2026-04-01';
    },
    (cells, columns) => {
      cells[columns.indexOf('clockIn')] = '25:00';
    },
    (cells, columns) => {
      const [from, to] = [columns.indexOf('clockIn'), columns.indexOf('clockOut')];
      cells[to] = cells[from]!;
    },
    (cells, columns) => {
      cells[columns.indexOf('employeeNumber')] = '';
    },
  ];

  it('any bad row fails the file, and exactly the bad rows are reported', async () => {
    await fc.assert(
      fc.asyncProperty(
        records,
        layout,
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: BREAKAGES.length - 1 })), { minLength: 1, maxLength: 5 }),
        async (list, l, breaks) => {
          const rows = table(list, l);
          const columns = columnsOf(l);
          const broken = new Set<number>();
          for (const [which, how] of breaks) {
            const index = which % list.length;
            BREAKAGES[how]!(rows[l.titles + 1 + index]!, columns);
            broken.add(l.titles + 2 + index);
          }
          const result = await importAttendance(encodeCsv(csvText(rows), 'utf-8'), { kind: 'csv', month: '2026-03' });
          expect(result.ok).toBe(false);
          if (result.ok) return;
          expect(new Set(result.errors.map((error) => error.row))).toEqual(broken);
          for (const error of result.errors) expect(error.message).toMatch(/[가-힣].*(주세요|습니다)\.$/);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('overlaps', () => {
  /** Shifts on few days so they collide; some run past midnight ("익일 02:00"). */
  const shifts = fc.array(
    fc.record({
      person: fc.integer({ min: 0, max: 2 }),
      day: fc.integer({ min: 1, max: 4 }),
      start: fc.integer({ min: 0, max: 95 }).map((q) => q * 15),
      length: fc.integer({ min: 1, max: 48 }).map((q) => q * 15),
    }),
    { minLength: 1, maxLength: 12 },
  );

  it('a file is refused exactly when two shifts of one person overlap, and only rows in an overlap are named', async () => {
    await fc.assert(
      fc.asyncProperty(shifts, async (list) => {
        const rows = list.map((s) => {
          const end = s.start + s.length;
          const out = end > 1440 ? `익일 ${hhmm(end - 1440)}` : hhmm(end);
          return [PEOPLE[s.person]!.name, PEOPLE[s.person]!.id, isoDay(s.day), hhmm(s.start), out];
        });
        // The oracle: every pair, on a timeline of minutes from 1 March.
        const span = (s: (typeof list)[number]) => [s.day * 1440 + s.start, s.day * 1440 + s.start + s.length] as const;
        const involved = new Set<number>();
        for (const [i, a] of list.entries()) {
          for (const [j, b] of list.entries()) {
            if (i === j || a.person !== b.person) continue;
            const [[a0, a1], [b0, b1]] = [span(a), span(b)];
            if (a0 < b1 && b0 < a1) involved.add(i + 2);
          }
        }
        const result = await importAttendance(
          encodeCsv(csvText([['이름', '사원번호', '날짜', '출근', '퇴근'], ...rows]), 'utf-8'),
          {
            kind: 'csv',
            month: '2026-03',
          },
        );
        expect(result.ok).toBe(involved.size === 0);
        if (result.ok) return;
        for (const error of result.errors) {
          expect(involved.has(error.row!)).toBe(true);
          expect(error.message).toMatch(/같은 사람의 (같은 기록|기록이 \d+행)/);
        }
      }),
      { numRuns: 300 },
    );
  });
});
