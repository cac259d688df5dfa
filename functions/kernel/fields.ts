import { z } from 'zod';
import { parseClock } from './calendar.ts';
import { isDay, isMonth } from './korea-time.ts';

// The request fields every capability shares, with one Korean message each that names the field
// and the fix: a real calendar day, a real month, a clock time. Routes build their schemas from
// these, so no route matches a date with a regex of its own, and 2026-02-30 or 9999-99-99 is refused
// before it reaches a rule or the database.

const DAY_SHAPE = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar day, YYYY-MM-DD. */
export function dayField(name: string) {
  return z
    .string({ error: `${name}을(를) 입력해 주세요.` })
    .max(10, { error: `${name}은(는) 2026-01-02처럼 연-월-일로 입력해 주세요.` })
    .regex(DAY_SHAPE, { error: `${name}은(는) 2026-01-02처럼 연-월-일로 입력해 주세요.` })
    .refine(isDay, { error: `${name}은(는) 달력에 없는 날짜입니다. 2026-02-28처럼 실제 날짜로 입력해 주세요.` });
}

/** A month, YYYY-MM. */
export function monthField(name: string) {
  return z
    .string({ error: `${name}을(를) 입력해 주세요.` })
    .max(7, { error: `${name}은(는) 2026-03처럼 YYYY-MM 형식으로 입력해 주세요.` })
    .refine(isMonth, { error: `${name}은(는) 2026-03처럼 YYYY-MM 형식으로 입력해 주세요.` });
}

/** A clock time, HH:MM from 00:00 to 23:59; 24:00 too where it ends a day's activity. */
export function timeOfDayField(name: string, options: { endOfDay?: boolean } = {}) {
  const message = `${name}은(는) 09:00처럼 시:분으로 입력해 주세요${options.endOfDay ? ' (00:00~24:00)' : ''}.`;
  return z
    .string({ error: `${name}을(를) 입력해 주세요.` })
    .max(5, { error: message })
    .refine((value) => parseClock(value, options.endOfDay ?? false) >= 0, { error: message });
}
