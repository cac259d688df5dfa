// Page paths that a capability's screens link to in another capability's screens: defined here, below
// both, so that no screen folder imports another (a page's own paths stay in its folder).

/** 활동일지 관리 of the agency (web/src/activity), linked from the attendance comparison's findings. */
export const AGENCY_LOGS_PATH = '/agency/activity-logs';

/** 알림함 (web/src/inbox) of each staff system, linked from the header of every page (issue 15 §7). */
export const AGENCY_INBOX_PATH = '/agency/inbox';
export const INTERNAL_INBOX_PATH = '/internal/inbox';

/** The inbox of the system a staff member works in; none for the people the programmes serve. */
export function inboxPathFor(roles: readonly string[]): string | undefined {
  if (roles.includes('hq') || roles.includes('branch')) return INTERNAL_INBOX_PATH;
  if (roles.includes('agency') || roles.includes('trainer')) return AGENCY_INBOX_PATH;
  return undefined;
}

/** 근무이력 비교 and 매칭 관리 of the agency (web/src/attendance, web/src/matching), linked from the month-end pre-check. */
export const AGENCY_COMPARISON_PATH = '/agency/comparison';
export const AGENCY_MATCHINGS_PATH = '/agency/matchings';
