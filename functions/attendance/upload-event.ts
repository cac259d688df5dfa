import middy from '@middy/core';
import { z } from 'zod';
import { logger } from '#commons/powertools';
import { uploadIdOfKey } from '#functions/files/rules';
import { importLandedUpload } from './service.ts';

// The uploads bucket's Object Created notification for attendance files (SPEC C3): the landed
// object starts its import. Only the fields used are validated (s3rver's events, on the local stack,
// carry the same ones).

const S3ObjectCreated = z.object({
  Records: z.array(
    z.object({
      eventName: z.string(),
      s3: z.object({ bucket: z.object({ name: z.string() }), object: z.object({ key: z.string() }) }),
    }),
  ),
});

export type S3ObjectCreatedEvent = z.infer<typeof S3ObjectCreated>;

/** Imports each landed attendance object in turn; an unexpected failure is thrown so that S3's invocation is retried. */
export async function onAttendanceObjects(event: unknown): Promise<{ uploadId: string; outcome: string }[]> {
  const { Records } = S3ObjectCreated.parse(event);
  const results: { uploadId: string; outcome: string }[] = [];
  for (const record of Records) {
    if (!record.eventName.startsWith('ObjectCreated:')) continue;
    const uploadId = uploadIdOfKey(record.s3.object.key, 'attendance');
    if (!uploadId) {
      logger.warn('object outside the attendance uploads', { key: record.s3.object.key });
      continue;
    }
    const outcome = await importLandedUpload(uploadId);
    logger.info('attendance upload handled', { uploadId, outcome });
    results.push({ uploadId, outcome });
  }
  return results;
}

export const handler = middy(onAttendanceObjects).before(async (request) => {
  logger.addContext(request.context);
});
