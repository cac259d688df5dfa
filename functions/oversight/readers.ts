import type { Caller } from '#commons/caller';
import { Forbidden } from '#commons/errors';
import { organisationDirectory } from '#commons/organisation-directory';
import { agencyOf, institutionOf, isHq, ownBranchOf } from '#commons/policy';
import type { Reader } from './notice-rules.ts';

/** The caller as notices and the board see them: hq, a branch, or an organisation with its branch. */
export async function readerOf(caller: Caller): Promise<Reader & { organisationName?: string }> {
  if (isHq(caller)) return { kind: 'hq' };
  const branchId = ownBranchOf(caller);
  if (branchId) return { kind: 'branch', branchId };
  const agencyId = agencyOf(caller);
  const organisationId = agencyId ?? institutionOf(caller);
  if (organisationId) {
    const organisation = await organisationDirectory().get(organisationId);
    if (!organisation) throw new Forbidden('소속 기관을 찾을 수 없습니다. 관할 지사에 문의해 주세요.');
    return {
      kind: agencyId ? 'agency' : 'institution',
      organisationId,
      branchId: organisation.branchId,
      organisationName: organisation.name,
    };
  }
  return { kind: 'person' };
}
