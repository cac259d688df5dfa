import { describe, expect, it } from 'vitest';
import { errorReportCsv } from '#functions/attendance/report';

describe('errorReportCsv', () => {
  it('writes a BOM, the Korean header and one quoted line per problem', () => {
    const csv = errorReportCsv(
      [
        { row: null, column: null, cell: null, value: '', message: "'퇴근' 열이 없습니다." },
        { row: 7, column: '이름', cell: 'B7', value: '김, "민준"', message: '이름을 확인해 주세요.' },
      ],
      0,
    );
    expect(csv.split('\r\n')).toEqual([
      '\uFEFF행,열,셀,값,고칠 내용',
      "파일 전체,,,,'퇴근' 열이 없습니다.",
      '7,이름,B7,"김, ""민준""",이름을 확인해 주세요.',
      '',
    ]);
  });

  it('keeps cells Excel would run as formulas as text, and counts what was left out', () => {
    const csv = errorReportCsv([{ row: 3, column: '출근', cell: 'C3', value: '+82 10', message: '@확인' }], 12);
    expect(csv).toContain("3,출근,C3,'+82 10,'@확인");
    expect(csv).toContain('이 밖에 오류 12건이 더 있습니다.');
  });
});
