import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as clock from '#kernel/clock';
import { demoMonths } from '#local/demo-activity';
import { demoCalendar } from '#local/demo-calendar';
import { checkResponse } from '../support/contract.ts';
import { signInThroughApi } from '../support/session.ts';
import { startStack, type TestStack } from '../support/stack.ts';

// Issue 15 §3 on the local stack with the demo data: the internal system's read-only views of the
// agencies' screens. Without a filter a branch sees its own agencies (서울지사: 한빛; 경기지사: 늘봄,
// 다온) and hq every branch's; naming another branch or its agency is refused; agencies are not
// served (their own screens stay theirs); every answer names its agency and is recorded as a read.

let stack: TestStack;
const tokens: Record<string, string> = {};
const { previous: month } = demoMonths();
const year = demoCalendar().serviceYear;

// biome-ignore lint/suspicious/noExplicitAny: response bodies of many shapes, checked by the assertions
type Json = any;

async function get(as: string, path: string): Promise<{ status: number; body: Json }> {
  const res = await fetch(`${stack.apiUrl}${path}`, { headers: { authorization: `Bearer ${tokens[as]}` } });
  const answer = await res.json();
  checkResponse('GET', path, res.status, answer);
  return { status: res.status, body: answer };
}

beforeAll(async () => {
  stack = await startStack();
  for (const username of ['hq_admin', 'seoul_branch', 'gyeonggi_branch', 'agency_hanbit']) {
    tokens[username] = await signInThroughApi(stack, username);
  }
}, 240_000);

afterAll(async () => {
  await stack?.stop();
});

/** Each view, its period and how to read the agencies an answer names. */
const VIEWS: { path: string; period: string; agencies(body: Json): string[] }[] = [
  {
    path: '/activity-log-overview',
    period: `month=${month}`,
    agencies: (b) => b.logs.map((l: Json) => l.agencyId),
  },
  {
    path: '/attendance-comparison-overview',
    period: `month=${month}`,
    agencies: (b) => [...b.agencies.map((a: Json) => a.agencyId), ...b.rows.map((r: Json) => r.agencyId)],
  },
  { path: '/leave-overview', period: `year=${year}`, agencies: (b) => b.rows.map((r: Json) => r.agencyId) },
  { path: '/payroll-overview', period: `month=${month}`, agencies: (b) => b.agencies.map((a: Json) => a.agencyId) },
  { path: '/assistants', period: `month=${month}`, agencies: (b) => b.items.map((a: Json) => a.agencyId) },
  { path: '/matchings', period: `month=${month}`, agencies: (b) => b.items.map((m: Json) => m.agencyId) },
];

const distinct = (ids: string[]) => [...new Set(ids)].sort();

describe('the internal system’s views of the agencies’ screens (issue 15 §3)', () => {
  it.each(VIEWS)('$path: a branch sees its own agencies, hq every branch’s, each row with its agency', async (view) => {
    const seoul = await get('seoul_branch', `${view.path}?${view.period}`);
    expect(seoul.status).toBe(200);
    expect(distinct(view.agencies(seoul.body))).toEqual(['AG-HANBIT']);

    const gyeonggi = await get('gyeonggi_branch', `${view.path}?${view.period}`);
    expect(gyeonggi.status).toBe(200);
    const gyeonggiAgencies = distinct(view.agencies(gyeonggi.body));
    expect(gyeonggiAgencies.length).toBeGreaterThan(0);
    expect(gyeonggiAgencies.every((id) => ['AG-NEULBOM', 'AG-DAON'].includes(id))).toBe(true);

    const hq = await get('hq_admin', `${view.path}?${view.period}`);
    expect(hq.status).toBe(200);
    expect(distinct(view.agencies(hq.body))).toEqual(distinct([...view.agencies(seoul.body), ...gyeonggiAgencies]));

    // hq narrows to a branch or an agency with the same filters
    const hqSeoul = await get('hq_admin', `${view.path}?${view.period}&branchId=BR-SEOUL`);
    expect(distinct(view.agencies(hqSeoul.body))).toEqual(['AG-HANBIT']);
    const hqNeulbom = await get('hq_admin', `${view.path}?${view.period}&agencyId=AG-NEULBOM`);
    expect(distinct(view.agencies(hqNeulbom.body)).every((id) => id === 'AG-NEULBOM')).toBe(true);

    // another branch, or another branch's agency, is refused with a Korean message
    for (const other of ['branchId=BR-GYEONGGI', 'agencyId=AG-NEULBOM']) {
      const refused = await get('seoul_branch', `${view.path}?${view.period}&${other}`);
      expect(refused.status, other).toBe(403);
      expect(refused.body.error.message).toMatch(/[가-힣]/);
    }
  });

  it('serves the overviews to branch and hq only: an agency keeps to its own screens', async () => {
    for (const view of VIEWS.filter((v) => v.path.endsWith('-overview'))) {
      expect((await get('agency_hanbit', `${view.path}?${view.period}`)).status, view.path).toBe(403);
    }
    // the register's list stays the agency's own, and never another agency's
    const own = await get('agency_hanbit', `/assistants?month=${month}`);
    expect(distinct(own.body.items.map((a: Json) => a.agencyId))).toEqual(['AG-HANBIT']);
    expect((await get('agency_hanbit', '/assistants?agencyId=AG-NEULBOM')).status).toBe(403);
  });

  it('shows the agency’s own figures: the same rows as the agency’s screen, with the agency’s name', async () => {
    const agencyLogs = await get('seoul_branch', `/organisations/AG-HANBIT/activity-logs?month=${month}`);
    const overview = await get('seoul_branch', `/activity-log-overview?month=${month}`);
    expect(overview.body.logs.map(({ agencyId: _a, agencyName: _n, ...log }: Json) => log)).toEqual(
      agencyLogs.body.logs,
    );
    expect(overview.body.logs[0].agencyName).toBe('한빛근로지원센터');

    const payroll = await get('seoul_branch', `/organisations/AG-HANBIT/payroll?month=${month}`);
    const payrollOverview = await get('seoul_branch', `/payroll-overview?month=${month}`);
    expect(payrollOverview.body.agencies[0].table).toEqual(payroll.body.table);

    const leave = await get('seoul_branch', `/leave?agencyId=AG-HANBIT&year=${year}`);
    const leaveOverview = await get('seoul_branch', `/leave-overview?year=${year}`);
    expect(leaveOverview.body.rows.map(({ agencyId: _a, agencyName: _n, ...row }: Json) => row)).toEqual(
      leave.body.rows,
    );
  });

  it('keeps to the month: matchings in force and assistants employed some day of it', async () => {
    const all = await get('hq_admin', '/matchings');
    const inMonth = await get('hq_admin', `/matchings?month=${month}`);
    const lastDay = `${month}-31`;
    for (const m of inMonth.body.items) {
      expect(m.startDate <= lastDay && m.endDate >= `${month}-01`).toBe(true);
    }
    expect(inMonth.body.count).toBeLessThanOrEqual(all.body.count);
    const longAgo = await get('hq_admin', '/assistants?month=2020-01');
    expect(longAgo.body.items).toEqual([]);
  });

  it('records each read of the people it shows in the audit trail', async () => {
    const today = clock.today();
    const res = await get('hq_admin', `/audit?from=${today}&to=${today}`);
    const actions = res.body.items.map((i: Json) => i.action);
    for (const action of ['activityLog.overview', 'attendance.compareOverview', 'leave.overview', 'payroll.overview']) {
      expect(actions, action).toContain(action);
    }
  });
});
