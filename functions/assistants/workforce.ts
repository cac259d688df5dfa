import { maskName, maskPhone } from '#commons/rrn';
import { DISABILITY_TYPES, label } from '#functions/applications/codes';
import type { AssistantItem } from './entities.ts';
import { ASSISTANT_STATUS_LABELS, type AssistantStatus, careerMonths } from './rules.ts';

// 근로지원인 인력조회 (SPEC B5), pure: the filters of the list and its rows, with the columns of seed
// 000's screen (성명, 생년월일, 성별, 장애유무, 장애유형, 전화번호, E-Mail, 주소, 수행기관, 활동경력,
// 현재활동여부). Phones, e-mails and addresses are masked on screen; the Excel file masks names too,
// because a file travels further than a screen.

export interface WorkforceFilter {
  agencyId?: string;
  status?: AssistantStatus;
  /** part of the name, spaces ignored */
  name?: string;
  /** hire date range, inclusive */
  hiredFrom?: string;
  hiredTo?: string;
  /** 교육수료일자 range, inclusive: a person without a completion does not match it */
  completedFrom?: string;
  completedTo?: string;
}

export function matchesFilter(item: AssistantItem, filter: WorkforceFilter): boolean {
  if (filter.agencyId && item.agencyId !== filter.agencyId) return false;
  if (filter.status && item.status !== filter.status) return false;
  if (filter.name && !item.name.replace(/\s+/g, '').includes(filter.name.replace(/\s+/g, ''))) return false;
  if (filter.hiredFrom && item.hireDate < filter.hiredFrom) return false;
  if (filter.hiredTo && item.hireDate > filter.hiredTo) return false;
  return true;
}

/** The 교육수료일자 filter, on a row that already carries the training record. */
export function matchesCompletion(row: WorkforceRow, filter: WorkforceFilter): boolean {
  if (!filter.completedFrom && !filter.completedTo) return true;
  if (!row.trainingCompletedOn) return false;
  if (filter.completedFrom && row.trainingCompletedOn < filter.completedFrom) return false;
  if (filter.completedTo && row.trainingCompletedOn > filter.completedTo) return false;
  return true;
}

import type { WorkforceRow } from './workforce-contract.ts';

export type { WorkforceRow };

/** ab***@example.com */
export function maskEmail(email: string | undefined): string {
  if (!email) return '';
  const [local = '', domain = ''] = email.split('@');
  return `${local.slice(0, 2)}${'*'.repeat(Math.max(1, local.length - 2))}@${domain}`;
}

/** Only the 시/도 and 시/군/구 of an address: enough to plan work, not enough to find a door. */
export function shortAddress(address: string | undefined): string {
  if (!address) return '';
  return address.split(/\s+/).slice(0, 2).join(' ');
}

function monthsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  return Math.max(0, (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0));
}

export function workforceRow(
  item: AssistantItem,
  today: string,
  training: { completedOn?: string; wishedAgencies: readonly string[] } = { wishedAgencies: [] },
): WorkforceRow {
  const served = monthsBetween(item.hireDate, item.leaveDate && item.leaveDate < today ? item.leaveDate : today);
  return {
    assistantId: item.assistantId,
    name: item.name,
    birthDate: item.birthDate,
    gender: item.gender === 'M' ? '남' : '여',
    disability: item.disability.has ? '있음' : '없음',
    disabilityType: item.disability.has ? label(DISABILITY_TYPES, item.disability.type) : '',
    phone: maskPhone(item.mobilePhone),
    email: maskEmail(item.email),
    address: shortAddress(item.address),
    agencyName: item.agencyName,
    careerMonths: careerMonths(item.careers) + (item.hireDate <= today ? served : 0),
    hireDate: item.hireDate,
    leaveDate: item.leaveDate ?? '',
    status: item.status,
    statusLabel: ASSISTANT_STATUS_LABELS[item.status],
    rrnMasked: item.rrnMasked,
    wishedAgencies: training.wishedAgencies.join(', '),
    trainingCompletedOn: training.completedOn ?? '',
  };
}

/** The row as it goes into the Excel file: the name masked as well. */
export function exportRow(row: WorkforceRow): WorkforceRow {
  return { ...row, name: maskName(row.name) };
}

export const EXPORT_COLUMNS: { header: string; key: keyof WorkforceRow; width: number }[] = [
  { header: '관리번호', key: 'assistantId', width: 16 },
  { header: '성명', key: 'name', width: 10 },
  { header: '생년월일', key: 'birthDate', width: 12 },
  { header: '주민등록번호', key: 'rrnMasked', width: 16 },
  { header: '성별', key: 'gender', width: 6 },
  { header: '장애유무', key: 'disability', width: 8 },
  { header: '장애유형', key: 'disabilityType', width: 12 },
  { header: '전화번호', key: 'phone', width: 15 },
  { header: 'E-Mail', key: 'email', width: 22 },
  { header: '주소', key: 'address', width: 20 },
  { header: '소속 수행기관', key: 'agencyName', width: 22 },
  { header: '활동경력(개월)', key: 'careerMonths', width: 12 },
  { header: '입사일', key: 'hireDate', width: 12 },
  { header: '퇴사일', key: 'leaveDate', width: 12 },
  { header: '현재활동여부', key: 'statusLabel', width: 12 },
  { header: '근무희망수행기관', key: 'wishedAgencies', width: 24 },
  { header: '교육수료일자', key: 'trainingCompletedOn', width: 12 },
];

export function sortRows(rows: WorkforceRow[]): WorkforceRow[] {
  const collator = new Intl.Collator('ko');
  return [...rows].sort((a, b) => collator.compare(a.agencyName, b.agencyName) || collator.compare(a.name, b.name));
}
