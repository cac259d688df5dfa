import { z } from 'zod';
import { parseClock } from './calendar.ts';
import { isDay, MONTH_PATTERN } from './korea-time.ts';

// The request fields every capability shares, with one Korean message each that names the field
// and the fix: a real calendar day, a real month, a clock time, an id, a token, a piece of text.
// Routes build their schemas from these, so no route matches a date with a regex of its own,
// 2026-02-30 or 9999-99-99 is refused before it reaches a rule or the database, and no id, token or
// text reaches a key, a log or a document unbounded or with characters it cannot hold.
//
// Every field checks its length first, and a later check that would only repeat the same problem
// (a date's calendar check after its shape failed) stays silent. No check aborts the object: the
// checks across fields (`when`) still run, so a person sees every problem of a form at once; the
// edge (http/validation.ts) folds a message repeated for one field into one.

const DAY_SHAPE = /^\d{4}-\d{2}-\d{2}$/;
const CLOCK_SHAPE = /^\d{2}:\d{2}$/;

/** A calendar day, YYYY-MM-DD. */
export function dayField(name: string) {
  const shape = `${name}은(는) 2026-01-02처럼 연-월-일로 입력해 주세요.`;
  return z
    .string({ error: `${name}을(를) 입력해 주세요.` })
    .max(10, { error: shape })
    .regex(DAY_SHAPE, { error: shape })
    .refine((value) => !DAY_SHAPE.test(value) || isDay(value), {
      error: `${name}은(는) 달력에 없는 날짜입니다. 2026-02-28처럼 실제 날짜로 입력해 주세요.`,
    });
}

/** A month, YYYY-MM. */
export function monthField(name: string) {
  const message = `${name}은(는) 2026-03처럼 YYYY-MM 형식으로 입력해 주세요.`;
  return z
    .string({ error: `${name}을(를) 입력해 주세요.` })
    .max(7, { error: message })
    .regex(MONTH_PATTERN, { error: message });
}

/** A year of the programme, YYYY (from a query string or a path, so coerced from text). */
export function yearField(name: string) {
  return z.coerce
    .number({ error: `${name}는 2026처럼 숫자 4자리로 입력해 주세요.` })
    .int({ error: `${name}는 2026처럼 숫자 4자리로 입력해 주세요.` })
    .min(2020, { error: `${name}는 2020년부터 입력할 수 있습니다.` })
    .max(2100, { error: `${name}를 확인해 주세요. 2026처럼 숫자 4자리로 입력해 주세요.` });
}

/** A clock time, HH:MM from 00:00 to 23:59; 24:00 too where it ends a day's activity. */
export function timeOfDayField(name: string, options: { endOfDay?: boolean } = {}) {
  const message = `${name}은(는) 09:00처럼 시:분으로 입력해 주세요${options.endOfDay ? ' (00:00~24:00)' : ''}.`;
  return z
    .string({ error: `${name}을(를) 입력해 주세요.` })
    .max(5, { error: message })
    .regex(CLOCK_SHAPE, { error: message })
    .refine((value) => !CLOCK_SHAPE.test(value) || parseClock(value, options.endOfDay ?? false) >= 0, {
      error: message,
    });
}

/** The characters of the product's ids: AG-HANBIT, AS-DEMO-01, AG-HANBIT_2026-01, worker01. */
export const ID_CHARACTERS = /^[A-Za-z0-9_-]*$/;

/**
 * An id in a path, a query or a body: at most `max` characters, of `pattern` (by default letters,
 * digits, '-' and '_'; a route may narrow it, e.g. /^SA-[0-9A-Z-]{6,40}$/). An id that is too long
 * or shaped otherwise cannot name anything, so it never reaches a key (DynamoDB refuses keys over
 * 2 KB with an error, not an answer).
 */
export function idField(name: string, max = 64, pattern: RegExp = ID_CHARACTERS) {
  const message = `${name}이(가) 올바르지 않습니다. 목록에서 다시 골라 주세요.`;
  return z
    .string({ error: `${name}을(를) 골라 주세요.` })
    .min(1, { error: `${name}을(를) 골라 주세요.` })
    .max(max, { error: message })
    .regex(pattern, { error: message });
}

/** The characters of the tokens and secrets the product hands out (base64, base64url, JWT, JWE). */
const TOKEN_CHARACTERS = /^[A-Za-z0-9+/=._~-]+$/;

/** A token or secret the client only hands back (a sign-in session, a refresh token, an upload secret). */
export function tokenField(name: string, options: { max: number; min?: number; message?: string }) {
  const message = options.message ?? `${name}이(가) 올바르지 않습니다. 처음부터 다시 시도해 주세요.`;
  return z
    .string({ error: message })
    .min(options.min ?? 1, { error: message })
    .max(options.max, { error: message })
    .regex(TOKEN_CHARACTERS, { error: message });
}

/**
 * Control characters (C0 but tab and line feed, DEL, C1) and the invisible bidirectional controls
 * that reorder what is shown (U+202A–U+202E embeddings and overrides, U+2066–U+2069 isolates): they
 * have no place in what a person types, and in a name, a log line, a CSV cell or a PDF they hide or
 * disguise text. Line feed and tab are allowed where text runs over several lines.
 */
/** A character-class body (for RegExp sources) of every character above: C0 but tab and line feed, DEL, C1, bidi controls. */
export const INVISIBLE_CHARACTERS = '\\u0000-\\u0008\\u000B-\\u001F\\u007F-\\u009F\\u202A-\\u202E\\u2066-\\u2069';
const MULTI_LINE_TEXT = new RegExp(`^[^${INVISIBLE_CHARACTERS}]*$`);
/** One line of visible characters: no control character, line break, tab or bidirectional control. */
export const SINGLE_LINE_TEXT = new RegExp(`^[^\\t\\n${INVISIBLE_CHARACTERS}]*$`);

export interface TextFieldOptions {
  /** at most this many characters (after trimming) */
  max: number;
  /** at least this many characters (after trimming); 0 by default */
  min?: number;
  /** line feeds and tabs allowed (CR LF is kept as LF) */
  multiline?: boolean;
  /** leading and trailing spaces removed (default true) */
  trim?: boolean;
  /** the route's own wording, where it has one */
  messages?: { required?: string; min?: string; max?: string };
}

/**
 * Free text a person types (a name, a reason, a note): bounded, and without control characters or
 * bidirectional overrides, each refused with a Korean message that names the field.
 */
export function textField(name: string, options: TextFieldOptions) {
  const multiline = options.multiline ?? false;
  const required = options.messages?.required ?? `${name}을(를) 입력해 주세요.`;
  const tooLong = options.messages?.max ?? `${name}은(는) ${options.max}자 이하로 입력해 주세요.`;
  const characters = multiline
    ? `${name}에는 제어 문자나 글자 방향을 바꾸는 보이지 않는 문자(U+202A~U+202E, U+2066~U+2069)를 넣을 수 없습니다. 그 문자를 지우고 다시 입력해 주세요.`
    : `${name}은(는) 한 줄로 입력해 주세요. 줄바꿈·탭 같은 제어 문자나 글자 방향을 바꾸는 보이지 않는 문자(U+202A~U+202E, U+2066~U+2069)는 넣을 수 없습니다.`;
  let field = z.string({ error: required });
  if (options.trim ?? true) field = field.trim();
  if (multiline) field = field.overwrite((value) => value.replace(/\r\n?/g, '\n'));
  if (options.min) {
    field = field.min(options.min, {
      error:
        options.messages?.min ?? (options.min === 1 ? required : `${name}은(는) ${options.min}자 이상 입력해 주세요.`),
    });
  }
  return field
    .max(options.max, { error: tooLong })
    .regex(multiline ? MULTI_LINE_TEXT : SINGLE_LINE_TEXT, { error: characters });
}
