import type { Caller } from '#commons/caller';
import { getOrganisation } from '#functions/agencies/repository';
import { claimMonthFigures } from '#functions/claims/payroll-figures';
import type { PayrollSettings } from '#functions/payroll/month';
import { plugMonthFigures } from '#functions/payroll/month-figures';
import { getSettings, listMonth, saveSettings } from '#functions/payroll/repository';
import { defaultDeductionItems } from '#functions/payroll/rules';
import { computeMonth, issueMonth } from '#functions/payroll/service';
import { demoMonths } from './demo-activity.ts';
import type { SeedStep } from './seed.ts';

// Demo data of payroll (SPEC D2): 한빛 names its own items (기본급, the paid times in one 수당 item, a
// non-taxable 식대 and a 교통비; income tax entered per person), 늘봄 keeps the defaults; both have last
// month's payroll computed from the demo activity logs and issued, so 급여 관리 and the assistants'
// 급여명세서 on My page have content at once. 다온's month is left for a person to compute and issue.

const HANBIT_ITEMS: PayrollSettings = {
  payItems: [
    { name: '기본급', kind: 'time', sources: ['service'] },
    { name: '주휴수당', kind: 'time', sources: ['weeklyHoliday'] },
    { name: '유급휴가·휴일수당', kind: 'time', sources: ['paidLeave', 'holiday', 'officialLeave'] },
    { name: '교육수당', kind: 'time', sources: ['training'] },
    { name: '식대(비과세)', kind: 'fixed', amount: 100_000, insurable: false },
    { name: '교통비', kind: 'fixed', amount: 30_000 },
  ],
  deductionItems: [...defaultDeductionItems(0), { name: '경조회비', kind: 'other', amount: 5_000 }],
};

export const DEMO_PAYROLL: { agencyId: string; user: string; settings?: PayrollSettings }[] = [
  { agencyId: 'AG-HANBIT', user: 'agency_hanbit', settings: HANBIT_ITEMS },
  { agencyId: 'AG-NEULBOM', user: 'agency_neulbom' },
];

const staff = (userId: string, agencyId: string): Caller => ({
  userId,
  roles: ['agency'],
  grants: [{ role: 'agency', agencyId }],
  sourceIp: '127.0.0.1',
});

const payrollStep: SeedStep = {
  name: 'payroll (한빛 급여 항목, 한빛·늘봄 지난달 급여)',
  async run(ctx) {
    // the seed computes through the service as the payroll Lambda does, with the claim's figures plugged in
    plugMonthFigures(claimMonthFigures);
    const { previous } = demoMonths();
    for (const demo of DEMO_PAYROLL) {
      const agency = await getOrganisation(demo.agencyId);
      if (!agency) continue;
      const caller = staff(demo.user, demo.agencyId);
      if (demo.settings && (await getSettings(demo.agencyId)).revision === 0) {
        await saveSettings(caller, demo.agencyId, agency.branchId, demo.settings, 0);
      }
      if ((await listMonth(demo.agencyId, previous)).length > 0) continue;
      const result = await computeMonth(caller, agency, previous).catch((error: Error) => {
        // no logs last month (a fresh demo on the 1st): the screens show how to compute instead
        ctx.log(`데모 데이터: ${agency.name} ${previous} 급여를 계산하지 않았습니다 (${error.message})`);
        return undefined;
      });
      if (!result) continue;
      // issued, so the assistants see last month's slip on My page at once
      const issued = await issueMonth(caller, agency, previous);
      ctx.log(`데모 데이터: ${agency.name} ${previous} 급여 ${result.computed}명 계산, 명세서 ${issued.issued}명 발급`);
    }
  },
};

export const PAYROLL_SEED_STEPS: SeedStep[] = [payrollStep];
