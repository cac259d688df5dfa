import { type ApiProblem, apiPost } from './api.ts';

// The presigned upload every file field uses: ask the API for an upload (its id and a short-lived
// URL), PUT the bytes straight to storage (with progress when the page shows it), then ask the API
// to check what landed. Leaving the page (the signal aborts) rejects with the AbortError, as a
// fetch does; every other failure resolves to what went wrong, for the page to say in Korean.

/** What a failed PUT says, where a page has no words of its own. */
export const UPLOAD_TEXTS = {
  refused: '파일을 올리지 못했습니다. 잠시 후 다시 시도해 주세요.',
  network: '파일을 올리지 못했습니다. 인터넷 연결을 확인한 뒤 다시 시도해 주세요.',
};

/** What the API answers when asked for an upload. */
export interface UploadTicket {
  uploadId: string;
  url: string;
  /** the HTTP method of the PUT (PUT when absent) */
  method?: string;
  headers: Record<string, string>;
}

export type UploadOutcome<T extends UploadTicket = UploadTicket> =
  | { ok: true; ticket: T }
  /** the API refused to start the upload, or refused what landed */
  | { ok: false; stage: 'start' | 'complete'; problem: ApiProblem }
  /** storage refused the bytes, or no answer came (offline) */
  | { ok: false; stage: 'put'; reason: 'refused' | 'network' };

export type UploadFailure = Exclude<UploadOutcome, { ok: true }>;

export interface UploadOptions<T extends UploadTicket> {
  /** where to ask for the upload, and what to say about the file */
  start: { path: string; body: unknown };
  file: File;
  signal: AbortSignal;
  /** the check after the bytes landed; false when the API checks by itself (an S3 event) */
  complete: ((ticket: T) => { path: string; body: unknown }) | false;
  /** the share sent so far (0 to 1), for a progress bar */
  onProgress?(fraction: number): void;
}

export async function presignedUpload<T extends UploadTicket>(options: UploadOptions<T>): Promise<UploadOutcome<T>> {
  const { signal } = options;
  const started = await apiPost<T>(options.start.path, options.start.body, { signal });
  if (!started.ok) return { ok: false, stage: 'start', problem: started.problem };
  const ticket = started.data;
  const put = await putFile(ticket, options.file, signal, options.onProgress);
  if (put !== 'sent') return { ok: false, stage: 'put', reason: put };
  if (options.complete) {
    const check = options.complete(ticket);
    const done = await apiPost<unknown>(check.path, check.body, { signal });
    if (!done.ok) return { ok: false, stage: 'complete', problem: done.problem };
  }
  return { ok: true, ticket };
}

/** The upload of the files service (POST /files/uploads, then …/complete), for a file of `purpose`. */
export function uploadFile(
  file: File,
  signal: AbortSignal,
  declared: { purpose: string; contentType: string },
): Promise<UploadOutcome> {
  return presignedUpload<UploadTicket>({
    start: {
      path: '/files/uploads',
      body: { purpose: declared.purpose, contentType: declared.contentType, size: file.size, fileName: file.name },
    },
    file,
    signal,
    complete: (ticket) => ({ path: `/files/uploads/${encodeURIComponent(ticket.uploadId)}/complete`, body: {} }),
  });
}

/**
 * The Korean message of a failed upload: the API's own words (its first field's when `fieldFirst`),
 * else the page's words for bytes storage refused and for no answer.
 */
export function uploadMessage(
  failure: UploadFailure,
  texts: { refused: string; network?: string; fieldFirst?: boolean },
): string {
  if (failure.stage === 'put') return failure.reason === 'network' ? (texts.network ?? texts.refused) : texts.refused;
  return (texts.fieldFirst ? failure.problem.fields[0]?.message : undefined) ?? failure.problem.message;
}

/** PUT the bytes: through fetch, or through XMLHttpRequest when progress is wanted (fetch cannot report it). */
async function putFile(
  ticket: UploadTicket,
  file: File,
  signal: AbortSignal,
  onProgress: ((fraction: number) => void) | undefined,
): Promise<'sent' | 'refused' | 'network'> {
  const method = ticket.method ?? 'PUT';
  if (onProgress) return putWithProgress(method, ticket, file, signal, onProgress);
  try {
    const response = await fetch(ticket.url, { method, headers: ticket.headers, body: file, signal });
    return response.ok ? 'sent' : 'refused';
  } catch (error) {
    if (signal.aborted) throw error;
    return 'network';
  }
}

function putWithProgress(
  method: string,
  ticket: UploadTicket,
  file: File,
  signal: AbortSignal,
  onProgress: (fraction: number) => void,
): Promise<'sent' | 'refused' | 'network'> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open(method, ticket.url);
    for (const [name, value] of Object.entries(ticket.headers)) request.setRequestHeader(name, value);
    request.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    });
    request.addEventListener('load', () => resolve(request.status >= 200 && request.status < 300 ? 'sent' : 'refused'));
    request.addEventListener('error', () => resolve('network'));
    request.addEventListener('abort', () => reject(signal.reason));
    signal.addEventListener('abort', () => request.abort(), { once: true });
    request.send(file);
  });
}
