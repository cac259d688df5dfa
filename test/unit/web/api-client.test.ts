import { describe, expect, it } from 'vitest';
import { apiGet, apiUrl, NETWORK_MESSAGE, problemFromBody, TIMEOUT_MESSAGE } from '../../../web/src/core/api.ts';

function respond(status: number, body: unknown, contentIsJson = true): typeof fetch {
  return async () =>
    new Response(contentIsJson ? JSON.stringify(body) : String(body), {
      status,
      headers: { 'content-type': contentIsJson ? 'application/json' : 'text/html' },
    });
}

describe('API client', () => {
  it('builds same-origin /api URLs and leaves out empty query values', () => {
    expect(apiUrl('/public/organisations', { kind: 'agency', sido: '11', sigungu: '', name: undefined })).toBe(
      '/api/public/organisations?kind=agency&sido=11',
    );
    expect(apiUrl('/public/organisations', { name: '한빛 센터' })).toBe(
      '/api/public/organisations?name=%ED%95%9C%EB%B9%9B+%EC%84%BC%ED%84%B0',
    );
  });

  it('returns the data of a successful response', async () => {
    const result = await apiGet('/x', {}, { fetchImpl: respond(200, { items: [], count: 0 }) });
    expect(result).toEqual({ ok: true, data: { items: [], count: 0 } });
  });

  it('turns a 422 body into field problems with the Korean messages, not retryable', async () => {
    const body = {
      error: {
        code: 'VALIDATION_FAILED',
        message: '입력한 내용을 확인해 주세요.',
        fields: [{ field: 'query.sido', label: '시/도', message: '시/도는 목록에 있는 시/도 중에서 골라 주세요.' }],
      },
    };
    const result = await apiGet('/x', {}, { fetchImpl: respond(422, body) });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem).toEqual({
      status: 422,
      retryable: false,
      code: 'VALIDATION_FAILED',
      message: '입력한 내용을 확인해 주세요.',
      fields: [{ field: 'query.sido', label: '시/도', message: '시/도는 목록에 있는 시/도 중에서 골라 주세요.' }],
    });
  });

  it('treats a failed connection as retryable with a Korean message', async () => {
    const offline: typeof fetch = async () => {
      throw new TypeError('fetch failed');
    };
    const result = await apiGet('/x', {}, { fetchImpl: offline });
    expect(result).toEqual({
      ok: false,
      problem: { status: undefined, retryable: true, code: 'NETWORK', message: NETWORK_MESSAGE, fields: [] },
    });
  });

  it('treats a 5xx and a non-JSON gateway page as retryable', async () => {
    const fromServer = await apiGet(
      '/x',
      {},
      { fetchImpl: respond(500, { error: { code: 'INTERNAL', message: '일시적인 오류가 발생했습니다.' } }) },
    );
    expect(!fromServer.ok && fromServer.problem.retryable).toBe(true);
    const gateway = await apiGet('/x', {}, { fetchImpl: respond(502, '<html>Bad Gateway</html>', false) });
    expect(!gateway.ok && gateway.problem).toMatchObject({ status: 502, retryable: true });
    expect(!gateway.ok && gateway.problem.message).toContain('502');
  });

  it('rejects when the caller aborts (the screen moved on and wants no result)', async () => {
    const controller = new AbortController();
    const slow: typeof fetch = (_input, init) =>
      new Promise((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      });
    const pending = apiGet('/x', {}, { signal: controller.signal, fetchImpl: slow });
    controller.abort();
    await expect(pending).rejects.toThrow('aborted');
  });

  it('ignores malformed field entries and keeps the message', () => {
    const problem = problemFromBody(400, {
      error: { code: 'RULE', message: '규칙 위반', fields: [null, { field: 1 }, { field: 'body.a', message: 'm' }] },
    });
    expect(problem.fields).toEqual([{ field: 'body.a', label: 'body.a', message: 'm' }]);
    expect(problem.message).toBe('규칙 위반');
    expect(TIMEOUT_MESSAGE).toMatch(/다시 시도/);
  });
});
