import { BRANCHES, branchName } from '#commons/branches';
import type { Role } from '#commons/roles';
import type { SealView } from '#functions/agencies/seal-contract';
import { koreaDay, koreaMinute } from '#kernel/korea-time';
import { type ApiResult, apiGet, apiPost } from '../core/api.ts';
import { html, type SafeHtml } from '../core/html.ts';
import type { Viewer } from '../shell/systems.ts';

// What the agencies screens share: who the viewer works for, how amounts and statuses read, the
// seal upload (presigned PUT, then the server's check) and the download of agreement PDFs.

/** The organisation (agency or institution) the viewer is staff of. */
export function ownOrganisation(viewer: Viewer): string | undefined {
  if (!viewer.signedIn) return undefined;
  const grant = viewer.grants?.find((g) => g.role === 'agency' || g.role === 'trainer');
  return grant?.agencyId ?? grant?.institutionId;
}

export function hasRole(viewer: Viewer, role: Role): boolean {
  return viewer.signedIn && viewer.roles.includes(role);
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

/** "2026. 11. 21." style is avoided: 2026-11-21 reads the same on every screen reader. */
export function day(iso: string | undefined): string {
  return iso ? koreaDay(iso) : '-';
}

export function dateTime(iso: string | undefined): string {
  return iso ? koreaMinute(iso) : '-';
}

/** A status as text in a tag (never colour alone). */
export function statusTag(label: string): SafeHtml {
  return html`<span class="app-status">${label}</span>`;
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
  const contentType = sealContentType(file);
  const started = await apiPost<{ uploadId: string; url: string; method: string; headers: Record<string, string> }>(
    '/files/uploads',
    { purpose: 'seal', contentType, size: file.size, fileName: file.name },
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
  const done = await apiPost<{ status: string }>(
    `/files/uploads/${encodeURIComponent(started.data.uploadId)}/complete`,
    {},
    { signal },
  );
  if (!done.ok) return { problem: done.problem.message };
  return { uploadId: started.data.uploadId };
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
