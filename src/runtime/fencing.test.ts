import { describe, expect, it } from 'vitest';
import { HEADER } from '../../test/support/blueprint-files.js';
import { createHarness, RECORDING_TYPES } from '../../test/support/engine.js';
import { startExecution } from '../engine/index.js';
import type { StepRequest } from './types.js';

const SLOW = `${HEADER}${RECORDING_TYPES}node_templates:
  n:
    type: rec.Node
    interfaces: { cloudify.interfaces.lifecycle: { configure: { implementation: rec.slow, inputs: { ms: 400 } } } }
`;

/** A deployment, an execution of one configure task, and the request its driver would send. */
async function pending(leaseMs = 60_000) {
  const h = await createHarness({ maxRetries: 0 });
  const dep = await h.deploy(SLOW);
  const e = await startExecution(h.store, {
    deploymentId: dep,
    workflow: 'execute_operation',
    parameters: { operation: 'cloudify.interfaces.lifecycle.configure' },
  });
  const lock = await h.store.acquireLock(dep, e.id, 'driver-a', leaseMs);
  const task = (await h.store.listTasks(e.id)).find((t) => t.kind === 'operation')!;
  const request: StepRequest = {
    deploymentId: dep,
    executionId: e.id,
    taskId: task.id,
    attempt: 0,
    operation: task.operation!,
    nodeInstanceId: task.nodeInstanceId,
    fencingToken: lock.fencingToken,
  };
  return { h, dep, e, lock, task, request };
}

describe('forged and stale steps (findings 6 and 14)', () => {
  it('finding 6: a request for an unknown execution, another task or another operation runs nothing', async () => {
    const { h, request } = await pending();
    const forged: Array<[StepRequest, RegExp]> = [
      [{ ...request, executionId: 'made-up' }, /no such task/],
      [{ ...request, taskId: 'n_x/cloudify.interfaces.lifecycle.delete' }, /no such task/],
      [{ ...request, operation: 'cloudify.interfaces.lifecycle.delete' }, /does not match the stored task/],
      [
        { ...request, relationship: { side: 'source', sourceId: request.nodeInstanceId, targetId: 'x', type: 'cloudify.relationships.depends_on' } },
        /relationship does not match/,
      ],
      [{ ...request, fencingToken: request.fencingToken + 1 }, /fencing token/],
    ];
    for (const [req, why] of forged) {
      const answer = await h.deps.invoker.invoke(req, {});
      expect(answer.status, JSON.stringify(req)).toBe('failed');
      expect(answer.error).toMatch(why);
    }
    expect(h.log).toEqual([]);
    expect(await h.store.listSteps(request.executionId)).toEqual([]);
  });

  it('finding 6: the stored task decides the state a step sets, not the request', async () => {
    const { h, dep, request, task } = await pending();
    const answer = await h.deps.invoker.invoke({ ...request, setState: 'deleted', inputs: { ms: 1 } }, {});
    expect(answer.status).toBe('succeeded');
    const [instance] = await h.store.listNodeInstances(dep);
    expect(instance!.state).toBe(task.setState ?? 'uninitialized');
  });

  it('finding 6: an execution that no longer holds the lock (finished, or never ran) runs nothing', async () => {
    const { h, lock, request } = await pending();
    await h.store.releaseLock(lock);
    const answer = await h.deps.invoker.invoke(request, {});
    expect(answer.error).toMatch(/does not hold deployment/);
    expect(h.log).toEqual([]);
  });

  it('finding 14: a step whose driver lost the lock while it ran records nothing', async () => {
    const { h, dep, e, request } = await pending(50);
    const running = h.deps.invoker.invoke(request, {});
    // The lease runs out mid-step and another driver takes the deployment (a new fencing token).
    await new Promise((r) => setTimeout(r, 150));
    const taken = await h.store.acquireLock(dep, e.id, 'driver-b', 60_000);
    expect(taken.fencingToken).toBe(request.fencingToken + 1);
    const answer = await running;
    expect(h.log).toEqual(['n configure']);
    expect(answer.status).toBe('failed');
    expect(answer.error).toMatch(/another driver took over/);
    expect(await h.store.listSteps(e.id)).toEqual([]);
    const [instance] = await h.store.listNodeInstances(dep);
    expect(instance!.runtimeProperties['runs']).toBeUndefined();
    // The new holder's send of the same attempt runs and records normally.
    const again = await h.deps.invoker.invoke({ ...request, fencingToken: taken.fencingToken }, {});
    expect(again.status).toBe('succeeded');
    expect(await h.store.listSteps(e.id)).toHaveLength(1);
  });
});
