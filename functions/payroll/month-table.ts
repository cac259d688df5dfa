import type { AssistantItem } from '#functions/assistants/entities';
import { listAssistantsByAgency } from '#functions/assistants/repository';
import type { PayrollRecordItem } from './entities.ts';
import { type ListRecord, listTable, payrollIdOf } from './month.ts';
import { listMonth } from './repository.ts';
import type { PaySlip } from './rules.ts';
import { issueState } from './service.ts';

// One agency's 급여 목록 for a month: the agency's own screen, its Excel file and the internal
// system's view of every agency in scope read the same table.

const parse = <T>(text: string | undefined): T | undefined => (text ? (JSON.parse(text) as T) : undefined);

function listRecord(record: PayrollRecordItem, assistant: AssistantItem | undefined): ListRecord {
  const slip = parse<PaySlip>(record.slip);
  return {
    payrollId: payrollIdOf(record.agencyId, record.month, record.assistantId),
    month: record.month,
    assistantName: record.assistantName,
    birthDate: assistant?.birthDate,
    hireDate: assistant?.hireDate,
    status: record.status,
    issue: issueState(record),
    minutes: JSON.parse(record.minutes),
    ...(slip ? { slip } : {}),
  };
}

/** The month's list (seed 000 급여 목록), with the birth and hire dates from the register (one Query). */
export async function monthTable(agencyId: string, month: string, picked?: ReadonlySet<string>) {
  const [all, assistants] = await Promise.all([listMonth(agencyId, month), listAssistantsByAgency(agencyId)]);
  const records = picked ? all.filter((r) => picked.has(payrollIdOf(r.agencyId, r.month, r.assistantId))) : all;
  const byId = new Map(assistants.map((a) => [a.assistantId, a]));
  const table = listTable(records.map((r) => listRecord(r, byId.get(r.assistantId))));
  return { records, table };
}
