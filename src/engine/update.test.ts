import { describe, expect, it } from 'vitest';
import { HEADER } from '../../test/support/blueprint-files.js';
import { createHarness, RECORDING_TYPES } from '../../test/support/engine.js';
import { runExecution, runPreUpdate, startRollback, startUpdate } from './index.js';

const V1 = `${HEADER}${RECORDING_TYPES}node_templates:
  db: { type: rec.Node, properties: { resource_id: db-v1 } }
  cache: { type: rec.Node }
  api:
    type: rec.Node
    interfaces: { cloudify.interfaces.lifecycle: { update: rec.op } }
    relationships: [ { type: rec.link, target: db }, { type: rec.link, target: cache } ]
  old: { type: rec.Node }
outputs:
  api: { value: { get_attribute: [api, runs] } }
`;

// db changes a property (reinstall), api changes an input (update operation), old goes, queue comes,
// api drops its link to cache and links to queue.
const V2 = `${HEADER}${RECORDING_TYPES}node_templates:
  db: { type: rec.Node, properties: { resource_id: db-v2 } }
  cache: { type: rec.Node }
  api:
    type: rec.Node
    interfaces: { cloudify.interfaces.lifecycle: { update: { implementation: rec.op, inputs: { version: 2 } } } }
    relationships: [ { type: rec.link, target: db }, { type: rec.link, target: queue } ]
  queue: { type: rec.Node }
outputs:
  queue_runs: { value: { get_attribute: [queue, runs] } }
`;

describe('update', () => {
  it('previews the steps without changing anything', async () => {
    const h = await createHarness();
    const dep = await h.deploy(V1);
    await h.run(dep, 'install');
    const start = await startUpdate(h.store, dep, { plan: h.planOf(V2, 'v2'), inputs: {}, blueprintFile: 'v2.yaml', blueprintDigest: 'v2' }, { preview: true });
    expect(start.preview).toBe(true);
    expect(start.diff.steps.map((s) => `${s.action} ${s.entity} ${s.name}`)).toEqual(
      expect.arrayContaining(['add node queue', 'remove node old', 'modify node db', 'modify node api', 'remove output api', 'add output queue_runs']),
    );
    expect(start.diff.removedRelationships.map((r) => r.type)).toEqual(['rec.link']);
    expect(await h.store.listExecutions(dep)).toHaveLength(1);
  });

  it('uninstalls removed nodes, reinstalls or updates modified ones, installs added ones, and re-links', async () => {
    const h = await createHarness({ maxParallel: 1 });
    const dep = await h.deploy(V1);
    await h.run(dep, 'install');
    h.log.length = 0;
    const start = await startUpdate(h.store, dep, { plan: h.planOf(V2, 'v2'), inputs: {}, blueprintFile: 'v2.yaml', blueprintDigest: 'v2' }, {});
    if (start.preview) throw new Error('expected an execution');
    const e = await runExecution(h.deps, dep, start.execution.id);
    expect(e.error).toBeUndefined();
    expect(e.status).toBe('terminated');
    const log = h.log;
    // removals first
    expect(log.findIndex((l) => l.startsWith('api unlink'))).toBeLessThan(log.indexOf('old delete'));
    expect(log).toContain('old stop');
    expect(log.some((l) => l.startsWith('api unlink') && l.includes('->cache_'))).toBe(true);
    // cache did not change: it is left alone.
    expect(log.filter((l) => l.startsWith('cache '))).toEqual([]);
    // db reinstalled (api unlinks and re-establishes), api updated in place, queue installed and linked
    expect(log.indexOf('db delete')).toBeLessThan(log.indexOf('db create'));
    expect(log).toContain('api update');
    expect(log).not.toContain('api delete');
    expect(log.indexOf('queue create')).toBeGreaterThan(log.indexOf('db create'));
    expect(log.filter((l) => l.startsWith('api establish')).length).toBe(2);
    const deployment = (await h.store.getDeployment(dep))!;
    expect(deployment.blueprintFile).toBe('v2.yaml');
    expect(deployment.plan.nodes.map((n) => n.id).sort()).toEqual(['api', 'cache', 'db', 'queue']);
    const instances = await h.store.listNodeInstances(dep);
    expect(instances.map((i) => i.nodeId).sort()).toEqual(['api', 'cache', 'db', 'queue']);
    expect(instances.every((i) => i.state === 'started')).toBe(true);
    const api = deployment.plan.nodeInstances.find((i) => i.nodeId === 'api')!;
    expect(api.relationships.map((r) => r.targetNode).sort()).toEqual(['db', 'queue']);
    expect(Object.keys(deployment.outputs)).toEqual(['queue_runs']);
    expect(instances.find((i) => i.nodeId === 'api')!.runtimeProperties['input_version']).toBe(2);
  });

  it('refuses an update that moves a node to another host', async () => {
    const h = await createHarness();
    const dep = await h.deploy(
      `${HEADER}${RECORDING_TYPES}node_templates:\n  h1: { type: rec.Node }\n  h2: { type: rec.Node }\n  app: { type: rec.Node, relationships: [ { type: cloudify.relationships.contained_in, target: h1 } ] }\n`,
    );
    await h.run(dep, 'install');
    const v2 = h.planOf(
      `${HEADER}${RECORDING_TYPES}node_templates:\n  h1: { type: rec.Node }\n  h2: { type: rec.Node }\n  app: { type: rec.Node, relationships: [ { type: cloudify.relationships.contained_in, target: h2 } ] }\n`,
      'moved',
    );
    await expect(startUpdate(h.store, dep, { plan: v2, inputs: {}, blueprintFile: 'moved.yaml', blueprintDigest: 'm' }, {})).rejects.toThrow(
      /moves from host 'h1' to 'h2'/,
    );
  });
});

describe("update's drift and heal phases (skip_drift_check, skip_heal, drift_only)", () => {
  const DRIFTING = `${HEADER}${RECORDING_TYPES}node_templates:
  api:
    type: rec.Node
    properties: { resource_id: api-v1 }
    interfaces:
      cloudify.interfaces.lifecycle: { update: rec.op }
      cloudify.interfaces.validation: { check_drift: rec.drift }
  worker:
    type: rec.Node
    interfaces: { cloudify.interfaces.validation: { check_drift: rec.drift } }
`;
  const markDrifted = async (h: Awaited<ReturnType<typeof createHarness>>, dep: string, node: string) => {
    const i = (await h.store.listNodeInstances(dep)).find((x) => x.nodeId === node)!;
    await h.store.updateNodeInstance(dep, i.id, i.version, { runtimeProperties: { ...i.runtimeProperties, drifted: 'changed by hand' } });
    return i.id;
  };

  it('finds drifted instances before the update and brings them back with it; skip_drift_check leaves them; a preview checks nothing', async () => {
    const h = await createHarness({ maxParallel: 1 });
    const dep = await h.deploy(DRIFTING);
    await h.run(dep, 'install');
    const api = await markDrifted(h, dep, 'api');
    const worker = await markDrifted(h, dep, 'worker');

    expect(await runPreUpdate(h.deps, dep, { preview: true })).toEqual({ drifted: [], notes: [] });
    const skipped = await runPreUpdate(h.deps, dep, { skip_drift_check: true, skip_heal: true });
    expect(skipped).toEqual({ drifted: [], notes: [] });

    const pre = await runPreUpdate(h.deps, dep, {});
    expect(pre.heal?.healed).toEqual([]);
    expect(pre.drifted.sort()).toEqual([api, worker].sort());
    h.log.length = 0;
    // A new blueprint that changes nothing: the update still brings both drifted instances back,
    // api with its update operation, worker (no update operation) by reinstalling it.
    const start = await startUpdate(
      h.store,
      dep,
      { plan: h.planOf(DRIFTING, 'same'), inputs: {}, blueprintFile: 'same.yaml', blueprintDigest: 'same' },
      {},
      {
        drifted: pre.drifted,
      },
    );
    if (start.preview) throw new Error('expected an execution');
    expect(start.diff.steps).toEqual([]);
    expect((await runExecution(h.deps, dep, start.execution.id)).status).toBe('terminated');
    expect(h.log).toContain('api update');
    expect(h.log).toEqual(expect.arrayContaining(['worker delete', 'worker create']));
    expect((await runPreUpdate(h.deps, dep, { skip_heal: true })).drifted).toEqual([]);
  });

  it('drift_only keeps the deployment on its own blueprint and inputs and updates only the drifted instance', async () => {
    const h = await createHarness({ maxParallel: 1 });
    const dep = await h.deploy(DRIFTING);
    await h.run(dep, 'install');
    const api = await markDrifted(h, dep, 'api');
    const pre = await runPreUpdate(h.deps, dep, { drift_only: true, skip_heal: true, skip_drift_check: true });
    // drift_only always checks drift, even when told to skip the check.
    expect(pre.drifted).toEqual([api]);
    h.log.length = 0;
    const v2 = DRIFTING.replace('api-v1', 'api-v2');
    const start = await startUpdate(
      h.store,
      dep,
      { plan: h.planOf(v2, 'v2'), inputs: {}, blueprintFile: 'v2.yaml', blueprintDigest: 'v2' },
      { drift_only: true },
      {
        drifted: pre.drifted,
      },
    );
    if (start.preview) throw new Error('expected an execution');
    expect(start.diff.steps).toEqual([]);
    expect((await runExecution(h.deps, dep, start.execution.id)).status).toBe('terminated');
    expect(h.log.filter((l) => !l.includes('check_drift'))).toEqual(['api update']);
    expect(JSON.stringify((await h.store.getDeployment(dep))!.plan)).toContain('api-v1');
  });
});

describe('history and rollback', () => {
  it('records a revision per install and update, with who started it; a rollback returns to a revision and is a revision itself', async () => {
    const h = await createHarness({ maxParallel: 1 });
    const dep = await h.deploy(V1);
    await h.run(dep, 'install');
    const start = await startUpdate(
      h.store,
      dep,
      { plan: h.planOf(V2, 'v2'), inputs: {}, blueprintFile: 'v2.yaml', blueprintDigest: 'v2' },
      {},
      {
        trigger: { by: 'github push', commit: 'c'.repeat(40), pr: 12, run: 'https://github.com/o/r/actions/runs/1' },
      },
    );
    if (start.preview) throw new Error('expected an execution');
    expect((await runExecution(h.deps, dep, start.execution.id)).status).toBe('terminated');
    const history = await h.store.listRevisions(dep);
    expect(history.map((r) => [r.revision, r.workflow, r.blueprintDigest])).toEqual([
      [1, 'install', expect.any(String)],
      [2, 'update', 'v2'],
    ]);
    expect(history[1]!.trigger).toEqual({ by: 'github push', commit: 'c'.repeat(40), pr: 12, run: 'https://github.com/o/r/actions/runs/1' });
    expect(history[1]!.plan.nodes.map((n) => n.id)).toContain('queue');

    // Back to revision 1: queue goes, old comes back, db returns to db-v1.
    const back = await startRollback(h.store, dep, undefined, { trigger: { by: 'cli tester' } });
    expect(back.target.revision).toBe(1);
    if (back.started.preview) throw new Error('expected an execution');
    expect((await runExecution(h.deps, dep, back.started.execution.id)).status).toBe('terminated');
    const now = (await h.store.getDeployment(dep))!;
    expect(now.plan.nodes.map((n) => n.id).sort()).toEqual(['api', 'cache', 'db', 'old']);
    expect(JSON.stringify(now.plan)).toContain('db-v1');
    expect(now.blueprintDigest).toBe(history[0]!.blueprintDigest);
    const after = await h.store.listRevisions(dep);
    expect(after.map((r) => [r.revision, r.workflow, r.trigger?.rollbackTo])).toEqual([
      [1, 'install', undefined],
      [2, 'update', undefined],
      [3, 'rollback', 1],
    ]);
    // Rolling back the rollback returns to revision 2; a revision that does not exist is named.
    await expect(startRollback(h.store, dep, 7)).rejects.toThrow(/has no revision 7; its revisions: 1, 2, 3/);
    await expect(startRollback(h.store, dep, 3)).rejects.toThrow(/is at revision 3 already/);
  });
});
