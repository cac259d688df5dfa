import { z } from 'zod';
import { fileContentResponse } from '#commons/http/file-response';
import { dayField, idField, textField } from '#kernel/fields';
import { LEAVE_ENTRY_TYPES } from './ledger.ts';
import { GRANT_KIND_LABELS } from './rules.ts';

// The contract of 연차 관리 (SPEC D1): what the leave routes take and answer. The web infers its
// types from here.

// ── requests ─────────────────────────────────────────────────────────────────────────────────────

export const yearSchema = z.coerce
  .number({ error: '적용년도를 네 자리 연도로 넣어 주세요. 예: 2026' })
  .int({ error: '적용년도를 네 자리 연도로 넣어 주세요. 예: 2026' })
  .min(2000, { error: '적용년도는 2000년부터 고를 수 있습니다.' })
  .max(2100, { error: '적용년도는 2100년까지 고를 수 있습니다.' });

export const day = dayField;

export const revision = z
  .number({ error: '화면을 새로 고친 뒤 다시 저장해 주세요.' })
  .int({ error: '화면을 새로 고친 뒤 다시 저장해 주세요.' })
  .min(0, { error: '화면을 새로 고친 뒤 다시 저장해 주세요.' });

export const assistantId = idField('근로지원인', 43);
export const noticeId = idField('사용촉진 통지', 80);
export const assistantParams = z.object({ assistantId });
export const noticeParams = z.object({ noticeId });

export const listQuery = z.object({
  agencyId: idField('수행기관', 40),
  year: yearSchema.optional(),
});

export const yearQuery = z.object({ year: yearSchema.optional() });

export const profileBody = z.object({
  weeklyContractMinutes: z
    .number({ error: '주 소정근로시간을 분 단위 숫자로 넣어 주세요. 예: 주 20시간은 1200' })
    .int({ error: '주 소정근로시간을 분 단위 정수로 넣어 주세요.' }),
  basis: z.enum(['hireDate', 'fiscalYear'], {
    error: '연차 산정 기준을 입사일 기준 또는 회계연도 기준 중에서 골라 주세요.',
  }),
  fiscalYearStart: z
    .string()
    .max(5, { error: '회계연도 시작일은 03-01처럼 월-일로 넣어 주세요.' })
    .regex(/^\d{2}-\d{2}$/, { error: '회계연도 시작일은 03-01처럼 월-일로 넣어 주세요.' })
    .optional(),
  carryOverLimitDays: z
    .number({ error: '이월 한도를 0부터 25 사이의 일수로 넣어 주세요.' })
    .int({ error: '이월 한도는 정수 일수로 넣어 주세요.' })
    .min(0, { error: '이월 한도는 0일 이상이어야 합니다. 이월하지 않으면 0을 넣으세요.' })
    .max(25, { error: '이월 한도는 25일을 넘을 수 없습니다.' })
    .optional(),
  contractChanges: z
    .array(
      z.object({
        from: day('근로시간 변경 적용일'),
        weeklyContractMinutes: z.number({ error: '변경된 주 소정근로시간을 분 단위 숫자로 넣어 주세요.' }).int(),
      }),
    )
    .max(20, { error: '근로시간 변경은 20건까지 넣을 수 있습니다.' })
    .optional(),
  revision,
});

export const issueNoticeBody = z.object({
  noticeId,
  designatedDates: z
    .array(dayField('지정한 사용일'), { error: '지정한 사용일을 날짜 목록으로 넣어 주세요.' })
    .max(25)
    .optional(),
});

export const excessReasonParams = z.object({
  assistantId,
  date: day('연차 사용일'),
});

export const excessReasonBody = z.object({
  reason: textField('초과 사용 사유', {
    min: 2,
    max: 500,
    multiline: true,
    messages: {
      required: '초과 사용 사유를 적어 주세요.',
      min: '초과 사용 사유를 두 글자 이상 적어 주세요. 예: 병원 진료로 부득이하게 사용',
      max: '초과 사용 사유는 500자까지 쓸 수 있습니다. 줄여 주세요.',
    },
  }),
  revision,
});

export const answerBody = z.object({
  dates: z.array(dayField('사용할 날짜'), { error: '사용할 날짜를 날짜 목록으로 넣어 주세요.' }).max(25).optional(),
  note: textField('남길 말', {
    max: 300,
    multiline: true,
    messages: { max: '남길 말은 300자까지 쓸 수 있습니다. 줄여 주세요.' },
  }).optional(),
  revision,
});

// ── responses ────────────────────────────────────────────────────────────────────────────────────

const group = z.object({ accruedMinutes: z.number(), usedMinutes: z.number() });
const grantKinds = z.enum(
  Object.keys(GRANT_KIND_LABELS) as [keyof typeof GRANT_KIND_LABELS, ...(keyof typeof GRANT_KIND_LABELS)[]],
);
const noticeActions = z.enum(['request', 'designation', 'reminder']);
const periodKinds = z.enum(['annual', 'firstYear']);

/** One year of one assistant's leave (summary.ts LeaveYearRow). */
export const yearRow = z.object({
  year: z.number(),
  asOf: z.string(),
  dailyMinutes: z.number(),
  annual: group,
  monthly: group,
  carriedMonthly: group,
  carriedAnnual: group,
  usedMinutes: z.number(),
  usedExcludingRestrictedMinutes: z.number(),
  byMonth: z.record(z.enum(LEAVE_ENTRY_TYPES), z.array(z.number())),
  annualLeaveByMonthExcludingRestricted: z.array(z.number()),
  excessMinutes: z.number(),
  usesMissingReason: z.number(),
  lapsedMinutes: z.number(),
  balanceMinutes: z.number(),
});

export const listRow = yearRow.extend({
  assistantId: z.string(),
  name: z.string(),
  birthDate: z.string(),
  phone: z.string(),
  hireDate: z.string(),
  leaveDate: z.string().nullable(),
  status: z.string(),
  weeklyContractMinutes: z.number(),
  issuedNotices: z.number(),
  openNotices: z.number(),
});

export const leaveListResponse = z.object({
  agencyId: z.string(),
  agencyName: z.string(),
  year: z.number(),
  asOf: z.string(),
  rows: z.array(listRow),
});

/** An issued promotion notice (service.ts noticeView). */
export const noticeView = z.object({
  noticeId: z.string(),
  assistantId: z.string(),
  assistantName: z.string(),
  agencyName: z.string(),
  kind: periodKinds,
  periodEnd: z.string(),
  round: z.number(),
  action: noticeActions,
  batch: z.string(),
  label: z.string(),
  statute: z.string(),
  proposedDate: z.string(),
  issueBy: z.string(),
  replyBy: z.string().nullable(),
  unusedMinutes: z.number(),
  dailyMinutes: z.number(),
  unusedText: z.string(),
  designatedDates: z.array(z.string()),
  issuedAt: z.string(),
  pdfFileName: z.string(),
  status: z.enum(['issued', 'answered']),
  answerDates: z.array(z.string()),
  answerNote: z.string().nullable(),
  answeredAt: z.string().nullable(),
  revision: z.number(),
});

export const plannedNotice = z.object({
  noticeId: z.string(),
  round: z.number(),
  action: noticeActions,
  batch: z.string(),
  label: z.string(),
  statute: z.string(),
  proposedDate: z.string(),
  issueFrom: z.string(),
  issueBy: z.string(),
  replyBy: z.string().nullable(),
  unusedMinutes: z.number(),
  unusedText: z.string(),
  canIssue: z.boolean(),
  blockedReason: z.string().nullable(),
  late: z.boolean(),
});

export const grantView = z.object({
  kind: grantKinds,
  kindLabel: z.string(),
  accrualDate: z.string(),
  validUntil: z.string(),
  minutes: z.number(),
  usedMinutes: z.number(),
  lapsedMinutes: z.number(),
  carriedMinutes: z.number(),
  remainingMinutes: z.number(),
  text: z.string(),
  remainingText: z.string(),
  basis: z.string(),
});

export const useView = z.object({
  date: z.string(),
  minutes: z.number(),
  text: z.string(),
  restricted: z.boolean(),
  /** why it is restricted: 공휴일(…) or 근무일이 아님 */
  restrictedReason: z.string().nullable(),
  excessMinutes: z.number(),
  excessText: z.string().nullable(),
  reasonRequired: z.boolean(),
  reason: z.string().nullable(),
  reasonRevision: z.number(),
});

/** One assistant's ledger page (service.ts ledgerView) with its year. */
export const ledgerResponse = z.object({
  year: z.number(),
  asOf: z.string(),
  assistant: z.object({
    assistantId: z.string(),
    name: z.string(),
    birthDate: z.string(),
    phone: z.string(),
    hireDate: z.string(),
    leaveDate: z.string().nullable(),
    agencyName: z.string(),
    hasLogin: z.boolean(),
  }),
  profile: z.object({
    weeklyContractMinutes: z.number(),
    dailyMinutes: z.number(),
    basis: z.enum(['hireDate', 'fiscalYear']),
    fiscalYearStart: z.string().nullable(),
    contractChanges: z.array(z.object({ from: z.string(), weeklyContractMinutes: z.number() })),
    carryOverLimitDays: z.number(),
    weeklySource: z.string(),
    weeklySourceLabel: z.string(),
    settingRevision: z.number(),
  }),
  row: yearRow,
  typeLabels: z.record(z.enum(LEAVE_ENTRY_TYPES), z.string()),
  balanceText: z.string(),
  grants: z.array(grantView),
  uses: z.array(useView),
  periods: z.array(z.object({ kind: periodKinds, periodEnd: z.string(), notices: z.array(plannedNotice) })),
  notices: z.array(noticeView),
});

export const issuedNoticeResponse = noticeView.extend({ late: z.boolean() });

export const excessReasonResponse = z.object({ date: z.string(), reason: z.string(), revision: z.number() });

/** 연차 사용촉진 통지서 (PDF) inside the JSON. */
export const noticePdfResponse = fileContentResponse;

export const myLeaveResponse = z.object({
  year: z.number(),
  asOf: z.string(),
  employments: z.array(
    z.object({
      assistantId: z.string(),
      agencyName: z.string(),
      hireDate: z.string(),
      leaveDate: z.string().nullable(),
      balanceMinutes: z.number(),
      balanceText: z.string(),
      dailyMinutes: z.number(),
      row: yearRow,
      grants: z.array(grantView),
      uses: z.array(useView),
      notices: z.array(noticeView),
    }),
  ),
});

export type Group = z.output<typeof group>;
export type YearRow = z.output<typeof yearRow>;
export type ListRow = z.output<typeof listRow>;
export type LeaveList = z.output<typeof leaveListResponse>;
export type NoticeView = z.output<typeof noticeView>;
export type PlannedNotice = z.output<typeof plannedNotice>;
export type GrantView = z.output<typeof grantView>;
export type UseView = z.output<typeof useView>;
export type Ledger = z.output<typeof ledgerResponse>;
export type MyLeave = z.output<typeof myLeaveResponse>;
