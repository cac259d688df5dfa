import type { Route } from '../shell/app.ts';
import { APPLY_PATH, applyPage } from './apply-page.ts';
import { APPLICATIONS_PATH, applicationDetailPage, applicationsPage } from './internal-pages.ts';
import { myApplicationsPage, myServicesPage } from './my-pages.ts';

// Service application screens (B1): the worker's form and My page on the portal; the branch's lists
// and the one-application screen in the internal system (menus in web/src/shell/systems.ts).
export const APPLICATION_ROUTES: Route[] = [
  { path: APPLY_PATH, system: 'portal', page: applyPage, roles: ['worker'] },
  { path: '/my', system: 'portal', page: myApplicationsPage },
  { path: '/my/services', system: 'portal', page: myServicesPage, roles: ['worker'] },
  {
    path: APPLICATIONS_PATH,
    system: 'internal',
    page: applicationsPage(
      '서비스 신청 접수',
      '새로 들어온 근로지원인 서비스 신청을 확인하고 접수합니다.',
      'submitted',
    ),
  },
  {
    path: '/internal/evaluations',
    system: 'internal',
    page: applicationsPage('평가', '접수한 신청의 월 결정 시간, 지원 기간, 지원 유형을 정합니다.', 'received'),
  },
  {
    path: '/internal/matching-requests',
    system: 'internal',
    page: applicationsPage('매칭의뢰', '평가를 마친 신청을 관할 수행기관에 매칭 의뢰합니다.', 'evaluated'),
  },
  { path: `${APPLICATIONS_PATH}/:applicationId`, system: 'internal', page: applicationDetailPage },
];
