import ExcelJS from 'exceljs';
import { maskName, maskPhone } from '#commons/rrn';
import { startOfKoreaDay } from '#kernel/korea-time';
import type { TrainingApplicationItem, TrainingCourseItem } from './entities.ts';
import { APPLICATION_STATE_LABELS } from './rules.ts';

// 교육신청 관리 as an .xlsx workbook: the screen's columns (seed 000's 교육 수강자 list). The
// institution runs the course and contacts its applicants, so its file carries their details; for
// everyone else (branch, hq) names, phones, e-mails and addresses are masked.

const COLUMNS = [
  { header: 'No.', key: 'no', width: 6 },
  { header: '성명', key: 'name', width: 10 },
  { header: '생년월일', key: 'birthDate', width: 12 },
  { header: '성별', key: 'gender', width: 6 },
  { header: '전화번호', key: 'phone', width: 15 },
  { header: 'E-Mail', key: 'email', width: 26 },
  { header: '주소', key: 'address', width: 40 },
  { header: '취업희망여부', key: 'employmentWish', width: 12 },
  { header: '근무희망수행기관', key: 'wishedAgencies', width: 36 },
  { header: '활동경력', key: 'career', width: 30 },
  { header: '신청 상태', key: 'state', width: 14 },
];

/** 010-1234-5678 from +821012345678. */
export function localPhone(e164: string): string {
  const local = `0${e164.replace(/^\+82/, '')}`;
  return `${local.slice(0, 3)}-${local.slice(3, local.length - 4)}-${local.slice(-4)}`;
}

/** ab***@example.com */
export function maskEmail(email: string | undefined): string {
  if (!email) return '';
  const [user = '', domain = ''] = email.split('@');
  return `${user.slice(0, 2)}***@${domain}`;
}

/** The address down to its 시/군/구: 서울특별시 마포구 *** */
export function maskAddress(address: string): string {
  return `${address.split(/\s+/).slice(0, 2).join(' ')} ***`;
}

export function applicantRow(item: TrainingApplicationItem, index: number, masked: boolean) {
  return {
    no: index + 1,
    name: masked ? maskName(item.name) : item.name,
    birthDate: item.birthDate,
    gender: item.gender === 'F' ? '여' : '남',
    phone: masked ? maskPhone(localPhone(item.phone)) : localPhone(item.phone),
    email: masked ? maskEmail(item.email) : (item.email ?? ''),
    address: masked ? maskAddress(item.address) : item.address,
    employmentWish: item.employmentWish ? '희망' : '미희망',
    wishedAgencies: item.wishedAgencies.map((a) => a.agencyName).join(', '),
    career: item.career ?? '',
    state: APPLICATION_STATE_LABELS[item.state],
  };
}

export async function applicantsWorkbook(
  course: TrainingCourseItem,
  applications: readonly TrainingApplicationItem[],
  masked: boolean,
  today: string,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '근로지원인 플랫폼';
  workbook.created = startOfKoreaDay(today);
  const sheet = workbook.addWorksheet('교육 신청자', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = COLUMNS;
  sheet.getRow(1).font = { bold: true };
  applications.forEach((item, i) => {
    sheet.addRow(applicantRow(item, i, masked));
  });
  const about = workbook.addWorksheet('안내');
  about.columns = [
    { header: '항목', key: 'k', width: 16 },
    { header: '내용', key: 'v', width: 70 },
  ];
  about.addRows([
    { k: '교육과정', v: `${course.name} (${course.courseId})` },
    { k: '교육기관', v: course.institutionName },
    { k: '내려받은 날', v: today },
    {
      k: '개인정보',
      v: masked
        ? '성명, 전화번호, E-Mail, 주소는 가려서 내려받았습니다.'
        : '교육 운영을 위한 연락처입니다. 목적 외로 쓰거나 넘기지 마세요.',
    },
  ]);
  about.getRow(1).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
