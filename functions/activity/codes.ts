import { ATTENDANCE_KINDS } from '#kernel/attendance-kinds';

// Code lists of the activity log (활동일지, SPEC C1), defined once: the rules, the routes, the PDF and
// the screens read these. Pure data, no imports beyond the kernel, so the web bundle can use them too.

/**
 * 근태 (attendance type) of one entry, and what the monthly claim and the leave ledger make of it:
 * the kernel's one table of attendance kinds (functions/kernel/attendance-kinds.ts), where each code
 * names its claim-engine entry type and, for leave, the leave-ledger kind it counts as.
 */
export const ATTENDANCE_TYPES = ATTENDANCE_KINDS;

/**
 * 활동내용: what the assistant helped with. Seed 000 shows a code list without its values; these are
 * the tasks the programme's 업무보조형 and 의사소통지원형 support describe, with 기타 for anything
 * else (then 기타 활동내용 says what).
 */
export const CONTENT_CODES = [
  { code: 'C01', label: '서류 작성·정리 보조' },
  { code: 'C02', label: '컴퓨터·전산 업무 보조' },
  { code: 'C03', label: '자료 검색·복사·출력 보조' },
  { code: 'C04', label: '물품 운반·정리 보조' },
  { code: 'C05', label: '이동·출장 동행 보조' },
  { code: 'C06', label: '의사소통 보조(대필·낭독·전화)' },
  { code: 'C07', label: '수어 통역' },
  { code: 'C08', label: '회의·교육 참석 보조' },
  { code: 'C09', label: '작업 준비·정리 보조' },
  { code: 'C99', label: '기타' },
] as const;

export type ContentCode = (typeof CONTENT_CODES)[number]['code'];
export const CONTENT_CODE_VALUES = CONTENT_CODES.map((c) => c.code) as [ContentCode, ...ContentCode[]];
export const OTHER_CONTENT_CODE: ContentCode = 'C99';

export function contentLabel(code: string | undefined | null): string {
  return CONTENT_CODES.find((c) => c.code === code)?.label ?? '';
}

/** 휴가시간 choices: half-hour steps up to a full day (8 hours). */
export const LEAVE_MINUTE_CHOICES = Array.from({ length: 16 }, (_, i) => (i + 1) * 30);

export function leaveTimeLabel(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const text = m === 0 ? `${h}시간` : h === 0 ? `${m}분` : `${h}시간 ${m}분`;
  if (minutes === 480) return `${text}(종일)`;
  if (minutes === 240) return `${text}(반차)`;
  if (minutes === 120) return `${text}(반반차)`;
  return text;
}

export const OTHER_CONTENT_MAX = 200;
export const SPECIAL_NOTES_MAX = 2000;
/** Entries of one assistant for one worker on one day; keeps a month's consent within one transaction. */
export const MAX_ENTRIES_PER_DAY = 3;

/** Characters as a person counts them (a Hangul syllable is one), the same on the screen and here. */
export function characterCount(text: string | undefined | null): number {
  return text ? Array.from(text).length : 0;
}

/** 근로자 동의여부 as the list shows it. */
export const CONSENT_STATE_LABELS = {
  unsigned: '미요청',
  requested: '동의 요청 중',
  signed: '동의 완료',
} as const;

export type ConsentState = keyof typeof CONSENT_STATE_LABELS;

/** How a round was signed; the paper path is named so wherever a signature shows. */
export const SIGNING_METHOD_LABELS = {
  electronic: '전자서명',
  paper: '수기 서명본 첨부(본인 확인)',
} as const;

export type SigningMethod = keyof typeof SIGNING_METHOD_LABELS;

export const ROUND_STATUS_LABELS = {
  requested: '서명 대기',
  signed: '서명 완료',
  withdrawn: '요청 취소',
} as const;

export type RoundStatus = keyof typeof ROUND_STATUS_LABELS;

export const ROUND_KIND_LABELS = {
  initial: '동의 요청',
  correction: '정정 후 재동의',
} as const;

export type RoundKind = keyof typeof ROUND_KIND_LABELS;
