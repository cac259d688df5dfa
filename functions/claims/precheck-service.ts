import { RuleViolation } from '#commons/errors';
import { listAgencyMonth } from '#functions/activity/entry-repository';
import { toEngineEntry } from '#functions/activity/entry-rules';
import { decisionsIn } from '#functions/applications/exemptions';
import type { HoursMeter } from '#functions/applications/hours-meter-rules';
import { openBlocking } from '#functions/attendance/comparison';
import { compareAgencyMonth } from '#functions/attendance/service';
import { getMonthSubmission } from '#functions/attendance/submission';
import { matchingPeriods } from '#functions/matching/periods';
import { latestVersion } from '#functions/rates/repository';
import { DEFAULT_RATE_TABLE_2026, ratesForAgency } from '#functions/rates/rules';
import {
  monthMeters,
  type PrecheckEntry,
  type PrecheckLine,
  precheckLines,
  precheckRefusal,
} from './precheck-rules.ts';

// The month-end pre-check's reads (SPEC C5, issue 15 §5): the agency's logs of the month, the
// matchings and evaluations they name, the month's submission (or, before it, the comparison), and the
// year's rate table; the lines themselves come from precheck-rules.ts.

export async function precheckOf(
  agencyId: string,
  month: string,
): Promise<{ lines: PrecheckLine[]; meters: HoursMeter[]; workerIds: string[]; assistantIds: string[] }> {
  const year = Number(month.slice(0, 4));
  const [table, submission, stored] = await Promise.all([
    latestVersion(year),
    getMonthSubmission(agencyId, month),
    listAgencyMonth(agencyId, month),
  ]);
  const entries: PrecheckEntry[] = stored.map((e) => ({
    entryId: e.entryId,
    assistantId: e.assistantId,
    assistantName: e.assistantName,
    workerId: e.workerId,
    workerName: e.workerName,
    matchingId: e.matchingId,
    date: e.date,
    start: e.start,
    end: e.end,
    type: toEngineEntry(e).type,
    consent: e.consent,
  }));
  const workerIds = [...new Set(entries.map((e) => e.workerId))];
  const [matchings, decisions, comparison] = await Promise.all([
    matchingPeriods(entries.map((e) => e.matchingId)),
    decisionsIn(workerIds, month),
    submission ? Promise.resolve(undefined) : compareAgencyMonth(agencyId, month),
  ]);
  const decidedHours = new Map([...decisions].map(([id, d]) => [id, d.monthlyHours]));
  const lines = precheckLines({
    month,
    rateTable: !!table,
    monthSubmitted: !!submission,
    openBlockingFindings: comparison ? openBlocking(comparison.findings).length : 0,
    findingsToReview: comparison ? comparison.findings.filter((f) => !f.blocking && !f.justification).length : 0,
    entries,
    matchings,
    decidedHours,
    maxConcurrency: ratesForAgency(table?.content ?? DEFAULT_RATE_TABLE_2026, agencyId).maxConcurrency,
  });
  const assistantIds = [...new Set(entries.map((e) => e.assistantId))];
  return { lines, meters: monthMeters(entries, decidedHours), workerIds, assistantIds };
}

/** The claim's submit refused: blocking lines of the month's pre-check remain (the message names them). */
export class PrecheckBlocking extends RuleViolation {
  constructor(message: string) {
    super(message, 'PRECHECK_BLOCKING');
  }
}

/** The claim's submit refuses while the month's pre-check has blocking lines. */
export async function refuseWhileBlocked(agencyId: string, month: string): Promise<void> {
  const refusal = precheckRefusal((await precheckOf(agencyId, month)).lines);
  if (refusal) throw new PrecheckBlocking(refusal);
}
