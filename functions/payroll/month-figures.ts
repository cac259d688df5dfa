// What payroll reads of the month's claim: the minutes per assistant and the rates they were counted
// with (SPEC D2: pay and claim agree to the minute). The claim belongs to the claims capability, which
// reads payroll's rules to hand its figures over, so payroll does not import claims: the edge plugs
// claims' figures in, in the Lambda's entry (handler.ts), in the list of capabilities
// (functions/capabilities.ts) and in the demo data (local/demo-payroll.ts).

import type { ClaimRates, EmployeeInsurance } from '#functions/rates/rules';
import type { PayrollMinutes } from './rules.ts';

/** What a month's payroll is computed from: the claim's figures when computed, else the logs through the same engine. */
export interface MonthFigures {
  source: 'claim' | 'activityLogs';
  claimComputeRevision?: number;
  rateYear: number;
  rateVersion: number;
  rates: ClaimRates;
  employee: EmployeeInsurance;
  assistants: { assistantId: string; name: string; minutes: PayrollMinutes }[];
}

export type MonthFiguresSource = (agencyId: string, month: string) => Promise<MonthFigures>;

let source: MonthFiguresSource | undefined;

export function plugMonthFigures(figures: MonthFiguresSource): void {
  source = figures;
}

export function monthFigures(agencyId: string, month: string): Promise<MonthFigures> {
  if (!source) throw new Error('payroll: no month figures are plugged in (functions/payroll/month-figures.ts)');
  return source(agencyId, month);
}
