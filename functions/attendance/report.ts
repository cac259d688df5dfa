// The error report of a rejected attendance file as a CSV the agency opens in Excel: UTF-8 with a BOM
// (so Excel reads the Korean), one line per problem, and cells that Excel would run as a formula
// written as text. Pure.

export interface ReportError {
  row?: number | null;
  column?: string | null;
  cell?: string | null;
  value: string;
  message: string;
}

const HEADER = ['행', '열', '셀', '값', '고칠 내용'];

function csvCell(value: string): string {
  // A leading = + - @ (or tab/CR) would make Excel evaluate the cell: keep it text.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function errorReportCsv(errors: readonly ReportError[], omitted: number): string {
  const lines = [HEADER.join(',')];
  for (const error of errors) {
    lines.push(
      [
        error.row == null ? '파일 전체' : String(error.row),
        error.column ?? '',
        error.cell ?? '',
        error.value,
        error.message,
      ]
        .map(csvCell)
        .join(','),
    );
  }
  if (omitted > 0) {
    lines.push(
      ['', '', '', '', `이 밖에 오류 ${omitted}건이 더 있습니다. 위 오류를 고친 뒤 다시 올리면 나머지도 보여 드립니다.`]
        .map(csvCell)
        .join(','),
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
