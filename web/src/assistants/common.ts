import type { AssistantView as Assistant, AssistantDetail } from '#functions/assistants/registry-contract';
import { CONTENT_TYPES, declaredProblem, type FileKind, UPLOAD_PURPOSES } from '#functions/files/rules';
import { UPLOAD_TEXTS, uploadFile, uploadMessage } from '../core/upload.ts';

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
  const outcome = await uploadFile(file, signal, { purpose: 'evidence', contentType: contentTypeOf(file) });
  return outcome.ok ? { uploadId: outcome.ticket.uploadId } : { problem: uploadMessage(outcome, UPLOAD_TEXTS) };
}
