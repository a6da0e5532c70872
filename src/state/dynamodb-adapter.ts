/**
 * The DynamoDB adapter of the state port (`./index.ts`) and DynamoDB Local: the AWS SDK comes with
 * them, so only the places that compose an environment import this (the CLI's and the action's
 * environments, the step Lambda, tests and benchmarks), never the engine or the runtime.
 */
export { DynamoDbStateStore, type DynamoDbStateStoreOptions, type RequestCounts } from './dynamodb.js';
export { ensureTable, TABLE_DEFINITION } from './table.js';
export {
  startDynamoDbLocal,
  ensureBackgroundDynamoDbLocal,
  stopBackgroundDynamoDbLocal,
  freeLoopbackPort,
  DYNAMODB_LOCAL_EXPOSURE_WARNING,
  DYNAMODB_LOCAL_LOCKDOWN,
  type DynamoDbLocal,
} from './dynamodb-local.js';
