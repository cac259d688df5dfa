import type { Reader } from './notice-rules.ts';

// 담당자 업무 소통 공간 (SPEC F2), pure rules: a branch's space shared by its agencies and
// institutions, hq looking over every branch; a thread is answered once the other side has written.

export type BoardSide = 'kead' | 'organisation';

export const THREAD_STATUS_LABELS = { open: '답변 대기', answered: '답변 완료' } as const;
export type ThreadStatus = keyof typeof THREAD_STATUS_LABELS;

/** Which side a reader writes for: KEAD (hq, branch) or the organisation. */
export function sideOf(reader: Reader): BoardSide | undefined {
  if (reader.kind === 'hq' || reader.kind === 'branch') return 'kead';
  if (reader.kind === 'agency' || reader.kind === 'institution') return 'organisation';
  return undefined;
}

/** Only that branch, its organisations and hq see a branch's threads. */
export function canUseBoard(reader: Reader, branchId: string): boolean {
  switch (reader.kind) {
    case 'hq':
      return true;
    case 'branch':
    case 'agency':
    case 'institution':
      return reader.branchId === branchId;
    default:
      return false;
  }
}

/** Answered once the last post is from the side that did not ask; a new question opens it again. */
export function threadStatus(askedBy: BoardSide, lastPostBy: BoardSide): ThreadStatus {
  return askedBy === lastPostBy ? 'open' : 'answered';
}
