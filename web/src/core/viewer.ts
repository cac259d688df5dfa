import type { Role } from '#commons/roles';
import type { Viewer } from '../shell/systems.ts';

// Who the viewer is and works for, as every page asks it.

export function hasRole(viewer: Viewer, role: Role): boolean {
  return viewer.signedIn && viewer.roles.includes(role);
}

/** The agency the viewer is staff of. */
export function ownAgencyOf(viewer: Viewer): string | undefined {
  return viewer.signedIn ? viewer.grants?.find((g) => g.role === 'agency')?.agencyId : undefined;
}

/** The branch the viewer works at. */
export function ownBranchOf(viewer: Viewer): string | undefined {
  return viewer.signedIn ? viewer.grants?.find((g) => g.role === 'branch')?.branchId : undefined;
}
