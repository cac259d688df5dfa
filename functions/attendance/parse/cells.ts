// Reading one cell of an attendance file: dates, clock times, text, phone numbers, break lengths.
// Each reader returns the value, or a Korean sentence saying what is wrong and how to write it.
// Cells come from CSV (always text) or from XLSX (text, numbers, Excel date serials and time
// fractions, Date objects, booleans, formula errors), so every reader accepts all of those.

import { dayNumber, daysInMonth } from '#kernel/calendar';
import { subject, topic } from './korean.ts';

/** A cell holding a formula error (#VALUE!, #N/A …), or a formula saved without its result. */
export class ExcelError {
  /** `code` is Excel's error text; empty when the error is not known; null when there is no result at all */
  constructor(readonly code: string | null) {}
}

export type Cell = string | number | boolean | Date | ExcelError | null;

/** A reader's answer: the value, or what to tell the user. */
export type Read<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): Read<T> => ({ ok: true, value });
const fail = (message: string): Read<never> => ({ ok: false, message });

/** Day number of 1899-12-30 and 1904-01-01: day 0 of Excel's two date systems. */
const EXCEL_EPOCH_1900 = dayNumber(1899, 12, 30);
const EXCEL_EPOCH_1904 = dayNumber(1904, 1, 1);
/** Serials below this (1910-01-01) are not a date anyone means in an attendance file. */
const FIRST_PLAUSIBLE_SERIAL = 3654;
const LAST_SERIAL = 2958465; // 9999-12-31

export function isBlank(cell: Cell | undefined): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

const FULL_WIDTH = /[\uFF01-\uFF5E]/g;
const SPACES = /[\s\u00A0\u3000]+/g;

/** NFC, full-width digits and punctuation to ASCII, runs of spaces to one, trimmed. */
/** Already clean: printable ASCII and precomposed Hangul in words separated by single spaces. */
const CLEAN = /^[\x21-\x7E\uAC00-\uD7A3]+(?: [\x21-\x7E\uAC00-\uD7A3]+)*$/;

export function cleanText(text: string): string {
  // Most cells are already clean; skip the three passes over them.
  if (CLEAN.test(text)) return text;
  return text
    .normalize('NFC')
    .replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(SPACES, ' ')
    .trim();
}

/** How a cell looks to the user, for error reports: text as written, numbers as Excel stores them. */
export function displayCell(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof ExcelError) return cell.code || '(수식)';
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString().replace('.000Z', 'Z');
  const text = String(cell);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

function excelErrorMessage(cell: ExcelError): string {
  if (cell.code === null) {
    return '수식의 계산 결과가 파일에 저장되어 있지 않습니다. 엑셀에서 파일을 열어 저장한 뒤 다시 올려 주세요.';
  }
  const code = cell.code ? `(${cell.code})` : '';
  return `셀에 수식 오류${code}가 있습니다. 수식 대신 값을 직접 적어 주세요.`;
}

/** Text of a text-like cell (numbers as written, e.g. an employee number typed as 1001). */
export function readText(cell: Cell, what: string, example: string): Read<string> {
  if (cell instanceof ExcelError) return fail(excelErrorMessage(cell));
  if (isBlank(cell)) return fail(`${subject(what)} 비어 있습니다. ${example}`);
  if (cell instanceof Date || typeof cell === 'boolean') {
    return fail(`${what} 칸에 글자가 아닌 값이 있습니다. ${example}`);
  }
  const text = typeof cell === 'number' ? numberText(cell) : cleanText(cell as string);
  if (text.includes('\uFFFD')) {
    return fail(
      `${what}에 읽을 수 없는 글자가 있습니다. 파일을 'CSV UTF-8' 형식으로 다시 저장하거나 시프티에서 다시 내려받아 주세요.`,
    );
  }
  if (text.length > 100) return fail(`${subject(what)} 너무 깁니다(100자까지). 값을 확인해 주세요.`);
  return ok(text);
}

/** 1001 → "1001", without exponent notation for long numbers typed into a general cell. */
function numberText(value: number): string {
  return Number.isInteger(value) && Math.abs(value) < 1e21 ? value.toFixed(0) : String(value);
}

// ——— Dates ———

const DATE_TEXT = /^(\d{4})\s*[-./]\s*(\d{1,2})\s*[-./]\s*(\d{1,2})\s*\.?/;
const DATE_TEXT_KOREAN = /^(\d{4})\s*년\s*(\d{1,2})\s*월\s*(\d{1,2})\s*일/;
const DATE_DIGITS = /^(\d{4})(\d{2})(\d{2})/;
/** After the date: nothing, a weekday ("(화)", "화요일", "(Tue)"), and/or a time that is ignored. */
const DATE_REST = /^\s*(?:\([^)]*\)|[월화수목금토일]요일)?\s*(?:T?\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?\s*$/;
const DATE_WITHOUT_YEAR = /^\d{1,2}\s*[-./월]\s*\d{1,2}\s*일?\.?\s*(?:\([^)]*\))?$/;

const DATE_HINT = '2026-03-03처럼 연-월-일로 적어 주세요.';

function civilDay(year: number, month: number, day: number): Read<number> {
  if (month < 1 || month > 12) return fail(`${month}월은 없는 달입니다. ${DATE_HINT}`);
  if (day < 1 || day > daysInMonth(year, month)) {
    return fail(
      `${year}년 ${month}월 ${day}일은 없는 날짜입니다(${month}월은 ${daysInMonth(year, month)}일까지). 날짜를 고쳐 주세요.`,
    );
  }
  return ok(dayNumber(year, month, day));
}

function serialDay(serial: number, date1904: boolean): number {
  const whole = Math.floor(serial);
  if (date1904) return EXCEL_EPOCH_1904 + whole;
  // Excel counts a 29 February 1900 that never was; serials before it are one day off.
  return whole < 61 ? EXCEL_EPOCH_1900 + whole + 1 : EXCEL_EPOCH_1900 + whole;
}

/** A date cell as a day number (days since 1970-01-01). */
export function readDate(cell: Cell, date1904: boolean): Read<number> {
  if (cell instanceof ExcelError) return fail(excelErrorMessage(cell));
  if (isBlank(cell)) return fail(`날짜가 비어 있습니다. ${DATE_HINT}`);
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return fail(`날짜로 읽을 수 없습니다. ${DATE_HINT}`);
    // exceljs gives Excel's wall-clock date and time as a UTC instant.
    return civilDay(cell.getUTCFullYear(), cell.getUTCMonth() + 1, cell.getUTCDate());
  }
  if (typeof cell === 'number') {
    if (Number.isInteger(cell) && cell >= 19000101 && cell <= 29991231) {
      return civilDay(Math.floor(cell / 10000), Math.floor(cell / 100) % 100, cell % 100);
    }
    if (cell >= FIRST_PLAUSIBLE_SERIAL && cell <= LAST_SERIAL) return ok(serialDay(cell, date1904));
    return fail(`숫자 ${topic(numberText(cell))} 날짜로 읽을 수 없습니다. ${DATE_HINT}`);
  }
  if (typeof cell !== 'string') return fail(`날짜로 읽을 수 없습니다. ${DATE_HINT}`);
  const text = cleanText(cell);
  const match = DATE_TEXT.exec(text) ?? DATE_TEXT_KOREAN.exec(text) ?? DATE_DIGITS.exec(text);
  if (match && DATE_REST.test(text.slice(match[0].length))) {
    return civilDay(Number(match[1]), Number(match[2]), Number(match[3]));
  }
  if (DATE_WITHOUT_YEAR.test(text)) return fail(`연도가 없습니다. ${DATE_HINT}`);
  return fail(`날짜로 읽을 수 없습니다. ${DATE_HINT}`);
}

// ——— Clock times ———

/** A clock time read from a cell: minutes since midnight, and the calendar day when the cell carries one. */
export interface ClockReading {
  minutes: number;
  /** day number written in the cell ("2026-03-04 02:00", a date-time serial), if any */
  day?: number;
  /** the cell says the time is on the next day ("익일 02:00", "02:00 (+1)") */
  nextDay: boolean;
}

const NEXT_DAY_PREFIX = /^(?:익일|다음\s?날|\+1)\s*/;
const NEXT_DAY_SUFFIX = /\s*(?:\(\s*(?:익일|다음\s?날|\+1)\s*\)|\+1)$/;
const DATE_TIME = /^(\d{4})\s*[-./]\s*(\d{1,2})\s*[-./]\s*(\d{1,2})\s*\.?\s*(?:\([^)]*\))?\s*(?:T|\s)\s*(.+)$/;
const MERIDIEM = '(오전|오후|AM|PM|A\\.M\\.|P\\.M\\.)';
const CLOCK = new RegExp(
  `^(?:${MERIDIEM}\\s*)?(\\d{1,2})\\s*:\\s*(\\d{2})(?:\\s*:\\s*(\\d{2})(?:\\.\\d+)?)?(?:\\s*${MERIDIEM})?$`,
  'i',
);
const CLOCK_KOREAN = /^(?:(오전|오후)\s*)?(\d{1,2})\s*시(?:\s*(\d{1,2})\s*분)?$/;
const CLOCK_DIGITS = /^(\d{2})(\d{2})$/;

export const TIME_HINT = '09:00처럼 시:분(24시간제)으로 적어 주세요.';

function isAfternoon(meridiem: string): boolean {
  return meridiem === '오후' || meridiem.toUpperCase().startsWith('P');
}

/** Hours and minutes with an optional 오전/오후 (AM/PM) into minutes since midnight; 24:00 allowed here. */
function clockMinutes(hours: number, minutes: number, meridiem: string | undefined): Read<number> {
  if (meridiem) {
    if (hours < 1 || hours > 12) return fail(`오전/오후와 함께 쓰는 시는 1부터 12까지입니다. ${TIME_HINT}`);
    hours = (hours % 12) + (isAfternoon(meridiem) ? 12 : 0);
  }
  if (minutes > 59) return fail(`분은 00부터 59까지입니다. ${TIME_HINT}`);
  if (hours > 24 || (hours === 24 && minutes > 0)) return fail(`시각은 00:00부터 24:00까지입니다. ${TIME_HINT}`);
  return ok(hours * 60 + minutes);
}

function readClockText(text: string): Read<number> {
  const clock = CLOCK.exec(text);
  if (clock) {
    if (clock[1] && clock[5]) return fail(`오전/오후가 두 번 적혀 있습니다. ${TIME_HINT}`);
    return clockMinutes(Number(clock[2]), Number(clock[3]), clock[1] ?? clock[5]);
  }
  const korean = CLOCK_KOREAN.exec(text);
  if (korean) return clockMinutes(Number(korean[2]), Number(korean[3] ?? 0), korean[1]);
  const digits = CLOCK_DIGITS.exec(text);
  if (digits) return clockMinutes(Number(digits[1]), Number(digits[2]), undefined);
  return fail(`시각으로 읽을 수 없습니다. ${TIME_HINT}`);
}

/** A time cell: "09:00", "9:00", "09:00:00", "오후 6:00", "6:00 PM", "18시 30분", "0900", an Excel time fraction
 * (0.375) or date-time serial (46084.375), a Date, "2026-03-04 02:00", "익일 02:00". Seconds are dropped. */
export function readClock(cell: Cell, date1904: boolean): Read<ClockReading> {
  if (cell instanceof ExcelError) return fail(excelErrorMessage(cell));
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return fail(`시각으로 읽을 수 없습니다. ${TIME_HINT}`);
    const minutes = cell.getUTCHours() * 60 + cell.getUTCMinutes();
    // A time-only cell comes out of exceljs on Excel's day 0 (1899-12-30).
    if (cell.getUTCFullYear() < 1910) return ok({ minutes, nextDay: false });
    const day = dayNumber(cell.getUTCFullYear(), cell.getUTCMonth() + 1, cell.getUTCDate());
    return ok({ minutes, day, nextDay: false });
  }
  if (typeof cell === 'number') return readClockNumber(cell, date1904);
  if (typeof cell !== 'string') return fail(`시각으로 읽을 수 없습니다. ${TIME_HINT}`);

  let text = cleanText(cell);
  let nextDay = false;
  const stripped = text.replace(NEXT_DAY_PREFIX, '').replace(NEXT_DAY_SUFFIX, '');
  if (stripped !== text) {
    nextDay = true;
    text = stripped;
  }
  let day: number | undefined;
  const dated = DATE_TIME.exec(text);
  if (dated) {
    const civil = civilDay(Number(dated[1]), Number(dated[2]), Number(dated[3]));
    if (!civil.ok) return civil;
    day = civil.value;
    text = dated[4]!;
  }
  const minutes = readClockText(text);
  if (!minutes.ok) return minutes;
  return ok(day === undefined ? { minutes: minutes.value, nextDay } : { minutes: minutes.value, day, nextDay });
}

function readClockNumber(value: number, date1904: boolean): Read<ClockReading> {
  if (!Number.isFinite(value) || value < 0 || value > LAST_SERIAL) {
    return fail(`숫자 ${topic(numberText(value))} 시각으로 읽을 수 없습니다. ${TIME_HINT}`);
  }
  const whole = Math.floor(value);
  // Round to the second first: 0.375 may be stored as 0.37499999999999994.
  let seconds = Math.round((value - whole) * 86400);
  let days = whole;
  if (seconds === 86400) {
    days += 1;
    seconds = 0;
  }
  const minutes = Math.floor(seconds / 60);
  if (days === 0) return ok({ minutes, nextDay: false });
  if (days === 1 && minutes === 0 && !Number.isInteger(value)) {
    // 0.99999999 rounded up to a whole day: the end of the day.
    return ok({ minutes: 1440, nextDay: false });
  }
  if (whole < FIRST_PLAUSIBLE_SERIAL) {
    // A bare 9 or 18 typed into a general cell is not a time Excel knows.
    return fail(`숫자 ${numberText(value)}만 있습니다. ${TIME_HINT}`);
  }
  return ok({ minutes, day: serialDay(days, date1904), nextDay: false });
}

// ——— Phone numbers, break lengths ———

/** Digits of a Korean phone number, or why it is not one. Excel drops the leading 0 of a number cell. */
export function readPhone(cell: Cell): Read<string> {
  const text = readText(cell, '휴대전화 번호', '010-1234-5678처럼 적어 주세요.');
  if (!text.ok) return text;
  let digits = text.value.replace(/[\s\-().+]/g, '');
  if (digits.startsWith('82')) digits = `0${digits.slice(2)}`;
  if (/^1\d{8,9}$/.test(digits)) digits = `0${digits}`;
  if (!/^0\d{9,10}$/.test(digits)) {
    return fail('휴대전화 번호로 읽을 수 없습니다. 010-1234-5678처럼 숫자 10~11자리로 적어 주세요.');
  }
  return ok(digits);
}

/** 010-****-5678: phone numbers are personal data, so reports show them masked. */
export function maskPhone(text: string): string {
  const digits = text.replace(/\D/g, '');
  if (digits.length < 8) return '*'.repeat(text.length);
  return `${digits.slice(0, 3)}-****-${digits.slice(-4)}`;
}

const BREAK_HINT = '60(분), 1:00(시:분), 1시간 30분처럼 적어 주세요.';
const BREAK_KOREAN = /^(?:(\d{1,2})\s*시간)?\s*(?:(\d{1,3})\s*분)?$/;

/** A break length in minutes: 60, "60", "60분", "1:00", "1시간 30분", or an Excel time fraction (0.0416…). */
export function readBreak(cell: Cell): Read<number> {
  if (cell instanceof ExcelError) return fail(excelErrorMessage(cell));
  if (typeof cell === 'number') {
    if (cell < 0 || !Number.isFinite(cell)) return fail(`휴게시간으로 읽을 수 없습니다. ${BREAK_HINT}`);
    // A fraction below one day is an Excel duration (1:00 = 0.041666…); a whole number counts minutes.
    const minutes = cell < 1 && !Number.isInteger(cell) ? Math.round(cell * 1440) : cell;
    return Number.isInteger(minutes) && minutes < 1440
      ? ok(minutes)
      : fail(`휴게시간은 0분부터 1439분까지의 정수입니다. ${BREAK_HINT}`);
  }
  if (cell instanceof Date) {
    return cell.getUTCFullYear() < 1910
      ? ok(cell.getUTCHours() * 60 + cell.getUTCMinutes())
      : fail(`휴게시간 칸에 날짜가 있습니다. ${BREAK_HINT}`);
  }
  if (typeof cell !== 'string') return fail(`휴게시간으로 읽을 수 없습니다. ${BREAK_HINT}`);
  const text = cleanText(cell);
  const plain = /^(\d{1,4})\s*분?$/.exec(text);
  if (plain) return readBreak(Number(plain[1]));
  const clock = /^(\d{1,2}):(\d{2})(?::00)?$/.exec(text);
  if (clock && Number(clock[2]) < 60) return readBreak(Number(clock[1]) * 60 + Number(clock[2]));
  const korean = BREAK_KOREAN.exec(text);
  if (korean && (korean[1] || korean[2])) return readBreak(Number(korean[1] ?? 0) * 60 + Number(korean[2] ?? 0));
  return fail(`휴게시간으로 읽을 수 없습니다. ${BREAK_HINT}`);
}
