import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../src/sandbox/index.js';
import { HEADER } from './support/blueprint-files.js';
import { createHarness } from './support/engine.js';

/**
 * A SharedCluster that names the deployment of its cluster (resource_config.deployment.id): its
 * connection_details capability is how the nodes connected to the shared cluster reach it.
 */
describe('SharedCluster reads the cluster deployment it names', () => {
  let sb: Sandbox;
  beforeAll(async () => {
    sb = await startSandbox({ timing: { podReadyMs: 30 } });
  });
  afterAll(async () => sb?.close());

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
