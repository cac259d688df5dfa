// Small helpers shared by bench modules: timing with garbage collection between runs, and memory.

export interface Timing {
  median: number;
  min: number;
  runs: number[];
}

/** Collects garbage when node runs with --expose-gc (npm run bench does), so runs start even. */
export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** Times `body` `runs` times after one warm-up run; `prepare` runs untimed before each. */
export function time<T>(runs: number, prepare: () => T, body: (prepared: T) => unknown): Timing {
  const samples: number[] = [];
  for (let i = 0; i <= runs; i++) {
    const prepared = prepare();
    collectGarbage();
    const start = performance.now();
    body(prepared);
    const elapsed = performance.now() - start;
    if (i > 0) samples.push(elapsed);
  }
  const sorted = [...samples].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)]!, min: sorted[0]!, runs: samples };
}

export const ms = (value: number) => `${value.toFixed(1)} ms`;
export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
export const count = (value: number) => value.toLocaleString('en-US');

/** Peak resident set size of this process so far (the kernel's high-water mark). */
export function peakRss(): number {
  return process.resourceUsage().maxRSS * 1024;
}
