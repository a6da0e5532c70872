export type { StateStore, NodeInstanceUpdate, TaskUpdate, InstanceChange, StepContext, StepFence } from './store.js';
export * from './records.js';
export { ConflictError, FencedError, NotFoundError } from './errors.js';
export { DynamoDbStateStore, type DynamoDbStateStoreOptions, type RequestCounts } from './dynamodb.js';
export { ensureTable, TABLE_DEFINITION } from './table.js';
export { startDynamoDbLocal, freeLoopbackPort, DYNAMODB_LOCAL_EXPOSURE_WARNING, DYNAMODB_LOCAL_LOCKDOWN, type DynamoDbLocal } from './local-server.js';
