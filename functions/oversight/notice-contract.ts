import { z } from 'zod';
import { idField, textField } from '#kernel/fields';
import { ACK_STATE_LABELS, type AckState, AUDIENCE_CODES, NOTICE_KIND_CODES } from './notice-rules.ts';

// The notices' HTTP contract (공지사항 및 서식 자료실, SPEC F2): what each /notices route accepts and
// answers. The web reads its types from here.

const ACK_STATES = Object.keys(ACK_STATE_LABELS) as [AckState, ...AckState[]];

export const noticeIdParams = z.object({ noticeId: idField('공지 번호', 40, /^NT-[0-9A-Z-]{4,36}$/) });

export const noticeListQuery = z.object({
  kind: z.enum(NOTICE_KIND_CODES, { error: '공지사항 또는 서식 자료를 골라 주세요.' }).optional(),
  q: textField('검색어', { max: 100 }).optional(),
});

const title = textField('제목', {
  min: 2,
  max: 200,
  messages: { required: '제목을 입력해 주세요.', min: '제목을 2자 이상 입력해 주세요.' },
});
const body = textField('내용', {
  min: 1,
  max: 10_000,
  multiline: true,
  messages: { required: '내용을 입력해 주세요.' },
});

export const createNoticeBody = z.object({
  kind: z.enum(NOTICE_KIND_CODES, { error: '공지사항 또는 서식 자료를 골라 주세요.' }),
  title,
  body,
  audience: z.enum(AUDIENCE_CODES, { error: '공지 대상을 골라 주세요.' }),
  audienceBranchId: idField('대상 지사', 20).optional(),
  pinned: z.boolean({ error: '상단 고정 여부를 골라 주세요.' }),
  requiresAck: z.boolean({ error: '확인 요청 여부를 골라 주세요.' }),
});

export const editNoticeBody = z.object({
  title,
  body,
  pinned: z.boolean({ error: '상단 고정 여부를 골라 주세요.' }),
  requiresAck: z.boolean({ error: '확인 요청 여부를 골라 주세요.' }),
  /** the notice's updatedAt as the editor read it: a change in between is refused (409) */
  updatedAt: textField('고치기 시작한 시각', { min: 1, max: 40 }),
});

export type CreateNoticeBody = z.input<typeof createNoticeBody>;
export type EditNoticeBody = z.input<typeof editNoticeBody>;

export const noticeSummary = z.object({
  noticeId: z.string(),
  kind: z.enum(NOTICE_KIND_CODES),
  title: z.string(),
  audience: z.enum(AUDIENCE_CODES),
  audienceBranchId: z.string().optional(),
  audienceLabel: z.string(),
  publisherOffice: z.string(),
  publisherName: z.string(),
  publishedAt: z.string(),
  updatedAt: z.string(),
  pinned: z.boolean(),
  requiresAck: z.boolean(),
  revision: z.number().int(),
  /** for a reader who must acknowledge (agency, institution staff): their organisation's state */
  ackState: z.enum(ACK_STATES).optional(),
});

export const noticeListResponse = z.object({ notices: z.array(noticeSummary) });

export const noticeDetail = noticeSummary.extend({
  body: z.string(),
  /** whether the caller may edit it (its publisher's office) */
  editable: z.boolean(),
  /** whether the caller's organisation is asked to acknowledge it */
  canAcknowledge: z.boolean(),
  acknowledgedAt: z.string().optional(),
});

export const acknowledgementsResponse = z.object({
  noticeId: z.string(),
  revision: z.number().int(),
  counts: z.object({ acknowledged: z.number(), changed: z.number(), pending: z.number() }),
  organisations: z.array(
    z.object({
      organisationId: z.string(),
      name: z.string(),
      kind: z.enum(['agency', 'institution']),
      branchName: z.string(),
      state: z.enum(ACK_STATES),
      /** the revision the organisation read, and when and by whom (staff login id) */
      revision: z.number().int().optional(),
      at: z.string().optional(),
      userId: z.string().optional(),
    }),
  ),
});

export type NoticeSummary = z.output<typeof noticeSummary>;
export type NoticeList = z.output<typeof noticeListResponse>;
export type NoticeDetail = z.output<typeof noticeDetail>;
export type Acknowledgements = z.output<typeof acknowledgementsResponse>;
