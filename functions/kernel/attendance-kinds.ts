// The attendance kinds (근태), defined once. The activity log's codes, the claim engine's entry types,
// the leave ledger's kinds, payroll's paid times and every screen's names of them derive from this
// table (test/unit/kernel/attendance-kinds.test.ts checks that they do). Pure data, no imports, so
// the engine, the web bundle and every capability can read it.
//
// One row per 근태 of the activity log. Several rows may share a claim-engine type (연차 and 유급휴가
// are both paid leave for the claim); such rows agree on everything about that type.
//
// The names, as each screen shows them today (kept as they are; they differ on purpose):
// - label: the 근태 in the activity log, the leave ledger and the attendance comparison (유급휴일);
// - typeLabel: the engine type in the claim's list of entries (근무(서비스), 유급휴일);
// - typeShortLabel: the engine type in the claim engine's problem messages (서비스, 휴일);
// - paidTimeLabel: the engine type as payroll's paid times name it (서비스, 유급휴일); only paid types.

export interface AttendanceKind {
  /** the activity log's code (stored in entries) */
  code: string;
  label: string;
  /** the claim engine's entry type */
  engineType: string;
  typeLabel: string;
  typeShortLabel: string;
  paidTimeLabel?: string;
  /** the leave ledger's kind, for the kinds that are leave (they take a 휴가시간) */
  leaveKind?: string;
  /** paid like work: counts toward pay and toward the weekly-holiday (주휴) threshold */
  paid: boolean;
  /** breaks the weekly holiday: a week with one earns no 주휴 */
  absent: boolean;
}

export const ATTENDANCE_KINDS = [
  {
    code: 'work',
    label: '근무',
    engineType: 'service',
    typeLabel: '근무(서비스)',
    typeShortLabel: '서비스',
    paidTimeLabel: '서비스',
    leaveKind: undefined,
    paid: true,
    absent: false,
  },
  {
    // 연차 is paid leave for the engine (paid like work) and annual leave for the ledger (it uses up
    // the entitlement); 유급휴가 (e.g. 경조휴가) is paid but does not use up annual leave.
    code: 'annualLeave',
    label: '연차',
    engineType: 'paidLeave',
    typeLabel: '유급휴가',
    typeShortLabel: '유급휴가',
    paidTimeLabel: '유급휴가',
    leaveKind: 'annualLeave',
    paid: true,
    absent: false,
  },
  {
    code: 'paidLeave',
    label: '유급휴가',
    engineType: 'paidLeave',
    typeLabel: '유급휴가',
    typeShortLabel: '유급휴가',
    paidTimeLabel: '유급휴가',
    leaveKind: 'paidLeave',
    paid: true,
    absent: false,
  },
  {
    code: 'holiday',
    label: '유급휴일',
    engineType: 'holiday',
    typeLabel: '유급휴일',
    typeShortLabel: '휴일',
    paidTimeLabel: '유급휴일',
    leaveKind: 'holiday',
    paid: true,
    absent: false,
  },
  {
    code: 'officialLeave',
    label: '공가',
    engineType: 'officialLeave',
    typeLabel: '공가',
    typeShortLabel: '공가',
    paidTimeLabel: '공가',
    leaveKind: 'officialLeave',
    paid: true,
    absent: false,
  },
  {
    code: 'training',
    label: '교육',
    engineType: 'training',
    typeLabel: '교육',
    typeShortLabel: '교육',
    paidTimeLabel: '교육',
    leaveKind: undefined,
    paid: true,
    absent: false,
  },
  {
    code: 'unpaidLeave',
    label: '무급휴가',
    engineType: 'unpaidLeave',
    typeLabel: '무급휴가',
    typeShortLabel: '무급휴가',
    paidTimeLabel: undefined,
    leaveKind: 'unpaidLeave',
    paid: false,
    absent: false,
  },
  {
    code: 'absence',
    label: '결근',
    engineType: 'absence',
    typeLabel: '결근',
    typeShortLabel: '결근',
    paidTimeLabel: undefined,
    leaveKind: undefined,
    paid: false,
    absent: true,
  },
] as const satisfies readonly AttendanceKind[];

type Row = (typeof ATTENDANCE_KINDS)[number];

// ── the activity log's codes ────────────────────────────────────────────────────────────────────

export type AttendanceCode = Row['code'];
export const ATTENDANCE_CODES = ATTENDANCE_KINDS.map((k) => k.code) as [AttendanceCode, ...AttendanceCode[]];

export function attendanceOf(code: AttendanceCode): Row {
  return ATTENDANCE_KINDS.find((k) => k.code === code)!;
}

/** Kinds that are leave: they take a leave time (휴가시간) and are the assistant's, not the worker's. */
export function isLeave(code: AttendanceCode): boolean {
  return attendanceOf(code).leaveKind !== undefined;
}

// ── the claim engine's entry types ──────────────────────────────────────────────────────────────

export type EntryType = Row['engineType'];
export type NonServiceType = Exclude<EntryType, 'service'>;
export type PaidNonServiceType = Extract<Row, { paid: true }>['engineType'] & NonServiceType;

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

/** The engine's entry types in table order (service first); the engine's type codes index this list. */
export const ENTRY_TYPES = unique(ATTENDANCE_KINDS.map((k) => k.engineType)) as [EntryType, ...EntryType[]];

/** The first row of an engine type: every row of that type agrees with it. */
export function kindOfType(type: EntryType): Row {
  return ATTENDANCE_KINDS.find((k) => k.engineType === type)!;
}

export const NON_SERVICE_TYPES = ENTRY_TYPES.filter((t) => t !== 'service') as [NonServiceType, ...NonServiceType[]];

/** Types whose minutes are paid like work: they count toward pay and toward the weekly-holiday threshold. */
export const PAID_NON_SERVICE_TYPES = NON_SERVICE_TYPES.filter((t) => kindOfType(t).paid) as [
  PaidNonServiceType,
  ...PaidNonServiceType[],
];

/** Types that break the weekly holiday (결근). */
export const ABSENT_TYPES = ENTRY_TYPES.filter((t) => kindOfType(t).absent);

function labelsBy<K extends string>(types: readonly K[], label: (type: K) => string): Record<K, string> {
  return Object.fromEntries(types.map((t) => [t, label(t)])) as Record<K, string>;
}

/** Engine types as the claim's list of entries shows them (근무(서비스), 유급휴일). */
export const TYPE_LABELS = labelsBy(ENTRY_TYPES, (t) => kindOfType(t).typeLabel);

/** Engine types as the claim engine's problem messages name them (서비스, 휴일; seed 000's words). */
export const TYPE_SHORT_LABELS = labelsBy(ENTRY_TYPES, (t) => kindOfType(t).typeShortLabel);

/** Paid engine types as payroll's paid times name them (서비스, 유급휴가, 유급휴일, 공가, 교육). */
export const PAID_TIME_LABELS = labelsBy(
  ENTRY_TYPES.filter((t) => kindOfType(t).paid) as ('service' | PaidNonServiceType)[],
  (t) => kindOfType(t).paidTimeLabel!,
);

// ── the leave ledger's kinds ────────────────────────────────────────────────────────────────────

export type LeaveKind = NonNullable<Row['leaveKind']>;

/** The leave ledger's kinds, in table order (the order the leave screens show them). */
export const LEAVE_KINDS = ATTENDANCE_KINDS.flatMap((k) => (k.leaveKind ? [k.leaveKind] : [])) as [
  LeaveKind,
  ...LeaveKind[],
];

/** Leave kinds as the activity log and the leave screens name them (연차, 유급휴일). */
export const LEAVE_KIND_LABELS = labelsBy(
  LEAVE_KINDS,
  (kind) => ATTENDANCE_KINDS.find((k) => k.leaveKind === kind)!.label,
);
