/** The state port: records, the StateStore interface and its errors (adapters: ./dynamodb-adapter.ts). */
export type { StateStore, NodeInstanceUpdate, TaskUpdate, InstanceChange, StepContext, StepFence } from './store.js';
export * from './records.js';
export { ConflictError, FencedError, InstanceConflictError } from './errors.js';
