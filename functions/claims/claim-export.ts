import ExcelJS from 'exceljs';
import { hoursOfMinutes } from '#kernel/decimal';
import { koreaDay } from '#kernel/korea-time';
import { CLAIM_LIST_AMOUNTS, type ClaimStatus, paidMinutes, STATUS_LABELS } from './claim-rules.ts';

// The claim as an .xlsx workbook, with the columns of seed 000's 사업비 신청 screens: the activity lines
// (hours per kind and per support ratio), the money lines, and each worker's co-payment.

interface Minutes {
  service: number;
  byRatio: Record<string, number>;
  weeklyHoliday: number;
  paidLeave: number;
  holiday: number;
  officialLeave: number;
  training: number;
}
interface Amounts {
  pay: number;
  copay: number;
  net: number;
  socialInsurance: number;
  operatingCost: number;
  severance: number;
  total: number;
}
export interface ExportClaim {
  agencyName: string;
  month: string;
  status: string;
  submittedAt?: string;
  decidedAt?: string;
  paidMinutes?: number;
  rateYear?: number;
  rateVersion?: number;
  totals: Amounts | null;
  assistants: { id: string; name: string; result: { minutes: Minutes; amounts: Amounts } }[];
  workers: { id: string; name: string; result: { supportedMinutes: number; copay: number } }[];
}

const hours = hoursOfMinutes;

type Column = [header: string, key: string, width: number];
const columnsOf = (columns: Column[]) => columns.map(([header, key, width]) => ({ header, key, width }));

const ACTIVITY_COLUMNS: Column[] = [
  ['근로지원인', 'name', 14],
  ['서비스', 'service', 9],
  ['주휴', 'weeklyHoliday', 9],
  ['유가', 'paidLeave', 9],
  ['휴일', 'holiday', 9],
  ['공가', 'officialLeave', 9],
  ['교육', 'training', 9],
  ['합계', 'sum', 9],
  ['단독', 'r1', 9],
  ['1:2', 'r2', 9],
  ['1:3', 'r3', 9],
];

/** 활동 내역(시간): one row per assistant, with `leading` columns before (the agency and month of a list). */
function activitySheet(workbook: ExcelJS.Workbook, leading: Column[]): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet('활동 내역(시간)', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columnsOf([...leading, ...ACTIVITY_COLUMNS]);
  return sheet;
}

function activityRow(name: string, m: Minutes): Record<string, string | number> {
  return {
    name,
    service: hours(m.service),
    weeklyHoliday: hours(m.weeklyHoliday),
    paidLeave: hours(m.paidLeave),
    holiday: hours(m.holiday),
    officialLeave: hours(m.officialLeave),
    training: hours(m.training),
    sum: hours(paidMinutes(m)),
    r1: hours(m.byRatio['1'] ?? 0),
    r2: hours(m.byRatio['2'] ?? 0),
    r3: hours(m.byRatio['3'] ?? 0),
  };
}

/**
 * Several claims of the list in one workbook: 사업비 신청 목록 with the seed's columns, one row per
 * claim, and the activity lines of them all (each row with its agency and month).
 */
export async function claimsWorkbook(claims: readonly ExportClaim[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '근로지원인 플랫폼';
  const list = workbook.addWorksheet('사업비 신청 목록', { views: [{ state: 'frozen', ySplit: 1 }] });
  list.columns = columnsOf([
    ['No.', 'no', 6],
    ['신청일자', 'submitted', 12],
    ['수행년월', 'month', 10],
    ['수행기관', 'agency', 20],
    ['진행상태', 'status', 16],
    ['결정일자', 'decided', 12],
    ['총근로시간', 'hours', 11],
    ...CLAIM_LIST_AMOUNTS.map((a): Column => [a.header, a.key, 14]),
  ]);
  claims.forEach((claim, i) => {
    list.addRow({
      no: i + 1,
      submitted: claim.submittedAt ? koreaDay(claim.submittedAt) : '',
      month: claim.month,
      agency: claim.agencyName,
      status: STATUS_LABELS[claim.status as ClaimStatus] ?? claim.status,
      decided: claim.decidedAt ? koreaDay(claim.decidedAt) : '',
      hours: claim.paidMinutes === undefined ? '' : hours(claim.paidMinutes),
      ...Object.fromEntries(CLAIM_LIST_AMOUNTS.map((a) => [a.key, claim.totals?.[a.key] ?? ''])),
    });
  });
  const activity = activitySheet(workbook, [
    ['수행기관', 'agency', 20],
    ['수행년월', 'month', 10],
  ]);
  for (const claim of claims) {
    for (const a of claim.assistants) {
      activity.addRow({ agency: claim.agencyName, month: claim.month, ...activityRow(a.name, a.result.minutes) });
    }
  }
  for (const sheet of [list, activity]) sheet.getRow(1).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export async function claimWorkbook(claim: ExportClaim): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '근로지원인 플랫폼';
  const summary = workbook.addWorksheet('신청 요약');
  summary.columns = [
    { header: '항목', key: 'k', width: 20 },
    { header: '내용', key: 'v', width: 30 },
  ];
  summary.addRows([
    { k: '수행기관', v: claim.agencyName },
    { k: '신청 월', v: claim.month },
    { k: '상태', v: STATUS_LABELS[claim.status as ClaimStatus] ?? claim.status },
    { k: '요율표', v: claim.rateYear ? `${claim.rateYear}년 버전 ${claim.rateVersion}` : '' },
    { k: '급여 합계(원)', v: claim.totals?.pay ?? 0 },
    { k: '본인부담금 합계(원)', v: claim.totals?.copay ?? 0 },
    { k: '신청 금액 합계(원)', v: claim.totals?.total ?? 0 },
  ]);
  const activity = activitySheet(workbook, []);
  for (const a of claim.assistants) activity.addRow(activityRow(a.name, a.result.minutes));
  const money = workbook.addWorksheet('금액(원)', { views: [{ state: 'frozen', ySplit: 1 }] });
  money.columns = columnsOf([
    ['근로지원인', 'name', 14],
    ['급여', 'pay', 12],
    ['본인부담금', 'copay', 12],
    ['차감 지급액', 'net', 12],
    ['사회보험 사업주 부담', 'socialInsurance', 16],
    ['운영비', 'operatingCost', 12],
    ['퇴직적립금', 'severance', 12],
    ['합계', 'total', 14],
  ]);
  for (const a of claim.assistants) money.addRow({ name: a.name, ...a.result.amounts });
  if (claim.totals) money.addRow({ name: '합계', ...claim.totals });
  const copay = workbook.addWorksheet('본인부담금');
  copay.columns = [
    { header: '근로자', key: 'name', width: 14 },
    { header: '지원 시간', key: 'hours', width: 12 },
    { header: '본인부담금(원)', key: 'copay', width: 14 },
  ];
  for (const w of claim.workers) {
    copay.addRow({ name: w.name, hours: hours(w.result.supportedMinutes), copay: w.result.copay });
  }
  for (const sheet of [summary, activity, money, copay]) sheet.getRow(1).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
