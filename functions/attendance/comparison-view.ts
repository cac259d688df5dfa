import type { z } from 'zod';
import { attendanceOf } from '#kernel/attendance-kinds';
import { FINDING_TYPES, findingType, openBlocking } from './comparison.ts';
import type { comparisonQuery } from './contract.ts';
import { compareAgencyMonth } from './service.ts';

// One agency's 근무 이력 비교 (per assistant and day: attendance, logs, findings): the agency's own
// screen and the internal system's view of every agency in scope read the same thing.

export async function comparisonView(
  agency: { organisationId: string; name: string },
  query: Pick<z.output<typeof comparisonQuery>, 'month' | 'assistantId' | 'code'>,
) {
  const comparison = await compareAgencyMonth(agency.organisationId, query.month);
  /** the people the answer names, for the audit record of the read */
  const subjects = [
    ...comparison.logs.flatMap((log) => [log.workerId, log.assistantId]),
    ...comparison.records.map((record) => record.assistantId),
  ];
  const names = new Map<string, string>();
  for (const log of comparison.logs) names.set(log.assistantId, log.assistantName);
  for (const record of comparison.records)
    if (!names.has(record.assistantId)) names.set(record.assistantId, record.name);
  const days = new Map<string, { assistantId: string; date: string }>();
  for (const x of [...comparison.records, ...comparison.logs]) {
    days.set(`${x.date}|${x.assistantId}`, { assistantId: x.assistantId, date: x.date });
  }
  const rows = [...days.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([, { assistantId, date }]) => {
      const findings = comparison.findings.filter((f) => f.assistantId === assistantId && f.date === date);
      return {
        assistantId,
        assistantName: names.get(assistantId) ?? assistantId,
        date,
        attendance: comparison.records
          .filter((r) => r.assistantId === assistantId && r.date === date)
          .sort((a, b) => a.clockIn.localeCompare(b.clockIn))
          .map((r) => ({ clockIn: r.clockIn, clockOut: r.clockOut, overnight: r.overnight, row: r.row })),
        logs: comparison.logs
          .filter((l) => l.assistantId === assistantId && l.date === date)
          .sort((a, b) => a.start.localeCompare(b.start))
          .map((l) => ({
            entryId: l.entryId,
            workerName: l.workerName,
            start: l.start,
            end: l.end,
            attendance: l.attendance,
            attendanceLabel: attendanceOf(l.attendance).label,
            consent: l.consent,
          })),
        findings: findings.map((f) => ({
          ...f,
          label: findingType(f.code).label,
          ...(f.justification && { justification: f.justification }),
        })),
      };
    })
    .filter((row) => !query.assistantId || row.assistantId === query.assistantId)
    .filter((row) => !query.code || row.findings.some((f) => f.code === query.code));
  const open = openBlocking(comparison.findings);
  return {
    subjects,
    view: {
      agencyId: agency.organisationId,
      agencyName: agency.name,
      month: query.month,
      currentImportId: comparison.currentImportId,
      toleranceMinutes: comparison.toleranceMinutes,
      maxConcurrency: comparison.maxConcurrency,
      summary: {
        findings: comparison.findings.length,
        blockingOpen: open.length,
        justified: comparison.findings.filter((f) => f.justification).length,
        notBlocking: comparison.findings.filter((f) => !f.blocking).length,
      },
      submission: comparison.submission,
      canSubmit: !comparison.submission && comparison.currentImportId !== undefined && open.length === 0,
      rows,
      filters: {
        assistants: [...names.entries()]
          .map(([id, name]) => ({ id, name }))
          .sort((a, b) => a.name.localeCompare(b.name, 'ko')),
        codes: FINDING_TYPES.map((t) => ({ id: t.code, name: t.label, blocking: t.blocking })),
      },
    },
  };
}
