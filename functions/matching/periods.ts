// What the month-end pre-check (claims, SPEC C5) reads of the matchings its logs name: each one's
// period and status, so a log written after the matching ended is found before the branch finds it.

import { bindEntity } from '#commons/entities';
import { Matching } from './entities.ts';

export interface MatchingPeriod {
  matchingId: string;
  startDate: string;
  endDate: string;
  status: string;
}

export async function matchingPeriods(matchingIds: readonly string[]): Promise<Map<string, MatchingPeriod>> {
  const ids = [...new Set(matchingIds)];
  if (!ids.length) return new Map();
  const { data } = await bindEntity(Matching)
    .get(ids.map((matchingId) => ({ matchingId })))
    .go();
  return new Map(
    data.map((m) => [
      m.matchingId,
      { matchingId: m.matchingId, startDate: m.startDate, endDate: m.endDate, status: m.status },
    ]),
  );
}
