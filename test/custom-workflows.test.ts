import { cpSync, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HEADER } from './support/blueprint-files.js';
import { createHarness, RECORDING_TYPES } from './support/engine.js';

const BLUEPRINT = `${HEADER}  - plugin:cloudify-utilities-plugin
${RECORDING_TYPES}node_templates:
  db: { type: rec.Node, interfaces: { maintenance: { backup: rec.op, vacuum: { implementation: rec.op, inputs: { full: false } } } } }
  web:
    type: rec.Node
    capabilities: { scalable: { properties: { default_instances: 2 } } }
    interfaces: { maintenance: { backup: rec.op, vacuum: rec.op } }
workflows:
  maintain:
    mapping: cloudify_custom_workflow.cloudify_custom_workflow.tasks.customwf
    parameters:
      nodes_to_runon: { default: [web, db] }
      operations_to_execute: { default: [maintenance.vacuum, maintenance.backup] }
      reason: { default: nightly }
      full: { default: true }
      allow_kwargs_override: { default: false }
  not_here:
    mapping: scalelist.cloudify_scalelist.workflows.scaleuplist
`;

describe("a blueprint's own workflows (cloudify-utilities-plugin's customwf)", () => {
  it('runs the listed operations node by node, instance by instance, in order, with the other parameters as inputs', async () => {
    const h = await createHarness({ maxRetries: 0 });
    const dep = await h.deploy(BLUEPRINT, 'maint');
    expect((await h.run(dep, 'install')).status).toBe('terminated');
    h.log.length = 0;
    const run = await h.run(dep, 'maintain', { nodes_to_runon: '["web", "db"]', allow_kwargs_override: true });
    expect(run.error).toBeUndefined();
    expect(h.log.map((l) => l.replace('maintenance.', ''))).toEqual(['web vacuum', 'web backup', 'web vacuum', 'web backup', 'db vacuum', 'db backup']);
    const tasks = (await h.store.listTasks(run.id)).sort((a, b) => a.id.localeCompare(b.id));
    // A sequence: each task waits on the one before it.
    expect(tasks.filter((t) => t.dependsOn.length === 0)).toHaveLength(1);
    const dbVacuum = tasks.find((t) => t.nodeInstanceId.startsWith('db_') && t.operation === 'maintenance.vacuum')!;
    expect(dbVacuum.inputs).toEqual({ reason: 'nightly', full: true });
    const [db] = (await h.store.listNodeInstances(dep)).filter((i) => i.nodeId === 'db');
    expect(db!.runtimeProperties).toMatchObject({ input_reason: 'nightly', input_full: true });
  }, 60_000);

  it('refuses what Cloudify refuses, before anything runs: an input it would override, an undeclared parameter, an unknown node, a mapping it does not run', async () => {
    const h = await createHarness({ maxRetries: 0 });
    const dep = await h.deploy(BLUEPRINT, 'maint');
    await expect(h.run(dep, 'maintain')).rejects.toThrow(
      /parameter 'full' would override the input of maintenance.vacuum on node 'db'; set allow_kwargs_override/,
    );
    await expect(h.run(dep, 'maintain', { colour: 'blue' })).rejects.toThrow(/maintain has no parameter 'colour'; its parameters: nodes_to_runon/);
    await expect(h.run(dep, 'maintain', { nodes_to_runon: ['cache'] })).rejects.toThrow(/'cache', which is not a node/);
    await expect(h.run(dep, 'not_here')).rejects.toThrow(/maps to scalelist.cloudify_scalelist.workflows.scaleuplist, which Isthmus does not run/);
    await expect(h.run(dep, 'nothing')).rejects.toThrow(/'nothing' is not a workflow of this deployment; built-ins: .*; the blueprint's: maintain, not_here/);
    expect(await h.store.listExecutions(dep)).toEqual([]);
  }, 60_000);
});

const example = path.resolve(
  import.meta.dirname,
  '../../shared/corpus/blueprints/cloudify-community__blueprint-examples/utilities-examples/cloudify_custom_workflow/example.yaml',
);

describe.runIf(existsSync(example))("the utilities plugin's custom-workflow example, unchanged", () => {
  it('MyFlatWorkFlow logs interfaceA then interfaceB on nodeA, then on nodeB', async () => {
    const h = await createHarness({ maxRetries: 0 });
    cpSync(example, path.join(h.dir, 'example-source.yaml'));
    const dep = await h.deploy(readFileSync(path.join(h.dir, 'example-source.yaml'), 'utf8'), 'customwf');
    expect((await h.run(dep, 'install')).status).toBe('terminated');
    const run = await h.run(dep, 'MyFlatWorkFlow');
    expect(run.error).toBeUndefined();
    const logs = (await h.store.listEvents(run.id)).filter((e) => e.type === 'log' && e.message.includes('Log interface'));
    expect(logs.map((e) => `${e.nodeInstanceId!.replace(/_.*/, '')}: ${e.message}`)).toEqual([
      'nodeA: Log interface: {}',
      'nodeA: Log interface: {}',
      'nodeB: Log interface: {}',
      'nodeB: Log interface: {}',
    ]);
    const sent = (await h.store.listEvents(run.id)).filter((e) => e.type === 'task_sent').map((e) => e.message.replace(/_[a-z0-9]+/, ''));
    expect(sent).toEqual(['custom.interfaceA on nodeA', 'custom.interfaceB on nodeA', 'custom.interfaceA on nodeB', 'custom.interfaceB on nodeB']);
  }, 60_000);
});
