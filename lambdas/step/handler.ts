import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import { Ajv } from 'ajv';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { blueprintDirOf, executeStep, LocalSecrets, materializeBlueprintFiles, secretsPrefix, type RuntimeDeps, type StepOutcome, type StepRequest } from '../../src/runtime/index.js';
import { SecretsManagerSecrets } from '../../src/runtime/secrets-manager.js';
import { defaultPluginRegistry } from '../../src/plugins/index.js';
import { DynamoDbStateStore } from '../../src/state/dynamodb-adapter.js';
import { STEP_REQUEST_SCHEMA } from './schema.js';

/**
 * The step Lambda: one operation per invocation (DESIGN.md "The step protocol"). A thin middy
 * wrapper around src/runtime: validate the payload, log structured lines with Powertools' logger
 * (the Lambda context in every line; no inputs, no secrets; POWERTOOLS_LOG_LEVEL sets the level),
 * run the step, answer `{status, retryAfter?, error?}`.
 *
 * Environment: STATE_TABLE (required), DYNAMODB_ENDPOINT (tests), ISTHMUS_SECRETS_PREFIX,
 * ISTHMUS_SECRETS_FILE (local only), ISTHMUS_BLUEPRINT_ROOT (a checkout to read blueprint files
 * from instead of the copy the driver shipped to the state table; tests and custom images).
 */
const ajv = new Ajv({ allErrors: true });
const validate = ajv.compile(STEP_REQUEST_SCHEMA);

let deps: RuntimeDeps | undefined;
function runtimeDeps(): RuntimeDeps {
  if (deps) return deps;
  const table = process.env['STATE_TABLE'];
  if (!table) throw new Error('STATE_TABLE is not set');
  const endpoint = process.env['DYNAMODB_ENDPOINT'];
  const client = new DynamoDBClient({ maxAttempts: 8, ...(endpoint ? { endpoint } : {}) });
  const secretsFile = process.env['ISTHMUS_SECRETS_FILE'];
  const root = process.env['ISTHMUS_BLUEPRINT_ROOT'];
  const store = new DynamoDbStateStore({ tableName: table, client });
  deps = {
    store,
    plugins: defaultPluginRegistry(),
    secrets: secretsFile ? new LocalSecrets(secretsFile) : new SecretsManagerSecrets(undefined, secretsPrefix()),
    blueprintDir: (d) => (root || !d.resources ? blueprintDirOf(d, root ?? process.cwd()) : materializeBlueprintFiles(store, d.resources)),
    stepTimeoutMs: 14 * 60_000,
  };
  return deps;
}

/** For tests: build the handler's dependencies from the current environment again. */
export function resetStepHandler(): void {
  deps = undefined;
}

const logger = new Logger({ serviceName: 'isthmus-step' });

export async function stepHandler(event: unknown): Promise<StepOutcome> {
  if (!validate(event)) {
    const detail = (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`).join('; ');
    logger.error('invalid step request', { detail });
    return { status: 'failed', recoverable: false, error: `invalid step request: ${detail}` };
  }
  const request = event as unknown as StepRequest;
  const meta = { deploymentId: request.deploymentId, executionId: request.executionId, taskId: request.taskId, attempt: request.attempt, operation: request.operation, nodeInstanceId: request.nodeInstanceId };
  const started = Date.now();
  const outcome = await executeStep(request, runtimeDeps());
  const fields = { ...meta, ms: Date.now() - started, ...(outcome.error ? { error: outcome.error } : {}) };
  if (outcome.status === 'failed') logger.error(`step ${outcome.status}`, fields);
  else logger.info(`step ${outcome.status}`, fields);
  return outcome;
}

export const handler = middy(stepHandler).use(injectLambdaContext(logger));
