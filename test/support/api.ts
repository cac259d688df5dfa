import type { TestStack } from './stack.ts';

// biome-ignore lint/suspicious/noExplicitAny: response bodies of many shapes, checked by the assertions
export type Json = any;

export interface ApiReply {
  status: number;
  body: Json;
}

/** One JSON call to the local stack's API with a signed-in person's token (none: anonymous). */
export async function callApi(
  stack: TestStack,
  token: string | undefined,
  method: string,
  path: string,
  body?: unknown,
): Promise<ApiReply> {
  const res = await fetch(`${stack.apiUrl}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}
