import type { AssistantView as Assistant, AssistantDetail } from '#functions/assistants/registry-contract';
import { CONTENT_TYPES, declaredProblem, type FileKind, UPLOAD_PURPOSES } from '#functions/files/rules';
import { apiPost } from '../core/api.ts';

// What the assistant screens share: the assistant as the API returns it (inferred from the registry
// contract: never the cipher or the keyed hash) and the upload of an evidence file through the presigned flow.

export type AssistantView = Assistant & Partial<Pick<AssistantDetail, 'activeMatchings' | 'qualification'>>;

export const EVIDENCE = UPLOAD_PURPOSES.evidence;
const EXTENSIONS: Record<string, FileKind> = { pdf: 'pdf', png: 'png', jpg: 'jpeg', jpeg: 'jpeg' };
export const EVIDENCE_ACCEPT = [
  ...EVIDENCE.kinds.map((k) => CONTENT_TYPES[k]),
  ...Object.keys(EXTENSIONS).map((e) => `.${e}`),
].join(',');

function contentTypeOf(file: { name: string; type: string }): string {
  if (file.type) return file.type;
  const kind = EXTENSIONS[file.name.split('.').pop()?.toLowerCase() ?? ''];
  return kind ? CONTENT_TYPES[kind] : 'application/octet-stream';
}

/** The evidence file's problem before it is sent, in Korean (the server checks the bytes again). */
export function evidenceProblem(file: { name: string; type: string; size: number } | undefined): string | undefined {
  if (!file) return '조회 결과 증빙 파일을 골라 주세요.';
  return declaredProblem(EVIDENCE, contentTypeOf(file), file.size);
}

/** Presigned upload: ask for the URL, PUT the bytes, ask the server to check what landed. */
export async function uploadEvidence(
  file: File,
  signal: AbortSignal,
): Promise<{ uploadId: string } | { problem: string }> {
  const started = await apiPost<{ uploadId: string; url: string; method: string; headers: Record<string, string> }>(
    '/files/uploads',
    { purpose: 'evidence', contentType: contentTypeOf(file), size: file.size, fileName: file.name },
    { signal },
  );
  if (!started.ok) return { problem: started.problem.message };
  try {
    const put = await fetch(started.data.url, {
      method: started.data.method,
      headers: started.data.headers,
      body: file,
      signal,
    });
    if (!put.ok) return { problem: '파일을 올리지 못했습니다. 잠시 후 다시 시도해 주세요.' };
  } catch (error) {
    if (signal.aborted) throw error;
    return { problem: '파일을 올리지 못했습니다. 인터넷 연결을 확인한 뒤 다시 시도해 주세요.' };
  }
  const done = await apiPost(`/files/uploads/${encodeURIComponent(started.data.uploadId)}/complete`, {}, { signal });
  if (!done.ok) return { problem: done.problem.message };
  return { uploadId: started.data.uploadId };
}
