import { POLICY_DOCUMENTS } from '#functions/oversight/policy-rules';
import type { Route } from '../shell/app.ts';
import { MY_ACTIVITIES_PATH, myActivitiesPage } from './activity-history-page.ts';
import { BOARD_PATHS, boardListPage, boardThreadPage, newThreadPage } from './board-pages.ts';
import { BUSINESS_GUIDE_PATH, businessGuidePage } from './business-guide-page.ts';
import {
  editNoticePage,
  NOTICE_PATHS,
  newNoticePage,
  noticeDetailPage,
  noticeListPage,
  PORTAL_FORMS_PATH,
} from './notice-pages.ts';
import { PAGE_FEEDBACK_PATH, pageFeedbackPage } from './page-feedback-page.ts';
import { policyPage } from './policy-pages.ts';

/**
 * Oversight and communication screens (SPEC F2, F4): the public pages, My page's 활동내역, and
 * 공지사항 및 서식 자료실 in the three systems. Fixed paths come before `:noticeId` (the first match wins).
 */
export const OVERSIGHT_ROUTES: Route[] = [
  { path: BUSINESS_GUIDE_PATH, system: 'portal', page: businessGuidePage, public: true },
  ...POLICY_DOCUMENTS.map((doc): Route => ({ path: doc.path, system: 'portal', page: policyPage(doc), public: true })),
  { path: MY_ACTIVITIES_PATH, system: 'portal', page: myActivitiesPage, roles: ['assistant'] },
  { path: NOTICE_PATHS.portal, system: 'portal', page: noticeListPage('portal'), public: true },
  { path: PORTAL_FORMS_PATH, system: 'portal', page: noticeListPage('portal', 'form'), public: true },
  { path: `${NOTICE_PATHS.portal}/:noticeId`, system: 'portal', page: noticeDetailPage('portal'), public: true },
  { path: NOTICE_PATHS.agency, system: 'agency', page: noticeListPage('agency'), roles: ['agency', 'trainer'] },
  {
    path: `${NOTICE_PATHS.agency}/:noticeId`,
    system: 'agency',
    page: noticeDetailPage('agency'),
    roles: ['agency', 'trainer'],
  },
  { path: NOTICE_PATHS.internal, system: 'internal', page: noticeListPage('internal'), roles: ['hq', 'branch'] },
  { path: `${NOTICE_PATHS.internal}/new`, system: 'internal', page: newNoticePage, roles: ['hq', 'branch'] },
  {
    path: `${NOTICE_PATHS.internal}/:noticeId/edit`,
    system: 'internal',
    page: editNoticePage,
    roles: ['hq', 'branch'],
  },
  {
    path: `${NOTICE_PATHS.internal}/:noticeId`,
    system: 'internal',
    page: noticeDetailPage('internal'),
    roles: ['hq', 'branch'],
  },
  { path: BOARD_PATHS.agency, system: 'agency', page: boardListPage('agency'), roles: ['agency', 'trainer'] },
  { path: `${BOARD_PATHS.agency}/new`, system: 'agency', page: newThreadPage('agency'), roles: ['agency', 'trainer'] },
  {
    path: `${BOARD_PATHS.agency}/:threadId`,
    system: 'agency',
    page: boardThreadPage('agency'),
    roles: ['agency', 'trainer'],
  },
  { path: BOARD_PATHS.internal, system: 'internal', page: boardListPage('internal'), roles: ['hq', 'branch'] },
  { path: `${BOARD_PATHS.internal}/new`, system: 'internal', page: newThreadPage('internal'), roles: ['branch'] },
  {
    path: `${BOARD_PATHS.internal}/:threadId`,
    system: 'internal',
    page: boardThreadPage('internal'),
    roles: ['hq', 'branch'],
  },
  { path: PAGE_FEEDBACK_PATH, system: 'internal', page: pageFeedbackPage, roles: ['hq'] },
];
