import type { Role } from '#commons/roles';
import type { HeldRole } from '#functions/identity/sign-in-contract';
import type { HeaderAction } from '../components/header.ts';
import { type MenuItem, visibleTo } from '../components/menu.ts';

// The three systems of seed 000 share one shell: the service portal (장애인서비스신청포털) for the
// public, workers and assistants; the agency/institution system (수행기관·교육기관 시스템); the internal
// KEAD system (내부 시스템) for headquarters and branches. The youth program's operators and support
// centre (seed 001) get a fourth system of the same kind. Each is a SystemDefinition; its menu is
// computed from who is looking, so role menus slot in without touching the layout.

/** One role the signed-in person holds, with its scope and the name of the office or organisation. */
/** One role the viewer holds, as GET /api/me answers it (inferred from the sign-in contract). */
export type ViewerGrant = HeldRole;

/** Who is looking at the page: anonymous, or the person GET /api/me described after sign-in. */
export type Viewer =
  | { signedIn: false }
  | {
      signedIn: true;
      name: string;
      roles: readonly Role[];
      userId?: string;
      grants?: readonly ViewerGrant[];
      /** masked, as the server shows it (010-****-0104) */
      phone?: string;
    };

export const ANONYMOUS: Viewer = { signedIn: false };

export type SystemId = 'portal' | 'agency' | 'internal' | 'youth';

export interface SystemDefinition {
  id: SystemId;
  /** the organisation that runs it (header, footer, identifier) */
  owner: string;
  /** the system's name: header branding and the end of every document title */
  name: string;
  homeHref: string;
  loginHref: string;
  /** the path prefix of the system's pages; the portal ('') serves every path no other system claims */
  basePath: string;
  /** who may use the system's signed-in pages; undefined: every signed-in person */
  roles?: readonly Role[];
  /** whether the page at `path` shows only to a signed-in person */
  needsSignIn(path: string): boolean;
  menu(viewer: Viewer): MenuItem[];
  utility(viewer: Viewer): MenuItem[];
  actions(viewer: Viewer): HeaderAction[];
  quickMenu(viewer: Viewer): MenuItem[];
  footerLinks: MenuItem[];
  /** whether pages of this system end with the page-satisfaction question */
  satisfaction: boolean;
}

export const OWNER = '한국장애인고용공단';

const rolesOf = (viewer: Viewer): readonly Role[] => (viewer.signedIn ? viewer.roles : []);

const FOOTER_LINKS: MenuItem[] = [
  { id: 'privacy', label: '개인정보 처리방침', href: '/policies/privacy' },
  { id: 'terms', label: '이용약관', href: '/policies/terms' },
  { id: 'copyright', label: '저작권 보호정책', href: '/policies/copyright' },
  { id: 'no-email-collection', label: '이메일 수집 거부', href: '/policies/no-email-collection' },
];

// ── 장애인서비스신청포털 ──────────────────────────────────────────────────────────────────────

/** The portal's work-assistant section, as listed in seed 000's portal menu. */
const WORK_ASSISTANT: MenuItem = {
  id: 'work-assistant',
  label: '근로지원인 서비스',
  href: '/work-assistant',
  children: [
    { id: 'wa-about', label: '근로지원인 사업 안내', href: '/work-assistant' },
    { id: 'wa-organisations', label: '근로지원인 서비스 지원기관', href: '/work-assistant/organisations' },
    { id: 'wa-apply', label: '근로지원인 서비스 신청', href: '/work-assistant/apply' },
    { id: 'wa-consent', label: '전자서명 동의', href: '/work-assistant/consent' },
    { id: 'wa-jobs', label: '근로지원인 구인정보 조회', href: '/work-assistant/jobs' },
    { id: 'wa-activity-application', label: '근로지원인 활동 신청', href: '/work-assistant/activity-application' },
    { id: 'wa-activity-logs', label: '근로지원인 활동일지 등록', href: '/work-assistant/activity-logs' },
    { id: 'wa-consent-requests', label: '전자서명 동의 요청', href: '/work-assistant/consent-requests' },
    { id: 'wa-trainings', label: '근로지원인 교육 안내 및 신청', href: '/work-assistant/trainings' },
    { id: 'wa-certificate', label: '수료증 확인', href: '/training-certificate' },
  ],
};

/** Youth work-experience participants (seed 001): apply, answer the survey, ask for the certificate. */
const YOUTH: MenuItem = {
  id: 'youth',
  label: '청년일경험',
  href: '/youth',
  roles: ['youth'],
  children: [
    { id: 'youth-apply', label: '청년일경험 프로그램 신청', href: '/youth' },
    { id: 'youth-survey', label: '청년일경험 만족도 조사', href: '/youth/survey' },
    { id: 'youth-certificates', label: '수료증 신청', href: '/youth/certificates' },
  ],
};

/** Job matching (seed 002): job seekers register and get recommendations; employers post openings. */
const JOBS: MenuItem = {
  id: 'jobs',
  label: '일자리',
  href: '/jobs',
  roles: ['jobseeker', 'employer'],
  children: [
    { id: 'jobs-registration', label: '구직 등록', href: '/jobs', roles: ['jobseeker'] },
    { id: 'jobs-recommendations', label: '맞춤 일자리 추천', href: '/jobs/recommendations', roles: ['jobseeker'] },
    { id: 'jobs-postings', label: '구인 공고 등록', href: '/jobs/postings', roles: ['employer'] },
    { id: 'jobs-internship', label: '장애인 인턴제', href: '/jobs/internship', roles: ['employer'] },
  ],
};

const MY_PAGE: MenuItem = {
  id: 'my',
  label: '마이페이지',
  href: '/my',
  children: [
    { id: 'my-applications', label: '신청 이력', href: '/my' },
    { id: 'my-services', label: '근로지원인 서비스이력', href: '/my/services', roles: ['worker'] },
    { id: 'my-copayments', label: '본인 부담금', href: '/my/copayments', roles: ['worker'] },
    { id: 'my-assistant-survey', label: '근로지원인 만족도 평가', href: '/my/assistant-survey', roles: ['worker'] },
    { id: 'my-agency-survey', label: '수행기관 만족도 평가', href: '/my/agency-survey', roles: ['worker'] },
    {
      id: 'my-activity-applications',
      label: '근로지원인 활동 신청 이력',
      href: '/my/activity-applications',
      roles: ['assistant'],
    },
    { id: 'my-activities', label: '근로지원인 활동내역', href: '/my/activities', roles: ['assistant'] },
    { id: 'my-pay-slips', label: '근로지원인 급여명세서', href: '/my/pay-slips', roles: ['assistant'] },
    { id: 'my-annual-leave', label: '나의 연차', href: '/my/annual-leave', roles: ['assistant'] },
    { id: 'my-trainings', label: '근로지원인 교육 신청 결과', href: '/my/trainings', roles: ['assistant'] },
    { id: 'my-profile', label: '회원정보수정/탈퇴', href: '/my/profile' },
  ],
};

const NOTICES: MenuItem = {
  id: 'notices',
  label: '알림마당',
  href: '/notices',
  children: [
    { id: 'notices-list', label: '공지사항', href: '/notices' },
    { id: 'notices-forms', label: '서식 자료실', href: '/notices/forms' },
  ],
};

/** Paths of the portal that only a signed-in person sees (their own records). */
const PORTAL_PRIVATE = [/^\/my(\/|$)/, /^\/youth(\/|$)/, /^\/jobs(\/|$)/];

export const PORTAL: SystemDefinition = {
  id: 'portal',
  owner: OWNER,
  name: '장애인서비스신청포털',
  homeHref: '/',
  loginHref: '/login',
  basePath: '',
  needsSignIn: (path) => PORTAL_PRIVATE.some((re) => re.test(path)),
  menu: (viewer) =>
    viewer.signedIn
      ? visibleTo([WORK_ASSISTANT, YOUTH, JOBS, MY_PAGE, NOTICES], viewer.roles)
      : [WORK_ASSISTANT, NOTICES],
  utility: (viewer) => otherSystems(viewer, 'portal'),
  actions: (viewer) =>
    viewer.signedIn
      ? [{ kind: 'my', label: '마이페이지', href: '/my/profile' }]
      : [
          { kind: 'login', label: '로그인', href: '/login' },
          { kind: 'join', label: '회원가입', href: '/signup' },
        ],
  // Seed 000's Quick Menu, limited to this product's services (the seed's 직업능력평가포털 and
  // 출퇴근 비용신청 belong to other KEAD programs).
  quickMenu: () => [
    { id: 'q-organisations', label: '지원기관 찾기', href: '/work-assistant/organisations' },
    { id: 'q-apply', label: '근로지원인 서비스 신청', href: '/work-assistant/apply' },
    { id: 'q-activity-logs', label: '근로지원인 활동 등록', href: '/work-assistant/activity-logs' },
    { id: 'q-copayments', label: '본인 부담금 조회', href: '/my/copayments' },
  ],
  footerLinks: FOOTER_LINKS,
  satisfaction: true,
};

// ── 수행기관·교육기관 시스템 ──────────────────────────────────────────────────────────────────

const AGENCY_MENU: MenuItem[] = [
  {
    id: 'ag-organisation',
    label: '기관 관리',
    href: '/agency/organisation',
    children: [
      { id: 'ag-organisation-info', label: '기관 정보', href: '/agency/organisation' },
      { id: 'ag-seal', label: '직인 관리', href: '/agency/seal', roles: ['agency'] },
      { id: 'ag-agreements', label: '전자 약정', href: '/agency/agreements', roles: ['agency'] },
    ],
  },
  {
    id: 'ag-assistants',
    label: '근로지원인 관리',
    href: '/agency/assistants',
    roles: ['agency'],
    children: [
      { id: 'ag-assistants-list', label: '근로지원인 등록', href: '/agency/assistants' },
      { id: 'ag-matchings', label: '매칭 관리', href: '/agency/matchings' },
      { id: 'ag-job-postings', label: '구인정보 관리', href: '/agency/job-postings' },
      { id: 'ag-activity-applications', label: '활동 신청 관리', href: '/agency/activity-applications' },
      { id: 'ag-workforce', label: '근로지원인 인력조회', href: '/agency/workforce' },
      { id: 'ag-completers', label: '교육 수료자 조회', href: '/agency/completers' },
    ],
  },
  {
    id: 'ag-activity',
    label: '근로지원인 활동 관리',
    href: '/agency/activity-logs',
    roles: ['agency'],
    children: [
      { id: 'ag-activity-logs', label: '활동일지 관리', href: '/agency/activity-logs' },
      { id: 'ag-attendance', label: '출퇴근 관리', href: '/agency/attendance' },
      { id: 'ag-comparison', label: '근무이력 비교', href: '/agency/comparison' },
    ],
  },
  {
    id: 'ag-money',
    label: '사업비',
    href: '/agency/claims',
    roles: ['agency'],
    children: [
      { id: 'ag-claims', label: '사업비 신청', href: '/agency/claims' },
      { id: 'ag-settlements', label: '사업비 정산 신청', href: '/agency/settlements' },
      { id: 'ag-copayments', label: '본인부담금 관리', href: '/agency/copayments' },
    ],
  },
  {
    id: 'ag-employment',
    label: '연차·급여',
    href: '/agency/annual-leave',
    roles: ['agency'],
    children: [
      { id: 'ag-annual-leave', label: '연차 관리', href: '/agency/annual-leave' },
      { id: 'ag-payroll', label: '급여 관리', href: '/agency/payroll' },
    ],
  },
  {
    id: 'ag-training',
    label: '교육사업',
    href: '/agency/courses',
    roles: ['trainer'],
    children: [
      { id: 'ag-courses', label: '교육과정 개설', href: '/agency/courses' },
      { id: 'ag-course-applications', label: '교육신청 관리', href: '/agency/course-applications' },
      { id: 'ag-course-results', label: '교육결과 관리', href: '/agency/course-results' },
      { id: 'ag-training-claims', label: '교육비 신청', href: '/agency/training-claims' },
    ],
  },
  {
    id: 'ag-board',
    label: '알림·소통',
    href: '/agency/notices',
    children: [
      { id: 'ag-notices', label: '공지사항 및 서식 자료실', href: '/agency/notices' },
      { id: 'ag-communication', label: '담당자 업무 소통 공간', href: '/agency/board' },
    ],
  },
];

/** Pages of a staff system that a person who is not signed in may open: sign-in, account requests. */
function staffNeedsSignIn(basePath: string, publicPaths: readonly string[]) {
  return (path: string) => !publicPaths.some((p) => path === `${basePath}${p}`);
}

const STAFF_PUBLIC = ['/login', '/password-reset', '/account-request'];

/**
 * A staff work system (agency, internal, youth programme): signed-in only except its public pages,
 * a role-filtered menu, links to the person's other systems, no quick menu, no satisfaction question.
 */
function staffSystem(system: {
  id: SystemId;
  name: string;
  basePath: string;
  roles: readonly Role[];
  menu: readonly MenuItem[];
  publicPaths: readonly string[];
  /** what a signed-out visitor may do besides logging in (e.g. request an account) */
  signedOutActions?: ReturnType<SystemDefinition['actions']>;
}): SystemDefinition {
  const loginHref = `${system.basePath}/login`;
  return {
    id: system.id,
    owner: OWNER,
    name: system.name,
    homeHref: system.basePath,
    loginHref,
    basePath: system.basePath,
    roles: system.roles,
    needsSignIn: staffNeedsSignIn(system.basePath, system.publicPaths),
    menu: (viewer) => (viewer.signedIn ? visibleTo(system.menu, viewer.roles) : []),
    utility: (viewer) => otherSystems(viewer, system.id),
    actions: (viewer) =>
      viewer.signedIn ? [] : [{ kind: 'login', label: '로그인', href: loginHref }, ...(system.signedOutActions ?? [])],
    quickMenu: () => [],
    footerLinks: FOOTER_LINKS,
    satisfaction: false,
  };
}

export const AGENCY: SystemDefinition = staffSystem({
  id: 'agency',
  name: '수행기관·교육기관 시스템',
  basePath: '/agency',
  roles: ['agency', 'trainer'],
  menu: AGENCY_MENU,
  publicPaths: STAFF_PUBLIC,
  signedOutActions: [{ kind: 'join', label: '계정 신청', href: '/agency/account-request' }],
});

// ── 내부 시스템 (본부·소속기관) ─────────────────────────────────────────────────────────────────

const INTERNAL_MENU: MenuItem[] = [
  {
    id: 'int-program',
    label: '근로지원인 사업',
    href: '/internal/applications',
    children: [
      { id: 'int-applications', label: '서비스 신청 접수', href: '/internal/applications' },
      { id: 'int-evaluations', label: '평가', href: '/internal/evaluations' },
      { id: 'int-matching-requests', label: '매칭의뢰', href: '/internal/matching-requests' },
      { id: 'int-workforce', label: '근로지원인 인력조회', href: '/internal/workforce' },
    ],
  },
  {
    // issue 15 §3: the agencies' screens, read only, within the branch's (hq: every branch's) scope
    id: 'int-agency-work',
    label: '수행기관 업무 현황',
    href: '/internal/activity-logs',
    roles: ['branch', 'hq'],
    children: [
      { id: 'int-activity-logs', label: '활동일지 관리', href: '/internal/activity-logs', roles: ['branch', 'hq'] },
      {
        id: 'int-attendance-comparison',
        label: '근무이력 비교',
        href: '/internal/attendance-comparison',
        roles: ['branch', 'hq'],
      },
      { id: 'int-assistants', label: '근로지원인 등록', href: '/internal/assistants', roles: ['branch', 'hq'] },
      { id: 'int-matchings', label: '매칭 관리', href: '/internal/matchings', roles: ['branch', 'hq'] },
      { id: 'int-leave', label: '연차 관리', href: '/internal/leave', roles: ['branch', 'hq'] },
      { id: 'int-payroll', label: '급여 관리', href: '/internal/payroll', roles: ['branch', 'hq'] },
    ],
  },
  {
    id: 'int-organisations',
    label: '수행기관 관리',
    href: '/internal/agencies',
    children: [
      { id: 'int-agencies', label: '수행기관 관리', href: '/internal/agencies' },
      { id: 'int-institutions', label: '양성교육기관 관리', href: '/internal/institutions' },
      { id: 'int-training-courses', label: '교육과정 목록', href: '/internal/training-courses' },
      { id: 'int-seals', label: '직인 승인', href: '/internal/seals' },
      { id: 'int-agreements', label: '전자 약정', href: '/internal/agreements' },
      { id: 'int-inspections', label: '지도점검 관리', href: '/internal/inspections' },
    ],
  },
  {
    id: 'int-money',
    label: '사업비',
    href: '/internal/claims',
    children: [
      { id: 'int-claims', label: '사업비 신청 결정', href: '/internal/claims' },
      { id: 'int-settlements', label: '사업비 정산', href: '/internal/settlements' },
      { id: 'int-training-claims', label: '교육비 결정', href: '/internal/training-claims' },
      { id: 'int-rates', label: '연도별 요율표', href: '/internal/rates', roles: ['hq'] },
      { id: 'int-rate-corrections', label: '요율 정정 차액', href: '/internal/rate-corrections' },
    ],
  },
  {
    id: 'int-accounts',
    label: '계정·기록 관리',
    href: '/internal/staff-requests',
    children: [
      { id: 'int-staff-requests', label: '기관 담당자 계정 승인', href: '/internal/staff-requests' },
      { id: 'int-branch-staff', label: '지사 담당자 계정 만들기', href: '/internal/branch-staff', roles: ['hq'] },
      { id: 'int-audit', label: '개인정보 처리 기록 조회', href: '/internal/audit' },
      { id: 'int-page-feedback', label: '페이지 만족도 현황', href: '/internal/page-feedback', roles: ['hq'] },
    ],
  },
  {
    id: 'int-board',
    label: '알림·소통',
    href: '/internal/notices',
    children: [
      { id: 'int-notices', label: '공지사항 및 서식 자료실', href: '/internal/notices' },
      { id: 'int-communication', label: '담당자 업무 소통 공간', href: '/internal/board' },
    ],
  },
];

export const INTERNAL: SystemDefinition = staffSystem({
  id: 'internal',
  name: '근로지원인 내부 시스템',
  basePath: '/internal',
  roles: ['hq', 'branch'],
  menu: INTERNAL_MENU,
  publicPaths: ['/login', '/password-reset'],
});

// ── 청년일경험 운영 시스템 (seed 001) ─────────────────────────────────────────────────────────

const YOUTH_PROGRAM_MENU: MenuItem[] = [
  {
    id: 'yp-programs',
    label: '프로그램 관리',
    href: '/youth-program/programs',
    children: [
      { id: 'yp-programs-list', label: '프로그램 등록·관리', href: '/youth-program/programs' },
      { id: 'yp-companies', label: '참여기업 관리', href: '/youth-program/companies', roles: ['operator'] },
    ],
  },
  {
    id: 'yp-participants',
    label: '참여자 관리',
    href: '/youth-program/participants',
    children: [
      { id: 'yp-participants-list', label: '참여자 선발·관리', href: '/youth-program/participants' },
      { id: 'yp-surveys', label: '만족도 조사', href: '/youth-program/surveys' },
    ],
  },
  {
    id: 'yp-certificates',
    label: '수료증',
    href: '/youth-program/certificates',
    roles: ['center'],
    children: [
      { id: 'yp-certificates-approval', label: '수료증 발급 승인', href: '/youth-program/certificates' },
      { id: 'yp-operator-requests', label: '운영기관 계정 승인', href: '/youth-program/operator-requests' },
    ],
  },
];

export const YOUTH_PROGRAM: SystemDefinition = staffSystem({
  id: 'youth',
  name: '청년일경험 운영 시스템',
  basePath: '/youth-program',
  roles: ['operator', 'center'],
  menu: YOUTH_PROGRAM_MENU,
  publicPaths: ['/login', '/password-reset'],
});

export const SYSTEMS: Record<SystemId, SystemDefinition> = {
  portal: PORTAL,
  agency: AGENCY,
  internal: INTERNAL,
  youth: YOUTH_PROGRAM,
};

/** Staff systems in the order a person holding several roles is taken to after sign-in. */
const STAFF_SYSTEMS = [INTERNAL, AGENCY, YOUTH_PROGRAM];

/** The system whose pages live under `path` (the portal serves every path no other system claims). */
export function systemForPath(path: string): SystemDefinition {
  return STAFF_SYSTEMS.find((s) => path === s.basePath || path.startsWith(`${s.basePath}/`)) ?? PORTAL;
}

/** Whether the viewer may use the system's signed-in pages. */
export function canUse(system: SystemDefinition, viewer: Viewer): boolean {
  if (!viewer.signedIn) return false;
  return !system.roles || system.roles.some((role) => viewer.roles.includes(role));
}

/** Where a person lands after sign-in: their work system, or the portal for portal-only roles. */
export function homeSystemOf(viewer: Viewer): SystemDefinition {
  return STAFF_SYSTEMS.find((s) => canUse(s, viewer)) ?? PORTAL;
}

/** Links to the other systems the viewer may use (a worker who is also agency staff, hq on the portal). */
function otherSystems(viewer: Viewer, current: SystemId): MenuItem[] {
  const roles = rolesOf(viewer);
  if (!roles.length) return [];
  return Object.values(SYSTEMS)
    .filter((s) => s.id !== current && (s.id === 'portal' || canUse(s, viewer)))
    .map((s) => ({ id: `system-${s.id}`, label: s.name, href: s.homeHref }));
}

/** Every page the system links to (menus, quick menu, footer), for titles of pages not built yet. */
export function linkedPages(system: SystemDefinition, viewer: Viewer): MenuItem[] {
  const flatten = (items: readonly MenuItem[]): MenuItem[] => items.flatMap((i) => [i, ...flatten(i.children ?? [])]);
  return [
    ...flatten(system.menu(viewer)),
    ...system.quickMenu(viewer),
    ...system.footerLinks,
    ...system.actions(viewer).map((a) => ({ id: a.kind, label: a.label, href: a.href })),
  ];
}
