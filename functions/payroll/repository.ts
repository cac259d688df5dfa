import type { AuditEvent } from '#commons/audit-trail';
import { writeAudited } from '#commons/audit-trail';
import type { Caller } from '#commons/caller';
import { bindEntity } from '#commons/entities';
import { Conflict } from '#commons/errors';
import * as clock from '#kernel/clock';
import { PayrollRecord, type PayrollRecordItem, PayrollSetting } from './entities.ts';
import { defaultSettings, type PayrollSettings, type RecordItems } from './month.ts';

// Reads are GetItems and Queries on the entities' keys (never a Scan). Every change is a transaction
// of the changed items, each conditioned on the revision that was read (or on not existing yet), with
// its audit record: two staff computing or adjusting at once cannot lose each other's change.

export const RACE_MESSAGE =
  '방금 다른 담당자가 같은 급여를 먼저 바꿨습니다. 화면을 새로 고쳐 지금 내용을 확인한 뒤 다시 해 주세요.';

/** DynamoDB takes at most 100 items in a transaction; one of them is the audit record. */
const BATCH = 50;

const now = () => clock.nowIso();

export interface StoredSettings extends PayrollSettings {
  /** 0 while the agency has not saved its own items (the defaults are shown) */
  revision: number;
  updatedAt?: string;
}

export async function getSettings(agencyId: string): Promise<StoredSettings> {
  const { data } = await bindEntity(PayrollSetting).get({ agencyId }).go({ consistent: true });
  if (!data) return { ...defaultSettings(), revision: 0 };
  return {
    payItems: JSON.parse(data.payItems),
    deductionItems: JSON.parse(data.deductionItems),
    revision: data.revision,
    updatedAt: data.updatedAt,
  };
}

/** Saves the agency's items over the revision that was read; refused when someone saved in between. */
export async function saveSettings(
  caller: Caller,
  agencyId: string,
  branchId: string,
  settings: PayrollSettings,
  basedOn: number,
): Promise<void> {
  const item = {
    agencyId,
    payItems: JSON.stringify(settings.payItems),
    deductionItems: JSON.stringify(settings.deductionItems),
    revision: basedOn + 1,
    updatedBy: caller.userId,
    updatedAt: now(),
  };
  const result = await writeAudited(
    caller,
    { action: 'payroll.settings', targetType: 'payrollSetting', targetId: agencyId, branchId },
    { PayrollSetting },
    ({ PayrollSetting: settingsEntity }) => [
      basedOn === 0
        ? settingsEntity.create(item).commit()
        : settingsEntity
            .put(item)
            // biome-ignore lint/suspicious/noExplicitAny: ElectroDB's where-callback attribute proxies
            .where(({ revision }: any, { eq }: any) => eq(revision, basedOn))
            .commit(),
    ],
  );
  if (result.canceled) throw new Conflict(RACE_MESSAGE);
}

export async function listMonth(agencyId: string, month: string): Promise<PayrollRecordItem[]> {
  const { data } = await bindEntity(PayrollRecord).query.byAgencyMonth({ agencyId, month }).go({ pages: 'all' });
  return data;
}

export async function getRecord(
  agencyId: string,
  month: string,
  assistantId: string,
): Promise<PayrollRecordItem | undefined> {
  const { data } = await bindEntity(PayrollRecord).get({ agencyId, month, assistantId }).go({ consistent: true });
  return data ?? undefined;
}

/** An assistant registration's months, newest first (My page). */
export async function listAssistantRecords(assistantId: string): Promise<PayrollRecordItem[]> {
  const { data } = await bindEntity(PayrollRecord)
    .query.byAssistant({ assistantId })
    .go({ pages: 'all', order: 'desc' });
  return data;
}

export const parseItems = (record: PayrollRecordItem): RecordItems => JSON.parse(record.items) as RecordItems;

/**
 * Writes the month's records: new ones on condition that they do not exist yet, recomputed ones on
 * the revision that was read. Batches of 50, each with an audit record; `canceled` when any lost a race.
 */
export async function storeMonth(
  caller: Caller,
  event: AuditEvent,
  records: { next: PayrollRecordItem; before?: PayrollRecordItem }[],
): Promise<{ canceled: boolean }> {
  for (let start = 0; start < records.length; start += BATCH) {
    const batch = records.slice(start, start + BATCH);
    const result = await writeAudited(caller, event, { PayrollRecord }, ({ PayrollRecord: entity }) =>
      batch.map(({ next, before }) =>
        before
          ? entity
              .put(next)
              // biome-ignore lint/suspicious/noExplicitAny: ElectroDB's where-callback attribute proxies
              .where(({ revision }: any, { eq }: any) => eq(revision, before.revision))
              .commit()
          : entity.create(next).commit(),
      ),
    );
    if (result.canceled) return { canceled: true };
  }
  return { canceled: false };
}

/** One record's change (an entered amount or an adjustment with its reason), over the revision that was read. */
export async function saveRecord(
  caller: Caller,
  event: AuditEvent,
  before: PayrollRecordItem,
  next: PayrollRecordItem,
): Promise<void> {
  const { canceled } = await storeMonth(caller, event, [{ next, before }]);
  if (canceled) throw new Conflict(RACE_MESSAGE);
}

export { now as timestamp };
