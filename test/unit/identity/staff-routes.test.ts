import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AdminAddUserToGroupCommand,
  AdminSetUserMFAPreferenceCommand,
  CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { DynamoDBDocumentClient, GetCommand, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { handler } from '#functions/identity/handler';
import { apiEvent, lambdaContext } from '../../support/events.ts';

const ddb = mockClient(DynamoDBDocumentClient);
/** Every item written, alone or in a transaction (a change and its audit record go together). */
const written = () => [
  ...ddb.commandCalls(PutCommand).map((c) => c.args[0].input.Item!),
  ...ddb.commandCalls(TransactWriteCommand).flatMap((c) => c.args[0].input.TransactItems!.map((t) => t.Put!.Item!)),
];
const cognito = mockClient(CognitoIdentityProviderClient);
const outbox = join(mkdtempSync(join(tmpdir(), 'outbox-')), 'outbox.jsonl');

const branchClaims = { sub: 's', 'cognito:username': 'branch_seoul', 'cognito:groups': 'branch' };
const item = (entity: string, fields: Record<string, unknown>) => ({
  Item: { __edb_e__: entity, __edb_v__: '1', ...fields },
});

const branchProfile = item('userProfile', {
  userId: 'branch_seoul',
  name: '서울',
  phone: '+821000000000',
  status: 'active',
  grants: [{ role: 'branch', branchId: 'BR-SEOUL' }],
});
const applicant = item('userProfile', {
  userId: 'new_clerk',
  name: '이담당',
  phone: '+821099998888',
  status: 'pending',
  requestedRole: 'agency',
  grants: [],
});
const request = (fields: Record<string, unknown> = {}) =>
  item('staffRequest', {
    userId: 'new_clerk',
    organisationId: 'AG-1',
    organisationName: '하늘 수행기관',
    role: 'agency',
    branchId: 'BR-SEOUL',
    position: '주임',
    duties: '근로지원인 관리',
    pledgeUploadId: 'u',
    status: 'phoneConfirmed',
    createdAt: '2026-11-21T00:00:00.000Z',
    ...fields,
  });

function getByEntity(items: Record<string, { Item: Record<string, unknown> }>) {
  // keys look like pk "$kead#userid_<id>", sk "$<entity>_1": match on "<id>/<entity>"
  ddb.on(GetCommand).callsFake((input: { Key: { pk: string; sk: string } }) => {
    const match = Object.entries(items).find(([key]) => {
      const [id, entity] = key.split('/');
      return input.Key.pk.endsWith(`_${id}`) && input.Key.sk.startsWith(`$${entity}_`);
    });
    return match ? match[1] : {};
  });
}

const decide = (body: unknown) =>
  handler(
    apiEvent('POST', '/staff-requests/new_clerk/decision', {
      body,
      claims: branchClaims,
      resource: '/staff-requests/{userId}/decision',
      pathParameters: { userId: 'new_clerk' },
    }),
    lambdaContext,
  );

describe('staff account requests: branch decision', () => {
  beforeEach(() => {
    ddb.reset();
    cognito.reset();
    process.env.TABLE_NAME = 'test-table';
    process.env.USER_POOL_ID = 'pool-1';
    process.env.LOCAL_OUTBOX_FILE = outbox;
    ddb.on(PutCommand).resolves({});
    ddb.on(TransactWriteCommand).resolves({});
  });

  it('needs a reason to reject', async () => {
    getByEntity({ 'branch_seoul/userprofile': branchProfile });
    const res = await decide({ decision: 'reject' });
    expect(res.statusCode).toBe(422);
    expect(JSON.parse(res.body).error.fields[0]).toMatchObject({ field: 'body.reason', label: '반려 사유' });
  });

  it("refuses another branch's request", async () => {
    getByEntity({
      branch_seoul: branchProfile,
      staffrequest: request({ branchId: 'BR-GYEONGGI' }),
      new_clerk: applicant,
    });
    const res = await decide({ decision: 'approve' });
    expect(res.statusCode).toBe(403);
    expect(cognito.commandCalls(AdminAddUserToGroupCommand)).toHaveLength(0);
  });

  it('approves: joins the group, turns SMS MFA on, grants the agency scope, audits and texts the applicant', async () => {
    getByEntity({
      'branch_seoul/userprofile': branchProfile,
      'new_clerk/staffrequest': request(),
      'new_clerk/userprofile': applicant,
    });
    cognito.on(AdminAddUserToGroupCommand).resolves({});
    cognito.on(AdminSetUserMFAPreferenceCommand).resolves({});
    const res = await decide({ decision: 'approve' });
    expect(res.statusCode).toBe(200);
    expect(cognito.commandCalls(AdminAddUserToGroupCommand)[0]!.args[0].input.GroupName).toBe('agency');
    // the grant, the decided request and the audit record are one transaction
    const together = ddb.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems!.map((t) => t.Put!.Item!);
    expect(together.map((i) => i.__edb_e__)).toEqual(['userProfile', 'staffRequest', 'auditRecord']);
    const saved = written();
    expect(saved.find((i) => i.userId === 'new_clerk' && i.status === 'active')?.grants).toEqual([
      { role: 'agency', branchId: 'BR-SEOUL', agencyId: 'AG-1' },
    ]);
    expect(saved.some((i) => i.action === 'staffRequest.approve' && i.branchId === 'BR-SEOUL')).toBe(true);
    const lastMessage = readFileSync(outbox, 'utf8').trim().split('\n').pop()!;
    expect(JSON.parse(lastMessage)).toMatchObject({ username: 'new_clerk', channel: 'sms' });
  });

  it('will not approve before the applicant confirmed the phone, nor decide twice', async () => {
    getByEntity({
      'branch_seoul/userprofile': branchProfile,
      'new_clerk/staffrequest': request({ status: 'submitted' }),
      'new_clerk/userprofile': applicant,
    });
    expect((await decide({ decision: 'approve' })).statusCode).toBe(400);
    getByEntity({
      'branch_seoul/userprofile': branchProfile,
      'new_clerk/staffrequest': request({ status: 'approved' }),
      'new_clerk/userprofile': applicant,
    });
    const twice = await decide({ decision: 'approve' });
    expect(twice.statusCode).toBe(409);
    expect(JSON.parse(twice.body).error.code).toBe('ALREADY_DECIDED');
  });
});
