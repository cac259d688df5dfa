import type { Route } from '../shell/app.ts';
import { agencyLeaveListPage, agencyLedgerPage } from './agency-pages.ts';
import { INTERNAL_LEAVE_PATH, internalLeavePage } from './internal-page.ts';
import { AGENCY_LEAVE_PATH, MY_LEAVE_PATH } from './model.ts';
import { myLeavePage } from './my-page.ts';

/** The annual-leave screens (D1), by URL: the agency's 연차 관리 and the assistant's 나의 연차. */
export const LEAVE_ROUTES: Route[] = [
  { path: AGENCY_LEAVE_PATH, system: 'agency', page: agencyLeaveListPage, roles: ['agency'] },
  { path: `${AGENCY_LEAVE_PATH}/:assistantId`, system: 'agency', page: agencyLedgerPage, roles: ['agency'] },
  { path: MY_LEAVE_PATH, system: 'portal', page: myLeavePage, roles: ['assistant'] },
  { path: INTERNAL_LEAVE_PATH, system: 'internal', page: internalLeavePage, roles: ['branch', 'hq'] },
];
