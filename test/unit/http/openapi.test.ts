import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildOpenApi } from '#commons/http/openapi';
import { defineRoute, fileResponse, redirectResponse } from '#commons/http/route';

const handle = async () => ({ body: {} });
const capability = {
  name: 'sample',
  entry: 'functions/sample/handler.ts',
  routes: [
    defineRoute({
      method: 'GET',
      path: '/public/things',
      summary: '목록',
      response: z.object({ items: z.array(z.object({ id: z.string() })), count: z.number() }),
      access: 'public',
      handle,
    }),
    defineRoute({
      method: 'GET',
      path: '/public/things/pdf',
      summary: 'PDF',
      response: fileResponse('application/pdf', '문서 PDF'),
      access: 'public',
      handle,
    }),
    defineRoute({
      method: 'GET',
      path: '/public/things/go',
      summary: '이동',
      response: redirectResponse('다른 주소로 이동'),
      access: 'public',
      handle,
    }),
  ],
};

describe('OpenAPI document (issue 14 point 3: responses carried)', () => {
  const doc = buildOpenApi([capability]);

  it('carries a JSON route’s response schema (output io)', () => {
    const ok = doc.paths['/public/things']!.get as { responses: Record<string, { content?: Record<string, unknown> }> };
    expect(ok.responses['200']!.content!['application/json']).toEqual({
      schema: expect.objectContaining({ type: 'object', required: ['items', 'count'] }),
    });
  });

  it('declares a file answer by its media type and a redirect as 302', () => {
    const pdf = doc.paths['/public/things/pdf']!.get as { responses: Record<string, { content?: object }> };
    expect(Object.keys(pdf.responses['200']!.content!)).toEqual(['application/pdf']);
    const go = doc.paths['/public/things/go']!.get as { responses: Record<string, unknown> };
    expect(go.responses['302']).toBeDefined();
    expect(go.responses['200']).toBeUndefined();
  });
});
