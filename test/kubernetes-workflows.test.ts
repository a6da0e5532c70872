import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../src/sandbox/index.js';
import { HEADER } from './support/blueprint-files.js';
import { createHarness } from './support/engine.js';

/**
 * The Kubernetes plugin's day-two parts on the sandbox: a SharedCluster that names the deployment of
 * its cluster (resource_config.deployment.id: its connection_details capability is how the nodes
 * connected to it reach the cluster), and the update_resource_definition workflow.
 */
let sb: Sandbox;
beforeAll(async () => {
  sb = await startSandbox({ timing: { podReadyMs: 30 } });
});
const dirs: string[] = [];
afterAll(async () => {
  await sb?.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe("the Kubernetes plugin's update_resource_definition workflow", () => {
  it("merges the changes into the instance's definition and applies it; an instance is required", async () => {
    const h = await createHarness({ maxRetries: 0, settings: { kubeconfigOverride: await kubeconfigFile() } });
    const dep = await h.deploy(
      `${HEADER}  - plugin:cloudify-kubernetes-plugin
node_templates:
  settings:
    type: cloudify.kubernetes.resources.ConfigMap
    properties: { definition: { apiVersion: v1, kind: ConfigMap, metadata: { name: tunables }, data: { level: low } } }
`,
      'tunables',
    );
    expect((await h.run(dep, 'install')).error).toBeUndefined();
    const id = (await h.store.listNodeInstances(dep))[0]!.id;
    const run = await h.run(dep, 'update_resource_definition', { node_instance_id: id, resource_definition_changes: { data: { level: 'high' } } });
    expect(run.error).toBeUndefined();
    expect(sb.api.get(sb.api.catalog.byKind('', 'ConfigMap')!, 'default', 'tunables')['data']).toEqual({ level: 'high' });
    await expect(h.run(dep, 'update_resource_definition', {})).rejects.toThrow(/needs the parameter 'node_instance_id'/);
  }, 60_000);
});

describe('health_check_exprs (CEL over the live object) decide health in check_status', () => {
  it('healthy while the expression holds, unhealthy (saying which) once it does not', async () => {
    const h = await createHarness({ maxRetries: 0, settings: { kubeconfigOverride: await kubeconfigFile() } });
    const dep = await h.deploy(
      `${HEADER}  - plugin:cloudify-kubernetes-plugin
node_templates:
  switch:
    type: cloudify.kubernetes.resources.ConfigMap
    properties:
      definition: { apiVersion: v1, kind: ConfigMap, metadata: { name: feature-switch }, data: { mode: 'on' } }
      health_check_exprs: [ { kind: ConfigMap, current: "self.data.mode == 'on'" } ]
`,
      'switch',
    );
    expect((await h.run(dep, 'install')).error).toBeUndefined();
    expect((await h.run(dep, 'check_status')).error).toBeUndefined();
    expect((await h.store.listNodeInstances(dep))[0]!.lastCheckStatus).toMatchObject({ ok: true });
    const cm = sb.api.catalog.byKind('', 'ConfigMap')!;
    sb.api.replace(cm, 'default', 'feature-switch', { ...sb.api.get(cm, 'default', 'feature-switch'), data: { mode: 'off' } });
    await h.run(dep, 'check_status');
    expect((await h.store.listNodeInstances(dep))[0]!.lastCheckStatus).toMatchObject({
      ok: false,
      message: expect.stringMatching(/until self\.data\.mode == 'on'/),
    });
  }, 60_000);
});

describe('the check_drift workflow', () => {
  it('records in sync, then drifted with the fields that differ once the live object is changed behind its back', async () => {
    const h = await createHarness({ maxRetries: 0, settings: { kubeconfigOverride: await kubeconfigFile() } });
    const dep = await h.deploy(
      `${HEADER}  - plugin:cloudify-kubernetes-plugin
node_templates:
  limits:
    type: cloudify.kubernetes.resources.ConfigMap
    properties: { definition: { apiVersion: v1, kind: ConfigMap, metadata: { name: limits }, data: { rps: '100', burst: '20' } } }
  marker: { type: cloudify.nodes.Root }
`,
      'drift',
    );
    expect((await h.run(dep, 'install')).error).toBeUndefined();
    expect((await h.run(dep, 'check_drift')).error).toBeUndefined();
    const byNode = async (node: string) => (await h.store.listNodeInstances(dep)).find((i) => i.nodeId === node)!;
    expect((await byNode('limits')).lastCheckDrift).toMatchObject({ state: 'in_sync' });
    // No drift check defined: nothing recorded (the CLI prints it as unknown).
    expect((await byNode('marker')).lastCheckDrift).toBeUndefined();
    const cm = sb.api.catalog.byKind('', 'ConfigMap')!;
    sb.api.replace(cm, 'default', 'limits', { ...sb.api.get(cm, 'default', 'limits'), data: { rps: '5', burst: '20' } });
    const run = await h.run(dep, 'check_drift');
    expect(run.error).toBeUndefined();
    expect((await byNode('limits')).lastCheckDrift).toMatchObject({ state: 'drifted', differences: { 'ConfigMap default/limits': ['data.rps'] } });
  }, 60_000);
});

describe('SharedCluster reads the cluster deployment it names', () => {
  it('installs a ConfigMap on the cluster that another deployment exposes as connection_details', async () => {
    const h = await createHarness({ maxRetries: 0 });
    const cluster = await h.deploy(
      `${HEADER}inputs:
  kubeconfig: { type: string }
node_templates:
  marker: { type: cloudify.nodes.Root }
capabilities:
  connection_details: { value: { file_content: { get_input: kubeconfig } } }
`,
      'cluster',
      { kubeconfig: sb.kubeconfig() },
    );
    expect((await h.run(cluster, 'install')).error).toBeUndefined();
    const app = await h.deploy(
      `${HEADER}  - plugin:cloudify-kubernetes-plugin
node_templates:
  shared:
    type: cloudify.nodes.kubernetes.resources.SharedCluster
    properties: { resource_config: { deployment: { id: cluster } } }
  settings:
    type: cloudify.kubernetes.resources.ConfigMap
    properties: { definition: { apiVersion: v1, kind: ConfigMap, metadata: { name: shared-settings }, data: { a: '1' } } }
    relationships: [ { type: cloudify.relationships.kubernetes.connected_to_shared_cluster, target: shared } ]
`,
      'app',
    );
    const install = await h.run(app, 'install');
    expect(install.error).toBeUndefined();
    expect(sb.api.get(sb.api.catalog.byKind('', 'ConfigMap')!, 'default', 'shared-settings')['data']).toEqual({ a: '1' });
  }, 60_000);
});

async function kubeconfigFile(): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'isthmus-kwf-'));
  dirs.push(dir);
  const file = path.join(dir, 'kubeconfig');
  writeFileSync(file, sb.kubeconfig());
  return file;
}
