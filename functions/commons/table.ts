// The single table's key design, defined once. The CDK table, the local stack's table and every
// ElectroDB entity derive their keys from this object: entities name an index below and use its
// attribute names; a test checks that every entity index maps onto one of these.
export const TABLE_KEYS = {
  partitionKey: 'pk',
  sortKey: 'sk',
  /** Overloaded global secondary indexes, provisioned up front; entities give them meaning. */
  globalIndexes: [
    { indexName: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
    { indexName: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
    { indexName: 'gsi3', partitionKey: 'gsi3pk', sortKey: 'gsi3sk' },
  ],
  /** Attribute DynamoDB's TTL deletes by (epoch seconds), for short-lived records such as pending uploads. */
  ttlAttribute: 'expiresAt',
} as const;

export type GlobalIndexName = (typeof TABLE_KEYS.globalIndexes)[number]['indexName'];

/** The ElectroDB `service` name shared by every entity of the product. */
export const SERVICE_NAME = 'kead';
