import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import { Ajv } from 'ajv';
import { stepRuntime } from '../../src/compose.js';
import { executeStep, type RuntimeDeps, type StepOutcome, type StepRequest } from '../../src/runtime/index.js';
import { parseStepSettings, SettingsError } from '../../src/settings.js';
import { STEP_REQUEST_SCHEMA } from './schema.js';

/**
 * The step Lambda: one operation per invocation (DESIGN.md "The step protocol"). A thin middy
 * wrapper around src/runtime: validate the payload, log structured lines with Powertools' logger
 * (the Lambda context in every line; no inputs, no secrets; POWERTOOLS_LOG_LEVEL sets the level),
 * run the step, answer `{status, retryAfter?, error?}`.
 *
 * Its environment is parsed once into StepSettings (src/settings.ts): STATE_TABLE (required),
 * DYNAMODB_ENDPOINT (tests), ISTHMUS_SECRETS_PREFIX, ISTHMUS_SECRETS_FILE (local only),
 * ISTHMUS_BLUEPRINT_ROOT (a checkout to read blueprint files from instead of the copy the driver
 * shipped to the state table; tests and custom images), and the plugins' settings.
 */
const ajv = new Ajv({ allErrors: true });
const validate = ajv.compile(STEP_REQUEST_SCHEMA);

let deps: RuntimeDeps | undefined;
/** Built on the first invocation, not at import: a misconfigured function answers each request with the reason. */
function runtimeDeps(): RuntimeDeps {
  deps ??= stepRuntime(parseStepSettings(process.env));
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
  // The schema lets optional fields be null (JSON's absent); the runtime sees them absent.
  const request = Object.fromEntries(Object.entries(event).filter(([, v]) => v !== null)) as unknown as StepRequest;
  const meta = {
    deploymentId: request.deploymentId,
    executionId: request.executionId,
    taskId: request.taskId,
    attempt: request.attempt,
    operation: request.operation,
    nodeInstanceId: request.nodeInstanceId,
  };
  const started = Date.now();
  let runtime: RuntimeDeps;
  try {
    runtime = runtimeDeps();
  } catch (err) {
    if (!(err instanceof SettingsError)) throw err;
    logger.error('misconfigured step function', { ...meta, error: err.message });
    return { status: 'failed', recoverable: false, error: `the step function is misconfigured: ${err.message}` };
  }
  const outcome = await executeStep(request, runtime);
  const fields = { ...meta, ms: Date.now() - started, ...(outcome.error ? { error: outcome.error } : {}) };
  if (outcome.status === 'failed') logger.error(`step ${outcome.status}`, fields);
  else logger.info(`step ${outcome.status}`, fields);
  return outcome;
}

export const handler = middy(stepHandler).use(injectLambdaContext(logger));
