import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { UserProfile } from '#commons/caller-profile';
import { StaffRequest } from '#functions/identity/entities';
import type { TestStack } from './stack.ts';

/** Writes two phone-confirmed staff requests straight into the stack's table: one per branch. */
export async function seedStaffRequestProbes(stack: TestStack): Promise<void> {
  const client = DynamoDBDocumentClient.from(
    new DynamoDBClient({
      endpoint: stack.endpoints.dynamodb,
      region: 'ap-northeast-2',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    }),
  );
  const table = stack.env.TABLE_NAME!;
  const probes = [
    { userId: 'probe_seoul', branchId: 'BR-SEOUL', organisationId: 'AG-HANBIT', organisationName: '한빛근로지원센터' },
    {
      userId: 'probe_gyeonggi',
      branchId: 'BR-GYEONGGI',
      organisationId: 'AG-DAON',
      organisationName: '다온직업재활협회',
    },
  ];
  for (const probe of probes) {
    const profile = UserProfile.put({
      userId: probe.userId,
      name: '권한확인',
      phone: '+821000009999',
      status: 'pending',
      requestedRole: 'agency',
      organisationId: probe.organisationId,
      grants: [],
    }).params({ table });
    const request = StaffRequest.put({
      ...probe,
      role: 'agency',
      position: '주임',
      duties: '권한 확인',
      pledgeUploadId: 'probe',
      status: 'phoneConfirmed',
    }).params({ table });
    await client.send(new PutCommand(profile as never));
    await client.send(new PutCommand(request as never));
  }
  client.destroy();
}
