import { ACTIVITY_ROUTES } from './activity/routes.ts';
import { directoryPage } from './agencies/directory-page.ts';
import { AGENCY_ROUTES } from './agencies/routes.ts';
import { APPLICATION_ROUTES } from './applications/routes.ts';
import { ASSISTANT_ROUTES } from './assistants/routes.ts';
import { ATTENDANCE_ROUTES } from './attendance/routes.ts';
import { auditPage } from './audit/audit-page.ts';
import { CLAIM_ROUTES } from './claims/routes.ts';
import {
  PROFILE_PATH,
  profilePage,
  WITHDRAW_PATH,
  WITHDRAWN_PATH,
  withdrawnPage,
  withdrawPage,
} from './identity/account-pages.ts';
import { branchStaffPage } from './identity/branch-staff-page.ts';
import { loginPage } from './identity/login-page.ts';
import { passwordResetPage } from './identity/password-reset-page.ts';
import { signupPage } from './identity/signup-page.ts';
import { staffRequestPage } from './identity/staff-request-page.ts';
import { STAFF_REQUESTS_PATH, staffRequestDecisionPage, staffRequestsPage } from './identity/staff-requests-page.ts';
import { INBOX_ROUTES } from './inbox/routes.ts';
import { LEAVE_ROUTES } from './leave/routes.ts';
import { MATCHING_ROUTES } from './matching/routes.ts';
import { OVERSIGHT_ROUTES } from './oversight/routes.ts';
import { systemHomePage } from './pages/system-home.ts';
import { PAYROLL_ROUTES } from './payroll/routes.ts';
import { homePage } from './portal/home.ts';
import { RATE_ROUTES } from './rates/routes.ts';
import type { Route } from './shell/app.ts';
import type { SystemId } from './shell/systems.ts';
import { TRAINING_ROUTES } from './training/routes.ts';

// Every screen, by URL. Screens live in folders named after the back end's capabilities
// (agencies, identity, audit, …); add a screen by adding its route here. A route is shown to whom
// its system and its `roles` allow (shell/access.ts); `public` opens it to people not signed in.

/** Sign-in and password reset exist in every system, each in that system's frame. */
const SIGN_IN_SYSTEMS: [SystemId, string][] = [
  ['portal', ''],
  ['agency', '/agency'],
  ['internal', '/internal'],
  ['youth', '/youth-program'],
];

export const ROUTES: Route[] = [
  { path: '/', system: 'portal', page: homePage },
  { path: '/work-assistant/organisations', system: 'portal', page: directoryPage },
  ...SIGN_IN_SYSTEMS.flatMap(([system, base]): Route[] => [
    { path: `${base}/login`, system, page: loginPage, public: true },
    { path: `${base}/password-reset`, system, page: passwordResetPage, public: true },
  ]),
  { path: '/signup', system: 'portal', page: signupPage, public: true },
  { path: PROFILE_PATH, system: 'portal', page: profilePage },
  { path: WITHDRAW_PATH, system: 'portal', page: withdrawPage },
  { path: WITHDRAWN_PATH, system: 'portal', page: withdrawnPage, public: true },

  { path: '/agency', system: 'agency', page: systemHomePage },
  { path: '/agency/account-request', system: 'agency', page: staffRequestPage, public: true },

  { path: '/internal', system: 'internal', page: systemHomePage },
  { path: STAFF_REQUESTS_PATH, system: 'internal', page: staffRequestsPage },
  { path: `${STAFF_REQUESTS_PATH}/:userId`, system: 'internal', page: staffRequestDecisionPage },
  { path: '/internal/branch-staff', system: 'internal', page: branchStaffPage, roles: ['hq'] },
  { path: '/internal/audit', system: 'internal', page: auditPage },

  { path: '/youth-program', system: 'youth', page: systemHomePage },
  ...AGENCY_ROUTES,
  ...APPLICATION_ROUTES,
  ...ASSISTANT_ROUTES,
  ...MATCHING_ROUTES,
  ...ACTIVITY_ROUTES,
  ...ATTENDANCE_ROUTES,
  ...CLAIM_ROUTES,
  ...RATE_ROUTES,
  ...LEAVE_ROUTES,
  ...PAYROLL_ROUTES,
  ...TRAINING_ROUTES,
  ...OVERSIGHT_ROUTES,
  ...INBOX_ROUTES,
];
