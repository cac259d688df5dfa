import { HEADQUARTERS } from '#commons/branches';
import { NotFound } from '#commons/errors';
import { defineRoute } from '#commons/http/route';
import { organisationParams } from './organisation-contract.ts';
import {
  AGREEMENT_PARTIES,
  KEAD_STAFF,
  officesToList,
  organisationOrNotFound,
  scopeOfOrganisation,
} from './organisation-routes.ts';
import { getSeal, listSeals, listSealsOfBranch } from './repository.ts';
import {
  keadSealUploadBody,
  sealDecisionBody,
  sealList,
  sealParams,
  sealRequestsQuery,
  sealUploadBody,
  sealView,
} from './seal-contract.ts';
import { KEAD_SEAL_OWNER } from './seal-rules.ts';
import { decideSealRequest, registerKeadSeal, requestSeal, sealView as sealViewOf } from './seals.ts';

// A2: organisations' seals (request, decision, history) and KEAD's own seal.

export const sealRoutes = [
  // ── A2 seals ─────────────────────────────────────────────────────────────────────────────────
  defineRoute({
    method: 'GET',
    path: '/organisations/{organisationId}/seals',
    summary: '기관 직인 이력(현재 직인, 승인 요청, 반려, 이전 직인)',
    response: sealList,
    access: { action: 'read', resource: 'seal', roles: AGREEMENT_PARTIES },
    params: organisationParams,
    handle: async ({ params, allow }) => {
      const organisation = await organisationOrNotFound(params.organisationId);
      allow(scopeOfOrganisation(organisation));
      const items = await Promise.all((await listSeals(organisation.organisationId)).map(sealViewOf));
      return { body: { items, count: items.length } };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/organisations/{organisationId}/seals',
    summary: '직인 등록 및 승인 요청(올린 PNG/JPEG 이미지)',
    response: sealView,
    access: { action: 'request', resource: 'seal', roles: ['agency'] },
    params: organisationParams,
    body: sealUploadBody,
    labels: { uploadId: '직인 이미지' },
    handle: async ({ params, body, caller, allow }) => {
      const organisation = await organisationOrNotFound(params.organisationId);
      allow({ agencyId: organisation.organisationId });
      const seal = await requestSeal(caller!, organisation, body.uploadId);
      return { status: 201, body: await sealViewOf(seal) };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/seal-requests',
    summary: '직인 승인 목록(지사: 관할 기관의 요청)',
    response: sealList,
    access: { action: 'list', resource: 'seal', roles: KEAD_STAFF },
    query: sealRequestsQuery,
    labels: { branchId: '지사', status: '처리 상태' },
    handle: async ({ query, caller, allow }) => {
      const offices = officesToList(caller!, query.branchId, allow).filter((b) => b !== HEADQUARTERS.branchId);
      const status = query.status === 'all' ? undefined : query.status;
      const seals = (await Promise.all(offices.map((b) => listSealsOfBranch(b, status)))).flat();
      const items = await Promise.all(seals.map(sealViewOf));
      return { body: { items, count: items.length } };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/organisations/{organisationId}/seals/{version}/decision',
    summary: '직인 승인 또는 반려(사유)',
    response: sealView,
    access: { action: 'decide', resource: 'seal', roles: KEAD_STAFF },
    params: sealParams,
    body: sealDecisionBody,
    labels: { decision: '처리 결과', reason: '반려 사유' },
    handle: async ({ params, body, caller, allow }) => {
      const seal = await getSeal(params.organisationId, params.version);
      if (!seal || seal.organisationId === KEAD_SEAL_OWNER) throw new NotFound('직인');
      allow({ branchId: seal.branchId });
      const decided = await decideSealRequest(caller!, seal, body.decision, body.reason);
      return { body: await sealViewOf(decided) };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/kead-seal',
    summary: '공단 직인(약정서 “갑”의 직인) 이력',
    response: sealList,
    access: { action: 'read', resource: 'keadSeal', roles: KEAD_STAFF },
    handle: async () => {
      const items = await Promise.all((await listSeals(KEAD_SEAL_OWNER)).map(sealViewOf));
      return { body: { items, count: items.length } };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/kead-seal',
    summary: '본부: 공단 직인 등록(바로 사용, 이전 직인은 이력으로)',
    response: sealView,
    access: { action: 'register', resource: 'keadSeal', roles: ['hq'] },
    body: keadSealUploadBody,
    labels: { uploadId: '공단 직인 이미지' },
    handle: async ({ body, caller }) => ({
      status: 201,
      body: await sealViewOf(await registerKeadSeal(caller!, { uploadId: body.uploadId })),
    }),
  }),
];
