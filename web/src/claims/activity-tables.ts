import { activityDaysText } from '#functions/claims/claim-activity-rules';
import { paidMinutes } from '#functions/claims/claim-rules';
import { type Column, dataTable } from '../components/table.ts';
import type { SafeHtml } from '../core/html.ts';
import { type AssistantLine, type ClaimDetail, hoursText, type PairRow, won } from './model.ts';

// The three tables of seed 000's 사업비 신청 내용 below 수행기관 상세: 근로지원인 활동내용 (one row per
// assistant), 근로지원인 세부 활동내용 (one row per assistant × worker) and 근로지원인 사업비 내용 (the
// claim's hours and money). Hours as 시간 with up to two decimals, as the claim's other tables.

const h = (minutes: number) => hoursText(minutes);

/** the pairs of one assistant, in the claim's order */
function pairsOf(pairs: readonly PairRow[], assistantId: string): PairRow[] {
  return pairs.filter((p) => p.assistantId === assistantId);
}

function joined(values: readonly (string | undefined)[]): string {
  const seen = [...new Set(values.filter((v): v is string => !!v))];
  return seen.length ? seen.join(', ') : '-';
}

/** 근로지원인 활동내용: 전체 is the service time the ratios split (단독 + 1:2 + 1:3). */
export function activityTable(lines: AssistantLine[], pairs: readonly PairRow[]): SafeHtml {
  type Row = AssistantLine & { no: number };
  const ratio = (l: Row, k: '1' | '2' | '3') => l.result.minutes.byRatio[k] ?? 0;
  const columns: Column<Row>[] = [
    { header: 'No.', cell: (l) => String(l.no) },
    { header: '근로지원인', rowHeader: true, cell: (l) => l.name },
    { header: '생년월일', cell: (l) => l.birthDate ?? '-' },
    { header: '장애인 근로자', cell: (l) => joined(pairsOf(pairs, l.id).map((p) => p.workerName)) },
    { header: '사업장명', cell: (l) => joined(pairsOf(pairs, l.id).map((p) => p.workplaceName)) },
    { header: '서비스', cell: (l) => h(l.result.minutes.service) },
    { header: '주휴', cell: (l) => h(l.result.minutes.weeklyHoliday) },
    { header: '유가', cell: (l) => h(l.result.minutes.paidLeave) },
    { header: '휴일', cell: (l) => h(l.result.minutes.holiday) },
    { header: '공가', cell: (l) => h(l.result.minutes.officialLeave) },
    { header: '교육', cell: (l) => h(l.result.minutes.training) },
    { header: '합계', cell: (l) => h(paidMinutes(l.result.minutes)) },
    { header: '전체', cell: (l) => h(ratio(l, '1') + ratio(l, '2') + ratio(l, '3')) },
    { header: '단독', cell: (l) => h(ratio(l, '1')) },
    { header: '1:2', cell: (l) => h(ratio(l, '2')) },
    { header: '1:3', cell: (l) => h(ratio(l, '3')) },
    {
      header: '활동일자',
      cell: (l) => activityDaysText([...new Set(pairsOf(pairs, l.id).flatMap((p) => p.days))]),
    },
  ];
  return dataTable({
    id: 'claim-activity',
    caption: '근로지원인 활동내용 (시간). 전체는 단독·1:2·1:3 서비스 시간의 합입니다.',
    columns,
    rows: lines.map((l, i) => ({ ...l, no: i + 1 })),
  });
}

/** 근로지원인 세부 활동내용: each pair against the hours the branch decided for the worker. */
export function pairTable(pairs: readonly PairRow[]): SafeHtml {
  type Row = PairRow & { no: number };
  const columns: Column<Row>[] = [
    { header: 'No.', cell: (p) => String(p.no) },
    { header: '근로지원인', rowHeader: true, cell: (p) => p.assistantName },
    { header: '생년월일', cell: (p) => p.birthDate ?? '-' },
    { header: '장애인 근로자', cell: (p) => p.workerName },
    { header: '사업장명', cell: (p) => p.workplaceName ?? '-' },
    { header: '사업장구분', cell: (p) => p.workplaceKind ?? '-' },
    {
      header: '결정시간',
      cell: (p) => (p.decidedMonthlyHours === undefined ? '-' : `월 ${p.decidedMonthlyHours}시간`),
    },
    { header: '단독', cell: (p) => h(p.byRatio['1']) },
    { header: '1:2', cell: (p) => h(p.byRatio['2']) },
    { header: '1:3', cell: (p) => h(p.byRatio['3']) },
    { header: '서비스', cell: (p) => h(p.byType.service ?? 0) },
    { header: '유가', cell: (p) => h(p.byType.paidLeave ?? 0) },
    { header: '휴일', cell: (p) => h(p.byType.holiday ?? 0) },
    { header: '공가', cell: (p) => h(p.byType.officialLeave ?? 0) },
    { header: '교육', cell: (p) => h(p.byType.training ?? 0) },
    {
      header: '합계',
      cell: (p) =>
        h(
          (p.byType.service ?? 0) +
            (p.byType.paidLeave ?? 0) +
            (p.byType.holiday ?? 0) +
            (p.byType.officialLeave ?? 0) +
            (p.byType.training ?? 0),
        ),
    },
  ];
  return dataTable({
    id: 'claim-pairs',
    caption: '근로지원인 세부 활동내용: 근로지원인과 장애인 근로자마다 (시간)',
    columns,
    rows: pairs.map((p, i) => ({ ...p, no: i + 1 })),
  });
}

/** 근로지원인 사업비 내용: the claim's hours by 근태 and its money, in one row. */
export function claimMoneyTable(detail: ClaimDetail): SafeHtml {
  const sum = (pick: (m: AssistantLine['result']['minutes']) => number) =>
    detail.assistants.reduce((total, l) => total + pick(l.result.minutes), 0);
  const t = detail.totals;
  const money = (pick: (a: NonNullable<ClaimDetail['totals']>) => number) => (t ? won(pick(t)) : '-');
  return dataTable({
    id: 'claim-costs',
    caption: '근로지원인 사업비 내용 (시간, 원)',
    columns: [
      { header: '수행년월', rowHeader: true, cell: () => detail.month },
      { header: '서비스', cell: () => h(sum((m) => m.service)) },
      { header: '주휴', cell: () => h(sum((m) => m.weeklyHoliday)) },
      { header: '유가', cell: () => h(sum((m) => m.paidLeave)) },
      { header: '휴일', cell: () => h(sum((m) => m.holiday)) },
      { header: '공가', cell: () => h(sum((m) => m.officialLeave)) },
      { header: '교육', cell: () => h(sum((m) => m.training)) },
      { header: '급여', cell: () => money((a) => a.pay) },
      { header: '본인부담금', cell: () => money((a) => a.copay) },
      { header: '지급액', cell: () => money((a) => a.net) },
      { header: '사회보험료', cell: () => money((a) => a.socialInsurance) },
      { header: '사업운영비', cell: () => money((a) => a.operatingCost) },
      { header: '사업비정산 금액', cell: () => money((a) => a.total) },
    ],
    rows: [detail],
  });
}
