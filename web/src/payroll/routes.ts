import type { Route } from '../shell/app.ts';
import { INTERNAL_PAYROLL_PATH, internalPayrollPage } from './internal-page.ts';
import { AGENCY_PAYROLL_PATH, MY_PAY_SLIPS_PATH, PAYROLL_SETTINGS_PATH } from './model.ts';
import { myPaySlipsPage } from './my-page.ts';
import { agencyPayrollPage, payrollDetailPage } from './pages.ts';
import { payrollSettingsPage } from './settings-page.ts';

/** The payroll screens (D2): the agency's 급여 관리 and item settings, the assistant's 급여명세서. */
export const PAYROLL_ROUTES: Route[] = [
  { path: AGENCY_PAYROLL_PATH, system: 'agency', page: agencyPayrollPage, roles: ['agency'] },
  { path: PAYROLL_SETTINGS_PATH, system: 'agency', page: payrollSettingsPage, roles: ['agency'] },
  { path: `${AGENCY_PAYROLL_PATH}/:payrollId`, system: 'agency', page: payrollDetailPage, roles: ['agency'] },
  { path: MY_PAY_SLIPS_PATH, system: 'portal', page: myPaySlipsPage, roles: ['assistant'] },
  { path: INTERNAL_PAYROLL_PATH, system: 'internal', page: internalPayrollPage, roles: ['branch', 'hq'] },
];
