import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { afterEach, describe, expect, inject, it } from 'vitest';
import type { Context } from 'aws-lambda';
import { HEADER } from '../../test/support/blueprint-files.js';
import { createHarness, type Harness } from '../../test/support/engine.js';
import { runExecution, startExecution } from '../../src/engine/index.js';
import { LambdaInvoker, startLocalLambdaEndpoint, type LocalLambdaEndpoint } from '../../src/invoke/index.js';
import { handler, resetStepHandler, stepHandler } from './handler.js';

const COUNT = `export default async function (ctx) {
  ctx.instance.runtimeProperties.count = (ctx.instance.runtimeProperties.count ?? 0) + 1;
}
`;

describe('step Lambda through the Lambda Invoke API (local endpoint, real SDK)', () => {
  let h: Harness;
  let endpoint: LocalLambdaEndpoint | undefined;
  let invoker: LambdaInvoker;

  // Harness directories are removed after each test, so each test sets up its own.
  const setup = async () => {
    h = await createHarness();
    mkdirSync(path.join(h.dir, 'ops'), { recursive: true });
    writeFileSync(path.join(h.dir, 'ops/count.mjs'), COUNT);
    // What Lambda's environment provides.
    Object.assign(process.env, { AWS_REGION: 'local', AWS_ACCESS_KEY_ID: 'local', AWS_SECRET_ACCESS_KEY: 'local' });
    process.env['STATE_TABLE'] = h.store.tableName;
    process.env['DYNAMODB_ENDPOINT'] = inject('dynamoDbEndpoint');
    process.env['ISTHMUS_BLUEPRINT_ROOT'] = h.dir;
    process.env['ISTHMUS_SECRETS_FILE'] = path.join(h.dir, 'no-secrets.yaml');
    resetStepHandler();
    endpoint = await startLocalLambdaEndpoint({ 'isthmus-step': (event) => handler(event, {} as Context) });
    invoker = new LambdaInvoker({
      functionName: 'isthmus-step',
      baseDelayMs: 5,
      client: new LambdaClient({ endpoint: endpoint.url, region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' }, maxAttempts: 3 }),
    });
    return endpoint;
  };
  afterEach(async () => {
    await endpoint?.close();
    endpoint = undefined;
  });

  const blueprint = `${HEADER}node_types:
  counted:
    derived_from: cloudify.nodes.Root
    interfaces: { cloudify.interfaces.lifecycle: { create: ops/count.mjs, configure: ops/count.mjs, start: ops/count.mjs } }
node_templates:
  a: { type: counted, capabilities: { scalable: { properties: { default_instances: 6 } } } }
`;

  it('logs through Powertools, with the Lambda context in every line and nothing of the request inputs', () => {
    // In a process of its own (the built handler), as Lambda runs it: its stdout is the log.
    const script = `const { handler } = await import(${JSON.stringify(path.resolve('build/lambdas/step/handler.js'))});
      await handler({ deploymentId: 'd', inputs: { password: 'hunter2' } }, { functionName: 'isthmus-step', awsRequestId: 'req-7', functionVersion: '$LATEST', memoryLimitInMB: '1024', invokedFunctionArn: 'arn:aws:lambda:eu-west-1:1:function:isthmus-step' });`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      encoding: 'utf8',
      env: { ...process.env, POWERTOOLS_LOG_LEVEL: 'INFO', STATE_TABLE: 't', AWS_REGION: 'eu-west-1' },
    });
    // Errors go to stderr, the rest to stdout (Lambda sends both to CloudWatch).
    const out = `${run.stdout}\n${run.stderr}`;
    const entries = out
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(entries).toEqual([
      expect.objectContaining({
        level: 'ERROR',
        message: 'invalid step request',
        service: 'isthmus-step',
        function_request_id: 'req-7',
        function_name: 'isthmus-step',
      }),
    ]);
    expect(out).not.toContain('hunter2');
  });

  it('refuses a malformed request without acting', async () => {
    expect(await stepHandler({ deploymentId: 'd' })).toMatchObject({
      status: 'failed',
      recoverable: false,
      error: expect.stringContaining("must have required property 'executionId'"),
    });
  });

  const wellFormed = {
    deploymentId: 'd',
    executionId: 'e',
    taskId: 't',
    attempt: 0,
    operation: 'cloudify.interfaces.lifecycle.create',
    nodeInstanceId: 'n_1',
    fencingToken: 1,
  };

  it('a misconfigured function answers each request with the reason instead of crashing', async () => {
    const saved = process.env['STATE_TABLE'];
    delete process.env['STATE_TABLE'];
    resetStepHandler();
    try {
      expect(await stepHandler(wellFormed)).toEqual({
        status: 'failed',
        recoverable: false,
        error: 'the step function is misconfigured: STATE_TABLE: is not set (the state table of the step Lambda)',
      });
    } finally {
      if (saved !== undefined) process.env['STATE_TABLE'] = saved;
      resetStepHandler();
    }
  });

  it('takes optional fields sent as null (as JSON encoders write them) for absent ones', async () => {
    await setup();
    const outcome = await stepHandler({ ...wellFormed, relationship: null, inputs: null, instances: null, setState: null, firstSend: null });
    // Past the schema, to the stored-task check: no task 't' exists, so nothing runs.
    expect(outcome).toMatchObject({ status: 'failed', recoverable: false });
    expect(outcome.error).not.toMatch(/invalid step request/);
  });

  it('installs through LambdaInvoker despite throttling, 5xx, dropped answers and handler errors, each effect once', async () => {
    const ep = await setup();
    const dep = await h.deploy(blueprint, 'lambda-dep');
    Object.assign(ep.faults, { throttle: 4, serverErrors: 3, dropAfterRun: 3, functionErrors: 2 });
    const e = await startExecution(h.store, { deploymentId: dep, workflow: 'install', retries: { maxRetries: 5, retryInterval: 0 } });
    const done = await runExecution({ ...h.deps, invoker }, dep, e.id);
    expect(done.error).toBeUndefined();
    expect(done.status).toBe('terminated');
    expect(ep.faults).toMatchObject({ throttle: 0, serverErrors: 0, dropAfterRun: 0, functionErrors: 0 });
    for (const i of await h.store.listNodeInstances(dep)) {
      expect(i.state).toBe('started');
      expect(i.runtimeProperties['count']).toBe(3);
    }
  });

  it('runs a Python script step with the ctx proxy through the Lambda invoker (as the python3 image runs it)', async () => {
    await setup();
    writeFileSync(path.join(h.dir, 'ops/hello.py'), "from cloudify import ctx\nctx.instance.runtime_properties['greeting'] = 'hello from %s' % ctx.node.id\n");
    const dep = await h.deploy(
      `${HEADER}node_templates:\n  py:\n    type: cloudify.nodes.Root\n    interfaces: { cloudify.interfaces.lifecycle: { create: ops/hello.py } }\n`,
      'lambda-python',
    );
    const e = await startExecution(h.store, { deploymentId: dep, workflow: 'install' });
    const done = await runExecution({ ...h.deps, invoker }, dep, e.id);
    expect(done.error).toBeUndefined();
    expect((await h.store.listNodeInstances(dep))[0]!.runtimeProperties).toEqual({ greeting: 'hello from py' });
  });
});
