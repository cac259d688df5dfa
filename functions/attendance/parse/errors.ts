// The error report of an attendance import: one line per problem, each naming the row, the column
// and the value as the user sees them in the file, and saying in Korean what to fix. The report is
// capped (the first MAX_ERRORS in row order) with a count of the rest, so a file that is wrong
// throughout does not produce a report bigger than the file.

export interface ImportError {
  /** row number as a spreadsheet shows it (1-based); null for a problem with the whole file */
  row: number | null;
  /** the column's header as written in the file, or the expected column's name when it is missing */
  column: string | null;
  /** spreadsheet address of the cell, e.g. "D7" (CSV files open in Excel with the same addresses) */
  cell: string | null;
  /** the cell's value as written (phone numbers masked) */
  value: string;
  message: string;
}

export const MAX_ERRORS = 1000;

/** A, B, …, Z, AA, AB, … for a 0-based column index. */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

export function fileError(message: string, column: string | null = null, row: number | null = null): ImportError {
  return { row, column, cell: null, value: '', message };
}

/**
 * Keeps the first `limit` errors in (row, column) order and counts the rest. Errors of the row-by-row
 * pass arrive in row order; the checks across rows (overlaps, one number with two names) add theirs at
 * the end, so the list is sorted once when it is read.
 */
export class ErrorCollector {
  private readonly kept: Array<{ error: ImportError; row: number; column: number; sequence: number }> = [];
  private total = 0;
  private sequence = 0;

  constructor(private readonly limit: number = MAX_ERRORS) {}

  add(error: ImportError, columnIndex = 0): void {
    this.total++;
    // Row-pass errors past the limit can never enter the first `limit`: later rows sort later.
    if (this.kept.length >= this.limit * 2) this.trim();
    this.kept.push({ error, row: error.row ?? 0, column: columnIndex, sequence: this.sequence++ });
  }

  get count(): number {
    return this.total;
  }

  private sort(): void {
    this.kept.sort((a, b) => a.row - b.row || a.column - b.column || a.sequence - b.sequence);
  }

  private trim(): void {
    this.sort();
    this.kept.length = this.limit;
  }

  /** The kept errors in row order, and how many were left out. */
  report(): { errors: ImportError[]; omitted: number } {
    this.sort();
    const errors = this.kept.slice(0, this.limit).map((entry) => entry.error);
    return { errors, omitted: this.total - errors.length };
  }
}
