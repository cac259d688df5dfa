import { AuditRecord, type AuditRecordItem, AuditSubject } from '#commons/audit-trail';
import { bindEntity } from '#commons/entities';
import { daysFromTo } from '#kernel/korea-time';

export interface AuditSearch {
  subjectId?: string;
  actorId?: string;
  /** inclusive Korea-time days */
  fromDay: string;
  toDay: string;
  branchId?: string;
}

/** Search by person, actor or day range — each a Query on its own index, never a Scan. */
export async function searchAudit(search: AuditSearch): Promise<AuditRecordItem[]> {
  const audit = bindEntity(AuditRecord);
  const from = `${search.fromDay}T00:00:00.000Z`;
  const to = `${search.toDay}T23:59:59.999Z`;
  let items: AuditRecordItem[];
  if (search.subjectId) {
    const range = [{ at: shiftDay(from, -1) }, { at: shiftDay(to, 1) }] as const;
    const [direct, links] = await Promise.all([
      audit.query
        .bySubject({ subjectId: search.subjectId })
        .between(...range)
        .go({ pages: 'all' }),
      // records of list reads that name this person beside others
      bindEntity(AuditSubject)
        .query.bySubject({ subjectId: search.subjectId })
        .between(...range)
        .go({ pages: 'all' }),
    ]);
    const linked = links.data.length
      ? (await audit.get(links.data.map((link) => ({ auditId: link.auditId }))).go()).data
      : [];
    items = [...direct.data, ...linked];
  } else if (search.actorId) {
    items = (
      await audit.query
        .byActor({ actorId: search.actorId })
        .between({ at: shiftDay(from, -1) }, { at: shiftDay(to, 1) })
        .go({ pages: 'all' })
    ).data;
  } else {
    const days = daysFromTo(search.fromDay, search.toDay);
    const pages = await Promise.all(days.map((day) => audit.query.byDay({ day }).go({ pages: 'all' })));
    items = pages.flatMap((page) => page.data);
  }
  return items
    .filter((item) => item.day >= search.fromDay && item.day <= search.toDay)
    .filter(
      (item) => !search.subjectId || item.subjectId === search.subjectId || item.subjectIds?.includes(search.subjectId),
    )
    .filter((item) => !search.actorId || item.actorId === search.actorId)
    .filter((item) => !search.branchId || item.branchId === search.branchId)
    .sort((a, b) => b.at.localeCompare(a.at));
}

// `at` is UTC while days are Korea time: widen the key range by a day, then filter by `day`.
function shiftDay(iso: string, days: number): string {
  return new Date(new Date(iso).getTime() + days * 86_400_000).toISOString();
}
