import { z } from 'zod';
import { defineRoute } from '#commons/http/route';
import { ROLES } from '#commons/roles';
import { textField, tokenField } from '#kernel/fields';
import { completeUpload, startUpload } from './repository.ts';
import { UPLOAD_PURPOSES, type UploadPurposeName } from './rules.ts';

const PURPOSES = Object.keys(UPLOAD_PURPOSES) as [UploadPurposeName, ...UploadPurposeName[]];

/** A file the browser is about to upload, as declared (checked again against the bytes that land). */
export const declaredFile = z.object({
  contentType: z
    .string({ error: '파일 형식을 알 수 없습니다. 파일을 다시 골라 주세요.' })
    .min(1, { error: '파일 형식을 알 수 없습니다. 파일을 다시 골라 주세요.' })
    .max(120, { error: '파일 형식을 알 수 없습니다. 파일을 다시 골라 주세요.' })
    .regex(/^[\w.+-]+\/[\w.+-]+(;[ \w=.+"-]*)?$/, { error: '파일 형식을 알 수 없습니다. 파일을 다시 골라 주세요.' }),
  size: z.number({ error: '파일 크기를 알 수 없습니다. 파일을 다시 골라 주세요.' }).int().positive(),
  fileName: textField('파일 이름', {
    min: 1,
    max: 200,
    messages: { required: '파일 이름이 없습니다.', max: '파일 이름은 200자 이하여야 합니다.' },
  }),
});

export const DECLARED_FILE_LABELS = { contentType: '파일 형식', size: '파일 크기', fileName: '파일 이름' };

const uploadBody = declaredFile.extend({
  purpose: z.enum(PURPOSES, { error: '파일 용도를 목록에서 골라 주세요.' }),
});

const LABELS = { purpose: '파일 용도', ...DECLARED_FILE_LABELS };
const uploadParams = z.object({ uploadId: z.uuid({ error: '파일 번호가 올바르지 않습니다.' }) });

function publicView(upload: { uploadId: string; status: string; size?: number; sha256?: string; fileName: string }) {
  return {
    uploadId: upload.uploadId,
    status: upload.status,
    size: upload.size,
    sha256: upload.sha256,
    fileName: upload.fileName,
  };
}

export const fileRoutes = [
  defineRoute({
    method: 'POST',
    path: '/files/uploads',
    summary: '파일 올리기 준비: 용도·형식·크기를 확인하고 올릴 주소(presigned URL) 발급',
    access: { action: 'upload', resource: 'file', roles: ROLES },
    body: uploadBody,
    labels: LABELS,
    handle: async ({ body, caller }) => ({ status: 201, body: await startUpload(caller!.userId, body) }),
  }),
  defineRoute({
    method: 'POST',
    path: '/files/uploads/{uploadId}/complete',
    summary: '파일 올리기 완료: 올라온 파일의 크기와 형식(파일 서명)을 서버에서 확인',
    access: { action: 'upload', resource: 'file', roles: ROLES },
    params: uploadParams,
    handle: async ({ params, caller }) => ({
      body: publicView(await completeUpload(params.uploadId, { ownerId: caller!.userId })),
    }),
  }),
  defineRoute({
    method: 'POST',
    path: '/auth/uploads',
    summary: '가입 전 파일 올리기 준비(기관 담당자 계정 신청의 보안서약서만)',
    access: 'public',
    body: uploadBody.extend({
      purpose: z.literal('pledge', { error: '로그인 전에는 보안서약서만 올릴 수 있습니다.' }),
    }),
    labels: LABELS,
    handle: async ({ body }) => ({ status: 201, body: await startUpload('anonymous', body, true) }),
  }),
  defineRoute({
    method: 'POST',
    path: '/auth/uploads/{uploadId}/complete',
    summary: '가입 전 파일 올리기 완료(발급받은 비밀값으로 확인)',
    access: 'public',
    params: uploadParams,
    body: z.object({
      uploadSecret: tokenField('파일 확인값', {
        min: 10,
        max: 100,
        message: '파일 확인값이 없습니다. 파일을 다시 올려 주세요.',
      }),
    }),
    handle: async ({ params, body }) => ({
      body: publicView(await completeUpload(params.uploadId, { secret: body.uploadSecret })),
    }),
  }),
];
