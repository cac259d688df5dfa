// The paid times a payroll draws from the claim, with the names users see. Pure and tiny, so that
// the web screens import the same list.

/** The paid times of the month's claim figures (claim engine output, assistant minutes). */
export const TIME_SOURCES = ['service', 'weeklyHoliday', 'paidLeave', 'holiday', 'officialLeave', 'training'] as const;
export type TimeSource = (typeof TIME_SOURCES)[number];

/** Korean names as the claim screens show them (seed 000: 서비스, 주휴, 유가, 휴일, 공가, 교육). */
export const TIME_SOURCE_LABELS: Record<TimeSource, string> = {
  service: '서비스',
  weeklyHoliday: '주휴',
  paidLeave: '유급휴가',
  holiday: '유급휴일',
  officialLeave: '공가',
  training: '교육',
};
