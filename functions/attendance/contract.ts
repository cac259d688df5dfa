import { z } from 'zod';
import { fileContentResponse } from '#commons/http/file-response';
import { declaredFile } from '#functions/files/contract';
import { ATTENDANCE_CODES } from '#kernel/attendance-kinds';
import { idField, textField } from '#kernel/fields';
import { MONTH_PATTERN } from '#kernel/korea-time';
import { FINDING_CODES, MAX_TOLERANCE_MINUTES } from './comparison.ts';

// The contract of 출퇴근 관리 and 근무 이력 비교 (SPEC C3, C4): what the attendance routes take and
// answer. The web infers its types from here.

const month = z
  .string({ error: '년월을 입력해 주세요.' })
  .max(7, { error: '년월은 2026-03처럼 연-월로 입력해 주세요.' })
  .regex(MONTH_PATTERN, { error: '년월은 2026-03처럼 연-월로 입력해 주세요.' });

// ── requests ─────────────────────────────────────────────────────────────────────────────────────

export const organisationParams = z.object({ organisationId: idField('기관 번호', 40) });
export const importParams = z.object({
  importId: idField('가져오기 번호', 43, /^AI-[0-9A-Z-]{4,40}$/),
});
export const uploadParams = z.object({ uploadId: z.uuid({ error: '올린 파일 번호가 올바르지 않습니다.' }) });

export const startUploadBody = declaredFile.extend({ month });
export const monthQuery = z.object({ month });
export const monthBody = z.object({ month });

export const comparisonQuery = z.object({
  month,
  assistantId: idField('근로지원인', 43).optional(),
  code: z.enum(FINDING_CODES, { error: '확인 유형을 목록에서 골라 주세요.' }).optional(),
});

export const settingsBody = z.object({
  toleranceMinutes: z
    .number({ error: '허용 오차를 분 단위 숫자로 입력해 주세요.' })
    .int({ error: '허용 오차는 10처럼 분 단위 정수로 입력해 주세요.' })
    .min(0, { error: '허용 오차는 0분 이상이어야 합니다.' })
    .max(MAX_TOLERANCE_MINUTES, { error: `허용 오차는 ${MAX_TOLERANCE_MINUTES}분까지 정할 수 있습니다.` }),
});

export const justificationBody = z.object({
  month,
  // code|assistant|date|entries… (comparison.ts)
  findingId: idField('소명할 항목', 400, /^[A-Za-z0-9_|-]+$/),
  reason: textField('소명 사유', {
    max: 2000,
    multiline: true,
    trim: false,
    messages: { required: '소명 사유를 적어 주세요.', max: '소명 사유가 너무 깁니다.' },
  }),
});

// ── responses ────────────────────────────────────────────────────────────────────────────────────

export const importErrorRow = z.object({
  row: z.number().optional(),
  column: z.string().optional(),
  cell: z.string().optional(),
  value: z.string(),
  message: z.string(),
});

export const unmatchedPerson = z.object({
  identifier: z.string(),
  identifierKind: z.string(),
  name: z.string(),
  rowNumbers: z.array(z.number()),
  reason: z.string(),
});

/** One import of an attendance file (routes.ts importView). */
export const importView = z.object({
  importId: z.string(),
  month: z.string(),
  fileName: z.string(),
  status: z.enum(['imported', 'rejected']),
  current: z.boolean(),
  rowCount: z.number(),
  people: z.number(),
  matchedRows: z.number(),
  unmatched: z.array(unmatchedPerson),
  errors: z.array(importErrorRow),
  totalErrors: z.number(),
  omittedErrors: z.number(),
  importedBy: z.string(),
  importedAt: z.string(),
});

export const importOutcomes = z.enum(['imported', 'rejected', 'duplicate']);

/** The presigned upload of the month's file (files/repository.ts startUpload) and its month. */
export const startUploadResponse = z.object({
  uploadId: z.string(),
  url: z.string(),
  method: z.literal('PUT'),
  headers: z.record(z.string(), z.string()),
  // only for anonymous uploads (files/repository.ts)
  uploadSecret: z.string().optional(),
  month: z.string(),
});

/** An upload's import as the S3 event runs it. */
export const uploadProgressResponse = z.object({
  uploadId: z.string(),
  month: z.string(),
  state: z.enum(['waiting', 'importing', 'done', 'failed']),
  problem: z.string().optional(),
  outcome: importOutcomes.optional(),
  import: importView.optional(),
});

export const importHistoryResponse = z.object({
  month: z.string(),
  currentImportId: z.string().optional(),
  imports: z.array(importView),
});

/** 오류 보고서 (CSV) inside the JSON, with how many rows it lists. */
export const errorReportResponse = fileContentResponse.extend({ count: z.number() });

const justification = z.object({ findingId: z.string(), reason: z.string(), by: z.string(), at: z.string() });

export const findingView = z.object({
  id: z.string(),
  code: z.enum(FINDING_CODES),
  label: z.string(),
  blocking: z.boolean(),
  assistantId: z.string(),
  date: z.string(),
  entryIds: z.array(z.string()),
  rows: z.array(z.number()),
  message: z.string(),
  justification: justification.optional(),
});

export const comparisonRow = z.object({
  assistantId: z.string(),
  assistantName: z.string(),
  date: z.string(),
  attendance: z.array(z.object({ clockIn: z.string(), clockOut: z.string(), overnight: z.boolean(), row: z.number() })),
  logs: z.array(
    z.object({
      entryId: z.string(),
      workerName: z.string(),
      start: z.string(),
      end: z.string(),
      attendance: z.enum(ATTENDANCE_CODES),
      attendanceLabel: z.string(),
      consent: z.string(),
    }),
  ),
  findings: z.array(findingView),
});

/** The month's submission for the claim, as stored. */
export const submission = z.object({
  agencyId: z.string(),
  month: z.string(),
  importId: z.string(),
  submittedAt: z.string(),
  submittedBy: z.string(),
  justified: z.array(
    z.object({ assistantId: z.string(), date: z.string(), code: z.string(), reason: z.string(), by: z.string() }),
  ),
});

export const comparisonResponse = z.object({
  agencyId: z.string(),
  agencyName: z.string(),
  month: z.string(),
  currentImportId: z.string().optional(),
  toleranceMinutes: z.number(),
  maxConcurrency: z.number(),
  summary: z.object({ findings: z.number(), blockingOpen: z.number(), justified: z.number(), notBlocking: z.number() }),
  submission: submission.optional(),
  canSubmit: z.boolean(),
  rows: z.array(comparisonRow),
  filters: z.object({
    assistants: z.array(z.object({ id: z.string(), name: z.string() })),
    codes: z.array(z.object({ id: z.string(), name: z.string(), blocking: z.boolean() })),
  }),
});

export const settingsResponse = z.object({ toleranceMinutes: z.number() });

export const justificationResponse = z.object({
  findingId: z.string(),
  reason: z.string(),
  by: z.string(),
  at: z.string(),
});

export type ImportErrorRow = z.output<typeof importErrorRow>;
export type UnmatchedPerson = z.output<typeof unmatchedPerson>;
export type ImportView = z.output<typeof importView>;
export type UploadProgress = z.output<typeof uploadProgressResponse>;
export type ImportHistory = z.output<typeof importHistoryResponse>;
export type FindingView = z.output<typeof findingView>;
export type ComparisonRow = z.output<typeof comparisonRow>;
export type Comparison = z.output<typeof comparisonResponse>;
