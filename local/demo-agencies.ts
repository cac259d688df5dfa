import type { Caller } from '#commons/caller';
import { sha256Hex, writeDocument } from '#commons/documents';
import { bindEntity } from '#commons/entities';
import { draftAgreement, issueAgreement, stampAgreement } from '#functions/agencies/agreements';
import { Organisation, type SealItem } from '#functions/agencies/entities';
import { koreanBoldFont } from '#functions/agencies/fonts';
import { createSeal, getOrganisation, listAgreementsOfOrganisation, listSeals } from '#functions/agencies/repository';
import { sealPng } from '#functions/agencies/seal-image';
import { KEAD_SEAL_OWNER } from '#functions/agencies/seal-rules';
import { registerKeadSeal } from '#functions/agencies/seals';
import { withCheckDigit } from '#kernel/business-number';
import * as clock from '#kernel/clock';
import { demoCalendar } from './demo-calendar.ts';
import { DEMO_ACCOUNTS, DEMO_ORGANISATIONS, displayPhone } from './demo-data.ts';
import type { SeedStep } from './seed.ts';

// Demo data of the agencies capability (A1–A3), so that every screen has something to show on
// `npm start`: the organisations' contacts and business numbers, KEAD's approved seal, 한빛's approved
// seal and its agreements (last year complete, this year issued and waiting for its stamp), 늘봄's
// seal waiting for 경기지사's approval and its draft for this year. 다온직업재활협회 is left without
// seal or agreement: the tests and a first-time visitor walk the whole flow with it.

const actor = (username: string): Caller => {
  const account = DEMO_ACCOUNTS.find((a) => a.username === username);
  if (!account) throw new Error(`no demo account ${username}`);
  return { userId: account.username, roles: account.roles, grants: account.grants, sourceIp: '127.0.0.1' };
};

const DETAILS: Record<string, { businessNumber: string; fax?: string; email: string; position: string }> = {
  'AG-HANBIT': {
    businessNumber: withCheckDigit('101820101'),
    fax: '02-3150-0109',
    email: 'office@hanbit.example',
    position: '사무국장',
  },
  'AG-NEULBOM': { businessNumber: withCheckDigit('124820202'), email: 'office@neulbom.example', position: '팀장' },
  'AG-DAON': {
    businessNumber: withCheckDigit('128820303'),
    fax: '031-901-0309',
    email: 'office@daon.example',
    position: '과장',
  },
  'IN-KWEDU': { businessNumber: withCheckDigit('107820404'), email: 'edu@kwedu.example', position: '교육팀장' },
};

const organisationDetails: SeedStep = {
  name: 'organisation details (담당자, 사업자등록번호)',
  async run() {
    const entity = bindEntity(Organisation);
    for (const demo of DEMO_ORGANISATIONS) {
      const current = await getOrganisation(demo.organisationId);
      if (!current || current.contacts?.length) continue;
      const details = DETAILS[demo.organisationId];
      // the organisation's staff account holder is its contact person
      const staff = DEMO_ACCOUNTS.find((a) => a.organisationId === demo.organisationId && a.roles[0] !== 'assistant');
      if (!details || !staff) continue;
      await entity
        .put({
          ...current,
          businessNumber: details.businessNumber,
          fax: details.fax,
          email: details.email,
          contacts: [{ name: staff.name, position: details.position, phone: displayPhone(staff.phone) }],
          revision: current.revision ?? 0,
        })
        .go();
    }
  },
};

async function storeSeal(organisationId: string, lines: string[], status: SealItem['status'], requestedBy: string) {
  const organisation = await getOrganisation(organisationId);
  if (!organisation) throw new Error(`demo organisation ${organisationId} missing`);
  const bytes = sealPng({ lines, font: koreanBoldFont() });
  const sha256 = sha256Hex(bytes);
  const key = `seals/${organisationId}/1-${sha256.slice(0, 16)}.png`;
  await writeDocument(key, bytes, 'image/png');
  const now = clock.nowIso();
  const seal: SealItem = {
    organisationId,
    version: 1,
    branchId: organisation.branchId,
    organisationName: organisation.name,
    status,
    imageKey: key,
    contentType: 'image/png',
    size: bytes.length,
    sha256,
    fileName: `${organisation.name} 직인.png`,
    requestedBy,
    requestedAt: now,
    ...(status === 'approved' ? { decidedBy: 'seoul_branch', decidedAt: now } : {}),
  };
  await createSeal(actor(requestedBy), seal, {
    action: status === 'approved' ? 'seal.demoApproved' : 'seal.request',
    targetType: 'seal',
    targetId: `${organisationId}#1`,
    branchId: organisation.branchId,
  });
}

const seals: SeedStep = {
  name: 'seals (공단 직인, 한빛 승인, 늘봄 승인 요청)',
  async run() {
    if (!(await listSeals(KEAD_SEAL_OWNER)).length) {
      await registerKeadSeal(actor('hq_admin'), {
        bytes: sealPng({ lines: ['한국장애인', '고용공단', '이사장인'], font: koreanBoldFont() }),
        contentType: 'image/png',
        fileName: '한국장애인고용공단 직인.png',
      });
    }
    if (!(await listSeals('AG-HANBIT')).length) {
      await storeSeal('AG-HANBIT', ['한빛근로', '지원센터', '대표자인'], 'approved', 'agency_hanbit');
    }
    if (!(await listSeals('AG-NEULBOM')).length) {
      await storeSeal('AG-NEULBOM', ['늘봄장애인', '자립지원', '센터장인'], 'requested', 'agency_neulbom');
    }
  },
};

/** The demo's agreement terms for a year: the whole year, round figures. */
function termsFor(year: number, budget: number, assistantQuota: number, workerQuota: number) {
  return {
    periodStart: `${year}-01-01`,
    periodEnd: `${year}-12-31`,
    budget,
    assistantQuota,
    workerQuota,
    operatingCostRate: 10.49,
    specialTerms: '근로지원인 보수교육을 연 2회 이상 실시하고 그 결과를 지사에 알린다.',
  };
}

/** The year this seed calls "this year": agreement numbers in tests are computed the same way. */
export function demoAgreementYear(): number {
  return demoCalendar().agreementYear;
}

const agreements: SeedStep = {
  name: 'agreements (한빛 지난해 체결·올해 발급, 늘봄 올해 작성 중)',
  async run() {
    const year = demoAgreementYear();
    const hanbit = await getOrganisation('AG-HANBIT');
    const neulbom = await getOrganisation('AG-NEULBOM');
    if (!hanbit || !neulbom) return;
    if (!(await listAgreementsOfOrganisation('AG-HANBIT', year - 1)).length) {
      const draft = await draftAgreement(
        actor('seoul_branch'),
        hanbit,
        year - 1,
        termsFor(year - 1, 96_000_000, 10, 24),
      );
      const issued = await issueAgreement(actor('seoul_branch'), draft);
      await stampAgreement(actor('agency_hanbit'), issued);
    }
    if (!(await listAgreementsOfOrganisation('AG-HANBIT', year)).length) {
      const draft = await draftAgreement(actor('seoul_branch'), hanbit, year, termsFor(year, 120_000_000, 12, 30));
      await issueAgreement(actor('seoul_branch'), draft);
    }
    if (!(await listAgreementsOfOrganisation('AG-NEULBOM', year)).length) {
      await draftAgreement(actor('gyeonggi_branch'), neulbom, year, termsFor(year, 84_000_000, 8, 20));
    }
  },
};

/** In order: the seals need the organisations; the agreements need the seals. */
export const AGENCY_SEED_STEPS: SeedStep[] = [organisationDetails, seals, agreements];
