import type { Caller } from '#commons/caller';
import { Conflict, RuleViolation } from '#commons/errors';
import { smsToPerson } from '#commons/notify';
import type { OrganisationItem } from '#functions/agencies/entities';
import type { AssistantItem } from '#functions/assistants/entities';
import { listAssistantsByAgency } from '#functions/assistants/repository';
import { monthInWords } from '#kernel/korea-time';
import type { PayrollRecordItem } from './entities.ts';
import { computeRecord, mergeItems, type PayrollSettings, type RecordItems, ratesForEnrolment } from './month.ts';
import { type MonthFigures, monthFigures } from './month-figures.ts';
import { getSettings, listMonth, parseItems, RACE_MESSAGE, storeMonth, timestamp } from './repository.ts';
import type { EmployeeInsuranceRates, PayrollMinutes } from './rules.ts';

export interface Basis {
  hourlyWage: number;
  premiumByRatio: Record<string, number>;
  rates: EmployeeInsuranceRates;
}

/** Computes one record from its basis, minutes and items (the slip, or the problems to fix). */
export function recompute(
  record: Omit<PayrollRecordItem, 'status' | 'slip' | 'problems' | 'grossPay' | 'totalDeductions' | 'netPay'>,
  items: RecordItems,
): PayrollRecordItem {
  const basis = JSON.parse(record.basis) as Basis;
  const computed = computeRecord({
    month: record.month,
    hourlyWage: basis.hourlyWage,
    premiumByRatio: basis.premiumByRatio,
    minutes: JSON.parse(record.minutes) as PayrollMinutes,
    payItems: items.payItems,
    deductionItems: items.deductionItems,
    rates: basis.rates,
  });
  const next: PayrollRecordItem = { ...record, items: JSON.stringify(items), status: computed.status };
  if (computed.status === 'computed') {
    next.slip = JSON.stringify(computed.slip);
    next.grossPay = computed.slip.grossPay;
    next.totalDeductions = computed.slip.totalDeductions;
    next.netPay = computed.slip.netPay;
    delete next.problems;
  } else {
    next.problems = JSON.stringify(computed.problems);
    delete next.slip;
    delete next.grossPay;
    delete next.totalDeductions;
    delete next.netPay;
  }
  return next;
}

/**
 * Computes (or computes again) the month's payroll of every assistant in the month's figures. Entered
 * amounts and adjustments of items that still exist are kept; a record whose items cannot be computed
 * is stored with its problems so the agency sees what to fix.
 */
export async function computeMonth(
  caller: Caller,
  agency: OrganisationItem,
  month: string,
): Promise<{ computed: number; problems: number; source: MonthFigures['source'] }> {
  const agencyId = agency.organisationId;
  const [figures, settings, existing, assistants] = await Promise.all([
    monthFigures(agencyId, month),
    getSettings(agencyId),
    listMonth(agencyId, month),
    listAssistantsByAgency(agencyId),
  ]);
  if (figures.assistants.length === 0) {
    throw new RuleViolation(
      `${month}에 이 기관 근로지원인의 활동일지가 없어 계산할 급여가 없습니다. 활동일지를 먼저 확인해 주세요.`,
      'PAYROLL_NO_FIGURES',
    );
  }
  const byId = new Map<string, AssistantItem>(assistants.map((a) => [a.assistantId, a]));
  const before = new Map(existing.map((r) => [r.assistantId, r]));
  const at = timestamp();
  const writes = figures.assistants.map((line) => {
    const previous = before.get(line.assistantId);
    const registered = byId.get(line.assistantId);
    const items = mergeItems(settings as PayrollSettings, previous ? parseItems(previous) : undefined);
    const basis: Basis = {
      hourlyWage: figures.rates.hourlyWage,
      premiumByRatio: figures.rates.premiumByRatio,
      rates: registered
        ? ratesForEnrolment(figures.employee, month, registered.insurances ?? {})
        : { ...figures.employee },
    };
    const next = recompute(
      {
        agencyId,
        agencyName: agency.name,
        branchId: agency.branchId,
        month,
        assistantId: line.assistantId,
        assistantName: registered?.name ?? line.name,
        ...(registered?.userId ? { userId: registered.userId } : {}),
        source: figures.source,
        ...(figures.claimComputeRevision ? { claimComputeRevision: figures.claimComputeRevision } : {}),
        rateYear: figures.rateYear,
        rateVersion: figures.rateVersion,
        basis: JSON.stringify(basis),
        minutes: JSON.stringify(line.minutes),
        items: '',
        revision: (previous?.revision ?? 0) + 1,
        history: [...(previous?.history ?? []), { at, by: caller.userId, action: previous ? 'recompute' : 'compute' }],
        computedAt: at,
        updatedAt: at,
        // what the assistant was given stays theirs until the agency issues again
        ...(previous?.issuedSlip
          ? { issuedSlip: previous.issuedSlip, issuedAt: previous.issuedAt, issuedBy: previous.issuedBy }
          : {}),
      },
      items,
    );
    return { next, before: previous };
  });
  const { canceled } = await storeMonth(
    caller,
    { action: 'payroll.compute', targetType: 'payroll', targetId: `${agencyId}_${month}`, branchId: agency.branchId },
    writes,
  );
  if (canceled) throw new Conflict(RACE_MESSAGE);
  const problems = writes.filter((w) => w.next.status === 'problem').length;
  return { computed: writes.length - problems, problems, source: figures.source };
}

/** Whether the assistant sees the record's slip as it is now. */
export function issueState(record: Pick<PayrollRecordItem, 'issuedSlip' | 'slip'>): 'none' | 'issued' | 'changed' {
  if (!record.issuedSlip) return 'none';
  return record.issuedSlip === record.slip ? 'issued' : 'changed';
}

/**
 * 급여명세서 발급: the month's computed slips that the assistant does not have as they are now are
 * handed over (kept on the record as issued), each assistant with a login gets a message. Records
 * that cannot be computed are left for the agency to fix.
 */
export async function issueMonth(
  caller: Caller,
  agency: OrganisationItem,
  month: string,
): Promise<{ issued: number; problems: number }> {
  const records = await listMonth(agency.organisationId, month);
  const label = monthInWords(month);
  if (records.length === 0) {
    throw new RuleViolation(`${label} 급여가 아직 없습니다. 먼저 ‘급여 계산’을 눌러 주세요.`, 'PAYROLL_NOT_COMPUTED');
  }
  const due = records.filter((r) => r.status === 'computed' && issueState(r) !== 'issued');
  const problems = records.filter((r) => r.status === 'problem').length;
  if (due.length === 0) {
    if (problems > 0) {
      throw new RuleViolation(
        `발급할 급여명세서가 없습니다. 항목을 고쳐야 하는 급여 ${problems}건을 먼저 고쳐 주세요.`,
        'PAYROLL_NOTHING_TO_ISSUE',
      );
    }
    throw new Conflict(`${label} 급여명세서는 이미 모두 지금 내용으로 발급했습니다.`, 'PAYROLL_NOTHING_TO_ISSUE');
  }
  const at = timestamp();
  const writes = due.map((before) => ({
    before,
    next: {
      ...before,
      issuedSlip: before.slip,
      issuedAt: at,
      issuedBy: caller.userId,
      revision: before.revision + 1,
      updatedAt: at,
      history: [...before.history, { at, by: caller.userId, action: 'issue' }],
    },
  }));
  const { canceled } = await storeMonth(
    caller,
    {
      action: 'payroll.issue',
      targetType: 'payroll',
      targetId: `${agency.organisationId}_${month}`,
      branchId: agency.branchId,
    },
    writes,
  );
  if (canceled) throw new Conflict(RACE_MESSAGE);
  for (const { next } of writes) {
    if (!next.userId) continue;
    await smsToPerson(
      next.userId,
      `${agency.name}에서 ${label} 급여명세서를 발급했습니다. 마이페이지 > 근로지원인 급여명세서에서 보고 내려받을 수 있습니다.`,
      'payroll',
    );
  }
  return { issued: writes.length, problems };
}
