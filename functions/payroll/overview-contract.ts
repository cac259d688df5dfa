import { z } from 'zod';
import { SCOPE_LABELS, scopeQueryFields } from '#functions/agencies/scope-contract';
import { monthListResponse, monthQuery } from './contract.ts';

// 급여 관리 of the internal system (branch, hq): every agency's 급여 목록 in scope, read only. Each
// agency names its own pay and deduction items, so each keeps its own table (columns and totals).

export const payrollOverviewQuery = z.object({ ...scopeQueryFields, ...monthQuery.shape });

export const payrollOverviewResponse = z.object({
  month: z.string(),
  agencies: z.array(monthListResponse.omit({ month: true })),
});

export const PAYROLL_OVERVIEW_LABELS = { ...SCOPE_LABELS, month: '급여연월' };

export type PayrollOverview = z.output<typeof payrollOverviewResponse>;
