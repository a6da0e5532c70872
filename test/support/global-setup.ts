import type { TestProject } from 'vitest/node';
import { startDynamoDbLocal, type DynamoDbLocal } from '../../src/state/dynamodb-adapter.js';

/** One Amazon DynamoDB Local for the whole run, on a loopback port; each test file uses its own table. */
let server: DynamoDbLocal | undefined;

export async function setup(project: TestProject): Promise<void> {
  server = await startDynamoDbLocal();
  project.provide('dynamoDbEndpoint', server.endpoint);
}

export async function teardown(): Promise<void> {
  await server?.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoDbEndpoint: string;
  }
}
