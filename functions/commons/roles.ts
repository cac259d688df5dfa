// Roles of SPEC §1, defined once. Cognito groups mirror these names exactly.
export const ROLES = [
  'hq',
  'branch',
  'agency',
  'trainer',
  'assistant',
  'worker',
  'operator',
  'center',
  'youth',
  'jobseeker',
  'employer',
] as const;

export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  hq: '본부',
  branch: '소속기관(지사)',
  agency: '수행기관',
  trainer: '교육기관',
  assistant: '근로지원인',
  worker: '장애인 근로자',
  operator: '운영기관',
  center: '통합지원센터',
  youth: '청년 참여자',
  jobseeker: '구직자',
  employer: '구인기업',
};

/** Staff roles log in with ID + password + SMS code; SPEC §1 requires it for every staff role. */
export const STAFF_ROLES: readonly Role[] = ['hq', 'branch', 'agency', 'trainer', 'operator', 'center'];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
