import { writeAudited } from '#commons/audit-trail';
import type { Caller } from '#commons/caller';
import { bindEntity } from '#commons/entities';
import { Conflict } from '#commons/errors';
import type { RateTable } from './contract.ts';
import { RateTableVersion, type RateTableVersionItem } from './entities.ts';
import { DEFAULT_RATE_TABLE_2026, type RateTableContent, RateTableContentSchema } from './rules.ts';

function toRateTable(item: RateTableVersionItem): RateTable {
  return {
    year: item.year,
    version: item.version,
    content: RateTableContentSchema.parse(JSON.parse(item.content)),
    reason: item.reason,
    createdBy: item.createdBy,
    createdAt: item.createdAt,
  };
}

/** Every version of a year, newest first. */
export async function listVersions(year: number): Promise<RateTable[]> {
  const { data } = await bindEntity(RateTableVersion).query.byYear({ year }).go({ pages: 'all', order: 'desc' });
  return data.map(toRateTable);
}

export async function latestVersion(year: number): Promise<RateTable | undefined> {
  const { data } = await bindEntity(RateTableVersion).query.byYear({ year }).go({ order: 'desc', limit: 1 });
  return data[0] ? toRateTable(data[0]) : undefined;
}

export async function getVersion(year: number, version: number): Promise<RateTable | undefined> {
  const { data } = await bindEntity(RateTableVersion).get({ year, version }).go();
  return data ? toRateTable(data) : undefined;
}

/**
 * Saves the next version. `basedOn` is the version the editor saw: if someone saved in between,
 * the save is refused instead of silently replacing their change.
 */
export async function saveVersion(
  caller: Caller,
  year: number,
  basedOn: number,
  content: RateTableContent,
  reason: string,
): Promise<RateTable> {
  const latest = await latestVersion(year);
  if ((latest?.version ?? 0) !== basedOn) {
    throw new Conflict(
      `다른 담당자가 먼저 ${year}년 요율표를 고쳤습니다(버전 ${latest?.version}). 새로 불러온 뒤 다시 고쳐 주세요.`,
    );
  }
  const item = {
    year,
    version: basedOn + 1,
    content: JSON.stringify(content),
    reason,
    createdBy: caller.userId,
  };
  const result = await writeAudited(
    caller,
    { action: 'rateTable.save', targetType: 'rateTable', targetId: `${year}#${item.version}` },
    { RateTableVersion },
    ({ RateTableVersion: versions }) => [versions.create(item).commit()],
  );
  if (result.canceled) {
    throw new Conflict(`다른 담당자가 같은 때에 ${year}년 요율표를 고쳤습니다. 새로 불러온 뒤 다시 고쳐 주세요.`);
  }
  return (await getVersion(year, item.version))!;
}

/**
 * Version 1 of a year that has no table yet (demo data and first deployment): the 2026 defaults, which
 * for another year are a stand-in until hq enters that year's published figures, and say so.
 */
export async function ensureDefaultTable(caller: Caller, year = 2026): Promise<void> {
  if (await latestVersion(year)) return;
  const reason =
    year === 2026
      ? '2026년 기본 요율 (공개 자료 기준, 미확인 값 표시)'
      : `${year}년 요율 고시 전: 2026년 기본 요율을 그대로 씀 (고시 값으로 고쳐 주세요)`;
  await saveVersion(caller, year, 0, DEFAULT_RATE_TABLE_2026, reason);
}
