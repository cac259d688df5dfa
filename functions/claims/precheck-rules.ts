import { type HoursMeter, hoursMeter, hoursText } from '#functions/applications/hours-meter-rules';
import { parseClock } from '#kernel/calendar';

// The month-end pre-check (SPEC C5, issue 15 §5), pure: from what the agency's month holds, every
// line that would make the branch return the claim, each with what to do and where. Blocking lines
// stop the claim's submit (precheck-service.ts); advisory lines are shown and do not. The remaining-
// hours meter (decided monthly hours against the hours used) is computed here too, for every screen.

export const PRECHECK_SEVERITIES = { blocking: '제출 불가', advisory: '확인 필요' } as const;
export type PrecheckSeverity = keyof typeof PRECHECK_SEVERITIES;

/** Where a line is fixed; the web turns each into a link to that screen for the month. */
export const PRECHECK_PLACES = {
  rates: '요율표',
  comparison: '근무이력 비교',
  consent: '활동일지 동의 요청',
  activityLogs: '활동일지 관리',
  matchings: '매칭 관리',
} as const;
export type PrecheckPlace = keyof typeof PRECHECK_PLACES;

export const PRECHECK_CODES = {
  ratesMissing: '요율표 없음',
  monthNotSubmitted: '근무이력 비교 미제출',
  findingsToReview: '확인할 근무이력 비교 결과',
  unsigned: '동의 요청 전 활동일지',
  awaitingSignature: '근로자 서명 대기',
  matchingEnded: '매칭 기간 밖 활동',
  overDecidedHours: '월 결정 시간 초과',
  noDecision: '결정 시간 없음',
  overConcurrency: '동시 지원 인원 초과',
} as const;
export type PrecheckCode = keyof typeof PRECHECK_CODES;

export interface PrecheckLine {
  code: PrecheckCode;
  severity: PrecheckSeverity;
  /** who or what the line is about, e.g. "김보조 · 이근로" */
  subject?: string;
  /** what is wrong, in Korean, with the dates or figures */
  detail: string;
  /** what to do about it */
  fix: string;
  place: PrecheckPlace;
}

/** One activity-log entry of the month as the pre-check reads it. */
export interface PrecheckEntry {
  entryId: string;
  assistantId: string;
  assistantName: string;
  workerId: string;
  workerName: string;
  matchingId: string;
  date: string;
  start: string;
  end: string;
  /** the claim engine's entry type: only 'service' is support time */
  type: string;
  consent: string;
}

export interface PrecheckFacts {
  month: string;
  /** the year's rate table exists */
  rateTable: boolean;
  /** the month was submitted after the work-history comparison (C4) */
  monthSubmitted: boolean;
  /** before the submission: comparison findings that block it and are not justified, and the others */
  openBlockingFindings: number;
  findingsToReview: number;
  entries: readonly PrecheckEntry[];
  matchings: ReadonlyMap<string, { startDate: string; endDate: string; status: string }>;
  /** each worker's decided monthly hours (월 결정 시간) in force for the month */
  decidedHours: ReadonlyMap<string, number>;
  maxConcurrency: number;
}

const startOf = (e: { start: string }) => parseClock(e.start, false);
const endOf = (e: { end: string }) => parseClock(e.end, true);
const span = (e: { start: string; end: string }) => endOf(e) - startOf(e);

/** The support minutes of the entries (service only), per worker. */
export function serviceMinutesByWorker(entries: readonly PrecheckEntry[]): Map<string, number> {
  const used = new Map<string, number>();
  for (const e of entries) if (e.type === 'service') used.set(e.workerId, (used.get(e.workerId) ?? 0) + span(e));
  return used;
}

/** Every worker's meter of the month, sorted by name. */
export function monthMeters(
  entries: readonly PrecheckEntry[],
  decidedHours: ReadonlyMap<string, number>,
): HoursMeter[] {
  const used = serviceMinutesByWorker(entries);
  const names = new Map(entries.map((e) => [e.workerId, e.workerName]));
  return [...names]
    .map(([workerId, name]) => hoursMeter(workerId, name, decidedHours.get(workerId), used.get(workerId) ?? 0))
    .sort((a, b) => a.workerName.localeCompare(b.workerName, 'ko'));
}

function datesText(dates: readonly string[]): string {
  const unique = [...new Set(dates)].sort().map((d) => d.slice(5).replace('-', '/'));
  return unique.length > 5 ? `${unique.slice(0, 5).join(', ')} 외 ${unique.length - 5}일` : unique.join(', ');
}

function byPair(entries: readonly PrecheckEntry[]): PrecheckEntry[][] {
  const groups = new Map<string, PrecheckEntry[]>();
  for (const e of entries) {
    const key = `${e.assistantId}|${e.workerId}`;
    groups.set(key, [...(groups.get(key) ?? []), e]);
  }
  return [...groups.values()];
}

/** The most workers one assistant supports at the same minute on one day (service entries only). */
export function peakConcurrency(entries: readonly PrecheckEntry[]): number {
  let peak = 0;
  for (const e of entries) {
    const at = startOf(e);
    const workers = new Set(entries.filter((o) => startOf(o) <= at && at < endOf(o)).map((o) => o.workerId));
    peak = Math.max(peak, workers.size);
  }
  return peak;
}

const SEVERITY_ORDER: Record<PrecheckSeverity, number> = { blocking: 0, advisory: 1 };

/** Every line of the month's pre-check, blocking lines first. */
export function precheckLines(facts: PrecheckFacts): PrecheckLine[] {
  const lines: PrecheckLine[] = [];
  const year = facts.month.slice(0, 4);
  if (!facts.rateTable) {
    lines.push({
      code: 'ratesMissing',
      severity: 'blocking',
      detail: `${year}년 요율표가 없어 사업비를 계산할 수 없습니다.`,
      fix: '본부에 그 해의 요율표 등록을 요청해 주세요.',
      place: 'rates',
    });
  }
  if (!facts.monthSubmitted) {
    lines.push({
      code: 'monthNotSubmitted',
      severity: 'blocking',
      detail: facts.openBlockingFindings
        ? `${facts.month} 근무이력 비교가 제출되지 않았습니다. 소명하지 않은 차단 항목이 ${facts.openBlockingFindings}건 있습니다.`
        : `${facts.month} 근무이력 비교가 제출되지 않았습니다.`,
      fix: '근무이력 비교에서 차단 항목을 소명하거나 활동일지를 고친 뒤 월 제출을 눌러 주세요.',
      place: 'comparison',
    });
    if (facts.findingsToReview) {
      lines.push({
        code: 'findingsToReview',
        severity: 'advisory',
        detail: `소명하지 않은 근무이력 비교 결과(차단 아님)가 ${facts.findingsToReview}건 있습니다.`,
        fix: '근무이력 비교에서 내용을 확인하고 필요하면 소명을 적어 주세요.',
        place: 'comparison',
      });
    }
  }
  const month = facts.entries.filter((e) => e.date.slice(0, 7) === facts.month);
  for (const pair of byPair(month)) {
    const subject = `${pair[0]!.assistantName} · ${pair[0]!.workerName}`;
    const unsigned = pair.filter((e) => e.consent === 'unsigned');
    if (unsigned.length) {
      lines.push({
        code: 'unsigned',
        severity: 'blocking',
        subject,
        detail: `근로자에게 동의를 요청하지 않은 활동일지가 ${unsigned.length}건 있습니다(${datesText(unsigned.map((e) => e.date))}).`,
        fix: '활동일지 동의 요청 화면에서 근로자에게 전자서명 동의를 요청하거나, 종이 서명본을 올려 주세요.',
        place: 'consent',
      });
    }
    const waiting = pair.filter((e) => e.consent === 'requested');
    if (waiting.length) {
      lines.push({
        code: 'awaitingSignature',
        severity: 'advisory',
        subject,
        detail: `근로자의 서명을 기다리는 활동일지가 ${waiting.length}건 있습니다(${datesText(waiting.map((e) => e.date))}).`,
        fix: '근로자에게 서명을 다시 안내하거나, 종이 서명본을 올려 주세요.',
        place: 'consent',
      });
    }
    const outside = pair.filter((e) => {
      const m = facts.matchings.get(e.matchingId);
      return !m || e.date < m.startDate || e.date > m.endDate;
    });
    if (outside.length) {
      const m = facts.matchings.get(outside[0]!.matchingId);
      lines.push({
        code: 'matchingEnded',
        severity: 'blocking',
        subject,
        detail: m
          ? `매칭 기간(${m.startDate}~${m.endDate}) 밖의 활동일지가 ${outside.length}건 있습니다(${datesText(outside.map((e) => e.date))}).`
          : `매칭을 찾을 수 없는 활동일지가 ${outside.length}건 있습니다(${datesText(outside.map((e) => e.date))}).`,
        fix: '매칭 관리에서 매칭 기간을 확인하고, 기간 밖의 활동일지는 지워 주세요.',
        place: 'matchings',
      });
    }
  }
  for (const meter of monthMeters(month, facts.decidedHours)) {
    if (meter.decidedMinutes === undefined) {
      if (!meter.usedMinutes) continue;
      lines.push({
        code: 'noDecision',
        severity: 'advisory',
        subject: meter.workerName,
        detail: `${facts.month}을(를) 포함하는 지사 평가(월 결정 시간)가 없습니다. 지원 시간 ${hoursText(meter.usedMinutes)}.`,
        fix: '지사에 평가 기간을 확인해 달라고 요청해 주세요.',
        place: 'matchings',
      });
    } else if (meter.over) {
      lines.push({
        code: 'overDecidedHours',
        severity: 'advisory',
        subject: meter.workerName,
        detail: `지원 시간 ${hoursText(meter.usedMinutes)}이 월 결정 시간 ${hoursText(meter.decidedMinutes)}을 ${hoursText(meter.usedMinutes - meter.decidedMinutes)} 넘습니다.`,
        fix: '결정 시간을 넘는 지원은 지사가 인정하지 않을 수 있습니다. 활동일지를 확인하거나 지사에 결정 시간 변경을 요청해 주세요.',
        place: 'activityLogs',
      });
    }
  }
  const service = month.filter((e) => e.type === 'service');
  const days = new Map<string, PrecheckEntry[]>();
  for (const e of service)
    days.set(`${e.assistantId}|${e.date}`, [...(days.get(`${e.assistantId}|${e.date}`) ?? []), e]);
  const crowded = [...days.values()].filter((day) => peakConcurrency(day) > facts.maxConcurrency);
  const crowdedByAssistant = new Map<string, PrecheckEntry[][]>();
  for (const day of crowded) {
    const id = day[0]!.assistantId;
    crowdedByAssistant.set(id, [...(crowdedByAssistant.get(id) ?? []), day]);
  }
  for (const group of crowdedByAssistant.values()) {
    const first = group[0]![0]!;
    lines.push({
      code: 'overConcurrency',
      severity: 'blocking',
      subject: first.assistantName,
      detail: `한 시각에 ${facts.maxConcurrency}명보다 많은 근로자를 지원한 날이 있습니다(${datesText(group.map((day) => day[0]!.date))}).`,
      fix: '활동일지의 시간을 고쳐 동시에 지원한 근로자가 요율표의 최대 인원을 넘지 않게 해 주세요.',
      place: 'activityLogs',
    });
  }
  return lines.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}

/** The submit's refusal while blocking lines remain, in Korean; undefined when none remain. */
export function precheckRefusal(lines: readonly PrecheckLine[]): string | undefined {
  const blocking = lines.filter((l) => l.severity === 'blocking');
  if (!blocking.length) return undefined;
  const names = [...new Set(blocking.map((l) => PRECHECK_CODES[l.code]))].join(', ');
  return `월말 사전점검에서 제출을 막는 항목이 ${blocking.length}건 남아 있습니다(${names}). 사전점검 화면에서 항목마다 안내대로 고친 뒤 다시 제출해 주세요.`;
}
