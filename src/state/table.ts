import { CreateTableCommand, DescribeTableCommand, ResourceNotFoundException, UpdateTimeToLiveCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';

/**
 * The single table (DESIGN.md "State in DynamoDB"): string keys `pk`/`sk`, on-demand billing,
 * TTL on `expiresAtEpoch` (event items). infra/ builds the same definition for AWS.
 */
export const TABLE_DEFINITION = {
  partitionKey: 'pk',
  sortKey: 'sk',
  ttlAttribute: 'expiresAtEpoch',
  billingMode: 'PAY_PER_REQUEST',
} as const;

/** Creates the table when it does not exist (local mode and tests; in AWS the stack creates it). */
export async function ensureTable(client: DynamoDBClient, tableName: string): Promise<void> {
  try {
    await client.send(new DescribeTableCommand({ TableName: tableName }));
    return;
  } catch (err) {
    if (!(err instanceof ResourceNotFoundException)) throw err;
  }
  try {
    await client.send(
      new CreateTableCommand({
        TableName: tableName,
        AttributeDefinitions: [
          { AttributeName: TABLE_DEFINITION.partitionKey, AttributeType: 'S' },
          { AttributeName: TABLE_DEFINITION.sortKey, AttributeType: 'S' },
        ],
        KeySchema: [
          { AttributeName: TABLE_DEFINITION.partitionKey, KeyType: 'HASH' },
          { AttributeName: TABLE_DEFINITION.sortKey, KeyType: 'RANGE' },
        ],
        BillingMode: TABLE_DEFINITION.billingMode,
      }),
    );
  } catch (err) {
    if ((err as { name?: string }).name !== 'ResourceInUseException') throw err; // created concurrently
  }
  await client
    .send(new UpdateTimeToLiveCommand({ TableName: tableName, TimeToLiveSpecification: { AttributeName: TABLE_DEFINITION.ttlAttribute, Enabled: true } }))
    .catch((err: { name?: string; message?: string }) => {
      // Already enabled on a table created concurrently.
      if (err.name !== 'ValidationException') throw err;
    });
}
