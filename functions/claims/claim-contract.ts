import { z } from 'zod';
import { fileContentResponse } from '#commons/http/file-response';
import { RatesSchema } from '#functions/rates/rules';
import { ENTRY_TYPES } from '#kernel/attendance-kinds';
import { idField, monthField, textField, yearField } from '#kernel/fields';
import { MONTH_SOURCE } from '#kernel/korea-time';
import { STATUS_LABELS } from './claim-rules.ts';
import { ClaimOutputSchema } from './engine/schema.ts';

// The contract of 사업비 신청 (SPEC C5): what the claim routes take and answer. The web infers its
// types from here.

const MONTH = monthField('신청 월');

// ── requests ─────────────────────────────────────────────────────────────────────────────────────

export const claimParams = z.object({
  claimId: idField('사업비 신청 번호', 60, new RegExp(`^[A-Za-z0-9-]+_${MONTH_SOURCE}$`)),
});

export const startClaimBody = z.object({ agencyId: idField('수행기관', 40), month: MONTH });

/**
 * 사업비 신청 목록's filters (seed 000: 관할지사, 수행기관, 수행년도/월). An agency names itself, a branch
 * its own office; hq may leave both out to see every branch.
 */
export const claimListQuery = z
  .object({
    agencyId: idField('수행기관', 40).optional(),
    branchId: idField('관할지사', 40).optional(),
    year: yearField('수행년도').optional(),
    month: MONTH.optional(),
  })
  .refine((q) => !q.year || !q.month || q.month.startsWith(`${q.year}-`), {
    error: '수행년월이 수행년도와 다릅니다. 수행년도를 비우거나 같은 해의 달을 골라 주세요.',
    path: ['month'],
  });

/** Several claims of the list in one workbook (선택 → 엑셀 내려받기). */
export const claimsExportBody = z.object({
  claimIds: z
    .array(claimParams.shape.claimId, { error: '내려받을 사업비 신청을 골라 주세요.' })
    .min(1, { error: '내려받을 사업비 신청을 하나 이상 골라 주세요.' })
    .max(100, { error: '한 번에 100건까지 내려받을 수 있습니다. 조건을 좁혀 나눠 내려받아 주세요.' }),
});

export const claimDecisionBody = z
  .object({
    action: z.enum(['approve', 'return'], { error: '승인 또는 반려를 골라 주세요.' }),
    reason: textField('반려 사유', {
      max: 1000,
      multiline: true,
      messages: { max: '반려 사유는 1,000자 이하로 입력해 주세요.' },
    }).optional(),
  })
  .refine((b) => b.action !== 'return' || (b.reason?.length ?? 0) >= 2, {
    error: '반려 사유를 입력해 주세요. 기관이 무엇을 고쳐야 하는지 적어 주세요.',
    path: ['reason'],
  });

export const scheduleBody = z.object({ month: MONTH });

// ── responses ────────────────────────────────────────────────────────────────────────────────────

const output = ClaimOutputSchema.shape;
export const amounts = output.totals;
const claimStatuses = z.enum(
  Object.keys(STATUS_LABELS) as [keyof typeof STATUS_LABELS, ...(keyof typeof STATUS_LABELS)[]],
);

/** One claim in a list and after every action (claim-routes.ts claimSummary). */
export const claimSummary = z.object({
  claimId: z.string(),
  agencyId: z.string(),
  agencyName: z.string(),
  branchId: z.string(),
  month: z.string(),
  status: claimStatuses,
  statusLabel: z.string(),
  revision: z.number(),
  computeRevision: z.number(),
  rateYear: z.number().optional(),
  rateVersion: z.number().optional(),
  totals: amounts.nullable(),
  returnReason: z.string().optional(),
  failure: z.object({ error: z.string(), cause: z.string() }).nullable(),
  /** whether the workflow waits for the agency's submit or the branch's decision right now */
  waitingFor: z.enum(['agency', 'branch']).optional(),
  /** 신청일자: the agency's last submit */
  submittedAt: z.string().optional(),
  /** 결정일자: the branch's decision on that submit */
  decidedAt: z.string().optional(),
  /** 총근로시간 in minutes: the paid minutes of the computed assistant lines */
  paidMinutes: z.number().optional(),
  updatedAt: z.string(),
});

/** An activity-log entry a claim line was computed from. */
export const sourceEntry = z.object({
  entryId: z.string(),
  assistantId: z.string(),
  assistantName: z.string(),
  workerId: z.string(),
  workerName: z.string(),
  date: z.string(),
  start: z.string(),
  end: z.string(),
  type: z.enum(ENTRY_TYPES),
});

export const assistantLine = z.object({
  kind: z.literal('assistant'),
  id: z.string(),
  name: z.string(),
  /** 근로지원인 생년월일 from the register (absent when the assistant is no longer registered) */
  birthDate: z.string().optional(),
  result: output.assistants.element,
  entries: z.array(sourceEntry),
});

export const workerLine = z.object({
  kind: z.literal('worker'),
  id: z.string(),
  name: z.string(),
  // a line computed before the engine gave the worker's minutes by ratio has none (shown as -)
  result: output.workers.element.extend({ byRatio: output.workers.element.shape.byRatio.optional() }),
  entries: z.array(sourceEntry),
  /** why the co-payment is 0: the exemption on the worker's evaluation (C7) */
  copayExemptReason: z.string().optional(),
});

/** 근로지원인 세부 활동내용: one assistant × worker pair of the month (claim-activity-rules.ts). */
export const pairRow = z.object({
  assistantId: z.string(),
  assistantName: z.string(),
  birthDate: z.string().optional(),
  workerId: z.string(),
  workerName: z.string(),
  /** 사업장명 of the pair's matching */
  workplaceName: z.string().optional(),
  /** 사업장구분 read off the workplace's business registration number */
  workplaceKind: z.string().optional(),
  /** 결정시간: the branch's decided monthly hours for the worker */
  decidedMonthlyHours: z.number().optional(),
  byType: z.record(z.enum(ENTRY_TYPES), z.number()),
  byRatio: z.object({ '1': z.number(), '2': z.number(), '3': z.number(), over: z.number() }),
  days: z.array(z.string()),
});

/** 수행기관 상세: the agency's contact and bank account as registered (A1) when the claim is read. */
export const claimAgency = z.object({
  name: z.string(),
  contactName: z.string().optional(),
  contactPhone: z.string().optional(),
  phone: z.string(),
  fax: z.string().optional(),
  bankName: z.string().optional(),
  bankAccount: z.string().optional(),
  bankHolder: z.string().optional(),
});

export const claimDetail = claimSummary.extend({
  agency: claimAgency.optional(),
  rates: RatesSchema.nullable(),
  problems: output.problems,
  history: z.array(z.object({ at: z.string(), by: z.string(), action: z.string(), reason: z.string().optional() })),
  assistants: z.array(assistantLine),
  workers: z.array(workerLine),
  pairs: z.array(pairRow),
});

export const claimListResponse = z.object({ claims: z.array(claimSummary) });

/** The claim's workbook, inside the JSON (the API answers JSON end to end). */
export const claimExportResponse = fileContentResponse;

export const scheduleResponse = z.object({
  month: z.string(),
  started: z.array(z.string()),
  existing: z.array(z.string()),
});

export type ClaimSummary = z.output<typeof claimSummary>;
export type ClaimDetail = z.output<typeof claimDetail>;
export type AssistantLine = z.output<typeof assistantLine>;
export type WorkerLine = z.output<typeof workerLine>;
export type SourceEntry = z.output<typeof sourceEntry>;
export type PairRow = z.output<typeof pairRow>;
export type Amounts = z.output<typeof amounts>;
export type Minutes = AssistantLine['result']['minutes'];
export type Rates = NonNullable<ClaimDetail['rates']>;
