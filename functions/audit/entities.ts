import { Entity, type EntityItem } from 'electrodb';
import { SERVICE_NAME } from '#commons/table';
import { AUDIT_OUTCOMES } from './contract.ts';

/** Kept three years (the law asks for at least two), then DynamoDB's TTL removes the record. */
export const AUDIT_RETENTION_DAYS = 3 * 365;

/**
 * One audit record: who did what to whose data, when, from where, and how it ended (SPEC §5).
 * Written in the same transaction as the change it records. Never holds the personal data itself.
 * Searches: by the person the data is about, by actor, by day.
 */
export const AuditRecord = new Entity({
  model: { entity: 'auditRecord', version: '1', service: SERVICE_NAME },
  attributes: {
    auditId: { type: 'string', required: true },
    at: { type: 'string', required: true },
    /** YYYY-MM-DD in Korea time, the partition of the by-day search */
    day: { type: 'string', required: true },
    actorId: { type: 'string', required: true },
    actorRole: { type: 'string', required: true },
    action: { type: 'string', required: true },
    targetType: { type: 'string', required: true },
    targetId: { type: 'string', required: true },
    /** the person the data is about ('NONE' when it is about no person) */
    subjectId: { type: 'string', required: true, default: 'NONE' },
    /** the branch whose scope the target falls in, so branch staff search only their own */
    branchId: { type: 'string' },
    outcome: { type: AUDIT_OUTCOMES, required: true },
    sourceIp: { type: 'string', required: true },
    /** a reason the actor gave (e.g. for showing a resident number in full); never personal data */
    reason: { type: 'string' },
    expiresAt: { type: 'number', required: true },
  },
  indexes: {
    byId: { pk: { field: 'pk', composite: ['auditId'] }, sk: { field: 'sk', composite: [] } },
    bySubject: {
      index: 'gsi1',
      pk: { field: 'gsi1pk', composite: ['subjectId'] },
      sk: { field: 'gsi1sk', composite: ['at', 'auditId'] },
    },
    byActor: {
      index: 'gsi2',
      pk: { field: 'gsi2pk', composite: ['actorId'] },
      sk: { field: 'gsi2sk', composite: ['at', 'auditId'] },
    },
    byDay: {
      index: 'gsi3',
      pk: { field: 'gsi3pk', composite: ['day'] },
      sk: { field: 'gsi3sk', composite: ['at', 'auditId'] },
    },
  },
});

export type AuditRecordItem = EntityItem<typeof AuditRecord>;
