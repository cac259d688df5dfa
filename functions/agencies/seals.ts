import { HEADQUARTERS } from '#commons/branches';
import type { Caller } from '#commons/caller';
import { keepUpload, presignDocument, sha256Hex, writeDocument } from '#commons/documents';
import { Conflict, RuleViolation } from '#commons/errors';
import { notifyStaff } from '#commons/notify';
import { readyUpload } from '#functions/files/repository';
import * as clock from '#kernel/clock';
import type { OrganisationItem, SealItem } from './entities.ts';
import { createSeal, listSeals, saveSealDecision } from './repository.ts';
import {
  canRequestSeal,
  decideSeal,
  KEAD_SEAL_OWNER,
  nextSealVersion,
  SEAL_STATUS_LABELS,
  type SealDecision,
  sealsToRetire,
} from './seal-rules.ts';

// Seal flows (A2): an agency submits a new version for approval, its branch decides, hq registers
// KEAD's own seal. Each change is one audited transaction; the other side is told through the outbox.

const KEAD_NAME = '한국장애인고용공단';

function imageKey(organisationId: string, version: number, sha256: string, contentType: string): string {
  return `seals/${organisationId}/${version}-${sha256.slice(0, 16)}.${contentType === 'image/jpeg' ? 'jpg' : 'png'}`;
}

/** Moves the checked upload into the documents bucket and records the version as 승인 요청. */
export async function requestSeal(caller: Caller, organisation: OrganisationItem, uploadId: string): Promise<SealItem> {
  const upload = await readyUpload(uploadId, caller.userId, 'seal');
  const check = canRequestSeal(await listSeals(organisation.organisationId));
  // a request already waiting for the branch: the new one would be a second of the same
  if (!check.ok) throw new Conflict(check.message, check.code);
  const version = check.value.version;
  const key = imageKey(organisation.organisationId, version, upload.sha256!, upload.contentType);
  try {
    await keepUpload(upload.bucketKey, key, upload.contentType);
  } catch (error) {
    if (error instanceof Error && (error.name === 'NoSuchKey' || error.name === 'NotFound')) {
      throw new Conflict('이미 사용한 파일입니다. 직인 이미지를 다시 올려 주세요.', 'UPLOAD_USED');
    }
    throw error;
  }
  const now = clock.nowIso();
  const seal: SealItem = {
    organisationId: organisation.organisationId,
    version,
    branchId: organisation.branchId,
    organisationName: organisation.name,
    status: 'requested',
    imageKey: key,
    contentType: upload.contentType,
    size: upload.size!,
    sha256: upload.sha256!,
    fileName: upload.fileName,
    requestedBy: caller.userId,
    requestedAt: now,
  };
  await createSeal(caller, seal, {
    action: 'seal.request',
    targetType: 'seal',
    targetId: `${seal.organisationId}#${version}`,
    branchId: seal.branchId,
  });
  await notifyStaff(
    organisation.branchId,
    `[근로지원인 플랫폼] ${organisation.name}이(가) 직인 승인을 요청했습니다(${version}번째 등록). 내부 시스템 ‘직인 승인’에서 확인해 주세요.`,
    'seal-requested',
  );
  return seal;
}

/** The branch approves (retiring the seal approved before) or rejects with a reason. */
export async function decideSealRequest(
  caller: Caller,
  seal: SealItem,
  decision: SealDecision,
  reason: string | undefined,
): Promise<SealItem> {
  const rule = decideSeal(seal, decision, reason);
  if (!rule.ok) {
    throw rule.code === 'SEAL_ALREADY_DECIDED'
      ? new Conflict(rule.message, rule.code)
      : new RuleViolation(rule.message, rule.code);
  }
  const history = await listSeals(seal.organisationId);
  const retire = decision === 'approve' ? sealsToRetire(history, seal.version) : [];
  const decided: SealItem = {
    ...seal,
    status: rule.value.status,
    decidedBy: caller.userId,
    decidedAt: clock.nowIso(),
    reason: decision === 'reject' ? reason?.trim() : undefined,
  };
  await saveSealDecision(caller, decided, retire, {
    action: `seal.${decision}`,
    targetType: 'seal',
    targetId: `${seal.organisationId}#${seal.version}`,
    branchId: seal.branchId,
    reason: decided.reason,
  });
  await notifyStaff(
    seal.organisationId,
    decision === 'approve'
      ? `[근로지원인 플랫폼] 직인(${seal.version}번째 등록)이 승인되었습니다. 이제 전자 약정서에 이 직인으로 날인할 수 있습니다.`
      : `[근로지원인 플랫폼] 직인(${seal.version}번째 등록)이 반려되었습니다. 사유: ${decided.reason} — 직인 관리에서 새 이미지를 올려 주세요.`,
    `seal-${decision === 'approve' ? 'approved' : 'rejected'}`,
  );
  return decided;
}

/**
 * KEAD's own seal: registered by hq (who holds the seal) and approved at once, replacing the one
 * before. `image` is either a checked upload or bytes (the demo seed).
 */
export async function registerKeadSeal(
  caller: Caller,
  image: { uploadId: string } | { bytes: Uint8Array; contentType: string; fileName: string },
): Promise<SealItem> {
  const history = await listSeals(KEAD_SEAL_OWNER);
  const version = nextSealVersion(history);
  let stored: { key: string; contentType: string; size: number; sha256: string; fileName: string };
  if ('uploadId' in image) {
    const upload = await readyUpload(image.uploadId, caller.userId, 'seal');
    const key = imageKey(KEAD_SEAL_OWNER, version, upload.sha256!, upload.contentType);
    await keepUpload(upload.bucketKey, key, upload.contentType);
    stored = {
      key,
      contentType: upload.contentType,
      size: upload.size!,
      sha256: upload.sha256!,
      fileName: upload.fileName,
    };
  } else {
    const sha256 = sha256Hex(image.bytes);
    const key = imageKey(KEAD_SEAL_OWNER, version, sha256, image.contentType);
    await writeDocument(key, image.bytes, image.contentType);
    stored = { key, contentType: image.contentType, size: image.bytes.length, sha256, fileName: image.fileName };
  }
  const now = clock.nowIso();
  const seal: SealItem = {
    organisationId: KEAD_SEAL_OWNER,
    version,
    branchId: HEADQUARTERS.branchId,
    organisationName: KEAD_NAME,
    status: 'approved',
    imageKey: stored.key,
    contentType: stored.contentType,
    size: stored.size,
    sha256: stored.sha256,
    fileName: stored.fileName,
    requestedBy: caller.userId,
    requestedAt: now,
    decidedBy: caller.userId,
    decidedAt: now,
  };
  const retire = history.filter((old) => old.status === 'approved');
  await createSeal(
    caller,
    seal,
    { action: 'seal.registerKead', targetType: 'seal', targetId: `${KEAD_SEAL_OWNER}#${version}`, branchId: 'HQ' },
    retire,
  );
  return seal;
}

/** A seal as screens show it, with a short-lived address of its image. */
export async function sealView(seal: SealItem) {
  const imageUrl = await presignDocument(seal.imageKey, {
    fileName: seal.fileName,
    contentType: seal.contentType,
    attachment: false,
  });
  return {
    organisationId: seal.organisationId,
    organisationName: seal.organisationName,
    branchId: seal.branchId,
    version: seal.version,
    status: seal.status,
    statusLabel: SEAL_STATUS_LABELS[seal.status],
    fileName: seal.fileName,
    contentType: seal.contentType,
    size: seal.size,
    sha256: seal.sha256,
    requestedBy: seal.requestedBy,
    requestedAt: seal.requestedAt,
    decidedBy: seal.decidedBy,
    decidedAt: seal.decidedAt,
    reason: seal.reason,
    retiredAt: seal.retiredAt,
    imageUrl,
  };
}
