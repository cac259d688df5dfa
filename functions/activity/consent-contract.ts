import { z } from 'zod';
import { fileLinkResponse } from '#commons/http/file-response';
import { ATTENDANCE_CODES } from '#kernel/attendance-kinds';
import { idField, monthField, textField } from '#kernel/fields';
import { CONSENT_STATE_LABELS, ROUND_KIND_LABELS, ROUND_STATUS_LABELS, SIGNING_METHOD_LABELS } from './codes.ts';

// The contract of 전자서명 동의 (SPEC C2): what the consent-round routes take and answer. The web
// infers its types from here.

const keys = <T extends Record<string, unknown>>(labels: T) =>
  Object.keys(labels) as [Extract<keyof T, string>, ...Extract<keyof T, string>[]];

export const consentStates = z.enum(keys(CONSENT_STATE_LABELS));
export const signingMethods = z.enum(keys(SIGNING_METHOD_LABELS));
export const roundStatuses = z.enum(keys(ROUND_STATUS_LABELS));
export const roundKinds = z.enum(keys(ROUND_KIND_LABELS));

const month = monthField('활동년월');
const loginId = (name: string) => idField(name, 64);
const digestField = (message: string) =>
  z
    .string({ error: message })
    .max(64, { error: message })
    .regex(/^[0-9a-f]{64}$/, { error: message });

// ── requests ─────────────────────────────────────────────────────────────────────────────────────

export const roundParams = z.object({
  roundId: idField('동의 요청 번호', 43, /^CR-[0-9A-Z-]{4,40}$/),
});

export const requestConsentBody = z.object({
  workerId: loginId('근로자'),
  month,
  entryIds: z
    .array(idField('활동 내역', 43, /^AL-[0-9A-Z-]{4,40}$/))
    .min(1, { error: '동의를 요청할 활동 내역을 하나 이상 골라 주세요.' })
    .max(100)
    .optional(),
});

export const paperConsentBody = z.object({
  workerId: loginId('근로자'),
  month,
  uploadId: z.string().uuid({ error: '서명 스캔본을 먼저 올려 주세요.' }).optional(),
  identityConfirmed: z.boolean({ error: '‘본인 확인’에 체크해 주세요.' }),
  digest: digestField('화면을 새로 고친 뒤 다시 시도해 주세요.'),
});

export const signBody = z.object({
  typedName: textField('서명(이름)', {
    min: 1,
    max: 50,
    messages: { required: '서명란에 이름을 적어 주세요.', max: '서명란에는 이름만 적어 주세요.' },
  }),
  agree: z.boolean({ error: '동의 항목에 체크해 주세요.' }),
  digest: digestField('화면을 새로 고친 뒤 다시 서명해 주세요.'),
});

export const withdrawBody = z.object({
  reason: textField('취소 사유', {
    max: 200,
    multiline: true,
    trim: false,
    messages: { max: '취소 사유는 200자까지 쓸 수 있습니다.' },
  }).optional(),
});

// ── responses ────────────────────────────────────────────────────────────────────────────────────

/** One consent round as every screen shows it (consent-service.ts roundView). */
export const roundView = z.object({
  roundId: z.string(),
  assistantId: z.string(),
  assistantName: z.string(),
  workerId: z.string(),
  workerName: z.string(),
  agencyId: z.string(),
  agencyName: z.string(),
  month: z.string(),
  kind: roundKinds,
  kindLabel: z.string(),
  status: roundStatuses,
  entryCount: z.number(),
  requestedAt: z.string(),
  reason: z.string().optional(),
  method: signingMethods.optional(),
  signedAt: z.string().optional(),
  typedName: z.string().optional(),
  digest: z.string().optional(),
  hasScan: z.boolean(),
  identityConfirmed: z.boolean().optional(),
  withdrawnAt: z.string().optional(),
  withdrawnReason: z.string().optional(),
  revision: z.number(),
});

/** 활동일지 목록 한 줄 (rules.ts monthRows). */
export const monthRow = z.object({
  entryId: z.string(),
  seq: z.number(),
  date: z.string(),
  time: z.string(),
  attendance: z.string(),
  content: z.string(),
  otherContent: z.string(),
  specialNotes: z.enum(['등록', '미등록']),
  consent: z.string(),
  consentState: consentStates,
  locked: z.boolean(),
});

/** A correction of a signed entry by the agency; the signature it set aside stays in that round. */
export const correction = z.object({ at: z.string(), by: z.string(), reason: z.string(), signedRoundId: z.string() });

/** An entry of a round under review: as it is now (open round) or as signed (the snapshot). */
export const roundEntry = z.object({
  entryId: z.string(),
  assistantId: z.string(),
  assistantName: z.string().optional(),
  workerId: z.string(),
  workerName: z.string().optional(),
  agencyId: z.string().optional(),
  agencyName: z.string().optional(),
  matchingId: z.string().optional(),
  month: z.string().optional(),
  date: z.string(),
  attendance: z.enum(ATTENDANCE_CODES),
  /** the snapshot's labels as the worker read them */
  attendanceLabel: z.string().optional(),
  contentLabel: z.string().optional(),
  leaveMinutes: z.number().nullable().optional(),
  start: z.string(),
  end: z.string(),
  contentCode: z.string().nullable().optional(),
  otherContent: z.string().nullable().optional(),
  specialNotes: z.string().nullable().optional(),
  consent: consentStates,
  roundId: z.string().optional(),
  signedBy: signingMethods.optional(),
  corrections: z.array(correction).optional(),
  updatedAt: z.string().optional(),
  revision: z.number().optional(),
});

export const roundDetailResponse = z.object({
  round: roundView,
  rows: z.array(monthRow),
  entries: z.array(roundEntry),
  digest: z.string().optional(),
});

export const roundsResponse = z.object({ rounds: z.array(roundView) });

export const myRoundsResponse = z.object({ items: z.array(roundView), waiting: z.number() });

export const scanLinkResponse = fileLinkResponse.extend({ sha256: z.string() });

export type Round = z.output<typeof roundView>;
export type MonthRow = z.output<typeof monthRow>;
export type RoundDetail = z.output<typeof roundDetailResponse>;
export type MyRounds = z.output<typeof myRoundsResponse>;
