import { describe, expect, it } from 'vitest';
import { pendingUploadKey, pendingUploadPrefix, uploadIdOfKey } from '#functions/files/rules';

// Upload keys carry their purpose, so that a bucket notification can pick one purpose's files, and
// the id is read back from the key an S3 event names (URL-encoded, as S3 sends it).

const ID = '7b1f4a9e-2c3d-4e5f-8a9b-0c1d2e3f4a5b';

describe('upload object keys', () => {
  it('put an upload under its purpose and read the id back', () => {
    expect(pendingUploadKey('attendance', ID)).toBe(`pending/attendance/${ID}`);
    expect(pendingUploadPrefix('attendance')).toBe('pending/attendance/');
    expect(uploadIdOfKey(pendingUploadKey('attendance', ID), 'attendance')).toBe(ID);
  });

  it('read URL-encoded keys as S3 events give them', () => {
    expect(uploadIdOfKey(`pending%2Fattendance%2F${ID}`, 'attendance')).toBe(ID);
  });

  it('refuse keys of another purpose or without an upload id', () => {
    expect(uploadIdOfKey(pendingUploadKey('seal', ID), 'attendance')).toBeUndefined();
    expect(uploadIdOfKey('pending/attendance/../../etc', 'attendance')).toBeUndefined();
    expect(uploadIdOfKey(`pending/attendance/${ID}/x`, 'attendance')).toBeUndefined();
    expect(uploadIdOfKey(`documents/${ID}`, 'attendance')).toBeUndefined();
  });
});
