import { AttributeType, Billing, TableEncryptionV2, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Grant, type IGrantable } from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import type { Entity } from 'electrodb';
import { TABLE_KEYS } from '#commons/table';
import type { StageConfig } from '../stage.ts';

// biome-ignore lint/suspicious/noExplicitAny: any entity shape
export type AnyEntity = Entity<any, any, any, any>;

/** What a function may do with the items of the entities it names (FunctionGrants.table). */
export interface TableAccess {
  /** GetItem, BatchGetItem, Query (on the table and the entities' indexes), ConditionCheckItem */
  read?: readonly AnyEntity[];
  /** read, plus PutItem, UpdateItem, DeleteItem and BatchWriteItem */
  write?: readonly AnyEntity[];
  /** PutItem only: the function adds items and never reads or changes one */
  put?: readonly AnyEntity[];
}

export const TABLE_READ_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:BatchGetItem',
  'dynamodb:Query',
  'dynamodb:ConditionCheckItem',
] as const;
export const TABLE_WRITE_ACTIONS = [
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
] as const;

const SENTINEL = 'leading-key-sentinel';

/**
 * The start every partition key of `entity` shares (`$kead#assistantid_`), computed by ElectroDB from
 * the entity's primary index, so it follows the key design wherever that is defined. Entities whose
 * partition key starts with the same attribute share a prefix (UserProfile and SignInGuard are both
 * `$kead#userid_…`): IAM sees partition keys only, so that is the finest it can tell items apart.
 */
export function partitionKeyPrefix(entity: AnyEntity): string {
  const indexes = entity.schema.indexes as Record<string, { index?: string; pk: { composite: string[] } }>;
  const [accessPattern, primary] = Object.entries(indexes).find(([, index]) => !index.index)!;
  const composites = Object.fromEntries(primary.pk.composite.map((attribute) => [attribute, SENTINEL]));
  const query = (entity.query as Record<string, (keys: object) => { params(options: object): unknown }>)[
    accessPattern
  ]!(composites);
  const params = query.params({ table: 'prefix-probe' }) as { ExpressionAttributeValues: Record<string, string> };
  const key = params.ExpressionAttributeValues[':pk']!;
  const at = key.indexOf(SENTINEL);
  return at === -1 ? key : key.slice(0, at);
}

/**
 * The dynamodb:LeadingKeys patterns of some entities (StringLike), sorted, without repeats:
 * `?kead#assistantid_*` for keys `$kead#assistantid_…`. A `$` (and `*` or `?`) of a key is matched by
 * `?`, any one character, so that no character of a key can be read by IAM as a policy variable
 * (`${…}`) or a wildcard.
 */
export function leadingKeyPatterns(entities: readonly AnyEntity[]): string[] {
  const pattern = (prefix: string) => `${prefix.replace(/[$*?]/g, '?')}*`;
  return [...new Set(entities.map((entity) => pattern(partitionKeyPrefix(entity))))].sort();
}

/** The global secondary indexes some entities are queried through, sorted. */
export function indexesOf(entities: readonly AnyEntity[]): string[] {
  const names = entities.flatMap((entity) =>
    Object.values(entity.schema.indexes as Record<string, { index?: string }>).flatMap((index) =>
      index.index ? [index.index] : [],
    ),
  );
  return [...new Set(names)].sort();
}

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

  /**
   * Item access limited to the partition keys of the named entities (dynamodb:LeadingKeys): reads of
   * read ∪ write ∪ nothing else, writes of write, PutItem alone for put. Queries on a secondary index
   * are allowed on the indexes those entities define, without a key condition: an index's partition
   * key is a different attribute (gsi1pk…), and an index is read-only. No Scan, no stream, no
   * DescribeTable: the product never makes those calls.
   */
  grantItems(grantee: IGrantable, access: TableAccess): void {
    const read = [...(access.read ?? []), ...(access.write ?? [])];
    const onKeys = (entities: readonly AnyEntity[]) => ({
      'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': leadingKeyPatterns(entities) },
    });
    if (read.length > 0) {
      Grant.addToPrincipal({
        grantee,
        actions: [...TABLE_READ_ACTIONS],
        resourceArns: [this.table.tableArn],
        conditions: onKeys(read),
      });
      const indexes = indexesOf(read);
      if (indexes.length > 0) {
        Grant.addToPrincipal({
          grantee,
          actions: ['dynamodb:Query'],
          resourceArns: indexes.map((index) => `${this.table.tableArn}/index/${index}`),
        });
      }
    }
    if (access.write?.length) {
      Grant.addToPrincipal({
        grantee,
        actions: [...TABLE_WRITE_ACTIONS],
        resourceArns: [this.table.tableArn],
        conditions: onKeys(access.write),
      });
    }
    if (access.put?.length) {
      Grant.addToPrincipal({
        grantee,
        actions: ['dynamodb:PutItem'],
        resourceArns: [this.table.tableArn],
        conditions: onKeys(access.put),
      });
    }
  }
}
