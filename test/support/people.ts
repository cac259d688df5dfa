import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Entity } from 'electrodb';
import * as clock from '#kernel/clock';
import { shiftDay } from '#kernel/korea-time';
import { latestCode, signInThroughApi } from './session.ts';
import type { TestStack } from './stack.ts';

// Helpers of the people-and-matching tests (issue 5): API calls as a demo person, outbox reads,
// direct table writes for setup, and a fresh self-signed-up portal account.

export interface ApiAnswer<T = Record<string, unknown>> {
  status: number;
  body: T;
}

/** An API client signed in as one person (tokens through the product's own two steps). */
export async function apiAs(stack: TestStack, username: string) {
  const token = await signInThroughApi(stack, username);
  const call = async <T = Record<string, unknown>>(
    method: string,
    path: string,
    body?: unknown,
    query: Record<string, string | undefined> = {},
  ): Promise<ApiAnswer<T>> => {
    const url = new URL(`${stack.apiUrl}${path}`);
    for (const [k, v] of Object.entries(query)) if (v !== undefined) url.searchParams.set(k, v);
    const res = await fetch(url, {
      method,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: method === 'GET' ? undefined : JSON.stringify(body ?? {}),
    });
    return { status: res.status, body: (await res.json()) as T };
  };
  return {
    token,
    get: <T = Record<string, unknown>>(path: string, query?: Record<string, string | undefined>) =>
      call<T>('GET', path, undefined, query),
    post: <T = Record<string, unknown>>(path: string, body: unknown = {}) => call<T>('POST', path, body),
  };
}

export type Api = Awaited<ReturnType<typeof apiAs>>;

export interface OutboxItem {
  channel: string;
  to: string;
  username?: string;
  text: string;
  source: string;
  at: string;
  code?: string;
}

/** The outbox entries for a person (login ID or phone), newest first. */
export async function outboxOf(stack: TestStack, to: string): Promise<OutboxItem[]> {
  const res = await fetch(`${stack.outboxUrl}.json?to=${encodeURIComponent(to)}`);
  return ((await res.json()) as { items: OutboxItem[] }).items;
}

/** Writes items straight into the stack's table (test setup that no screen offers). */
export async function putItems(
  stack: TestStack,
  // biome-ignore lint/suspicious/noExplicitAny: any entity shape
  items: { entity: Entity<any, any, any, any>; item: Record<string, unknown> }[],
): Promise<void> {
  const client = DynamoDBDocumentClient.from(
    new DynamoDBClient({
      endpoint: stack.endpoints.dynamodb,
      region: 'ap-northeast-2',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    }),
  );
  try {
    for (const { entity, item } of items) {
      const params = entity.put(item as never).params({ table: stack.env.TABLE_NAME! });
      await client.send(new PutCommand(params as never));
    }
  } finally {
    client.destroy();
  }
}

/** A new portal account through /auth/signup and the SMS code, as a person would sign up. */
export async function signUp(
  stack: TestStack,
  input: { username: string; name: string; phone: string; role: 'worker' | 'assistant' },
  password = 'Demo!12345',
): Promise<void> {
  const post = async (path: string, body: unknown) => {
    const res = await fetch(`${stack.apiUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${path} → ${res.status} ${await res.text()}`);
  };
  const since = clock.nowIso();
  await post('/auth/signup', {
    ...input,
    password,
    consents: { terms: true, privacy: true, marketing: false },
  });
  const code = await latestCode(stack, input.username, since).catch(async () => {
    // the sign-up code is addressed to the phone number
    const items = await outboxOf(stack, input.phone);
    const fresh = items.find((i) => i.code && i.at >= since);
    if (!fresh?.code) throw new Error(`no sign-up code for ${input.username}`);
    return fresh.code;
  });
  await post('/auth/signup/confirm', { username: input.username, code });
}

/** Uploads a small PDF through the product's presigned flow and returns the upload id. */
export async function uploadPdf(api: Api, purpose: string, fileName: string): Promise<string> {
  const bytes = new TextEncoder().encode('%PDF-1.4\n% test evidence\n%%EOF\n');
  const started = await api.post<{ uploadId: string; url: string; headers: Record<string, string> }>('/files/uploads', {
    purpose,
    contentType: 'application/pdf',
    size: bytes.length,
    fileName,
  });
  if (started.status !== 201) throw new Error(`upload refused: ${JSON.stringify(started.body)}`);
  const put = await fetch(started.body.url, { method: 'PUT', headers: started.body.headers, body: bytes });
  if (!put.ok) throw new Error(`PUT to the presigned URL failed: ${put.status}`);
  const done = await api.post(`/files/uploads/${started.body.uploadId}/complete`);
  if (done.status !== 200) throw new Error(`upload not accepted: ${JSON.stringify(done.body)}`);
  return started.body.uploadId;
}

/** The Korea-time date `days` from now. */
export function koreaDate(days = 0): string {
  return shiftDay(clock.today(), days);
}

/** The real two-step sign-in in the browser (the login screen of web/src/identity), the code from the outbox. */
export async function signInBrowser(
  stack: TestStack,
  page: import('playwright-core').Page,
  username: string,
  loginPath?: string,
): Promise<void> {
  const seen = new Set((await outboxOf(stack, username)).map((e) => `${e.at}${e.code ?? ''}`));
  if (loginPath) await page.goto(loginPath);
  await page.getByLabel('아이디', { exact: true }).fill(username);
  await page.getByLabel('비밀번호', { exact: true }).fill('Demo!12345');
  await page.getByRole('button', { name: '로그인', exact: true }).click();
  await page.getByLabel('인증번호', { exact: true }).waitFor();
  let code: string | undefined;
  for (let i = 0; i < 100 && !code; i++) {
    code = (await outboxOf(stack, username)).find((e) => e.code && !seen.has(`${e.at}${e.code}`))?.code;
    if (!code) await new Promise((r) => setTimeout(r, 100));
  }
  if (!code) throw new Error(`no sign-in code for ${username}`);
  await page.getByLabel('인증번호', { exact: true }).fill(code);
  await page.getByRole('button', { name: '확인', exact: true }).click();
  await page.locator('#app-session').waitFor();
}

/** KRDS draws checkboxes and radios on their labels, which take the click (as a person's would). */
export async function clickLabel(page: import('playwright-core').Page, forId: string): Promise<void> {
  await page.locator(`label[for="${forId}"]`).click();
}
