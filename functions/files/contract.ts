import { z } from 'zod';
import { textField, tokenField } from '#kernel/fields';
import { UPLOAD_PURPOSES, type UploadPurposeName } from './rules.ts';

// The files capability's contract: what its routes take and answer. The web infers its types from here.

const PURPOSES = Object.keys(UPLOAD_PURPOSES) as [UploadPurposeName, ...UploadPurposeName[]];

/** Where an upload stands (one list: the entity's enum derives from it). */
export const UPLOAD_STATUSES = ['pending', 'ready', 'rejected'] as const;

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

export const uploadBody = declaredFile.extend({
  purpose: z.enum(PURPOSES, { error: '파일 용도를 목록에서 골라 주세요.' }),
});

export const anonymousUploadBody = uploadBody.extend({
  purpose: z.literal('pledge', { error: '로그인 전에는 보안서약서만 올릴 수 있습니다.' }),
});

export const UPLOAD_LABELS = { purpose: '파일 용도', ...DECLARED_FILE_LABELS };
export const uploadParams = z.object({ uploadId: z.uuid({ error: '파일 번호가 올바르지 않습니다.' }) });

export const anonymousCompleteBody = z.object({
  uploadSecret: tokenField('파일 확인값', {
    min: 10,
    max: 100,
    message: '파일 확인값이 없습니다. 파일을 다시 올려 주세요.',
  }),
});

/** Where to PUT the file (a presigned URL), and for an anonymous upload the secret to complete it with. */
export const startedUpload = z.object({
  uploadId: z.string(),
  url: z.string(),
  method: z.literal('PUT'),
  headers: z.record(z.string(), z.string()),
  uploadSecret: z.string().optional(),
});
export type StartedUpload = z.output<typeof startedUpload>;

/** An upload once checked: ready, or rejected (and deleted) with its reason kept server-side. */
export const completedUpload = z.object({
  uploadId: z.string(),
  status: z.enum(UPLOAD_STATUSES),
  size: z.number().optional(),
  sha256: z.string().optional(),
  fileName: z.string(),
});
export type CompletedUpload = z.output<typeof completedUpload>;
