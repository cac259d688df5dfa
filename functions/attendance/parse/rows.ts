// From rows of cells to attendance rows, whatever the file format: finds the header row, reads and
// checks each data row, then checks the rows against each other. All or nothing: the result is
// either every row, or every error (up to the cap) and no rows.
//
// Decisions (README "출퇴근 자료 가져오기"):
// - The header is the first row, among the first HEADER_SEARCH_ROWS non-blank rows of a sheet, that
//   names every required column; title rows and notes above it are skipped. In a workbook, the first
//   sheet with such a row is imported and the other sheets are ignored.
// - Blank rows are skipped anywhere; a row repeating the header (page breaks in some exports) too.
// - Overnight work is accepted only when the file says so: "익일 02:00", "02:00 (+1)", or a clock-out
//   cell carrying the next day's date. A plain clock-out earlier than the clock-in is an error: work
//   assistants work daytime hours, so it is far more often a typing mistake than a night shift.
//   "익일 00:00" is stored as "24:00" on the same day.
// - A person is their employee number when the file has one, otherwise their phone number; one
//   person's rows must not overlap in time (also across midnight) and must carry one name.

import { formatClock, formatDay } from '#kernel/calendar';
import {
  type Cell,
  displayCell,
  isBlank,
  maskPhone,
  readBreak,
  readClock,
  readDate,
  readPhone,
  readText,
} from './cells.ts';
import {
  acceptedNames,
  COLUMN_BY_KEY,
  type FieldKey,
  HEADER_SEARCH_ROWS,
  type HeaderMatch,
  IDENTIFIER_KEYS,
  isCompleteHeader,
  matchHeader,
  REQUIRED_KEYS,
} from './columns.ts';
import { columnLetter, ErrorCollector, fileError, type ImportError, MAX_ERRORS } from './errors.ts';
import { object, subject, toward } from './korean.ts';
import { monthDays } from './month.ts';

export interface AttendanceRow {
  /** the row's number in the file (1-based, as a spreadsheet shows it) */
  row: number;
  /** the employee number, or the phone number's digits when the file identifies people by phone */
  identifier: string;
  identifierKind: 'employeeNumber' | 'phone';
  employeeNumber?: string;
  /** digits only; personal data: keep only what the caller needs */
  phone?: string;
  name: string;
  /** YYYY-MM-DD, the day the work started */
  date: string;
  /** HH:MM */
  clockIn: string;
  /** HH:MM; 24:00 for midnight; on the next day when `overnight` */
  clockOut: string;
  overnight: boolean;
  /** 근무일정 as written, e.g. "09:00-18:00" */
  schedule?: string;
  /** 휴게시간 in minutes */
  breakMinutes?: number;
  workplace?: string;
  note?: string;
}

export interface ImportSummary {
  /** number of the header row, and the sheet it is on (XLSX) */
  headerRow: number;
  sheet?: string;
  /** each field found, with its header as written in the file */
  columns: Partial<Record<FieldKey, string>>;
  rows: number;
  people: number;
  overnightRows: number;
  firstDate: string;
  lastDate: string;
}

export type ImportResult =
  | { ok: true; rows: AttendanceRow[]; summary: ImportSummary }
  | { ok: false; errors: ImportError[]; totalErrors: number; omittedErrors: number };

export interface ParseOptions {
  /** YYYY-MM: every row's date must be in this month */
  month: string;
  /** errors kept in the report (default 1,000); the rest are counted */
  maxErrors?: number;
  /** data rows accepted in one file (default 300,000: a month of 9,000 people) */
  maxRows?: number;
}

export const MAX_ROWS = 300_000;
const MINUTES_PER_DAY = 1440;
/** HH:MM for every minute of a day and 24:00, made once: rows share these strings. */
const CLOCK_TEXTS = Array.from({ length: MINUTES_PER_DAY + 1 }, (_, minutes) => formatClock(minutes));
/** Distinct texts shared between rows (names, numbers, places); beyond this many, texts are not shared. */
const MAX_SHARED_TEXTS = 100_000;

/** Names compare without spaces: "홍 길동" and "홍길동" are one person. */
export function nameKey(name: string): string {
  return name.replace(/\s/g, '');
}

/** Employee numbers compare without spaces and case; Excel turns 0012 into 12 in a number cell, so
 * digit-only numbers compare without leading zeros. */
export function employeeKey(value: string): string {
  const compact = value.replace(/\s/g, '').toUpperCase();
  return /^\d+$/.test(compact) ? compact.replace(/^0+(?=\d)/, '') : compact;
}

export function personKey(row: Pick<AttendanceRow, 'identifierKind' | 'identifier'>): string {
  return row.identifierKind === 'employeeNumber' ? `E:${employeeKey(row.identifier)}` : `P:${row.identifier}`;
}

interface Candidate {
  match: HeaderMatch;
  row: number;
  sheet: string | undefined;
}

/** Feed it sheets and rows in file order; read the result at the end. */
export class AttendanceSheetParser {
  /** set by the XLSX reader when the workbook uses the 1904 date system */
  date1904 = false;

  private state: 'seeking' | 'reading' | 'done' = 'seeking';
  private skipSheet = false;
  private rowsSeen = 0;
  private sheet: string | undefined;
  private best: Candidate | undefined;
  private header: Candidate | undefined;
  private readonly errors: ErrorCollector;
  private readonly fileErrors: ImportError[] = [];
  private readonly maxRows: number;
  private readonly firstDay: number;
  private readonly lastDay: number;
  private readonly monthLabel: string;

  private rows: AttendanceRow[] = [];
  private dataRows = 0;
  private overnightRows = 0;
  private readonly shifts = new Shifts();
  /** per person: the first name seen (one number, one name) and the person's index in `shifts` */
  private readonly names = new Map<string, { name: string; row: number; person: number }>();
  /** One string per distinct name, number or place: 100,000 rows of 3,000 people hold 3,000 names. */
  private readonly texts = new Map<string, string>();
  private readonly dayTexts: string[] = [];

  constructor(options: ParseOptions) {
    const days = monthDays(options.month);
    this.firstDay = days.first;
    this.lastDay = days.last;
    this.monthLabel = days.label;
    for (let day = days.first; day <= days.last; day++) this.dayTexts.push(formatDay(day));
    this.errors = new ErrorCollector(options.maxErrors ?? MAX_ERRORS);
    this.maxRows = options.maxRows ?? MAX_ROWS;
  }

  /** Whether another sheet could still hold the header. */
  get wantsSheet(): boolean {
    return this.state === 'seeking';
  }

  startSheet(name?: string): void {
    this.sheet = name;
    this.skipSheet = false;
    this.rowsSeen = 0;
  }

  endSheet(): void {
    if (this.state === 'reading') this.state = 'done';
  }

  /** Takes one row; false when the rest of this sheet is not needed. */
  push(rowNumber: number, cells: readonly Cell[]): boolean {
    if (this.state === 'done' || this.skipSheet) return false;
    if (cells.every(isBlank)) return true;
    if (this.state === 'seeking') return this.seekHeader(rowNumber, cells);
    if (this.repeatsHeader(cells)) return true;
    if (++this.dataRows > this.maxRows) {
      this.fileErrors.push(
        fileError(
          `기록이 ${this.maxRows.toLocaleString('ko-KR')}줄을 넘습니다. 한 파일에는 한 달치 기록만 넣고, 그래도 많으면 나누어 올려 주세요.`,
        ),
      );
      this.state = 'done';
      return false;
    }
    this.readRow(rowNumber, cells);
    return true;
  }

  private seekHeader(rowNumber: number, cells: readonly Cell[]): boolean {
    const match = matchHeader(cells);
    const candidate = { match, row: rowNumber, sheet: this.sheet };
    if (isCompleteHeader(match)) {
      if (match.duplicates.length > 0) {
        for (const { key, texts } of match.duplicates) {
          this.fileErrors.push(
            fileError(
              `같은 뜻의 열이 여러 개 있습니다: ${texts.join(', ')}. 어느 열을 ${toward(`'${COLUMN_BY_KEY[key].label}'`)} 읽을지 알 수 없으니 하나만 남기고 지워 주세요.`,
              texts.join(', '),
              rowNumber,
            ),
          );
        }
        this.state = 'done';
        return false;
      }
      this.header = candidate;
      this.state = 'reading';
      return true;
    }
    if (match.recognised >= 2 && (!this.best || match.recognised > this.best.match.recognised)) this.best = candidate;
    if (++this.rowsSeen >= HEADER_SEARCH_ROWS) this.skipSheet = true;
    return !this.skipSheet;
  }

  private repeatsHeader(cells: readonly Cell[]): boolean {
    const { index, text } = this.header!.match;
    const name = cells[index.name!];
    const date = cells[index.date!];
    return (
      typeof name === 'string' && typeof date === 'string' && name.trim() === text.name && date.trim() === text.date
    );
  }

  private readRow(row: number, cells: readonly Cell[]): void {
    const { index, text } = this.header!.match;
    const errorsBefore = this.errors.count;

    // Who: an employee number, or a phone number (with the name, it identifies the person).
    let employeeNumber: string | undefined;
    let phone: string | undefined;
    if (index.employeeNumber !== undefined && !isBlank(pick(cells, index.employeeNumber))) {
      const read = readText(pick(cells, index.employeeNumber), '사원번호', '시프티에 등록된 사원번호를 적어 주세요.');
      if (read.ok) employeeNumber = this.shared(read.value);
      else this.report(row, cells, 'employeeNumber', read.message);
    }
    if (index.phone !== undefined && !isBlank(pick(cells, index.phone))) {
      const read = readPhone(pick(cells, index.phone));
      if (read.ok) phone = this.shared(read.value);
      else this.report(row, cells, 'phone', read.message);
    }
    if (isBlank(pick(cells, index.employeeNumber)) && isBlank(pick(cells, index.phone))) {
      const present = IDENTIFIER_KEYS.filter((key) => index[key] !== undefined);
      const labels = present.map((key) => text[key]!).join(' 또는 ');
      this.report(
        row,
        cells,
        present[0]!,
        `${subject(labels)} 비어 있습니다. 누구의 기록인지 알 수 있도록 시프티에 등록된 ${object(labels)} 적어 주세요.`,
      );
    }

    const name = readText(pick(cells, index.name), '이름', '근로지원인의 이름을 적어 주세요.');
    if (!name.ok) this.report(row, cells, 'name', name.message);

    const date = readDate(pick(cells, index.date), this.date1904);
    let day = Number.NaN;
    if (!date.ok) this.report(row, cells, 'date', date.message);
    else if (date.value < this.firstDay || date.value > this.lastDay) {
      this.report(
        row,
        cells,
        'date',
        `${this.monthLabel} 자료인데 ${formatDay(date.value)} 기록이 있습니다. 이 달의 기록만 남기거나, 올리는 달을 확인해 주세요.`,
      );
    } else day = date.value;

    const clockIn = readClock(pick(cells, index.clockIn), this.date1904);
    let start = Number.NaN;
    if (!clockIn.ok)
      this.report(row, cells, 'clockIn', isBlank(pick(cells, index.clockIn)) ? emptyTime('출근') : clockIn.message);
    else if (clockIn.value.nextDay)
      this.report(row, cells, 'clockIn', "출근 시각에는 '익일'을 쓸 수 없습니다. 출근한 날을 날짜 칸에 적어 주세요.");
    else if (clockIn.value.minutes === MINUTES_PER_DAY)
      this.report(row, cells, 'clockIn', '출근 시각은 23:59까지입니다. 시각을 고쳐 주세요.');
    else if (clockIn.value.day !== undefined && !Number.isNaN(day) && clockIn.value.day !== day) {
      this.report(
        row,
        cells,
        'clockIn',
        `출근 일시의 날짜(${formatDay(clockIn.value.day)})가 근무일(${formatDay(day)})과 다릅니다. 날짜 칸이나 출근 일시를 고쳐 주세요.`,
      );
    } else start = clockIn.value.minutes;

    const clockOut = readClock(pick(cells, index.clockOut), this.date1904);
    let end = Number.NaN;
    let overnight = false;
    if (!clockOut.ok)
      this.report(row, cells, 'clockOut', isBlank(pick(cells, index.clockOut)) ? emptyTime('퇴근') : clockOut.message);
    else {
      const { minutes, day: outDay, nextDay } = clockOut.value;
      if (outDay !== undefined && !Number.isNaN(day) && outDay !== day && outDay !== day + 1) {
        this.report(
          row,
          cells,
          'clockOut',
          `퇴근 일시의 날짜(${formatDay(outDay)})는 근무일(${formatDay(day)})이거나 그다음 날이어야 합니다. 날짜 칸이나 퇴근 일시를 고쳐 주세요.`,
        );
      } else {
        overnight = nextDay || (outDay !== undefined && outDay === day + 1);
        if (overnight && minutes === MINUTES_PER_DAY)
          this.report(row, cells, 'clockOut', "'익일 24:00'은 쓸 수 없습니다. 시각을 고쳐 주세요.");
        else end = overnight ? minutes + MINUTES_PER_DAY : minutes;
      }
    }

    if (!Number.isNaN(start) && !Number.isNaN(end)) {
      if (end <= start) {
        this.report(
          row,
          cells,
          'clockOut',
          `퇴근 시각(${formatClock(end % MINUTES_PER_DAY)})이 출근 시각(${formatClock(start)})보다 빠르거나 같습니다. 시각을 고쳐 주세요. 자정을 넘겨 일했다면 '익일 02:00'처럼 적어 주세요.`,
        );
      } else if (end - start > MINUTES_PER_DAY) {
        this.report(row, cells, 'clockOut', '근무 시간이 24시간을 넘습니다. 출근과 퇴근 시각을 확인해 주세요.');
      }
    }

    let breakMinutes: number | undefined;
    if (index.breakTime !== undefined && !isBlank(pick(cells, index.breakTime))) {
      const read = readBreak(pick(cells, index.breakTime));
      if (!read.ok) this.report(row, cells, 'breakTime', read.message);
      else if (this.errors.count === errorsBefore && read.value >= end - start) {
        this.report(
          row,
          cells,
          'breakTime',
          `휴게시간(${read.value}분)이 근무 시간(${end - start}분)과 같거나 깁니다. 휴게시간이나 출퇴근 시각을 고쳐 주세요.`,
        );
      } else breakMinutes = read.value;
    }
    const extra: Partial<Record<'schedule' | 'workplace' | 'note', string>> = {};
    for (const key of ['schedule', 'workplace', 'note'] as const) {
      if (index[key] === undefined || isBlank(pick(cells, index[key]))) continue;
      const read = readText(pick(cells, index[key]), COLUMN_BY_KEY[key].label, '값을 확인해 주세요.');
      if (read.ok) extra[key] = key === 'note' ? read.value : this.shared(read.value);
      else this.report(row, cells, key, read.message);
    }

    if (this.errors.count > errorsBefore || !name.ok) return;
    const attendance: AttendanceRow = {
      row,
      identifier: (employeeNumber ?? phone)!,
      identifierKind: employeeNumber !== undefined ? 'employeeNumber' : 'phone',
      ...(employeeNumber !== undefined && { employeeNumber }),
      ...(phone !== undefined && { phone }),
      name: this.shared(name.value),
      date: this.dayTexts[day - this.firstDay]!,
      clockIn: CLOCK_TEXTS[start]!,
      // "익일 00:00" ends the same day at 24:00; later next-day times are overnight.
      clockOut: CLOCK_TEXTS[end > MINUTES_PER_DAY ? end - MINUTES_PER_DAY : end]!,
      overnight: end > MINUTES_PER_DAY,
      ...extra,
      ...(breakMinutes !== undefined && { breakMinutes }),
    };
    this.remember(attendance, day, start, end, index.name!);
  }

  /** Records a problem with one cell of a data row. */
  private report(row: number, cells: readonly Cell[], key: FieldKey, message: string): void {
    const { index, text } = this.header!.match;
    const at = index[key]!;
    const value = displayCell(cells[at]);
    this.errors.add(
      {
        row,
        column: text[key] ?? COLUMN_BY_KEY[key].label,
        cell: `${columnLetter(at)}${row}`,
        value: key === 'phone' && value ? maskPhone(value) : value,
        message,
      },
      at,
    );
  }

  private shared(text: string): string {
    const known = this.texts.get(text);
    if (known !== undefined) return known;
    if (this.texts.size < MAX_SHARED_TEXTS) this.texts.set(text, text);
    return text;
  }

  /** Keeps a good row and what the checks across rows need: one name per person, no overlaps. */
  private remember(attendance: AttendanceRow, day: number, start: number, end: number, nameColumn: number): void {
    const person = personKey(attendance);
    const known = this.names.get(person);
    if (known && nameKey(known.name) !== nameKey(attendance.name)) {
      const who =
        attendance.identifierKind === 'employeeNumber'
          ? `사원번호 ${attendance.identifier}`
          : `휴대전화 ${maskPhone(attendance.identifier)}`;
      this.errors.add(
        {
          row: attendance.row,
          column: this.header!.match.text.name!,
          cell: `${columnLetter(nameColumn)}${attendance.row}`,
          value: attendance.name,
          message: `${subject(who)} ${known.row}행에서는 '${known.name}', 이 행에서는 '${attendance.name}'입니다. 한 사람에게는 하나의 번호만 있어야 하니 번호나 이름을 고쳐 주세요.`,
        },
        nameColumn,
      );
      return;
    }
    const index = known?.person ?? this.names.size;
    if (!known) this.names.set(person, { name: attendance.name, row: attendance.row, person: index });

    const offset = (day - this.firstDay) * MINUTES_PER_DAY;
    this.shifts.add(index, offset + start, offset + end, attendance.row);
    if (attendance.overnight) this.overnightRows++;
    // All or nothing: once a row is bad no row will be returned, so stop holding them.
    if (this.errors.count === 0) this.rows.push(attendance);
    else this.rows = [];
  }

  /** Rows of one person that overlap in time; reported on the later row. */
  private checkOverlaps(): void {
    const { index, text } = this.header!.match;
    const column = index.clockIn!;
    const { person, start, end, row } = this.shifts;
    const order = this.shifts.ordered();
    const span = (i: number) => `${this.clockText(start[i]!)}~${this.clockText(end[i]!)}`;
    // Sweep each person's shifts by start, comparing with the one that ends last so far.
    let latest = -1;
    for (const i of order) {
      if (latest < 0 || person[latest] !== person[i]) {
        latest = i;
        continue;
      }
      if (start[i]! < end[latest]!) {
        const [earlier, later] = row[i]! < row[latest]! ? [i, latest] : [latest, i];
        const same = start[i] === start[latest] && end[i] === end[latest];
        this.errors.add(
          {
            row: row[later]!,
            column: text.clockIn!,
            cell: `${columnLetter(column)}${row[later]}`,
            value: span(later),
            message: same
              ? `${row[earlier]}행과 같은 사람의 같은 기록입니다. 겹친 행 하나를 지워 주세요.`
              : `같은 사람의 기록이 ${row[earlier]}행(${span(earlier)})과 시간이 겹칩니다. 중복된 행을 지우거나 시각을 고쳐 주세요.`,
          },
          column,
        );
      }
      if (end[i]! > end[latest]!) latest = i;
    }
  }

  /** A time of an interval as on the clock (an overnight end shows as 02:00, a midnight end as 24:00). */
  private clockText(minutesFromMonthStart: number): string {
    const minutes = minutesFromMonthStart % MINUTES_PER_DAY;
    return formatClock(minutes === 0 && minutesFromMonthStart > 0 ? MINUTES_PER_DAY : minutes);
  }

  result(): ImportResult {
    if (!this.header && this.fileErrors.length === 0) this.fileErrors.push(...this.headerErrors());
    if (this.header && this.fileErrors.length === 0 && this.errors.count === 0 && this.dataRows === 0) {
      this.fileErrors.push(
        fileError(
          `머리글(${this.header.row}행) 아래에 출퇴근 기록이 한 줄도 없습니다. 기록이 들어 있는 파일인지 확인해 주세요.`,
        ),
      );
    }
    if (this.header && this.state !== 'seeking') this.checkOverlaps();
    if (this.fileErrors.length > 0 || this.errors.count > 0) {
      const { errors, omitted } = this.errors.report();
      const all = [...this.fileErrors, ...errors];
      return {
        ok: false,
        errors: all,
        totalErrors: this.fileErrors.length + this.errors.count,
        omittedErrors: omitted,
      };
    }
    const rows = this.rows;
    let firstDate = rows[0]!.date;
    let lastDate = firstDate;
    for (const row of rows) {
      if (row.date < firstDate) firstDate = row.date;
      if (row.date > lastDate) lastDate = row.date;
    }
    return {
      ok: true,
      rows,
      summary: {
        headerRow: this.header!.row,
        ...(this.header!.sheet !== undefined && { sheet: this.header!.sheet }),
        columns: { ...this.header!.match.text },
        rows: rows.length,
        people: this.names.size,
        overnightRows: this.overnightRows,
        firstDate,
        lastDate,
      },
    };
  }

  /** Why no header row was found: the missing columns of the likeliest row, or that none looks like one. */
  private headerErrors(): ImportError[] {
    const best = this.best;
    if (!best) {
      return [
        fileError(
          `머리글 행을 찾지 못했습니다. 파일의 처음 ${HEADER_SEARCH_ROWS}줄 안에 이름, 날짜, 출근, 퇴근, 사원번호(또는 휴대전화) 열 제목이 있는 행이 있어야 합니다. 시프티에서 내려받은 파일을 고치지 않고 올려 주세요.`,
        ),
      ];
    }
    const where = best.sheet ? `'${best.sheet}' 시트 ${best.row}행` : `${best.row}행`;
    const errors: ImportError[] = [];
    for (const key of REQUIRED_KEYS) {
      if (best.match.index[key] !== undefined) continue;
      errors.push(
        fileError(
          `'${COLUMN_BY_KEY[key].label}' 열이 없습니다. 머리글(${where})에 다음 이름 중 하나로 된 열이 있어야 합니다: ${acceptedNames(key)}. 열 제목을 고쳐 다시 올려 주세요.`,
          COLUMN_BY_KEY[key].label,
          best.row,
        ),
      );
    }
    if (!IDENTIFIER_KEYS.some((key) => best.match.index[key] !== undefined)) {
      errors.push(
        fileError(
          `누구의 기록인지 구별할 열이 없습니다. 머리글(${where})에 사원번호(${acceptedNames('employeeNumber')}) 또는 휴대전화(${acceptedNames('phone')}) 열이 있어야 합니다.`,
          '사원번호',
          best.row,
        ),
      );
    }
    return errors;
  }
}

/** Shifts kept for the overlap check: 16 bytes each in typed arrays rather than an object per row. */
class Shifts {
  person = new Int32Array(1024);
  /** minutes from the start of the month's first day */
  start = new Int32Array(1024);
  end = new Int32Array(1024);
  row = new Int32Array(1024);
  length = 0;

  add(person: number, start: number, end: number, row: number): void {
    if (this.length === this.person.length) {
      const grow = (array: Int32Array) => {
        const bigger = new Int32Array(array.length * 2);
        bigger.set(array);
        return bigger;
      };
      this.person = grow(this.person);
      this.start = grow(this.start);
      this.end = grow(this.end);
      this.row = grow(this.row);
    }
    const i = this.length++;
    this.person[i] = person;
    this.start[i] = start;
    this.end[i] = end;
    this.row[i] = row;
  }

  /** Indices by person, then start, then row. */
  ordered(): Int32Array {
    const { person, start, row } = this;
    const order = new Int32Array(this.length);
    for (let i = 0; i < order.length; i++) order[i] = i;
    return order.sort((a, b) => person[a]! - person[b]! || start[a]! - start[b]! || row[a]! - row[b]!);
  }
}

function pick(cells: readonly Cell[], at: number | undefined): Cell {
  return at === undefined ? null : (cells[at] ?? null);
}

function emptyTime(what: '출근' | '퇴근'): string {
  return `${what} 시각이 비어 있습니다. 09:00처럼 시:분으로 적어 주세요. ${what} 기록이 없는 날이면 이 행을 지우거나 시프티에서 기록을 고쳐 주세요.`;
}
