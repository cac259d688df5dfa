import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { handler } from '#functions/identity/handler';
import { apiEvent, lambdaContext } from '../../support/events.ts';

// GET /me as the web shell reads it after sign-in: who is signed in, each role with its label and the
// name of the office or organisation it is scoped to, and the phone masked the way people write it.

const ddb = mockClient(DynamoDBDocumentClient);

const item = (entity: string, fields: Record<string, unknown>) => ({
  Item: { __edb_e__: entity, __edb_v__: '1', ...fields },
});

// keys look like pk "$kead#userid_<id>", sk "$<entity>_1", lowercased by electrodb
function getByEntity(items: Record<string, { Item: Record<string, unknown> }>) {
  ddb.on(GetCommand).callsFake((input: { Key: { pk: string; sk: string } }) => {
    const match = Object.entries(items).find(([key]) => {
      const [id, entity] = key.split('/');
      return (
        input.Key.pk.toLowerCase().endsWith(`_${id!.toLowerCase()}`) &&
        input.Key.sk.startsWith(`$${entity!.toLowerCase()}_`)
      );
    });
    return match ? match[1] : {};
  });
}

const me = (claims: Record<string, string>) => handler(apiEvent('GET', '/me', { claims }), lambdaContext);

describe('GET /me', () => {
  beforeEach(() => {
    ddb.reset();
    process.env.TABLE_NAME = 'test-table';
  });

  it('names the agency of an agency grant and masks the phone as 010-****-0104', async () => {
    getByEntity({
      'agency_hanbit/userProfile': item('userProfile', {
        userId: 'agency_hanbit',
        name: '윤서진',
        phone: '+821000000104',
        status: 'active',
        grants: [{ role: 'agency', agencyId: 'AG-HANBIT' }],
      }),
      'AG-HANBIT/organisation': item('organisation', { organisationId: 'AG-HANBIT', name: '한빛근로지원센터' }),
    });
    const res = await me({ sub: 's', 'cognito:username': 'agency_hanbit', 'cognito:groups': 'agency' });
    expect(res.statusCode).toBe(200);
    expect(JSON.parse(res.body)).toEqual({
      userId: 'agency_hanbit',
      name: '윤서진',
      phone: '010-****-0104',
      roles: [{ role: 'agency', agencyId: 'AG-HANBIT', label: '수행기관', organisationName: '한빛근로지원센터' }],
    });
  });

  it('names the branch office of a branch grant and the headquarters for hq; no name for an unscoped role', async () => {
    getByEntity({
      'multi/userProfile': item('userProfile', {
        userId: 'multi',
        name: '정하늘',
        phone: '+821000000101',
        status: 'active',
        grants: [{ role: 'hq' }, { role: 'branch', branchId: 'BR-SEOUL' }, { role: 'worker' }],
      }),
    });
    const res = await me({ sub: 's', 'cognito:username': 'multi', 'cognito:groups': 'hq,branch,worker' });
    expect(JSON.parse(res.body).roles).toEqual([
      { role: 'hq', label: '본부', organisationName: '한국장애인고용공단 본부' },
      { role: 'branch', branchId: 'BR-SEOUL', label: '소속기관(지사)', organisationName: '서울지사' },
      { role: 'worker', label: '장애인 근로자' },
    ]);
  });
});
