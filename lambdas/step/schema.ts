import type { JSONSchemaType } from 'ajv';
import type { YamlMap } from '../../src/dsl/index.js';
import type { StepRequest } from '../../src/runtime/types.js';
import { NODE_INSTANCE_STATES, type NodeInstanceRecord } from '../../src/state/records.js';

/** Any JSON object: operation inputs and runtime properties are the blueprint's, checked where they are used. */
const ANY_OBJECT = { type: 'object', required: [] } as unknown as JSONSchemaType<YamlMap>;

/**
 * JSON schema of the step protocol's request (DESIGN.md "The step protocol"), typed by the
 * request itself: a field added to, removed from or retyped in `StepRequest` fails to compile here
 * until the schema says the same.
 */
export const STEP_REQUEST_SCHEMA: JSONSchemaType<StepRequest> = {
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
      nullable: true,
      additionalProperties: false,
      required: ['side', 'sourceId', 'targetId', 'type'],
      properties: {
        side: { type: 'string', enum: ['source', 'target'] },
        sourceId: { type: 'string' },
        targetId: { type: 'string' },
        type: { type: 'string' },
      },
    },
    inputs: { ...ANY_OBJECT, nullable: true },
    fencingToken: { type: 'integer', minimum: 1 },
    setState: { type: 'string', enum: [...NODE_INSTANCE_STATES, null], nullable: true },
    checkStatus: { type: 'boolean', nullable: true },
    maxRetries: { type: 'integer', minimum: -1, nullable: true },
    workflow: { type: 'string', maxLength: 256, nullable: true },
    deploymentVersion: { type: 'integer', minimum: 1, nullable: true },
    instances: {
      type: 'array',
      nullable: true,
      maxItems: 2,
      items: {
        type: 'object',
        required: ['deploymentId', 'id', 'nodeId', 'state', 'runtimeProperties', 'version'],
        properties: {
          deploymentId: { type: 'string' },
          id: { type: 'string' },
          nodeId: { type: 'string' },
          hostId: { type: 'string', nullable: true },
          state: { type: 'string', enum: [...NODE_INSTANCE_STATES] },
          runtimeProperties: ANY_OBJECT,
          lastCheckStatus: { type: 'object', nullable: true, required: [] } as unknown as JSONSchemaType<NodeInstanceRecord['lastCheckStatus']>,
          lastCheckDrift: { type: 'object', nullable: true, required: [] } as unknown as JSONSchemaType<NodeInstanceRecord['lastCheckDrift']>,
          version: { type: 'integer', minimum: 0 },
        },
      } as JSONSchemaType<NodeInstanceRecord>,
    },
    firstSend: { type: 'boolean', nullable: true },
  },
};
