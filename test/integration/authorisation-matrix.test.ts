import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteSpec } from '#commons/http/route';
import { ROLES, type Role } from '#commons/roles';
import { CAPABILITIES } from '#functions/capabilities';
import * as clock from '#kernel/clock';
import { koreaDay } from '#kernel/korea-time';
import { demoActivityProbes } from '#local/demo-activity';
import { demoAgreementYear } from '#local/demo-agencies';
import { demoAttendanceProbes } from '#local/demo-attendance';
import { demoCalendar } from '#local/demo-calendar';
import { DEMO_ACCOUNTS, displayPhone } from '#local/demo-data';
import { DEMO_NOTICE_IDS, DEMO_THREAD_IDS } from '#local/demo-oversight';
import { DEMO_ASSISTANTS, demoAssistantId } from '#local/demo-people';
import { signInThroughApi } from '../support/session.ts';
import { startStack, type TestStack } from '../support/stack.ts';

/**
 * Issue 3 item 4: every route × every role, on the real local stack (API, Cognito tokens, table).
 * 1. The role gate: a role the route does not serve is refused (403), with no token 401, and a
 *    role it serves gets past the gate (any answer but 401/403).
 * 2. The scope: for each scoped route, a probe into the caller's own organisation (or own data) and
 *    one into another's; the other is always refused. Every scoped route must have its probes here —
 *    a new route without them fails this test.
 */

interface Probe {
  role: Role;
  /** as whom (demo username) */
  as: string;
  own: Request;
  other: Request;
}
interface Request {
  path: string;
  query?: Record<string, string>;
  body?: unknown;
}

const ALL_ROUTES = CAPABILITIES.flatMap((capability) => capability.routes);
const key = (route: RouteSpec) => `${route.method} ${route.path}`;

// A1–A3 (agencies): 서울지사 and 한빛 (seeded in Seoul, with an approved seal and this year's issued
// agreement) probe their own; 늘봄 (경기지사: a pending seal, a draft) is another's. Own probes that
// would change something carry a stale version, so they stop at 409 after the scope check.
const OWN_AGREEMENT = `${demoAgreementYear()}-AG-HANBIT-1`;
const OTHER_AGREEMENT = `${demoAgreementYear()}-AG-NEULBOM-1`;
const asBranch = (own: Request, other: Request): Probe => ({ role: 'branch', as: 'seoul_branch', own, other });
const asAgency = (own: Request, other: Request): Probe => ({ role: 'agency', as: 'agency_hanbit', own, other });
const onOrganisations = (suffix: string, body?: unknown) =>
  [`/organisations/AG-HANBIT${suffix}`, `/organisations/AG-NEULBOM${suffix}`].map((path) => ({ path, body }));
const onAgreements = (suffix: string, body?: unknown) =>
  [`/agreements/${OWN_AGREEMENT}${suffix}`, `/agreements/${OTHER_AGREEMENT}${suffix}`].map((path) => ({ path, body }));
const organisationProbe = (branchId: string) => ({
  kind: 'agency',
  name: '권한확인근로지원센터',
  branchId,
  representative: '권한확인',
  sidoCode: '11',
  sigunguCode: '11440',
  postalCode: '03925',
  address: '서울특별시 마포구 월드컵북로 1',
  phone: '02-000-0000',
  contacts: [{ name: '권한확인', phone: '010-0000-9999' }],
  bankName: '국민은행',
  bankAccount: '000-00-0000-999',
  bankHolder: '권한확인',
  designatedYears: [],
  revision: 999,
});
const termsProbe = {
  periodStart: `${demoAgreementYear()}-01-01`,
  periodEnd: `${demoAgreementYear()}-12-31`,
  budget: 1,
  assistantQuota: 1,
  workerQuota: 1,
  operatingCostRate: 1,
};
const AGENCY_SCOPE_PROBES: Record<string, Probe[]> = {
  'GET /organisations': [
    asBranch(
      { path: '/organisations', query: { branchId: 'BR-SEOUL' } },
      { path: '/organisations', query: { branchId: 'BR-GYEONGGI' } },
    ),
  ],
  'POST /organisations': [
    asBranch(
      { path: '/organisations', body: organisationProbe('BR-SEOUL') },
      { path: '/organisations', body: organisationProbe('BR-GYEONGGI') },
    ),
  ],
  'GET /organisations/{organisationId}': [
    asBranch(...(onOrganisations('') as [Request, Request])),
    asAgency(...(onOrganisations('') as [Request, Request])),
  ],
  'PUT /organisations/{organisationId}': [
    asBranch(...(onOrganisations('', organisationProbe('BR-SEOUL')) as [Request, Request])),
  ],
  'GET /organisations/{organisationId}/seals': [
    asBranch(...(onOrganisations('/seals') as [Request, Request])),
    asAgency(...(onOrganisations('/seals') as [Request, Request])),
  ],
  'POST /organisations/{organisationId}/seals': [
    asAgency(
      ...(onOrganisations('/seals', { uploadId: '00000000-0000-4000-8000-000000000000' }) as [Request, Request]),
    ),
  ],
  'GET /seal-requests': [
    asBranch(
      { path: '/seal-requests', query: { branchId: 'BR-SEOUL' } },
      { path: '/seal-requests', query: { branchId: 'BR-GYEONGGI' } },
    ),
  ],
  'POST /organisations/{organisationId}/seals/{version}/decision': [
    asBranch(
      ...(onOrganisations('/seals/1/decision', { decision: 'reject', reason: '권한 확인용' }) as [Request, Request]),
    ),
  ],
  'GET /agreements': [
    asBranch(
      { path: '/agreements', query: { branchId: 'BR-SEOUL' } },
      { path: '/agreements', query: { branchId: 'BR-GYEONGGI' } },
    ),
  ],
  'GET /organisations/{organisationId}/agreements': [
    asBranch(...(onOrganisations('/agreements') as [Request, Request])),
    asAgency(...(onOrganisations('/agreements') as [Request, Request])),
  ],
  'POST /agreements': [
    asBranch(
      { path: '/agreements', body: { organisationId: 'AG-HANBIT', year: demoAgreementYear(), ...termsProbe } },
      { path: '/agreements', body: { organisationId: 'AG-NEULBOM', year: demoAgreementYear(), ...termsProbe } },
    ),
  ],
  'GET /agreements/{agreementId}': [
    asBranch(...(onAgreements('') as [Request, Request])),
    asAgency(...(onAgreements('') as [Request, Request])),
  ],
  'PUT /agreements/{agreementId}': [
    asBranch(...(onAgreements('', { ...termsProbe, version: 999 }) as [Request, Request])),
  ],
  'POST /agreements/{agreementId}/issue': [
    asBranch(...(onAgreements('/issue', { version: 999 }) as [Request, Request])),
  ],
  'POST /agreements/{agreementId}/stamp': [
    asAgency(...(onAgreements('/stamp', { version: 999 }) as [Request, Request])),
  ],
  'POST /agreements/{agreementId}/return': [
    asAgency(...(onAgreements('/return', { version: 999, reason: '권한 확인용' }) as [Request, Request])),
  ],
  'POST /agreements/{agreementId}/reissue': [
    asBranch(...(onAgreements('/reissue', { version: 999 }) as [Request, Request])),
  ],
  'POST /agreements/{agreementId}/discard': [
    asBranch(...(onAgreements('/discard', { version: 999 }) as [Request, Request])),
  ],
  'GET /agreements/{agreementId}/documents/{number}': [
    asBranch(...(onAgreements('/documents/1') as [Request, Request])),
    asAgency(...(onAgreements('/documents/1') as [Request, Request])),
  ],
};

// People and matching (issue 5): probes on the demo data of local/demo-people.ts. Each "own" probe
// reaches the route's rule checks (a stale revision, a duplicate person, a finished application) so it
// proves the scope lets it through without changing the demo data; each "other" probe is refused.
const asWorker = (own: Request, other: Request): Probe => ({ role: 'worker', as: 'worker01', own, other });
const asAssistant = (own: Request, other: Request): Probe => ({ role: 'assistant', as: 'assistant01', own, other });
const pair = (own: string, other: string, suffix = '', body?: unknown): [Request, Request] => [
  { path: `${own}${suffix}`, body },
  { path: `${other}${suffix}`, body },
];
// the demo's service year (last month's): its hires, matchings and decisions are dated by it
const demoYear = demoCalendar().serviceYear;
const evaluationProbe = {
  hoursPerDay: 4,
  daysPerWeek: 5,
  monthlyHours: 80,
  startDate: `${demoYear}-01-01`,
  endDate: `${demoYear}-12-31`,
  supportType: 'T1',
};
const assistantProbe = (agencyId: string) => ({
  agencyId,
  name: '김민준',
  // assistant01's demo resident number: the own probe stops at the one-agency rule, after the scope
  rrn: '880412-1000201',
  mobilePhone: '010-0000-9999',
  hireDate: `${demoYear}-01-02`,
});
const query = (path: string, own: Record<string, string>, other: Record<string, string>): [Request, Request] => [
  { path, query: own },
  { path, query: other },
];
const matchingProbe = {
  applicationId: 'SA-DEMO-W01',
  assistantId: 'AS-DEMO-01',
  startDate: `${demoYear}-01-01`,
  endDate: `${demoYear}-12-31`,
  schedule: [{ weekday: 0, start: '09:00', end: '10:00' }],
  supportType: 'T1',
};
const postingProbe = (agencyId: string) => ({
  agencyId,
  title: '권한 확인',
  sidoCode: '11',
  area: '마포구',
  supportType: 'T1',
  workStart: '09:00',
  workEnd: '13:00',
  weeklyHours: 20,
  openings: 1,
  description: '권한 확인',
  // a closing date in the past: the own probe ends at the posting rules, after the scope
  closesOn: '2020-01-01',
});
const findingsProbe = {
  mentalIllness: 'clear',
  drugAddiction: 'clear',
  guardianship: 'clear',
  unservedSentence: 'clear',
  sexualOffence: 'clear',
};
const PEOPLE_SCOPE_PROBES: Record<string, Probe[]> = {
  'GET /service-applications': [
    asBranch(...query('/service-applications', { branchId: 'BR-SEOUL' }, { branchId: 'BR-GYEONGGI' })),
  ],
  'GET /service-applications/{applicationId}': [
    asBranch(...pair('/service-applications/SA-DEMO-W01', '/service-applications/SA-DEMO-W02')),
    asAgency(...pair('/service-applications/SA-DEMO-W01', '/service-applications/SA-DEMO-W02')),
    asWorker(...pair('/service-applications/SA-DEMO-W01', '/service-applications/SA-DEMO-W04')),
  ],
  'POST /service-applications/{applicationId}/receive': [
    asBranch(...pair('/service-applications/SA-DEMO-W01', '/service-applications/SA-DEMO-W02', '/receive')),
  ],
  'POST /service-applications/{applicationId}/evaluation': [
    asBranch(
      ...pair('/service-applications/SA-DEMO-W01', '/service-applications/SA-DEMO-W02', '/evaluation', evaluationProbe),
    ),
  ],
  // the period runs backwards: refused by the rules (422) after the scope check, nothing stored
  'PUT /service-applications/{applicationId}/copay-exemption': [
    asBranch(
      ...pair('/service-applications/SA-DEMO-W01', '/service-applications/SA-DEMO-W02', '/copay-exemption', {
        basis: 'nearPoverty',
        fromMonth: '2026-05',
        toMonth: '2026-04',
      }),
    ),
  ],
  'POST /service-applications/{applicationId}/rejection': [
    asBranch(
      ...pair('/service-applications/SA-DEMO-W01', '/service-applications/SA-DEMO-W02', '/rejection', {
        reason: '권한 확인용 사유',
      }),
    ),
  ],
  'POST /service-applications/{applicationId}/matching-request': [
    asBranch(
      ...pair('/service-applications/SA-DEMO-W01', '/service-applications/SA-DEMO-W02', '/matching-request', {
        agencyId: 'AG-HANBIT',
      }),
    ),
  ],
  'GET /matching-requests': [
    asAgency(...query('/matching-requests', { agencyId: 'AG-HANBIT' }, { agencyId: 'AG-DAON' })),
  ],
  'POST /assistants': [
    asAgency(
      { path: '/assistants', body: assistantProbe('AG-HANBIT') },
      { path: '/assistants', body: assistantProbe('AG-DAON') },
    ),
  ],
  'GET /assistants': [
    asAgency(...query('/assistants', { agencyId: 'AG-HANBIT' }, { agencyId: 'AG-DAON' })),
    asBranch(...query('/assistants', { branchId: 'BR-SEOUL' }, { branchId: 'BR-GYEONGGI' })),
    asBranch(...query('/assistants', { agencyId: 'AG-HANBIT' }, { agencyId: 'AG-NEULBOM' })),
  ],
  'GET /assistants/{assistantId}': [
    asAgency(...pair('/assistants/AS-DEMO-01', '/assistants/AS-DEMO-03')),
    asBranch(...pair('/assistants/AS-DEMO-01', '/assistants/AS-DEMO-02')),
  ],
  'POST /assistants/{assistantId}': [
    asAgency(
      ...pair('/assistants/AS-DEMO-01', '/assistants/AS-DEMO-03', '', {
        revision: 0,
        mobilePhone: '010-0000-9999',
        disability: { has: false },
        hireDate: `${demoYear - 2}-03-02`,
      }),
    ),
  ],
  'POST /assistants/{assistantId}/status': [
    asAgency(
      ...pair('/assistants/AS-DEMO-01', '/assistants/AS-DEMO-03', '/status', {
        revision: 0,
        status: 'onLeave',
        on: `${demoYear}-12-01`,
      }),
    ),
  ],
  'POST /assistants/{assistantId}/insurances': [
    asAgency(...pair('/assistants/AS-DEMO-01', '/assistants/AS-DEMO-03', '/insurances', { revision: 0 })),
  ],
  'POST /assistants/{assistantId}/qualification-checks': [
    asAgency(
      ...pair('/assistants/AS-DEMO-01', '/assistants/AS-DEMO-03', '/qualification-checks', {
        checkedOn: `${demoYear}-01-02`,
        findings: findingsProbe,
        evidenceUploadId: '00000000-0000-4000-8000-000000000000',
      }),
    ),
  ],
  'GET /assistants/{assistantId}/qualification-checks/{checkId}/evidence': [
    asAgency(
      { path: '/assistants/AS-DEMO-01/qualification-checks/5eed0000-0000-4000-8000-000000000001/evidence' },
      { path: '/assistants/AS-DEMO-03/qualification-checks/5eed0000-0000-4000-8000-000000000003/evidence' },
    ),
    asBranch(
      { path: '/assistants/AS-DEMO-01/qualification-checks/5eed0000-0000-4000-8000-000000000001/evidence' },
      { path: '/assistants/AS-DEMO-02/qualification-checks/5eed0000-0000-4000-8000-000000000002/evidence' },
    ),
  ],
  'POST /assistants/{assistantId}/rrn-reveal': [
    asAgency(...pair('/assistants/AS-DEMO-01', '/assistants/AS-DEMO-03', '/rrn-reveal', { reason: '권한 확인 시험' })),
    asBranch(...pair('/assistants/AS-DEMO-01', '/assistants/AS-DEMO-02', '/rrn-reveal', { reason: '권한 확인 시험' })),
  ],
  'GET /workforce': [
    asAgency(...query('/workforce', { agencyId: 'AG-HANBIT' }, { agencyId: 'AG-DAON' })),
    asBranch(...query('/workforce', { branchId: 'BR-SEOUL' }, { branchId: 'BR-GYEONGGI' })),
  ],
  'GET /workforce/export': [
    asAgency(...query('/workforce/export', { agencyId: 'AG-HANBIT' }, { agencyId: 'AG-DAON' })),
    asBranch(...query('/workforce/export', { branchId: 'BR-SEOUL' }, { agencyId: 'AG-NEULBOM' })),
  ],
  'POST /job-postings': [
    asAgency(
      { path: '/job-postings', body: postingProbe('AG-HANBIT') },
      { path: '/job-postings', body: postingProbe('AG-DAON') },
    ),
  ],
  'GET /job-postings': [asAgency(...query('/job-postings', { agencyId: 'AG-HANBIT' }, { agencyId: 'AG-DAON' }))],
  // the demo's third 한빛 posting is already closed: the own probe ends at "이미 마감한 구인정보입니다"
  'POST /job-postings/{postingId}/close': [
    asAgency(...pair('/job-postings/JP-DEMO-HANBIT-3', '/job-postings/JP-DEMO-DAON-1', '/close')),
  ],
  // AA-DEMO-02 is 이서연's application to 한빛, AA-DEMO-01 김민준's (assistant01) to 늘봄
  'GET /activity-applications': [
    asAgency(...query('/activity-applications', { agencyId: 'AG-HANBIT' }, { agencyId: 'AG-NEULBOM' })),
  ],
  'GET /activity-applications/{activityApplicationId}': [
    asAgency(...pair('/activity-applications/AA-DEMO-02', '/activity-applications/AA-DEMO-01')),
    asAssistant(...pair('/activity-applications/AA-DEMO-01', '/activity-applications/AA-DEMO-02')),
  ],
  'POST /activity-applications/{activityApplicationId}/decision': [
    asAgency(
      ...pair('/activity-applications/AA-DEMO-02', '/activity-applications/AA-DEMO-01', '/decision', {
        decision: 'reject',
        reason: '권한 확인',
        revision: 0,
      }),
    ),
  ],
  'POST /matchings': [
    asAgency(
      { path: '/matchings', body: matchingProbe },
      { path: '/matchings', body: { ...matchingProbe, applicationId: 'SA-DEMO-W03' } },
    ),
  ],
  'GET /matchings': [
    asAgency(...query('/matchings', { agencyId: 'AG-HANBIT' }, { agencyId: 'AG-DAON' })),
    asBranch(...query('/matchings', { branchId: 'BR-SEOUL' }, { branchId: 'BR-GYEONGGI' })),
  ],
  'POST /matchings/{matchingId}/end': [
    asAgency(
      ...pair('/matchings/MT-DEMO-01', '/matchings/MT-DEMO-06', '/end', {
        endDate: `${demoYear}-12-31`,
        reason: '권한 확인',
        revision: 0,
      }),
    ),
  ],
};

// Activity logs and consent (issue 6, C1/C2): probes on the demo month of local/demo-activity.ts.
// assistant01, worker01 and 한빛 own the first; assistant02, worker02 and 늘봄 the other. Own probes
// stop at a rule after the scope check (a stale revision, a signed round, a month without matching,
// a missing scan), so the demo data stays as it is.
const activity = demoActivityProbes();
const NO_DIGEST = '0'.repeat(64);
const entryProbe = { date: '2020-01-06', attendance: 'work', start: '09:00', end: '10:00', contentCode: 'C01' };
const onEntries = (suffix = '', body?: unknown) =>
  pair(`/activity-logs/${activity.own.entryId}`, `/activity-logs/${activity.other.entryId}`, suffix, body);
const onRounds = (suffix = '', body?: unknown) =>
  pair(`/consent-rounds/${activity.own.roundId}`, `/consent-rounds/${activity.other.roundId}`, suffix, body);
const forWorkers = (path: string, extra: Record<string, unknown>): [Request, Request] => [
  { path, body: { workerId: 'worker01', ...extra } },
  { path, body: { workerId: 'worker02', ...extra } },
];
const agencyLogs: [Request, Request] = [
  { path: '/organisations/AG-HANBIT/activity-logs', query: { month: activity.month } },
  { path: '/organisations/AG-NEULBOM/activity-logs', query: { month: activity.month } },
];
const ACTIVITY_SCOPE_PROBES: Record<string, Probe[]> = {
  'GET /activity-logs': [
    asAssistant(
      ...query(
        '/activity-logs',
        { workerId: 'worker01', month: activity.month },
        { workerId: 'worker02', month: activity.month },
      ),
    ),
  ],
  'POST /activity-logs': [asAssistant(...forWorkers('/activity-logs', entryProbe))],
  'GET /activity-logs/{entryId}': [asAssistant(...onEntries()), asWorker(...onEntries()), asAgency(...onEntries())],
  'POST /activity-logs/{entryId}': [
    asAssistant(...onEntries('', { ...entryProbe, revision: 0 })),
    asAgency(...onEntries('', { ...entryProbe, revision: 0, reason: '권한 확인' })),
  ],
  'POST /activity-logs/{entryId}/delete': [
    asAssistant(...onEntries('/delete', { revision: 0 })),
    asAgency(...onEntries('/delete', { revision: 0 })),
  ],
  'POST /consent-rounds': [asAssistant(...forWorkers('/consent-rounds', { month: '2020-01' }))],
  'POST /paper-consents': [
    asAssistant(...forWorkers('/paper-consents', { month: '2020-01', identityConfirmed: true, digest: NO_DIGEST })),
  ],
  'GET /consent-rounds/{roundId}': [asWorker(...onRounds()), asAssistant(...onRounds()), asAgency(...onRounds())],
  'POST /consent-rounds/{roundId}/sign': [
    asWorker(...onRounds('/sign', { typedName: '권한확인', agree: false, digest: NO_DIGEST })),
  ],
  'POST /consent-rounds/{roundId}/withdraw': [
    asAssistant(...onRounds('/withdraw', {})),
    asAgency(...onRounds('/withdraw', {})),
  ],
  'GET /consent-rounds/{roundId}/scan': [
    asWorker(...onRounds('/scan')),
    asAssistant(...onRounds('/scan')),
    asAgency(...onRounds('/scan')),
  ],
  'GET /activity-log-documents': [
    asAssistant(
      ...query(
        '/activity-log-documents',
        { workerId: 'worker01', month: '2020-01' },
        { workerId: 'worker02', month: '2020-01' },
      ),
    ),
    asWorker(...query('/activity-log-documents', { month: '2020-01' }, { workerId: 'worker02', month: '2020-01' })),
    asAgency(
      ...query(
        '/activity-log-documents',
        { assistantId: 'AS-DEMO-01', workerId: 'worker01', month: '2020-01' },
        { assistantId: 'AS-DEMO-02', workerId: 'worker02', month: '2020-01' },
      ),
    ),
    asBranch(
      ...query(
        '/activity-log-documents',
        { assistantId: 'AS-DEMO-01', workerId: 'worker01', month: '2020-01' },
        { assistantId: 'AS-DEMO-02', workerId: 'worker02', month: '2020-01' },
      ),
    ),
  ],
  'GET /organisations/{organisationId}/activity-logs': [asAgency(...agencyLogs), asBranch(...agencyLogs)],
};

// C5 (claims): the claim id names its agency, so scope is decided before the claim is read; the own
// probes reach the rules without changing anything (a month not over yet, a claim not started: 404).
const claimMonth = activity.month;
const onClaims = (suffix: string, body?: unknown): [Request, Request] => [
  { path: `/claims/AG-HANBIT_${claimMonth}${suffix}`, body },
  { path: `/claims/AG-NEULBOM_${claimMonth}${suffix}`, body },
];
// a month that is not over yet: refused by the rules after the scope check, so nothing is started
const startClaim: [Request, Request] = [
  { path: '/claims', body: { agencyId: 'AG-HANBIT', month: '2099-01' } },
  { path: '/claims', body: { agencyId: 'AG-NEULBOM', month: '2099-01' } },
];
// several claims in one workbook: every one must be in scope
const exportClaims: [Request, Request] = [
  { path: '/claims/export', body: { claimIds: [`AG-HANBIT_${claimMonth}`] } },
  { path: '/claims/export', body: { claimIds: [`AG-HANBIT_${claimMonth}`, `AG-NEULBOM_${claimMonth}`] } },
];
const onSettlements = (suffix: string, body?: unknown): [Request, Request] => [
  { path: `/settlements/AG-HANBIT_2026-H1${suffix}`, body },
  { path: `/settlements/AG-NEULBOM_2026-H1${suffix}`, body },
];
const CLAIM_SCOPE_PROBES: Record<string, Probe[]> = {
  'POST /claims': [asAgency(...startClaim), asBranch(...startClaim)],
  'GET /claims': [
    asAgency(...query('/claims', { agencyId: 'AG-HANBIT' }, { agencyId: 'AG-NEULBOM' })),
    asBranch(...query('/claims', { branchId: 'BR-SEOUL' }, { branchId: 'BR-GYEONGGI' })),
  ],
  'GET /claims/{claimId}': [asAgency(...onClaims('')), asBranch(...onClaims(''))],
  'GET /claims/{claimId}/export': [asAgency(...onClaims('/export')), asBranch(...onClaims('/export'))],
  'POST /claims/export': [asAgency(...exportClaims), asBranch(...exportClaims)],
  'POST /claims/{claimId}/submit': [asAgency(...onClaims('/submit'))],
  'POST /claims/{claimId}/recompute': [asAgency(...onClaims('/recompute'))],
  'POST /claims/{claimId}/decision': [asBranch(...onClaims('/decision', { action: 'approve' }))],
  'POST /claims/{claimId}/resume': [asAgency(...onClaims('/resume')), asBranch(...onClaims('/resume'))],
  'GET /claim-precheck': [
    asAgency(
      ...query(
        '/claim-precheck',
        { agencyId: 'AG-HANBIT', month: claimMonth },
        { agencyId: 'AG-NEULBOM', month: claimMonth },
      ),
    ),
    asBranch(
      ...query(
        '/claim-precheck',
        { agencyId: 'AG-HANBIT', month: claimMonth },
        { agencyId: 'AG-NEULBOM', month: claimMonth },
      ),
    ),
  ],
  'GET /copayments': [
    asAgency(...query('/copayments', { agencyId: 'AG-HANBIT' }, { agencyId: 'AG-NEULBOM' })),
    asBranch(...query('/copayments', { agencyId: 'AG-HANBIT' }, { agencyId: 'AG-NEULBOM' })),
  ],
  'POST /settlements': [
    asAgency(
      ...(['AG-HANBIT', 'AG-NEULBOM'].map((agencyId) => ({
        path: '/settlements',
        // an advance outside the period: refused by the rules after the scope check
        body: { agencyId, period: '2026-H1', advances: [{ month: '2025-01', amount: 1 }] },
      })) as [Request, Request]),
    ),
  ],
  'GET /settlements': [
    asAgency(...query('/settlements', { agencyId: 'AG-HANBIT' }, { agencyId: 'AG-NEULBOM' })),
    asBranch(...query('/settlements', { branchId: 'BR-SEOUL' }, { branchId: 'BR-GYEONGGI' })),
  ],
  'GET /settlements/{settlementId}': [asAgency(...onSettlements('')), asBranch(...onSettlements(''))],
  'POST /settlements/{settlementId}/decision': [asBranch(...onSettlements('/decision', { action: 'approve' }))],
  'POST /settlements/{settlementId}/refile': [asAgency(...onSettlements('/refile', { advances: [] }))],
  // rate corrections (issue 15 §6): a branch reads and carries within its own branch; a stale
  // version stops the own carry at 409 (or 404 without the claim) after the scope check
  'GET /rate-corrections': [
    asBranch(
      ...query(
        '/rate-corrections',
        { year: claimMonth.slice(0, 4), branchId: 'BR-SEOUL' },
        { year: claimMonth.slice(0, 4), branchId: 'BR-GYEONGGI' },
      ),
    ),
  ],
  'GET /rate-corrections/export': [
    asBranch(
      ...query(
        '/rate-corrections/export',
        { year: claimMonth.slice(0, 4), branchId: 'BR-SEOUL' },
        { year: claimMonth.slice(0, 4), branchId: 'BR-GYEONGGI' },
      ),
    ),
  ],
  'POST /rate-corrections/{claimId}/carry': [
    asBranch(
      ...pair(`/rate-corrections/AG-HANBIT_${claimMonth}`, `/rate-corrections/AG-NEULBOM_${claimMonth}`, '/carry', {
        correctedVersion: 999,
      }),
    ),
  ],
  'POST /copayments/{copayId}/payments': [
    asAgency(
      ...(['AG-HANBIT', 'AG-NEULBOM'].map((agencyId) => ({
        path: `/copayments/${agencyId}_2020-01_worker01/payments`,
        body: { date: '2020-02-01', amount: 1, method: 'cash', revision: 1 },
      })) as [Request, Request]),
    ),
  ],
};

// Attendance and comparison (issue 7, C3/C4): 한빛's demo import of last month is own, 늘봄's another's.
// Own probes stop after the scope check (a file of the wrong type, a month without an import or
// a finding), except the tolerance, which is set to its default.
const attendance = demoAttendanceProbes();
const onImports = (suffix = '') =>
  pair(`/attendance-imports/${attendance.own.importId}`, `/attendance-imports/${attendance.other.importId}`, suffix);
const onAgencies = (suffix: string, body: unknown) =>
  pair('/organisations/AG-HANBIT', '/organisations/AG-NEULBOM', suffix, body);
const agencyMonth = (suffix: string): [Request, Request] => [
  { path: `/organisations/AG-HANBIT${suffix}`, query: { month: attendance.month } },
  { path: `/organisations/AG-NEULBOM${suffix}`, query: { month: attendance.month } },
];
const ATTENDANCE_SCOPE_PROBES: Record<string, Probe[]> = {
  // own: a PDF declared as the attendance file is refused (422) after the scope check, nothing created
  'POST /organisations/{organisationId}/attendance-uploads': [
    asAgency(
      ...onAgencies('/attendance-uploads', {
        month: attendance.month,
        contentType: 'application/pdf',
        size: 10,
        fileName: 'probe.pdf',
      }),
    ),
  ],
  'GET /attendance-uploads/{uploadId}': [
    asAgency(
      ...pair(`/attendance-uploads/${attendance.own.uploadId}`, `/attendance-uploads/${attendance.other.uploadId}`, ''),
    ),
    asBranch(
      ...pair(`/attendance-uploads/${attendance.own.uploadId}`, `/attendance-uploads/${attendance.other.uploadId}`, ''),
    ),
  ],
  'GET /organisations/{organisationId}/attendance-imports': [
    asAgency(...agencyMonth('/attendance-imports')),
    asBranch(...agencyMonth('/attendance-imports')),
  ],
  'GET /attendance-imports/{importId}': [asAgency(...onImports()), asBranch(...onImports())],
  'GET /attendance-imports/{importId}/error-report': [
    asAgency(...onImports('/error-report')),
    asBranch(...onImports('/error-report')),
  ],
  'GET /organisations/{organisationId}/attendance-comparison': [
    asAgency(...agencyMonth('/attendance-comparison')),
    asBranch(...agencyMonth('/attendance-comparison')),
  ],
  'PUT /organisations/{organisationId}/attendance-settings': [
    asAgency(...onAgencies('/attendance-settings', { toleranceMinutes: 10 })),
  ],
  'POST /organisations/{organisationId}/attendance-justifications': [
    asAgency(
      ...onAgencies('/attendance-justifications', {
        month: '2020-01',
        findingId: 'none',
        reason: '권한 확인입니다',
      }),
    ),
  ],
  'POST /organisations/{organisationId}/attendance-submissions': [
    asAgency(...onAgencies('/attendance-submissions', { month: '2020-01' })),
  ],
};

// Payroll (D2): 한빛's own, 늘봄's another's. Own probes stop at the rules without changing anything
// (a month not over yet, a payroll that does not exist, item settings that pay no time: 422).
const onPayroll = (suffix: string, body?: unknown): [Request, Request] => [
  { path: `/payroll/AG-HANBIT_2020-01_AS-DEMO-01${suffix}`, body },
  { path: `/payroll/AG-NEULBOM_2020-01_AS-DEMO-02${suffix}`, body },
];
const payrollMonth = (suffix: string): [Request, Request] => [
  { path: `/organisations/AG-HANBIT${suffix}`, query: { month: '2020-01' } },
  { path: `/organisations/AG-NEULBOM${suffix}`, query: { month: '2020-01' } },
];
// the rows picked on the list: nothing of 2020 exists, so the own probe stops at 404 after the scope
const pickedPayroll = pair('/organisations/AG-HANBIT', '/organisations/AG-NEULBOM', '/payroll/export', {
  month: '2020-01',
  payrollIds: ['AG-HANBIT_2020-01_AS-NONE'],
});
const PAYROLL_SCOPE_PROBES: Record<string, Probe[]> = {
  'GET /organisations/{organisationId}/payroll-settings': [
    asAgency(...pair('/organisations/AG-HANBIT', '/organisations/AG-NEULBOM', '/payroll-settings')),
    asBranch(...pair('/organisations/AG-HANBIT', '/organisations/AG-NEULBOM', '/payroll-settings')),
  ],
  'PUT /organisations/{organisationId}/payroll-settings': [
    asAgency(
      ...pair('/organisations/AG-HANBIT', '/organisations/AG-NEULBOM', '/payroll-settings', {
        payItems: [],
        deductionItems: [],
        revision: 999,
      }),
    ),
  ],
  'GET /organisations/{organisationId}/payroll': [
    asAgency(...payrollMonth('/payroll')),
    asBranch(...payrollMonth('/payroll')),
  ],
  'POST /organisations/{organisationId}/payroll': [
    asAgency(...pair('/organisations/AG-HANBIT', '/organisations/AG-NEULBOM', '/payroll', { month: '2099-01' })),
  ],
  'POST /organisations/{organisationId}/payroll/issue': [
    asAgency(...pair('/organisations/AG-HANBIT', '/organisations/AG-NEULBOM', '/payroll/issue', { month: '2020-01' })),
  ],
  'GET /organisations/{organisationId}/payroll/export': [
    asAgency(...payrollMonth('/payroll/export')),
    asBranch(...payrollMonth('/payroll/export')),
  ],
  'POST /organisations/{organisationId}/payroll/export': [asAgency(...pickedPayroll), asBranch(...pickedPayroll)],
  'GET /payroll/{payrollId}': [asAgency(...onPayroll('')), asBranch(...onPayroll(''))],
  'POST /payroll/{payrollId}/items': [
    asAgency(
      ...onPayroll('/items', { list: 'pay', index: 0, adjustment: { amount: 1, reason: '권한 확인' }, revision: 999 }),
    ),
  ],
  // the registration named in the id decides: assistant01's own, assistant02's another's
  'GET /me/pay-slips/{payrollId}': [
    asAssistant(...pair('/me/pay-slips/AG-HANBIT_2020-01_AS-DEMO-01', '/me/pay-slips/AG-NEULBOM_2020-01_AS-DEMO-02')),
  ],
};

// Annual leave (D1): 한빛's assistant01 is own, 늘봄's assistant02 another's. Own probes stop at the
// rules without changing anything (a stale setting version, a notice not on offer, a day without
// leave, a notice that does not exist: the id names its assistant, so scope comes first).
const onLeave = (suffix: string, body?: unknown) =>
  pair('/leave/assistants/AS-DEMO-01', '/leave/assistants/AS-DEMO-02', suffix, body);
const onLeaveNotice = (suffix: string, body?: unknown) =>
  pair('/leave/notices/LN-AS-DEMO-01-20200101-1', '/leave/notices/LN-AS-DEMO-02-20200101-1', suffix, body);
const LEAVE_SCOPE_PROBES: Record<string, Probe[]> = {
  'GET /leave': [
    asAgency(...query('/leave', { agencyId: 'AG-HANBIT' }, { agencyId: 'AG-NEULBOM' })),
    asBranch(...query('/leave', { agencyId: 'AG-HANBIT' }, { agencyId: 'AG-NEULBOM' })),
  ],
  'GET /leave/assistants/{assistantId}': [asAgency(...onLeave('')), asBranch(...onLeave(''))],
  'PUT /leave/assistants/{assistantId}/profile': [
    asAgency(...onLeave('/profile', { weeklyContractMinutes: 2400, basis: 'hireDate', revision: 999 })),
  ],
  'POST /leave/assistants/{assistantId}/notices': [asAgency(...onLeave('/notices', { noticeId: 'LN-none' }))],
  'PUT /leave/assistants/{assistantId}/excess-reasons/{date}': [
    asAgency(...onLeave('/excess-reasons/2020-01-06', { reason: '권한 확인입니다', revision: 999 })),
  ],
  'GET /leave/notices/{noticeId}/pdf': [
    asAgency(...onLeaveNotice('/pdf')),
    asBranch(...onLeaveNotice('/pdf')),
    asAssistant(...onLeaveNotice('/pdf')),
  ],
  'POST /leave/notices/{noticeId}/answer': [asAssistant(...onLeaveNotice('/answer', { revision: 1 }))],
};

// Training (E1): 한국근로지원인교육원 (trainer_kwedu, 서울지사) is own; 한울직업교육원 (경기, seeded by the
// training demo) another's. Own probes stop after the scope check without changing anything (sessions
// ending before they start: 422; a stale revision: 409).
const asTrainer = (own: Request, other: Request): Probe => ({ role: 'trainer', as: 'trainer_kwedu', own, other });
const courseProbe = (institutionId: string) => ({
  institutionId,
  name: '권한 확인 교육',
  kind: 'initial',
  method: 'classroom',
  sidoCode: '11',
  sigunguCode: '11560',
  place: '서울특별시 영등포구 권한확인로 1',
  sessions: [{ day: '2099-01-05', start: '12:00', end: '09:00' }],
  capacity: 1,
  applyFrom: '2099-01-01',
  applyTo: '2099-01-02',
  contactName: '권한확인',
  contactPhone: '02-000-0000',
});
const TRAINING_SCOPE_PROBES: Record<string, Probe[]> = {
  'POST /training/courses': [
    asTrainer(
      { path: '/training/courses', body: courseProbe('IN-KWEDU') },
      { path: '/training/courses', body: courseProbe('IN-HANUL') },
    ),
  ],
  'POST /training/courses/{courseId}/status': [
    asTrainer(
      ...pair('/training/courses/TC-DEMO-OPEN', '/training/courses/TC-DEMO-HANUL', '/status', {
        to: 'closed',
        revision: 999,
      }),
    ),
  ],
  'GET /training/courses': [
    asTrainer(...query('/training/courses', { institutionId: 'IN-KWEDU' }, { institutionId: 'IN-HANUL' })),
    asBranch(...query('/training/courses', { branchId: 'BR-SEOUL' }, { branchId: 'BR-GYEONGGI' })),
  ],
  'GET /training/courses/{courseId}/applications': [
    asTrainer(...pair('/training/courses/TC-DEMO-FULL', '/training/courses/TC-DEMO-HANUL', '/applications')),
    asBranch(...pair('/training/courses/TC-DEMO-FULL', '/training/courses/TC-DEMO-HANUL', '/applications')),
  ],
  'GET /training/courses/{courseId}/applications/export': [
    asTrainer(...pair('/training/courses/TC-DEMO-FULL', '/training/courses/TC-DEMO-HANUL', '/applications/export')),
    asBranch(...pair('/training/courses/TC-DEMO-FULL', '/training/courses/TC-DEMO-HANUL', '/applications/export')),
  ],
  'POST /training/applications/{applicationId}/decision': [
    asTrainer(
      ...pair('/training/applications/TA-DEMO-04', '/training/applications/TA-DEMO-10', '/decision', {
        decision: 'accept',
        revision: 999,
      }),
    ),
  ],
  // TA-DEMO-07 is a trainee of 한국근로지원인교육원's finished course, TA-DEMO-10 한울's applicant
  'PUT /training/applications/{applicationId}/result': [
    asTrainer(
      ...pair('/training/applications/TA-DEMO-07', '/training/applications/TA-DEMO-10', '/result', {
        attendedDays: [],
        revision: 999,
      }),
    ),
  ],
  'PUT /training/applications/{applicationId}/result-correction': [
    asTrainer(
      ...pair('/training/applications/TA-DEMO-07', '/training/applications/TA-DEMO-10', '/result-correction', {
        attendedDays: [],
        reason: '권한 확인',
        revision: 999,
      }),
    ),
  ],
  'GET /training/courses/{courseId}/results': [
    asTrainer(...pair('/training/courses/TC-DEMO-DONE', '/training/courses/TC-DEMO-HANUL', '/results')),
    asBranch(...pair('/training/courses/TC-DEMO-DONE', '/training/courses/TC-DEMO-HANUL', '/results')),
  ],
  'POST /training/courses/{courseId}/results/confirm': [
    asTrainer(
      ...pair('/training/courses/TC-DEMO-DONE', '/training/courses/TC-DEMO-HANUL', '/results/confirm', {
        revision: 999,
      }),
    ),
  ],
  'GET /training/completers': [
    asAgency(...query('/training/completers', { agencyId: 'AG-HANBIT' }, { agencyId: 'AG-NEULBOM' })),
  ],
  // TA-DEMO-03 is assistant01's, TA-DEMO-04 assistant02's (local/demo-training.ts)
  'POST /me/training-applications/{applicationId}/cancel': [
    asAssistant(
      ...pair('/me/training-applications/TA-DEMO-03', '/me/training-applications/TA-DEMO-04', '/cancel', {
        revision: 999,
      }),
    ),
  ],
  // the own one has no certificate (400 after the scope), the other's is refused
  'GET /me/training-applications/{applicationId}/certificate': [
    asAssistant(
      ...pair('/me/training-applications/TA-DEMO-03', '/me/training-applications/TA-DEMO-04', '/certificate'),
    ),
  ],
};

// F2 (oversight): 서울지사's notice to its agencies is 서울지사's and 한빛's own; 경기지사's notice to
// its agencies is another's. The own edit carries a stale updatedAt, so it stops at 409 after the scope.
const onNotice = (suffix: string, body?: unknown) =>
  pair(`/notices/${DEMO_NOTICE_IDS.seoulInspection}`, `/notices/${DEMO_NOTICE_IDS.gyeonggiMeeting}`, suffix, body);
const onThread = (suffix: string, body?: unknown) =>
  pair(`/board-threads/${DEMO_THREAD_IDS.seoulOpen}`, `/board-threads/${DEMO_THREAD_IDS.gyeonggiOpen}`, suffix, body);
const noticeEdit = { title: '권한 확인 공지', body: '권한 확인', pinned: false, requiresAck: true, updatedAt: 'stale' };
const noticeProbe = (audienceBranchId: string) => ({
  path: '/notices',
  body: {
    kind: 'notice',
    title: '권한 확인 공지',
    body: '권한 확인',
    audience: 'branchAgencies',
    audienceBranchId,
    pinned: false,
    requiresAck: false,
  },
});
const OVERSIGHT_SCOPE_PROBES: Record<string, Probe[]> = {
  'GET /notices/{noticeId}': [asAgency(...onNotice('')), asBranch(...onNotice(''))],
  'PUT /notices/{noticeId}': [asBranch(...onNotice('', noticeEdit))],
  'POST /notices': [asBranch(noticeProbe('BR-SEOUL'), noticeProbe('BR-GYEONGGI'))],
  'POST /notices/{noticeId}/acknowledge': [asAgency(...onNotice('/acknowledge'))],
  'GET /notices/{noticeId}/acknowledgements': [asBranch(...onNotice('/acknowledgements'))],
  // the staff board: a Seoul thread is 서울지사's and 한빛's own, a Gyeonggi thread another's
  'GET /board-threads': [asBranch(...query('/board-threads', { branchId: 'BR-SEOUL' }, { branchId: 'BR-GYEONGGI' }))],
  'POST /board-threads': [
    asBranch(
      { path: '/board-threads', body: { title: '권한 확인 질문', body: '권한 확인', organisationId: 'AG-HANBIT' } },
      { path: '/board-threads', body: { title: '권한 확인 질문', body: '권한 확인', organisationId: 'AG-NEULBOM' } },
    ),
  ],
  'GET /board-threads/{threadId}': [asAgency(...onThread('')), asBranch(...onThread(''))],
  'POST /board-threads/{threadId}/posts': [
    asAgency(...onThread('/posts', { body: '권한 확인' })),
    asBranch(...onThread('/posts', { body: '권한 확인' })),
  ],
};

/** Scope probes per route. Routes that touch only the caller's own login need none (listed below). */
// Issue 15 §3: the internal system's read-only views of every agency in scope (branch and hq only):
// a branch names its own branch or one of its agencies; another branch's or agency's is refused.
const overview = (path: string, period: Record<string, string>): Probe[] => [
  asBranch(...query(path, { branchId: 'BR-SEOUL', ...period }, { branchId: 'BR-GYEONGGI', ...period })),
  asBranch(...query(path, { agencyId: 'AG-HANBIT', ...period }, { agencyId: 'AG-NEULBOM', ...period })),
];
const VIEWS_SCOPE_PROBES: Record<string, Probe[]> = {
  'GET /activity-log-overview': overview('/activity-log-overview', { month: activity.month }),
  'GET /attendance-comparison-overview': overview('/attendance-comparison-overview', { month: activity.month }),
  'GET /leave-overview': overview('/leave-overview', { year: activity.month.slice(0, 4) }),
  'GET /payroll-overview': overview('/payroll-overview', { month: activity.month }),
};

const SCOPE_PROBES: Record<string, Probe[]> = {
  ...VIEWS_SCOPE_PROBES,
  ...AGENCY_SCOPE_PROBES,
  ...PEOPLE_SCOPE_PROBES,
  ...ACTIVITY_SCOPE_PROBES,
  ...ATTENDANCE_SCOPE_PROBES,
  ...CLAIM_SCOPE_PROBES,
  ...PAYROLL_SCOPE_PROBES,
  ...LEAVE_SCOPE_PROBES,
  ...TRAINING_SCOPE_PROBES,
  ...OVERSIGHT_SCOPE_PROBES,
  'GET /staff-requests': [
    {
      role: 'branch',
      as: 'seoul_branch',
      own: { path: '/staff-requests', query: { branchId: 'BR-SEOUL' } },
      other: { path: '/staff-requests', query: { branchId: 'BR-GYEONGGI' } },
    },
  ],
  'POST /staff-requests/{userId}/decision': [
    {
      role: 'branch',
      as: 'seoul_branch',
      // probe requests are seeded below: one for a Seoul agency, one for a Gyeonggi agency
      own: { path: '/staff-requests/probe_seoul/decision', body: { decision: 'reject', reason: '권한 확인용' } },
      other: { path: '/staff-requests/probe_gyeonggi/decision', body: { decision: 'reject', reason: '권한 확인용' } },
    },
  ],
  'GET /audit': [
    {
      role: 'branch',
      as: 'seoul_branch',
      own: { path: '/audit', query: { from: '2026-01-01', to: '2026-01-02' } },
      // branch staff cannot widen their search to another branch: results are filtered, so the
      // probe checks that nothing of another branch comes back (asserted separately below)
      other: { path: '/audit', query: { from: '2026-01-01', to: '2026-01-02' } },
    },
  ],
};

/** Routes whose data is the caller's own login or upload, checked inside the route; no org scope. */
const OWN_ONLY: Record<string, string> = {
  'GET /me': 'reads the caller’s own profile',
  'POST /me/withdraw': 'withdraws the caller’s own login',
  'PUT /me/name': 'changes the caller’s own name',
  'POST /me/phone': 'sends a code to the caller’s own new phone',
  'POST /me/phone/confirm': 'changes the caller’s own phone after its code',
  'POST /auth/sign-out': 'ends the caller’s own session',
  'POST /files/uploads': 'creates an upload owned by the caller',
  'POST /files/uploads/{uploadId}/complete': 'completes only an upload the caller owns (403 otherwise, unit-tested)',
  'POST /branch-staff': 'hq only; hq has no organisation scope',
  'GET /kead-seal': 'KEAD’s own seal: every hq and branch staff member sees it; it belongs to no organisation',
  'POST /kead-seal': 'hq only; hq has no organisation scope',
  'GET /rate-tables/{year}': 'rate tables are national: every staff role of the route reads the same table',
  'GET /rate-tables/{year}/versions/{version}': 'rate tables are national',
  'GET /rate-tables/{year}/latest-version': 'rate tables are national',
  'POST /rate-tables/{year}/versions': 'hq only; hq has no organisation scope',
  'GET /me/copayments': 'lists the caller’s own co-payments (scope: own login)',
  'GET /me/leave': 'the leave of the caller’s own registrations (scope: own login)',
  'GET /me/copayments/statement': 'the caller’s own co-payment statement (scope: own login)',
  'GET /me/pay-slips': 'lists the pay slips of the caller’s own registrations (scope: own login)',
  'POST /claims/schedule':
    'hq only (starts every agency’s month, as the scheduled rule does); hq has no organisation scope',
  'POST /service-applications': 'creates the caller’s own application (scope: own userId)',
  'GET /me/service-applications': 'lists the caller’s own applications',
  'POST /activity-applications': 'creates the caller’s own activity application (scope: own userId)',
  'GET /me/activity-applications': 'lists the caller’s own activity applications',
  'GET /me/matchings': 'lists the caller’s own service history',
  'GET /me/activity-workers': 'lists the caller’s own matched workers (scope: own login)',
  'GET /me/hours-meters':
    'the caller’s own remaining hours, or those of the workers of the caller’s own matchings (scope: own login)',
  'GET /me/consent-rounds': 'lists the consent requests sent to the caller (scope: own login)',
  'POST /training/courses/{courseId}/applications': 'creates the caller’s own training application (scope: own userId)',
  'GET /me/training-applications': 'lists the caller’s own training applications',
  'GET /page-feedback': 'hq only; hq has no organisation scope (the answers are anonymous)',
  'GET /me/inbox': 'lists the caller’s own staff inbox (keyed by the caller’s login ID)',
  'GET /me/inbox/unread-count': 'counts the caller’s own unread messages',
  'POST /me/inbox/{messageId}/read': 'marks a message of the caller’s own inbox (another’s id is not found there)',
  'POST /me/inbox/read-all': 'marks the caller’s own inbox read',
  'GET /notices':
    'lists only the notices meant for the caller’s organisation (filtered by audience; test/integration/oversight.test.ts)',
};

function accountFor(role: Role) {
  const account = DEMO_ACCOUNTS.find((a) => a.roles[0] === role);
  if (!account) throw new Error(`no demo account for ${role}`);
  return account;
}

function urlOf(stack: TestStack, request: Request): string {
  const url = new URL(`${stack.apiUrl}${request.path}`);
  for (const [name, value] of Object.entries(request.query ?? {})) url.searchParams.set(name, value);
  return url.toString();
}

function samplePath(route: RouteSpec): string {
  return route.path.replace(/\{(\w+)\}/g, (_m, name: string) =>
    name === 'uploadId' ? '00000000-0000-4000-8000-000000000000' : `probe_${name}`,
  );
}

/**
 * The people the programmes serve (assistants, workers, youth, job seekers), with what identifies them in
 * an answer (name, mobile number in three spellings, resident number, login id as a JSON value) and the
 * ids an audit record may name them by. Staff names (branch officers, agency clerks) are work contacts,
 * not the subjects of the programmes, and are left out.
 */
const SERVED_ROLES: Role[] = ['assistant', 'worker', 'youth', 'jobseeker'];
const SERVED_PEOPLE = DEMO_ACCOUNTS.filter((account) => account.roles.some((role) => SERVED_ROLES.includes(role))).map(
  (account) => {
    const rrn = DEMO_ASSISTANTS.find((assistant) => assistant.username === account.username)?.rrn;
    const markers = [
      account.name,
      displayPhone(account.phone),
      displayPhone(account.phone).replace(/-/g, ''),
      `"${account.username}"`,
      ...(rrn ? [rrn, rrn.replace('-', '')] : []),
    ];
    const ids = [account.username, ...(account.roles.includes('assistant') ? [demoAssistantId(account.username)] : [])];
    return { username: account.username, markers, ids };
  },
);

/** The served people, other than the caller, whose personal data an answer carries. */
function peopleIn(answer: Answer): typeof SERVED_PEOPLE {
  if (answer.status >= 300 || answer.json === undefined) return [];
  const text = JSON.stringify(answer.json);
  return SERVED_PEOPLE.filter(
    (person) => person.username !== answer.as && person.markers.some((marker) => text.includes(marker)),
  );
}

let stack: TestStack;
const tokens = new Map<string, string>();

/** One answer of the run, kept for the checks that read what came back (response schemas, audit). */
interface Answer {
  route: RouteSpec;
  /** demo username of the caller, or undefined without a token */
  as: string | undefined;
  url: string;
  status: number;
  /** the parsed body when the answer is JSON */
  json: unknown;
  /** when the request was sent (ISO), to find the audit records it wrote */
  sentAt: string;
}
const answers: Answer[] = [];
const routeByKey = new Map(ALL_ROUTES.map((route) => [key(route), route]));

async function call(route: RouteSpec, url: string, as: string | undefined, body?: unknown): Promise<number> {
  const token = as ? tokens.get(as) : undefined;
  const sentAt = clock.nowIso();
  const res = await fetch(url, {
    method: route.method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: route.method === 'GET' ? undefined : JSON.stringify(body ?? {}),
  });
  const text = Buffer.from(await res.arrayBuffer()).toString('utf8');
  const json = (res.headers.get('content-type') ?? '').includes('json') ? JSON.parse(text) : undefined;
  answers.push({ route, as, url, status: res.status, json, sentAt });
  return res.status;
}

beforeAll(async () => {
  stack = await startStack();
  for (const role of ROLES) {
    const account = accountFor(role);
    tokens.set(account.username, await signInThroughApi(stack, account.username));
  }
  // two pending staff requests in different branches, for the decision probes
  const { seedStaffRequestProbes } = await import('../support/probes.ts');
  await seedStaffRequestProbes(stack);
}, 240_000);

afterAll(async () => {
  await stack?.stop();
});

describe('authorisation matrix (every route × every role)', () => {
  it('covers every non-public route with scope probes or a stated reason', () => {
    const scoped = ALL_ROUTES.filter((route) => route.access !== 'public');
    const missing = scoped.map(key).filter((k) => !(k in SCOPE_PROBES) && !(k in OWN_ONLY));
    expect(missing, 'add scope probes for these routes').toEqual([]);
  });

  const cases = ALL_ROUTES.filter((route) => route.access !== 'public').flatMap((route) =>
    ROLES.map((role) => [key(route), role, route] as const),
  );

  it.each(cases)('%s as %s: the role gate decides', async (_key, role, route) => {
    const username = accountFor(role).username;
    const status = await call(route, `${stack.apiUrl}${samplePath(route)}`, username, {});
    // signing out ends every token of the person: sign in again for the routes after it
    if (key(route) === 'POST /auth/sign-out') tokens.set(username, await signInThroughApi(stack, username));
    const served = route.access === 'signedIn' || (route.access !== 'public' && route.access.roles.includes(role));
    if (served) expect([401, 403]).not.toContain(status);
    else expect(status).toBe(403);
  });

  it.each(ALL_ROUTES.filter((route) => route.access !== 'public').map((route) => [key(route), route] as const))(
    '%s without a token is 401',
    async (_key, route) => {
      expect(await call(route, `${stack.apiUrl}${samplePath(route)}`, undefined, {})).toBe(401);
    },
  );

  const probes = Object.entries(SCOPE_PROBES).flatMap(([routeKey, list]) =>
    list.map((probe) => [routeKey, probe.role, probe] as const),
  );

  it.each(probes)('%s as %s: own scope allowed, another organisation refused', async (routeKey, _role, probe) => {
    const route = routeByKey.get(routeKey)!;
    const own = await call(route, urlOf(stack, probe.own), probe.as, probe.own.body);
    expect([401, 403]).not.toContain(own);
    if (routeKey === 'GET /audit') return; // checked by the filtering test below
    const other = await call(route, urlOf(stack, probe.other), probe.as, probe.other.body);
    expect(other).toBe(403);
  });

  it('branch audit search returns only that branch’s records', async () => {
    const today = clock.today();
    const res = await fetch(urlOf(stack, { path: '/audit', query: { from: today, to: today } }), {
      headers: { authorization: `Bearer ${tokens.get('seoul_branch')}` },
    });
    expect(res.status).toBe(200);
    const { items } = (await res.json()) as { items: { branchId?: string }[] };
    // the probes above decided a Seoul request, which was audited with BR-SEOUL
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((item) => item.branchId === 'BR-SEOUL')).toBe(true);
  });
  it('every answer that carries another person’s personal data wrote an audit record naming that person', async () => {
    // each answer's records lie between its request and the next one (the run is sequential)
    const readers = [...new Set(answers.filter((answer) => peopleIn(answer).length > 0).map((a) => a.as!))];
    expect(readers.length, 'the run reads some personal data').toBeGreaterThan(0);
    const first = answers[0]!.sentAt;
    const records = new Map<string, { at: string; subjectId: string; subjectIds?: string[] }[]>();
    for (const actor of readers) {
      const res = await fetch(
        urlOf(stack, {
          path: '/audit',
          query: { actor, from: koreaDay(new Date(first)), to: clock.today() },
        }),
        { headers: { authorization: `Bearer ${tokens.get('hq_admin')}` } },
      );
      expect(res.status).toBe(200);
      records.set(actor, ((await res.json()) as { items: never[] }).items);
    }
    const unaudited: string[] = [];
    answers.forEach((answer, index) => {
      const until = answers[index + 1]?.sentAt ?? '9999';
      for (const person of peopleIn(answer)) {
        const named = (records.get(answer.as!) ?? []).some(
          (record) =>
            record.at >= answer.sentAt &&
            record.at < until &&
            person.ids.some((id) => record.subjectId === id || record.subjectIds?.includes(id)),
        );
        if (!named) unaudited.push(`${key(answer.route)} as ${answer.as}: ${person.username} (${answer.url})`);
      }
    });
    expect([...new Set(unaudited)], 'reads of another person’s personal data without an audit record').toEqual([]);
  });

  it('every 2xx JSON answer of the run matches its route’s declared response schema', () => {
    const checked = answers.filter(
      (answer) => answer.status >= 200 && answer.status < 300 && answer.json !== undefined,
    );
    expect(checked.length).toBeGreaterThan(0);
    const failures = checked.flatMap((answer) => {
      const schema = answer.route.response;
      // a route without a schema is caught by test/unit/http/route-declarations.test.ts; files have no JSON
      if (!schema || !('safeParse' in schema)) return [];
      const result = schema.safeParse(answer.json);
      if (result.success) return [];
      const issues = result.error.issues.map((issue) => `  ${issue.path.join('.') || '(body)'}: ${issue.message}`);
      return [`${key(answer.route)} as ${answer.as ?? '(no token)'} (${answer.url})\n${issues.join('\n')}`];
    });
    expect(failures, failures.join('\n\n')).toEqual([]);
  });
});
