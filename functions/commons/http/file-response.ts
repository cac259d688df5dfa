import { z } from 'zod';

/**
 * The answer of a route that hands out a file (PDF, Excel, a scan): the file itself travels through a
 * presigned URL of the documents bucket (valid a few minutes), the JSON body names it. Routes extend
 * this with what else they say (`fileLinkResponse.extend({ month: ... })`).
 */
export const fileLinkResponse = z.object({
  /** presigned GET URL of the file */
  url: z.string(),
  /** the name the browser saves it under */
  fileName: z.string(),
});

export type FileLink = z.output<typeof fileLinkResponse>;

/**
 * The answer of a route that hands a generated file inside the JSON itself (the API answers JSON end
 * to end): its name, its media type and its bytes in base64.
 */
export const fileContentResponse = z.object({
  fileName: z.string(),
  contentType: z.string(),
  base64: z.string(),
});

export type FileContent = z.output<typeof fileContentResponse>;
