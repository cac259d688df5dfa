// The audit record builders live in the shared code (every capability writes them): #commons/audit-trail.
export { type AuditEvent, auditItem } from '#commons/audit-trail';
