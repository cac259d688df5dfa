import type { Route } from '../shell/app.ts';
import { ATTENDANCE_PATH, attendancePage, COMPARISON_PATH } from './attendance-page.ts';
import { comparisonPage } from './comparison-page.ts';
import { INTERNAL_COMPARISON_PATH, internalComparisonPage } from './internal-page.ts';

/** The attendance screens (C3, C4), by URL: the menu entries 출퇴근 관리 and 근무이력 비교. */
export const ATTENDANCE_ROUTES: Route[] = [
  { path: ATTENDANCE_PATH, system: 'agency', page: attendancePage, roles: ['agency'] },
  { path: COMPARISON_PATH, system: 'agency', page: comparisonPage, roles: ['agency'] },
  { path: INTERNAL_COMPARISON_PATH, system: 'internal', page: internalComparisonPage, roles: ['branch', 'hq'] },
];
