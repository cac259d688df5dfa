import { branchName } from '#commons/branches';
import { Forbidden, NotFound, RuleViolation } from '#commons/errors';
import { defineRoute } from '#commons/http/route';
import { organisationDirectory } from '#commons/organisation-directory';
import * as clock from '#kernel/clock';
import type { NoticeItem } from './entities.ts';
import {
  acknowledgementsResponse,
  createNoticeBody,
  editNoticeBody,
  type NoticeSummary,
  noticeDetail,
  noticeIdParams,
  noticeListQuery,
  noticeListResponse,
} from './notice-contract.ts';
import {
  acknowledge,
  createNotice,
  getAcknowledgement,
  getNotice,
  listAcknowledgements,
  listNotices,
  newNoticeId,
  saveNotice,
} from './notice-repository.ts';
import {
  acknowledgingOrganisations,
  ackState,
  audienceLabel,
  canRead,
  contentChanged,
  matchesSearch,
  noticeOrder,
  publishProblem,
  type Reader,
} from './notice-rules.ts';
import { readerOf } from './readers.ts';

// 공지사항 및 서식 자료실 (SPEC F2): hq and branches publish notices and forms to an audience; the
// portal shows those for everyone without sign-in; staff see what their organisation is meant to
// read, acknowledge what asks for it, and publishers see who has and has not.

const LABELS = {
  kind: '구분',
  q: '검색어',
  title: '제목',
  body: '내용',
  audience: '공지 대상',
  audienceBranchId: '대상 지사',
  pinned: '상단 고정',
  requiresAck: '확인 요청',
  updatedAt: '고치기 시작한 시각',
};

const readers = ['hq', 'branch', 'agency', 'trainer'] as const;
const publishers = ['hq', 'branch'] as const;

const officeName = (office: string) => branchName(office) ?? office;

function summary(n: NoticeItem, ack?: { revision: number }, reader?: Reader): NoticeSummary {
  const acknowledging = reader?.kind === 'agency' || reader?.kind === 'institution';
  return {
    noticeId: n.noticeId,
    kind: n.kind,
    title: n.title,
    audience: n.audience,
    audienceBranchId: n.audienceBranchId,
    audienceLabel: audienceLabel(n.audience, n.audienceBranchId ? officeName(n.audienceBranchId) : undefined),
    publisherOffice: n.publisherOffice,
    publisherName: officeName(n.publisherOffice),
    publishedAt: n.publishedAt,
    updatedAt: n.updatedAt,
    pinned: n.pinned,
    requiresAck: n.requiresAck,
    revision: n.revision,
    ackState: acknowledging ? ackState(n, ack) : undefined,
  };
}

/** Whether the reader's organisation is among those asked to acknowledge `n`. */
function asksToAcknowledge(reader: Reader, n: NoticeItem): boolean {
  if (!n.requiresAck || (reader.kind !== 'agency' && reader.kind !== 'institution')) return false;
  const asked = acknowledgingOrganisations(n);
  return asked.kinds.includes(reader.kind) && (!asked.branchId || asked.branchId === reader.branchId);
}

async function readable(noticeId: string, reader: Reader): Promise<NoticeItem> {
  const n = await getNotice(noticeId);
  if (!n) throw new NotFound('공지');
  if (!canRead(reader, n)) throw new Forbidden('이 공지는 다른 기관을 대상으로 올린 것이라 볼 수 없습니다.');
  return n;
}

/** hq edits hq's notices, a branch its own: the publisher's office decides. */
function mayEdit(reader: Reader, n: NoticeItem): boolean {
  return (
    (reader.kind === 'hq' && n.publisherOffice === 'HQ') ||
    (reader.kind === 'branch' && n.publisherOffice === reader.branchId)
  );
}

export const noticeRoutes = [
  defineRoute({
    method: 'GET',
    path: '/public/notices',
    summary: '알림마당 공지사항·서식 자료실: 모두에게 공개한 공지 목록(상단 고정 먼저, 제목·내용·초성 검색)',
    response: noticeListResponse,
    access: 'public',
    query: noticeListQuery,
    labels: LABELS,
    handle: async ({ query }) => {
      const notices = (await listNotices())
        .filter((n) => n.audience === 'everyone' && (!query.kind || n.kind === query.kind))
        .filter((n) => matchesSearch(n, query.q ?? ''))
        .sort(noticeOrder);
      return { body: { notices: notices.map((n) => summary(n)) } };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/public/notices/{noticeId}',
    summary: '알림마당 공지 한 건(모두에게 공개한 공지만)',
    response: noticeDetail,
    access: 'public',
    params: noticeIdParams,
    labels: LABELS,
    handle: async ({ params }) => {
      const n = await getNotice(params.noticeId);
      if (n?.audience !== 'everyone') throw new NotFound('공지');
      return { body: { ...summary(n), body: n.body, editable: false, canAcknowledge: false } };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/notices',
    summary: '공지사항 및 서식 자료실: 내 기관이 볼 수 있는 공지 목록과 확인 상태',
    response: noticeListResponse,
    access: { action: 'list', resource: 'notice', roles: readers },
    query: noticeListQuery,
    labels: LABELS,
    handle: async ({ query, caller }) => {
      const reader = await readerOf(caller!);
      const notices = (await listNotices())
        .filter((n) => canRead(reader, n) && (!query.kind || n.kind === query.kind))
        .filter((n) => matchesSearch(n, query.q ?? ''))
        .sort(noticeOrder);
      const orgId = reader.kind === 'agency' || reader.kind === 'institution' ? reader.organisationId : undefined;
      const acks = orgId
        ? await Promise.all(notices.map((n) => (n.requiresAck ? getAcknowledgement(n.noticeId, orgId) : undefined)))
        : [];
      return { body: { notices: notices.map((n, i) => summary(n, acks[i], reader)) } };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/notices/{noticeId}',
    summary: '공지 한 건: 내용, 내 기관의 확인 상태',
    response: noticeDetail,
    access: { action: 'read', resource: 'notice', roles: readers },
    params: noticeIdParams,
    labels: LABELS,
    handle: async ({ params, caller }) => {
      const reader = await readerOf(caller!);
      const n = await readable(params.noticeId, reader);
      const orgId = reader.kind === 'agency' || reader.kind === 'institution' ? reader.organisationId : undefined;
      const ack = orgId && n.requiresAck ? await getAcknowledgement(n.noticeId, orgId) : undefined;
      return {
        body: {
          ...summary(n, ack, reader),
          body: n.body,
          editable: mayEdit(reader, n),
          canAcknowledge: asksToAcknowledge(reader, n),
          acknowledgedAt: ack?.at,
        },
      };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/notices',
    summary: '공지·서식 올리기(본부: 모든 대상, 지사: 관할 수행기관 또는 모두)',
    response: noticeDetail,
    access: { action: 'create', resource: 'notice', roles: publishers },
    body: createNoticeBody,
    labels: LABELS,
    handle: async ({ body, caller, allow }) => {
      const reader = await readerOf(caller!);
      const office = reader.kind === 'branch' ? reader.branchId : 'HQ';
      // a branch publishing to another branch's agencies is outside its scope (403)
      if (body.audience === 'branchAgencies' && body.audienceBranchId) allow({ branchId: body.audienceBranchId });
      const problem = publishProblem(reader.kind === 'branch' ? reader : { kind: 'hq' }, body);
      if (problem) throw new RuleViolation(problem);
      const now = clock.nowIso();
      const n = await createNotice(caller!, {
        noticeId: newNoticeId(),
        kind: body.kind,
        title: body.title,
        body: body.body,
        audience: body.audience,
        audienceBranchId: body.audience === 'branchAgencies' ? body.audienceBranchId : undefined,
        publisherOffice: office,
        publishedBy: caller!.userId,
        publishedAt: now,
        pinned: body.pinned,
        requiresAck: body.requiresAck,
        revision: 1,
        updatedBy: caller!.userId,
      });
      return { status: 201, body: { ...summary(n), body: n.body, editable: true, canAcknowledge: false } };
    },
  }),
  defineRoute({
    method: 'PUT',
    path: '/notices/{noticeId}',
    summary: '공지 고치기(올린 기관만): 제목이나 내용이 바뀌면 확인을 다시 받습니다',
    response: noticeDetail,
    access: { action: 'update', resource: 'notice', roles: publishers },
    params: noticeIdParams,
    body: editNoticeBody,
    labels: LABELS,
    handle: async ({ params, body, caller }) => {
      const reader = await readerOf(caller!);
      const before = await getNotice(params.noticeId);
      if (!before) throw new NotFound('공지');
      if (!mayEdit(reader, before)) throw new Forbidden('공지는 올린 기관만 고칠 수 있습니다.');
      const revision = contentChanged(before, body) ? before.revision + 1 : before.revision;
      const n = await saveNotice(
        caller!,
        before,
        { title: body.title, body: body.body, pinned: body.pinned, requiresAck: body.requiresAck, revision },
        body.updatedAt,
      );
      return { body: { ...summary(n), body: n.body, editable: true, canAcknowledge: false } };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/notices/{noticeId}/acknowledge',
    summary: '공지 확인(수행기관·교육기관): 지금 내용을 읽었다고 기록합니다',
    response: noticeDetail,
    access: { action: 'acknowledge', resource: 'notice', roles: ['agency', 'trainer'] },
    params: noticeIdParams,
    labels: LABELS,
    handle: async ({ params, caller }) => {
      const reader = await readerOf(caller!);
      const n = await readable(params.noticeId, reader);
      if (!asksToAcknowledge(reader, n) || (reader.kind !== 'agency' && reader.kind !== 'institution'))
        throw new RuleViolation('이 공지는 확인을 요청하지 않았습니다.');
      const ack = await acknowledge(caller!, n, reader.organisationId, reader.branchId);
      return {
        body: {
          ...summary(n, ack, reader),
          body: n.body,
          editable: false,
          canAcknowledge: true,
          acknowledgedAt: ack.at,
        },
      };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/notices/{noticeId}/acknowledgements',
    summary: '공지 확인 현황(본부·지사): 대상 기관별 확인함, 바뀐 내용 확인 전, 확인 전',
    response: acknowledgementsResponse,
    access: { action: 'read', resource: 'noticeAcknowledgement', roles: publishers },
    params: noticeIdParams,
    labels: LABELS,
    handle: async ({ params, caller }) => {
      const reader = await readerOf(caller!);
      const n = await readable(params.noticeId, reader);
      if (!n.requiresAck) throw new RuleViolation('이 공지는 확인을 요청하지 않았습니다.');
      const asked = acknowledgingOrganisations(n);
      // a branch sees its own organisations' answers; hq every organisation's
      const branchId = reader.kind === 'branch' ? reader.branchId : asked.branchId;
      if (asked.branchId && reader.kind === 'branch' && asked.branchId !== reader.branchId)
        throw new Forbidden('다른 지사 관할 기관의 확인 현황은 볼 수 없습니다.');
      const [orgs, acks] = await Promise.all([
        organisationDirectory().list(asked.kinds, branchId),
        listAcknowledgements(n.noticeId),
      ]);
      const byOrg = new Map(acks.map((a) => [a.organisationId, a]));
      const rows = orgs
        .map((o) => {
          const ack = byOrg.get(o.organisationId);
          return {
            organisationId: o.organisationId,
            name: o.name,
            kind: o.kind,
            branchName: officeName(o.branchId),
            state: ackState(n, ack),
            revision: ack?.revision,
            at: ack?.at,
            userId: ack?.userId,
          };
        })
        .sort((a, b) => a.state.localeCompare(b.state) || a.name.localeCompare(b.name, 'ko'));
      const count = (state: string) => rows.filter((r) => r.state === state).length;
      return {
        body: {
          noticeId: n.noticeId,
          revision: n.revision,
          counts: { acknowledged: count('acknowledged'), changed: count('changed'), pending: count('pending') },
          organisations: rows,
        },
      };
    },
  }),
];
