import type { Entity } from 'electrodb';
import { documentClient } from './clients.ts';
import { ENV, requireEnv } from './config.ts';

// Entities are declared at module scope without a client (so the CDK and tests can read their
// index definitions offline) and bound to the table on first use in a request path.
// biome-ignore lint/suspicious/noExplicitAny: any entity shape
type AnyEntity = Entity<any, any, any, any>;
const bound = new WeakSet<AnyEntity>();

export function bindEntity<E extends AnyEntity>(entity: E): E {
  if (!bound.has(entity)) {
    entity.setClient(documentClient());
    entity.setTableName(requireEnv(ENV.tableName));
    bound.add(entity);
  }
  return entity;
}

/** A conditional write (ElectroDB `.where` or `create`) refused because its condition did not hold. */
export function isConditionFailure(error: unknown): boolean {
  const text = `${(error as Error)?.name ?? ''} ${(error as Error)?.message ?? ''} ${String((error as { cause?: { name?: string } })?.cause?.name ?? '')}`;
  return /ConditionalCheckFailed|conditional request failed/i.test(text);
}
