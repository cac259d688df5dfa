import { z } from 'zod';
import { fileLinkResponse } from '#commons/http/file-response';
import { ATTENDANCE_CODES } from '#kernel/attendance-kinds';
import { dayField, idField, monthField, textField, timeOfDayField } from '#kernel/fields';
import { consentStates, correction, monthRow, roundView, signingMethods } from './consent-contract.ts';

// The contract of 활동일지 (SPEC C1): what the entry routes take and answer. The web infers its
// types from here.

const day = dayField('활동일자');
const timeOfDay = (name: string) => timeOfDayField(`${name} 시각`, { endOfDay: true });
const month = monthField('활동년월');
const loginId = (name: string) => idField(name, 64);

// ── requests ─────────────────────────────────────────────────────────────────────────────────────

// Text limits here are generous: the rules (rules.ts) refuse past 200/2000 characters with a message
// that counts; these only keep absurd requests out.
const entryFields = {
  date: day,
  attendance: z.enum(ATTENDANCE_CODES, { error: '근태를 목록에서 골라 주세요.' }),
  leaveMinutes: z.number({ error: '휴가시간을 목록에서 골라 주세요.' }).int().nullable().optional(),
  start: timeOfDay('활동시간의 시작'),
  end: timeOfDay('활동시간의 끝'),
  contentCode: idField('활동내용', 10).nullable().optional(),
  otherContent: textField('기타 활동내용', { max: 2000, multiline: true, trim: false }).nullable().optional(),
  specialNotes: textField('특이사항', { max: 20000, multiline: true, trim: false }).nullable().optional(),
};

export const entryParams = z.object({
  entryId: idField('활동일지 번호', 43, /^AL-[0-9A-Z-]{4,40}$/),
});
const revision = z.number({ error: '화면을 새로 고친 뒤 다시 시도해 주세요.' }).int();

export const monthQuery = z.object({ workerId: loginId('근로자'), month });

export const createEntryBody = z.object({ workerId: loginId('근로자'), ...entryFields });

export const editEntryBody = z.object({
  ...entryFields,
  revision,
  reason: textField('정정 사유', { max: 1000, multiline: true, trim: false }).optional(),
});

export const deleteEntryBody = z.object({ revision });

export const documentQuery = z.object({
  workerId: loginId('근로자').optional(),
  assistantId: idField('근로지원인', 43).optional(),
  month,
});

export const agencyLogsParams = z.object({ organisationId: idField('기관 번호', 40) });

export const agencyLogsQuery = z.object({
  month,
  assistantId: idField('근로지원인', 43).optional(),
  workerId: loginId('근로자').optional(),
});

// ── responses ────────────────────────────────────────────────────────────────────────────────────

/** One entry as the edit screen shows it (entry-routes.ts entryView). */
export const entryView = z.object({
  entryId: z.string(),
  assistantId: z.string(),
  assistantName: z.string(),
  workerId: z.string(),
  workerName: z.string(),
  agencyId: z.string(),
  agencyName: z.string(),
  matchingId: z.string(),
  month: z.string(),
  date: z.string(),
  attendance: z.enum(ATTENDANCE_CODES),
  leaveMinutes: z.number().nullable(),
  start: z.string(),
  end: z.string(),
  contentCode: z.string().nullable(),
  otherContent: z.string(),
  specialNotes: z.string(),
  consent: consentStates,
  roundId: z.string().optional(),
  signedBy: signingMethods.optional(),
  corrections: z.array(correction),
  updatedAt: z.string(),
  revision: z.number(),
});

/** 합계: entries, minutes by attendance code, and the consent counts (rules.ts monthTotals). */
export const monthTotals = z.object({
  entries: z.number(),
  minutes: z.partialRecord(z.enum(ATTENDANCE_CODES), z.number()),
  signed: z.number(),
  requested: z.number(),
  unsigned: z.number(),
});

export const workerOption = z.object({
  workerId: z.string(),
  workerName: z.string(),
  matchings: z.array(
    z.object({
      matchingId: z.string(),
      assistantId: z.string(),
      agencyName: z.string(),
      startDate: z.string(),
      endDate: z.string(),
      status: z.string(),
      supportType: z.string(),
      workplaceName: z.string(),
    }),
  ),
});

export const workersResponse = z.object({ workers: z.array(workerOption) });

/** The assistant's month with one worker: the list, the totals and the consent rounds. */
export const assistantMonthResponse = z.object({
  month: z.string(),
  worker: z.object({
    workerId: z.string(),
    workerName: z.string(),
    disabilityType: z.string(),
    periods: z.array(z.object({ startDate: z.string(), endDate: z.string(), status: z.string() })),
    supportType: z.string(),
    workplaceName: z.string(),
    agencyName: z.string(),
    active: z.boolean(),
  }),
  rows: z.array(monthRow),
  totals: monthTotals,
  rounds: z.array(roundView),
  pendingCount: z.number(),
  unsignedCount: z.number(),
  pendingDigest: z.string().optional(),
});

export const deletedResponse = z.object({ deleted: z.string() });

export const logDocumentResponse = fileLinkResponse.extend({
  month: z.string(),
  assistantId: z.string(),
  workerId: z.string(),
  pendingDigest: z.string().optional(),
});

const person = z.object({ id: z.string(), name: z.string() });

export const agencyLogsResponse = z.object({
  agencyId: z.string(),
  agencyName: z.string(),
  month: z.string(),
  logs: z.array(
    z.object({
      assistantId: z.string(),
      assistantName: z.string(),
      workerId: z.string(),
      workerName: z.string(),
      rows: z.array(monthRow),
      totals: monthTotals,
      rounds: z.array(roundView),
    }),
  ),
  filters: z.object({ assistants: z.array(person), workers: z.array(person) }),
});

export type Entry = z.output<typeof entryView>;
export type Totals = z.output<typeof monthTotals>;
export type WorkerOption = z.output<typeof workerOption>;
export type AssistantMonth = z.output<typeof assistantMonthResponse>;
export type AgencyLogs = z.output<typeof agencyLogsResponse>;
export type LogDocument = z.output<typeof logDocumentResponse>;
