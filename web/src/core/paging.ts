// Client-side paging of a list the server returned whole (the directory, the audit search).

export interface PageSlice<T> {
  rows: T[];
  page: number;
  totalPages: number;
  first: number;
  last: number;
}

/** The rows of one page; a page past the end shows the last page rather than nothing. */
export function pageOf<T>(items: readonly T[], page: number, size: number): PageSlice<T> {
  const totalPages = Math.max(1, Math.ceil(items.length / size));
  const current = Math.min(Math.max(1, page), totalPages);
  const start = (current - 1) * size;
  const rows = items.slice(start, start + size);
  return { rows, page: current, totalPages, first: rows.length ? start + 1 : 0, last: start + rows.length };
}
