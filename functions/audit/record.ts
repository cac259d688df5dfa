import { randomUUID } from 'node:crypto';
import type { Caller } from '#commons/caller';
import * as clock from '#kernel/clock';
import { koreaDay } from '#kernel/korea-time';
import { AUDIT_RETENTION_DAYS, type AuditRecordItem } from './entities.ts';

export interface AuditEvent {
  action: string;
  targetType: string;
  targetId: string;
  subjectId?: string;
  branchId?: string;
  outcome?: AuditRecordItem['outcome'];
  reason?: string;
}

/** Builds the record (pure): time-ordered id, Korea day, retention. */
export function auditItem(
  actor: Pick<Caller, 'userId' | 'roles' | 'sourceIp'>,
  event: AuditEvent,
  now = clock.now(),
): AuditRecordItem {
  return {
    auditId: `${now.toISOString()}#${randomUUID().slice(0, 8)}`,
    at: now.toISOString(),
    day: koreaDay(now),
    actorId: actor.userId,
    actorRole: actor.roles.join(',') || 'none',
    action: event.action,
    targetType: event.targetType,
    targetId: event.targetId,
    subjectId: event.subjectId ?? 'NONE',
    branchId: event.branchId,
    outcome: event.outcome ?? 'success',
    sourceIp: actor.sourceIp,
    reason: event.reason,
    expiresAt: Math.floor(now.getTime() / 1000) + AUDIT_RETENTION_DAYS * 24 * 3600,
  };
}
