import { createWriteTransaction, type Entity, type TransactWriteEntity } from 'electrodb';
import type { Caller } from '#commons/caller';
import { bindEntity } from '#commons/entities';
import { daysFromTo } from '#kernel/korea-time';
import { AuditRecord, type AuditRecordItem } from './entities.ts';
import { type AuditEvent, auditItem } from './record.ts';

/** A read of personal data (or a refused attempt): one record on its own. */
export async function recordAudit(caller: Caller, event: AuditEvent): Promise<void> {
  await bindEntity(AuditRecord).put(auditItem(caller, event)).go();
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

export interface AuditSearch {
  subjectId?: string;
  actorId?: string;
  /** inclusive Korea-time days */
  fromDay: string;
  toDay: string;
  branchId?: string;
}

/** Search by person, actor or day range — each a Query on its own index, never a Scan. */
export async function searchAudit(search: AuditSearch): Promise<AuditRecordItem[]> {
  const audit = bindEntity(AuditRecord);
  const from = `${search.fromDay}T00:00:00.000Z`;
  const to = `${search.toDay}T23:59:59.999Z`;
  let items: AuditRecordItem[];
  if (search.subjectId) {
    items = (
      await audit.query
        .bySubject({ subjectId: search.subjectId })
        .between({ at: shiftDay(from, -1) }, { at: shiftDay(to, 1) })
        .go({ pages: 'all' })
    ).data;
  } else if (search.actorId) {
    items = (
      await audit.query
        .byActor({ actorId: search.actorId })
        .between({ at: shiftDay(from, -1) }, { at: shiftDay(to, 1) })
        .go({ pages: 'all' })
    ).data;
  } else {
    const days = daysFromTo(search.fromDay, search.toDay);
    const pages = await Promise.all(days.map((day) => audit.query.byDay({ day }).go({ pages: 'all' })));
    items = pages.flatMap((page) => page.data);
  }
  return items
    .filter((item) => item.day >= search.fromDay && item.day <= search.toDay)
    .filter((item) => !search.subjectId || item.subjectId === search.subjectId)
    .filter((item) => !search.actorId || item.actorId === search.actorId)
    .filter((item) => !search.branchId || item.branchId === search.branchId)
    .sort((a, b) => b.at.localeCompare(a.at));
}

// `at` is UTC while days are Korea time: widen the key range by a day, then filter by `day`.
function shiftDay(iso: string, days: number): string {
  return new Date(new Date(iso).getTime() + days * 86_400_000).toISOString();
}
