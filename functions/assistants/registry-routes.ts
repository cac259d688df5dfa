// kept for the sub-domains that took their fields from here before the contract existed
export {
  careerSchema,
  day,
  disabilitySchema,
  emailSchema,
  mobileSchema,
  optionalText,
  REGISTER_LABELS,
  rrnSchema,
  text,
} from './registry-contract.ts';

import { randomBytes, randomUUID } from 'node:crypto';
import { z } from 'zod';
import { recordAudit, recordPersonalDataRead } from '#commons/audit-trail';
import type { Caller } from '#commons/caller';
import { keepUpload, presignDocument } from '#commons/documents';
import { Conflict, failOnBodyProblems, NotFound, RuleViolation, ValidationFailed } from '#commons/errors';
import { defineRoute } from '#commons/http/route';
import { decryptField, encryptField, piiKeys } from '#commons/pii';
import { agencyOf } from '#commons/policy';
import { maskRrn } from '#commons/rrn';
import { agenciesInScope } from '#functions/agencies/agency-scope';
import { getOrganisation } from '#functions/agencies/repository';
import { scopeQueryFields } from '#functions/agencies/scope-contract';
import { readyUpload } from '#functions/files/repository';
import { getProfile } from '#functions/identity/repository';
import * as clock from '#kernel/clock';
import { monthField, textField } from '#kernel/fields';
import { lastDayOfMonth } from '#kernel/korea-time';
import { checkResult, DISQUALIFICATION_CODES, foundLabels } from './disqualifications.ts';
import type { AssistantItem } from './entities.ts';
import { activeMatchingsOf } from './matchings.ts';
import {
  type AssistantView,
  assistantDetail,
  assistantList,
  assistantParams,
  assistantView as assistantViewSchema,
  assistantWithStatusLabel,
  assistantWithWarning,
  day,
  disabilitySchema,
  emailSchema,
  evidenceDownload,
  INSURANCE_LABELS,
  insuranceBody,
  mobileSchema,
  optionalText,
  REGISTER_LABELS,
  registerBody,
  revision,
  rrnRevealed,
} from './registry-contract.ts';
import {
  assistantAudit,
  duplicateMessage,
  getRrnClaim,
  listAssistantsByAgency,
  loadAssistant,
  registerAssistant,
  saveAssistant,
} from './repository.ts';
import {
  ASSISTANT_STATUS_LABELS,
  ASSISTANT_STATUSES,
  employmentProblems,
  insuranceProblems,
  personFromRrn,
  qualificationState,
  transitionProblem,
} from './rules.ts';

// 근로지원인 등록/관리 (SPEC B2): the agency registers and keeps its assistants — identity with the
// resident number encrypted, contact, employment dates, status, the four insurances and the
// qualification-restriction checks with evidence. A full resident number is shown only with a
// reason, and that read is audited.

/** The register's list: an agency's own, or (branch, hq) the agencies in scope; 기준년월 keeps those employed in it. */
const assistantListQuery = z.object({
  ...scopeQueryFields,
  status: z.enum(ASSISTANT_STATUSES, { error: '상태를 목록에서 골라 주세요.' }).optional(),
  month: monthField('기준년월').optional(),
});

/** Employed some day of the month: hired by its last day and not left before its first. */
function employedInMonth(item: AssistantItem, month: string): boolean {
  return item.hireDate <= lastDayOfMonth(month) && (!item.leaveDate || item.leaveDate >= `${month}-01`);
}

export function ownAgency(caller: Caller, chosen?: string): string {
  const agencyId = chosen ?? agencyOf(caller);
  if (!agencyId) throw new RuleViolation('수행기관을 골라 주세요.');
  return agencyId;
}

/** What screens get: never the cipher or the keyed hash, the resident number only masked. */
export function assistantView(item: AssistantItem): AssistantView {
  const { rrnCipher: _cipher, rrnMac: _mac, ...rest } = item;
  return rest;
}

function bump(item: AssistantItem, at: string, changes: Partial<AssistantItem>): AssistantItem {
  return { ...item, ...changes, revision: item.revision + 1, updatedAt: at };
}

function expectRevision(item: AssistantItem, revisionSeen: number): void {
  if (item.revision !== revisionSeen) {
    throw new Conflict(
      '다른 담당자가 이 근로지원인 정보를 먼저 바꿨습니다. 화면을 새로 고쳐 지금 내용을 확인한 뒤 다시 시도해 주세요.',
      'STALE',
    );
  }
}

/** Builds a new assistant record from checked input (shared by registration and accepted applications). */
export async function newAssistant(input: {
  agencyId: string;
  name: string;
  rrn?: string;
  rrnCipher?: string;
  rrnMac?: string;
  rrnMasked?: string;
  birthDate?: string;
  gender?: 'M' | 'F';
  mobilePhone: string;
  email?: string;
  address?: string;
  userId?: string;
  disability: { has: boolean; type?: string };
  qualifications: string[];
  careers?: AssistantItem['careers'];
  hireDate: string;
  by: string;
  sourceApplicationId?: string;
}): Promise<AssistantItem> {
  const agency = await getOrganisation(input.agencyId);
  if (agency?.kind !== 'agency') throw new NotFound('수행기관');
  const at = clock.nowIso();
  const keys = piiKeys();
  const identity = input.rrn
    ? {
        rrnCipher: await encryptField(keys, input.rrn),
        rrnMac: await keys.mac(input.rrn),
        rrnMasked: maskRrn(input.rrn),
        ...personFromRrn(input.rrn),
      }
    : {
        rrnCipher: input.rrnCipher!,
        rrnMac: input.rrnMac!,
        rrnMasked: input.rrnMasked!,
        birthDate: input.birthDate!,
        gender: input.gender!,
      };
  return {
    assistantId: `AS-${clock.today().slice(2, 4)}${randomBytes(4).toString('hex').toUpperCase()}`,
    agencyId: agency.organisationId,
    agencyName: agency.name,
    branchId: agency.branchId,
    name: input.name,
    ...identity,
    mobilePhone: input.mobilePhone,
    email: input.email,
    address: input.address,
    userId: input.userId,
    disability: input.disability,
    qualifications: input.qualifications,
    careers: input.careers ?? [],
    hireDate: input.hireDate,
    status: 'waiting',
    statusHistory: [{ status: 'waiting', on: input.hireDate, by: input.by, at, reason: '등록' }],
    insurances: {},
    qualificationChecks: [],
    sourceApplicationId: input.sourceApplicationId,
    revision: 1,
    createdAt: at,
    updatedAt: at,
  };
}

async function checkPortalLogin(userId: string | undefined): Promise<void> {
  if (!userId) return;
  const profile = await getProfile(userId);
  if (profile?.status !== 'active' || !profile.grants.some((g) => g.role === 'assistant')) {
    throw new ValidationFailed(
      [
        {
          field: 'body.userId',
          label: '포털 아이디',
          message: '근로지원인으로 가입한 포털 아이디가 아닙니다. 본인에게 포털 아이디를 확인하거나 비워 두세요.',
        },
      ],
      '포털 아이디를 확인해 주세요.',
    );
  }
}

export const registryRoutes = [
  defineRoute({
    method: 'POST',
    path: '/assistants',
    summary: '근로지원인 등록(수행기관): 주민등록번호는 암호화·마스킹, 같은 사람의 다른 기관 중복 재직 차단',
    response: assistantViewSchema,
    access: { action: 'register', resource: 'assistant', roles: ['agency'] },
    body: registerBody,
    labels: REGISTER_LABELS,
    handle: async ({ body, caller, allow }) => {
      const agencyId = ownAgency(caller!, body.agencyId);
      allow({ agencyId });
      const problems = employmentProblems(body.hireDate);
      if (problems.length) failOnBodyProblems(problems, REGISTER_LABELS);
      await checkPortalLogin(body.userId);
      // a friendly answer before the transaction; the claim inside it is what guarantees it
      const claim = await getRrnClaim(await piiKeys().mac(body.rrn));
      if (claim) {
        // already registered here: a duplicate (409); registered at another agency: the one-agency rule (400)
        throw claim.agencyId === agencyId
          ? new Conflict(duplicateMessage(claim, agencyId), 'DUPLICATE_PERSON')
          : new RuleViolation(duplicateMessage(claim, agencyId), 'DUPLICATE_PERSON');
      }
      const item = await newAssistant({ ...body, agencyId, by: caller!.userId });
      await registerAssistant(caller!, item);
      return { status: 201, body: assistantView(item) };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/assistants',
    summary:
      '근로지원인 목록(상태별): 수행기관은 소속 근로지원인, 지사·본부는 범위 안 수행기관들의 근로지원인 (읽기 전용)',
    response: assistantList,
    access: { action: 'list', resource: 'assistant', roles: ['agency', 'branch', 'hq'] },
    query: assistantListQuery,
    labels: { branchId: '관할지사', agencyId: '수행기관', status: '상태', month: '기준년월' },
    handle: async ({ query, caller, allow }) => {
      // an agency reads its own register; branch and hq read every agency in their scope (internal system)
      const ownAgencyId = agencyOf(caller!);
      const agencies = ownAgencyId
        ? [{ organisationId: ownAgency(caller!, query.agencyId) }]
        : await agenciesInScope(caller!, query, allow);
      if (ownAgencyId) allow({ agencyId: agencies[0]!.organisationId });
      const registered = (
        await Promise.all(agencies.map((agency) => listAssistantsByAgency(agency.organisationId, query.status)))
      ).flat();
      const items = registered
        .filter((item) => !query.month || employedInMonth(item, query.month))
        .sort((a, b) => a.name.localeCompare(b.name, 'ko') || a.agencyName.localeCompare(b.agencyName, 'ko'))
        .map(assistantView);
      // the list carries the 자격제한 findings and contact details of each person
      await recordPersonalDataRead(caller!, {
        action: 'assistant.list',
        targetType: ownAgencyId ? 'agency' : 'organisations',
        targetId: ownAgencyId ? agencies[0]!.organisationId : (query.agencyId ?? query.branchId ?? 'scope'),
        subjects: items.map((item) => item.userId ?? item.assistantId),
      });
      return { body: { items, count: items.length } };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/assistants/{assistantId}',
    summary: '근로지원인 한 명의 정보(주민등록번호는 마스킹)',
    response: assistantDetail,
    access: { action: 'read', resource: 'assistant', roles: ['agency', 'branch', 'hq'] },
    params: assistantParams,
    handle: async ({ params, caller, allow }) => {
      const item = await loadAssistant(params.assistantId);
      allow({ agencyId: item.agencyId, branchId: item.branchId });
      await recordAudit(caller!, assistantAudit(item, 'assistant.view'));
      const activeMatchings = await activeMatchingsOf(item.assistantId);
      return { body: { ...assistantView(item), activeMatchings, qualification: qualificationState(item) } };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/assistants/{assistantId}',
    summary: '근로지원인 연락처·주소·입사일·보유 자격 고치기',
    response: assistantViewSchema,
    access: { action: 'update', resource: 'assistant', roles: ['agency'] },
    params: assistantParams,
    body: z.object({
      revision,
      mobilePhone: mobileSchema,
      email: emailSchema.optional(),
      address: optionalText('주소', 200, '주소는 200자 이하로 입력해 주세요.'),
      userId: registerBody.shape.userId,
      disability: disabilitySchema,
      qualifications: registerBody.shape.qualifications,
      hireDate: day('입사일'),
    }),
    labels: REGISTER_LABELS,
    handle: async ({ params, body, caller, allow }) => {
      const item = await loadAssistant(params.assistantId);
      allow({ agencyId: item.agencyId });
      expectRevision(item, body.revision);
      const problems = employmentProblems(body.hireDate, item.leaveDate);
      const firstChange = item.statusHistory.slice(1)[0]?.on;
      if (!problems.length && firstChange && body.hireDate > firstChange) {
        problems.push({ field: 'hireDate', message: `입사일은 첫 상태 변경일(${firstChange})보다 늦을 수 없습니다.` });
      }
      if (problems.length) failOnBodyProblems(problems, REGISTER_LABELS);
      await checkPortalLogin(body.userId);
      const { revision: _seen, ...changes } = body;
      const statusHistory = item.statusHistory.map((h, i) => (i === 0 ? { ...h, on: body.hireDate } : h));
      const next = bump(item, clock.nowIso(), { ...changes, statusHistory });
      await saveAssistant(caller!, item, next, assistantAudit(next, 'assistant.update'));
      return { body: assistantView(next) };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/assistants/{assistantId}/status',
    summary: '근로지원인 상태 바꾸기(대기·활동·휴직·퇴사, 정해진 순서로만)',
    response: assistantWithStatusLabel,
    access: { action: 'changeStatus', resource: 'assistant', roles: ['agency'] },
    params: assistantParams,
    body: z.object({
      revision,
      status: z.enum(ASSISTANT_STATUSES, { error: '바꿀 상태를 골라 주세요.' }),
      on: day('적용일'),
      reason: optionalText('사유', 200, '사유는 200자 이하로 입력해 주세요.', true),
    }),
    labels: { status: '상태', on: '적용일', reason: '사유' },
    handle: async ({ params, body, caller, allow }) => {
      const item = await loadAssistant(params.assistantId);
      allow({ agencyId: item.agencyId });
      expectRevision(item, body.revision);
      const problem = transitionProblem(item.status, body.status, body.on, {
        hireDate: item.hireDate,
        lastChangedOn: item.statusHistory[item.statusHistory.length - 1]?.on ?? item.hireDate,
        activeMatchings: await activeMatchingsOf(item.assistantId),
        qualification: qualificationState(item),
      });
      if (problem) {
        // asking for the status it already has is a step already taken
        throw item.status === body.status
          ? new Conflict(problem, 'ASSISTANT_STATUS')
          : new RuleViolation(problem, 'ASSISTANT_STATUS');
      }
      const at = clock.nowIso();
      const next = bump(item, at, {
        status: body.status,
        ...(body.status === 'left' ? { leaveDate: body.on } : {}),
        statusHistory: [
          ...item.statusHistory,
          { status: body.status, on: body.on, by: caller!.userId, at, ...(body.reason ? { reason: body.reason } : {}) },
        ],
      });
      await saveAssistant(caller!, item, next, {
        ...assistantAudit(next, `assistant.status.${body.status}`),
        reason: body.reason,
      });
      return { body: { ...assistantView(next), statusLabel: ASSISTANT_STATUS_LABELS[next.status] } };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/assistants/{assistantId}/insurances',
    summary: '근로지원인 4대보험(국민연금·건강·고용·산재) 취득일과 상실일',
    response: assistantViewSchema,
    access: { action: 'updateInsurance', resource: 'assistant', roles: ['agency'] },
    params: assistantParams,
    body: insuranceBody,
    labels: INSURANCE_LABELS,
    handle: async ({ params, body, caller, allow }) => {
      const item = await loadAssistant(params.assistantId);
      allow({ agencyId: item.agencyId });
      expectRevision(item, body.revision);
      const { revision: _seen, ...insurances } = body;
      const problems = insuranceProblems(insurances, item.hireDate);
      if (problems.length) failOnBodyProblems(problems, INSURANCE_LABELS);
      const next = bump(item, clock.nowIso(), { insurances });
      await saveAssistant(caller!, item, next, assistantAudit(next, 'assistant.insurances'));
      return { body: assistantView(next) };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/assistants/{assistantId}/qualification-checks',
    summary: '자격제한 조회 기록(장애인활동법 제29조 1~5호): 조회일, 항목별 결과, 증빙 파일',
    response: assistantWithWarning,
    access: { action: 'recordCheck', resource: 'assistant', roles: ['agency'] },
    params: assistantParams,
    body: z.object({
      checkedOn: day('조회일'),
      findings: z.object(
        Object.fromEntries(
          DISQUALIFICATION_CODES.map((code) => [
            code,
            z.enum(['clear', 'found'], { error: '항목마다 ‘해당 없음’ 또는 ‘해당’을 골라 주세요.' }),
          ]),
        ) as Record<(typeof DISQUALIFICATION_CODES)[number], z.ZodEnum<{ clear: 'clear'; found: 'found' }>>,
        { error: '자격제한 항목별 조회 결과를 골라 주세요.' },
      ),
      evidenceUploadId: z.uuid({ error: '조회 결과 증빙 파일을 올려 주세요.' }),
      note: optionalText('메모', 500, '메모는 500자 이하로 입력해 주세요.', true),
    }),
    labels: { checkedOn: '조회일', findings: '조회 결과', evidenceUploadId: '증빙 파일', note: '메모' },
    handle: async ({ params, body, caller, allow }) => {
      const item = await loadAssistant(params.assistantId);
      allow({ agencyId: item.agencyId });
      const today = clock.today();
      if (body.checkedOn > today) {
        failOnBodyProblems([{ field: 'checkedOn', message: `조회일은 오늘(${today}) 이전이어야 합니다.` }], {
          checkedOn: '조회일',
        });
      }
      const evidence = await readyUpload(body.evidenceUploadId, caller!.userId, 'evidence');
      // kept with the record for as long as the record: out of the uploads bucket, whose pending files expire
      const evidenceKey = `assistants/${item.assistantId}/qualification-checks/${evidence.sha256 ?? evidence.uploadId}`;
      await keepUpload(evidence.bucketKey, evidenceKey, evidence.contentType);
      const at = clock.nowIso();
      const result = checkResult(body.findings);
      const check = {
        checkId: randomUUID(),
        checkedOn: body.checkedOn,
        findings: body.findings,
        result,
        evidenceUploadId: evidence.uploadId,
        evidenceFileName: evidence.fileName,
        evidenceSha256: evidence.sha256,
        evidenceKey,
        evidenceContentType: evidence.contentType,
        note: body.note,
        by: caller!.userId,
        at,
      };
      const next = bump(item, at, { qualificationChecks: [...item.qualificationChecks, check] });
      await saveAssistant(caller!, item, next, assistantAudit(next, `assistant.qualificationCheck.${result}`));
      const warning =
        result === 'disqualified'
          ? `결격사유(${foundLabels(body.findings).join(', ')})가 확인되었습니다. 이 근로지원인은 매칭하거나 ‘활동’으로 바꿀 수 없습니다.`
          : undefined;
      return { status: 201, body: { ...assistantView(next), warning } };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/assistants/{assistantId}/qualification-checks/{checkId}/evidence',
    summary: '자격제한 조회 증빙 파일 내려받기(잠깐 쓰는 주소)',
    response: evidenceDownload,
    access: { action: 'readEvidence', resource: 'assistant', roles: ['agency', 'branch', 'hq'] },
    params: assistantParams.extend({ checkId: z.uuid({ error: '조회 기록 번호가 올바르지 않습니다.' }) }),
    handle: async ({ params, caller, allow }) => {
      const item = await loadAssistant(params.assistantId);
      allow({ agencyId: item.agencyId, branchId: item.branchId });
      const check = item.qualificationChecks.find((c) => c.checkId === params.checkId);
      if (!check?.evidenceKey) throw new NotFound('증빙 파일');
      await recordAudit(caller!, assistantAudit(item, 'assistant.evidence.view'));
      const url = await presignDocument(check.evidenceKey, {
        fileName: check.evidenceFileName,
        contentType: check.evidenceContentType ?? 'application/octet-stream',
        attachment: true,
      });
      return { body: { url, fileName: check.evidenceFileName } };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/assistants/{assistantId}/rrn-reveal',
    summary: '주민등록번호 전체 보기: 사유를 적어야 하며 열람 기록이 남음',
    response: rrnRevealed,
    access: { action: 'revealRrn', resource: 'assistant', roles: ['agency', 'branch', 'hq'] },
    params: assistantParams,
    body: z.object({
      reason: textField('열람 사유', {
        min: 5,
        max: 200,
        multiline: true,
        messages: {
          required: '주민등록번호 전체를 보는 사유를 입력해 주세요.',
          min: '주민등록번호 전체를 보는 사유를 5자 이상 적어 주세요. (예: 4대보험 취득 신고)',
          max: '사유는 200자 이하로 입력해 주세요.',
        },
      }),
    }),
    labels: { reason: '열람 사유' },
    handle: async ({ params, body, caller, allow }) => {
      const item = await loadAssistant(params.assistantId);
      allow({ agencyId: item.agencyId, branchId: item.branchId });
      const rrn = await decryptField(piiKeys(), item.rrnCipher);
      // the record is written before the number leaves: no audit, no number
      await recordAudit(caller!, { ...assistantAudit(item, 'assistant.rrnReveal'), reason: body.reason });
      return {
        body: { assistantId: item.assistantId, rrn: `${rrn.slice(0, 6)}-${rrn.slice(6)}` },
        headers: { 'cache-control': 'no-store' },
      };
    },
  }),
];
