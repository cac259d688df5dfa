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

describe('two-step sign-in and staying signed in', () => {
  it('signs in with password then SMS code, and a refresh token renews the ID token', async () => {
    const since = clock.nowIso();
    const first = await post('/auth/login', { username: 'agency_hanbit', password: DEMO_PASSWORD });
    expect(first.body.step).toBe('mfa');
    const code = await latestCode(stack, 'agency_hanbit', since);
    const second = await post('/auth/mfa', { username: 'agency_hanbit', session: first.body.session, code });
    expect(second.status).toBe(200);
    const { refreshToken } = second.body.tokens;
    expect(refreshToken).toBeTruthy();

    const renewed = await post('/auth/refresh', { refreshToken });
    expect(renewed.status).toBe(200);
    const me = await fetch(`${stack.apiUrl}/me`, {
      headers: { authorization: `Bearer ${renewed.body.tokens.idToken}` },
    });
    expect(me.status).toBe(200);
    expect(((await me.json()) as { userId: string }).userId).toBe('agency_hanbit');
  });

  it('refuses an unknown refresh token in Korean', async () => {
    const res = await post('/auth/refresh', { refreshToken: 'x'.repeat(40) });
    expect(res.status).toBe(401);
    expect(res.body.error.message).toContain('다시 로그인');
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
