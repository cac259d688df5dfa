import { randomBytes } from 'node:crypto';
import type { Entity, TransactWriteEntity } from 'electrodb';
import type { AuditEvent } from '#commons/audit-trail';
import { writeAudited } from '#commons/audit-trail';
import type { Caller } from '#commons/caller';
import { bindEntity } from '#commons/entities';
import { Conflict } from '#commons/errors';
import { SIDO_CODES } from '#commons/regions';
import { type DirectoryEntry, matchesName, sortDirectory, toDirectoryEntry } from './directory.ts';
import {
  Agreement,
  type AgreementItem,
  Organisation,
  type OrganisationItem,
  type OrganisationKind,
  Seal,
  type SealItem,
} from './entities.ts';

export interface DirectoryFilter {
  kind: OrganisationKind;
  sidoCode?: string;
  sigunguCode?: string;
  name?: string;
}

/** Public directory: one Query per 시/도 partition of the byRegion index (never a Scan). */
export async function listDirectory(filter: DirectoryFilter): Promise<DirectoryEntry[]> {
  const organisations = bindEntity(Organisation);
  const sidoCodes = filter.sidoCode ? [filter.sidoCode] : SIDO_CODES;
  const pages = await Promise.all(
    sidoCodes.map((sidoCode) =>
      organisations.query
        .byRegion(
          filter.sigunguCode
            ? { kind: filter.kind, sidoCode, sigunguCode: filter.sigunguCode }
            : { kind: filter.kind, sidoCode },
        )
        .go({ pages: 'all' }),
    ),
  );
  const entries = pages.flatMap((page) => page.data.map(toDirectoryEntry));
  return sortDirectory(entries.filter((entry) => matchesName(entry, filter.name)));
}

export async function putOrganisation(item: OrganisationItem): Promise<void> {
  await bindEntity(Organisation).put(item).go();
}

export async function getOrganisation(organisationId: string): Promise<OrganisationItem | undefined> {
  const { data } = await bindEntity(Organisation).get({ organisationId }).go();
  return data ?? undefined;
}

/** A branch's organisations, one Query on its byBranch partition (optionally one kind). */
export async function listOrganisations(branchId: string, kind?: OrganisationKind): Promise<OrganisationItem[]> {
  const query = bindEntity(Organisation).query.byBranch(kind ? { branchId, kind } : { branchId });
  const { data } = await query.go({ pages: 'all' });
  return data;
}

export function newOrganisationId(kind: OrganisationKind): string {
  return `${kind === 'agency' ? 'AG' : 'IN'}-${randomBytes(4).toString('hex').toUpperCase()}`;
}

/** An entity as a write transaction's callback sees it: its operations end in `.commit()`. */
type Tx<E> = E extends Entity<infer A, infer F, infer C, infer S> ? TransactWriteEntity<A, F, C, S> : never;
const tx = <E>(entity: unknown) => entity as Tx<E>;

const STALE = '다른 사람이 먼저 이 정보를 바꿨습니다. 화면을 새로 고쳐 바뀐 내용을 확인한 뒤 다시 저장해 주세요.';

function refuseWhenCanceled(result: { canceled: boolean }, message = STALE): void {
  if (result.canceled) throw new Conflict(message);
}

export async function createOrganisation(caller: Caller, item: OrganisationItem): Promise<void> {
  const result = await writeAudited(
    caller,
    {
      action: 'organisation.create',
      targetType: 'organisation',
      targetId: item.organisationId,
      branchId: item.branchId,
    },
    { Organisation },
    (e) => [tx<typeof Organisation>(e.Organisation).create(item).commit()],
  );
  refuseWhenCanceled(result, '같은 번호의 기관이 이미 있습니다. 다시 저장해 주세요.');
}

/** Replaces the organisation if nobody changed it since `before` was read (its revision). */
export async function updateOrganisation(
  caller: Caller,
  before: OrganisationItem,
  next: OrganisationItem,
): Promise<void> {
  const result = await writeAudited(
    caller,
    {
      action: 'organisation.update',
      targetType: 'organisation',
      targetId: next.organisationId,
      branchId: next.branchId,
    },
    { Organisation },
    (e) => [
      tx<typeof Organisation>(e.Organisation)
        .put(next)
        .where((attr, op) =>
          before.revision === undefined ? op.notExists(attr.revision) : op.eq(attr.revision, before.revision),
        )
        .commit(),
    ],
  );
  refuseWhenCanceled(result);
}

// ── seals ────────────────────────────────────────────────────────────────────────────────────

/** Every version of one organisation's seal (one partition), newest first. */
export async function listSeals(organisationId: string): Promise<SealItem[]> {
  const { data } = await bindEntity(Seal).query.byOrganisation({ organisationId }).go({ pages: 'all' });
  return data.sort((a, b) => b.version - a.version);
}

export async function getSeal(organisationId: string, version: number): Promise<SealItem | undefined> {
  const { data } = await bindEntity(Seal).get({ organisationId, version }).go();
  return data ?? undefined;
}

/** A branch's seals, optionally of one status (its approval queue), oldest request first. */
export async function listSealsOfBranch(branchId: string, status?: SealItem['status']): Promise<SealItem[]> {
  const query = bindEntity(Seal).query.byBranch(status ? { branchId, status } : { branchId });
  const { data } = await query.go({ pages: 'all' });
  return data.sort((a, b) => a.requestedAt.localeCompare(b.requestedAt));
}

/** A new version; refused if another request took the same version number first. */
export async function createSeal(caller: Caller, seal: SealItem, event: AuditEvent, retire: SealItem[] = []) {
  const result = await writeAudited(caller, event, { Seal }, (e) => [
    tx<typeof Seal>(e.Seal).create(seal).commit(),
    ...retire.map((old) =>
      tx<typeof Seal>(e.Seal)
        .put({ ...old, status: 'retired', retiredAt: seal.requestedAt })
        .where((attr, op) => op.eq(attr.status, 'approved'))
        .commit(),
    ),
  ]);
  refuseWhenCanceled(result, '다른 직인 요청이 먼저 저장되었습니다. 화면을 새로 고쳐 확인해 주세요.');
}

/** The decision on a request, and the retirement of the seal it replaces, in one transaction. */
export async function saveSealDecision(caller: Caller, decided: SealItem, retire: SealItem[], event: AuditEvent) {
  const result = await writeAudited(caller, event, { Seal }, (e) => [
    tx<typeof Seal>(e.Seal)
      .put(decided)
      .where((attr, op) => op.eq(attr.status, 'requested'))
      .commit(),
    ...retire.map((old) =>
      tx<typeof Seal>(e.Seal)
        .put({ ...old, status: 'retired', retiredAt: decided.decidedAt })
        .where((attr, op) => op.eq(attr.status, 'approved'))
        .commit(),
    ),
  ]);
  refuseWhenCanceled(result, '이미 다른 담당자가 처리한 직인입니다. 목록을 새로 고쳐 확인해 주세요.');
}

// ── agreements ───────────────────────────────────────────────────────────────────────────────

export async function getAgreement(agreementId: string): Promise<AgreementItem | undefined> {
  const { data } = await bindEntity(Agreement).get({ agreementId }).go();
  return data ?? undefined;
}

/** One organisation's agreements (its gsi1 partition), newest year and revision first. */
export async function listAgreementsOfOrganisation(organisationId: string, year?: number): Promise<AgreementItem[]> {
  const query = bindEntity(Agreement).query.byOrganisation(year ? { organisationId, year } : { organisationId });
  const { data } = await query.go({ pages: 'all' });
  return newestFirst(data);
}

/** One branch's agreements (its gsi2 partition), optionally of one year. */
export async function listAgreementsOfBranch(branchId: string, year?: number): Promise<AgreementItem[]> {
  const query = bindEntity(Agreement).query.byBranch(year ? { branchId, year } : { branchId });
  const { data } = await query.go({ pages: 'all' });
  return newestFirst(data);
}

function newestFirst(items: AgreementItem[]): AgreementItem[] {
  return items.sort(
    (a, b) => b.year - a.year || a.organisationName.localeCompare(b.organisationName, 'ko') || b.revision - a.revision,
  );
}

/**
 * Stores agreements changed together (an agreement, and the one it supersedes or replaces), each only
 * if it is still at the version that was read, with the audit record, in one transaction.
 */
export async function saveAgreements(
  caller: Caller,
  event: AuditEvent,
  changes: { before?: AgreementItem; after: AgreementItem }[],
): Promise<void> {
  const result = await writeAudited(caller, event, { Agreement }, (e) => {
    const agreements = tx<typeof Agreement>(e.Agreement);
    return changes.map(({ before, after }) =>
      before
        ? agreements
            .put(after)
            .where((attr, op) => op.eq(attr.version, before.version))
            .commit()
        : agreements.create(after).commit(),
    );
  });
  refuseWhenCanceled(result, '다른 사람이 먼저 이 약정서를 바꿨습니다. 화면을 새로 고쳐 확인한 뒤 다시 시도해 주세요.');
}
