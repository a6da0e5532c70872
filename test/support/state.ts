import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { inject } from 'vitest';
import { DynamoDbStateStore, ensureTable } from '../../src/state/dynamodb-adapter.js';

/** A state store on a fresh table of the run's DynamoDB Local. */
export async function createTestStore(): Promise<DynamoDbStateStore> {
  const endpoint = inject('dynamoDbEndpoint');
  const client = new DynamoDBClient({ endpoint, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' }, maxAttempts: 8 });
  const tableName = `isthmus-test-${randomUUID()}`;
  await ensureTable(client, tableName);
  return new DynamoDbStateStore({ tableName, client });
}
