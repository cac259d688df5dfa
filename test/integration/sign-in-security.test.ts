import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as clock from '#kernel/clock';
import { DEMO_PASSWORD } from '#local/demo-data';
import { callApi } from '../support/api.ts';
import { latestCode, signInThroughApi } from '../support/session.ts';
import { startStack, type TestStack } from '../support/stack.ts';

// The three attacks of the sign-in security issue (points 1–3), replayed on the local stack: each
// must now fail. The product keeps the sign-in state itself (SignInChallenge, SignInGuard); the
// emulator's own session check (local/cognito-server.ts, gap 10) is behind it, and the messages
// asserted here are the product's, so they show the product refused first.
let stack: TestStack;
let hqToken: string;
beforeAll(async () => {
  stack = await startStack();
  hqToken = await signInThroughApi(stack, 'hq_admin');
}, 180_000);
afterAll(async () => {
  await stack?.stop();
});

const NEW_PASSWORD = 'Abcdefgh!123';

const post = (path: string, body: unknown, token?: string) => callApi(stack, token, 'POST', path, body);

interface AuditItem {
  action: string;
  outcome: string;
  subjectId: string;
  reason?: string;
}

/** hq's audit search for one account, today. */
async function auditOf(subject: string): Promise<AuditItem[]> {
  const today = clock.today();
  const res = await fetch(`${stack.apiUrl}/audit?subject=${subject}&from=${today}&to=${today}`, {
    headers: { authorization: `Bearer ${hqToken}` },
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { items: AuditItem[] }).items;
}

const count = (items: AuditItem[], action: string, reason: string) =>
  items.filter((item) => item.action === action && item.outcome === 'denied' && item.reason === reason).length;

/** The newest outbox code of one kind (the temporary password is one) sent to a person after `since`. */
async function codeFromOutbox(username: string, source: string, since: string): Promise<string> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const res = await fetch(`${stack.outboxUrl}.json?to=${encodeURIComponent(username)}`);
    const { items } = (await res.json()) as { items: { code?: string; source?: string; at: string }[] };
    const found = items.find((item) => item.code && item.source === source && item.at >= since);
    if (found?.code) return found.code;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no ${source} code for ${username}`);
}

const wrongCodeFor = (code: string) => (code === '000000' ? '111111' : '000000');

describe('1. the new-password step goes on only from a challenge the product issued', () => {
  it('refuses forged sessions without a token; the password stays and the SMS step gives nothing', async () => {
    const tries = 18;
    const forged = await Promise.all(
      Array.from({ length: tries }, (_, i) =>
        post('/auth/new-password', { username: 'assistant01', session: i ? `abc${i}` : 'abc', password: NEW_PASSWORD }),
      ),
    );
    expect(forged.filter((res) => res.status === 200)).toHaveLength(0);
    for (const res of forged) {
      expect(res.status).toBe(401);
      expect(res.body.error.message).toBe(
        '확인할 수 없는 로그인 단계입니다. 임시 비밀번호로 처음부터 다시 로그인해 주세요.',
      );
    }

    // the password did not change: the attacker's is refused, the old one still signs in
    expect((await post('/auth/login', { username: 'assistant01', password: NEW_PASSWORD })).status).toBe(401);
    const since = clock.nowIso();
    const real = await post('/auth/login', { username: 'assistant01', password: DEMO_PASSWORD });
    expect(real.status).toBe(200);
    expect(real.body.step).toBe('mfa');
    // the SMS code is no use with a made-up session either; with the issued one it signs in
    const code = await latestCode(stack, 'assistant01', since);
    const withForged = await post('/auth/mfa', { username: 'assistant01', session: 'abc', code });
    expect(withForged.status).toBe(401);
    expect(withForged.body.error.message).toContain('확인할 수 없는 로그인 단계입니다');
    const signedIn = await post('/auth/mfa', { username: 'assistant01', session: real.body.session, code });
    expect(signedIn.status).toBe(200);

    const audit = await auditOf('assistant01');
    expect(count(audit, 'auth.new-password', '발급되지 않은 로그인 단계')).toBe(tries);
    expect(count(audit, 'auth.mfa', '발급되지 않은 로그인 단계')).toBe(1);
  });

  it('refuses another account’s session, the SMS session, and a session already used', async () => {
    // hq creates a branch clerk: Cognito texts a temporary password; the first sign-in asks for a new one
    const since = clock.nowIso();
    const created = await post(
      '/branch-staff',
      { username: 'seoul_clerk9', name: '문하나', phone: '010-0000-0991', branchId: 'BR-SEOUL' },
      hqToken,
    );
    expect(created.status).toBe(201);
    const temporary = await codeFromOutbox('seoul_clerk9', 'AdminCreateUser', since);
    const first = await post('/auth/login', { username: 'seoul_clerk9', password: temporary });
    expect(first.body.step).toBe('newPassword');
    const clerkSession: string = first.body.session;

    // the clerk's real challenge, used for assistant01: refused, assistant01's password unchanged
    const stolen = await post('/auth/new-password', {
      username: 'assistant01',
      session: clerkSession,
      password: NEW_PASSWORD,
    });
    expect(stolen.status).toBe(401);
    expect(stolen.body.error.message).toContain('확인할 수 없는 로그인 단계입니다');
    // a signed-in person's own SMS session, used to set someone else's password: refused
    const own = await post('/auth/login', { username: 'worker01', password: DEMO_PASSWORD });
    expect(own.body.step).toBe('mfa');
    const withOwn = await post('/auth/new-password', {
      username: 'assistant01',
      session: own.body.session,
      password: NEW_PASSWORD,
    });
    expect(withOwn.status).toBe(401);
    // and the SMS session of the same person is not a new-password challenge
    const wrongStep = await post('/auth/new-password', {
      username: 'worker01',
      session: own.body.session,
      password: NEW_PASSWORD,
    });
    expect(wrongStep.status).toBe(401);
    expect((await post('/auth/login', { username: 'assistant01', password: DEMO_PASSWORD })).status).toBe(200);

    // the clerk's own challenge still works once, then it is used up
    const set = await post('/auth/new-password', {
      username: 'seoul_clerk9',
      session: clerkSession,
      password: 'Clerkpass!26',
    });
    expect(set.status).toBe(200);
    expect(set.body.step).toBe('mfa');
    const replay = await post('/auth/new-password', {
      username: 'seoul_clerk9',
      session: clerkSession,
      password: NEW_PASSWORD,
    });
    expect(replay.status).toBe(401);
    expect((await post('/auth/login', { username: 'seoul_clerk9', password: NEW_PASSWORD })).status).toBe(401);
    expect((await post('/auth/login', { username: 'seoul_clerk9', password: 'Clerkpass!26' })).body.step).toBe('mfa');

    const audit = await auditOf('assistant01');
    expect(count(audit, 'auth.new-password', '다른 아이디의 로그인 단계')).toBe(2);
    expect(count(await auditOf('worker01'), 'auth.new-password', '다른 단계의 로그인 단계')).toBe(1);
    expect(count(await auditOf('seoul_clerk9'), 'auth.new-password', '발급되지 않은 로그인 단계')).toBe(1);
  });
});

describe('2. the five-failure lock holds against parallel guesses', () => {
  it('locks after exactly five checks out of 20 parallel wrong passwords (three rounds); the right one is then refused', async () => {
    const username = 'assistant02';
    const round = () =>
      Promise.all(Array.from({ length: 20 }, (_, i) => post('/auth/login', { username, password: `Wrong!pass${i}x` })));
    const first = await round();
    const statuses = first.map((res) => res.status);
    expect(statuses.filter((status) => status === 401)).toHaveLength(4);
    expect(statuses.filter((status) => status === 423)).toHaveLength(16);
    const warnings = first.filter((res) => res.status === 401).map((res) => res.body.error.message as string);
    expect(warnings.map((message) => message.match(/(\d)회 더 틀리면/)?.[1]).sort()).toEqual(['1', '2', '3', '4']);
    for (const res of [...(await round()), ...(await round())]) expect(res.status).toBe(423);

    const right = await post('/auth/login', { username, password: DEMO_PASSWORD });
    expect(right.status).toBe(423);
    expect(right.body.error.message).toMatch(/5회 잘못 입력하여 로그인이 잠겼습니다/);
    // another spelling of the same ID is the same account, with the same lock
    expect((await post('/auth/login', { username: 'Assistant02', password: DEMO_PASSWORD })).status).toBe(423);

    // every failed or refused password is in the audit: 5 checked by Cognito and wrong (the fifth
    // answered 423), the other 15 + 20 + 20 + 2 refused as locked without reaching Cognito
    const audit = await auditOf(username);
    expect(count(audit, 'auth.login', '비밀번호 불일치')).toBe(5);
    expect(count(audit, 'auth.login', '잠긴 계정')).toBe(57);
  }, 120_000);

  it('a locked account cannot finish the SMS step it opened before the lock', async () => {
    const username = 'assistant04';
    const since = clock.nowIso();
    const first = await post('/auth/login', { username, password: DEMO_PASSWORD });
    expect(first.body.step).toBe('mfa');
    const code = await latestCode(stack, username, since);
    const guesses = await Promise.all(
      Array.from({ length: 5 }, (_, i) => post('/auth/login', { username, password: `Wrong!pass${i}x` })),
    );
    expect(guesses.filter((res) => res.status === 423)).toHaveLength(1);
    const finish = await post('/auth/mfa', { username, session: first.body.session, code });
    expect(finish.status).toBe(423);
    expect(finish.body.error.message).toContain('로그인이 잠겼습니다');
    expect(count(await auditOf(username), 'auth.mfa', '잠긴 계정')).toBe(1);
  });
});

describe('3. the SMS step takes at most five wrong codes per challenge', () => {
  it('closes the challenge after five wrong codes; the sixth try, even the right code, is refused', async () => {
    const username = 'assistant03';
    const since = clock.nowIso();
    const first = await post('/auth/login', { username, password: DEMO_PASSWORD });
    const code = await latestCode(stack, username, since);
    const messages: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      const wrong = await post('/auth/mfa', { username, session: first.body.session, code: wrongCodeFor(code) });
      expect(wrong.status).toBe(401);
      messages.push(wrong.body.error.message);
    }
    expect(messages.slice(0, 4).map((message) => message.match(/(\d)회 더 틀리면/)?.[1])).toEqual(['4', '3', '2', '1']);
    expect(messages[4]).toMatch(/인증번호를 5회 잘못 입력하여 이번 로그인은 더 진행할 수 없습니다/);
    const sixth = await post('/auth/mfa', { username, session: first.body.session, code });
    expect(sixth.status).toBe(401);
    expect(sixth.body.error.message).toMatch(/5회 잘못 입력.*처음부터 다시 로그인/);

    // the report's attack: 200 wrong codes at once on a fresh challenge, then the right one
    const since2 = clock.nowIso();
    const second = await post('/auth/login', { username, password: DEMO_PASSWORD });
    const code2 = await latestCode(stack, username, since2);
    const burst = await Promise.all(
      Array.from({ length: 200 }, () =>
        post('/auth/mfa', { username, session: second.body.session, code: wrongCodeFor(code2) }),
      ),
    );
    expect(burst.every((res) => res.status === 401)).toBe(true);
    const judged = burst.filter((res) => (res.body.error.message as string).includes('인증번호가 올바르지 않습니다'));
    expect(judged).toHaveLength(4); // and the fifth wrong one closed the challenge
    const after = await post('/auth/mfa', { username, session: second.body.session, code: code2 });
    expect(after.status).toBe(401);

    // signing in again gives a new challenge and a new code: the account itself is not locked
    const since3 = clock.nowIso();
    const third = await post('/auth/login', { username, password: DEMO_PASSWORD });
    const ok = await post('/auth/mfa', {
      username,
      session: third.body.session,
      code: await latestCode(stack, username, since3),
    });
    expect(ok.status).toBe(200);

    // every wrong code is audited (never the code itself), and so is every refused try
    const audit = await auditOf(username);
    expect(count(audit, 'auth.mfa', '인증번호 불일치')).toBe(10);
    expect(count(audit, 'auth.mfa', '시도 횟수 초과로 닫힌 로그인 단계')).toBe(1 + 195 + 1);
    expect(audit.every((item) => !Object.values(item).includes(code2) && !('code' in item))).toBe(true);
  }, 120_000);
});
