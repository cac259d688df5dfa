import type { Role } from '#commons/roles';
import type { HeaderAction } from '../components/header.ts';
import type { MenuItem } from '../components/menu.ts';

// The three systems of seed 000 share one shell: the service portal (장애인서비스신청포털) for the
// public, workers and assistants; the agency/institution system; the internal KEAD system. Each is a
// SystemDefinition; its menu is computed from who is looking, so role menus slot in without
// touching the layout.

/** Who is looking at the page. Filled from the session once sign-in exists (issue 3). */
export type Viewer = { signedIn: false } | { signedIn: true; name: string; roles: readonly Role[] };

export const ANONYMOUS: Viewer = { signedIn: false };

export type SystemId = 'portal';

export interface SystemDefinition {
  id: SystemId;
  /** the organisation that runs it (header, footer, identifier) */
  owner: string;
  /** the system's name: header branding and the end of every document title */
  name: string;
  homeHref: string;
  menu(viewer: Viewer): MenuItem[];
  utility(viewer: Viewer): MenuItem[];
  actions(viewer: Viewer): HeaderAction[];
  quickMenu(viewer: Viewer): MenuItem[];
  footerLinks: MenuItem[];
  /** whether pages of this system end with the page-satisfaction question */
  satisfaction: boolean;
}

export const OWNER = '한국장애인고용공단';

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
  ],
};

const MY_PAGE: MenuItem = {
  id: 'my',
  label: '마이페이지',
  href: '/my',
  children: [
    { id: 'my-applications', label: '신청 이력', href: '/my' },
    { id: 'my-services', label: '근로지원인 서비스이력', href: '/my/services' },
    { id: 'my-copayments', label: '본인 부담금', href: '/my/copayments' },
    { id: 'my-assistant-survey', label: '근로지원인 만족도 평가', href: '/my/assistant-survey' },
    { id: 'my-agency-survey', label: '수행기관 만족도 평가', href: '/my/agency-survey' },
    { id: 'my-activity-applications', label: '근로지원인 활동 신청 이력', href: '/my/activity-applications' },
    { id: 'my-activities', label: '근로지원인 활동내역', href: '/my/activities' },
    { id: 'my-pay-slips', label: '근로지원인 급여명세서', href: '/my/pay-slips' },
    { id: 'my-trainings', label: '근로지원인 교육 신청 결과', href: '/my/trainings' },
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

export const PORTAL: SystemDefinition = {
  id: 'portal',
  owner: OWNER,
  name: '장애인서비스신청포털',
  homeHref: '/',
  menu: (viewer) => (viewer.signedIn ? [WORK_ASSISTANT, MY_PAGE, NOTICES] : [WORK_ASSISTANT, NOTICES]),
  utility: () => [],
  actions: (viewer) =>
    viewer.signedIn
      ? [{ kind: 'my', label: '마이페이지', href: '/my' }]
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
  footerLinks: [
    { id: 'privacy', label: '개인정보 처리방침', href: '/policies/privacy' },
    { id: 'terms', label: '이용약관', href: '/policies/terms' },
    { id: 'copyright', label: '저작권 보호정책', href: '/policies/copyright' },
    { id: 'no-email-collection', label: '이메일 수집 거부', href: '/policies/no-email-collection' },
  ],
  satisfaction: true,
};

export const SYSTEMS: Record<SystemId, SystemDefinition> = { portal: PORTAL };

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
