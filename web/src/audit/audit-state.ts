import { isRole, ROLE_LABELS } from '#commons/roles';
import type { AuditRecord } from '#functions/audit/contract';
import { shiftDay } from '#kernel/korea-time';
import type { Query } from '../core/api.ts';
import { todayInKorea } from '../core/dates.ts';

// The audit search screen's state (pure): filters in the URL, the API query, and the words for the
// codes a record carries (action, target, role, outcome).

/** One record as the search answers it: inferred from the audit contract. */
export type { AuditRecord };

export const AUDIT_PATH = '/internal/audit';
export const AUDIT_PAGE_SIZE = 20;
/** The default period: the last seven days, today included. */
export const DEFAULT_DAYS = 7;

export interface AuditFilters {
  subject: string;
  actor: string;
  from: string;
  to: string;
  page: number;
}

export function filtersFromSearch(search: URLSearchParams, now: Date): AuditFilters {
  const today = todayInKorea(now);
  const page = Number.parseInt(search.get('page') ?? '', 10);
  return {
    subject: search.get('subject') ?? '',
    actor: search.get('actor') ?? '',
    from: search.get('from') ?? shiftDay(today, -(DEFAULT_DAYS - 1)),
    to: search.get('to') ?? today,
    page: Number.isFinite(page) && page >= 1 ? page : 1,
  };
}

export function hrefFor(filters: AuditFilters): string {
  const params = new URLSearchParams();
  if (filters.subject.trim()) params.set('subject', filters.subject.trim());
  if (filters.actor.trim()) params.set('actor', filters.actor.trim());
  params.set('from', filters.from);
  params.set('to', filters.to);
  if (filters.page > 1) params.set('page', String(filters.page));
  return `${AUDIT_PATH}?${params}`;
}

export function apiQuery(filters: AuditFilters): Query {
  return { subject: filters.subject.trim(), actor: filters.actor.trim(), from: filters.from, to: filters.to };
}

export const AUDIT_FIELD_IDS: Record<string, string> = {
  subject: 'audit-subject',
  actor: 'audit-actor',
  from: 'audit-from',
  to: 'audit-to',
};

const ACTIONS: Record<string, string> = {
  'auth.login': '로그인',
  'auth.mfa': '로그인 인증번호 확인',
  'auth.new-password': '첫 로그인 새 비밀번호',
  'account.create': '회원가입',
  'account.passwordReset': '비밀번호 재설정',
  'account.withdraw': '회원탈퇴',
  'staffRequest.approve': '담당자 계정 승인',
  'staffRequest.reject': '담당자 계정 반려',
  'branchStaff.create': '지사 담당자 계정 생성',
};

/** Verbs of actions other capabilities record ('assistant.read'); the code is shown when unknown. */
const VERBS: Record<string, string> = {
  read: '열람',
  list: '목록 열람',
  create: '등록',
  update: '수정',
  delete: '삭제',
  reveal: '전체 보기',
  download: '내려받기',
  approve: '승인',
  reject: '반려',
  export: '엑셀 내려받기',
  search: '검색',
  compare: '비교 열람',
  month: '한 달 열람',
  ownList: '목록 열람(본인)',
  ownHistory: '이력 열람(본인)',
  workers: '근로자 목록 열람',
  agencyList: '기관 목록 열람',
  errorReport: '오류 보고서 내려받기',
};

const TARGETS: Record<string, string> = {
  user: '회원',
  staffRequest: '계정 신청',
  assistant: '근로지원인',
  worker: '장애인 근로자',
  serviceApplication: '서비스 신청',
  activityLog: '활동일지',
  claim: '사업비 신청',
  payroll: '급여',
  file: '파일',
  audit: '처리 기록',
  auditTrail: '처리 기록',
  matching: '매칭',
  matchings: '매칭',
  matchingRequest: '매칭의뢰',
  activityApplication: '활동 신청',
  workforce: '근로지원인 인력',
  consentRound: '동의 요청',
  leave: '연차',
  leaveNotice: '연차 사용촉진 통지',
  copayment: '본인부담금',
  attendance: '출퇴근 기록',
  attendanceImport: '출퇴근 자료',
  organisation: '기관',
  agency: '수행기관',
  branch: '지사',
};

export function actionLabel(action: string): string {
  if (ACTIONS[action]) return ACTIONS[action];
  const [target, verb] = action.split('.');
  if (target && verb && VERBS[verb]) return `${TARGETS[target] ?? target} ${VERBS[verb]}`;
  return action;
}

export function targetLabel(targetType: string): string {
  return TARGETS[targetType] ?? targetType;
}

export function roleLabel(actorRole: string): string {
  if (!actorRole || actorRole === 'none') return '로그인 전';
  return actorRole
    .split(',')
    .map((r) => (isRole(r) ? ROLE_LABELS[r] : r))
    .join(', ');
}

export const OUTCOMES: Record<AuditRecord['outcome'], string> = { success: '성공', denied: '거부', failed: '실패' };

/** The people a record names, as the table shows them: one id, or the first and how many more. */
export function subjectsLabel(record: Pick<AuditRecord, 'subjectId' | 'subjectIds'>): string {
  if (record.subjectId === 'NONE') return '-';
  const more = (record.subjectIds?.length ?? 1) - 1;
  return more > 0 ? `${record.subjectId} 외 ${more}명` : record.subjectId;
}
