import { describe, expect, it } from 'vitest';
import { TABLE_KEYS } from '#commons/table';
import { ENTITIES } from '#functions/entities';

interface IndexDefinition {
  index?: string;
  pk: { field: string };
  sk?: { field: string };
}

const rows = Object.entries(ENTITIES).flatMap(([name, entity]) =>
  Object.entries((entity as unknown as { schema: { indexes: Record<string, IndexDefinition> } }).schema.indexes).map(
    ([accessPattern, definition]) => [name, accessPattern, definition] as const,
  ),
);

describe('single-table key design: entities derive their keys from TABLE_KEYS', () => {
  it.each(rows)('%s.%s uses the fields of the table index it names', (_entity, _pattern, definition) => {
    if (!definition.index) {
      expect(definition.pk.field).toBe(TABLE_KEYS.partitionKey);
      expect(definition.sk?.field).toBe(TABLE_KEYS.sortKey);
      return;
    }
    const gsi = TABLE_KEYS.globalIndexes.find((index) => index.indexName === definition.index);
    expect(gsi, `index ${definition.index} is not provisioned in TABLE_KEYS`).toBeDefined();
    expect(definition.pk.field).toBe(gsi!.partitionKey);
    expect(definition.sk?.field).toBe(gsi!.sortKey);
  });

  it('gives every entity a unique name in the one service', () => {
    const names = Object.values(ENTITIES).map(
      (entity) => (entity as unknown as { model: { entity: string } }).model.entity,
    );
    expect(new Set(names).size).toBe(names.length);
  });
});
