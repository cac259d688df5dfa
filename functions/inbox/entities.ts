// The staff inbox's one entity lives in commons (notify.ts, below every capability, writes it);
// re-exported here so that the capability has the same shape as every other.
export { StaffMessage, type StaffMessageItem } from '#commons/staff-inbox';
