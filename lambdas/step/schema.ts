import { NODE_INSTANCE_STATES } from '../../src/state/records.js';

/** JSON schema of the step protocol's request (DESIGN.md "The step protocol"). */
export const STEP_REQUEST_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['deploymentId', 'executionId', 'taskId', 'attempt', 'operation', 'nodeInstanceId', 'fencingToken'],
  properties: {
    deploymentId: { type: 'string', minLength: 1, maxLength: 256 },
    executionId: { type: 'string', minLength: 1, maxLength: 256 },
    taskId: { type: 'string', minLength: 1, maxLength: 2048 },
    attempt: { type: 'integer', minimum: 0 },
    operation: { type: 'string', minLength: 1, maxLength: 512 },
    nodeInstanceId: { type: 'string', minLength: 1, maxLength: 512 },
    relationship: {
      type: 'object',
      additionalProperties: false,
      required: ['side', 'sourceId', 'targetId', 'type'],
      properties: {
        side: { enum: ['source', 'target'] },
        sourceId: { type: 'string' },
        targetId: { type: 'string' },
        type: { type: 'string' },
      },
    },
    inputs: { type: 'object' },
    fencingToken: { type: 'integer', minimum: 1 },
    setState: { enum: [...NODE_INSTANCE_STATES] },
    checkStatus: { type: 'boolean' },
    maxRetries: { type: 'integer', minimum: -1 },
    deploymentVersion: { type: 'integer', minimum: 1 },
    instances: {
      type: 'array',
      maxItems: 2,
      items: {
        type: 'object',
        required: ['deploymentId', 'id', 'nodeId', 'state', 'runtimeProperties', 'version'],
        properties: {
          deploymentId: { type: 'string' },
          id: { type: 'string' },
          nodeId: { type: 'string' },
          state: { type: 'string' },
          runtimeProperties: { type: 'object' },
          version: { type: 'integer', minimum: 0 },
        },
      },
    },
    firstSend: { type: 'boolean' },
  },
} as const;
