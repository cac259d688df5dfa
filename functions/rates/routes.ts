import { NotFound } from '#commons/errors';
import { defineRoute } from '#commons/http/route';
import {
  LatestVersionSchema,
  RateTableSchema,
  RateTableViewSchema,
  SavedRateTableSchema,
  SaveRateTableBodySchema,
  VersionParamsSchema,
  YearParamsSchema,
} from './contract.ts';
import { getVersion, latestVersion, listVersions, saveVersion } from './repository.ts';
import { diffRates } from './rules.ts';

// Yearly rate tables (SPEC §4.5): hq edits, hq, branches and agencies read. Claims, payroll, applications
// and attendance read the tables through this capability's rules and repository.

const RATE_LABELS = {
  year: '연도',
  basedOn: '고치기 시작한 버전',
  reason: '변경 사유',
  'content.rates.hourlyWage': '시간급',
  'content.rates.maxConcurrency': '동시 지원 최대 인원',
  'content.rates.premiumByRatio': '비율별 가산율',
  'content.rates.copayPerHourByRatio': '비율별 본인부담금 단가',
  'content.rates.copayMonthlyCap': '본인부담금 월 상한',
  'content.rates.socialInsurance.pension': '국민연금 요율',
  'content.rates.socialInsurance.health': '건강보험 요율',
  'content.rates.socialInsurance.longTermCare': '장기요양보험 요율',
  'content.rates.socialInsurance.employment': '고용보험 요율',
  'content.rates.socialInsurance.industrialAccident': '산재보험 요율',
  'content.rates.operatingCostRate': '운영비 비율',
  'content.rates.severanceRate': '퇴직적립금 비율',
  'content.limits.dailyServiceHours': '하루 서비스 한도(시간)',
  'content.limits.weeklyServiceHours': '주 서비스 한도(시간)',
  'content.training.completionAttendance': '교육 수료 출석률',
};

const readers = ['hq', 'branch', 'agency'] as const;

export const rateRoutes = [
  defineRoute({
    method: 'GET',
    path: '/rate-tables/{year}',
    summary: '연도별 요율표의 현재 버전과 변경 이력',
    response: RateTableViewSchema,
    access: { action: 'read', resource: 'rateTable', roles: readers },
    params: YearParamsSchema,
    labels: RATE_LABELS,
    handle: async ({ params }) => {
      const versions = await listVersions(params.year);
      if (versions.length === 0) throw new NotFound(`${params.year}년 요율표`);
      const history = versions.map((version, i) => ({
        version: version.version,
        reason: version.reason,
        createdBy: version.createdBy,
        createdAt: version.createdAt,
        changes: versions[i + 1] ? diffRates(versions[i + 1]!.content, version.content) : [],
      }));
      return { body: { current: versions[0], history } };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/rate-tables/{year}/versions/{version}',
    summary: '요율표의 특정 버전 (사업비 신청이 사용한 버전 확인)',
    response: RateTableSchema,
    access: { action: 'read', resource: 'rateTable', roles: readers },
    params: VersionParamsSchema,
    labels: RATE_LABELS,
    handle: async ({ params }) => {
      const version = await getVersion(params.year, params.version);
      if (!version) throw new NotFound(`${params.year}년 요율표 버전 ${params.version}`);
      return { body: version };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/rate-tables/{year}/versions',
    summary: '본부: 요율표 고치기 (새 버전으로 저장, 사유 필수)',
    response: SavedRateTableSchema,
    access: { action: 'edit', resource: 'rateTable', roles: ['hq'] },
    params: YearParamsSchema,
    body: SaveRateTableBodySchema,
    labels: RATE_LABELS,
    handle: async ({ params, body, caller }) => {
      const saved = await saveVersion(caller!, params.year, body.basedOn, body.content, body.reason);
      const previous = body.basedOn > 0 ? await getVersion(params.year, body.basedOn) : undefined;
      return {
        status: 201,
        body: { ...saved, changes: previous ? diffRates(previous.content, saved.content) : [] },
      };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/rate-tables/{year}/latest-version',
    summary: '요율표의 최신 버전 번호 (고치기 전 확인)',
    response: LatestVersionSchema,
    access: { action: 'read', resource: 'rateTable', roles: readers },
    params: YearParamsSchema,
    handle: async ({ params }) => ({ body: { version: (await latestVersion(params.year))?.version ?? 0 } }),
  }),
];
