// 공지사항 및 서식 자료실 (SPEC F2), pure rules: who a notice is for, who may publish to whom, the
// Korean search (with 초성: "ㄱㅈㅈㅅ" finds "근로지원 정산"), the order of the list, and whether an
// organisation's acknowledgement still counts after the notice changed.

export const NOTICE_KINDS = [
  { code: 'notice', label: '공지사항' },
  { code: 'form', label: '서식 자료' },
] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number]['code'];
export const NOTICE_KIND_CODES = NOTICE_KINDS.map((k) => k.code) as [NoticeKind, ...NoticeKind[]];

export const AUDIENCES = [
  { code: 'everyone', label: '모두 (포털 공개)' },
  { code: 'agencies', label: '전국 수행기관' },
  { code: 'institutions', label: '전국 양성교육기관' },
  { code: 'branchAgencies', label: '지사 관할 수행기관' },
] as const;
export type Audience = (typeof AUDIENCES)[number]['code'];
export const AUDIENCE_CODES = AUDIENCES.map((a) => a.code) as [Audience, ...Audience[]];

export function audienceLabel(audience: Audience, branchName?: string): string {
  if (audience === 'branchAgencies') return `${branchName ?? '지사'} 관할 수행기관`;
  return AUDIENCES.find((a) => a.code === audience)!.label;
}

/** Who is looking, as far as notices care. */
export type Reader =
  | { kind: 'public' }
  | { kind: 'hq' }
  | { kind: 'branch'; branchId: string }
  | { kind: 'agency'; organisationId: string; branchId: string }
  | { kind: 'institution'; organisationId: string; branchId: string }
  | { kind: 'person' };

export interface NoticeAudience {
  audience: Audience;
  /** for branchAgencies: whose agencies */
  audienceBranchId?: string;
  /** the publisher's office: 'HQ' or a branch id */
  publisherOffice: string;
}

/** Whether `reader` may read a notice meant for `n`. */
export function canRead(reader: Reader, n: NoticeAudience): boolean {
  if (n.audience === 'everyone') return true;
  switch (reader.kind) {
    case 'hq':
      return true;
    case 'branch':
      // a branch reads national notices and its own branch's; not another branch's letters to its agencies
      return n.audience !== 'branchAgencies' || n.audienceBranchId === reader.branchId;
    case 'agency':
      return n.audience === 'agencies' || (n.audience === 'branchAgencies' && n.audienceBranchId === reader.branchId);
    case 'institution':
      return n.audience === 'institutions';
    default:
      return false;
  }
}

/** Whether a publisher may address this audience: hq any; a branch only its own agencies or everyone. */
export function publishProblem(
  publisher: { kind: 'hq' } | { kind: 'branch'; branchId: string },
  n: Pick<NoticeAudience, 'audience' | 'audienceBranchId'>,
): string | undefined {
  if (n.audience === 'branchAgencies' && !n.audienceBranchId) return '공지 대상 지사를 골라 주세요.';
  if (publisher.kind === 'hq') return undefined;
  if (n.audience === 'agencies' || n.audience === 'institutions')
    return '전국 기관 대상 공지는 본부만 올릴 수 있습니다. 지사는 관할 수행기관이나 모두에게 올릴 수 있습니다.';
  if (n.audience === 'branchAgencies' && n.audienceBranchId !== publisher.branchId)
    return '다른 지사 관할 수행기관에는 공지를 올릴 수 없습니다.';
  return undefined;
}

/** Which kinds of organisation must acknowledge a notice, and of which branch (undefined: all branches). */
export function acknowledgingOrganisations(n: Pick<NoticeAudience, 'audience' | 'audienceBranchId'>): {
  kinds: ('agency' | 'institution')[];
  branchId?: string;
} {
  switch (n.audience) {
    case 'agencies':
      return { kinds: ['agency'] };
    case 'institutions':
      return { kinds: ['institution'] };
    case 'branchAgencies':
      return { kinds: ['agency'], branchId: n.audienceBranchId };
    default:
      return { kinds: ['agency', 'institution'] };
  }
}

// ── search ──────────────────────────────────────────────────────────────────────────────────────

const CHOSEONG = 'ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ';
const SYLLABLE_FIRST = 0xac00;
const SYLLABLE_LAST = 0xd7a3;

/** The initial consonants of the Hangul syllables of `text` (other characters kept as they are). */
export function choseongOf(text: string): string {
  return Array.from(text)
    .map((ch) => {
      const code = ch.codePointAt(0)!;
      if (code < SYLLABLE_FIRST || code > SYLLABLE_LAST) return ch;
      return CHOSEONG[Math.floor((code - SYLLABLE_FIRST) / 588)]!;
    })
    .join('');
}

const isChoseongOnly = (text: string) => /^[ㄱ-ㅎ]+$/.test(text);
const normalise = (text: string) => text.normalize('NFC').toLowerCase().replace(/\s+/g, '');

/**
 * Whether a notice matches the search words: every word (split on spaces) must occur in the title or
 * the text, ignoring spaces and case; a word of initial consonants only (ㄱㅈ) matches their 초성.
 */
export function matchesSearch(n: { title: string; body: string }, query: string): boolean {
  const words = query.normalize('NFC').trim().split(/\s+/).filter(Boolean);
  if (!words.length) return true;
  const text = normalise(`${n.title} ${n.body}`);
  const initials = normalise(choseongOf(`${n.title} ${n.body}`));
  return words.every((word) => {
    const w = normalise(word);
    return isChoseongOnly(w) ? initials.includes(w) : text.includes(w);
  });
}

/** Pinned first (newest pin first), then newest first. */
export function noticeOrder(
  a: { pinned: boolean; publishedAt: string },
  b: { pinned: boolean; publishedAt: string },
): number {
  if (a.pinned !== b.pinned) return a.pinned ? -1 : 1;
  return b.publishedAt.localeCompare(a.publishedAt);
}

// ── acknowledgement ─────────────────────────────────────────────────────────────────────────────

export type AckState = 'notRequired' | 'pending' | 'acknowledged' | 'changed';

export const ACK_STATE_LABELS: Record<AckState, string> = {
  notRequired: '확인 필요 없음',
  pending: '확인 전',
  acknowledged: '확인함',
  changed: '바뀐 내용 확인 전',
};

/**
 * An organisation's acknowledgement counts only for the revision it read: a changed notice asks
 * again ('changed' when an earlier revision was read).
 */
export function ackState(
  n: { requiresAck: boolean; revision: number },
  ack: { revision: number } | undefined,
): AckState {
  if (!n.requiresAck) return 'notRequired';
  if (!ack) return 'pending';
  return ack.revision >= n.revision ? 'acknowledged' : 'changed';
}

/** Whether an edit changes what readers acknowledged (title or text), so that they must read it again. */
export function contentChanged(
  before: { title: string; body: string },
  after: { title: string; body: string },
): boolean {
  return before.title !== after.title || before.body !== after.body;
}
