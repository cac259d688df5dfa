import { z } from 'zod';
import { idField, textField } from '#kernel/fields';

// 담당자 업무 소통 공간's HTTP contract (SPEC F2). The web reads its types from here.

const STATUSES = ['open', 'answered'] as const;
const SIDES = ['kead', 'organisation'] as const;

export const threadIdParams = z.object({ threadId: idField('글 번호', 40, /^BT-[0-9A-Z-]{4,36}$/) });

export const threadListQuery = z.object({
  branchId: idField('지사', 20).optional(),
  status: z.enum(STATUSES, { error: '답변 대기 또는 답변 완료를 골라 주세요.' }).optional(),
});

const body = textField('내용', { min: 1, max: 5000, multiline: true, messages: { required: '내용을 입력해 주세요.' } });

export const startThreadBody = z.object({
  title: textField('제목', {
    min: 2,
    max: 200,
    messages: { required: '제목을 입력해 주세요.', min: '제목을 2자 이상 입력해 주세요.' },
  }),
  body,
  /** the branch addresses one of its organisations; an organisation writes to its own branch */
  organisationId: idField('대상 기관', 40).optional(),
});

export const postBody = z.object({ body });

export const threadSummary = z.object({
  threadId: z.string(),
  branchId: z.string(),
  branchName: z.string(),
  organisationId: z.string(),
  organisationName: z.string(),
  title: z.string(),
  askedBy: z.enum(SIDES),
  status: z.enum(STATUSES),
  postCount: z.number().int(),
  createdAt: z.string(),
  lastPostAt: z.string(),
});

export const threadListResponse = z.object({ threads: z.array(threadSummary) });

export const threadDetail = threadSummary.extend({
  posts: z.array(
    z.object({
      postId: z.string(),
      body: z.string(),
      side: z.enum(SIDES),
      authorOffice: z.string(),
      authorId: z.string(),
      createdAt: z.string(),
    }),
  ),
});

export type ThreadSummary = z.output<typeof threadSummary>;
export type ThreadList = z.output<typeof threadListResponse>;
export type ThreadDetail = z.output<typeof threadDetail>;
