// The rules of consent (전자서명 동의, SPEC C2): what a worker's signature covers and when it counts,
// and the assistant's hand-signed path. Pure: no clock, no I/O.

import { createHash } from 'node:crypto';
import { type Problem, type SignedContent, sortEntries } from './entry-rules.ts';

function canonical(entry: SignedContent): unknown[] {
  return [
    entry.entryId,
    entry.assistantId,
    entry.workerId,
    entry.date,
    entry.attendance,
    entry.leaveMinutes ?? null,
    entry.start,
    entry.end,
    entry.contentCode ?? null,
    entry.otherContent ?? '',
    entry.specialNotes ?? '',
  ];
}

/**
 * SHA-256 (hex) of the entries a worker signs, in a fixed order and a fixed field order: the same
 * entries give the same digest whatever order they were read in, and any change to what the worker
 * reads gives another.
 */
export function consentDigest(entries: readonly SignedContent[]): string {
  const body = JSON.stringify({ v: 1, entries: sortEntries(entries).map(canonical) });
  return createHash('sha256').update(body, 'utf8').digest('hex');
}

/** Spaces do not count when comparing the typed name with the worker's name. */
export function sameName(typed: string, name: string): boolean {
  const squash = (text: string) => text.normalize('NFC').replace(/\s+/g, '');
  return squash(typed) !== '' && squash(typed) === squash(name);
}

export interface SignatureInput {
  typedName: string;
  agree: boolean;
  /** the digest the worker's screen showed */
  digest: string;
}

/** The worker's electronic signature: the agreement ticked, their own name typed, the same entries reviewed. */
export function signatureProblems(input: SignatureInput, workerName: string, currentDigest: string): Problem[] {
  const problems: Problem[] = [];
  if (!input.agree) {
    problems.push({
      field: 'agree',
      message: '활동 내역을 확인했고 동의한다는 항목에 체크해 주세요.',
    });
  }
  if (!sameName(input.typedName, workerName)) {
    problems.push({
      field: 'typedName',
      message: '서명란에 근로자 본인의 이름을 회원정보와 똑같이 적어 주세요.',
    });
  }
  if (problems.length === 0 && input.digest !== currentDigest) {
    problems.push({
      field: 'digest',
      message: '확인하는 동안 활동 내역이 바뀌었습니다. 화면을 새로 고쳐 바뀐 내용을 확인한 뒤 다시 서명해 주세요.',
    });
  }
  return problems;
}

/** The assistant's hand-signed path: a checked scan and the 본인 확인 tick. */
export function paperProblems(input: { identityConfirmed: boolean; uploadId?: string }): Problem[] {
  const problems: Problem[] = [];
  if (!input.uploadId) {
    problems.push({ field: 'uploadId', message: '근로자가 손으로 서명한 활동일지 스캔본을 먼저 올려 주세요.' });
  }
  if (!input.identityConfirmed) {
    problems.push({
      field: 'identityConfirmed',
      message: '근로자 본인이 서명한 것을 확인했다면 ‘본인 확인’에 체크해 주세요.',
    });
  }
  return problems;
}
