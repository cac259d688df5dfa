// The activity-log attendance types the engine understands. Kept free of zod so the engine itself
// loads nothing but its own code; the schema builds its enums from these same lists.

export const ENTRY_TYPES = [
  'service',
  'paidLeave',
  'holiday',
  'officialLeave',
  'training',
  'unpaidLeave',
  'absence',
] as const;
export type EntryType = (typeof ENTRY_TYPES)[number];

export const NON_SERVICE_TYPES = [
  'paidLeave',
  'holiday',
  'officialLeave',
  'training',
  'unpaidLeave',
  'absence',
] as const satisfies readonly EntryType[];

/** Types whose minutes are paid like work: they count toward pay and toward the weekly-holiday threshold. */
export const PAID_NON_SERVICE_TYPES = ['paidLeave', 'holiday', 'officialLeave', 'training'] as const;

/** Korean names as the claim screens show them (seed 000: 서비스, 유가, 휴일, 공가, 교육). */
export const TYPE_LABELS: Record<EntryType, string> = {
  service: '서비스',
  paidLeave: '유급휴가',
  holiday: '휴일',
  officialLeave: '공가',
  training: '교육',
  unpaidLeave: '무급휴가',
  absence: '결근',
};
