import { z } from 'zod';
import { textField, yearField } from '#kernel/fields';
import { RateTableContentSchema } from './rules.ts';

// The rates capability's HTTP contract: what each /rate-tables route accepts and answers. The web
// reads its types from here (type-only), never from the entities or the repository.

export const YearParamsSchema = z.object({ year: yearField('연도') });

export const VersionParamsSchema = YearParamsSchema.extend({ version: z.coerce.number().int().min(1) });

export const SaveRateTableBodySchema = z.object({
  basedOn: z.number({ error: '고치기 시작한 버전이 없습니다. 요율표를 다시 불러와 주세요.' }).int().min(0),
  reason: textField('변경 사유', {
    min: 2,
    max: 500,
    multiline: true,
    messages: { required: '변경 사유를 입력해 주세요.', min: '변경 사유를 입력해 주세요.' },
  }),
  content: RateTableContentSchema,
});

export type SaveRateTableBody = z.input<typeof SaveRateTableBodySchema>;

/** One stored version of a year's table. */
export const RateTableSchema = z.object({
  year: z.number().int(),
  version: z.number().int(),
  content: RateTableContentSchema,
  reason: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
});

export type RateTable = z.infer<typeof RateTableSchema>;

/** One changed figure between two versions ("시간급: 10,030 → 10,320"); `field` is its dotted path. */
export const RateChangeSchema = z.object({ field: z.string(), from: z.unknown(), to: z.unknown() });

export type RateChange = z.infer<typeof RateChangeSchema>;

/** GET /rate-tables/{year}: the current version and every version's reason and changes, newest first. */
export const RateTableViewSchema = z.object({
  current: RateTableSchema,
  history: z.array(
    z.object({
      version: z.number().int(),
      reason: z.string(),
      createdBy: z.string(),
      createdAt: z.string(),
      changes: z.array(RateChangeSchema),
    }),
  ),
});

export type RateTableView = z.infer<typeof RateTableViewSchema>;

/** POST /rate-tables/{year}/versions: the saved version and what changed from the one it was based on. */
export const SavedRateTableSchema = RateTableSchema.extend({ changes: z.array(RateChangeSchema) });

export type SavedRateTable = z.infer<typeof SavedRateTableSchema>;

/** GET /rate-tables/{year}/latest-version: 0 when the year has no table yet. */
export const LatestVersionSchema = z.object({ version: z.number().int().min(0) });
