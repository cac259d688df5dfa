// Reading single cells: every way a date, a time, a break or a phone number turns up in Shiftee
// exports and in hand-edited Excel files, and the Korean message for each way it goes wrong.

import { describe, expect, it } from 'vitest';
import {
  type Cell,
  cleanText,
  displayCell,
  ExcelError,
  maskPhone,
  readBreak,
  readClock,
  readDate,
  readPhone,
  readText,
} from '#functions/attendance/parse/cells';
import { object, subject, topic, toward } from '#functions/attendance/parse/korean';
import { dayNumber, formatDay } from '#kernel/calendar';
import { excelSerial } from './support.ts';

const date = (cell: Cell, date1904 = false) => {
  const read = readDate(cell, date1904);
  return read.ok ? formatDay(read.value) : read.message;
};

const clock = (cell: Cell) => {
  const read = readClock(cell, false);
  if (!read.ok) return read.message;
  const { minutes, day, nextDay } = read.value;
  const hhmm = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  return `${day === undefined ? '' : `${formatDay(day)} `}${nextDay ? '+1 ' : ''}${hhmm}`;
};

describe('readDate', () => {
  it.each([
    ['2026-03-03', '2026-03-03'],
    ['2026.03.03', '2026-03-03'],
    ['2026. 3. 3.', '2026-03-03'],
    ['2026/3/3', '2026-03-03'],
    ['20260303', '2026-03-03'],
    ['2026년 3월 3일', '2026-03-03'],
    ['2026-03-03 (화)', '2026-03-03'],
    ['2026-03-03 화요일', '2026-03-03'],
    ['2026-03-03 00:00:00', '2026-03-03'],
    ['2026-03-03T00:00:00Z', '2026-03-03'],
    ['  2026-03-03  ', '2026-03-03'],
    ['２０２６－０３－０３', '2026-03-03'],
  ])('reads the text %j', (text, expected) => {
    expect(date(text)).toBe(expected);
  });

  it('reads Excel serials in both date systems, a date-time serial by its day, and yyyymmdd numbers', () => {
    expect(date(excelSerial(2026, 3, 3))).toBe('2026-03-03');
    expect(date(excelSerial(2026, 3, 3) + 0.375)).toBe('2026-03-03');
    // The 1904 system counts from 1904-01-01: the same day is 1,462 lower.
    expect(date(excelSerial(2026, 3, 3) - 1462, true)).toBe('2026-03-03');
    expect(date(20260303)).toBe('2026-03-03');
  });

  it('reads Date cells by their UTC calendar day (exceljs gives Excel wall-clock time as UTC)', () => {
    expect(date(new Date(Date.UTC(2026, 2, 3, 23, 30)))).toBe('2026-03-03');
  });

  it('says what is wrong and how to write a date', () => {
    expect(date('2026-02-29')).toBe('2026년 2월 29일은 없는 날짜입니다(2월은 28일까지). 날짜를 고쳐 주세요.');
    expect(date('2028-02-29')).toBe('2028-02-29');
    expect(date('2026-13-01')).toMatch(/^13월은 없는 달입니다/);
    expect(date('3/5')).toMatch(/^연도가 없습니다. 2026-03-03처럼/);
    expect(date('3월 5일')).toMatch(/^연도가 없습니다/);
    expect(date('03/05/2026')).toMatch(/^날짜로 읽을 수 없습니다. 2026-03-03처럼 연-월-일로 적어 주세요.$/);
    expect(date('어제')).toMatch(/^날짜로 읽을 수 없습니다/);
    expect(date('')).toMatch(/^날짜가 비어 있습니다/);
    expect(date(null)).toMatch(/^날짜가 비어 있습니다/);
    expect(date(12)).toBe('숫자 12는 날짜로 읽을 수 없습니다. 2026-03-03처럼 연-월-일로 적어 주세요.');
    expect(date(true)).toMatch(/^날짜로 읽을 수 없습니다/);
    expect(date(new ExcelError('#REF!'))).toBe('셀에 수식 오류(#REF!)가 있습니다. 수식 대신 값을 직접 적어 주세요.');
  });
});

describe('readClock', () => {
  it.each([
    ['09:00', '09:00'],
    ['9:00', '09:00'],
    ['09:00:59', '09:00'],
    ['9:05:00.000', '09:05'],
    ['오전 9:00', '09:00'],
    ['오후 6:00', '18:00'],
    ['오전 12:10', '00:10'],
    ['오후 12:10', '12:10'],
    ['6:30 PM', '18:30'],
    ['6:30pm', '18:30'],
    ['18시', '18:00'],
    ['오후 6시 30분', '18:30'],
    ['0900', '09:00'],
    ['24:00', '24:00'],
    ['０９：００', '09:00'],
    ['2026-03-04 02:00', '2026-03-04 02:00'],
    ['2026-03-04T02:00:00', '2026-03-04 02:00'],
    ['2026.03.04 오전 2:00', '2026-03-04 02:00'],
    ['익일 02:00', '+1 02:00'],
    ['다음날 2:00', '+1 02:00'],
    ['02:00 (+1)', '+1 02:00'],
    ['02:00(익일)', '+1 02:00'],
    ['+1 02:00', '+1 02:00'],
  ])('reads the text %j', (text, expected) => {
    expect(clock(text)).toBe(expected);
  });

  it('reads Excel time fractions and date-time serials, rounding float error to the second', () => {
    expect(clock(0.375)).toBe('09:00');
    expect(clock(0.37499999999999994)).toBe('09:00');
    expect(clock(0.75)).toBe('18:00');
    expect(clock(0)).toBe('00:00');
    expect(clock(0.999999999)).toBe('24:00');
    expect(clock(excelSerial(2026, 3, 4) + 1 / 12)).toBe('2026-03-04 02:00');
    // 09:00:59 drops the seconds.
    expect(clock((9 * 3600 + 59) / 86400)).toBe('09:00');
  });

  it('reads Date cells: a time-only cell sits on Excel day 0 (1899-12-30)', () => {
    expect(clock(new Date(Date.UTC(1899, 11, 30, 9, 30)))).toBe('09:30');
    expect(clock(new Date(Date.UTC(2026, 2, 4, 2, 0)))).toBe('2026-03-04 02:00');
  });

  it('says what is wrong and how to write a time', () => {
    expect(clock('25:00')).toBe('시각은 00:00부터 24:00까지입니다. 09:00처럼 시:분(24시간제)으로 적어 주세요.');
    expect(clock('24:30')).toMatch(/^시각은 00:00부터 24:00까지입니다/);
    expect(clock('09:60')).toMatch(/^분은 00부터 59까지입니다/);
    expect(clock('오후 13:00')).toMatch(/^오전\/오후와 함께 쓰는 시는 1부터 12까지입니다/);
    expect(clock('오전 9:00 PM')).toMatch(/^오전\/오후가 두 번 적혀 있습니다/);
    expect(clock('아홉시')).toMatch(/^시각으로 읽을 수 없습니다/);
    expect(clock(9)).toBe('숫자 9만 있습니다. 09:00처럼 시:분(24시간제)으로 적어 주세요.');
    expect(clock(-0.5)).toMatch(/^숫자 -0.5는 시각으로 읽을 수 없습니다/);
    expect(clock('2026-02-30 09:00')).toMatch(/^2026년 2월 30일은 없는 날짜입니다/);
    expect(clock(new ExcelError(null))).toMatch(/^수식의 계산 결과가 파일에 저장되어 있지 않습니다/);
  });
});

describe('readBreak', () => {
  it.each<[Cell, number]>([
    [60, 60],
    ['60', 60],
    ['60분', 60],
    ['1:00', 60],
    ['01:30', 90],
    ['1시간', 60],
    ['1시간 30분', 90],
    ['0', 0],
    [1 / 24, 60],
    [new Date(Date.UTC(1899, 11, 30, 0, 45)), 45],
  ])('reads %j as %d minutes', (cell, minutes) => {
    expect(readBreak(cell)).toEqual({ ok: true, value: minutes });
  });

  it.each<Cell>(['한 시간', '1:75', -5, 1.5, 2000, new Date(Date.UTC(2026, 2, 3))])('refuses %j', (cell) => {
    const read = readBreak(cell);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.message).toMatch(/휴게시간/);
  });
});

describe('readPhone and maskPhone', () => {
  it.each<[Cell, string]>([
    ['010-1234-5678', '01012345678'],
    ['010 1234 5678', '01012345678'],
    ['01012345678', '01012345678'],
    [1012345678, '01012345678'], // a number cell lost the leading 0
    ['+82 10-1234-5678', '01012345678'],
  ])('reads %j', (cell, digits) => {
    expect(readPhone(cell)).toEqual({ ok: true, value: digits });
  });

  it('refuses what is not a phone number, and masks the middle digits', () => {
    for (const cell of ['1234', '02-123-4567', '010-1234-56789', '없음']) {
      const read = readPhone(cell);
      expect(read.ok || read.message).toMatch(/^휴대전화 번호로 읽을 수 없습니다. 010-1234-5678처럼/);
    }
    expect(maskPhone('010-1234-5678')).toBe('010-****-5678');
    expect(maskPhone('01012345678')).toBe('010-****-5678');
    expect(maskPhone('123')).toBe('***');
  });
});

describe('text cells', () => {
  it('normalises spaces, full-width characters and decomposed Hangul', () => {
    expect(cleanText('  김\u00A0 지원 ')).toBe('김 지원');
    expect(cleanText('Ｅ１００１')).toBe('E1001');
    expect(cleanText('김지원'.normalize('NFD'))).toBe('김지원');
  });

  it('writes numbers as typed and refuses garbled text, dates and overlong values', () => {
    expect(readText(1001, '사원번호', '')).toEqual({ ok: true, value: '1001' });
    expect(readText(1.5, '사원번호', '')).toEqual({ ok: true, value: '1.5' });
    const garbled = readText('\uFFFD\uFFFD', '이름', '');
    expect(garbled.ok || garbled.message).toMatch(/읽을 수 없는 글자가 있습니다. 파일을 'CSV UTF-8' 형식으로/);
    expect(readText(new Date(0), '이름', '이름을 적어 주세요.')).toEqual({
      ok: false,
      message: '이름 칸에 글자가 아닌 값이 있습니다. 이름을 적어 주세요.',
    });
    const long = readText('가'.repeat(101), '비고', '');
    expect(long.ok || long.message).toBe('비고가 너무 깁니다(100자까지). 값을 확인해 주세요.');
  });

  it('shows cells to the user as written', () => {
    expect(displayCell(null)).toBe('');
    expect(displayCell(0.375)).toBe('0.375');
    expect(displayCell(new ExcelError('#N/A'))).toBe('#N/A');
    expect(displayCell(new ExcelError(null))).toBe('(수식)');
    expect(displayCell(new Date(Date.UTC(2026, 2, 3)))).toBe('2026-03-03T00:00:00Z');
    expect(displayCell('가'.repeat(100))).toHaveLength(80);
  });
});

describe('Korean particles', () => {
  it('follow the last sound of the word, including digits and quoted names', () => {
    expect([subject('이름'), subject('사원번호'), subject('E1001'), subject('E1002')]).toEqual([
      '이름이',
      '사원번호가',
      'E1001이',
      'E1002가',
    ]);
    expect([topic('12'), topic('13'), object('휴대전화'), object('사원번호 또는 휴대전화')]).toEqual([
      '12는',
      '13은',
      '휴대전화를',
      '사원번호 또는 휴대전화를',
    ]);
    expect([toward("'김지원'"), toward("'출근'"), toward("'이서'"), toward('7')]).toEqual([
      "'김지원'으로",
      "'출근'으로",
      "'이서'로",
      '7로',
    ]);
  });
});

it('serial arithmetic agrees with the calendar', () => {
  expect(excelSerial(2026, 3, 1)).toBe(46082);
  expect(dayNumber(1899, 12, 30) + 46082).toBe(dayNumber(2026, 3, 1));
});
