import { CONTENT_TYPES, declaredProblem, type FileKind, UPLOAD_PURPOSES } from '#functions/files/rules';

// The security pledge (보안서약서) a staff member attaches to an account request: the kinds and the
// size the server accepts come from the same rules the server checks (functions/files/rules.ts), so
// the browser can say at once what is wrong; the server still checks the bytes after the upload.

export const PLEDGE = UPLOAD_PURPOSES.pledge;

const EXTENSIONS: Record<string, FileKind> = { pdf: 'pdf', png: 'png', jpg: 'jpeg', jpeg: 'jpeg' };

/** The content type to declare: the browser's, or one read from the extension when it gave none. */
export function pledgeContentType(file: { name: string; type: string }): string {
  if (file.type) return file.type;
  const extension = file.name.split('.').pop()?.toLowerCase() ?? '';
  const kind = EXTENSIONS[extension];
  return kind ? CONTENT_TYPES[kind] : 'application/octet-stream';
}

/** What is wrong with the chosen file before it is sent, in Korean; undefined when it may go. */
export function pledgeProblem(file: { name: string; type: string; size: number }): string | undefined {
  return declaredProblem(PLEDGE, pledgeContentType(file), file.size);
}

/** For the file input's accept attribute: the same kinds, by type and by extension. */
export const PLEDGE_ACCEPT = [
  ...PLEDGE.kinds.map((k) => CONTENT_TYPES[k]),
  ...Object.entries(EXTENSIONS)
    .filter(([, kind]) => (PLEDGE.kinds as readonly FileKind[]).includes(kind))
    .map(([ext]) => `.${ext}`),
].join(',');

export const PLEDGE_HINT = `서명한 보안서약서를 스캔하거나 사진으로 찍어 PDF, PNG, JPEG 파일로 올려 주세요. ${PLEDGE.maxBytes / 1024 / 1024}MB 이하만 올릴 수 있습니다.`;

/** "보안서약서.pdf (1.2MB)": the file as the list shows it. */
export function describeFile(file: { name: string; size: number }): string {
  const size =
    file.size >= 1024 * 1024
      ? `${(file.size / 1024 / 1024).toFixed(1)}MB`
      : `${Math.max(1, Math.round(file.size / 1024))}KB`;
  return `${file.name} (${size})`;
}
