import { cpSync, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
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
    mapping: suspend.cloudify_suspend.workflows.suspend
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
    await expect(h.run(dep, 'not_here')).rejects.toThrow(/maps to suspend.cloudify_suspend.workflows.suspend, which Isthmus does not run/);
    await expect(h.run(dep, 'nothing')).rejects.toThrow(/'nothing' is not a workflow of this deployment; built-ins: .*; the blueprint's: maintain, not_here/);
    expect(await h.store.listExecutions(dep)).toEqual([]);
  }, 60_000);
});

describe("a blueprint's scalelist workflows (cloudify-utilities-plugin's scaleuplist and scaledownlist)", () => {
  it('scales a group (with its contained nodes) and a node in one transaction with the given runtime properties, then removes the transaction', async () => {
    const h = await createHarness({ maxRetries: 0 });
    const dep = await h.deploy(
      `${HEADER}  - plugin:cloudify-utilities-plugin
${RECORDING_TYPES}node_templates:
  host: { type: rec.Node }
  app: { type: rec.Node, relationships: [ { type: cloudify.relationships.contained_in, target: host } ] }
  solo: { type: rec.Node }
groups:
  hosts: { members: [host] }
policies:
  hosts_policy: { type: cloudify.policies.scaling, properties: { default_instances: 1 }, targets: [hosts] }
`,
      'lists',
    );
    expect((await h.run(dep, 'install')).status).toBe('terminated');
    const before = (await h.store.listNodeInstances(dep)).map((i) => i.id).sort();
    const up = await h.run(dep, 'scaleuplist', {
      scalable_entity_properties: JSON.stringify({ app: [{ name: 'a1' }, { name: 'a2' }], solo: [{ name: 's1' }] }),
      scale_transaction_value: 'tx-1',
    });
    expect(up.error).toBeUndefined();
    const added = (await h.store.listNodeInstances(dep)).filter((i) => !before.includes(i.id));
    expect(added.map((i) => i.nodeId).sort()).toEqual(['app', 'app', 'host', 'host', 'solo']);
    expect(added.every((i) => i.state === 'started' && i.runtimeProperties['_transaction_id'] === 'tx-1')).toBe(true);
    // The plugin takes each new instance's entry from the end of its node's list.
    expect(added.filter((i) => i.nodeId === 'app').map((i) => i.runtimeProperties['name'])).toEqual(expect.arrayContaining(['a1', 'a2']));
    expect(added.find((i) => i.nodeId === 'solo')!.runtimeProperties['name']).toBe('s1');
    // Each new app sits on a new host.
    const hosts = new Set(added.filter((i) => i.nodeId === 'app').map((i) => i.hostId));
    expect([...hosts].every((id) => added.some((i) => i.id === id))).toBe(true);

    await expect(h.run(dep, 'scaledownlist', { scale_node_name: 'solo' })).rejects.toThrow(/needs scale_node_field/);
    const down = await h.run(dep, 'scaledownlist', { scale_node_name: 'solo', scale_node_field: 'name', scale_node_field_value: 's1' });
    expect(down.error).toBeUndefined();
    expect((await h.store.listNodeInstances(dep)).map((i) => i.id).sort()).toEqual(before);
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

const scalelist = path.resolve(
  import.meta.dirname,
  '../../shared/corpus/blueprints/cloudify-community__blueprint-examples/utilities-examples/cloudify_scalelist',
);

describe.runIf(existsSync(scalelist))("the utilities plugin's scalelist example, unchanged: its blueprint, scripts and parameter files", () => {
  it('scaleuplist adds two and four_scale instances in one transaction, each with its runtime properties; scaledownlist removes the whole transaction', async () => {
    const h = await createHarness({ maxRetries: 0 });
    cpSync(path.join(scalelist, 'scripts'), path.join(h.dir, 'scripts'), { recursive: true });
    const dep = await h.deploy(readFileSync(path.join(scalelist, 'blueprint.yaml'), 'utf8'), 'scalelist');
    expect((await h.run(dep, 'install')).error).toBeUndefined();
    const before = await h.store.listNodeInstances(dep);
    expect(before).toHaveLength(5);

    const params = (file: string) => parse(readFileSync(path.join(scalelist, file), 'utf8')) as Record<string, never>;
    const up = await h.run(dep, 'scaleuplist', params('scaleup_params.yaml'));
    expect(up.error).toBeUndefined();
    const after = await h.store.listNodeInstances(dep);
    expect(after).toHaveLength(16);
    const added = after.filter((i) => !before.some((b) => b.id === i.id));
    expect(added.every((i) => i.state === 'started' && i.runtimeProperties['_transaction_id'] === up.id)).toBe(true);
    const namesOf = (node: string) => added.filter((i) => i.nodeId === node).map((i) => i.runtimeProperties['resource_name']);
    // create.py took the name each new instance started with.
    expect(namesOf('two').sort()).toEqual(['two1', 'two2']);
    expect(namesOf('four').sort()).toEqual(['four1', 'four2', 'four3']);
    expect(added.find((i) => i.runtimeProperties['resource_name'] === 'two1')!.runtimeProperties['deep']).toEqual({ search: 'check' });
    expect((await h.store.getDeployment(dep))!.plan.nodeInstances).toHaveLength(16);

    const down = await h.run(dep, 'scaledownlist', params('scaledown_params.yaml'));
    expect(down.error).toBeUndefined();
    expect((await h.store.listNodeInstances(dep)).map((i) => i.id).sort()).toEqual(before.map((i) => i.id).sort());
    expect((await h.store.getDeployment(dep))!.plan.nodeInstances).toHaveLength(5);
    // Nothing matches any more: an execution with nothing to do, as the plugin returns.
    const none = await h.run(dep, 'scaledownlist', params('scaledown_byvalue.yaml'));
    expect(none.status).toBe('terminated');
    expect(none.taskCount).toBe(0);
  }, 120_000);
});

describe("the Kubernetes plugin's refresh_and_store_token", () => {
  it('reads the cluster, the service account and its token secret again, then runs the storing node, in that order; an unknown name is refused', async () => {
    const h = await createHarness({ maxRetries: 0 });
    const dep = await h.deploy(
      `${HEADER}  - plugin:cloudify-kubernetes-plugin
${RECORDING_TYPES}node_templates:
  eks_cluster: { type: rec.Node, interfaces: { cloudify.interfaces.lifecycle: { poststart: rec.op } } }
  new_service_account: { type: rec.Node, interfaces: { cloudify.interfaces.lifecycle: { poststart: rec.op } } }
  secret: { type: rec.Node, interfaces: { cloudify.interfaces.lifecycle: { poststart: rec.op } } }
  store_token_and_kubeconfig: { type: rec.Node }
  unrelated: { type: rec.Node, interfaces: { cloudify.interfaces.lifecycle: { poststart: rec.op } } }
`,
      'token',
    );
    expect((await h.run(dep, 'install')).error).toBeUndefined();
    h.log.length = 0;
    const run = await h.run(dep, 'refresh_and_store_token');
    expect(run.error).toBeUndefined();
    expect(h.log).toEqual(['eks_cluster poststart', 'new_service_account poststart', 'secret poststart', 'store_token_and_kubeconfig create']);
    await expect(h.run(dep, 'refresh_and_store_token', { secret_token_node_instance_id: 'nope' })).rejects.toThrow(
      /secret_token_node_instance_id names 'nope'/,
    );
  }, 60_000);
});
