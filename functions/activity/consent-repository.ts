import { bindEntity } from '#commons/entities';
import { ConsentRound, type ConsentRoundItem } from './entities.ts';

// The consent rounds' reads, each a Query on the round's indexes (never a Scan). A round is written
// with the entries it covers, in one transaction (entry-repository.ts commitChange).

export async function getRound(roundId: string): Promise<ConsentRoundItem | undefined> {
  const { data } = await bindEntity(ConsentRound).get({ roundId }).go();
  return data ?? undefined;
}

export async function listPairRounds(
  assistantId: string,
  workerId: string,
  month: string,
): Promise<ConsentRoundItem[]> {
  const { data } = await bindEntity(ConsentRound).query.byPair({ assistantId, workerId, month }).go({ pages: 'all' });
  return data;
}

export async function listWorkerRounds(workerId: string): Promise<ConsentRoundItem[]> {
  const { data } = await bindEntity(ConsentRound).query.byWorker({ workerId }).go({ pages: 'all', order: 'desc' });
  return data;
}

export async function listAgencyRounds(agencyId: string, month: string): Promise<ConsentRoundItem[]> {
  const { data } = await bindEntity(ConsentRound).query.byAgency({ agencyId, month }).go({ pages: 'all' });
  return data;
}
