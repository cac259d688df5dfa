import { BRANCHES, branchName } from '#commons/branches';
import type { SealView } from '#functions/agencies/seal-contract';
import { type ApiResult, apiGet } from '../core/api.ts';
import { html, type SafeHtml } from '../core/html.ts';
import { UPLOAD_TEXTS, uploadFile, uploadMessage } from '../core/upload.ts';
import { hasRole } from '../core/viewer.ts';
import type { Viewer } from '../shell/systems.ts';

// What the agencies screens share: who the viewer works for, how amounts and statuses read, the
// seal upload (presigned PUT, then the server's check) and the download of agreement PDFs.

/** The organisation (agency or institution) the viewer is staff of. */
export function ownOrganisation(viewer: Viewer): string | undefined {
  if (!viewer.signedIn) return undefined;
  const grant = viewer.grants?.find((g) => g.role === 'agency' || g.role === 'trainer');
  return grant?.agencyId ?? grant?.institutionId;
}

/** Branch staff see their branch; hq chooses (all offices when nothing is chosen). */
export function branchFilter(viewer: Viewer, chosen: string | null): string | undefined {
  if (hasRole(viewer, 'hq')) return chosen && branchName(chosen) ? chosen : undefined;
  return viewer.signedIn ? viewer.grants?.find((g) => g.role === 'branch')?.branchId : undefined;
}

export const BRANCH_OPTIONS = [
  { value: '', label: '전체' },
  ...BRANCHES.map((b) => ({ value: b.branchId, label: b.name })),
];

/** 120,000,000원 */
export function won(amount: number): string {
  return `${amount.toLocaleString('ko-KR')}원`;
}

/** One seal version as its routes answer it (inferred from the seal contract). */
export type { SealView };

/** The seal image with a text alternative that says whose and which version. */
export function sealImage(seal: SealView, size = 96): SafeHtml {
  return html`<img class="app-seal-image" src="${seal.imageUrl}" width="${size}" height="${size}" alt="${seal.organisationName} 직인 ${seal.version}번째 등록 이미지">`;
}

export const SEAL_ACCEPT = 'image/png,image/jpeg,.png,.jpg,.jpeg';
export const SEAL_MAX_BYTES = 2 * 1024 * 1024;

/** Client-side first check of a seal file (the server checks the bytes again after upload). */
export function sealFileProblem(file: { name: string; type: string; size: number }): string | undefined {
  const type = sealContentType(file);
  if (type !== 'image/png' && type !== 'image/jpeg') return '직인 이미지는 PNG, JPEG 파일만 올릴 수 있습니다.';
  if (file.size === 0) return '빈 파일입니다. 직인 이미지 파일을 골라 주세요.';
  if (file.size > SEAL_MAX_BYTES) {
    return `직인 이미지는 2MB 이하만 올릴 수 있습니다. 지금 파일은 ${(file.size / 1024 / 1024).toFixed(1)}MB입니다.`;
  }
  return undefined;
}

export function sealContentType(file: { name: string; type: string }): string {
  if (file.type) return file.type;
  const extension = file.name.split('.').pop()?.toLowerCase();
  return extension === 'png' ? 'image/png' : extension === 'jpg' || extension === 'jpeg' ? 'image/jpeg' : '';
}

/**
 * Upload a seal image: ask for a presigned URL, PUT the bytes, ask the server to check what landed.
 * Resolves to the upload id, or to a Korean message of what went wrong.
 */
export async function uploadSealFile(
  file: File,
  signal: AbortSignal,
): Promise<{ uploadId: string } | { problem: string }> {
  const outcome = await uploadFile(file, signal, { purpose: 'seal', contentType: sealContentType(file) });
  return outcome.ok ? { uploadId: outcome.ticket.uploadId } : { problem: uploadMessage(outcome, UPLOAD_TEXTS) };
}

/** Asks for a short-lived download address and lets the browser save the PDF. */
export async function downloadDocument(
  agreementId: string,
  number: number,
  signal: AbortSignal,
): Promise<ApiResult<{ url: string; fileName: string }>> {
  const result = await apiGet<{ url: string; fileName: string }>(
    `/agreements/${encodeURIComponent(agreementId)}/documents/${number}`,
    {},
    { signal },
  );
  if (result.ok) window.location.assign(result.data.url);
  return result;
}
