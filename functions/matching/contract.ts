import { z } from 'zod';
import { SUPPORT_TYPE_CODES } from '#functions/applications/codes';
import { dayField, idField, monthField, textField, timeOfDayField, yearField } from '#kernel/fields';

// The matching capability's contract: what its routes take and answer. The web infers its types from here.

/** Whether a matching is still in force (one list: the entity's enum derives from it). */
export const MATCHING_STATUSES = ['active', 'ended'] as const;
export type MatchingStatus = (typeof MATCHING_STATUSES)[number];

const timeOfDay = timeOfDayField('시각', { endOfDay: true });

export const MATCHING_LABELS: Record<string, string> = {
  applicationId: '매칭의뢰(신청 번호)',
  assistantId: '근로지원인',
  startDate: '매칭 시작일',
  endDate: '매칭 종료일',
  schedule: '주간 일정',
  supportType: '지원 유형',
  note: '메모',
};

export const createMatchingBody = z.object({
  applicationId: idField('매칭의뢰(신청 번호)', 43, /^SA-[0-9A-Z-]{6,40}$/),
  assistantId: idField('근로지원인', 43, /^AS-[0-9A-Z-]{4,40}$/),
  startDate: dayField('매칭 시작일'),
  endDate: dayField('매칭 종료일'),
  schedule: z
    .array(
      z.object({
        weekday: z.number({ error: '요일을 골라 주세요.' }).int().min(0).max(6),
        start: timeOfDay,
        end: timeOfDay,
      }),
      { error: '주간 일정을 입력해 주세요.' },
    )
    .min(1, { error: '주간 일정을 한 줄 이상 입력해 주세요.' })
    .max(21, { error: '주간 일정은 21줄까지 입력할 수 있습니다.' }),
  supportType: z.enum(SUPPORT_TYPE_CODES, { error: '지원 유형을 골라 주세요.' }),
  note: textField('메모', {
    max: 500,
    multiline: true,
    messages: { max: '메모는 500자 이하로 입력해 주세요.' },
  }).optional(),
});

export const listMatchingsQuery = z.object({
  agencyId: idField('수행기관', 40).optional(),
  branchId: idField('지사', 40).optional(),
  workerId: idField('근로자', 40).optional(),
  assistantId: idField('근로지원인', 43).optional(),
  status: z.enum(MATCHING_STATUSES, { error: '매칭 상태를 목록에서 골라 주세요.' }).optional(),
  // the internal system's 매칭 관리: matchings in force some day of the year or month
  year: yearField('연도').optional(),
  month: monthField('월').optional(),
});

export const matchingParams = z.object({
  matchingId: idField('매칭 번호', 43, /^MT-[0-9A-Z-]{4,40}$/),
});

export const endMatchingBody = z.object({
  endDate: dayField('종료일'),
  reason: textField('종료 사유', {
    min: 2,
    max: 200,
    multiline: true,
    messages: {
      required: '종료 사유를 입력해 주세요.',
      min: '종료 사유를 입력해 주세요.',
      max: '종료 사유는 200자 이하로 입력해 주세요.',
    },
  }),
  revision: z.number({ error: '화면을 새로 고친 뒤 다시 시도해 주세요.' }).int(),
});

/** One weekday slot of the weekly schedule (weekday 0 = Monday). */
export const weeklySlot = z.object({ weekday: z.number(), start: z.string(), end: z.string() });

/** A matching as the agency, branch and hq screens get it. */
export const matching = z.object({
  matchingId: z.string(),
  applicationId: z.string(),
  workerId: z.string(),
  workerName: z.string(),
  assistantId: z.string(),
  assistantName: z.string(),
  assistantUserId: z.string().optional(),
  agencyId: z.string(),
  agencyName: z.string(),
  branchId: z.string(),
  workplaceKey: z.string(),
  workplaceName: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  schedule: z.array(weeklySlot),
  supportType: z.string(),
  status: z.enum(MATCHING_STATUSES),
  endedOn: z.string().optional(),
  endReason: z.string().optional(),
  note: z.string().optional(),
  createdBy: z.string(),
  createdAt: z.string(),
  revision: z.number(),
});
export type Matching = z.output<typeof matching>;

export const matchingList = z.object({ items: z.array(matching), count: z.number() });

/** A worker's own service history (마이페이지): no ids of other people. */
export const myMatching = z.object({
  matchingId: z.string(),
  assistantName: z.string(),
  agencyName: z.string(),
  workplaceName: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  schedule: z.array(weeklySlot),
  supportType: z.string(),
  status: z.enum(MATCHING_STATUSES),
  endedOn: z.string().optional(),
});
export type MyMatching = z.output<typeof myMatching>;

export const myMatchingList = z.object({ items: z.array(myMatching), count: z.number() });
