// hq's report of the page question "현재 페이지에서 제공하는 정보에 만족하십니까?" (SPEC F3), pure:
// counts per answer (1–5) and the average of a page's month.

/** As the question offers them (web/src/components/satisfaction.ts), best first. */
export const RATING_LABELS: readonly { value: '1' | '2' | '3' | '4' | '5'; label: string }[] = [
  { value: '5', label: '매우만족' },
  { value: '4', label: '만족' },
  { value: '3', label: '보통' },
  { value: '2', label: '불만' },
  { value: '1', label: '매우불만' },
];

export interface MonthRatings {
  month: string;
  counts: Record<'1' | '2' | '3' | '4' | '5', number>;
  total: number;
  /** two decimals; null without answers */
  average: number | null;
}

export function summariseRatings(month: string, ratings: readonly number[]): MonthRatings {
  const counts = { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 };
  for (const r of ratings) if (r >= 1 && r <= 5) counts[String(r) as keyof typeof counts] += 1;
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const sum = Object.entries(counts).reduce((a, [r, n]) => a + Number(r) * n, 0);
  return { month, counts, total, average: total ? Math.round((sum / total) * 100) / 100 : null };
}
