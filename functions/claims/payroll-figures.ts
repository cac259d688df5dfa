// The month's figures claims hands to payroll (functions/payroll/month-figures.ts): a claim of the
// month that has been computed is the source (its stored engine lines, with the rates and rate-table
// version it used), so pay and claim agree to the minute; before the claim exists the month's activity
// logs go through the same engine with the agency's rates of the year's latest table.

import { RuleViolation } from '#commons/errors';
import { minutesOf } from '#functions/payroll/month';
import type { MonthFigures } from '#functions/payroll/month-figures';
import { getVersion, latestVersion } from '#functions/rates/repository';
import { ratesForAgency } from '#functions/rates/rules';
import { getClaim, listLines } from './claim-repository.ts';
import { claimIdOf, engineInput } from './claim-rules.ts';
import { collectEntries } from './compute.ts';
import { computeClaim } from './engine/engine.ts';
import type { AssistantLine, ClaimRates } from './engine/schema.ts';

export async function claimMonthFigures(agencyId: string, month: string): Promise<MonthFigures> {
  const claim = await getClaim(claimIdOf(agencyId, month));
  if (claim && claim.computeRevision > 0 && claim.rates && claim.rateYear && claim.rateVersion) {
    const table = await getVersion(claim.rateYear, claim.rateVersion);
    if (table) {
      const lines = await listLines(claim.claimId, claim.computeRevision);
      return {
        source: 'claim',
        claimComputeRevision: claim.computeRevision,
        rateYear: claim.rateYear,
        rateVersion: claim.rateVersion,
        rates: JSON.parse(claim.rates) as ClaimRates,
        employee: table.content.employeeInsurance,
        assistants: lines
          .filter((line) => line.kind === 'assistant')
          .map((line) => ({
            assistantId: line.subjectId,
            name: line.name,
            minutes: minutesOf(JSON.parse(line.result) as AssistantLine),
          })),
      };
    }
  }
  const year = Number(month.slice(0, 4));
  const table = await latestVersion(year);
  if (!table) {
    throw new RuleViolation(
      `${year}년 요율표가 없어 급여를 계산할 수 없습니다. 본부가 요율표를 등록한 뒤 다시 계산해 주세요.`,
      'RATE_TABLE_MISSING',
    );
  }
  const rates = ratesForAgency(table.content, agencyId);
  const entries = await collectEntries(agencyId, month);
  const output = computeClaim(engineInput({ month, rates, entries }));
  const names = new Map(entries.map((e) => [e.assistantId, e.assistantName]));
  return {
    source: 'activityLogs',
    rateYear: year,
    rateVersion: table.version,
    rates,
    employee: table.content.employeeInsurance,
    assistants: output.assistants.map((line) => ({
      assistantId: line.id,
      name: names.get(line.id) ?? line.id,
      minutes: minutesOf(line),
    })),
  };
}
