// importAttendance end to end on real-shaped files: the committed fixtures (make-fixtures.ts), and
// files built in the test for one behaviour each. All or nothing: a file with any bad row gives
// every error and no rows.

import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fingerprint, fingerprinted } from '#functions/attendance/parse/fingerprint';
import { type AttendanceRow, importAttendance } from '#functions/attendance/parse/import';
import { SourceError } from '#functions/attendance/parse/source';
import {
  chunked,
  csvText,
  encodeCp949,
  encodeCsv,
  errorsOf,
  excelSerial,
  FIXTURES,
  fixture,
  importBytes,
  rowsOf,
  xlsxBytes,
} from './support.ts';

const MARCH = { month: '2026-03' } as const;
const HEADER = ['이름', '사원번호', '날짜', '출근', '퇴근'];

function csv(rows: string[][], options: { month?: string; maxErrors?: number; maxRows?: number } = {}) {
  return importAttendance(encodeCsv(csvText(rows), 'utf-8'), { kind: 'csv', month: '2026-03', ...options });
}

/** The fields every row has, for compact expectations. */
const brief = (row: AttendanceRow) =>
  `${row.row} ${row.identifier} ${row.name} ${row.date} ${row.clockIn}-${row.clockOut}${row.overnight ? '+1' : ''}`;

describe('Shiftee fixtures', () => {
  it('reads the XLSX export: title rows, a summary sheet first, serials, Date cells, text times, rich text, formulas', async () => {
    const result = await importBytes(fixture('shiftee-2026-03.xlsx'), { kind: 'xlsx', ...MARCH });
    const rows = rowsOf(result);
    expect(rows.map(brief)).toEqual([
      '5 E1001 김지원 2026-03-03 09:00-18:00',
      '6 E1001 김지원 2026-03-04 09:00-18:00',
      '7 E1002 박서연 2026-03-03 09:30-18:30',
      '8 E1002 박서연 2026-03-04 09:00-13:00',
      '9 12 이민준 2026-03-05 09:00-18:00',
      '10 12 이민준 2026-03-06 22:00-02:00+1',
      '11 E1001 김지원 2026-03-05 08:00-12:00',
      '12 E1001 김지원 2026-03-05 13:00-24:00',
    ]);
    expect(rows[0]).toEqual({
      row: 5,
      identifier: 'E1001',
      identifierKind: 'employeeNumber',
      employeeNumber: 'E1001',
      name: '김지원',
      date: '2026-03-03',
      clockIn: '09:00',
      clockOut: '18:00',
      overnight: false,
      schedule: '09:00-18:00',
      workplace: '서울지사',
      breakMinutes: 60,
    });
    expect(rows.map((row) => row.breakMinutes)).toEqual([60, 60, 60, undefined, 60, 30, 30, undefined]);
    expect(rows[5]!.note).toBe('야간 지원');
    expect(result.ok && result.summary).toEqual({
      headerRow: 4,
      sheet: '출퇴근기록',
      columns: {
        name: '이름',
        employeeNumber: '사원번호',
        workplace: '지점',
        date: '근무일',
        schedule: '근무일정',
        clockIn: '출근시간',
        clockOut: '퇴근시간',
        breakTime: '휴게시간',
        note: '메모',
      },
      rows: 8,
      people: 3,
      overnightRows: 1,
      firstDate: '2026-03-03',
      lastDate: '2026-03-06',
    });
  });

  it('reads the same CSV export in UTF-8 with BOM and CRLF, and in CP949 with LF, to the same rows', async () => {
    const utf8 = await importBytes(fixture('shiftee-2026-03-utf8-bom.csv'), { kind: 'csv', ...MARCH });
    const cp949 = await importBytes(fixture('shiftee-2026-03-cp949.csv'), { kind: 'csv', ...MARCH });
    expect(utf8.encoding).toBe('utf-8');
    expect(cp949.encoding).toBe('cp949');
    expect(rowsOf(cp949)).toEqual(rowsOf(utf8));
    expect(rowsOf(utf8).map(brief)).toEqual([
      '4 E1001 김지원 2026-03-03 09:00-18:00',
      '5 E1001 김지원 2026-03-04 08:58-18:03',
      '6 E1002 박서연 2026-03-03 09:30-18:30',
      '7 E1002 박서연 2026-03-04 09:00-13:00',
      '8 0012 이민준 2026-03-06 22:00-02:00+1',
      '9 E1005 정똠 2026-03-09 10:00-16:00',
    ]);
    const notes = rowsOf(cp949).map((row) => row.note);
    expect(notes).toEqual([undefined, '정상, 지각 없음', '메모에 줄바꿈', undefined, '따옴표 "야간" 지원', '뷁']);
  });

  it('reads header aliases in another order, and people known by phone only', async () => {
    const result = await importBytes(fixture('aliases-phone.csv'), { kind: 'csv', ...MARCH });
    const rows = rowsOf(result);
    expect(rows.map((row) => [row.identifierKind, row.identifier, row.phone, row.workplace])).toEqual([
      ['employeeNumber', 'E1001', '01012345678', '서울지사'],
      ['phone', '01022223333', '01022223333', '서울지사'],
      ['employeeNumber', 'E1002', '01098765432', '부산지사'],
    ]);
    expect(result.ok && result.summary.columns).toMatchObject({
      employeeNumber: '직원번호',
      phone: '휴대전화',
      name: '성명',
      clockIn: '출근 시간',
      clockOut: '퇴근 시간',
      date: '날짜',
    });
  });

  it('lists every bad row of a CSV, in row order, and imports nothing', async () => {
    const result = await importBytes(fixture('bad-rows.csv'), { kind: 'csv', ...MARCH });
    expect(result.ok).toBe(false);
    expect('rows' in result).toBe(false);
    const errors = errorsOf(result);
    expect(errors.map((e) => `${e.cell} ${e.column} ${JSON.stringify(e.value)}`)).toEqual([
      'A3 이름 ""',
      'C4 날짜 "2026-02-30"',
      'C5 날짜 "2026-04-01"',
      'D6 출근 "25:00"',
      'E7 퇴근 "09:00"',
      'D8 출근 "17:00~20:00"',
      'B9 사원번호 ""',
      'C10 날짜 "3/5"',
      'E10 퇴근 ""',
      'A11 이름 "홍길동"',
      'D12 출근 "09:00~18:00"',
    ]);
    expect(errors.map((e) => e.message)).toEqual([
      '이름이 비어 있습니다. 근로지원인의 이름을 적어 주세요.',
      '2026년 2월 30일은 없는 날짜입니다(2월은 28일까지). 날짜를 고쳐 주세요.',
      '2026년 3월 자료인데 2026-04-01 기록이 있습니다. 이 달의 기록만 남기거나, 올리는 달을 확인해 주세요.',
      '시각은 00:00부터 24:00까지입니다. 09:00처럼 시:분(24시간제)으로 적어 주세요.',
      "퇴근 시각(09:00)이 출근 시각(18:00)보다 빠르거나 같습니다. 시각을 고쳐 주세요. 자정을 넘겨 일했다면 '익일 02:00'처럼 적어 주세요.",
      '같은 사람의 기록이 2행(09:00~18:00)과 시간이 겹칩니다. 중복된 행을 지우거나 시각을 고쳐 주세요.',
      '사원번호가 비어 있습니다. 누구의 기록인지 알 수 있도록 시프티에 등록된 사원번호를 적어 주세요.',
      '연도가 없습니다. 2026-03-03처럼 연-월-일로 적어 주세요.',
      '퇴근 시각이 비어 있습니다. 09:00처럼 시:분으로 적어 주세요. 퇴근 기록이 없는 날이면 이 행을 지우거나 시프티에서 기록을 고쳐 주세요.',
      "사원번호 E1001이 2행에서는 '김지원', 이 행에서는 '홍길동'입니다. 한 사람에게는 하나의 번호만 있어야 하니 번호나 이름을 고쳐 주세요.",
      '2행과 같은 사람의 같은 기록입니다. 겹친 행 하나를 지워 주세요.',
    ]);
    expect(result.ok ? 0 : result.totalErrors).toBe(11);
  });

  it('lists every bad row of an XLSX: formula errors, bare numbers, impossible dates, far clock-outs', async () => {
    const errors = errorsOf(await importBytes(fixture('bad-rows.xlsx'), { kind: 'xlsx', ...MARCH }));
    expect(errors.map((e) => `${e.cell} ${JSON.stringify(e.value)} ${e.message.split('.')[0]}`)).toEqual([
      'D3 "(수식)" 셀에 수식 오류가 있습니다',
      'C4 "2026-13-01" 13월은 없는 달입니다',
      'D5 "9" 숫자 9만 있습니다',
      'E5 "18" 숫자 18만 있습니다',
      'E6 "46089.25" 퇴근 일시의 날짜(2026-03-08)는 근무일(2026-03-06)이거나 그다음 날이어야 합니다',
      'D7 "오후 13:00" 오전/오후와 함께 쓰는 시는 1부터 12까지입니다',
    ]);
  });

  it('names a missing column and every header name it accepts', async () => {
    const errors = errorsOf(await importBytes(fixture('missing-column.csv'), { kind: 'csv', ...MARCH }));
    expect(errors).toEqual([
      {
        row: 1,
        column: '퇴근',
        cell: null,
        value: '',
        message:
          "'퇴근' 열이 없습니다. 머리글(1행)에 다음 이름 중 하나로 된 열이 있어야 합니다: 퇴근, 퇴근시간, 퇴근시각, 퇴근일시, 퇴근기록, 실제퇴근, 실제퇴근시간, 실제퇴근시각. 열 제목을 고쳐 다시 올려 주세요.",
      },
    ]);
  });
});

describe('finding the header row', () => {
  const good = ['김지원', 'E1001', '2026-03-03', '09:00', '18:00'];

  it('skips up to nine title and note rows, and blank rows anywhere', async () => {
    const titles = Array.from({ length: 9 }, (_, i) => [`제목 ${i + 1}`, '', '']);
    const rows = rowsOf(await csv([[''], ...titles, [''], HEADER, [''], good, ['', '', ''], ['']]));
    expect(rows.map((row) => row.row)).toEqual([14]);
  });

  it('gives up after ten non-blank rows without a header, saying what a header needs', async () => {
    const titles = Array.from({ length: 10 }, (_, i) => [`제목 ${i + 1}`]);
    const errors = errorsOf(await csv([...titles, HEADER, good]));
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toMatch(
      /^머리글 행을 찾지 못했습니다. 파일의 처음 10줄 안에 이름, 날짜, 출근, 퇴근, 사원번호\(또는 휴대전화\) 열 제목이 있는 행이/,
    );
  });

  it('reports the missing identifier column of the likeliest header row', async () => {
    const errors = errorsOf(
      await csv([
        ['이름', '날짜', '출근', '퇴근', '조직'],
        ['김지원', '2026-03-03', '09:00', '18:00', ''],
      ]),
    );
    expect(errors.map((e) => [e.row, e.column])).toEqual([[1, '사원번호']]);
    expect(errors[0]!.message).toMatch(
      /^누구의 기록인지 구별할 열이 없습니다. 머리글\(1행\)에 사원번호\(사원번호, 직원번호, 사번/,
    );
    expect(errors[0]!.message).toMatch(/휴대전화\(휴대전화, 휴대전화번호, 휴대폰/);
  });

  it('names the sheet in a workbook when no sheet has a complete header', async () => {
    const bytes = await xlsxBytes([
      {
        name: '3월',
        rows: [
          ['성명', '근무일', '출근시각'],
          ['김지원', '2026-03-03', '09:00'],
        ],
      },
    ]);
    const errors = errorsOf(await importAttendance(bytes, { kind: 'xlsx', ...MARCH }));
    expect(errors.map((e) => e.column)).toEqual(['퇴근', '사원번호']);
    expect(errors[0]!.message).toContain("머리글('3월' 시트 1행)");
  });

  it('refuses two columns that mean the same thing rather than guess', async () => {
    const errors = errorsOf(
      await csv([
        [...HEADER, '출근시각'],
        [...good, '09:05'],
      ]),
    );
    expect(errors).toEqual([
      expect.objectContaining({
        row: 1,
        column: '출근, 출근시각',
        message:
          "같은 뜻의 열이 여러 개 있습니다: 출근, 출근시각. 어느 열을 '출근'으로 읽을지 알 수 없으니 하나만 남기고 지워 주세요.",
      }),
    ]);
  });

  it('ignores header cells with spaces, brackets and case, and never takes a planned time for a recorded one', async () => {
    const header = [
      '이 름',
      '사원 번호',
      '근무일자',
      '출근 일정',
      '출근시간(실제)',
      '퇴근시각 *',
      '퇴근 일정',
      'Remarks',
    ];
    const rows = rowsOf(
      await csv([header, ['김지원', 'E1001', '2026-03-03', '08:00', '09:10', '18:00', '19:00', 'x']]),
    );
    expect(rows.map(brief)).toEqual(['2 E1001 김지원 2026-03-03 09:10-18:00']);
  });

  it('skips a repeated header row (page breaks in some exports)', async () => {
    const rows = rowsOf(await csv([HEADER, good, HEADER, ['김지원', 'E1001', '2026-03-04', '09:00', '18:00']]));
    expect(rows.map((row) => row.row)).toEqual([2, 4]);
  });

  it('says so when there is a header but no records under it', async () => {
    const errors = errorsOf(await csv([['제목'], HEADER, ['', '', '']]));
    expect(errors.map((e) => e.message)).toEqual([
      '머리글(2행) 아래에 출퇴근 기록이 한 줄도 없습니다. 기록이 들어 있는 파일인지 확인해 주세요.',
    ]);
  });
});

describe('row rules', () => {
  const row = (id: string, name: string, date: string, from: string, to: string) => [name, id, date, from, to];

  it('accepts overnight work only when the file says so, and reads 익일 00:00 as 24:00', async () => {
    const rows = rowsOf(
      await csv([
        HEADER,
        row('E1', '김지원', '2026-03-03', '22:00', '익일 06:00'),
        row('E1', '김지원', '2026-03-04', '18:00', '익일 00:00'),
        row('E1', '김지원', '2026-03-31', '20:00', '2026-04-01 02:00'),
      ]),
    );
    expect(rows.map(brief)).toEqual([
      '2 E1 김지원 2026-03-03 22:00-06:00+1',
      '3 E1 김지원 2026-03-04 18:00-24:00',
      '4 E1 김지원 2026-03-31 20:00-02:00+1',
    ]);
  });

  it('finds overlaps across midnight and between two numbers of one person (0012 and 12)', async () => {
    const errors = errorsOf(
      await csv([
        HEADER,
        row('0012', '이민준', '2026-03-03', '22:00', '익일 02:00'),
        row('12', '이민준', '2026-03-04', '01:00', '09:00'),
      ]),
    );
    expect(errors.map((e) => [e.row, e.message])).toEqual([
      [3, '같은 사람의 기록이 2행(22:00~02:00)과 시간이 겹칩니다. 중복된 행을 지우거나 시각을 고쳐 주세요.'],
    ]);
  });

  it('allows split shifts that touch but do not overlap', async () => {
    const rows = rowsOf(
      await csv([
        HEADER,
        row('E1', '김지원', '2026-03-03', '13:00', '18:00'),
        row('E1', '김지원', '2026-03-03', '09:00', '13:00'),
      ]),
    );
    expect(rows).toHaveLength(2);
  });

  it('refuses impossible shifts: longer than a day, 익일 on a clock-in, a break as long as the shift', async () => {
    const errors = errorsOf(
      await csv([
        [...HEADER, '휴게시간'],
        [...row('E1', '김지원', '2026-03-03', '09:00', '익일 10:00'), ''],
        [...row('E2', '박서연', '2026-03-03', '익일 09:00', '18:00'), ''],
        [...row('E3', '이민준', '2026-03-03', '09:00', '10:00'), '60'],
        [...row('E4', '최유나', '2026-03-03', '24:00', '24:00'), ''],
        [...row('E5', '정하늘', '2026-03-03', '2026-03-04 09:00', '18:00'), ''],
      ]),
    );
    expect(errors.map((e) => [e.cell, e.message.split('.')[0]])).toEqual([
      ['E2', '근무 시간이 24시간을 넘습니다'],
      ['D3', "출근 시각에는 '익일'을 쓸 수 없습니다"],
      ['F4', '휴게시간(60분)이 근무 시간(60분)과 같거나 깁니다'],
      ['D5', '출근 시각은 23:59까지입니다'],
      ['D6', '출근 일시의 날짜(2026-03-04)가 근무일(2026-03-03)과 다릅니다'],
    ]);
  });

  it('needs one identifier per row when the file has both columns, and masks phone numbers in the report', async () => {
    const header = ['이름', '사원번호', '휴대전화', '날짜', '출근', '퇴근'];
    const errors = errorsOf(
      await csv([
        header,
        ['김지원', '', '010-1234-5678', '2026-03-03', '09:00', '18:00'],
        ['박서연', '', '', '2026-03-03', '09:00', '18:00'],
        ['이민준', '', '010-1234-567899', '2026-03-03', '09:00', '18:00'],
      ]),
    );
    expect(errors.map((e) => [e.cell, e.value, e.message.split('.')[0]])).toEqual([
      ['B3', '', '사원번호 또는 휴대전화가 비어 있습니다'],
      ['C4', '010-****-7899', '휴대전화 번호로 읽을 수 없습니다'],
    ]);
  });

  it('checks every row against the month it is imported for', async () => {
    const rows = [
      HEADER,
      row('E1', '김지원', '2026-02-28', '09:00', '18:00'),
      row('E1', '김지원', '2026-03-01', '09:00', '18:00'),
    ];
    expect(errorsOf(await csv(rows)).map((e) => e.cell)).toEqual(['C2']);
    expect(errorsOf(await csv(rows, { month: '2026-02' })).map((e) => e.cell)).toEqual(['C3']);
    await expect(csv(rows, { month: '2026-3' })).rejects.toThrow(TypeError);
  });

  it('reads dates in the 1904 date system of old Mac workbooks', async () => {
    const serial1904 = excelSerial(2026, 3, 3) - 1462;
    const bytes = await xlsxBytes(
      [{ name: 'Sheet1', rows: [HEADER, ['김지원', 'E1', { value: serial1904, numFmt: 'yyyy-mm-dd' }, 0.375, 0.75]] }],
      { date1904: true },
    );
    expect(rowsOf(await importAttendance(bytes, { kind: 'xlsx', ...MARCH })).map(brief)).toEqual([
      '2 E1 김지원 2026-03-03 09:00-18:00',
    ]);
  });
});

describe('the error report', () => {
  it('keeps the first 1,000 errors in row order and counts the rest', async () => {
    const bad = Array.from({ length: 1500 }, (_, i) => ['김지원', `E${i}`, '2026-03-32', '09:00', '18:00']);
    const result = await csv([HEADER, ...bad]);
    const errors = errorsOf(result);
    expect(errors).toHaveLength(1000);
    expect(errors[0]!.row).toBe(2);
    expect(errors[999]!.row).toBe(1001);
    expect(result.ok ? null : [result.totalErrors, result.omittedErrors]).toEqual([1500, 500]);
  });

  it('puts errors found across rows (overlaps) in row order among the others, within a smaller cap', async () => {
    const result = await csv(
      [
        HEADER,
        ['김지원', 'E1', '2026-03-03', '09:00', '18:00'],
        ['김지원', 'E1', '2026-03-03', '10:00', '11:00'],
        ['', 'E2', '2026-03-03', '09:00', '18:00'],
        ['', 'E3', '2026-03-03', '09:00', '18:00'],
      ],
      { maxErrors: 2 },
    );
    expect(errorsOf(result).map((e) => e.row)).toEqual([3, 4]);
    expect(result.ok ? null : result.omittedErrors).toBe(1);
  });

  it('refuses a file with more rows than allowed', async () => {
    const rows = Array.from({ length: 4 }, (_, i) => ['김지원', `E${i}`, '2026-03-03', '09:00', '18:00']);
    const errors = errorsOf(await csv([HEADER, ...rows], { maxRows: 3 }));
    expect(errors.map((e) => e.message)).toEqual([
      '기록이 3줄을 넘습니다. 한 파일에는 한 달치 기록만 넣고, 그래도 많으면 나누어 올려 주세요.',
    ]);
  });
});

describe('files that are not what they claim to be', () => {
  const message = async (bytes: Uint8Array, kind: 'xlsx' | 'csv') =>
    errorsOf(await importAttendance(bytes, { kind, ...MARCH })).map((e) => e.message);

  it('explains empty files, old .xls, HTML, a workbook sent as CSV and binary data', async () => {
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    expect(await message(new Uint8Array(0), 'csv')).toEqual([
      '빈 파일입니다. 시프티에서 출퇴근 기록을 다시 내려받아 올려 주세요.',
    ]);
    expect((await message(ole, 'xlsx'))[0]).toMatch(/^예전 엑셀 형식\(\.xls\)이거나 암호가 걸린 파일이라/);
    expect((await message(ole, 'csv'))[0]).toMatch(/^CSV가 아니라 예전 엑셀 형식\(\.xls\) 파일입니다/);
    expect((await message(new TextEncoder().encode('<html><table>'), 'xlsx'))[0]).toMatch(/웹 문서\(HTML\) 형식입니다/);
    expect((await message(fixture('shiftee-2026-03.xlsx'), 'csv'))[0]).toMatch(/^CSV가 아니라 엑셀\(xlsx\) 파일입니다/);
    expect((await message(fixture('shiftee-2026-03-utf8-bom.csv'), 'xlsx'))[0]).toMatch(
      /^엑셀\(xlsx\) 파일이 아닙니다/,
    );
    expect((await message(new Uint8Array([0x41, 0, 0x42]), 'csv'))[0]).toMatch(/^글자로 된 CSV 파일이 아닙니다/);
  });

  it('explains a damaged or cut-off workbook instead of hanging', async () => {
    const whole = fixture('shiftee-2026-03.xlsx');
    for (const cut of [Math.floor(whole.length / 2), whole.length - 40]) {
      const errors = await message(whole.subarray(0, cut), 'xlsx');
      expect(errors[0]).toMatch(
        /^엑셀 파일을 읽을 수 없습니다. 파일이 손상되었거나 끝까지 올라오지 않았을 수 있습니다/,
      );
    }
    const garbage = new Uint8Array(2000).fill(7);
    garbage.set([0x50, 0x4b, 0x03, 0x04]);
    expect((await message(garbage, 'xlsx'))[0]).toMatch(/^엑셀 파일을 읽을 수 없습니다/);
  });

  it('reports a UTF-8 file that turns into CP949 after its first 64 KB', async () => {
    const head = encodeCsv(
      csvText([HEADER, ...Array.from({ length: 2000 }, () => ['김지원', 'E1', '2026-03-03', '09:00', '18:00'])]),
      'utf-8',
    );
    const tail = encodeCp949('박서연,E2,2026-03-04,09:00,18:00\r\n');
    const bytes = new Uint8Array(head.length + tail.length);
    bytes.set(head);
    bytes.set(tail, head.length);
    expect(head.length).toBeGreaterThan(64 * 1024);
    expect((await message(bytes, 'csv'))[0]).toMatch(
      /^파일 앞부분은 UTF-8인데 중간에 다른 방식으로 저장된 글자가 있습니다/,
    );
  });

  it('reports a quote that never closes', async () => {
    const text = '이름,사원번호,날짜,출근,퇴근\n김지원,E1,2026-03-03,09:00,"18:00\n';
    expect(await message(new TextEncoder().encode(text), 'csv')).toEqual([
      '2행에서 시작한 따옴표(")가 닫히지 않아 그 뒤의 내용을 읽을 수 없습니다. 따옴표를 닫거나 지운 뒤 다시 올려 주세요.',
    ]);
  });
});

describe('streaming', () => {
  it('gives the same rows however the bytes arrive: one byte at a time, odd chunks, a file stream', async () => {
    for (const [name, kind] of [
      ['shiftee-2026-03-cp949.csv', 'csv'],
      ['shiftee-2026-03-utf8-bom.csv', 'csv'],
      ['shiftee-2026-03.xlsx', 'xlsx'],
    ] as const) {
      const bytes = fixture(name);
      const whole = rowsOf(await importBytes(bytes, { kind, ...MARCH }));
      expect(rowsOf(await importBytes(bytes, { kind, ...MARCH }, kind === 'csv' ? 1 : 7))).toEqual(whole);
      const stream = createReadStream(new URL(name, FIXTURES), { highWaterMark: 97 });
      expect(rowsOf(await importAttendance(stream, { kind, ...MARCH }))).toEqual(whole);
    }
  });

  it('keeps Korean text whole where it straddles the reader’s 16 KB chunks (an exceljs 4.4 bug worked around)', async () => {
    const syllables = '가나다라마바사아자차카타파하김이박최정강조윤장임한오서신권황안송류홍';
    const nameOf = (i: number) =>
      Array.from({ length: 3 }, (_, k) => syllables[Math.floor(i / syllables.length ** k) % syllables.length]).join('');
    const people = Array.from({ length: 4000 }, (_, i) => [
      `${nameOf(i)}근로지원인`,
      `E${i}`,
      '2026-03-03',
      '09:00',
      '18:00',
    ]);
    const bytes = await xlsxBytes([{ name: '출퇴근 기록', rows: [HEADER, ...people] }]);
    const result = await importBytes(bytes, { kind: 'xlsx', ...MARCH }, 65536);
    expect(rowsOf(result).map((row) => row.name)).toEqual(people.map((person) => person[0]));
    expect(result.ok && result.summary.sheet).toBe('출퇴근 기록');
  });

  it('passes a failing source on as SourceError (a retry matter, not a file error), without hanging', async () => {
    async function* failing(bytes: Uint8Array) {
      yield* chunked(bytes.subarray(0, 600), 100);
      throw new Error('connection reset');
    }
    for (const [name, kind] of [
      ['shiftee-2026-03.xlsx', 'xlsx'],
      ['shiftee-2026-03-utf8-bom.csv', 'csv'],
    ] as const) {
      const attempt = importAttendance(failing(fixture(name)), { kind, ...MARCH });
      await expect(attempt).rejects.toBeInstanceOf(SourceError);
      await expect(attempt).rejects.toMatchObject({ cause: new Error('connection reset') });
    }
  });
});

describe('fingerprints', () => {
  const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

  it('hash the bytes, whatever the chunking', async () => {
    const bytes = fixture('shiftee-2026-03.xlsx');
    expect(await fingerprint(bytes)).toBe(sha256(bytes));
    expect(await fingerprint(chunked(bytes, 333))).toBe(sha256(bytes));
  });

  it('come out of the same single pass as the import, even when the import stops early', async () => {
    for (const [name, kind] of [
      ['shiftee-2026-03.xlsx', 'xlsx'],
      ['bad-rows.csv', 'csv'],
      ['shiftee-2026-03.xlsx', 'csv'], // refused at the first bytes
    ] as const) {
      const bytes = fixture(name);
      const tapped = fingerprinted(chunked(bytes, 1000));
      expect(() => tapped.digest()).toThrow(/not been read to its end/);
      await importAttendance(tapped.source, { kind, ...MARCH });
      expect(tapped.digest()).toBe(sha256(bytes));
      expect(tapped.bytes).toBe(bytes.length);
    }
  });

  it('differ when one byte differs', async () => {
    const bytes = fixture('bad-rows.csv');
    const changed = bytes.slice();
    changed[changed.length - 2] = changed[changed.length - 2]! ^ 1;
    expect(await fingerprint(changed)).not.toBe(await fingerprint(bytes));
  });
});
