// What each kind of upload may be (pure). The browser's declared type is never trusted: the bytes
// that landed are checked against these signatures after the upload (s3rver does not check
// signatures at all, and a presigned URL on AWS cannot bound the size of a PUT by itself).

export type FileKind = 'png' | 'jpeg' | 'pdf' | 'xlsx' | 'csv';

export const CONTENT_TYPES: Record<FileKind, string> = {
  png: 'image/png',
  jpeg: 'image/jpeg',
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv',
};

const KIND_LABELS: Record<FileKind, string> = { png: 'PNG', jpeg: 'JPEG', pdf: 'PDF', xlsx: '엑셀(XLSX)', csv: 'CSV' };

export interface UploadPurpose {
  label: string;
  kinds: FileKind[];
  maxBytes: number;
}

const MB = 1024 * 1024;

/** Upload purposes, defined once: the route, the presigned URL and the check after upload read these. */
export const UPLOAD_PURPOSES = {
  seal: { label: '직인 이미지', kinds: ['png', 'jpeg'], maxBytes: 2 * MB },
  pledge: { label: '보안서약서', kinds: ['pdf', 'png', 'jpeg'], maxBytes: 10 * MB },
  evidence: { label: '증빙 파일', kinds: ['pdf', 'png', 'jpeg'], maxBytes: 10 * MB },
  attendance: { label: '출퇴근 자료', kinds: ['xlsx', 'csv'], maxBytes: 30 * MB },
  consentScan: { label: '서명 스캔본', kinds: ['pdf', 'png', 'jpeg'], maxBytes: 10 * MB },
} as const satisfies Record<string, UploadPurpose>;

export type UploadPurposeName = keyof typeof UPLOAD_PURPOSES;

/** Where browser uploads land in the uploads bucket; a lifecycle rule removes what is left after a day. */
export const PENDING_UPLOAD_PREFIX = 'pending/';

/** The object key of an upload: by purpose, so that a bucket notification can select one purpose's files. */
export function pendingUploadKey(purpose: UploadPurposeName, uploadId: string): string {
  return `${pendingUploadPrefix(purpose)}${uploadId}`;
}

export function pendingUploadPrefix(purpose: UploadPurposeName): string {
  return `${PENDING_UPLOAD_PREFIX}${purpose}/`;
}

/** An object key as S3 events give it (URL-encoded, spaces as +), decoded. */
export function objectKeyOfEvent(key: string): string {
  return decodeURIComponent(key.replace(/\+/g, ' '));
}

/** The upload id in an object key of that purpose, as an S3 event gives the key. */
export function uploadIdOfKey(key: string, purpose: UploadPurposeName): string | undefined {
  const decoded = objectKeyOfEvent(key);
  const prefix = pendingUploadPrefix(purpose);
  if (!decoded.startsWith(prefix)) return undefined;
  const id = decoded.slice(prefix.length);
  return /^[0-9a-f-]{36}$/.test(id) ? id : undefined;
}

export function kindOfContentType(contentType: string): FileKind | undefined {
  return (Object.keys(CONTENT_TYPES) as FileKind[]).find((kind) => CONTENT_TYPES[kind] === contentType);
}

/** Recognises a file by its first bytes. CSV has no signature: it is text without NUL bytes. */
export function sniffKind(head: Uint8Array): FileKind | undefined {
  const starts = (...bytes: number[]) => bytes.every((b, i) => head[i] === b);
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'png';
  if (starts(0xff, 0xd8, 0xff)) return 'jpeg';
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'pdf';
  if (starts(0x50, 0x4b, 0x03, 0x04)) return 'xlsx';
  if (head.length > 0 && !head.includes(0)) return 'csv';
  return undefined;
}

function allowedList(purpose: UploadPurpose): string {
  return purpose.kinds.map((k) => KIND_LABELS[k]).join(', ');
}

/** Before signing: Korean message when the declared file cannot be accepted. */
export function declaredProblem(purpose: UploadPurpose, contentType: string, size: number): string | undefined {
  const kind = kindOfContentType(contentType);
  if (!kind || !(purpose.kinds as FileKind[]).includes(kind)) {
    return `${purpose.label}은(는) ${allowedList(purpose)} 파일만 올릴 수 있습니다.`;
  }
  if (size <= 0) return '빈 파일입니다. 내용이 있는 파일을 골라 주세요.';
  if (size > purpose.maxBytes) {
    return `${purpose.label}은(는) ${purpose.maxBytes / MB}MB 이하만 올릴 수 있습니다. 지금 파일은 ${(size / MB).toFixed(1)}MB입니다.`;
  }
  return undefined;
}

/** After upload: the bytes that actually landed. */
export function landedProblem(
  purpose: UploadPurpose,
  declaredType: string,
  size: number,
  head: Uint8Array,
): string | undefined {
  if (size > purpose.maxBytes) {
    return `${purpose.label}은(는) ${purpose.maxBytes / MB}MB 이하만 올릴 수 있습니다. 올린 파일은 ${(size / MB).toFixed(1)}MB입니다.`;
  }
  if (size === 0) return '빈 파일이 올라왔습니다. 파일을 다시 골라 주세요.';
  const actual = sniffKind(head);
  const declared = kindOfContentType(declaredType);
  if (!actual || actual !== declared) {
    return `올린 파일의 내용이 ${allowedList(purpose)} 형식이 아닙니다. 파일 형식을 확인하고 다시 올려 주세요.`;
  }
  return undefined;
}
