import { Entity, type EntityItem } from 'electrodb';
import { SERVICE_NAME } from '#commons/table';
import * as clock from '#kernel/clock';
import { UPLOAD_STATUSES } from './contract.ts';

/**
 * A file a person uploads through a presigned URL. Pending until the bytes that landed are checked
 * (size, type by signature); only a `ready` upload can be attached to a record.
 */
export const Upload = new Entity({
  model: { entity: 'upload', version: '1', service: SERVICE_NAME },
  attributes: {
    uploadId: { type: 'string', required: true },
    /** the signed-in person, or `anonymous` for the account-request pledge (then uploadSecretHash guards it) */
    ownerId: { type: 'string', required: true },
    uploadSecretHash: { type: 'string' },
    purpose: { type: 'string', required: true },
    contentType: { type: 'string', required: true },
    fileName: { type: 'string', required: true },
    declaredSize: { type: 'number', required: true },
    bucketKey: { type: 'string', required: true },
    status: { type: UPLOAD_STATUSES, required: true, default: 'pending' },
    size: { type: 'number' },
    sha256: { type: 'string' },
    problem: { type: 'string' },
    /** pending uploads expire after a day (TTL); a ready one is kept by the record that uses it */
    expiresAt: { type: 'number' },
    createdAt: { type: 'string', required: true, readOnly: true, default: () => clock.nowIso() },
  },
  indexes: {
    byId: { pk: { field: 'pk', composite: ['uploadId'] }, sk: { field: 'sk', composite: [] } },
    byOwner: {
      index: 'gsi1',
      pk: { field: 'gsi1pk', composite: ['ownerId'] },
      sk: { field: 'gsi1sk', composite: ['createdAt', 'uploadId'] },
    },
  },
});

export type UploadItem = EntityItem<typeof Upload>;
