import { createHandler } from '#commons/http/handler';
import { claimMonthFigures } from '#functions/claims/payroll-figures';
import { plugMonthFigures } from './month-figures.ts';
import { payrollRoutes } from './routes.ts';

// The payroll Lambda's entry, the edge of the capability: it plugs in the month's figures of the claim,
// whose capability imports payroll's rules to hand them over (see month-figures.ts). Only this entry
// imports claims, so the capabilities import in one direction.
plugMonthFigures(claimMonthFigures);

export const handler = createHandler(payrollRoutes);
