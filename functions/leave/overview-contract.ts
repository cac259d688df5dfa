import { z } from 'zod';
import { SCOPE_LABELS, scopeQueryFields } from '#functions/agencies/scope-contract';
import { leaveListResponse, yearQuery } from './contract.ts';

// 연차 관리 of the internal system (branch, hq): every agency's 연차관리 목록 in scope, read only.

export const leaveOverviewQuery = z.object({ ...scopeQueryFields, ...yearQuery.shape });

export const leaveOverviewResponse = z.object({
  year: z.number(),
  asOf: z.string(),
  rows: z.array(leaveListResponse.shape.rows.element.extend({ agencyId: z.string(), agencyName: z.string() })),
});

export const LEAVE_OVERVIEW_LABELS = { ...SCOPE_LABELS, year: '적용년도' };

export type LeaveOverview = z.output<typeof leaveOverviewResponse>;
