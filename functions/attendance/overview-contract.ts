import { z } from 'zod';
import { SCOPE_LABELS, scopeQueryFields } from '#functions/agencies/scope-contract';
import { monthField } from '#kernel/fields';
import { comparisonResponse } from './contract.ts';

// 근무이력 비교 of the internal system (branch, hq): every agency's comparison in scope, read only.

export const comparisonOverviewQuery = z.object({ ...scopeQueryFields, month: monthField('년월') });

const agencyFields = { agencyId: z.string(), agencyName: z.string() };

export const comparisonOverviewResponse = z.object({
  month: z.string(),
  agencies: z.array(
    z.object({
      ...agencyFields,
      summary: comparisonResponse.shape.summary,
      submission: comparisonResponse.shape.submission,
      currentImportId: z.string().optional(),
    }),
  ),
  rows: z.array(comparisonResponse.shape.rows.element.extend(agencyFields)),
});

export const COMPARISON_OVERVIEW_LABELS = { ...SCOPE_LABELS, month: '년월' };

export type ComparisonOverview = z.output<typeof comparisonOverviewResponse>;
