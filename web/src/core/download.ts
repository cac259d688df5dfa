import { notice } from '../components/notice.ts';
import { apiGet, type Query } from './api.ts';

/** A file as the API returns it: JSON with the bytes in base64 (so the same auth header applies). */
export interface DownloadedFile {
  fileName: string;
  contentType: string;
  base64: string;
}

/** Lets the browser save a file the API returned as base64 in JSON. */
export function saveBase64File(file: { fileName: string; contentType: string; base64: string }): void {
  const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: file.contentType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.rel = 'external';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Downloads a file the API returns as base64 JSON and saves it, then says so in `out` with
 * `saved(fileName)`, or says why not.
 */
export async function downloadInto(
  out: HTMLElement,
  path: string,
  query: Query,
  signal: AbortSignal,
  saved: (fileName: string) => string,
): Promise<boolean> {
  const result = await apiGet<DownloadedFile>(path, query, { signal });
  if (!result.ok) {
    out.innerHTML = notice('danger', result.problem.message).value;
    return false;
  }
  saveBase64File(result.data);
  out.innerHTML = notice('success', saved(result.data.fileName)).value;
  return true;
}
