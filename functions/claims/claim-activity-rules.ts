import { ENTRY_TYPES, type EntryType } from '#kernel/attendance-kinds';
import { parseClock } from '#kernel/calendar';

// 근로지원인 세부 활동내용 of seed 000's 사업비 신청 내용: each assistant × worker pair of the month, its
// minutes by 근태 and its service by support ratio. The engine pays per assistant and charges per
// worker; this splits the same entries by pair so the branch can check each pair against the hours it
// decided for the worker. Pure: the detail route and the unit tests call it with the claim's entries.

/** the keys of a pair's service by ratio: alone, 1:2, 1:3, and beyond what the rules pay (4 or more) */
export const RATIO_KEYS = ['1', '2', '3', 'over'] as const;
export type RatioKey = (typeof RATIO_KEYS)[number];

export interface PairEntry {
  assistantId: string;
  workerId: string;
  date: string;
  start: string;
  end: string;
  type: EntryType;
}

export interface PairMinutes {
  assistantId: string;
  workerId: string;
  /** minutes by 근태 in the month (the previous month's days of the 1st's week are left out) */
  byType: Record<EntryType, number>;
  /** the pair's service minutes by how many workers the assistant served at that minute */
  byRatio: Record<RatioKey, number>;
  /** the days of the month the pair has an entry on, in order */
  days: string[];
}

/** The entry's minutes since midnight; an invalid time (the engine reports it) spans nothing. */
function span(entry: { start: string; end: string }): [number, number] {
  const from = parseClock(entry.start, false);
  const to = parseClock(entry.end, true);
  return from < 0 || to <= from ? [0, 0] : [from, to];
}

function ratioKey(workers: number): RatioKey {
  return workers >= 4 ? 'over' : (String(workers) as RatioKey);
}

/** The month's pairs in the order assistant, worker (as the entries name them first). */
export function pairMinutes(month: string, entries: readonly PairEntry[]): PairMinutes[] {
  const own = entries.filter((e) => e.date.startsWith(`${month}-`));
  const pairs = new Map<string, PairMinutes>();
  // who the assistant served at each minute of each day: the support ratio of that minute
  const servedAt = new Map<string, Map<number, Set<string>>>();
  for (const e of own) {
    if (e.type !== 'service') continue;
    const dayKey = `${e.assistantId}|${e.date}`;
    const minutes = servedAt.get(dayKey) ?? new Map<number, Set<string>>();
    servedAt.set(dayKey, minutes);
    const [from, to] = span(e);
    for (let m = from; m < to; m++) {
      const workers = minutes.get(m) ?? new Set<string>();
      workers.add(e.workerId);
      minutes.set(m, workers);
    }
  }
  for (const e of own) {
    const key = `${e.assistantId}|${e.workerId}`;
    let pair = pairs.get(key);
    if (!pair) {
      pair = {
        assistantId: e.assistantId,
        workerId: e.workerId,
        byType: Object.fromEntries(ENTRY_TYPES.map((t) => [t, 0])) as Record<EntryType, number>,
        byRatio: { '1': 0, '2': 0, '3': 0, over: 0 },
        days: [],
      };
      pairs.set(key, pair);
    }
    const [from, to] = span(e);
    pair.byType[e.type] += to - from;
    if (!pair.days.includes(e.date)) pair.days.push(e.date);
    if (e.type !== 'service') continue;
    const minutes = servedAt.get(`${e.assistantId}|${e.date}`)!;
    for (let m = from; m < to; m++) pair.byRatio[ratioKey(minutes.get(m)?.size ?? 1)] += 1;
  }
  for (const pair of pairs.values()) pair.days.sort();
  return [...pairs.values()];
}

/** 활동일자 in words: how many days, and the first and last (e.g. "12일 (05-02~05-29)"). */
export function activityDaysText(days: readonly string[]): string {
  if (!days.length) return '-';
  const sorted = [...days].sort();
  const first = sorted[0]!.slice(5);
  const last = sorted[sorted.length - 1]!.slice(5);
  return `${sorted.length}일 (${first === last ? first : `${first}~${last}`})`;
}
