import { randomUUID } from 'node:crypto';
import { createWriteTransaction, Entity, type EntityItem, type TransactWriteEntity } from 'electrodb';
import * as clock from '#kernel/clock';
import { koreaDay } from '#kernel/korea-time';
import type { Caller } from './caller.ts';
import { bindEntity } from './entities.ts';
import { SERVICE_NAME } from './table.ts';

// The audit trail every capability writes (SPEC §5): who did what to whose data, when, from where,
// and how it ended. It lives in the shared code because every capability writes it; the `audit`
// capability only searches it.

/** Kept three years (the law asks for at least two), then DynamoDB's TTL removes the record. */
export const AUDIT_RETENTION_DAYS = 3 * 365;

/**
 * One audit record. Written in the same transaction as the change it records, or before the data of a
 * read leaves. Never holds the personal data itself, only ids. Searches: by the person the data is
 * about, by actor, by day.
 */
// pure: a bundle that never writes one drops it (what a function may reach is read from its bundle)
export const AuditRecord = /* @__PURE__ */ new Entity({
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
    /** the person the data is about ('NONE' when it is about no person; the first of `subjectIds` for a list) */
    subjectId: { type: 'string', required: true, default: 'NONE' },
    /** every person a read returned, when it returned more than one (a list); each also has an AuditSubject */
    subjectIds: { type: 'list', items: { type: 'string' } },
    /** the branch whose scope the target falls in, so branch staff search only their own */
    branchId: { type: 'string' },
    outcome: { type: ['success', 'denied', 'failed'] as const, required: true },
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

/**
 * One more person named by a record of a list read: an index entry (not a second record) so that a
 * search by that person finds the one record that names them all.
 */
export const AuditSubject = /* @__PURE__ */ new Entity({
  model: { entity: 'auditSubject', version: '1', service: SERVICE_NAME },
  attributes: {
    subjectId: { type: 'string', required: true },
    auditId: { type: 'string', required: true },
    at: { type: 'string', required: true },
    day: { type: 'string', required: true },
    branchId: { type: 'string' },
    expiresAt: { type: 'number', required: true },
  },
  indexes: {
    bySubject: {
      pk: { field: 'pk', composite: ['subjectId'] },
      sk: { field: 'sk', composite: ['at', 'auditId'] },
    },
  },
});

export type AuditSubjectItem = EntityItem<typeof AuditSubject>;

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

/** A read of personal data (or a refused attempt): one record on its own. */
export async function recordAudit(caller: Caller, event: AuditEvent): Promise<void> {
  await bindEntity(AuditRecord).put(auditItem(caller, event)).go();
}

/** A subject id that names a person (records about no person carry 'NONE'). */
export const isPerson = (id: string | undefined): id is string => !!id && id !== 'NONE';

/** What a read returned: the people whose personal data leaves with the answer. */
export interface PersonalDataRead extends Omit<AuditEvent, 'subjectId' | 'outcome'> {
  /** ids of the people the answer names (login id, or the registration id of a person without one) */
  subjects: readonly (string | undefined)[];
}

/**
 * The record of a read of other people's personal data (issue 22 §5), written before the answer
 * leaves: one record naming every person the answer returned but the caller, with an index entry per
 * further person so that a search by any of them finds it. Returns the record, or nothing when the
 * answer named nobody but the caller.
 */
export function personalDataReadItems(
  caller: Pick<Caller, 'userId' | 'roles' | 'sourceIp'>,
  read: PersonalDataRead,
  now = clock.now(),
): { record: AuditRecordItem; links: AuditSubjectItem[] } | undefined {
  const subjects = [
    ...new Set(read.subjects.filter((id): id is string => isPerson(id) && id !== caller.userId)),
  ].sort();
  if (subjects.length === 0) return undefined;
  const { subjects: _subjects, ...event } = read;
  const record = auditItem(caller, { ...event, subjectId: subjects[0] }, now);
  if (subjects.length > 1) record.subjectIds = subjects;
  const links = subjects.slice(1).map((subjectId) => ({
    subjectId,
    auditId: record.auditId,
    at: record.at,
    day: record.day,
    branchId: record.branchId,
    expiresAt: record.expiresAt,
  }));
  return { record, links };
}

export async function recordPersonalDataRead(caller: Caller, read: PersonalDataRead): Promise<void> {
  const items = personalDataReadItems(caller, read);
  if (!items) return;
  // the index entries first: a record is never found without them by a search by person
  if (items.links.length > 0) {
    const { unprocessed } = await bindEntity(AuditSubject).put(items.links).go();
    if (unprocessed.length > 0) throw new Error(`audit: ${unprocessed.length} subject entries not written`);
  }
  await bindEntity(AuditRecord).put(items.record).go();
}

// biome-ignore lint/suspicious/noExplicitAny: any entity shape
type Entities = Record<string, Entity<any, any, any, any>>;

/**
 * The entities as a write transaction's callback sees them (operations end in `.commit()`); a caller
 * may annotate its `operations` parameter with it to keep ElectroDB's types for keys and conditions.
 */
export type WriteEntities<E extends Entities> = {
  [K in keyof E]: E[K] extends Entity<infer A, infer F, infer C, infer S> ? TransactWriteEntity<A, F, C, S> : never;
};

/**
 * A change and its audit record in one DynamoDB transaction: either both are stored or neither.
 * `operations` returns the committed operations of the change (ElectroDB `.commit()`s).
 */
export async function writeAudited<E extends Entities>(
  caller: Caller,
  event: AuditEvent,
  entities: E,
  // biome-ignore lint/suspicious/noExplicitAny: ElectroDB's transaction entities (their .commit() builders)
  operations: (entities: Record<keyof E, any>) => any[],
): Promise<{ canceled: boolean }> {
  for (const entity of Object.values(entities)) bindEntity(entity);
  const audit = bindEntity(AuditRecord);
  const item = auditItem(caller, event);
  const result = await createWriteTransaction({ ...entities, audit }, (all) => [
    ...operations(all as Record<keyof E, unknown>),
    all.audit.put(item).commit(),
  ]).go();
  return { canceled: result.canceled };
}
