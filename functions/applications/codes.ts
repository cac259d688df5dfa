// Code lists of the work-assistant program, defined once and read by the service application (B1),
// the assistant registry and activity applications (B2, B4) and matching (B3). Screens show the labels.

/** 장애유형: the 15 types of 장애인복지법 시행령 별표 1. */
export const DISABILITY_TYPES = [
  { code: 'physical', label: '지체장애' },
  { code: 'brainLesion', label: '뇌병변장애' },
  { code: 'visual', label: '시각장애' },
  { code: 'hearing', label: '청각장애' },
  { code: 'speech', label: '언어장애' },
  { code: 'intellectual', label: '지적장애' },
  { code: 'autism', label: '자폐성장애' },
  { code: 'mental', label: '정신장애' },
  { code: 'kidney', label: '신장장애' },
  { code: 'heart', label: '심장장애' },
  { code: 'respiratory', label: '호흡기장애' },
  { code: 'liver', label: '간장애' },
  { code: 'facial', label: '안면장애' },
  { code: 'ostomy', label: '장루·요루장애' },
  { code: 'epilepsy', label: '뇌전증장애' },
] as const;

export type DisabilityType = (typeof DISABILITY_TYPES)[number]['code'];
export const DISABILITY_TYPE_CODES = DISABILITY_TYPES.map((t) => t.code) as [DisabilityType, ...DisabilityType[]];

/** 장애 정도 since 2019: 심한 장애 (formerly grades 1–3) and 심하지 않은 장애. */
export const SEVERITIES = [
  { code: 'severe', label: '장애의 정도가 심한 장애인(중증)' },
  { code: 'mild', label: '장애의 정도가 심하지 않은 장애인(경증)' },
] as const;

export type Severity = (typeof SEVERITIES)[number]['code'];
export const SEVERITY_CODES = SEVERITIES.map((s) => s.code) as [Severity, ...Severity[]];

/**
 * 지원유형. Seed 000 names "1유형(업무보조형)"; the second type (communication support by sign
 * language for deaf workers) is how the program describes its other kind of support — its label is
 * ours and is kept here so it can change in one place.
 */
export const SUPPORT_TYPES = [
  { code: 'T1', label: '1유형(업무보조형)' },
  { code: 'T2', label: '2유형(의사소통지원형·수어통역)' },
] as const;

export type SupportType = (typeof SUPPORT_TYPES)[number]['code'];
export const SUPPORT_TYPE_CODES = SUPPORT_TYPES.map((s) => s.code) as [SupportType, ...SupportType[]];

export function label<T extends { code: string; label: string }>(list: readonly T[], code: string | undefined): string {
  return list.find((item) => item.code === code)?.label ?? code ?? '';
}

/** 0 = 월 … 6 = 일, as functions/kernel/calendar.ts counts weekdays. */
/** 고용 형태 of the applicant's job. */
export const EMPLOYMENT_TYPES = [
  { code: 'regular', label: '정규직' },
  { code: 'contract', label: '계약직' },
  { code: 'other', label: '기타' },
] as const;

export const WEEKDAY_LABELS = ['월', '화', '수', '목', '금', '토', '일'] as const;

/** A weekly schedule in one line, by weekday then start: "월 09:00~13:00, 수 14:00~18:00". */
export function scheduleSummary(schedule: readonly { weekday: number; start: string; end: string }[]): string {
  return [...schedule]
    .sort((a, b) => a.weekday - b.weekday || a.start.localeCompare(b.start))
    .map((s) => `${WEEKDAY_LABELS[s.weekday]} ${s.start}~${s.end}`)
    .join(', ');
}
