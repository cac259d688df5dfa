import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { handler } from '#functions/surveys/handler';
import { apiEvent, lambdaContext } from '../../support/events.ts';

const ddb = mockClient(DynamoDBDocumentClient);

describe('POST /public/page-feedback (F3 page-level satisfaction)', () => {
  beforeEach(() => {
    ddb.reset();
    process.env.TABLE_NAME = 'test-table';
    ddb.on(PutCommand).resolves({});
  });

  it('stores the rating by page and Korea-time month, without the query string', async () => {
    const res = await handler(
      apiEvent('POST', '/public/page-feedback', { body: { path: '/work-assistant/organisations?name=x', rating: 4 } }),
      lambdaContext,
    );
    expect(res.statusCode).toBe(201);
    const item = ddb.commandCalls(PutCommand)[0]!.args[0].input.Item!;
    expect(item).toMatchObject({ path: '/work-assistant/organisations', rating: 4 });
    expect(item.month).toMatch(/^\d{4}-\d{2}$/);
  });

  it('asks for a rating from 1 to 5 and a page path', async () => {
    const noPath = await handler(
      apiEvent('POST', '/public/page-feedback', { body: { path: 'x y', rating: 3 } }),
      lambdaContext,
    );
    expect(noPath.statusCode).toBe(422);
    const res = await handler(
      apiEvent('POST', '/public/page-feedback', { body: { path: '/', rating: 9 } }),
      lambdaContext,
    );
    expect(res.statusCode).toBe(422);
    expect(JSON.parse(res.body).error.fields[0].message).toBe('만족도는 1~5 중에서 골라 주세요.');
  });
});
