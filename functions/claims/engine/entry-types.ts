// The activity-log attendance types the engine understands: derived from the one table of attendance
// kinds (functions/kernel/attendance-kinds.ts), which is free of zod, so the engine itself loads
// nothing but its own code and the kernel; the schema builds its enums from these same lists.

export {
  ABSENT_TYPES,
  ENTRY_TYPES,
  type EntryType,
  NON_SERVICE_TYPES,
  PAID_NON_SERVICE_TYPES,
  TYPE_SHORT_LABELS,
} from '#kernel/attendance-kinds';
