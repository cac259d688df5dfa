import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as clock from '#kernel/clock';
import { DEMO_PASSWORD } from '#local/demo-data';
import { callApi } from '../support/api.ts';
import { latestCode, signInThroughApi } from '../support/session.ts';
import { startStack, type TestStack } from '../support/stack.ts';

// Sign-in on the real local stack (cognito-local behind the product's /auth routes).
let stack: TestStack;
beforeAll(async () => {
  stack = await startStack();
}, 180_000);
afterAll(async () => {
  await stack?.stop();
});

const post = (path: string, body: unknown, token?: string) => callApi(stack, token, 'POST', path, body);
/** A call whose headers (cookies) the test reads or sets itself. */
const raw = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
  fetch(`${stack.apiUrl}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

describe('two-step sign-in and staying signed in', () => {
  it('signs in with password then SMS code; the refresh token lives only in an HttpOnly cookie and renews the ID token', async () => {
    const since = clock.nowIso();
    const first = await post('/auth/login', { username: 'agency_hanbit', password: DEMO_PASSWORD });
    expect(first.body.step).toBe('mfa');
    const code = await latestCode(stack, 'agency_hanbit', since);
    const second = await raw('POST', '/auth/mfa', { username: 'agency_hanbit', session: first.body.session, code });
    expect(second.status).toBe(200);
    const signedIn = await second.json();
    expect(signedIn.tokens.idToken).toBeTruthy();
    expect(JSON.stringify(signedIn)).not.toMatch(/refresh/i);
    const cookie = second.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(
      /^kead_refresh=[^;]{20,}; Path=\/api\/auth; Max-Age=\d+; HttpOnly; Secure; SameSite=Strict$/,
    );
    const jar = cookie.split(';')[0]!;

    const renewed = await raw('POST', '/auth/refresh', {}, { cookie: jar });
    expect(renewed.status).toBe(200);
    const { tokens } = await renewed.json();
    const me = await raw('GET', '/me', undefined, { authorization: `Bearer ${tokens.idToken}` });
    expect(me.status).toBe(200);
    expect(((await me.json()) as { userId: string }).userId).toBe('agency_hanbit');
  });

  it('refuses an unknown refresh token, and a refresh without the cookie, in Korean', async () => {
    const unknown = await raw('POST', '/auth/refresh', {}, { cookie: `kead_refresh=${'x'.repeat(40)}` });
    expect(unknown.status).toBe(401);
    expect((await unknown.json()).error.message).toContain('다시 로그인');
    // a token in the body is not read any more: page scripts never hold one
    const none = await post('/auth/refresh', { refreshToken: 'x'.repeat(40) });
    expect(none.status).toBe(401);
    expect(none.body.error.message).toContain('다시 로그인');
  });

  it('sign-out ends the session at the API: the refresh cookie and the ID token stop working at once', async () => {
    const since = clock.nowIso();
    const first = await post('/auth/login', { username: 'agency_neulbom', password: DEMO_PASSWORD });
    const code = await latestCode(stack, 'agency_neulbom', since);
    const second = await raw('POST', '/auth/mfa', { username: 'agency_neulbom', session: first.body.session, code });
    const jar = (second.headers.get('set-cookie') ?? '').split(';')[0]!;
    const { tokens } = await second.json();
    const bearer = { authorization: `Bearer ${tokens.idToken}` };
    expect((await raw('GET', '/me', undefined, bearer)).status).toBe(200);
    // tokens of the second the person signs out in still count (iat has whole seconds): wait for the next
    await new Promise((resolve) => setTimeout(resolve, 1100));

    const out = await raw('POST', '/auth/sign-out', {}, { ...bearer, cookie: jar });
    expect(out.status).toBe(200);
    expect(out.headers.get('set-cookie')).toMatch(/^kead_refresh=; Path=\/api\/auth; Max-Age=0;/);
    expect((await raw('POST', '/auth/refresh', {}, { cookie: jar })).status).toBe(401);
    const after = await raw('GET', '/me', undefined, bearer);
    expect(after.status).toBe(401);
    expect((await after.json()).error.message).toContain('다시 로그인');
    // and signing in again works at once
    expect(await signInThroughApi(stack, 'agency_neulbom')).toBeTruthy();
  });

  it('withdrawal ends every token of the person at once', async () => {
    const since = clock.nowIso();
    const first = await post('/auth/login', { username: 'worker12', password: DEMO_PASSWORD });
    const code = await latestCode(stack, 'worker12', since);
    const second = await raw('POST', '/auth/mfa', { username: 'worker12', session: first.body.session, code });
    const jar = (second.headers.get('set-cookie') ?? '').split(';')[0]!;
    const bearer = { authorization: `Bearer ${(await second.json()).tokens.idToken}` };
    const gone = await raw('POST', '/me/withdraw', { confirm: true }, bearer);
    expect(gone.status).toBe(200);
    expect(gone.headers.get('set-cookie')).toMatch(/^kead_refresh=; Path=\/api\/auth; Max-Age=0;/);
    expect((await raw('GET', '/me', undefined, bearer)).status).toBe(401);
    expect((await raw('POST', '/auth/refresh', {}, { cookie: jar })).status).toBe(401);
  });

  it('refuses a wrong code and explains it', async () => {
    const first = await post('/auth/login', { username: 'seoul_branch', password: DEMO_PASSWORD });
    const wrong = await post('/auth/mfa', { username: 'seoul_branch', session: first.body.session, code: '000000' });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.message).toContain('인증번호가 올바르지 않습니다');
  });

  it('hq may only create staff for a branch the product knows', async () => {
    const token = await signInThroughApi(stack, 'hq_admin');
    const res = await post(
      '/branch-staff',
      { username: 'new_branch', name: '신지사', phone: '010-0000-0999', branchId: 'BR-NOWHERE' },
      token,
    );
    expect(res.status).toBe(422);
    expect(res.body.error.fields[0]).toMatchObject({
      field: 'body.branchId',
      message: '목록에 있는 지사를 골라 주세요.',
    });
  });
});

describe('회원정보수정: own name and phone (issue 15 §4)', () => {
  const put = (path: string, body: unknown, token?: string) => callApi(stack, token, 'PUT', path, body);
  const codesTo = async (to: string, source: string, since: string) => {
    const res = await fetch(`${stack.outboxUrl}.json?to=${encodeURIComponent(to)}`);
    const { items } = (await res.json()) as { items: { code?: string; at: string; source: string; to: string }[] };
    return items.filter((item) => item.source === source && item.at >= since);
  };

  it('changes the name, and the phone only after the code sent to the new number; sign-in codes then go there', async () => {
    const token = await signInThroughApi(stack, 'jobseeker01');
    const renamed = await put('/me/name', { name: '구직 새이름' }, token);
    expect(renamed.status).toBe(200);
    expect(renamed.body.name).toBe('구직 새이름');
    expect((await callApi(stack, token, 'GET', '/me')).body.name).toBe('구직 새이름');

    const me = await callApi(stack, token, 'GET', '/me');
    const empty = await put('/me/name', { name: ' ' }, token);
    expect(empty.status).toBe(422);
    expect(empty.body.error.fields[0].message).toContain('이름을 입력해 주세요');

    const since = clock.nowIso();
    const sent = await post('/me/phone', { phone: '010-5555-0101' }, token);
    expect(sent.status).toBe(200);
    expect(sent.body).toEqual({ step: 'confirm', destination: '010-****-0101' });
    const [message] = await codesTo('+821055550101', 'phone-change', since);
    expect(message?.to).toBe('+821055550101');
    const wrong = await post('/me/phone/confirm', { code: message!.code === '000000' ? '111111' : '000000' }, token);
    expect(wrong.status).toBe(422);
    expect(wrong.body.error.fields[0]).toMatchObject({ field: 'body.code' });
    // nothing changed yet
    expect((await callApi(stack, token, 'GET', '/me')).body.phone).toBe(me.body.phone);

    const done = await post('/me/phone/confirm', { code: message!.code }, token);
    expect(done.status).toBe(200);
    expect(done.body.phone).toBe('010-****-0101');
    expect((await callApi(stack, token, 'GET', '/me')).body.phone).toBe('010-****-0101');
    // the code is used up
    const usedUp = await post('/me/phone/confirm', { code: message!.code }, token);
    expect(usedUp.status).toBe(400);
    expect(usedUp.body.error.message).toContain('인증번호를 먼저 받아 주세요');

    // the login's phone changed too: the next sign-in code goes to the new number
    const again = clock.nowIso();
    await post('/auth/login', { username: 'jobseeker01', password: DEMO_PASSWORD });
    await expect.poll(async () => (await codesTo('+821055550101', 'Authentication', again)).length).toBeGreaterThan(0);
  });

  it('closes a phone code after five wrong answers', async () => {
    const token = await signInThroughApi(stack, 'employer01');
    expect((await post('/me/phone', { phone: '010-5555-0202' }, token)).status).toBe(200);
    for (let i = 0; i < 5; i++) {
      expect((await post('/me/phone/confirm', { code: '999999' }, token)).status).toBe(422);
    }
    const closed = await post('/me/phone/confirm', { code: '999999' }, token);
    expect(closed.status).toBe(400);
    expect(closed.body.error.message).toContain('5번 틀렸습니다');
  });
});
