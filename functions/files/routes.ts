import { defineRoute } from '#commons/http/route';
import { ROLES } from '#commons/roles';
import {
  anonymousCompleteBody,
  anonymousUploadBody,
  type CompletedUpload,
  completedUpload,
  startedUpload,
  UPLOAD_LABELS,
  uploadBody,
  uploadParams,
} from './contract.ts';
import { completeUpload, startUpload } from './repository.ts';

// kept here for the capabilities that declared their files with it before the contract existed

function publicView(upload: CompletedUpload): CompletedUpload {
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
    response: startedUpload,
    access: { action: 'upload', resource: 'file', roles: ROLES },
    body: uploadBody,
    labels: UPLOAD_LABELS,
    handle: async ({ body, caller }) => ({ status: 201, body: await startUpload(caller!.userId, body) }),
  }),
  defineRoute({
    method: 'POST',
    path: '/files/uploads/{uploadId}/complete',
    summary: '파일 올리기 완료: 올라온 파일의 크기와 형식(파일 서명)을 서버에서 확인',
    response: completedUpload,
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
    response: startedUpload,
    access: 'public',
    body: anonymousUploadBody,
    labels: UPLOAD_LABELS,
    handle: async ({ body }) => ({ status: 201, body: await startUpload('anonymous', body, true) }),
  }),
  defineRoute({
    method: 'POST',
    path: '/auth/uploads/{uploadId}/complete',
    summary: '가입 전 파일 올리기 완료(발급받은 비밀값으로 확인)',
    response: completedUpload,
    access: 'public',
    params: uploadParams,
    body: anonymousCompleteBody,
    handle: async ({ params, body }) => ({
      body: publicView(await completeUpload(params.uploadId, { secret: body.uploadSecret })),
    }),
  }),
];
