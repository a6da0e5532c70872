import { describe, expect, it } from 'vitest';
import { HEADER } from '../../test/support/blueprint-files.js';
import { createHarness, RECORDING_TYPES } from '../../test/support/engine.js';
import { cancelExecution, runExecution, startExecution } from './index.js';
import { WorkflowError } from '../workflows/index.js';

const BP = `${HEADER}${RECORDING_TYPES}node_templates:
  host: { type: rec.Node }
  app:
    type: rec.Node
    relationships:
      - { type: cloudify.relationships.contained_in, target: host }
      - { type: rec.link, target: db }
  db: { type: rec.Node }
outputs:
  app_runs: { value: { get_attribute: [app, runs] } }
`;

/** A node of `count` instances whose create takes `ms`. */
const slowInstances = (count: number, ms: number, node = 's') => `${HEADER}${RECORDING_TYPES}node_templates:
  ${node}:
    type: cloudify.nodes.Root
    capabilities: { scalable: { properties: { default_instances: ${count} } } }
    interfaces: { cloudify.interfaces.lifecycle: { create: { implementation: rec.slow, inputs: { ms: ${ms} } } } }
`;

describe('engine on DynamoDB Local with the in-process runtime', () => {
  it('installs in Cloudify order, records states and runtime properties, evaluates outputs', async () => {
    const h = await createHarness({ maxParallel: 1 });
    const dep = await h.deploy(BP);
    const readsBefore = h.store.requestCounts['BatchGetItemCommand'] ?? 0;
    const e = await h.run(dep, 'install');
    expect(e.status).toBe('terminated');
    // Every step went out with the instances it reads (a fresh execution): each reads only its
    // task and the lock (to refuse forged or fenced-off requests), one batched read per step at most.
    const stepReads = (h.store.requestCounts['BatchGetItemCommand'] ?? 0) - readsBefore;
    expect(stepReads).toBeGreaterThan(0);
    expect(stepReads).toBeLessThanOrEqual(h.log.length);
    const appLog = h.log.filter((l) => l.startsWith('app'));
    expect(appLog.map((l) => l.replace(/\(.*\)/, '(rel)'))).toEqual([
      'app create',
      'app preconfigure(rel)',
      'app configure',
      'app start',
      'app establish(rel)',
    ]);
    expect(h.log.indexOf('app create')).toBeGreaterThan(h.log.indexOf('host start'));
    expect(h.log.indexOf('app create')).toBeGreaterThan(h.log.indexOf('db start'));
    const instances = await h.store.listNodeInstances(dep);
    expect(instances.every((i) => i.state === 'started')).toBe(true);
    const deployment = (await h.store.getDeployment(dep))!;
    expect(deployment.status).toBe('active');
    const db = (await h.store.listNodeInstances(dep)).find((i) => i.nodeId === 'db')!.id;
    expect(deployment.outputs['app_runs']).toEqual({
      'cloudify.interfaces.lifecycle.create': 1,
      'cloudify.interfaces.lifecycle.configure': 1,
      'cloudify.interfaces.lifecycle.start': 1,
      [`cloudify.interfaces.relationship_lifecycle.preconfigure@${db}`]: 1,
      [`cloudify.interfaces.relationship_lifecycle.establish@${db}`]: 1,
    });
    const types = (await h.store.listEvents(e.id)).map((ev) => ev.type);
    expect(types[0]).toBe('workflow_started');
    expect(types.at(-1)).toBe('workflow_succeeded');
    expect(types.filter((t) => t === 'task_sent').length).toBe(e.taskCount);
  });

  it('uninstalls in reverse and marks the deployment uninstalled', async () => {
    const h = await createHarness();
    const dep = await h.deploy(BP);
    await h.run(dep, 'install');
    h.log.length = 0;
    const e = await h.run(dep, 'uninstall');
    expect(e.status).toBe('terminated');
    expect(h.log.indexOf('app stop')).toBeLessThan(h.log.indexOf('host stop'));
    expect(h.log.indexOf('app delete')).toBeLessThan(h.log.indexOf('db stop'));
    expect((await h.store.listNodeInstances(dep)).every((i) => i.state === 'deleted')).toBe(true);
    expect((await h.store.getDeployment(dep))!.status).toBe('uninstalled');
  });

  it('retries recoverable failures within max_retries and honours operation-requested retries', async () => {
    const h = await createHarness();
    const dep = await h.deploy(`${HEADER}${RECORDING_TYPES}node_templates:
  a:
    type: cloudify.nodes.Root
    interfaces:
      cloudify.interfaces.lifecycle:
        create: { implementation: rec.flaky, inputs: { failures: 2 } }
        start: { implementation: rec.wait, inputs: { polls: 3 } }
`);
    const e = await h.run(dep, 'install');
    expect(e.status).toBe('terminated');
    expect(h.log.filter((l) => l === 'a create')).toHaveLength(3);
    expect(h.log.filter((l) => l === 'a start')).toHaveLength(4);
    const events = await h.store.listEvents(e.id);
    expect(events.filter((ev) => ev.type === 'task_rescheduled')).toHaveLength(5);
    expect((await h.store.listNodeInstances(dep))[0]!.runtimeProperties['ready']).toBe(true);
  });

  it('fails the workflow on a non-recoverable error without retrying, and stops scheduling new tasks', async () => {
    const h = await createHarness({ maxParallel: 1 });
    const dep = await h.deploy(`${HEADER}${RECORDING_TYPES}node_templates:
  bad: { type: cloudify.nodes.Root, interfaces: { cloudify.interfaces.lifecycle: { create: rec.fatal } } }
  after: { type: rec.Node, relationships: [ { type: cloudify.relationships.depends_on, target: bad } ] }
`);
    const e = await h.run(dep, 'install');
    expect(e.status).toBe('failed');
    expect(e.error).toContain('invalid spec');
    expect(h.log).toEqual(['bad create']);
    expect((await h.store.getDeployment(dep))!.status).toBe('failed');
  });

  it('resumes a failed execution: succeeded tasks do not run again, failed ones get a fresh budget', async () => {
    const h = await createHarness();
    const dep = await h.deploy(`${HEADER}${RECORDING_TYPES}node_templates:
  ok: { type: rec.Node }
  flaky:
    type: cloudify.nodes.Root
    interfaces: { cloudify.interfaces.lifecycle: { create: { implementation: rec.flaky, inputs: { failures: 5 } } } }
`);
    const started = await startExecution(h.store, { deploymentId: dep, workflow: 'install', retries: { maxRetries: 2, retryInterval: 0 } });
    const first = await runExecution(h.deps, dep, started.id);
    expect(first.status).toBe('failed');
    expect(h.log.filter((l) => l === 'flaky create')).toHaveLength(3);
    // Resume the same execution: it is failed, so make it resumable as `isthmus executions resume` does.
    await h.store.updateExecution(dep, first.id, first.version, { status: 'started' });
    const second = await runExecution(h.deps, dep, started.id);
    expect(second.status).toBe('terminated');
    expect(h.log.filter((l) => l === 'ok create')).toHaveLength(1);
    expect(h.log.filter((l) => l === 'flaky create')).toHaveLength(6);
  });

  it('a step sent with a stale copy of its instance rebases onto the stored one and answers with what it wrote', async () => {
    const h = await createHarness();
    const dep = await h.deploy(`${HEADER}${RECORDING_TYPES}node_templates:
  n: { type: rec.Node }
`);
    expect((await h.run(dep, 'install')).status).toBe('terminated');
    const stale = (await h.store.listNodeInstances(dep))[0]!;
    // Someone else wrote the instance after the driver's copy was taken.
    const stored = await h.store.updateNodeInstance(dep, stale.id, stale.version, { runtimeProperties: { ...stale.runtimeProperties, other: 'kept' } });
    // A step of a real execution whose driver holds the lock, sent by hand.
    const e = await startExecution(h.store, {
      deploymentId: dep,
      workflow: 'execute_operation',
      parameters: { operation: 'cloudify.interfaces.lifecycle.configure' },
    });
    const lock = await h.store.acquireLock(dep, e.id, 'test', 60_000);
    const task = (await h.store.listTasks(e.id)).find((t) => t.kind === 'operation')!;
    const answer = await h.deps.invoker.invoke({
      deploymentId: dep,
      executionId: e.id,
      taskId: task.id,
      attempt: 0,
      operation: task.operation!,
      nodeInstanceId: stale.id,
      fencingToken: lock.fencingToken,
      instances: [stale],
      firstSend: true,
    });
    expect(answer.status).toBe('succeeded');
    const now = (await h.store.getNodeInstance(dep, stale.id))!;
    expect(now.version).toBe(stored.version + 1);
    expect(now.runtimeProperties['other']).toBe('kept');
    expect(now.runtimeProperties['runs']).toMatchObject({ 'cloudify.interfaces.lifecycle.configure': 2 });
    expect(answer.instance).toEqual(now);
  });

  it('runs independent instances in parallel up to max-parallel', async () => {
    const h = await createHarness({ maxParallel: 8 });
    const dep = await h.deploy(slowInstances(16, 300, 'w'));
    // Parallelism bounds operations; more steps are in flight, reading and recording state meanwhile.
    const steps = { active: 0, max: 0 };
    const inner = h.deps.invoker;
    h.deps.invoker = {
      boundsOperations: true,
      invoke: async (request, options) => {
        steps.max = Math.max(steps.max, ++steps.active);
        try {
          return await inner.invoke(request, options);
        } finally {
          steps.active--;
        }
      },
    };
    const e = await h.run(dep, 'install');
    expect(e.status).toBe('terminated');
    expect(h.concurrency.max).toBe(8);
    expect(steps.max).toBeGreaterThan(8);
    expect(h.log).toHaveLength(16);
  });

  it('starts no operation of a step still waiting for a slot once the execution is cancelled', async () => {
    const h = await createHarness({ maxParallel: 1 });
    const dep = await h.deploy(slowInstances(3, 400));
    const started = await startExecution(h.store, { deploymentId: dep, workflow: 'install' });
    const events: string[] = [];
    const running = runExecution({ ...h.deps, onEvent: (ev) => events.push(ev.type) }, dep, started.id);
    while (h.concurrency.active === 0) await new Promise((r) => setTimeout(r, 5));
    // The other two steps are in flight, waiting for the one slot.
    await cancelExecution(h.store, started.id);
    const e = await running;
    expect(e.status).toBe('cancelled');
    expect(h.log).toHaveLength(1);
    expect(events.filter((t) => t === 'task_sent')).toHaveLength(3);
    expect(events.filter((t) => t === 'task_not_started')).toHaveLength(2);
    expect(await h.store.listSteps(started.id)).toHaveLength(1);
  });

  it('cancels gracefully: in-flight tasks finish, nothing new starts', async () => {
    const h = await createHarness({ maxParallel: 1 });
    const dep = await h.deploy(slowInstances(5, 200));
    const started = await startExecution(h.store, { deploymentId: dep, workflow: 'install' });
    const running = runExecution(h.deps, dep, started.id);
    await new Promise((r) => setTimeout(r, 250));
    await cancelExecution(h.store, started.id);
    const e = await running;
    expect(e.status).toBe('cancelled');
    expect(h.log.length).toBeGreaterThanOrEqual(1);
    expect(h.log.length).toBeLessThan(5);
  });

  it('lets one driver run a deployment at a time, naming the holder to the other', async () => {
    const h = await createHarness();
    const dep = await h.deploy(`${HEADER}${RECORDING_TYPES}node_templates:
  s: { type: cloudify.nodes.Root, interfaces: { cloudify.interfaces.lifecycle: { create: { implementation: rec.slow, inputs: { ms: 300 } } } } }
`);
    const started = await startExecution(h.store, { deploymentId: dep, workflow: 'install' });
    const a = runExecution({ ...h.deps, owner: 'driver-a' }, dep, started.id);
    await new Promise((r) => setTimeout(r, 50));
    await expect(runExecution({ ...h.deps, owner: 'driver-b' }, dep, started.id)).rejects.toThrow(/locked by execution .* \(driver-a\)/);
    await expect(startExecution(h.store, { deploymentId: dep, workflow: 'uninstall' })).rejects.toThrow(/unfinished execution/);
    expect((await a).status).toBe('terminated');
    expect(h.log).toEqual(['s create']);
  });

  it('waits for the lock with waitForLock and then finds the execution already finished', async () => {
    const h = await createHarness();
    const dep = await h.deploy(`${HEADER}${RECORDING_TYPES}node_templates:
  s: { type: cloudify.nodes.Root, interfaces: { cloudify.interfaces.lifecycle: { create: { implementation: rec.slow, inputs: { ms: 400 } } } } }
`);
    const started = await startExecution(h.store, { deploymentId: dep, workflow: 'install' });
    const a = runExecution({ ...h.deps, owner: 'driver-a' }, dep, started.id);
    await new Promise((r) => setTimeout(r, 50));
    const b = await runExecution({ ...h.deps, owner: 'driver-b' }, dep, started.id, { waitForLock: true });
    expect((await a).status).toBe('terminated');
    expect(b.status).toBe('terminated');
    expect(h.log).toEqual(['s create']);
  });

  it('force-cancels without waiting for running operations', async () => {
    const h = await createHarness({ maxParallel: 2 });
    const dep = await h.deploy(slowInstances(4, 3000));
    const started = await startExecution(h.store, { deploymentId: dep, workflow: 'install' });
    const running = runExecution(h.deps, dep, started.id);
    await new Promise((r) => setTimeout(r, 300));
    await cancelExecution(h.store, started.id, true);
    const e = await running;
    expect(e.status).toBe('cancelled');
    // The engine returned while the two operations it had started were still running.
    expect(h.concurrency.active).toBe(2);
  });

  it('refuses a workflow whose operations Isthmus cannot run, before writing anything', async () => {
    const h = await createHarness();
    const dep = await h.deploy(
      `${HEADER}plugins:\n  nope: { executor: central_deployment_agent }\nnode_templates:\n  x: { type: cloudify.nodes.Root, interfaces: { cloudify.interfaces.lifecycle: { create: nope.tasks.create } } }\n`,
    );
    await expect(h.run(dep, 'install')).rejects.toBeInstanceOf(WorkflowError);
    expect(await h.store.listExecutions(dep)).toEqual([]);
  });

  it('evaluates get_label, get_sys and get_attribute of another node in operation inputs', async () => {
    const h = await createHarness();
    const dep = await h.deploy(`${HEADER}${RECORDING_TYPES}inputs:
  region: { default: eu }
labels:
  env: { values: [prod, { get_input: region }] }
node_templates:
  db: { type: rec.Node }
  app:
    type: cloudify.nodes.Root
    relationships: [ { type: cloudify.relationships.depends_on, target: db } ]
    interfaces:
      cloudify.interfaces.lifecycle:
        create:
          implementation: rec.op
          inputs:
            envs: { get_label: env }
            region: { get_label: [env, 1] }
            deployment: { get_sys: [deployment, id] }
            db_runs: { get_attribute: [db, runs, cloudify.interfaces.lifecycle.create] }
`);
    expect((await h.run(dep, 'install')).status).toBe('terminated');
    const app = (await h.store.listNodeInstances(dep)).find((i) => i.nodeId === 'app')!;
    expect(app.runtimeProperties).toMatchObject({ input_envs: ['prod', 'eu'], input_region: 'eu', input_deployment: dep, input_db_runs: 1 });
  });

  it('masks secret values in operation logs', async () => {
    const h = await createHarness({ secrets: { db_password: 's3cr3t-value' } });
    const dep = await h.deploy(`${HEADER}${RECORDING_TYPES}node_templates:
  x:
    type: cloudify.nodes.Root
    interfaces:
      cloudify.interfaces.lifecycle:
        create: { implementation: rec.secret, inputs: { password: { get_secret: db_password } } }
`);
    const e = await h.run(dep, 'install');
    expect(e.status).toBe('terminated');
    const messages = (await h.store.listEvents(e.id)).map((ev) => ev.message).join('\n');
    expect(messages).toContain('connecting with password ***');
    expect(messages).not.toContain('s3cr3t-value');
  });

  it('runs execute_operation with kwargs and check_status recording health', async () => {
    const h = await createHarness();
    const dep = await h.deploy(BP);
    await h.run(dep, 'install');
    const e = await h.run(dep, 'execute_operation', {
      operation: 'cloudify.interfaces.lifecycle.configure',
      operation_kwargs: { mode: 'fast' },
      node_ids: ['db'],
      allow_kwargs_override: true,
    });
    expect(e.status).toBe('terminated');
    const db = (await h.store.listNodeInstances(dep)).find((i) => i.nodeId === 'db')!;
    expect(db.runtimeProperties['input_mode']).toBe('fast');
    const c = await h.run(dep, 'check_status');
    expect(c.status).toBe('terminated');
    expect((await h.store.listNodeInstances(dep)).every((i) => i.lastCheckStatus?.ok === true)).toBe(true);
  });
});
