import { z } from 'zod';
import { BRANCHES, branchName, HEADQUARTERS } from '#commons/branches';
import type { Caller } from '#commons/caller';
import { Conflict, Forbidden, NotFound, RuleViolation } from '#commons/errors';
import { defineRoute } from '#commons/http/route';
import { isHq, ownBranchOf } from '#commons/policy';
import { SIDO_CODES, sidoName, sigunguBelongsTo } from '#commons/regions';
import { currentSigungu } from '#commons/regions-sigungu';
import { maskName } from '#commons/rrn';
import { recordAudit } from '#functions/audit/repository';
import * as clock from '#kernel/clock';
import { idField, textField } from '#kernel/fields';
import { TERMS_LABELS, termsFields } from './agreement-template.ts';
import {
  agencyForAgreement,
  agreementView,
  discardAgreement,
  documentDownload,
  draftAgreement,
  editAgreement,
  issueAgreement,
  reissueAgreement,
  requireVersion,
  returnAgreement,
  sideOf,
  stampAgreement,
} from './agreements.ts';
import type { AgreementItem, OrganisationItem, OrganisationKind } from './entities.ts';
import { ORGANISATION_LABELS, organisationBody, organisationUpdateBody, sortedYears } from './organisation-rules.ts';
import {
  createOrganisation,
  getAgreement,
  getOrganisation,
  getSeal,
  listAgreementsOfBranch,
  listAgreementsOfOrganisation,
  listDirectory,
  listOrganisations,
  listSeals,
  listSealsOfBranch,
  newOrganisationId,
  updateOrganisation,
} from './repository.ts';
import { KEAD_SEAL_OWNER } from './seal-rules.ts';
import { decideSealRequest, registerKeadSeal, requestSeal, sealView } from './seals.ts';

const KEAD_STAFF = ['hq', 'branch'] as const;
const AGREEMENT_PARTIES = ['hq', 'branch', 'agency'] as const;
const ORGANISATION_READERS = ['hq', 'branch', 'agency', 'trainer'] as const;
const OFFICE_IDS: string[] = [HEADQUARTERS.branchId, ...BRANCHES.map((b) => b.branchId)];

const directoryQuery = z
  .object({
    kind: z
      .enum(['agency', 'institution'], {
        error: '기관 종류는 수행기관(agency) 또는 교육기관(institution) 중에서 골라 주세요.',
      })
      .default('agency'),
    sido: z.enum(SIDO_CODES, { error: '시/도는 목록에 있는 시/도 중에서 골라 주세요.' }).optional(),
    sigungu: z
      .string()
      .max(5, { error: '시/군/구 코드는 숫자 5자리여야 합니다. 목록에서 골라 주세요.' })
      .regex(/^\d{5}$/, { error: '시/군/구 코드는 숫자 5자리여야 합니다. 목록에서 골라 주세요.' })
      .optional(),
    name: textField('기관명', { max: 50, messages: { max: '기관명은 50자 이하로 입력해 주세요.' } }).optional(),
  })
  .refine((q) => !q.sigungu || (q.sido !== undefined && sigunguBelongsTo(q.sigungu, q.sido)), {
    error: '시/군/구를 고르려면 먼저 그 시/군/구가 속한 시/도를 골라 주세요.',
    path: ['sigungu'],
  });

const directoryEntry = z.object({
  organisationId: z.string(),
  kind: z.enum(['agency', 'institution']),
  name: z.string(),
  sidoCode: z.string(),
  sidoName: z.string(),
  sigunguCode: z.string(),
  sigunguName: z.string(),
  address: z.string(),
  phone: z.string(),
  designatedYears: z.array(z.number()),
});

const organisationParams = z.object({
  organisationId: idField('기관 번호', 40),
});
const sealParams = organisationParams.extend({
  version: z.coerce.number({ error: '직인 번호가 올바르지 않습니다.' }).int().min(1),
});
const agreementParams = z.object({
  agreementId: idField('약정 번호', 80),
});
const versionBody = z.object({
  version: z.number({ error: '약정서를 새로 고친 뒤 다시 시도해 주세요.' }).int().min(1),
});
const officeQuery = z.enum(OFFICE_IDS as [string, ...string[]], { error: '지사를 목록에서 골라 주세요.' }).optional();
const yearQuery = z.coerce
  .number({ error: '연도는 2026처럼 숫자 네 자리로 입력해 주세요.' })
  .int()
  .min(2000, { error: '연도는 2000년 이후로 골라 주세요.' })
  .max(2100, { error: '연도를 다시 골라 주세요.' })
  .optional();

/**
 * The offices whose data a list shows: the one asked for, else the caller's own branch; hq without a
 * choice sees every office. The scope check decides whether the caller may see it.
 */
function officesToList(caller: Caller, asked: string | undefined, allow: (t: { branchId: string }) => void): string[] {
  const own = ownBranchOf(caller);
  const hq = isHq(caller);
  const offices = asked ? [asked] : own && !hq ? [own] : hq ? OFFICE_IDS : [];
  if (!offices.length) throw new Forbidden('소속 지사가 없는 계정입니다. 지사 담당자 계정으로 로그인해 주세요.');
  for (const branchId of offices) allow({ branchId });
  return offices;
}

function scopeOfOrganisation(organisation: OrganisationItem) {
  return organisation.kind === 'agency'
    ? { branchId: organisation.branchId, agencyId: organisation.organisationId }
    : { branchId: organisation.branchId, institutionId: organisation.organisationId };
}

async function organisationOrNotFound(organisationId: string): Promise<OrganisationItem> {
  const organisation = await getOrganisation(organisationId);
  if (!organisation) throw new NotFound('기관');
  return organisation;
}

async function agreementOrNotFound(agreementId: string): Promise<AgreementItem> {
  const agreement = await getAgreement(agreementId);
  if (!agreement) throw new NotFound('약정서');
  return agreement;
}

/** The scope of an agreement: its branch for KEAD staff, its organisation for the agency. */
function scopeOfAgreement(agreement: AgreementItem) {
  return { branchId: agreement.branchId, agencyId: agreement.organisationId };
}

/**
 * One step of an agreement's life (issue, stamp, reissue, discard): the same route every time —
 * the agreement's scope for the side that acts, the version the person saw, then the step itself.
 */
function agreementStep(step: {
  step: string;
  summary: string;
  by: 'kead' | 'agency';
  status?: number;
  run: (caller: Caller, agreement: AgreementItem) => Promise<AgreementItem>;
}) {
  return defineRoute({
    method: 'POST',
    path: `/agreements/{agreementId}/${step.step}`,
    summary: step.summary,
    access: { action: step.step, resource: 'agreement', roles: step.by === 'kead' ? KEAD_STAFF : ['agency'] },
    params: agreementParams,
    body: versionBody,
    labels: { version: '약정서 버전' },
    handle: async ({ params, body, caller, allow }) => {
      const agreement = await agreementOrNotFound(params.agreementId);
      allow(step.by === 'kead' ? scopeOfAgreement(agreement) : { agencyId: agreement.organisationId });
      requireVersion(agreement, body.version);
      return { status: step.status, body: agreementView(await step.run(caller!, agreement), step.by) };
    },
  });
}

/** Everything the registry holds about an organisation: for its branch, hq and its own staff. */
function organisationView(item: OrganisationItem) {
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
function organisationSummary(item: OrganisationItem) {
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

const draftBody = termsFields.extend({
  organisationId: idField('수행기관', 40),
  year: z.number({ error: '약정 연도를 골라 주세요.' }).int({ error: '약정 연도를 골라 주세요.' }),
});

export const agencyRoutes = [
  defineRoute({
    method: 'GET',
    path: '/public/organisations',
    summary: '지역별 수행기관/교육기관 목록 조회 (SPEC A1)',
    access: 'public',
    query: directoryQuery,
    response: z.object({ items: z.array(directoryEntry), count: z.number() }),
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
    access: { action: 'list', resource: 'organisation', roles: KEAD_STAFF },
    query: z.object({
      branchId: officeQuery,
      kind: z.enum(['agency', 'institution'], { error: '기관 종류를 목록에서 골라 주세요.' }).optional(),
    }),
    labels: { branchId: '지사', kind: '기관 종류' },
    handle: async ({ query, caller, allow }) => {
      const offices = officesToList(caller!, query.branchId, allow);
      const lists = await Promise.all(offices.map((b) => listOrganisations(b, query.kind as OrganisationKind)));
      const collator = new Intl.Collator('ko');
      const items = lists
        .flat()
        .sort((a, b) => a.kind.localeCompare(b.kind) || collator.compare(a.name, b.name))
        .map(organisationSummary);
      return { body: { items, count: items.length } };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/organisations',
    summary: '수행기관/교육기관 등록(지사: 관할 지사로만)',
    access: { action: 'create', resource: 'organisation', roles: KEAD_STAFF },
    body: organisationBody,
    labels: ORGANISATION_LABELS,
    handle: async ({ body, caller, allow }) => {
      allow({ branchId: body.branchId });
      const item = organisationItem(newOrganisationId(body.kind), body, caller!);
      await createOrganisation(caller!, item);
      return { status: 201, body: organisationView(item) };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/organisations/{organisationId}',
    summary: '기관 상세(대표자·담당자·계좌 포함, 열람 기록)',
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
      return { body: organisationView(organisation) };
    },
  }),
  defineRoute({
    method: 'PUT',
    path: '/organisations/{organisationId}',
    summary: '기관 정보 수정(읽은 뒤 다른 사람이 바꿨으면 거절)',
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
      return { body: organisationView(next) };
    },
  }),

  // ── A2 seals ─────────────────────────────────────────────────────────────────────────────────
  defineRoute({
    method: 'GET',
    path: '/organisations/{organisationId}/seals',
    summary: '기관 직인 이력(현재 직인, 승인 요청, 반려, 이전 직인)',
    access: { action: 'read', resource: 'seal', roles: AGREEMENT_PARTIES },
    params: organisationParams,
    handle: async ({ params, allow }) => {
      const organisation = await organisationOrNotFound(params.organisationId);
      allow(scopeOfOrganisation(organisation));
      const items = await Promise.all((await listSeals(organisation.organisationId)).map(sealView));
      return { body: { items, count: items.length } };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/organisations/{organisationId}/seals',
    summary: '직인 등록 및 승인 요청(올린 PNG/JPEG 이미지)',
    access: { action: 'request', resource: 'seal', roles: ['agency'] },
    params: organisationParams,
    body: z.object({ uploadId: z.uuid({ error: '직인 이미지를 먼저 올려 주세요.' }) }),
    labels: { uploadId: '직인 이미지' },
    handle: async ({ params, body, caller, allow }) => {
      const organisation = await organisationOrNotFound(params.organisationId);
      allow({ agencyId: organisation.organisationId });
      const seal = await requestSeal(caller!, organisation, body.uploadId);
      return { status: 201, body: await sealView(seal) };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/seal-requests',
    summary: '직인 승인 목록(지사: 관할 기관의 요청)',
    access: { action: 'list', resource: 'seal', roles: KEAD_STAFF },
    query: z.object({
      branchId: officeQuery,
      status: z
        .enum(['requested', 'approved', 'rejected', 'retired', 'all'], { error: '처리 상태를 목록에서 골라 주세요.' })
        .default('requested'),
    }),
    labels: { branchId: '지사', status: '처리 상태' },
    handle: async ({ query, caller, allow }) => {
      const offices = officesToList(caller!, query.branchId, allow).filter((b) => b !== HEADQUARTERS.branchId);
      const status = query.status === 'all' ? undefined : query.status;
      const seals = (await Promise.all(offices.map((b) => listSealsOfBranch(b, status)))).flat();
      const items = await Promise.all(seals.map(sealView));
      return { body: { items, count: items.length } };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/organisations/{organisationId}/seals/{version}/decision',
    summary: '직인 승인 또는 반려(사유)',
    access: { action: 'decide', resource: 'seal', roles: KEAD_STAFF },
    params: sealParams,
    body: z
      .object({
        decision: z.enum(['approve', 'reject'], { error: '승인 또는 반려 중 하나를 골라 주세요.' }),
        reason: textField('반려 사유', {
          max: 500,
          multiline: true,
          messages: { max: '반려 사유는 500자 이하로 입력해 주세요.' },
        }).optional(),
      })
      .refine((d) => d.decision === 'approve' || (d.reason ?? '').length > 0, {
        error: '반려할 때는 수행기관이 고칠 수 있도록 반려 사유를 입력해 주세요.',
        path: ['reason'],
      }),
    labels: { decision: '처리 결과', reason: '반려 사유' },
    handle: async ({ params, body, caller, allow }) => {
      const seal = await getSeal(params.organisationId, params.version);
      if (!seal || seal.organisationId === KEAD_SEAL_OWNER) throw new NotFound('직인');
      allow({ branchId: seal.branchId });
      const decided = await decideSealRequest(caller!, seal, body.decision, body.reason);
      return { body: await sealView(decided) };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/kead-seal',
    summary: '공단 직인(약정서 “갑”의 직인) 이력',
    access: { action: 'read', resource: 'keadSeal', roles: KEAD_STAFF },
    handle: async () => {
      const items = await Promise.all((await listSeals(KEAD_SEAL_OWNER)).map(sealView));
      return { body: { items, count: items.length } };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/kead-seal',
    summary: '본부: 공단 직인 등록(바로 사용, 이전 직인은 이력으로)',
    access: { action: 'register', resource: 'keadSeal', roles: ['hq'] },
    body: z.object({ uploadId: z.uuid({ error: '공단 직인 이미지를 먼저 올려 주세요.' }) }),
    labels: { uploadId: '공단 직인 이미지' },
    handle: async ({ body, caller }) => ({
      status: 201,
      body: await sealView(await registerKeadSeal(caller!, { uploadId: body.uploadId })),
    }),
  }),

  // ── A3 agreements ────────────────────────────────────────────────────────────────────────────
  defineRoute({
    method: 'GET',
    path: '/agreements',
    summary: '전자 약정 목록(지사: 관할 수행기관, 본부: 전체 또는 고른 지사)',
    access: { action: 'list', resource: 'agreement', roles: KEAD_STAFF },
    query: z.object({ branchId: officeQuery, year: yearQuery }),
    labels: { branchId: '지사', year: '약정 연도' },
    handle: async ({ query, caller, allow }) => {
      const offices = officesToList(caller!, query.branchId, allow).filter((b) => b !== HEADQUARTERS.branchId);
      const items = (await Promise.all(offices.map((b) => listAgreementsOfBranch(b, query.year))))
        .flat()
        .map((a) => agreementView(a, 'kead'));
      return { body: { items, count: items.length } };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/organisations/{organisationId}/agreements',
    summary: '한 수행기관의 전자 약정 목록(수행기관: 자기 기관)',
    access: { action: 'list', resource: 'agreement', roles: AGREEMENT_PARTIES },
    params: organisationParams,
    handle: async ({ params, caller, allow }) => {
      const organisation = await organisationOrNotFound(params.organisationId);
      allow(scopeOfOrganisation(organisation));
      const items = (await listAgreementsOfOrganisation(organisation.organisationId))
        .filter((a) => a.status !== 'draft' || sideOf(caller!, a) === 'kead')
        .map((a) => agreementView(a, sideOf(caller!, a)));
      return { body: { items, count: items.length } };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/agreements',
    summary: '약정서 작성(연도별 서식: 기간, 인원, 사업비, 특약)',
    access: { action: 'create', resource: 'agreement', roles: KEAD_STAFF },
    body: draftBody,
    labels: TERMS_LABELS,
    handle: async ({ body, caller, allow }) => {
      const organisation = await agencyForAgreement(body.organisationId);
      allow({ branchId: organisation.branchId });
      const { organisationId: _, year, ...terms } = body;
      const agreement = await draftAgreement(caller!, organisation, year, terms);
      return { status: 201, body: agreementView(agreement, 'kead') };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/agreements/{agreementId}',
    summary: '약정서 상세(조건, 문서와 해시, 처리 이력)',
    access: { action: 'read', resource: 'agreement', roles: AGREEMENT_PARTIES },
    params: agreementParams,
    handle: async ({ params, caller, allow }) => {
      const agreement = await agreementOrNotFound(params.agreementId);
      allow(scopeOfAgreement(agreement));
      const side = sideOf(caller!, agreement);
      // the agency sees an agreement once it is issued; drafts are the branch's work in progress
      if (
        side === 'agency' &&
        (agreement.status === 'draft' || agreement.status === 'discarded') &&
        !agreement.documents.length
      ) {
        throw new NotFound('약정서');
      }
      return { body: agreementView(agreement, side) };
    },
  }),
  defineRoute({
    method: 'PUT',
    path: '/agreements/{agreementId}',
    summary: '작성 중(또는 반송된) 약정서 수정',
    access: { action: 'update', resource: 'agreement', roles: KEAD_STAFF },
    params: agreementParams,
    body: termsFields.extend(versionBody.shape),
    labels: { ...TERMS_LABELS, version: '약정서 버전' },
    handle: async ({ params, body, caller, allow }) => {
      const agreement = await agreementOrNotFound(params.agreementId);
      allow(scopeOfAgreement(agreement));
      requireVersion(agreement, body.version);
      const { version: _, ...terms } = body;
      return { body: agreementView(await editAgreement(caller!, agreement, terms), 'kead') };
    },
  }),
  agreementStep({
    step: 'issue',
    summary: '약정서 발급(공단 직인 날인 PDF 생성, 수행기관에 알림)',
    by: 'kead',
    run: (caller, agreement) => issueAgreement(caller, agreement),
  }),
  agreementStep({
    step: 'stamp',
    summary: '수행기관 날인(승인된 직인으로 체결본 PDF 생성, 지사에 알림)',
    by: 'agency',
    run: (caller, agreement) => stampAgreement(caller, agreement),
  }),
  defineRoute({
    method: 'POST',
    path: '/agreements/{agreementId}/return',
    summary: '수행기관 반송(고칠 내용을 사유로)',
    access: { action: 'return', resource: 'agreement', roles: ['agency'] },
    params: agreementParams,
    body: versionBody.extend({
      reason: textField('반송 사유', {
        min: 1,
        max: 500,
        multiline: true,
        messages: {
          min: '지사가 무엇을 고쳐야 하는지 반송 사유를 입력해 주세요.',
          max: '반송 사유는 500자 이하로 입력해 주세요.',
        },
      }),
    }),
    labels: { version: '약정서 버전', reason: '반송 사유' },
    handle: async ({ params, body, caller, allow }) => {
      const agreement = await agreementOrNotFound(params.agreementId);
      allow({ agencyId: agreement.organisationId });
      requireVersion(agreement, body.version);
      return { body: agreementView(await returnAgreement(caller!, agreement, body.reason), 'agency') };
    },
  }),
  agreementStep({
    step: 'reissue',
    summary: '재발급 준비(같은 조건의 새 약정서 작성, 발급하면 이전 약정서를 대체)',
    by: 'kead',
    status: 201,
    run: (caller, agreement) => reissueAgreement(caller, agreement),
  }),
  agreementStep({
    step: 'discard',
    summary: '작성 중이거나 반송된 약정서 폐기',
    by: 'kead',
    run: (caller, agreement) => discardAgreement(caller, agreement),
  }),
  defineRoute({
    method: 'GET',
    path: '/agreements/{agreementId}/documents/{number}',
    summary: '약정서 PDF 내려받기 주소(5분 동안 유효)',
    access: { action: 'download', resource: 'agreement', roles: AGREEMENT_PARTIES },
    params: agreementParams.extend({
      number: z.coerce.number({ error: '문서 번호가 올바르지 않습니다.' }).int().min(1),
    }),
    handle: async ({ params, caller, allow }) => {
      const agreement = await agreementOrNotFound(params.agreementId);
      allow(scopeOfAgreement(agreement));
      const download = await documentDownload(agreement, params.number);
      await recordAudit(caller!, {
        action: 'agreement.download',
        targetType: 'agreement',
        targetId: `${agreement.agreementId}#${params.number}`,
        branchId: agreement.branchId,
      });
      return { body: download };
    },
  }),
];
