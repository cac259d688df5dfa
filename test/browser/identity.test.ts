import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { OutboxEntry } from '#commons/outbox';
import { ROLE_LABELS, ROLES, type Role } from '#commons/roles';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '#local/demo-data';
import { IDLE_SETTINGS_KEY } from '../../web/src/identity/idle.ts';
import {
  expectNoAxeViolations,
  focusedElement,
  hasHorizontalScroll,
  type OpenedPage,
  screenshot,
  tabTo,
} from '../support/browser.ts';
import { browserSuite } from '../support/browser-suite.ts';

// Issue 3 in the browser, on the real local stack: two-step sign-in for every role with the SMS code
// read from the local outbox, each role's menu, keyboard-only sign-in, the Korean messages for a
// wrong password, a wrong code and a lock, the idle countdown with its warning dialog, logout,
// sign-up with phone verification, a staff account request with its pledge upload approved by the
// branch, hq creating branch staff (temporary password, new password), the audit search,
// password reset and withdrawal. axe runs on every page of the shell visited.

const suite = browserSuite();

async function open(viewport: 'desktop' | 'mobile' = 'desktop'): Promise<OpenedPage> {
  return suite.openPage({ viewport });
}

/** Browser-reported failures other than the 4xx answers the error cases expect. */
function unexpectedErrors(o: OpenedPage): string[] {
  return o.errors.filter((e) => !/Failed to load resource: the server responded with a status of 4\d\d/.test(e));
}

async function outbox(to: string): Promise<OutboxEntry[]> {
  const response = await fetch(`${suite.stack.baseUrl}/local/outbox.json?to=${encodeURIComponent(to)}`);
  return ((await response.json()) as { items: OutboxEntry[] }).items;
}

/** The ids already in someone's outbox, so the next message can be told apart from earlier ones. */
async function outboxMark(to: string): Promise<Set<string>> {
  return new Set((await outbox(to)).map((e) => e.id));
}

/** The code of the first message from `source` that arrived after `mark`. */
async function nextCode(to: string, source: string, mark: Set<string>): Promise<string> {
  for (let i = 0; i < 100; i++) {
    const entry = (await outbox(to)).find((e) => !mark.has(e.id) && e.source === source && e.code);
    if (entry) return entry.code!;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no ${source} code for ${to} in the outbox`);
}

/** Step 1 of sign-in; returns once the 인증번호 step shows. */
async function passwordStep(page: Page, username: string, password = DEMO_PASSWORD): Promise<Set<string>> {
  const mark = await outboxMark(username);
  await page.getByLabel('아이디', { exact: true }).fill(username);
  await page.getByLabel('비밀번호', { exact: true }).fill(password);
  await page.getByRole('button', { name: '로그인', exact: true }).click();
  await page.getByLabel('인증번호', { exact: true }).waitFor();
  return mark;
}

/** Both steps, the code read from the outbox; returns once the signed-in bar shows. */
async function signIn(page: Page, username: string, options: { path?: string; password?: string } = {}) {
  await page.goto(options.path ?? '/login');
  const mark = await passwordStep(page, username, options.password);
  await page.getByLabel('인증번호', { exact: true }).fill(await nextCode(username, 'Authentication', mark));
  await page.getByRole('button', { name: '확인', exact: true }).click();
  await page.locator('#app-session').waitFor();
}

/** KRDS draws checkboxes and radios on their labels, which take the click (as a person's would). */
async function clickLabel(page: Page, text: string): Promise<void> {
  const exact = new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
  await page.locator('label').filter({ hasText: exact }).click();
}

const mainLink = (page: Page, name: string) => page.locator('main').getByRole('link', { name, exact: true });

/** What each role must see after sign-in (a representative menu item) and must not. */
const ROLE_EXPECTATIONS: Record<Role, { home: string; sees: string; notSees?: string }> = {
  hq: { home: '/internal', sees: '지사 담당자 계정 만들기' },
  branch: { home: '/internal', sees: '기관 담당자 계정 승인', notSees: '지사 담당자 계정 만들기' },
  agency: { home: '/agency', sees: '사업비 신청', notSees: '교육과정 개설' },
  trainer: { home: '/agency', sees: '교육과정 개설', notSees: '사업비 신청' },
  operator: { home: '/youth-program', sees: '참여기업 관리', notSees: '수료증 발급 승인' },
  center: { home: '/youth-program', sees: '수료증 발급 승인' },
  assistant: { home: '/', sees: '근로지원인 급여명세서', notSees: '본인 부담금' },
  worker: { home: '/', sees: '본인 부담금' },
  youth: { home: '/', sees: '수료증 신청', notSees: '본인 부담금' },
  jobseeker: { home: '/', sees: '구직 등록', notSees: '구인 공고 등록' },
  employer: { home: '/', sees: '구인 공고 등록', notSees: '구직 등록' },
};

describe('sign-in and role menus (issue 3 §2, §7)', () => {
  it('signs every role in through both steps and shows that role its menu, with who is signed in', async () => {
    const axeChecked = new Set<string>();
    for (const role of ROLES) {
      const account = DEMO_ACCOUNTS.find((a) => a.roles[0] === role)!;
      const expected = ROLE_EXPECTATIONS[role];
      const o = await open();
      const { page } = o;
      await signIn(page, account.username);
      await page.waitForURL((url) => url.pathname === expected.home);
      const bar = page.locator('#app-session');
      expect(await bar.locator('.app-session-name').textContent()).toBe(account.name);
      expect(await bar.textContent()).toContain(ROLE_LABELS[role]);
      await mainLink(page, expected.sees).waitFor();
      if (expected.notSees) expect(await mainLink(page, expected.notSees).count()).toBe(0);
      expect(await bar.getByRole('button', { name: '로그아웃' }).isVisible()).toBe(true);
      // one axe run per system home (portal, agency, internal, youth programme)
      if (!axeChecked.has(expected.home)) {
        axeChecked.add(expected.home);
        await expectNoAxeViolations(page);
      }
      expect(unexpectedErrors(o)).toEqual([]);
      await o.close();
    }
  });

  it('names the organisation of the signed-in person and keeps the session in sessionStorage only', async () => {
    const { page } = await open();
    // the token goes with API calls as a Bearer header
    const me = page.waitForRequest((r) => new URL(r.url()).pathname === '/api/me');
    await signIn(page, 'agency_hanbit', { path: '/agency/login' });
    expect((await me).headers().authorization).toMatch(/^Bearer [\w-]+\.[\w-]+\.[\w-]+$/);
    expect((await page.locator('#app-session .app-session-who').textContent())?.replace(/\s+/g, ' ')).toContain(
      '윤서진님 수행기관 · 한빛근로지원센터',
    );
    const storage = await page.evaluate(() => ({
      session: Object.keys(sessionStorage),
      local: Object.keys(localStorage),
    }));
    expect(storage.session).toContain('kead.session');
    expect(storage.local).toEqual([]);
    // the refresh token is only in an HttpOnly cookie for the sign-in routes: no page script can read it
    const refresh = (await page.context().cookies()).find((cookie) => cookie.name === 'kead_refresh');
    expect(refresh).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Strict', path: '/api/auth' });
    const visible = await page.evaluate(() => ({
      cookies: document.cookie,
      session: sessionStorage.getItem('kead.session'),
    }));
    expect(visible.cookies).not.toContain('kead_refresh');
    expect(visible.session).not.toContain(refresh!.value);
    expect(visible.session).not.toContain('refreshToken');
    // a reload keeps the session of this tab
    await page.reload();
    await page.locator('#app-session').waitFor();
    expect(await page.locator('.app-session-name').textContent()).toBe('윤서진');

    // a menu item opens its screen under its own name, in the agency system
    await mainLink(page, '공지사항 및 서식 자료실').click();
    await page.waitForURL('**/agency/notices');
    expect(await page.locator('h1').textContent()).toBe('공지사항 및 서식 자료실');
    expect(await page.locator('main').textContent()).not.toContain('준비 중인 서비스입니다.');
    expect(await page.title()).toBe('공지사항 및 서식 자료실 | 수행기관·교육기관 시스템');

    // a page of another system says so instead of showing it
    await page.goto('/internal/audit');
    expect(await page.locator('h1').textContent()).toBe('이 화면을 볼 권한이 없습니다');
    await expectNoAxeViolations(page);
  });

  it('says a menu item whose screen is still to come is being built, under its own name', async () => {
    const { page } = await open();
    await signIn(page, 'trainer_kwedu', { path: '/agency/login' });
    await mainLink(page, '교육비 신청').click();
    await page.waitForURL('**/agency/training-claims');
    expect(await page.locator('h1').textContent()).toBe('교육비 신청');
    expect(await page.locator('main').textContent()).toContain('준비 중인 서비스입니다.');
    expect(await page.title()).toBe('교육비 신청 | 수행기관·교육기관 시스템');
    await expectNoAxeViolations(page);
  });

  it('signs in with the keyboard alone (Tab and Enter), and checks the login and code pages with axe', async () => {
    const o = await open();
    const { page } = o;
    await page.goto('/internal/login');
    expect(await page.title()).toBe('로그인 | 근로지원인 내부 시스템');
    await expectNoAxeViolations(page);
    await tabTo(page, (f) => f.id === 'login-username');
    await page.keyboard.type('hq_admin');
    await page.keyboard.press('Tab');
    expect((await focusedElement(page)).id).toBe('login-password');
    await page.keyboard.type(DEMO_PASSWORD);
    const mark = await outboxMark('hq_admin');
    await page.keyboard.press('Enter');
    await page.getByLabel('인증번호', { exact: true }).waitFor();
    // the code step takes focus at its field and says where the SMS went
    expect((await focusedElement(page)).id).toBe('login-code');
    expect(await page.locator('main').textContent()).toContain('휴대전화(끝자리 0101)로 인증번호 6자리를 보냈습니다');
    expect(await page.title()).toBe('인증번호 입력 | 근로지원인 내부 시스템');
    const code = page.locator('#login-code');
    expect(await code.getAttribute('inputmode')).toBe('numeric');
    expect(await code.getAttribute('autocomplete')).toBe('one-time-code');
    await expectNoAxeViolations(page);
    await screenshot(page, 'identity-mfa');
    await page.keyboard.type(await nextCode('hq_admin', 'Authentication', mark));
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === '/internal');
    await page.locator('#app-session').waitFor();
    expect(unexpectedErrors(o)).toEqual([]);
  });

  it('says in Korean what went wrong: wrong password (tries left), wrong code, and a lock with when it lifts', async () => {
    const o = await open();
    const { page } = o;
    await page.goto('/login');
    await page.getByLabel('아이디', { exact: true }).fill('jobseeker01');
    await page.getByLabel('비밀번호', { exact: true }).fill('wrong-password-1!');
    await page.getByRole('button', { name: '로그인', exact: true }).click();
    const summary = page.locator('#error-summary');
    await summary.waitFor();
    const wrong = '아이디 또는 비밀번호가 올바르지 않습니다. 4회 더 틀리면 로그인이 30분 동안 잠깁니다.';
    expect(await summary.locator('a').allTextContents()).toEqual([wrong]);
    expect(await page.locator('#login-password-error').textContent()).toContain(wrong);
    expect(await page.title()).toBe('오류: 로그인 | 장애인서비스신청포털');
    expect((await focusedElement(page)).id).toBe('error-summary');
    await expectNoAxeViolations(page);

    // the right password, then a wrong code
    await page.getByLabel('비밀번호', { exact: true }).fill(DEMO_PASSWORD);
    const mark = await outboxMark('jobseeker01');
    await page.getByRole('button', { name: '로그인', exact: true }).click();
    await page.getByLabel('인증번호', { exact: true }).waitFor();
    const right = await nextCode('jobseeker01', 'Authentication', mark);
    await page.getByLabel('인증번호', { exact: true }).fill(right === '000000' ? '111111' : '000000');
    await page.getByRole('button', { name: '확인', exact: true }).click();
    await page.locator('#login-code-error:not([hidden])').waitFor();
    expect(await page.locator('#login-code-error').textContent()).toContain(
      '인증번호가 올바르지 않습니다. 문자로 받은 6자리 숫자를 다시 확인해 주세요.',
    );
    expect(await page.locator('#login-code').getAttribute('aria-invalid')).toBe('true');
    await expectNoAxeViolations(page);
    // '처음부터 다시' goes back to the first step
    await page.getByRole('button', { name: '처음부터 다시' }).click();
    await page.getByLabel('아이디', { exact: true }).waitFor();

    // five wrong passwords lock the login; the message says until when (Korea time)
    await page.getByLabel('아이디', { exact: true }).fill('assistant10');
    for (let i = 0; i < 5; i++) {
      await page.getByLabel('비밀번호', { exact: true }).fill(`wrong-${i}-password!`);
      await page.getByRole('button', { name: '로그인', exact: true }).click();
      await expect.poll(() => summary.textContent()).toMatch(i < 4 ? `${4 - i}회 더 틀리면` : '잠겼습니다');
    }
    expect(await summary.textContent()).toMatch(
      /비밀번호를 5회 잘못 입력하여 로그인이 잠겼습니다\. \d{4}년 \d{1,2}월 \d{1,2}일 \d{2}:\d{2}\(한국 시간\) 이후에/,
    );
    expect(unexpectedErrors(o)).toEqual([]);
  });
});

describe('idle timeout and logout (issue 3 §2, WCAG 2.2.1)', () => {
  it('counts down, warns in a dialog that 연장하기 and Escape extend, resets on any action, and signs out when the time is up', async () => {
    const o = await open();
    const { page } = o;
    // the test hook: this tab times out after 10 s and warns 6 s before (the defaults are 60 and 5 minutes)
    await page.addInitScript(([key, value]) => sessionStorage.setItem(key, value), [
      IDLE_SETTINGS_KEY,
      JSON.stringify({ timeoutSeconds: 10, warningSeconds: 6 }),
    ] as const);
    await signIn(page, 'center01', { path: '/youth-program/login' });
    const countdown = page.locator('#idle-countdown');
    expect(await page.locator('#idle-countdown-label').textContent()).toBe('자동로그아웃까지 남은 시간');
    expect(await countdown.textContent()).toMatch(/^00:(10|0\d)$/);

    // any action resets the countdown
    await expect.poll(() => countdown.textContent(), { timeout: 5000 }).toMatch(/^00:0[5-8]$/);
    await page.locator('h1').click();
    expect(Number((await countdown.textContent())!.slice(3))).toBeGreaterThanOrEqual(9);

    // the warning: an alertdialog that takes focus on 연장하기 and keeps it inside
    const dialog = page.getByRole('alertdialog', { name: '곧 자동으로 로그아웃됩니다' });
    await dialog.waitFor({ timeout: 8000 });
    expect(await dialog.getAttribute('aria-modal')).toBe('true');
    expect((await focusedElement(page)).text).toBe('연장하기');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('[role=alertdialog]') !== null)).toBe(true);
    await expectNoAxeViolations(page);
    await screenshot(page, 'identity-idle-warning');

    // Escape extends (the simple way out), so does the 연장하기 button
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(Number((await countdown.textContent())!.slice(3))).toBeGreaterThanOrEqual(9);
    await dialog.waitFor({ timeout: 8000 });
    await page.keyboard.press('Shift+Tab');
    await tabTo(page, (f) => f.text === '연장하기', 4);
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    expect(Number((await countdown.textContent())!.slice(3))).toBeGreaterThanOrEqual(9);

    // no answer: signed out, back at the sign-in page of the same system with the reason
    await page.waitForURL((url) => url.pathname === '/youth-program/login', { timeout: 15_000 });
    expect(new URL(page.url()).searchParams.get('reason')).toBe('idle');
    expect(await page.locator('main').textContent()).toContain('사용하지 않아 자동으로 로그아웃되었습니다');
    expect(await page.locator('#app-session').count()).toBe(0);
    expect(await page.evaluate(() => sessionStorage.getItem('kead.session'))).toBeNull();
    expect(unexpectedErrors(o)).toEqual([]);
  });

  it('logs out with the 로그아웃 button, and signed-out pages of a work system ask for sign-in again', async () => {
    const o = await open('mobile');
    const { page } = o;
    await signIn(page, 'seoul_branch', { path: '/internal/login' });
    expect(await hasHorizontalScroll(page)).toBe(false);
    await expectNoAxeViolations(page);
    const signOut = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/auth/sign-out');
    await page.locator('#app-session').getByRole('button', { name: '로그아웃' }).click();
    await page.waitForURL((url) => url.pathname === '/internal/login');
    // the session ends at the API too: the refresh cookie is gone and refused from then on
    expect((await signOut).status()).toBe(200);
    expect((await page.context().cookies()).map((cookie) => cookie.name)).not.toContain('kead_refresh');
    expect(await page.locator('main').textContent()).toContain('로그아웃했습니다.');
    expect(await page.locator('#app-session').count()).toBe(0);
    await page.goto('/internal/staff-requests');
    await page.waitForURL((url) => url.pathname === '/internal/login');
    expect(new URL(page.url()).searchParams.get('next')).toBe('/internal/staff-requests');
    expect(unexpectedErrors(o)).toEqual([]);
  });
});

const NEW_WORKER = { username: 'new_worker_b', password: 'Newpass!2026', name: '한새봄', phone: '010-0000-9901' };

describe('accounts (issue 3 §3)', () => {
  it('signs up a new worker with separated consents and phone verification, who then signs in', async () => {
    const o = await open();
    const { page } = o;
    await page.goto('/');
    await page.getByRole('link', { name: '회원가입' }).first().click();
    await page.waitForURL('**/signup');
    expect(await page.title()).toBe('회원가입: 가입 유형과 동의 | 장애인서비스신청포털');
    await expectNoAxeViolations(page);

    // nothing chosen: the summary names the type and each required consent
    await page.getByRole('button', { name: '다음' }).click();
    const summary = page.locator('#error-summary');
    await summary.waitFor();
    expect(await summary.locator('a').allTextContents()).toEqual([
      '가입 유형을 하나 골라 주세요.',
      '[필수] 이용약관에 동의해야 가입할 수 있습니다. 내용을 읽고 확인란을 선택해 주세요.',
      '[필수] 개인정보 수집·이용에 동의해야 가입할 수 있습니다. 내용을 읽고 확인란을 선택해 주세요.',
    ]);
    expect(await page.getByRole('heading', { name: '필수 동의' }).isVisible()).toBe(true);
    expect(await page.getByRole('heading', { name: '선택 동의' }).isVisible()).toBe(true);
    await expectNoAxeViolations(page);

    await clickLabel(page, '장애인 근로자');
    await clickLabel(page, '전체 동의 (선택 항목 포함)');
    for (const label of ['[필수] 이용약관에 동의합니다.', '[필수] 개인정보 수집·이용에 동의합니다.'])
      expect(await page.getByLabel(label).isChecked()).toBe(true);
    // the optional consent can be unticked again on its own
    await clickLabel(page, '[선택] 사업 소식과 교육 일정을 문자로 받겠습니다.');
    expect(await page.getByLabel('[선택] 사업 소식과 교육 일정을 문자로 받겠습니다.').isChecked()).toBe(false);
    await page.getByRole('button', { name: '다음' }).click();

    await page.getByLabel('아이디').waitFor();
    expect(await page.title()).toBe('회원가입: 회원 정보 입력 | 장애인서비스신청포털');
    await page.getByLabel('아이디').fill(NEW_WORKER.username);
    await page.getByLabel('비밀번호', { exact: false }).first().fill(NEW_WORKER.password);
    await page.getByLabel('비밀번호 확인').fill(NEW_WORKER.password);
    await page.getByLabel('이름').fill(NEW_WORKER.name);
    await page.getByLabel('휴대전화 번호').fill(NEW_WORKER.phone);
    await expectNoAxeViolations(page);
    const mark = await outboxMark(NEW_WORKER.username);
    await page.getByRole('button', { name: '인증번호 받기' }).click();
    await page.getByLabel('인증번호').waitFor();
    expect(await page.locator('main').textContent()).toContain('휴대전화(끝자리 9901)로 인증번호 6자리를 보냈습니다');
    await expectNoAxeViolations(page);
    await page.getByLabel('인증번호').fill(await nextCode(NEW_WORKER.username, 'SignUp', mark));
    await page.getByRole('button', { name: '가입 완료' }).click();
    await page.getByText('회원가입을 마쳤습니다.').waitFor();

    await signIn(page, NEW_WORKER.username, { password: NEW_WORKER.password });
    await mainLink(page, '본인 부담금').waitFor();
    expect(await page.locator('.app-session-who').textContent()).toContain('장애인 근로자');
    expect(unexpectedErrors(o)).toEqual([]);
  });

  it('takes a staff account request with its pledge, which the branch approves; the new clerk then signs in', async () => {
    const o = await open();
    const { page } = o;
    await page.goto('/agency/account-request');
    expect(await page.title()).toBe('기관 담당자 계정 신청 | 수행기관·교육기관 시스템');
    const organisation = page.getByLabel('소속 기관');
    await expect.poll(() => organisation.locator('option').count()).toBeGreaterThan(1);
    await organisation.selectOption('AG-HANBIT');
    await page.getByLabel('직위').fill('주임');
    await page.getByLabel('담당 업무').fill('근로지원인 활동일지 관리');
    await page.getByLabel('아이디').fill('clerk_hanbit2');
    await page.getByLabel('비밀번호', { exact: false }).first().fill('Clerkpass!26');
    await page.getByLabel('비밀번호 확인').fill('Clerkpass!26');
    await page.getByLabel('이름').fill('도하린');
    await page.getByLabel('휴대전화 번호').fill('010-0000-9902');

    // a kind of file the pledge cannot be: refused in the browser, at the field
    const file = page.getByLabel('보안서약서 파일');
    await file.setInputFiles({ name: '서약서.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
    await expect
      .poll(() => page.locator('#staff-pledge-error').textContent())
      .toContain('보안서약서은(는) PDF, PNG, JPEG 파일만 올릴 수 있습니다.');
    // a "PNG" whose bytes are not a PNG: uploaded, then refused by the server's check
    await file.setInputFiles({ name: '서약서.png', mimeType: 'image/png', buffer: Buffer.from('not really a png') });
    await expect
      .poll(() => page.locator('#staff-pledge-error').textContent(), { timeout: 10_000 })
      .toContain('올린 파일의 내용이 PDF, PNG, JPEG 형식이 아닙니다');
    // a real PNG
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
      'base64',
    );
    await file.setInputFiles({ name: '보안서약서.png', mimeType: 'image/png', buffer: png });
    await page.getByText('올림 완료').waitFor({ timeout: 10_000 });
    expect(await page.locator('#staff-pledge-error').isHidden()).toBe(true);
    await clickLabel(page, '[필수] 개인정보 수집·이용에 동의합니다.');
    await expectNoAxeViolations(page);

    const mark = await outboxMark('clerk_hanbit2');
    await page.getByRole('button', { name: '계정 신청' }).click();
    await page.getByLabel('인증번호').waitFor();
    await page.getByLabel('인증번호').fill(await nextCode('clerk_hanbit2', 'SignUp', mark));
    await page.getByRole('button', { name: '인증 완료' }).click();
    await page.getByText('계정 신청을 마쳤습니다.').waitFor();
    await expectNoAxeViolations(page);

    // the branch of AG-HANBIT (서울지사) approves it
    const branch = await open();
    await signIn(branch.page, 'seoul_branch', { path: '/internal/login' });
    // the branch learns of it in its staff inbox (issue 15 §7), with the way to the request list
    await branch.page.locator('#inbox-link').click();
    const told = branch.page.locator('#inbox-table tbody tr', { hasText: 'clerk_hanbit2' });
    await told.waitFor();
    expect(await told.textContent()).toContain('담당자 계정 신청이 있습니다');
    expect(await told.getByRole('link', { name: '바로 가기' }).getAttribute('href')).toBe('/internal/staff-requests');
    await branch.page.goto('/internal');
    await mainLink(branch.page, '기관 담당자 계정 승인').click();
    await branch.page.waitForURL('**/internal/staff-requests');
    const row = branch.page.locator('#staff-requests-table tbody tr', { hasText: 'clerk_hanbit2' });
    await row.waitFor();
    expect(await row.textContent()).toContain('한빛근로지원센터');
    await expectNoAxeViolations(branch.page);
    await row.getByRole('link', { name: /검토하기/ }).click();
    await branch.page.getByRole('heading', { name: '신청 내용' }).waitFor();
    // rejecting needs a reason, said at the field
    await clickLabel(branch.page, '반려');
    await branch.page.getByRole('button', { name: '처리 결과 저장' }).click();
    await branch.page.locator('#decision-reason-error:not([hidden])').waitFor();
    expect(await branch.page.locator('#error-summary a').allTextContents()).toEqual([
      '반려할 때는 신청자가 알 수 있도록 사유를 입력해 주세요.',
    ]);
    await expectNoAxeViolations(branch.page);
    await clickLabel(branch.page, '승인');
    await branch.page.getByRole('button', { name: '처리 결과 저장' }).click();
    await branch.page.getByText('승인했습니다. 신청자에게 문자로 알렸습니다.').waitFor();
    expect((await outbox('clerk_hanbit2'))[0]!.text).toContain('담당자 계정이 승인되었습니다');

    await signIn(page, 'clerk_hanbit2', { path: '/agency/login', password: 'Clerkpass!26' });
    await page.waitForURL((url) => url.pathname === '/agency');
    await mainLink(page, '사업비 신청').waitFor();
    expect(await page.locator('.app-session-who').textContent()).toContain('수행기관 · 한빛근로지원센터');
    expect(unexpectedErrors(o)).toEqual([]);
    expect(unexpectedErrors(branch)).toEqual([]);
  });

  it('lets hq create branch staff, who set a new password at first sign-in; hq then finds it in the audit trail', async () => {
    const o = await open();
    const { page } = o;
    await signIn(page, 'hq_admin', { path: '/internal/login' });
    await mainLink(page, '지사 담당자 계정 만들기').click();
    await page.getByLabel('지사').selectOption('BR-GYEONGGI');
    await page.getByLabel('아이디').fill('gyeonggi_clerk2');
    await page.getByLabel('이름').fill('임다온');
    await page.getByLabel('휴대전화 번호').fill('010-0000-9903');
    await expectNoAxeViolations(page);
    const mark = await outboxMark('gyeonggi_clerk2');
    await page.getByRole('button', { name: '계정 만들기' }).click();
    await page.getByText('경기지사 담당자 계정 gyeonggi_clerk2을(를) 만들었습니다.').waitFor();
    const temporary = await nextCode('gyeonggi_clerk2', 'AdminCreateUser', mark);

    // the audit search finds hq's action by the person it was about
    await page.goto('/internal/audit?subject=gyeonggi_clerk2');
    const table = page.locator('#audit-table');
    await table.waitFor();
    expect(await table.locator('tbody tr').first().textContent()).toContain('지사 담당자 계정 생성');
    expect(await table.locator('tbody tr').first().textContent()).toContain('hq_admin');
    await expectNoAxeViolations(page);
    // a reversed period is explained at the field
    await page.goto('/internal/audit?from=2026-02-01&to=2026-01-01');
    await page.locator('#error-summary').waitFor();
    expect(await page.locator('#audit-from-error').textContent()).toContain('시작일이 종료일보다 늦습니다');
    await expectNoAxeViolations(page);

    // first sign-in of the new clerk: temporary password, new password, then the SMS code
    const clerk = await open();
    await clerk.page.goto('/internal/login');
    await clerk.page.getByLabel('아이디', { exact: true }).fill('gyeonggi_clerk2');
    await clerk.page.getByLabel('비밀번호', { exact: true }).fill(temporary);
    await clerk.page.getByRole('button', { name: '로그인', exact: true }).click();
    await clerk.page.getByLabel('새 비밀번호 확인').waitFor();
    expect(await clerk.page.locator('h1').textContent()).toBe('새 비밀번호 정하기');
    await expectNoAxeViolations(clerk.page);
    await clerk.page.getByLabel('새 비밀번호', { exact: false }).first().fill('Branchpass!26');
    await clerk.page.getByLabel('새 비밀번호 확인').fill('Branchpass!26');
    const codeMark = await outboxMark('gyeonggi_clerk2');
    await clerk.page.getByRole('button', { name: '비밀번호 저장' }).click();
    await clerk.page.getByLabel('인증번호', { exact: true }).waitFor();
    await clerk.page
      .getByLabel('인증번호', { exact: true })
      .fill(await nextCode('gyeonggi_clerk2', 'Authentication', codeMark));
    await clerk.page.getByRole('button', { name: '확인', exact: true }).click();
    await clerk.page.waitForURL((url) => url.pathname === '/internal');
    expect(await clerk.page.locator('.app-session-who').textContent()).toContain('소속기관(지사) · 경기지사');
    expect(unexpectedErrors(o)).toEqual([]);
    expect(unexpectedErrors(clerk)).toEqual([]);
  });

  it('resets a password by SMS code, and withdraws the account after the explanation is confirmed', async () => {
    const o = await open();
    const { page } = o;
    await page.goto('/login');
    await page.getByRole('link', { name: /비밀번호 재설정/ }).click();
    await page.getByLabel('아이디').fill(NEW_WORKER.username);
    await expectNoAxeViolations(page);
    const mark = await outboxMark(NEW_WORKER.username);
    await page.getByRole('button', { name: '인증번호 받기' }).click();
    await page.getByLabel('인증번호').waitFor();
    await page.getByLabel('인증번호').fill(await nextCode(NEW_WORKER.username, 'ForgotPassword', mark));
    await expectNoAxeViolations(page);
    await page.getByLabel('새 비밀번호', { exact: false }).first().fill('Resetpass!27');
    await page.getByLabel('새 비밀번호 확인').fill('Resetpass!27');
    await page.getByRole('button', { name: '비밀번호 바꾸기' }).click();
    await page.getByText('비밀번호를 바꿨습니다.').waitFor();

    await signIn(page, NEW_WORKER.username, { password: 'Resetpass!27' });
    await page.goto('/my/profile');
    expect(await page.locator('.app-facts').textContent()).toContain('010-****-9901');
    await expectNoAxeViolations(page);

    // 회원정보수정: the name, then the phone after the code sent to the new number, then the password
    await page.locator('#profile-name').fill('새이름 근로자');
    await page.getByRole('button', { name: '이름 저장' }).click();
    await page.getByText('이름을 바꿨습니다.').waitFor();
    expect(await page.locator('#profile-shown-name').textContent()).toBe('새이름 근로자');
    expect(await page.locator('.app-session-who').textContent()).toContain('새이름 근로자');
    await page.getByRole('button', { name: '인증번호 받기', exact: true }).click();
    await page.locator('#error-summary').waitFor();
    expect(await page.locator('#error-summary').textContent()).toContain('새 휴대전화 번호를 입력해 주세요');
    await page.locator('#profile-phone').fill('010-5555-0303');
    const phoneMark = await outboxMark('+821055550303');
    await page.getByRole('button', { name: '인증번호 받기', exact: true }).click();
    await page.getByText('010-****-0303로 인증번호 6자리를 보냈습니다.').waitFor();
    await expectNoAxeViolations(page);
    await page.locator('#profile-phone-code').fill(await nextCode('+821055550303', 'phone-change', phoneMark));
    await page.getByRole('button', { name: '번호 바꾸기' }).click();
    await page.getByText('휴대전화 번호를 바꿨습니다.').waitFor();
    expect(await page.locator('#profile-shown-phone').textContent()).toBe('010-****-0303');
    const passwordMark = await outboxMark(NEW_WORKER.username);
    await page.getByRole('button', { name: '비밀번호 변경 인증번호 받기' }).click();
    await page
      .locator('#profile-password-code')
      .fill(await nextCode(NEW_WORKER.username, 'ForgotPassword', passwordMark));
    await page.locator('#profile-password').fill('Profilepass!28');
    await page.locator('#profile-password-confirm').fill('Profilepass!28');
    await page.getByRole('button', { name: '비밀번호 바꾸기' }).click();
    await page.getByText('비밀번호를 바꿨습니다.').first().waitFor();
    await expectNoAxeViolations(page);

    await page.getByRole('link', { name: '회원탈퇴' }).click();
    await page.waitForURL('**/my/withdraw');
    expect(await page.getByRole('heading', { name: '법에 따라 보관하는 것' }).isVisible()).toBe(true);
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: '회원탈퇴' }).click();
    await page.locator('#withdraw-confirm-error:not([hidden])').waitFor();
    await clickLabel(page, '위 내용을 확인했고, 회원탈퇴에 동의합니다.');
    await page.getByRole('button', { name: '회원탈퇴' }).click();
    await page.waitForURL('**/withdrawn');
    await page.getByText('회원탈퇴를 마쳤습니다.').waitFor();
    expect(await page.locator('#app-session').count()).toBe(0);
    await expectNoAxeViolations(page);

    // the login is gone
    await page.goto('/login');
    await page.getByLabel('아이디', { exact: true }).fill(NEW_WORKER.username);
    await page.getByLabel('비밀번호', { exact: true }).fill('Resetpass!27');
    await page.getByRole('button', { name: '로그인', exact: true }).click();
    await page.locator('#error-summary').waitFor();
    expect(await page.locator('#error-summary').textContent()).toContain('아이디 또는 비밀번호가 올바르지 않습니다');
    expect(unexpectedErrors(o)).toEqual([]);
  });
});
