// What the attendance screens (출퇴근 관리, 근무 이력 비교) receive from the API, and the pure helpers
// they share. No DOM here, so it is unit-tested on its own.

// The API's shapes are the contract's own (functions/attendance/contract.ts).
import type { FindingView, ImportView, UploadProgress } from '#functions/attendance/contract';

export type {
  Comparison,
  ComparisonRow,
  FindingView,
  ImportErrorRow,
  ImportHistory,
  ImportView,
  UnmatchedPerson,
  UploadProgress,
} from '#functions/attendance/contract';

export interface ImportResponse {
  outcome: NonNullable<UploadProgress['outcome']>;
  import: ImportView;
}

/** How long the screen waits for the import before asking the agency to look at the history later. */
export const IMPORT_WAIT_MS = 180_000;

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The content type to declare for the chosen file (browsers often leave .csv without one). */
export function attendanceContentType(file: { name: string; type: string }): string | undefined {
  const extension = file.name.split('.').pop()?.toLowerCase();
  if (extension === 'xlsx' || file.type === XLSX_TYPE) return XLSX_TYPE;
  if (extension === 'csv' || file.type === 'text/csv') return 'text/csv';
  return undefined;
}

/** Last month in Korea: the month an agency usually imports. */

/** "09:00~18:00" with an overnight end written as 익일. */
export function spanText(span: { clockIn: string; clockOut: string; overnight: boolean }): string {
  return `${span.clockIn}~${span.overnight ? '익일 ' : ''}${span.clockOut}`;
}

/** What a finding means for the submission, in words (never only a colour). */
export function findingState(finding: Pick<FindingView, 'blocking' | 'justification'>): string {
  if (finding.justification) return '소명함';
  return finding.blocking ? '제출 전 조치 필요' : '참고';
}

/** The outcome of an import in one sentence. */
export function outcomeText(response: ImportResponse): string {
  const item = response.import;
  if (response.outcome === 'duplicate') {
    return item.status === 'rejected'
      ? `이미 올린 같은 파일입니다. 그때 찾은 오류 ${item.totalErrors}건을 고친 뒤 다시 올려 주세요.`
      : '이미 가져온 같은 파일이라 바꾼 것이 없습니다.';
  }
  if (response.outcome === 'rejected') {
    return `오류 ${item.totalErrors}건이 있어 아무것도 가져오지 않았습니다. 아래 오류를 고친 뒤 파일을 다시 올려 주세요.`;
  }
  const unmatched = item.unmatched.length
    ? ` 등록된 근로지원인과 맞지 않는 ${item.unmatched.length}명의 기록은 가져오지 않았습니다.`
    : '';
  return `${item.rowCount}건 중 ${item.matchedRows}건을 가져와 ${item.month} 출퇴근 자료를 바꿨습니다.${unmatched}`;
}
