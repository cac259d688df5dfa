import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '#commons/roles';
import { shiftDay } from '#kernel/korea-time';
import {
  actionLabel,
  filtersFromSearch,
  hrefFor,
  roleLabel,
  subjectsLabel,
} from '../../../web/src/audit/audit-state.ts';
import { controlFor, fieldName, problemsOf } from '../../../web/src/components/form-problems.ts';
import { findItem, findSection, type MenuItem, trail, visibleTo } from '../../../web/src/components/menu.ts';
import { modal } from '../../../web/src/components/modal.ts';
import { sessionBar } from '../../../web/src/components/session-bar.ts';
import { koreanDateTime, todayInKorea } from '../../../web/src/core/dates.ts';
import { SIGN_UP_FIELD_IDS, stepOfField } from '../../../web/src/identity/signup-page.ts';
import { PLEDGE_ACCEPT, pledgeContentType, pledgeProblem } from '../../../web/src/identity/staff-pledge.ts';
import { branchToShow } from '../../../web/src/identity/staff-requests-page.ts';
import { afterSignIn, loginHref, pageAccess } from '../../../web/src/shell/access.ts';
import {
  AGENCY,
  canUse,
  homeSystemOf,
  INTERNAL,
  PORTAL,
  systemForPath,
  type Viewer,
  YOUTH_PROGRAM,
} from '../../../web/src/shell/systems.ts';

const viewer = (...roles: Role[]): Viewer => ({
  signedIn: true,
  name: '홍길동',
  roles,
  grants: roles.map((role) => ({ role, label: role, ...(role === 'branch' ? { branchId: 'BR-GYEONGGI' } : {}) })),
});

const labels = (items: readonly MenuItem[]): string[] =>
  items.flatMap((item) => [item.label, ...labels(item.children ?? [])]);

describe('systems and role menus (issue 3 §7)', () => {
  it('sends every role to its work system after sign-in', () => {
    const homes = Object.fromEntries(ROLES.map((role) => [role, homeSystemOf(viewer(role)).homeHref]));
    expect(homes).toEqual({
      hq: '/internal',
      branch: '/internal',
      agency: '/agency',
      trainer: '/agency',
      assistant: '/',
      worker: '/',
      operator: '/youth-program',
      center: '/youth-program',
      youth: '/',
      jobseeker: '/',
      employer: '/',
    });
    // a worker who is also agency staff goes to work first
    expect(homeSystemOf(viewer('worker', 'agency')).id).toBe('agency');
  });

  it('shows each role its own items and hides the others', () => {
    const menu = (system: typeof PORTAL, ...roles: Role[]) => labels(system.menu(viewer(...roles)));
    expect(menu(INTERNAL, 'hq')).toEqual(
      expect.arrayContaining(['지사 담당자 계정 만들기', '개인정보 처리 기록 조회']),
    );
    expect(menu(INTERNAL, 'branch')).toContain('기관 담당자 계정 승인');
    expect(menu(INTERNAL, 'branch')).not.toContain('지사 담당자 계정 만들기');
    expect(menu(AGENCY, 'agency')).toContain('사업비 신청');
    expect(menu(AGENCY, 'agency')).not.toContain('교육과정 개설');
    expect(menu(AGENCY, 'trainer')).toEqual(expect.arrayContaining(['교육과정 개설', '기관 정보']));
    expect(menu(AGENCY, 'trainer')).not.toContain('직인 관리');
    expect(menu(YOUTH_PROGRAM, 'center')).toContain('수료증 발급 승인');
    expect(menu(YOUTH_PROGRAM, 'operator')).not.toContain('수료증 발급 승인');
    expect(menu(PORTAL, 'assistant')).toContain('근로지원인 급여명세서');
    expect(menu(PORTAL, 'assistant')).not.toContain('본인 부담금');
    expect(menu(PORTAL, 'worker')).toContain('본인 부담금');
    expect(menu(PORTAL, 'jobseeker')).toContain('구직 등록');
    expect(menu(PORTAL, 'employer')).toEqual(expect.arrayContaining(['구인 공고 등록', '장애인 인턴제']));
    expect(menu(PORTAL, 'youth')).toContain('수료증 신청');
    // nobody signed in sees no work-system menu
    expect(AGENCY.menu({ signedIn: false })).toEqual([]);
  });

  it('leaves out a section whose pages are all for other roles', () => {
    const items: MenuItem[] = [
      { id: 'a', label: 'A', href: '/a', children: [{ id: 'a1', label: 'A1', href: '/a/1', roles: ['hq'] }] },
      { id: 'b', label: 'B', href: '/b', children: [{ id: 'b1', label: 'B1', href: '/b/1' }] },
    ];
    expect(visibleTo(items, ['branch']).map((i) => i.id)).toEqual(['b']);
    expect(visibleTo(items, ['hq']).map((i) => i.id)).toEqual(['a', 'b']);
  });

  it('names a page shared by a section and its first item after the item (title and breadcrumb)', () => {
    const menu = AGENCY.menu(viewer('agency'));
    expect(findItem(menu, '/agency/claims')?.label).toBe('사업비 신청');
    expect(trail(menu, '/agency/claims').map((i) => i.label)).toEqual(['사업비', '사업비 신청']);
    expect(findSection(menu, '/agency/claims')?.label).toBe('사업비');
  });

  it('finds the system of a path, and who may use it', () => {
    expect(systemForPath('/agency/claims').id).toBe('agency');
    expect(systemForPath('/agency').id).toBe('agency');
    expect(systemForPath('/agencyx').id).toBe('portal');
    expect(systemForPath('/internal/audit').id).toBe('internal');
    expect(systemForPath('/youth-program/programs').id).toBe('youth');
    expect(systemForPath('/youth').id).toBe('portal');
    expect(canUse(INTERNAL, viewer('branch'))).toBe(true);
    expect(canUse(INTERNAL, viewer('agency'))).toBe(false);
    expect(canUse(PORTAL, viewer('agency'))).toBe(true);
    expect(canUse(PORTAL, { signedIn: false })).toBe(false);
  });
});

describe('page access in the browser', () => {
  const at = (pathname: string, search = '') => ({ pathname, search });

  it('asks for sign-in on work-system pages and own pages, coming back afterwards', () => {
    expect(pageAccess(INTERNAL, undefined, { signedIn: false }, at('/internal/audit', '?from=2026-01-01'))).toEqual({
      kind: 'signIn',
      href: '/internal/login?next=%2Finternal%2Faudit%3Ffrom%3D2026-01-01',
    });
    expect(pageAccess(PORTAL, undefined, { signedIn: false }, at('/my/copayments')).kind).toBe('signIn');
    expect(pageAccess(PORTAL, undefined, { signedIn: false }, at('/work-assistant/apply')).kind).toBe('ok');
    expect(pageAccess(AGENCY, { public: true }, { signedIn: false }, at('/agency/account-request')).kind).toBe('ok');
    expect(pageAccess(AGENCY, undefined, { signedIn: false }, at('/agency/login')).kind).toBe('ok');
  });

  it('refuses a page to a signed-in person whose roles do not reach it', () => {
    expect(pageAccess(INTERNAL, undefined, viewer('agency'), at('/internal')).kind).toBe('forbidden');
    expect(pageAccess(INTERNAL, { roles: ['hq'] }, viewer('branch'), at('/internal/branch-staff')).kind).toBe(
      'forbidden',
    );
    expect(pageAccess(INTERNAL, { roles: ['hq'] }, viewer('hq'), at('/internal/branch-staff')).kind).toBe('ok');
  });

  it('goes after sign-in to the page asked for when it is a path of this site, else home', () => {
    const home = () => '/agency';
    expect(afterSignIn('/agency/claims?month=2026-11', viewer('agency'), home)).toBe('/agency/claims?month=2026-11');
    expect(afterSignIn('//evil.example/x', viewer('agency'), home)).toBe('/agency');
    expect(afterSignIn('https://evil.example', viewer('agency'), home)).toBe('/agency');
    expect(afterSignIn('/agency/login', viewer('agency'), home)).toBe('/agency');
    expect(afterSignIn(null, viewer('agency'), home)).toBe('/agency');
    expect(loginHref(PORTAL, undefined, 'logout')).toBe('/login?reason=logout');
  });
});

describe('forms', () => {
  it('maps API field paths to the controls, falling back to the parent field', () => {
    expect(fieldName('body.consents.terms')).toBe('consents.terms');
    expect(fieldName('query.from')).toBe('from');
    expect(controlFor({ consents: 'c' }, 'consents.terms')).toBe('c');
    expect(controlFor({ 'consents.terms': 't', consents: 'c' }, 'consents.terms')).toBe('t');
    expect(controlFor({ a: 'x' }, 'b')).toBeUndefined();
    expect(controlFor({ a: 'x' }, undefined)).toBeUndefined();
  });

  it('lists a failure field by field when the server named fields, else as one message', () => {
    const base = { status: 422, retryable: false, code: 'VALIDATION_FAILED', message: '입력한 내용을 확인해 주세요.' };
    expect(
      problemsOf({ ...base, fields: [{ field: 'body.username', label: '아이디', message: '이미 사용 중입니다.' }] }),
    ).toEqual([{ field: 'username', message: '이미 사용 중입니다.' }]);
    expect(problemsOf({ ...base, status: 423, fields: [], message: '잠겼습니다.' })).toEqual([
      { message: '잠겼습니다.' },
    ]);
  });

  it('sends a sign-up problem back to the step that shows its field', () => {
    expect(stepOfField('consents.privacy')).toBe('terms');
    expect(stepOfField('role')).toBe('terms');
    expect(stepOfField('phone')).toBe('details');
    expect(stepOfField(undefined)).toBeUndefined();
    expect(SIGN_UP_FIELD_IDS['consents.terms']).toBe('signup-consent-terms');
  });

  it('checks the pledge file with the server rules before sending it', () => {
    expect(pledgeProblem({ name: '서약서.pdf', type: 'application/pdf', size: 1000 })).toBeUndefined();
    expect(pledgeProblem({ name: '서약서.hwp', type: 'application/x-hwp', size: 1000 })).toBe(
      '보안서약서은(는) PDF, PNG, JPEG 파일만 올릴 수 있습니다.',
    );
    expect(pledgeProblem({ name: 'big.png', type: 'image/png', size: 11 * 1024 * 1024 })).toContain('10MB 이하만');
    expect(pledgeContentType({ name: 'scan.JPG', type: '' })).toBe('image/jpeg');
    expect(PLEDGE_ACCEPT).toContain('application/pdf');
    expect(PLEDGE_ACCEPT).toContain('.jpeg');
  });
});

describe('markup of the session bar and the warning dialog', () => {
  it('labels the countdown as a timer with the words of the spec, and offers extend and logout', () => {
    const out = sessionBar({ name: '<홍길동>', roleText: '수행기관 · 한빛근로지원센터', remaining: '59:59' }).value;
    expect(out).toContain('자동로그아웃까지 남은 시간');
    expect(out).toContain('role="timer"');
    expect(out).toContain('>59:59</span>');
    expect(out).toContain('&lt;홍길동&gt;');
    expect(out).toContain('>시간 연장</button>');
    expect(out).toContain('로그아웃</button>');
  });

  it('is a modal alertdialog named by its title and described by its message', () => {
    const out = modal({
      id: 'w',
      role: 'alertdialog',
      title: '곧 자동으로 로그아웃됩니다',
      body: sessionBar({ name: 'a', roleText: 'b', remaining: 'c' }),
      buttons: [{ label: '연장하기', action: 'extend', variant: 'primary' }],
    }).value;
    expect(out).toContain('role="alertdialog" aria-modal="true" aria-labelledby="w-title" aria-describedby="w-desc"');
    expect(out).toContain('data-action="extend">연장하기</button>');
  });
});

describe('audit search state', () => {
  it('defaults to the last seven days in Korea time and keeps the filters in the URL', () => {
    const now = new Date('2026-11-21T16:30:00Z'); // 2026-11-22 01:30 in Korea
    expect(todayInKorea(now)).toBe('2026-11-22');
    const filters = filtersFromSearch(new URLSearchParams('subject=worker01'), now);
    expect(filters).toEqual({ subject: 'worker01', actor: '', from: '2026-11-16', to: '2026-11-22', page: 1 });
    expect(hrefFor({ ...filters, page: 2 })).toBe(
      '/internal/audit?subject=worker01&from=2026-11-16&to=2026-11-22&page=2',
    );
    expect(shiftDay('2026-03-01', -1)).toBe('2026-02-28');
    expect(koreanDateTime('2026-11-21T16:30:05Z')).toBe('2026-11-22 01:30:05');
  });

  it('says the codes of a record in Korean, and shows an unknown code as it is', () => {
    expect(actionLabel('staffRequest.approve')).toBe('담당자 계정 승인');
    expect(actionLabel('assistant.read')).toBe('근로지원인 열람');
    expect(actionLabel('auth.mfa')).toBe('로그인 인증번호 확인');
    expect(actionLabel('seal.stamp')).toBe('seal.stamp');
    expect(roleLabel('branch')).toBe('소속기관(지사)');
    expect(roleLabel('none')).toBe('로그인 전');
    expect(actionLabel('audit.search')).toBe('처리 기록 검색');
    expect(subjectsLabel({ subjectId: 'worker01', subjectIds: ['worker01', 'worker02', 'worker03'] })).toBe(
      'worker01 외 2명',
    );
    expect(subjectsLabel({ subjectId: 'worker01' })).toBe('worker01');
    expect(subjectsLabel({ subjectId: 'NONE' })).toBe('-');
  });

  it('shows staff requests of the viewer’s own branch; hq picks one', () => {
    expect(branchToShow(viewer('branch'), 'BR-SEOUL')).toBe('BR-GYEONGGI');
    expect(branchToShow(viewer('hq'), 'BR-GYEONGGI')).toBe('BR-GYEONGGI');
    expect(branchToShow(viewer('hq'), 'NOWHERE')).toBe('BR-SEOUL');
  });
});
