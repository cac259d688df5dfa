import { Entity, type EntityItem } from 'electrodb';
import { SERVICE_NAME } from '#commons/table';
import * as clock from '#kernel/clock';
import { AUDIENCE_CODES, NOTICE_KIND_CODES } from './notice-rules.ts';

/**
 * A notice or a form of 공지사항 및 서식 자료실 (SPEC F2). `revision` counts the changes of its title
 * or text: an acknowledgement counts for the revision it read, so a changed notice asks again.
 * Notices are few (hundreds a year): the list is one partition, newest first.
 */
export const Notice = new Entity({
  model: { entity: 'notice', version: '1', service: SERVICE_NAME },
  attributes: {
    noticeId: { type: 'string', required: true },
    kind: { type: NOTICE_KIND_CODES, required: true },
    title: { type: 'string', required: true },
    body: { type: 'string', required: true },
    audience: { type: AUDIENCE_CODES, required: true },
    audienceBranchId: { type: 'string' },
    /** 'HQ' or the publishing branch's id */
    publisherOffice: { type: 'string', required: true },
    publishedBy: { type: 'string', required: true },
    publishedAt: { type: 'string', required: true },
    pinned: { type: 'boolean', required: true },
    requiresAck: { type: 'boolean', required: true },
    revision: { type: 'number', required: true },
    /** set on every write (an edit's conditional check reads it); a put may carry its own (demo data) */
    updatedAt: {
      type: 'string',
      required: true,
      default: () => clock.nowIso(),
      set: (value?: string) => value ?? clock.nowIso(),
      watch: '*',
    },
    updatedBy: { type: 'string', required: true },
    /** the one list partition */
    board: { type: 'string', required: true, default: 'notices', readOnly: true },
  },
  indexes: {
    byId: { pk: { field: 'pk', composite: ['noticeId'] }, sk: { field: 'sk', composite: [] } },
    byBoard: {
      index: 'gsi1',
      pk: { field: 'gsi1pk', composite: ['board'] },
      sk: { field: 'gsi1sk', composite: ['publishedAt', 'noticeId'] },
    },
  },
});

export type NoticeItem = EntityItem<typeof Notice>;

/** One organisation's acknowledgement of a notice: the revision it read, who and when. */
export const NoticeAcknowledgement = new Entity({
  model: { entity: 'noticeAcknowledgement', version: '1', service: SERVICE_NAME },
  attributes: {
    noticeId: { type: 'string', required: true },
    organisationId: { type: 'string', required: true },
    revision: { type: 'number', required: true },
    userId: { type: 'string', required: true },
    at: { type: 'string', required: true },
  },
  indexes: {
    byNotice: {
      pk: { field: 'pk', composite: ['noticeId'] },
      sk: { field: 'sk', composite: ['organisationId'] },
    },
  },
});

export type NoticeAcknowledgementItem = EntityItem<typeof NoticeAcknowledgement>;

/**
 * A thread of 담당자 업무 소통 공간 (SPEC F2): a question in a branch's space, asked by the branch or
 * one of its organisations; answered once the other side writes. Listed per branch, newest first.
 */
export const BoardThread = new Entity({
  model: { entity: 'boardThread', version: '1', service: SERVICE_NAME },
  attributes: {
    threadId: { type: 'string', required: true },
    branchId: { type: 'string', required: true },
    /** the organisation that asked, or the one the branch addressed */
    organisationId: { type: 'string', required: true },
    organisationName: { type: 'string', required: true },
    title: { type: 'string', required: true },
    askedBy: { type: ['kead', 'organisation'] as const, required: true },
    status: { type: ['open', 'answered'] as const, required: true },
    postCount: { type: 'number', required: true },
    createdBy: { type: 'string', required: true },
    createdAt: { type: 'string', required: true },
    lastPostAt: { type: 'string', required: true },
  },
  indexes: {
    byId: { pk: { field: 'pk', composite: ['threadId'] }, sk: { field: 'sk', composite: [] } },
    byBranch: {
      index: 'gsi1',
      pk: { field: 'gsi1pk', composite: ['branchId'] },
      sk: { field: 'gsi1sk', composite: ['createdAt', 'threadId'] },
    },
  },
});

export type BoardThreadItem = EntityItem<typeof BoardThread>;

/** One post of a thread (the question is the first). */
export const BoardPost = new Entity({
  model: { entity: 'boardPost', version: '1', service: SERVICE_NAME },
  attributes: {
    threadId: { type: 'string', required: true },
    postId: { type: 'string', required: true },
    body: { type: 'string', required: true },
    side: { type: ['kead', 'organisation'] as const, required: true },
    /** the office or organisation the author wrote for, as shown */
    authorOffice: { type: 'string', required: true },
    authorId: { type: 'string', required: true },
    createdAt: { type: 'string', required: true },
  },
  indexes: {
    byThread: {
      pk: { field: 'pk', composite: ['threadId'] },
      sk: { field: 'sk', composite: ['postId'] },
    },
  },
});

export type BoardPostItem = EntityItem<typeof BoardPost>;
