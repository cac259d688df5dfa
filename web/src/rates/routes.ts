import type { Route } from '../shell/app.ts';
import { RATES_PATH, rateTablePage } from './rate-table-page.ts';

/** The yearly rate tables (SPEC §4.5): hq edits, branches read. */
export const RATE_ROUTES: Route[] = [
  { path: RATES_PATH, system: 'internal', page: rateTablePage, roles: ['hq', 'branch'] },
];
