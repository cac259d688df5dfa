import { randomInt } from 'node:crypto';
import { PDFDocument, rgb } from 'pdf-lib';
import { maskName } from '#commons/rrn';
import { paddedFontkit } from '#functions/agencies/agreement-pdf';
import { koreanFont } from '#functions/agencies/fonts';
import { CERTIFICATE_CHECK_PATH, type CertificateCheck } from './contract.ts';
import type { TrainingApplicationItem, TrainingCertificateItem, TrainingCourseItem } from './entities.ts';
import { COURSE_KINDS, firstDay, label, lastDay } from './rules.ts';

// 수료증 (issue 16 §2): a completer's certificate, numbered and checkable on the portal by its number.
// The number is drawn at random (not derived from anything a stranger knows), so holding a number is
// what lets someone check it; the check shows the name masked.

/** Letters and digits that cannot be mistaken for each other when read aloud or typed. */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

export function newCertificateNumber(completedOn: string): string {
  const pick = () => ALPHABET[randomInt(0, ALPHABET.length)];
  const group = () => Array.from({ length: 4 }, pick).join('');
  return `TC-${completedOn.slice(0, 4)}-${group()}-${group()}`;
}

/** The certificate of a completer of `course`, issued now. */
export function certificateOf(
  application: TrainingApplicationItem,
  course: TrainingCourseItem,
  institutionName: string,
  completedOn: string,
  certificateNumber: string,
  issuedAt: string,
): TrainingCertificateItem {
  return {
    certificateNumber,
    applicationId: application.applicationId,
    applicantId: application.applicantId,
    name: application.name,
    birthDate: application.birthDate,
    courseId: course.courseId,
    courseName: course.name,
    courseKind: course.kind,
    institutionName,
    firstDay: firstDay(course.sessions) ?? completedOn,
    lastDay: lastDay(course.sessions) ?? completedOn,
    totalHours: course.totalHours,
    completedOn,
    issuedAt,
  };
}

export function certificateCheckOf(item: TrainingCertificateItem): CertificateCheck {
  return {
    certificateNumber: item.certificateNumber,
    maskedName: maskName(item.name),
    courseName: item.courseName,
    courseKind: label(COURSE_KINDS, item.courseKind),
    institutionName: item.institutionName,
    firstDay: item.firstDay,
    lastDay: item.lastDay,
    totalHours: item.totalHours,
    completedOn: item.completedOn,
    ...(item.revokedAt ? { revoked: { at: item.revokedAt, reason: item.revokedReason ?? '' } } : {}),
  };
}

const day = (d: string) => `${d.slice(0, 4)}년 ${Number(d.slice(5, 7))}월 ${Number(d.slice(8, 10))}일`;

/** The certificate as an A4 PDF in Korean (the font embedded as a subset, the language set). */
export async function certificatePdf(item: TrainingCertificateItem): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(paddedFontkit);
  const font = await doc.embedFont(koreanFont(), { subset: true });
  const title = '수료증';
  doc.setTitle(`${title} ${item.certificateNumber}`, { showInWindowTitleBar: true });
  doc.setAuthor(item.institutionName);
  doc.setLanguage('ko-KR');
  doc.setCreationDate(new Date(item.issuedAt));
  const page = doc.addPage([595.28, 841.89]);
  const centre = (text: string, y: number, size: number) =>
    page.drawText(text, { x: (595.28 - font.widthOfTextAtSize(text, size)) / 2, y, size, font });
  const line = (text: string, y: number, size = 12) => page.drawText(text, { x: 90, y, size, font });
  page.drawText(`제 ${item.certificateNumber} 호`, { x: 60, y: 780, size: 10, font, color: rgb(0.3, 0.3, 0.3) });
  centre(title, 700, 36);
  line(`성        명: ${item.name}`, 600);
  line(`생 년 월 일: ${item.birthDate}`, 575);
  line(`교육 과정명: ${item.courseName} (${label(COURSE_KINDS, item.courseKind)})`, 550);
  line(`교 육 기 간: ${item.firstDay} ~ ${item.lastDay} (${item.totalHours}시간)`, 525);
  centre('위 사람은 근로지원인 교육과정을 성실히 이수하였기에', 440, 14);
  centre('이 증서를 수여합니다.', 415, 14);
  centre(day(item.completedOn), 330, 13);
  centre(item.institutionName, 280, 18);
  page.drawText(
    `이 수료증이 맞는지는 근로지원인 포털의 수료증 확인(${CERTIFICATE_CHECK_PATH})에서 번호로 확인할 수 있습니다.`,
    {
      x: 60,
      y: 70,
      size: 9,
      font,
      color: rgb(0.3, 0.3, 0.3),
    },
  );
  return doc.save();
}
