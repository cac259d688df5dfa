// The audit trail's entities live in the shared code (every capability writes them): #commons/audit-trail.
export {
  AUDIT_RETENTION_DAYS,
  AuditRecord,
  type AuditRecordItem,
  AuditSubject,
  type AuditSubjectItem,
} from '#commons/audit-trail';
