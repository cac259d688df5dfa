// A deliberately naive second reading of the contract, for property tests: Date for the calendar,
// one array slot per minute of the day, plain numbers. It shares no code with the engine, so the
// engine's interval sweep, counting sort and calendar arithmetic are checked against the rules
// themselves. It covers minutes, weekly holiday, workers' co-payments and which problems are raised
// (money beyond co-payments is pinned by the hand-worked examples and the invariants).

import type { ClaimEntry, ClaimInput } from '#functions/claims/engine/schema';

const DAY_MS = 86_400_000;
const PAID_TYPES = new Set(['paidLeave', 'holiday', 'officialLeave', 'training']);

export interface OracleResult {
  assistants: Record<string, Record<string, number>>;
  workers: Record<string, { supportedMinutes: number; byRatio: Record<string, number>; copay: number }>;
  problems: string[];
}

function realDay(date: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return undefined;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const at = new Date(0);
  at.setUTCFullYear(y, m - 1, d);
  if (at.getUTCFullYear() !== y || at.getUTCMonth() !== m - 1 || at.getUTCDate() !== d) return undefined;
  return at.getTime() / DAY_MS;
}

function clock(time: string, asEnd: boolean): number | undefined {
  if (asEnd && time === '24:00') return 1440;
  const match = /^(\d{2}):(\d{2})$/.exec(time);
  if (!match) return undefined;
  const [h, m] = [Number(match[1]), Number(match[2])];
  return h <= 23 && m <= 59 ? h * 60 + m : undefined;
}

export function oraclePeriod(month: string): { start: number; first: number; last: number } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const first = Date.UTC(y, m - 1, 1) / DAY_MS;
  const last = Date.UTC(y, m, 0) / DAY_MS;
  const weekday = new Date(first * DAY_MS).getUTCDay(); // 0 = Sunday
  return { start: first - ((weekday + 6) % 7), first, last };
}

export function isoDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The first rule-2 problem of an entry, or undefined when the entry is kept. */
export function entryProblem(input: ClaimInput, entry: ClaimEntry): string | undefined {
  const period = oraclePeriod(input.month);
  const day = realDay(entry.date);
  const start = clock(entry.start, false);
  const end = clock(entry.end, true);
  if (day === undefined || start === undefined || end === undefined || end <= start) return 'INVALID_TIME';
  if (day < period.start || day > period.last) return 'OUT_OF_PERIOD';
  if (!input.assistants.some((a) => a.id === entry.assistantId)) return 'UNKNOWN_ASSISTANT';
  if (entry.type === 'service' && !input.workers.some((w) => w.id === entry.workerId)) return 'UNKNOWN_WORKER';
  return undefined;
}

export function oracle(input: ClaimInput): OracleResult {
  const period = oraclePeriod(input.month);
  const max = input.rates.maxConcurrency;
  const problems: string[] = [];
  const kept = new Map<string, ClaimEntry[]>(); // "assistant|day" → entries
  for (const entry of input.entries) {
    const code = entryProblem(input, entry);
    if (code) {
      problems.push(
        [code, entry.assistantId, entry.date, entry.type === 'service' ? entry.workerId : undefined].join(' ').trim(),
      );
      continue;
    }
    const key = `${entry.assistantId}|${realDay(entry.date)}`;
    kept.set(key, [...(kept.get(key) ?? []), entry]);
  }

  const assistants: OracleResult['assistants'] = {};
  const workerMinutes = new Map<string, number[]>(); // worker → minutes by k
  for (const { id } of input.assistants) {
    const line: Record<string, number> = {
      service: 0,
      overConcurrency: 0,
      weeklyHoliday: 0,
      paidLeave: 0,
      holiday: 0,
      officialLeave: 0,
      training: 0,
      unpaidLeave: 0,
      absence: 0,
    };
    for (let k = 1; k <= max; k++) line[`byRatio${k}`] = 0;
    const paidByDay = new Map<number, number>();
    const absentDays = new Set<number>();
    for (let day = period.start; day <= period.last; day++) {
      const entries = kept.get(`${id}|${day}`);
      if (entries === undefined) continue;
      const inMonth = day >= period.first;
      const date = isoDay(day);
      const perWorker = new Map<string, Int32Array>(); // worker → open service entries per minute
      const perMinuteOther = new Int32Array(1440);
      const perMinuteAll = new Int32Array(1440);
      let paid = 0;
      for (const entry of entries) {
        const start = clock(entry.start, false)!;
        const end = clock(entry.end, true)!;
        let minutes: Int32Array | undefined;
        if (entry.type === 'service') {
          minutes = perWorker.get(entry.workerId) ?? new Int32Array(1440);
          perWorker.set(entry.workerId, minutes);
        }
        for (let m = start; m < end; m++) {
          perMinuteAll[m]!++;
          if (minutes) minutes[m]!++;
          else perMinuteOther[m]!++;
        }
        if (entry.type !== 'service') {
          if (inMonth) line[entry.type]! += end - start;
          if (PAID_TYPES.has(entry.type)) paid += end - start;
          if (entry.type === 'absence') absentDays.add(day);
        }
      }
      const duplicated = new Set<string>();
      let over = false;
      let leaveOverlap = false;
      for (let m = 0; m < 1440; m++) {
        const workers = [...perWorker].filter(([, minutes]) => minutes[m]! > 0).map(([w]) => w);
        const k = workers.length;
        if (k > 0) {
          paid++;
          if (inMonth) line.service!++;
          if (k <= max) {
            if (inMonth) {
              line[`byRatio${k}`]!++;
              for (const w of workers) {
                const byK = workerMinutes.get(w) ?? new Array<number>(max + 1).fill(0);
                byK[k]!++;
                workerMinutes.set(w, byK);
              }
            }
          } else {
            over = true;
            if (inMonth) line.overConcurrency!++;
          }
        }
        for (const w of workers) if (perWorker.get(w)![m]! >= 2) duplicated.add(w);
        if (perMinuteOther[m]! >= 1 && perMinuteAll[m]! >= 2) leaveOverlap = true;
      }
      paidByDay.set(day, paid);
      for (const w of duplicated) problems.push(`DUPLICATE_OVERLAP ${id} ${date} ${w}`);
      if (over) problems.push(`OVER_CONCURRENCY ${id} ${date}`);
      if (leaveOverlap) problems.push(`LEAVE_SERVICE_OVERLAP ${id} ${date}`);
    }
    for (let monday = period.start; monday + 6 <= period.last; monday += 7) {
      let weekPaid = 0;
      let absent = false;
      for (let day = monday; day < monday + 7; day++) {
        weekPaid += paidByDay.get(day) ?? 0;
        absent ||= absentDays.has(day);
      }
      if (weekPaid >= 900 && !absent) line.weeklyHoliday! += Math.min(480, Math.floor(weekPaid / 5));
    }
    assistants[id] = line;
  }

  const workers: OracleResult['workers'] = {};
  for (const worker of input.workers) {
    const byK = workerMinutes.get(worker.id) ?? new Array<number>(max + 1).fill(0);
    let supportedMinutes = 0;
    const byRatio: Record<string, number> = {};
    let perHour = 0; // the generators use whole-won copay rates, so this stays an exact integer
    for (let k = 1; k <= max; k++) {
      supportedMinutes += byK[k]!;
      byRatio[String(k)] = byK[k]!;
      perHour += byK[k]! * input.rates.copayPerHourByRatio[String(k)]!;
    }
    let copay = worker.copayExempt ? 0 : Math.floor(perHour / 60);
    if (input.rates.copayMonthlyCap !== null) copay = Math.min(copay, Math.floor(input.rates.copayMonthlyCap));
    workers[worker.id] = { supportedMinutes, byRatio, copay };
  }
  return { assistants, workers, problems: problems.sort() };
}
