import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { bindEntity } from '#commons/entities';
import { Forbidden, NotFound, RuleViolation, ValidationFailed } from '#commons/errors';
import * as clock from '#kernel/clock';
import { Upload, type UploadItem } from './entities.ts';
import { declaredProblem, landedProblem, pendingUploadKey, UPLOAD_PURPOSES, type UploadPurposeName } from './rules.ts';
import { deleteObject, inspectObject, presignPut } from './storage.ts';

export interface UploadRequest {
  purpose: UploadPurposeName;
  contentType: string;
  size: number;
  fileName: string;
}

const hash = (secret: string) => createHash('sha256').update(secret).digest('hex');

/** Records the pending upload and signs the PUT. Anonymous uploads get a secret to complete them with. */
export async function startUpload(ownerId: string, request: UploadRequest, anonymous = false) {
  const purpose = UPLOAD_PURPOSES[request.purpose];
  const problem = declaredProblem(purpose, request.contentType, request.size);
  if (problem) {
    throw new ValidationFailed([{ field: 'body.contentType', label: purpose.label, message: problem }], problem);
  }
  const uploadId = randomUUID();
  const secret = anonymous ? randomBytes(24).toString('base64url') : undefined;
  const bucketKey = pendingUploadKey(request.purpose, uploadId);
  await bindEntity(Upload)
    .put({
      uploadId,
      ownerId,
      uploadSecretHash: secret ? hash(secret) : undefined,
      purpose: request.purpose,
      contentType: request.contentType,
      fileName: request.fileName,
      declaredSize: request.size,
      bucketKey,
      status: 'pending',
      expiresAt: clock.nowEpochSeconds() + 24 * 3600,
    })
    .go();
  const url = await presignPut(bucketKey, request.contentType, request.size);
  return { uploadId, url, method: 'PUT', headers: { 'content-type': request.contentType }, uploadSecret: secret };
}

/** Checks what landed; a bad file is deleted and the upload marked rejected with the reason. */
export async function completeUpload(
  uploadId: string,
  owner: { ownerId: string } | { secret: string },
): Promise<UploadItem> {
  const uploads = bindEntity(Upload);
  const { data: upload } = await uploads.get({ uploadId }).go();
  if (!upload) throw new NotFound('올린 파일');
  const isOwner =
    'ownerId' in owner ? upload.ownerId === owner.ownerId : upload.uploadSecretHash === hash(owner.secret);
  if (!isOwner) throw new Forbidden('다른 사람이 올린 파일입니다.');
  if (upload.status === 'ready') return upload;
  const landed = await inspectObject(upload.bucketKey);
  if (!landed)
    throw new RuleViolation(
      '파일이 아직 올라오지 않았습니다. 파일을 다시 올린 뒤 완료를 눌러 주세요.',
      'UPLOAD_MISSING',
    );
  const purpose = UPLOAD_PURPOSES[upload.purpose as UploadPurposeName];
  const problem = landedProblem(purpose, upload.contentType, landed.size, landed.head);
  if (problem) {
    await deleteObject(upload.bucketKey);
    await uploads.patch({ uploadId }).set({ status: 'rejected', problem }).go();
    throw new ValidationFailed([{ field: 'file', label: purpose.label, message: problem }], problem);
  }
  const { data } = await uploads
    .patch({ uploadId })
    .set({ status: 'ready', size: landed.size, sha256: landed.sha256 })
    .remove(['expiresAt'])
    .go({ response: 'all_new' });
  return data as UploadItem;
}

/** For records that attach a file: it must be ready and belong to the person attaching it. */
export async function readyUpload(uploadId: string, ownerId: string, purpose: UploadPurposeName): Promise<UploadItem> {
  const { data } = await bindEntity(Upload).get({ uploadId }).go();
  if (!data || data.ownerId !== ownerId || data.purpose !== purpose || data.status !== 'ready') {
    throw new ValidationFailed(
      [
        {
          field: 'body.uploadId',
          label: UPLOAD_PURPOSES[purpose].label,
          message: `${UPLOAD_PURPOSES[purpose].label}을(를) 먼저 올려 주세요.`,
        },
      ],
      `${UPLOAD_PURPOSES[purpose].label}을(를) 먼저 올려 주세요.`,
    );
  }
  return data;
}
