import type { Route } from '../shell/app.ts';
import { AGENCY_INBOX_PATH, INTERNAL_INBOX_PATH } from '../shell/paths.ts';
import { inboxPage } from './inbox-page.ts';

/** 알림함 (issue 15 §7) in each staff system; the header links the viewer's own (shell/paths.ts). */
export const INBOX_ROUTES: Route[] = [
  { path: AGENCY_INBOX_PATH, system: 'agency', page: inboxPage, roles: ['agency', 'trainer'] },
  { path: INTERNAL_INBOX_PATH, system: 'internal', page: inboxPage, roles: ['hq', 'branch'] },
];
