import { z } from 'zod';
import { defineRoute } from '#commons/http/route';
import { SIDO_CODES, sigunguBelongsTo } from '#commons/regions';
import { listDirectory } from './repository.ts';

const directoryQuery = z
  .object({
    kind: z
      .enum(['agency', 'institution'], {
        error: '기관 종류는 수행기관(agency) 또는 교육기관(institution) 중에서 골라 주세요.',
      })
      .default('agency'),
    sido: z.enum(SIDO_CODES, { error: '시/도는 목록에 있는 시/도 중에서 골라 주세요.' }).optional(),
    sigungu: z
      .string()
      .regex(/^\d{5}$/, { error: '시/군/구 코드는 숫자 5자리여야 합니다. 목록에서 골라 주세요.' })
      .optional(),
    name: z.string().trim().max(50, { error: '기관명은 50자 이하로 입력해 주세요.' }).optional(),
  })
  .refine((q) => !q.sigungu || (q.sido !== undefined && sigunguBelongsTo(q.sigungu, q.sido)), {
    error: '시/군/구를 고르려면 먼저 그 시/군/구가 속한 시/도를 골라 주세요.',
    path: ['sigungu'],
  });

const directoryEntry = z.object({
  organisationId: z.string(),
  kind: z.enum(['agency', 'institution']),
  name: z.string(),
  sidoCode: z.string(),
  sidoName: z.string(),
  sigunguCode: z.string(),
  sigunguName: z.string(),
  address: z.string(),
  phone: z.string(),
  designatedYears: z.array(z.number()),
});

export const agencyRoutes = [
  defineRoute({
    method: 'GET',
    path: '/public/organisations',
    summary: '지역별 수행기관/교육기관 목록 조회 (SPEC A1)',
    access: 'public',
    query: directoryQuery,
    response: z.object({ items: z.array(directoryEntry), count: z.number() }),
    labels: { kind: '기관 종류', sido: '시/도', sigungu: '시/군/구', name: '기관명' },
    handle: async ({ query }) => {
      const items = await listDirectory({
        kind: query.kind,
        sidoCode: query.sido,
        sigunguCode: query.sigungu,
        name: query.name || undefined,
      });
      return { body: { items, count: items.length } };
    },
  }),
];
