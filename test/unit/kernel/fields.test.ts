import { describe, expect, it } from 'vitest';
import { dayField, monthField, timeOfDayField } from '#kernel/fields';

const messageOf = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.success ? undefined : result.error!.issues[0]!.message;

describe('the shared request fields', () => {
  it('takes a real calendar day and names the field and the fix otherwise', () => {
    const field = dayField('종료일');
    expect(field.safeParse('2028-02-29').success).toBe(true);
    expect(messageOf(field.safeParse('2026-02-30'))).toBe(
      '종료일은(는) 달력에 없는 날짜입니다. 2026-02-28처럼 실제 날짜로 입력해 주세요.',
    );
    expect(messageOf(field.safeParse('9999-99-99'))).toContain('달력에 없는 날짜');
    expect(messageOf(field.safeParse('2026-3-1'))).toBe('종료일은(는) 2026-01-02처럼 연-월-일로 입력해 주세요.');
    expect(messageOf(field.safeParse('A'.repeat(5000)))).toContain('연-월-일로');
    expect(messageOf(field.safeParse(undefined))).toBe('종료일을(를) 입력해 주세요.');
  });

  it('takes a real month', () => {
    const field = monthField('급여연월');
    expect(field.safeParse('2027-01').success).toBe(true);
    for (const bad of ['2026-13', '2026-00', '2026-1', '202601', '2026-01-01']) {
      expect(messageOf(field.safeParse(bad))).toBe('급여연월은(는) 2026-03처럼 YYYY-MM 형식으로 입력해 주세요.');
    }
  });

  it('takes a clock time, and 24:00 only where a day’s activity may end then', () => {
    expect(timeOfDayField('시작').safeParse('09:00').success).toBe(true);
    expect(timeOfDayField('시작').safeParse('24:00').success).toBe(false);
    expect(timeOfDayField('끝', { endOfDay: true }).safeParse('24:00').success).toBe(true);
    expect(messageOf(timeOfDayField('시작').safeParse('9:00'))).toBe('시작은(는) 09:00처럼 시:분으로 입력해 주세요.');
    expect(timeOfDayField('시작').safeParse('23:60').success).toBe(false);
  });
});
