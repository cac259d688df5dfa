import { describe, expect, it } from 'vitest';
import { dayField, idField, monthField, SINGLE_LINE_TEXT, textField, timeOfDayField, tokenField } from '#kernel/fields';

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

describe('ids, tokens and free text (security issue, point 6)', () => {
  it('takes an id of the product’s characters within its length, and refuses anything else in one message', () => {
    const field = idField('수행기관', 40);
    expect(field.safeParse('AG-HANBIT').success).toBe(true);
    expect(field.safeParse('AG-HANBIT_2026-01').success).toBe(true);
    for (const bad of ['A'.repeat(41), 'AG HANBIT', 'AG/../x', 'AG%00', '', '수행기관', 'AG\u202eX']) {
      expect(field.safeParse(bad).success, bad).toBe(false);
    }
    const huge = field.safeParse('A'.repeat(1_000_000));
    expect(huge.error!.issues).toHaveLength(1);
    expect(messageOf(huge)).toBe('수행기관이(가) 올바르지 않습니다. 목록에서 다시 골라 주세요.');
    const shaped = idField('신청 번호', 43, /^SA-[0-9A-Z-]{6,40}$/);
    expect(shaped.safeParse('SA-DEMO-W01').success).toBe(true);
    expect(shaped.safeParse('AS-DEMO-01').success).toBe(false);
  });

  it('takes a token of base64/JWT characters within its length', () => {
    const field = tokenField('로그인 정보', { min: 20, max: 8192, message: '다시 로그인해 주세요.' });
    expect(field.safeParse('eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl').success).toBe(true);
    expect(messageOf(field.safeParse('x'.repeat(1024 * 1024)))).toBe('다시 로그인해 주세요.');
    expect(field.safeParse('abc def ghi jkl mno pqr').success).toBe(false);
    expect(messageOf(tokenField('로그인 단계', { max: 10 }).safeParse('\u0000'))).toContain('로그인 단계');
  });

  it('refuses control characters and bidirectional overrides in text, naming the field in Korean', () => {
    const line = textField('기관명', { min: 2, max: 60 });
    expect(line.safeParse('  한빛근로지원센터 ').data).toBe('한빛근로지원센터');
    for (const bad of [
      '한빛\u0000센터',
      '한빛\u0007센터',
      '한빛\u001b[2J',
      '한빛\u007f',
      '한빛\u0085',
      '한빛\n센터',
      '한빛\t센터',
    ]) {
      expect(messageOf(line.safeParse(bad)), JSON.stringify(bad)).toMatch(/^기관명은\(는\) 한 줄로 입력해 주세요/);
    }
    for (const code of [0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069]) {
      expect(line.safeParse(`한빛${String.fromCharCode(code)}센터`).success).toBe(false);
    }
    expect(messageOf(line.safeParse('A'.repeat(1024 * 1024)))).toBe('기관명은(는) 60자 이하로 입력해 주세요.');
    expect(messageOf(line.safeParse('한'))).toBe('기관명은(는) 2자 이상 입력해 주세요.');
    expect(messageOf(line.safeParse(undefined))).toBe('기관명을(를) 입력해 주세요.');
  });

  it('keeps line feeds and tabs where text runs over lines, and reads CR LF as LF', () => {
    const area = textField('반려 사유', { max: 500, multiline: true, messages: { max: '반려 사유가 너무 깁니다.' } });
    expect(area.safeParse('첫 줄\r\n둘째 줄\t끝').data).toBe('첫 줄\n둘째 줄\t끝');
    expect(messageOf(area.safeParse('첫 줄\u0000'))).toMatch(/^반려 사유에는 제어 문자나/);
    expect(messageOf(area.safeParse('사유\u202e'))).toMatch(/^반려 사유에는 제어 문자나/);
    expect(messageOf(area.safeParse('가'.repeat(501)))).toBe('반려 사유가 너무 깁니다.');
    expect(SINGLE_LINE_TEXT.test('비밀번호!@#12')).toBe(true);
    expect(SINGLE_LINE_TEXT.test('비밀\u2066번호')).toBe(false);
  });
});
