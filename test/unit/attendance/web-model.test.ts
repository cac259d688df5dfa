import { describe, expect, it } from 'vitest';
import {
  attendanceContentType,
  findingState,
  type ImportResponse,
  outcomeText,
  spanText,
} from '../../../web/src/attendance/model.ts';
import { previousMonthInKorea as previousMonth } from '../../../web/src/core/dates.ts';

const view = (fields: Partial<ImportResponse['import']> = {}): ImportResponse['import'] => ({
  importId: 'AI-1',
  month: '2026-03',
  fileName: 'a.csv',
  status: 'imported',
  current: true,
  rowCount: 40,
  people: 3,
  matchedRows: 38,
  unmatched: [],
  errors: [],
  totalErrors: 0,
  omittedErrors: 0,
  importedBy: 'agency_hanbit',
  importedAt: '2026-04-01T00:00:00.000Z',
  ...fields,
});

describe('attendance screen model', () => {
  it('declares the content type from the file name when the browser gives none', () => {
    expect(attendanceContentType({ name: '3월.CSV', type: '' })).toBe('text/csv');
    expect(attendanceContentType({ name: '3월.xlsx', type: '' })).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(attendanceContentType({ name: '3월.xls', type: 'application/vnd.ms-excel' })).toBeUndefined();
  });

  it('defaults to last month in Korea, across the year', () => {
    expect(previousMonth(new Date('2026-01-15T00:00:00Z'))).toBe('2025-12');
    // 2026-03-31 20:00 UTC is already April 1st in Korea
    expect(previousMonth(new Date('2026-03-31T20:00:00Z'))).toBe('2026-03');
  });

  it('writes states and spans in words', () => {
    expect(spanText({ clockIn: '18:00', clockOut: '02:00', overnight: true })).toBe('18:00~익일 02:00');
    expect(findingState({ blocking: true })).toBe('제출 전 조치 필요');
    expect(findingState({ blocking: false })).toBe('참고');
    expect(findingState({ blocking: true, justification: { findingId: 'f', reason: 'x', by: 'u', at: 't' } })).toBe(
      '소명함',
    );
  });

  it('says what an import did', () => {
    expect(outcomeText({ outcome: 'imported', import: view() })).toBe(
      '40건 중 38건을 가져와 2026-03 출퇴근 자료를 바꿨습니다.',
    );
    expect(
      outcomeText({
        outcome: 'imported',
        import: view({
          unmatched: [{ identifier: 'X', identifierKind: 'employeeNumber', name: '박', rowNumbers: [3], reason: 'r' }],
        }),
      }),
    ).toContain('1명의 기록은 가져오지 않았습니다');
    expect(outcomeText({ outcome: 'rejected', import: view({ status: 'rejected', totalErrors: 3 }) })).toContain(
      '오류 3건',
    );
    expect(outcomeText({ outcome: 'duplicate', import: view() })).toContain('바꾼 것이 없습니다');
  });
});
