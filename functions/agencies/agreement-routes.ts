import { recordAudit } from '#commons/audit-trail';
import { HEADQUARTERS } from '#commons/branches';
import type { Caller } from '#commons/caller';
import { NotFound } from '#commons/errors';
import { defineRoute } from '#commons/http/route';
import {
  agreementList,
  agreementParams,
  agreementsQuery,
  agreementView,
  documentDownload,
  documentParams,
  draftBody,
  editAgreementBody,
  returnAgreementBody,
  TERMS_LABELS,
  versionBody,
} from './agreement-contract.ts';
import {
  agencyForAgreement,
  agreementView as agreementViewOf,
  discardAgreement,
  documentDownload as documentDownloadOf,
  draftAgreement,
  editAgreement,
  issueAgreement,
  reissueAgreement,
  requireVersion,
  returnAgreement,
  sideOf,
  stampAgreement,
} from './agreements.ts';
import type { AgreementItem } from './entities.ts';
import { organisationParams } from './organisation-contract.ts';
import {
  AGREEMENT_PARTIES,
  KEAD_STAFF,
  officesToList,
  organisationOrNotFound,
  scopeOfOrganisation,
} from './organisation-routes.ts';
import { getAgreement, listAgreementsOfBranch, listAgreementsOfOrganisation } from './repository.ts';

// A3: the yearly electronic agreement between KEAD and an agency, from draft to both seals.

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
    response: agreementView,
    access: { action: step.step, resource: 'agreement', roles: step.by === 'kead' ? KEAD_STAFF : ['agency'] },
    params: agreementParams,
    body: versionBody,
    labels: { version: '약정서 버전' },
    handle: async ({ params, body, caller, allow }) => {
      const agreement = await agreementOrNotFound(params.agreementId);
      allow(step.by === 'kead' ? scopeOfAgreement(agreement) : { agencyId: agreement.organisationId });
      requireVersion(agreement, body.version);
      return { status: step.status, body: agreementViewOf(await step.run(caller!, agreement), step.by) };
    },
  });
}

export const agreementRoutes = [
  // ── A3 agreements ────────────────────────────────────────────────────────────────────────────
  defineRoute({
    method: 'GET',
    path: '/agreements',
    summary: '전자 약정 목록(지사: 관할 수행기관, 본부: 전체 또는 고른 지사)',
    response: agreementList,
    access: { action: 'list', resource: 'agreement', roles: KEAD_STAFF },
    query: agreementsQuery,
    labels: { branchId: '지사', year: '약정 연도' },
    handle: async ({ query, caller, allow }) => {
      const offices = officesToList(caller!, query.branchId, allow).filter((b) => b !== HEADQUARTERS.branchId);
      const items = (await Promise.all(offices.map((b) => listAgreementsOfBranch(b, query.year))))
        .flat()
        .map((a) => agreementViewOf(a, 'kead'));
      return { body: { items, count: items.length } };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/organisations/{organisationId}/agreements',
    summary: '한 수행기관의 전자 약정 목록(수행기관: 자기 기관)',
    response: agreementList,
    access: { action: 'list', resource: 'agreement', roles: AGREEMENT_PARTIES },
    params: organisationParams,
    handle: async ({ params, caller, allow }) => {
      const organisation = await organisationOrNotFound(params.organisationId);
      allow(scopeOfOrganisation(organisation));
      const items = (await listAgreementsOfOrganisation(organisation.organisationId))
        .filter((a) => a.status !== 'draft' || sideOf(caller!, a) === 'kead')
        .map((a) => agreementViewOf(a, sideOf(caller!, a)));
      return { body: { items, count: items.length } };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/agreements',
    summary: '약정서 작성(연도별 서식: 기간, 인원, 사업비, 특약)',
    response: agreementView,
    access: { action: 'create', resource: 'agreement', roles: KEAD_STAFF },
    body: draftBody,
    labels: TERMS_LABELS,
    handle: async ({ body, caller, allow }) => {
      const organisation = await agencyForAgreement(body.organisationId);
      allow({ branchId: organisation.branchId });
      const { organisationId: _, year, ...terms } = body;
      const agreement = await draftAgreement(caller!, organisation, year, terms);
      return { status: 201, body: agreementViewOf(agreement, 'kead') };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/agreements/{agreementId}',
    summary: '약정서 상세(조건, 문서와 해시, 처리 이력)',
    response: agreementView,
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
      return { body: agreementViewOf(agreement, side) };
    },
  }),
  defineRoute({
    method: 'PUT',
    path: '/agreements/{agreementId}',
    summary: '작성 중(또는 반송된) 약정서 수정',
    response: agreementView,
    access: { action: 'update', resource: 'agreement', roles: KEAD_STAFF },
    params: agreementParams,
    body: editAgreementBody,
    labels: { ...TERMS_LABELS, version: '약정서 버전' },
    handle: async ({ params, body, caller, allow }) => {
      const agreement = await agreementOrNotFound(params.agreementId);
      allow(scopeOfAgreement(agreement));
      requireVersion(agreement, body.version);
      const { version: _, ...terms } = body;
      return { body: agreementViewOf(await editAgreement(caller!, agreement, terms), 'kead') };
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
    response: agreementView,
    access: { action: 'return', resource: 'agreement', roles: ['agency'] },
    params: agreementParams,
    body: returnAgreementBody,
    labels: { version: '약정서 버전', reason: '반송 사유' },
    handle: async ({ params, body, caller, allow }) => {
      const agreement = await agreementOrNotFound(params.agreementId);
      allow({ agencyId: agreement.organisationId });
      requireVersion(agreement, body.version);
      return { body: agreementViewOf(await returnAgreement(caller!, agreement, body.reason), 'agency') };
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
    response: documentDownload,
    access: { action: 'download', resource: 'agreement', roles: AGREEMENT_PARTIES },
    params: documentParams,
    handle: async ({ params, caller, allow }) => {
      const agreement = await agreementOrNotFound(params.agreementId);
      allow(scopeOfAgreement(agreement));
      const download = await documentDownloadOf(agreement, params.number);
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
