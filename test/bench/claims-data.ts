// A generated month for the claim-engine bench: deterministic (seeded PRNG), shaped like a real
// agency month — rosters of a few workers per assistant, weekday schedules with some concurrent
// support, leave days, and a small share of problems (duplicates, over-concurrency, typos).

import type { ClaimEntry, ClaimInput } from '#functions/claims/engine/schema';
import { DEFAULT_RATE_TABLE_2026 } from '#functions/rates/rules';

/** mulberry32: tiny, fast, and the same sequence on every machine. */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (value: number, width: number) => String(value).padStart(width, '0');
const clock = (minutes: number) => `${pad(Math.floor(minutes / 60), 2)}:${pad(minutes % 60, 2)}`;

export interface MonthShape {
  assistants: number;
  workers: number;
  seed: number;
}

export function generateMonth({ assistants, workers, seed }: MonthShape): ClaimInput {
  const random = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const between = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));

  const assistantIds = Array.from({ length: assistants }, (_, i) => `A${pad(i + 1, 5)}`);
  const workerIds = Array.from({ length: workers }, (_, i) => `W${pad(i + 1, 5)}`);
  // Each worker is on one assistant's roster, a few on two; rosters hold two to four workers.
  const rosters: string[][] = assistantIds.map(() => []);
  workerIds.forEach((id, i) => {
    rosters[i % assistants]!.push(id);
    if (random() < 0.05) rosters[between(0, assistants - 1)]!.push(id);
  });

  // 2026-03: the period starts on Monday 2026-02-23; weekdays only, Feb 23–27 and Mar 2–31.
  const dates: string[] = [];
  for (let day = 23; day <= 28; day++) if (day <= 27) dates.push(`2026-02-${pad(day, 2)}`);
  for (let day = 1; day <= 31; day++) {
    const weekday = (day + 5) % 7; // 2026-03-01 is a Sunday: Monday = 0
    if (weekday < 5) dates.push(`2026-03-${pad(day, 2)}`);
  }

  const entries: ClaimEntry[] = [];
  assistantIds.forEach((assistantId, a) => {
    const roster = rosters[a]!;
    for (const date of dates) {
      const roll = random();
      if (roll < 0.04) {
        entries.push({ assistantId, date, start: '09:00', end: '18:00', type: pick(['paidLeave', 'holiday']) });
        continue;
      }
      if (roll < 0.045) {
        entries.push({ assistantId, date, start: '09:00', end: '18:00', type: 'absence' });
        continue;
      }
      // A working day: blocks of service through the day, sometimes overlapping (concurrent support).
      let at = between(48, 60) * 10; // 08:00–10:00
      const blocks = random() < 0.45 ? 2 : random() < 0.5 ? 3 : 4;
      for (let b = 0; b < blocks; b++) {
        const length = between(6, 18) * 10;
        const worker = roster[b % roster.length]!;
        entries.push({
          assistantId,
          workerId: worker,
          date,
          start: clock(at),
          end: clock(Math.min(1440, at + length)),
          type: 'service',
        });
        // A third of the time the next block starts before this one ends.
        at = Math.min(1380, at + length - (random() < 0.33 ? between(3, 9) * 10 : -between(0, 6) * 10));
      }
      if (random() < 0.03) {
        entries.push({ assistantId, date, start: clock(at), end: clock(Math.min(1440, at + 120)), type: 'training' });
      }
      if (random() < 0.004) {
        // the same block typed twice
        const last = entries[entries.length - 1]!;
        entries.push({ ...last });
      }
      if (random() < 0.001) {
        entries.push({
          assistantId,
          workerId: `W${pad(workers + 1, 5)}`,
          date,
          start: '09:00',
          end: '10:00',
          type: 'service',
        });
      }
    }
  });

  // Uploads arrive in no particular order; shuffle so the sort baseline does real work.
  for (let i = entries.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [entries[i], entries[j]] = [entries[j]!, entries[i]!];
  }

  return {
    month: '2026-03',
    rates: structuredClone(DEFAULT_RATE_TABLE_2026.rates),
    assistants: assistantIds.map((id) => ({ id })),
    workers: workerIds.map((id, i) => ({ id, copayExempt: i % 10 === 0 })),
    entries,
  };
}
