import { DynamoDBDocumentClient, GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';

// A table double for route tests of the people-and-matching capabilities: items are found by the
// entity and id ElectroDB writes into their keys (pk "$kead#assistantid_as-…", sk "$assistant_1"),
// queries answer per entity, and transactions are recorded (or cancelled like DynamoDB does).

export const ddb = mockClient(DynamoDBDocumentClient);

export type Stored = Record<string, unknown>;

export function record(entity: string, fields: Stored): Stored {
  return { __edb_e__: entity, __edb_v__: '1', ...fields };
}

export function profile(userId: string, grants: Record<string, string>[], extra: Stored = {}): Stored {
  return record('userProfile', {
    userId,
    name: '테스트',
    phone: '+821000001234',
    status: 'active',
    grants,
    organisationId: 'NONE',
    ...extra,
  });
}

export const claims = (username: string, groups: string) => ({
  sub: username,
  'cognito:username': username,
  'cognito:groups': groups,
});

/**
 * Answers GetCommand from `items` keyed "<entity>/<id>" (id as written in the key, any case) and
 * QueryCommand from `queries` keyed by entity name; records every transaction.
 */
export function table(
  items: Record<string, Stored | (() => Stored | undefined)>,
  queries: Record<string, Stored[]> = {},
  cancel = false,
) {
  ddb.reset();
  const transactions: Stored[][] = [];
  ddb.on(GetCommand).callsFake((input: { Key: { pk: string; sk: string } }) => {
    const found = Object.entries(items).find(([key]) => {
      const [entity, id] = key.split('/') as [string, string];
      return (
        input.Key.sk.toLowerCase().startsWith(`$${entity.toLowerCase()}_`) &&
        input.Key.pk.endsWith(`_${id.toLowerCase()}`)
      );
    });
    const item = typeof found?.[1] === 'function' ? found[1]() : found?.[1];
    return item ? { Item: item } : {};
  });
  ddb.on(QueryCommand).callsFake((input: { ExpressionAttributeValues?: Record<string, unknown> }) => {
    const values = JSON.stringify(input.ExpressionAttributeValues ?? {}).toLowerCase();
    // a key "matching|assistantid_as-1" answers only queries whose key values mention both parts
    const key = Object.keys(queries).find((name) => {
      const [entity, needle] = name.toLowerCase().split('|') as [string, string | undefined];
      return values.includes(`$${entity}_`) && (!needle || values.includes(needle));
    });
    return { Items: key ? queries[key] : [] };
  });
  ddb.on(TransactWriteCommand).callsFake((input: { TransactItems: Stored[] }) => {
    transactions.push(input.TransactItems);
    if (cancel) {
      const error = Object.assign(new Error('Transaction cancelled'), {
        name: 'TransactionCanceledException',
        CancellationReasons: input.TransactItems.map((_, i) => ({ Code: i === 0 ? 'ConditionalCheckFailed' : 'None' })),
      });
      return Promise.reject(error);
    }
    // ElectroDB chains .then() on the client's answer to a transaction: it must be a promise
    return Promise.resolve({});
  });
  return { transactions };
}

/** The items a transaction writes (Put), by entity. */
export function putsOf(transaction: Stored[]): Stored[] {
  return transaction.flatMap((op) => {
    const put = (op as { Put?: { Item: Stored } }).Put;
    return put ? [put.Item] : [];
  });
}
