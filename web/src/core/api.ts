// The web calls the API on its own origin under /api (CloudFront routes /api/* to API Gateway; the
// local stack serves both). Every failure comes back as a value the screen can show in Korean.

export const API_BASE = '/api';

/** One field the server refused, as the API's error body names it (field is e.g. "query.sido"). */
export interface FieldProblem {
  field: string;
  label: string;
  message: string;
}

export interface ApiProblem {
  /** HTTP status, or undefined when no answer arrived (offline, timeout) */
  status: number | undefined;
  /** true when trying again may help (no answer, timeout, 5xx); false when the request itself must change */
  retryable: boolean;
  code: string;
  message: string;
  fields: FieldProblem[];
}

export type ApiResult<T> = { ok: true; data: T } | { ok: false; problem: ApiProblem };

export type Query = Record<string, string | number | undefined | null>;

const TIMEOUT_MS = 15_000;

/**
 * What the signed-in session adds to every API call: the ID token as a Bearer header, a note that the
 * person is active (an API call resets the idle countdown), and what to do when the server no longer
 * accepts the token. Set once by the session (identity/session-controller.ts); none when signed out.
 */
export interface ApiHooks {
  /** runs before every call: renews a token near its end, so an active person is never cut off */
  beforeRequest?(): Promise<void>;
  authorization(): string | undefined;
  onActivity(): void;
  onUnauthorized(problem: ApiProblem): void;
}

let hooks: ApiHooks | undefined;

export function setApiHooks(next: ApiHooks | undefined): void {
  hooks = next;
}

export const NETWORK_MESSAGE = '서버에 연결하지 못했습니다. 인터넷 연결을 확인한 뒤 ‘다시 시도’ 버튼을 눌러 주세요.';
export const TIMEOUT_MESSAGE = '서버의 응답이 늦어지고 있습니다. 잠시 후 ‘다시 시도’ 버튼을 눌러 주세요.';

export function apiUrl(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return `${API_BASE}${path}${search ? `?${search}` : ''}`;
}

/**
 * GET a JSON resource. Aborting through `signal` rejects with the AbortError (the caller moved on and
 * wants no result); every other failure resolves to { ok: false } with a Korean message.
 */
export async function apiGet<T>(
  path: string,
  query: Query = {},
  options: { signal?: AbortSignal; fetchImpl?: typeof fetch } = {},
): Promise<ApiResult<T>> {
  return request<T>('GET', apiUrl(path, query), undefined, options);
}

export async function apiPost<T>(
  path: string,
  body: unknown,
  options: { signal?: AbortSignal; fetchImpl?: typeof fetch } = {},
): Promise<ApiResult<T>> {
  return request<T>('POST', apiUrl(path), body, options);
}

export async function apiPut<T>(
  path: string,
  body: unknown,
  options: { signal?: AbortSignal; fetchImpl?: typeof fetch } = {},
): Promise<ApiResult<T>> {
  return request<T>('PUT', apiUrl(path), body, options);
}

async function request<T>(
  method: string,
  url: string,
  body: unknown,
  { signal, fetchImpl = fetch }: { signal?: AbortSignal; fetchImpl?: typeof fetch },
): Promise<ApiResult<T>> {
  const timeout = AbortSignal.timeout(TIMEOUT_MS);
  const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
  if (hooks?.beforeRequest) {
    await hooks.beforeRequest();
    // the caller may have moved on while the token was renewed
    signal?.throwIfAborted();
  }
  const token = hooks?.authorization();
  hooks?.onActivity();
  let response: Response;
  try {
    response = await fetchImpl(url, {
      method,
      headers: {
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: combined,
      credentials: 'same-origin',
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    return { ok: false, problem: networkProblem(timeout.aborted ? TIMEOUT_MESSAGE : NETWORK_MESSAGE) };
  }
  let payload: unknown;
  try {
    payload = await response.json();
  } catch (error) {
    if (signal?.aborted) throw error;
    payload = undefined;
  }
  if (response.ok) {
    if (payload === undefined) return { ok: false, problem: networkProblem(unreadableMessage(response.status)) };
    return { ok: true, data: payload as T };
  }
  const problem = problemFromBody(response.status, payload);
  // A token the server refuses (expired, or the login was removed) ends the session; a 401 without
  // a token is an answer of its own (a wrong password at sign-in).
  if (response.status === 401 && token) hooks?.onUnauthorized(problem);
  return { ok: false, problem };
}

function networkProblem(message: string): ApiProblem {
  return { status: undefined, retryable: true, code: 'NETWORK', message, fields: [] };
}

function unreadableMessage(status: number): string {
  return `서버의 응답을 읽지 못했습니다(상태 코드 ${status}). 잠시 후 ‘다시 시도’ 버튼을 눌러 주세요.`;
}

/** The API's error body is { error: { code, message, fields? } }; anything else (a gateway's HTML page) is retryable. */
export function problemFromBody(status: number, payload: unknown): ApiProblem {
  const error = (payload as { error?: unknown } | undefined)?.error as
    | { code?: unknown; message?: unknown; fields?: unknown }
    | undefined;
  if (!error || typeof error.message !== 'string') {
    return { ...networkProblem(unreadableMessage(status)), status };
  }
  const fields = Array.isArray(error.fields)
    ? error.fields.filter(
        (f): f is FieldProblem =>
          typeof f === 'object' &&
          f !== null &&
          typeof (f as FieldProblem).field === 'string' &&
          typeof (f as FieldProblem).message === 'string',
      )
    : [];
  return {
    status,
    retryable: status >= 500 || status === 429,
    code: typeof error.code === 'string' ? error.code : 'ERROR',
    message: error.message,
    fields: fields.map((f) => ({
      field: f.field,
      label: typeof f.label === 'string' ? f.label : f.field,
      message: f.message,
    })),
  };
}
