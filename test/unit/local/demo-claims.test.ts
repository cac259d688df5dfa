import { describe, expect, it } from 'vitest';
import { earlierDemoMonths } from '#local/demo-activity';
import { demoCalendar } from '#local/demo-calendar';
import { DEMO_CLAIM_STATES, demoClaimPlan } from '#local/demo-claims';

// The demo's earlier-month claims (issue 15 demo data): on any day, only months inside the demo's
// matchings, at most five; with three or more earlier months every state is there, and each agency
// has one claim a month.

const DAYS = ['2026-12-07', '2026-12-31', '2027-01-04', '2027-02-01', '2027-03-01', '2027-04-15', '2028-02-29'];

describe('the demo claims of earlier months', () => {
  it.each(DAYS)('on %s: months within the matchings, one claim per agency and month', (day) => {
    const calendar = demoCalendar(day);
    const months = earlierDemoMonths(calendar);
    expect(months.length).toBeLessThanOrEqual(5);
    for (const month of months) {
      expect(month < calendar.previous).toBe(true);
      expect(`${month}-01` >= calendar.period.start).toBe(true);
    }
    const plan = demoClaimPlan(calendar);
    expect(plan).toHaveLength(months.length * 3);
    expect(new Set(plan.map((c) => `${c.agencyId}|${c.month}`)).size).toBe(plan.length);
    if (months.length >= 3) expect(new Set(plan.map((c) => c.state))).toEqual(new Set(DEMO_CLAIM_STATES));
  });

  it('has five earlier months from June on, and none in February (the service year’s first month is last month)', () => {
    expect(earlierDemoMonths(demoCalendar('2026-12-07'))).toEqual([
      '2026-10',
      '2026-09',
      '2026-08',
      '2026-07',
      '2026-06',
    ]);
    expect(earlierDemoMonths(demoCalendar('2027-01-04'))).toHaveLength(5);
    expect(earlierDemoMonths(demoCalendar('2027-02-01'))).toEqual([]);
    expect(earlierDemoMonths(demoCalendar('2027-03-01'))).toEqual(['2027-01']);
  });

  it('gives every agency each state over five months', () => {
    const plan = demoClaimPlan(demoCalendar('2026-12-07'));
    for (const agencyId of ['AG-HANBIT', 'AG-NEULBOM', 'AG-DAON']) {
      expect(new Set(plan.filter((c) => c.agencyId === agencyId).map((c) => c.state))).toEqual(
        new Set(DEMO_CLAIM_STATES),
      );
    }
  });
});
