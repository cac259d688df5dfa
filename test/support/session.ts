import * as clock from '#kernel/clock';
import { DEMO_PASSWORD } from '#local/demo-data';
import type { TestStack } from './stack.ts';

/** Signs in through the product's own two steps (/api/auth/login, /api/auth/mfa), code from the outbox. */
export async function signInThroughApi(stack: TestStack, username: string, password = DEMO_PASSWORD): Promise<string> {
  const post = async (path: string, body: unknown) => {
    const res = await fetch(`${stack.apiUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const json = (await res.json()) as Record<string, unknown>;
    if (!res.ok) throw new Error(`${path} → ${res.status} ${JSON.stringify(json)}`);
    return json;
  };
  const since = clock.nowIso();
  const first = await post('/auth/login', { username, password });
  if (first.step !== 'mfa') throw new Error(`expected the SMS step, got ${JSON.stringify(first)}`);
  const code = await latestCode(stack, username, since);
  const second = (await post('/auth/mfa', { username, session: first.session, code })) as {
    tokens: { idToken: string };
  };
  return second.tokens.idToken;
}

/** The newest one-time code the outbox holds for a person, sent after `since`. */
export async function latestCode(stack: TestStack, username: string, since: string): Promise<string> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const res = await fetch(`${stack.outboxUrl}.json?to=${encodeURIComponent(username)}`);
    const { items } = (await res.json()) as { items: { code?: string; at: string }[] };
    const fresh = items.find((item) => item.code && item.at >= since);
    if (fresh?.code) return fresh.code;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no code in the outbox for ${username}`);
}
