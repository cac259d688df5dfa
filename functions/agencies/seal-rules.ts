// Seal (직인) rules of A2, pure. An organisation's seal is a series of versions: the agency uploads
// an image and asks for approval (승인 요청); its branch approves it or rejects it with a reason.
// Approving a new version retires the one approved before; nothing is ever deleted, so the history
// shows every image the organisation used and when. Only the approved version can stamp.

import type { SealStatus } from './codes.ts';

export type { SealStatus };
export type SealDecision = 'approve' | 'reject';

export const SEAL_STATUS_LABELS: Record<SealStatus, string> = {
  requested: '승인 요청',
  approved: '승인',
  rejected: '반려',
  retired: '이전 직인',
};

/** The owner id of KEAD's own seal (the party 갑 of every agreement). */
export const KEAD_SEAL_OWNER = 'KEAD';

export interface SealVersion {
  version: number;
  status: SealStatus;
}

export type RuleResult<T> = { ok: true; value: T } | { ok: false; code: string; message: string };

const refuse = (code: string, message: string) => ({ ok: false as const, code, message });

/** May a new image be submitted? One request at a time, so the branch decides on one thing. */
export function canRequestSeal(history: readonly SealVersion[]): RuleResult<{ version: number }> {
  const pending = history.find((seal) => seal.status === 'requested');
  if (pending) {
    return refuse(
      'SEAL_PENDING',
      `승인을 기다리는 직인(${pending.version}번째 등록)이 있습니다. 지사가 승인하거나 반려한 뒤에 새 직인을 올려 주세요.`,
    );
  }
  return { ok: true, value: { version: nextSealVersion(history) } };
}

export function nextSealVersion(history: readonly SealVersion[]): number {
  return history.reduce((max, seal) => Math.max(max, seal.version), 0) + 1;
}

/** The branch's decision on one version: only a request can be decided, a rejection needs a reason. */
export function decideSeal(
  seal: SealVersion,
  decision: SealDecision,
  reason: string | undefined,
): RuleResult<{ status: SealStatus }> {
  if (seal.status !== 'requested') {
    return refuse(
      'SEAL_ALREADY_DECIDED',
      `이미 처리한 직인입니다(현재 상태: ${SEAL_STATUS_LABELS[seal.status]}). 목록을 새로 고쳐 확인해 주세요.`,
    );
  }
  if (decision === 'reject' && !reason?.trim()) {
    return refuse('REASON_REQUIRED', '반려할 때는 수행기관이 고칠 수 있도록 반려 사유를 입력해 주세요.');
  }
  return { ok: true, value: { status: decision === 'approve' ? 'approved' : 'rejected' } };
}

/** The version that stamps today: the approved one (at most one is approved at a time). */
export function currentSeal<S extends SealVersion>(history: readonly S[]): S | undefined {
  return [...history].sort((a, b) => b.version - a.version).find((seal) => seal.status === 'approved');
}

/** Versions to retire when `approving` is approved: every other approved one. */
export function sealsToRetire<S extends SealVersion>(history: readonly S[], approving: number): S[] {
  return history.filter((seal) => seal.status === 'approved' && seal.version !== approving);
}

/** Stamping needs an approved seal; the message says what to do when there is none. */
export function sealForStamping<S extends SealVersion>(history: readonly S[], owner: 'kead' | 'agency'): RuleResult<S> {
  const seal = currentSeal(history);
  if (seal) return { ok: true, value: seal };
  return owner === 'kead'
    ? refuse(
        'KEAD_SEAL_MISSING',
        '승인된 공단 직인이 없어 약정서를 발급할 수 없습니다. 본부에 공단 직인 등록을 요청해 주세요.',
      )
    : refuse(
        'AGENCY_SEAL_MISSING',
        '승인된 직인이 없어 날인할 수 없습니다. ‘직인 관리’에서 직인을 올리고 지사의 승인을 받은 뒤 날인해 주세요.',
      );
}
