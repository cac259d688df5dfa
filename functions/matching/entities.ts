import { Entity, type EntityItem } from 'electrodb';
import { SERVICE_NAME } from '#commons/table';
import { MATCHING_STATUSES } from './contract.ts';

/**
 * 매칭 (SPEC B3): an assistant assigned to a worker for a period, with the weekly schedule and the
 * support type, made by the agency the branch sent the request to. Ending a matching keeps it (the
 * history of both people). Access patterns: by id; per worker; per assistant; per agency by status.
 */
export const Matching = new Entity({
  model: { entity: 'matching', version: '1', service: SERVICE_NAME },
  attributes: {
    matchingId: { type: 'string', required: true },
    applicationId: { type: 'string', required: true },
    workerId: { type: 'string', required: true },
    workerName: { type: 'string', required: true },
    assistantId: { type: 'string', required: true },
    assistantName: { type: 'string', required: true },
    /** the assistant's portal login, when linked: their activity logs are written under it */
    assistantUserId: { type: 'string' },
    agencyId: { type: 'string', required: true },
    agencyName: { type: 'string', required: true },
    branchId: { type: 'string', required: true },
    workplaceKey: { type: 'string', required: true },
    workplaceName: { type: 'string', required: true },
    startDate: { type: 'string', required: true },
    endDate: { type: 'string', required: true },
    schedule: {
      type: 'list',
      required: true,
      items: {
        type: 'map',
        properties: {
          weekday: { type: 'number', required: true },
          start: { type: 'string', required: true },
          end: { type: 'string', required: true },
        },
      },
    },
    supportType: { type: 'string', required: true },
    status: { type: MATCHING_STATUSES, required: true },
    endedOn: { type: 'string' },
    endReason: { type: 'string' },
    note: { type: 'string' },
    createdBy: { type: 'string', required: true },
    createdAt: { type: 'string', required: true },
    revision: { type: 'number', required: true },
  },
  indexes: {
    byId: { pk: { field: 'pk', composite: ['matchingId'] }, sk: { field: 'sk', composite: [] } },
    byWorker: {
      index: 'gsi1',
      pk: { field: 'gsi1pk', composite: ['workerId'] },
      sk: { field: 'gsi1sk', composite: ['startDate', 'matchingId'] },
    },
    byAssistant: {
      index: 'gsi2',
      pk: { field: 'gsi2pk', composite: ['assistantId'] },
      sk: { field: 'gsi2sk', composite: ['startDate', 'matchingId'] },
    },
    byAgency: {
      index: 'gsi3',
      pk: { field: 'gsi3pk', composite: ['agencyId'] },
      sk: { field: 'gsi3sk', composite: ['status', 'startDate', 'matchingId'] },
    },
  },
});

export type MatchingItem = EntityItem<typeof Matching>;
