import { Entity, type EntityItem } from 'electrodb';
import { SERVICE_NAME } from '#commons/table';
import * as clock from '#kernel/clock';

/**
 * One version of a year's rate table. Versions are never changed: an edit writes the next version
 * with a condition that it does not exist yet, so two hq editors cannot overwrite each other.
 */
export const RateTableVersion = new Entity({
  model: { entity: 'rateTableVersion', version: '1', service: SERVICE_NAME },
  attributes: {
    year: { type: 'number', required: true },
    /** padded in the sort key so versions sort as numbers (…9, 10) */
    version: { type: 'number', required: true, padding: { length: 6, char: '0' } },
    /** the content as JSON text: exact decimals as written, validated by RateTableContentSchema */
    content: { type: 'string', required: true },
    reason: { type: 'string', required: true },
    createdBy: { type: 'string', required: true },
    createdAt: { type: 'string', required: true, readOnly: true, default: () => clock.nowIso() },
  },
  indexes: {
    byYear: {
      pk: { field: 'pk', composite: ['year'] },
      sk: { field: 'sk', composite: ['version'] },
    },
  },
});

export type RateTableVersionItem = EntityItem<typeof RateTableVersion>;
