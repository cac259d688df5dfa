import { AttributeType, Billing, TableEncryptionV2, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { IGrantable } from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { TABLE_KEYS } from '#commons/table';
import { acknowledge, attributeToken } from '../nag.ts';
import type { StageConfig } from '../stage.ts';

export interface PlatformTableProps {
  stage: StageConfig;
}

/**
 * The single table. Its key schema, overloaded GSIs and TTL attribute are derived from TABLE_KEYS,
 * the same object the ElectroDB entities and the local stack's table use.
 */
export class PlatformTable extends Construct {
  readonly table: TableV2;

  constructor(scope: Construct, id: string, props: PlatformTableProps) {
    super(scope, id);
    this.table = new TableV2(this, 'Table', {
      partitionKey: { name: TABLE_KEYS.partitionKey, type: AttributeType.STRING },
      sortKey: { name: TABLE_KEYS.sortKey, type: AttributeType.STRING },
      globalSecondaryIndexes: TABLE_KEYS.globalIndexes.map((index) => ({
        indexName: index.indexName,
        partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
        sortKey: { name: index.sortKey, type: AttributeType.STRING },
      })),
      timeToLiveAttribute: TABLE_KEYS.ttlAttribute,
      billing: Billing.onDemand(),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      encryption: TableEncryptionV2.awsManagedKey(),
      deletionProtection: props.stage.deletionProtection,
      removalPolicy: props.stage.removalPolicy,
    });
  }

  get tableName(): string {
    return this.table.tableName;
  }

  grantReadItems(grantee: IGrantable): void {
    this.table.grantReadData(grantee);
    this.acknowledgeIndexAccess(grantee);
  }

  grantReadWriteItems(grantee: IGrantable): void {
    this.table.grantReadWriteData(grantee);
    this.acknowledgeIndexAccess(grantee);
  }

  private acknowledgeIndexAccess(grantee: IGrantable): void {
    const role = grantee.grantPrincipal;
    if (!Construct.isConstruct(role)) return;
    acknowledge(
      role,
      `AwsSolutions-IAM5[Resource::${attributeToken(this.table)}/index/*]`,
      'Queries on the overloaded GSIs (gsi1..gsi3) of the single table; the index set is fixed by TABLE_KEYS.',
    );
  }
}
