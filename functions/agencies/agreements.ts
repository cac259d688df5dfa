import { branchName } from '#commons/branches';
import type { Caller } from '#commons/caller';
import { presignDocument, readDocument, sha256Hex, writeDocument } from '#commons/documents';
import { Conflict, NotFound, RuleViolation, ValidationFailed } from '#commons/errors';
import { notifyStaff } from '#commons/notify';
import { actsForAgency } from '#commons/policy';
import * as clock from '#kernel/clock';
import {
  agreementPdf,
  DOCUMENT_STAGE_LABELS,
  type DocumentStage,
  type SealImage,
  supersessionPdf,
} from './agreement-pdf.ts';
import {
  AGREEMENT_ACTION_LABELS,
  AGREEMENT_STATUS_LABELS,
  type AgreementAction,
  agreementIdOf,
  availableActions,
  canReissue,
  type Side,
  transition,
} from './agreement-rules.ts';
import { allowedYears, type Parties, TERMS_LABELS, type Terms, termsProblems } from './agreement-template.ts';
import type { AgreementItem, OrganisationItem, SealItem } from './entities.ts';
import {
  getAgreement,
  getOrganisation,
  getSeal,
  listAgreementsOfOrganisation,
  listSeals,
  saveAgreements,
} from './repository.ts';
import { KEAD_SEAL_OWNER, sealForStamping } from './seal-rules.ts';

// Agreement flows (A3). Each step: check the state machine (agreement-rules.ts), generate the PDF
// where the step produces one, store it under a hash-named key, then save the agreement (only if it
// is still at the version that was read) and its audit record in one transaction, and tell the other
// side through the outbox.

const KEAD_NAME = '한국장애인고용공단';

type AgreementDocument = AgreementItem['documents'][number];
type AgreementEvent = AgreementItem['events'][number];

function stale(): never {
  throw new Conflict('다른 사람이 먼저 이 약정서를 바꿨습니다. 화면을 새로 고쳐 확인한 뒤 다시 시도해 주세요.');
}

export function requireVersion(agreement: AgreementItem, version: number): void {
  if (agreement.version !== version) stale();
}

/**
 * A refused step: 409 when the agreement has moved on from what the person saw (it is no longer in a
 * state the step starts from, or a reissue is already open); 400 when the step is not theirs to take.
 */
function refused(result: { code: string; message: string }): Conflict | RuleViolation {
  return result.code === 'WRONG_PARTY'
    ? new RuleViolation(result.message, result.code)
    : new Conflict(result.message, result.code);
}

function requireTransition(agreement: AgreementItem, action: AgreementAction, side: Side) {
  const result = transition(agreement.status, action, side);
  if (!result.ok) throw refused(result);
  return result.to;
}

function event(
  caller: Caller,
  action: AgreementAction | 'create',
  side: Side,
  status: string,
  note?: string,
): AgreementEvent {
  return { at: clock.nowIso(), action, actorId: caller.userId, side, status, note };
}

function termsOf(agreement: AgreementItem): Terms {
  return {
    periodStart: agreement.periodStart,
    periodEnd: agreement.periodEnd,
    budget: agreement.budget,
    assistantQuota: agreement.assistantQuota,
    workerQuota: agreement.workerQuota,
    operatingCostRate: agreement.operatingCostRate,
    specialTerms: agreement.specialTerms,
  };
}

function checkTerms(year: number, terms: Terms): void {
  const problems = termsProblems(year, terms);
  if (problems.length) {
    throw new ValidationFailed(
      problems.map((p) => ({ field: `body.${p.path}`, label: TERMS_LABELS[p.path] ?? p.path, message: p.message })),
      `입력한 내용을 확인해 주세요: ${problems.map((p) => p.message).join(' ')}`,
    );
  }
}

/** The organisation an agreement may be drafted for: a performing agency of the registry. */
export async function agencyForAgreement(organisationId: string): Promise<OrganisationItem> {
  const organisation = await getOrganisation(organisationId);
  if (!organisation) {
    throw new ValidationFailed(
      [{ field: 'body.organisationId', label: '수행기관', message: '목록에 있는 수행기관을 골라 주세요.' }],
      '수행기관을 찾을 수 없습니다. 목록에 있는 수행기관을 골라 주세요.',
    );
  }
  if (organisation.kind !== 'agency') {
    throw new ValidationFailed(
      [
        {
          field: 'body.organisationId',
          label: '수행기관',
          message: '전자 약정은 수행기관과 맺습니다. 교육기관이 아닌 수행기관을 골라 주세요.',
        },
      ],
      '전자 약정은 수행기관과 맺습니다. 수행기관을 골라 주세요.',
    );
  }
  return organisation;
}

/** The branch drafts the yearly agreement for one agency (revision 1, or the next after a discarded one). */
export async function draftAgreement(
  caller: Caller,
  organisation: OrganisationItem,
  year: number,
  terms: Terms,
): Promise<AgreementItem> {
  if (!allowedYears().includes(year)) {
    throw new ValidationFailed(
      [
        {
          field: 'body.year',
          label: '약정 연도',
          message: `약정 연도는 ${allowedYears().join(', ')}년 중에서 골라 주세요.`,
        },
      ],
      `약정 연도는 ${allowedYears().join(', ')}년 중에서 골라 주세요.`,
    );
  }
  checkTerms(year, terms);
  const existing = await listAgreementsOfOrganisation(organisation.organisationId, year);
  const open = existing.find((a) => a.status !== 'discarded' && a.status !== 'superseded');
  if (open) {
    throw new Conflict(
      `${organisation.name}의 ${year}년 약정서(${open.agreementId}, ${AGREEMENT_STATUS_LABELS[open.status]})가 이미 있습니다. 목록에서 그 약정서를 열어 주세요. 체결된 약정서를 바꾸려면 재발급해 주세요.`,
      'AGREEMENT_EXISTS',
    );
  }
  const revision = existing.reduce((max, a) => Math.max(max, a.revision), 0) + 1;
  const agreement: AgreementItem = {
    agreementId: agreementIdOf(year, organisation.organisationId, revision),
    organisationId: organisation.organisationId,
    organisationName: organisation.name,
    branchId: organisation.branchId,
    year,
    revision,
    status: 'draft',
    version: 1,
    ...terms,
    documents: [],
    events: [event(caller, 'create', 'kead', 'draft')],
    createdBy: caller.userId,
    createdAt: clock.nowIso(),
    updatedAt: clock.nowIso(),
  };
  await saveAgreements(caller, auditOf('create', agreement), [{ after: agreement }]);
  return agreement;
}

function auditOf(action: AgreementAction | 'create', agreement: AgreementItem, reason?: string) {
  return {
    action: `agreement.${action}`,
    targetType: 'agreement',
    targetId: agreement.agreementId,
    branchId: agreement.branchId,
    reason,
  };
}

/** The branch changes the terms of a draft (or of a returned agreement, which goes back to draft). */
export async function editAgreement(caller: Caller, agreement: AgreementItem, terms: Terms): Promise<AgreementItem> {
  const to = requireTransition(agreement, 'edit', 'kead');
  checkTerms(agreement.year, terms);
  const next: AgreementItem = {
    ...agreement,
    ...terms,
    specialTerms: terms.specialTerms,
    status: to,
    version: agreement.version + 1,
    events: [...agreement.events, event(caller, 'edit', 'kead', to)],
  };
  await saveAgreements(caller, auditOf('edit', agreement), [{ before: agreement, after: next }]);
  return next;
}

async function sealImage(seal: SealItem): Promise<SealImage> {
  return { bytes: await readDocument(seal.imageKey), contentType: seal.contentType };
}

function partiesOf(agreement: AgreementItem, organisation?: OrganisationItem): Parties {
  return {
    kead: { name: KEAD_NAME, office: agreement.keadOffice ?? branchName(agreement.branchId) ?? agreement.branchId },
    agency: {
      name: agreement.organisationName,
      representative: agreement.agencyRepresentative ?? organisation?.representative ?? '',
      address:
        agreement.agencyAddress ?? [organisation?.address, organisation?.addressDetail].filter(Boolean).join(' '),
      businessNumber: agreement.agencyBusinessNumber ?? organisation?.businessNumber,
    },
  };
}

async function storeDocument(
  caller: Caller,
  agreement: AgreementItem,
  stage: DocumentStage,
  bytes: Uint8Array,
): Promise<AgreementDocument> {
  const sha256 = sha256Hex(bytes);
  const number = agreement.documents.length + 1;
  const key = `agreements/${agreement.agreementId}/${number}-${stage}-${sha256.slice(0, 16)}.pdf`;
  await writeDocument(key, bytes, 'application/pdf');
  return {
    number,
    stage,
    key,
    sha256,
    size: bytes.length,
    createdAt: clock.nowIso(),
    createdBy: caller.userId,
  };
}

/**
 * The branch issues the agreement stamped with KEAD's approved seal. The parties' names and
 * addresses are frozen on the agreement as printed. Issuing a reissue supersedes the agreement it
 * replaces, which gets a notice document of its own; its earlier documents stay untouched.
 */
export async function issueAgreement(caller: Caller, agreement: AgreementItem): Promise<AgreementItem> {
  const to = requireTransition(agreement, 'issue', 'kead');
  const keadSeal = sealForStamping(await listSeals(KEAD_SEAL_OWNER), 'kead');
  if (!keadSeal.ok) throw new RuleViolation(keadSeal.message, keadSeal.code);
  const organisation = await getOrganisation(agreement.organisationId);
  if (!organisation) throw new NotFound('약정 상대 수행기관');

  let old: AgreementItem | undefined;
  if (agreement.supersedes) {
    old = await getAgreement(agreement.supersedes);
    const check = old && transition(old.status, 'supersede', 'kead');
    if (!old || !check?.ok || old.replacementId !== agreement.agreementId) {
      throw new Conflict(
        '대체할 약정서의 상태가 바뀌었습니다. 목록을 새로 고쳐 확인해 주세요.',
        'SUPERSEDED_AGREEMENT_CHANGED',
      );
    }
  }

  const issuedAt = clock.nowIso();
  const frozen: AgreementItem = {
    ...agreement,
    keadOffice: branchName(agreement.branchId) ?? agreement.branchId,
    agencyRepresentative: organisation.representative,
    agencyAddress: [organisation.address, organisation.addressDetail].filter(Boolean).join(' '),
    agencyBusinessNumber: organisation.businessNumber,
    organisationName: organisation.name,
  };
  const keadImage = await sealImage(keadSeal.value);
  const pdf = await agreementPdf({
    agreementId: agreement.agreementId,
    year: agreement.year,
    revision: agreement.revision,
    supersedes: agreement.supersedes,
    stage: 'issued',
    parties: partiesOf(frozen),
    terms: termsOf(agreement),
    issuedAt,
    keadSeal: keadImage,
  });
  const document = await storeDocument(caller, agreement, 'issued', pdf);
  const next: AgreementItem = {
    ...frozen,
    status: to,
    version: agreement.version + 1,
    issuedAt,
    keadSealVersion: keadSeal.value.version,
    returnReason: undefined,
    documents: [...agreement.documents, document],
    events: [...agreement.events, event(caller, 'issue', 'kead', to)],
  };
  const changes: { before?: AgreementItem; after: AgreementItem }[] = [{ before: agreement, after: next }];
  if (old) {
    const last = old.documents[old.documents.length - 1]!;
    const notice = await supersessionPdf({
      agreementId: old.agreementId,
      replacementId: agreement.agreementId,
      year: old.year,
      parties: partiesOf(old, organisation),
      lastDocument: { stage: last.stage, sha256: last.sha256, createdAt: last.createdAt },
      supersededAt: issuedAt,
      keadSeal: keadImage,
    });
    const noticeDocument = await storeDocument(caller, old, 'supersession', notice);
    changes.push({
      before: old,
      after: {
        ...old,
        status: 'superseded',
        version: old.version + 1,
        supersededBy: agreement.agreementId,
        documents: [...old.documents, noticeDocument],
        events: [
          ...old.events,
          event(caller, 'supersede', 'kead', 'superseded', `${agreement.agreementId}(으)로 대체`),
        ],
      },
    });
  }
  await saveAgreements(caller, auditOf('issue', agreement), changes);
  await notifyStaff(
    agreement.organisationId,
    `[근로지원인 플랫폼] ${agreement.year}년 근로지원인 사업 수행 약정서(${agreement.agreementId})가 발급되었습니다. 수행기관 시스템 ‘전자 약정’에서 내용을 확인하고 승인된 직인으로 날인해 주세요.`,
    'agreement-issued',
  );
  return next;
}

/** The agency stamps the issued agreement with its approved seal: the complete copy, both seals. */
export async function stampAgreement(caller: Caller, agreement: AgreementItem): Promise<AgreementItem> {
  const to = requireTransition(agreement, 'stamp', 'agency');
  const agencySeal = sealForStamping(await listSeals(agreement.organisationId), 'agency');
  if (!agencySeal.ok) throw new RuleViolation(agencySeal.message, agencySeal.code);
  const keadSeal = agreement.keadSealVersion ? await getSeal(KEAD_SEAL_OWNER, agreement.keadSealVersion) : undefined;
  if (!keadSeal) throw new NotFound('발급할 때 쓴 공단 직인');
  const issued = [...agreement.documents].reverse().find((d) => d.stage === 'issued');
  if (!issued) throw new NotFound('발급본');
  const stampedAt = clock.nowIso();
  const pdf = await agreementPdf({
    agreementId: agreement.agreementId,
    year: agreement.year,
    revision: agreement.revision,
    supersedes: agreement.supersedes,
    stage: 'complete',
    parties: partiesOf(agreement),
    terms: termsOf(agreement),
    issuedAt: agreement.issuedAt ?? stampedAt,
    stampedAt,
    keadSeal: await sealImage(keadSeal),
    agencySeal: await sealImage(agencySeal.value),
    issuedSha256: issued.sha256,
  });
  const document = await storeDocument(caller, agreement, 'complete', pdf);
  const next: AgreementItem = {
    ...agreement,
    status: to,
    version: agreement.version + 1,
    stampedAt,
    agencySealVersion: agencySeal.value.version,
    documents: [...agreement.documents, document],
    events: [...agreement.events, event(caller, 'stamp', 'agency', to)],
  };
  await saveAgreements(caller, auditOf('stamp', agreement), [{ before: agreement, after: next }]);
  await notifyStaff(
    agreement.branchId,
    `[근로지원인 플랫폼] ${agreement.organisationName}이(가) ${agreement.year}년 약정서(${agreement.agreementId})에 날인하여 체결이 끝났습니다. 내부 시스템 ‘전자 약정’에서 체결본을 내려받을 수 있습니다.`,
    'agreement-stamped',
  );
  return next;
}

/** The agency sends the issued agreement back with what to correct. */
export async function returnAgreement(
  caller: Caller,
  agreement: AgreementItem,
  reason: string,
): Promise<AgreementItem> {
  const to = requireTransition(agreement, 'return', 'agency');
  const next: AgreementItem = {
    ...agreement,
    status: to,
    version: agreement.version + 1,
    returnReason: reason,
    events: [...agreement.events, event(caller, 'return', 'agency', to, reason)],
  };
  await saveAgreements(caller, auditOf('return', agreement, reason), [{ before: agreement, after: next }]);
  await notifyStaff(
    agreement.branchId,
    `[근로지원인 플랫폼] ${agreement.organisationName}이(가) ${agreement.year}년 약정서(${agreement.agreementId})를 반송했습니다. 사유: ${reason}`,
    'agreement-returned',
  );
  return next;
}

/** The branch discards a draft or a returned agreement; a discarded reissue frees the one it was to replace. */
export async function discardAgreement(caller: Caller, agreement: AgreementItem): Promise<AgreementItem> {
  const to = requireTransition(agreement, 'discard', 'kead');
  const next: AgreementItem = {
    ...agreement,
    status: to,
    version: agreement.version + 1,
    events: [...agreement.events, event(caller, 'discard', 'kead', to)],
  };
  const changes: { before?: AgreementItem; after: AgreementItem }[] = [{ before: agreement, after: next }];
  if (agreement.supersedes) {
    const old = await getAgreement(agreement.supersedes);
    if (old?.replacementId === agreement.agreementId) {
      changes.push({ before: old, after: { ...old, replacementId: undefined, version: old.version + 1 } });
    }
  }
  await saveAgreements(caller, auditOf('discard', agreement), changes);
  return next;
}

/**
 * The branch reissues an issued or complete agreement: a new draft (the next revision) with the same
 * terms, to be edited and issued; the old one is marked as having a replacement in preparation.
 */
export async function reissueAgreement(caller: Caller, agreement: AgreementItem): Promise<AgreementItem> {
  const check = canReissue(agreement, 'kead');
  if (!check.ok) throw refused(check);
  const siblings = await listAgreementsOfOrganisation(agreement.organisationId, agreement.year);
  const revision = siblings.reduce((max, a) => Math.max(max, a.revision), 0) + 1;
  const now = clock.nowIso();
  const draft: AgreementItem = {
    agreementId: agreementIdOf(agreement.year, agreement.organisationId, revision),
    organisationId: agreement.organisationId,
    organisationName: agreement.organisationName,
    branchId: agreement.branchId,
    year: agreement.year,
    revision,
    status: 'draft',
    version: 1,
    ...termsOf(agreement),
    supersedes: agreement.agreementId,
    documents: [],
    events: [event(caller, 'reissue', 'kead', 'draft', `${agreement.agreementId}의 재발급본`)],
    createdBy: caller.userId,
    createdAt: now,
    updatedAt: now,
  };
  const old: AgreementItem = {
    ...agreement,
    replacementId: draft.agreementId,
    version: agreement.version + 1,
    events: [...agreement.events, event(caller, 'reissue', 'kead', agreement.status, `${draft.agreementId} 작성`)],
  };
  await saveAgreements(caller, auditOf('reissue', agreement), [{ before: agreement, after: old }, { after: draft }]);
  return draft;
}

/** Which side the caller acts for on this agreement (agency staff of its organisation, else KEAD). */
export function sideOf(caller: Caller, agreement: AgreementItem): Side {
  return actsForAgency(caller, agreement.organisationId) ? 'agency' : 'kead';
}

/** An agreement as both sides' screens show it: the actions are those the viewer's side may take. */
export function agreementView(agreement: AgreementItem, side: Side) {
  return {
    ...agreement,
    statusLabel: AGREEMENT_STATUS_LABELS[agreement.status],
    branchName: branchName(agreement.branchId) ?? agreement.branchId,
    actions: availableActions(agreement.status, side).filter(
      (action) => action !== 'reissue' || !agreement.replacementId,
    ),
    actionLabels: AGREEMENT_ACTION_LABELS,
    documents: agreement.documents.map((d) => ({
      number: d.number,
      stage: d.stage,
      stageLabel: DOCUMENT_STAGE_LABELS[d.stage],
      sha256: d.sha256,
      size: d.size,
      createdAt: d.createdAt,
      createdBy: d.createdBy,
    })),
  };
}

/** A short-lived address that downloads one document of the agreement. */
export async function documentDownload(agreement: AgreementItem, number: number) {
  const document = agreement.documents.find((d) => d.number === number);
  if (!document) throw new NotFound('약정서 문서');
  const fileName = `약정서_${agreement.agreementId}_${document.number}_${DOCUMENT_STAGE_LABELS[document.stage].replace(/[()\s]/g, '')}.pdf`;
  const url = await presignDocument(document.key, { fileName, contentType: 'application/pdf', attachment: true });
  return { url, fileName, sha256: document.sha256, size: document.size, expiresInSeconds: 300 };
}
