import type { z } from 'zod';
import { recordAudit } from '#commons/audit-trail';
import { branchName } from '#commons/branches';
import type { Caller } from '#commons/caller';
import { Conflict, Forbidden, NotFound, RuleViolation } from '#commons/errors';
import { defineRoute } from '#commons/http/route';
import { isHq, ownBranchOf } from '#commons/policy';
import { sidoName } from '#commons/regions';
import { currentSigungu } from '#commons/regions-sigungu';
import { maskName } from '#commons/rrn';
import * as clock from '#kernel/clock';
import type { OrganisationItem, OrganisationKind } from './entities.ts';
import {
  directoryQuery,
  directoryResponse,
  OFFICE_IDS,
  type OrganisationSummary,
  type OrganisationView,
  organisationList,
  organisationParams,
  organisationsQuery,
  organisationView,
} from './organisation-contract.ts';
import { ORGANISATION_LABELS, organisationBody, organisationUpdateBody, sortedYears } from './organisation-rules.ts';
import {
  createOrganisation,
  getOrganisation,
  listDirectory,
  listOrganisations,
  newOrganisationId,
  updateOrganisation,
} from './repository.ts';

// A1: the public directory of organisations and the internal registry. The helpers the seal and
// agreement routes share (who may see which offices, the organisation's scope) live here too.

export const KEAD_STAFF = ['hq', 'branch'] as const;
export const AGREEMENT_PARTIES = ['hq', 'branch', 'agency'] as const;
const ORGANISATION_READERS = ['hq', 'branch', 'agency', 'trainer'] as const;

/**
 * The offices whose data a list shows: the one asked for, else the caller's own branch; hq without a
 * choice sees every office. The scope check decides whether the caller may see it.
 */
export function officesToList(
  caller: Caller,
  asked: string | undefined,
  allow: (t: { branchId: string }) => void,
): string[] {
  const own = ownBranchOf(caller);
  const hq = isHq(caller);
  const offices = asked ? [asked] : own && !hq ? [own] : hq ? OFFICE_IDS : [];
  if (!offices.length) throw new Forbidden('소속 지사가 없는 계정입니다. 지사 담당자 계정으로 로그인해 주세요.');
  for (const branchId of offices) allow({ branchId });
  return offices;
}

export function scopeOfOrganisation(organisation: OrganisationItem) {
  return organisation.kind === 'agency'
    ? { branchId: organisation.branchId, agencyId: organisation.organisationId }
    : { branchId: organisation.branchId, institutionId: organisation.organisationId };
}

export async function organisationOrNotFound(organisationId: string): Promise<OrganisationItem> {
  const organisation = await getOrganisation(organisationId);
  if (!organisation) throw new NotFound('기관');
  return organisation;
}

/** Everything the registry holds about an organisation: for its branch, hq and its own staff. */
function organisationViewOf(item: OrganisationItem): OrganisationView {
  return {
    organisationId: item.organisationId,
    kind: item.kind,
    name: item.name,
    branchId: item.branchId,
    branchName: branchName(item.branchId) ?? item.branchId,
    businessNumber: item.businessNumber,
    representative: item.representative,
    sidoCode: item.sidoCode,
    sidoName: item.sidoName,
    sigunguCode: item.sigunguCode,
    sigunguName: item.sigunguName,
    postalCode: item.postalCode,
    address: item.address,
    addressDetail: item.addressDetail,
    phone: item.phone,
    fax: item.fax,
    email: item.email,
    contacts: item.contacts ?? [],
    bankName: item.bankName,
    bankAccount: item.bankAccount,
    bankHolder: item.bankHolder,
    designatedYears: sortedYears(item.designatedYears ?? []),
    revision: item.revision ?? 0,
    updatedAt: item.updatedAt,
    updatedBy: item.updatedBy,
  };
}

/** A row of the internal list: the representative's name masked, no contacts or account. */
function organisationSummaryOf(item: OrganisationItem): OrganisationSummary {
  return {
    organisationId: item.organisationId,
    kind: item.kind,
    name: item.name,
    branchId: item.branchId,
    branchName: branchName(item.branchId) ?? item.branchId,
    representative: maskName(item.representative),
    sidoName: item.sidoName,
    sigunguName: item.sigunguName,
    phone: item.phone,
    designatedYears: sortedYears(item.designatedYears ?? []),
    updatedAt: item.updatedAt,
  };
}

function organisationItem(
  organisationId: string,
  input: z.output<typeof organisationBody>,
  caller: Caller,
  base?: OrganisationItem,
): OrganisationItem {
  const now = clock.nowIso();
  return {
    organisationId,
    kind: input.kind,
    name: input.name,
    branchId: input.branchId,
    businessNumber: input.businessNumber,
    representative: input.representative,
    sidoCode: input.sidoCode,
    sidoName: sidoName(input.sidoCode)!,
    sigunguCode: input.sigunguCode,
    sigunguName: currentSigungu(input.sigunguCode)!.name,
    postalCode: input.postalCode,
    address: input.address,
    addressDetail: input.addressDetail,
    phone: input.phone,
    fax: input.fax,
    email: input.email,
    contacts: input.contacts,
    bankName: input.bankName,
    bankAccount: input.bankAccount,
    bankHolder: input.bankHolder,
    designatedYears: sortedYears(input.designatedYears),
    revision: (base?.revision ?? 0) + (base ? 1 : 0),
    updatedBy: caller.userId,
    createdAt: base?.createdAt ?? now,
    updatedAt: now,
  };
}

export const organisationRoutes = [
  defineRoute({
    method: 'GET',
    path: '/public/organisations',
    summary: '지역별 수행기관/교육기관 목록 조회 (SPEC A1)',
    response: directoryResponse,
    access: 'public',
    query: directoryQuery,
    labels: { kind: '기관 종류', sido: '시/도', sigungu: '시/군/구', name: '기관명' },
    handle: async ({ query }) => {
      const items = await listDirectory({
        kind: query.kind,
        sidoCode: query.sido,
        sigunguCode: query.sigungu,
        name: query.name || undefined,
      });
      return { body: { items, count: items.length } };
    },
  }),

  // ── A1 registry ──────────────────────────────────────────────────────────────────────────────
  defineRoute({
    method: 'GET',
    path: '/organisations',
    summary: '수행기관/교육기관 관리 목록(지사: 관할 기관, 본부: 전체 또는 고른 지사)',
    response: organisationList,
    access: { action: 'list', resource: 'organisation', roles: KEAD_STAFF },
    query: organisationsQuery,
    labels: { branchId: '지사', kind: '기관 종류' },
    handle: async ({ query, caller, allow }) => {
      const offices = officesToList(caller!, query.branchId, allow);
      const lists = await Promise.all(offices.map((b) => listOrganisations(b, query.kind as OrganisationKind)));
      const collator = new Intl.Collator('ko');
      const items = lists
        .flat()
        .sort((a, b) => a.kind.localeCompare(b.kind) || collator.compare(a.name, b.name))
        .map(organisationSummaryOf);
      return { body: { items, count: items.length } };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/organisations',
    summary: '수행기관/교육기관 등록(지사: 관할 지사로만)',
    response: organisationView,
    access: { action: 'create', resource: 'organisation', roles: KEAD_STAFF },
    body: organisationBody,
    labels: ORGANISATION_LABELS,
    handle: async ({ body, caller, allow }) => {
      allow({ branchId: body.branchId });
      const item = organisationItem(newOrganisationId(body.kind), body, caller!);
      await createOrganisation(caller!, item);
      return { status: 201, body: organisationViewOf(item) };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/organisations/{organisationId}',
    summary: '기관 상세(대표자·담당자·계좌 포함, 열람 기록)',
    response: organisationView,
    access: { action: 'read', resource: 'organisation', roles: ORGANISATION_READERS },
    params: organisationParams,
    handle: async ({ params, caller, allow }) => {
      const organisation = await organisationOrNotFound(params.organisationId);
      allow(scopeOfOrganisation(organisation));
      // the representative's and contacts' names and phones are personal data: the read is recorded
      await recordAudit(caller!, {
        action: 'organisation.read',
        targetType: 'organisation',
        targetId: organisation.organisationId,
        branchId: organisation.branchId,
      });
      return { body: organisationViewOf(organisation) };
    },
  }),
  defineRoute({
    method: 'PUT',
    path: '/organisations/{organisationId}',
    summary: '기관 정보 수정(읽은 뒤 다른 사람이 바꿨으면 거절)',
    response: organisationView,
    access: { action: 'update', resource: 'organisation', roles: KEAD_STAFF },
    params: organisationParams,
    body: organisationUpdateBody,
    labels: ORGANISATION_LABELS,
    handle: async ({ params, body, caller, allow }) => {
      const before = await organisationOrNotFound(params.organisationId);
      allow({ branchId: before.branchId });
      // moving an organisation to another branch needs a scope over both
      allow({ branchId: body.branchId });
      if (body.kind !== before.kind) {
        throw new RuleViolation('기관 종류는 바꿀 수 없습니다. 다른 종류라면 새 기관으로 등록해 주세요.', 'KIND_FIXED');
      }
      if (body.revision !== (before.revision ?? 0)) {
        throw new Conflict(
          '다른 사람이 먼저 이 기관 정보를 바꿨습니다. 화면을 새로 고쳐 바뀐 내용을 확인한 뒤 다시 저장해 주세요.',
          'STALE_REVISION',
        );
      }
      const next = organisationItem(before.organisationId, body, caller!, before);
      await updateOrganisation(caller!, before, next);
      return { body: organisationViewOf(next) };
    },
  }),
];
