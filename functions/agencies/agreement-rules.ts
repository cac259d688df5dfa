// Electronic agreement (전자 약정) states of A3, as a pure state machine.
//
//   draft ──issue (지사, 공단 직인)──▶ issued ──stamp (수행기관, 승인된 직인)──▶ complete
//     ▲  │                            │  │
//     │  └─discard──▶ discarded        │  └─return (수행기관, 사유)──▶ returned ──edit──▶ draft
//     └───────────────────────────────┘                               └─discard──▶ discarded
//   issued | complete ──supersede (재발급본이 발급될 때)──▶ superseded
//
// A complete agreement never changes: its PDF and hash stay as they were. To change its terms the
// branch reissues it: a new agreement (revision n+1) is drafted from it and, when that one is issued,
// the old one becomes superseded; both documents say so.

import type { AgreementAction, AgreementStatus, Side } from './codes.ts';

export type { AgreementAction, AgreementStatus, Side };

export const AGREEMENT_STATUS_LABELS: Record<AgreementStatus, string> = {
  draft: '작성 중',
  issued: '발급(수행기관 날인 대기)',
  returned: '반송(지사 수정 대기)',
  complete: '체결 완료',
  superseded: '재발급으로 대체됨',
  discarded: '폐기',
};

export const AGREEMENT_ACTION_LABELS: Record<AgreementAction, string> = {
  edit: '수정',
  issue: '발급',
  return: '반송',
  stamp: '날인',
  reissue: '재발급',
  supersede: '대체',
  discard: '폐기',
};

interface Rule {
  from: readonly AgreementStatus[];
  /** undefined: the agreement keeps its status (a reissue drafts a new agreement beside it) */
  to?: AgreementStatus;
  by: Side;
}

export const AGREEMENT_TRANSITIONS: Record<AgreementAction, Rule> = {
  edit: { from: ['draft', 'returned'], to: 'draft', by: 'kead' },
  issue: { from: ['draft'], to: 'issued', by: 'kead' },
  return: { from: ['issued'], to: 'returned', by: 'agency' },
  stamp: { from: ['issued'], to: 'complete', by: 'agency' },
  reissue: { from: ['issued', 'complete'], by: 'kead' },
  supersede: { from: ['issued', 'complete'], to: 'superseded', by: 'kead' },
  discard: { from: ['draft', 'returned'], to: 'discarded', by: 'kead' },
};

export type TransitionResult = { ok: true; to: AgreementStatus } | { ok: false; code: string; message: string };

/** What to do instead, said for the state the agreement is in. */
const HINTS: Record<AgreementStatus, string> = {
  draft: '작성 중인 약정서는 지사가 내용을 확인한 뒤 발급해야 수행기관이 날인할 수 있습니다.',
  issued: '발급한 약정서는 수행기관이 날인하거나 반송할 때까지 기다려 주세요. 내용을 바꾸려면 재발급해 주세요.',
  returned: '반송된 약정서는 지사가 내용을 고친 뒤 다시 발급해야 합니다.',
  complete: '체결이 끝난 약정서는 바꿀 수 없습니다. 내용을 바꾸려면 재발급해 주세요.',
  superseded: '이 약정서는 재발급본으로 대체되었습니다. 목록에서 최신 약정서를 열어 주세요.',
  discarded: '폐기한 약정서입니다. 새 약정서를 작성해 주세요.',
};

export function transition(status: AgreementStatus, action: AgreementAction, side: Side): TransitionResult {
  const rule = AGREEMENT_TRANSITIONS[action];
  if (rule.by !== side) {
    const who = rule.by === 'kead' ? '공단(지사)' : '수행기관';
    return {
      ok: false,
      code: 'WRONG_PARTY',
      message: `약정서 ${AGREEMENT_ACTION_LABELS[action]}은(는) ${who}만 할 수 있습니다.`,
    };
  }
  if (!rule.from.includes(status)) {
    return {
      ok: false,
      code: 'ILLEGAL_TRANSITION',
      message: `‘${AGREEMENT_STATUS_LABELS[status]}’ 상태의 약정서는 ${AGREEMENT_ACTION_LABELS[action]}할 수 없습니다. ${HINTS[status]}`,
    };
  }
  return { ok: true, to: rule.to ?? status };
}

/** The actions `side` may take on an agreement in `status`: the buttons a screen shows. */
export function availableActions(status: AgreementStatus, side: Side): AgreementAction[] {
  return (Object.keys(AGREEMENT_TRANSITIONS) as AgreementAction[]).filter(
    (action) => action !== 'supersede' && transition(status, action, side).ok,
  );
}

/** Statuses whose content is fixed: a document was issued or signed and may not be edited. */
export function isSealed(status: AgreementStatus): boolean {
  return status === 'issued' || status === 'complete' || status === 'superseded';
}

/** The agreement's key: one series per organisation and year, numbered by revision (재발급 차수). */
export function agreementIdOf(year: number, organisationId: string, revision: number): string {
  return `${year}-${organisationId}-${revision}`;
}

/** A reissue may be drafted once: while a replacement is open, the old agreement waits for it. */
export function canReissue(
  agreement: { status: AgreementStatus; replacementId?: string },
  side: Side,
): TransitionResult {
  const result = transition(agreement.status, 'reissue', side);
  if (!result.ok) return result;
  if (agreement.replacementId) {
    return {
      ok: false,
      code: 'REPLACEMENT_OPEN',
      message: `이미 재발급을 준비 중입니다(${agreement.replacementId}). 그 약정서를 발급하거나 폐기한 뒤 다시 시도해 주세요.`,
    };
  }
  return result;
}
