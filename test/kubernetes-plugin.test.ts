import type { KubernetesObject, V1ConfigMap, V1Deployment, V1Pod, V1Secret, V1Service } from '@kubernetes/client-node';
import type { YamlMap } from '../src/dsl/index.js';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runExecution, runHeal, startExecution } from '../src/engine/index.js';
import { startSandbox, type Sandbox } from '../src/sandbox/index.js';
import { createHarness, type Harness } from './support/engine.js';
import { CLIENT_CONFIG, KUBERNETES_HEADER, readObject, type CustomObject, startTestCluster, type TestCluster } from './support/kubernetes.js';

const EXAMPLE = path.resolve('examples/wordpress-hybrid');

async function events(h: Harness, dep: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await h.store.listExecutions(dep)) for (const ev of await h.store.listEvents(e.id)) out.push(ev.message);
  return out;
}

describe('Kubernetes plugin', () => {
  let cluster: TestCluster;
  beforeAll(async () => {
    cluster = await startTestCluster();
  });
  afterAll(async () => cluster?.close());

  it('runs the wordpress-hybrid example: install, Service address into a non-Kubernetes node, heal, migrate, uninstall', async () => {
    const h = await createHarness({ maxRetries: 20, secrets: { wordpress_db_password: 'pw-5ecret-123' } });
    cpSync(EXAMPLE, h.dir, { recursive: true });
    const dep = await h.deploy(readFileSync(path.join(EXAMPLE, 'blueprint.yaml'), 'utf8'), 'wp', { kubeconfig: cluster.kubeconfig, namespace: 'wp-test' });
    const install = await h.run(dep, 'install');
    expect(install.error).toBeUndefined();
    expect(install.status).toBe('terminated');

    // The Service's load-balancer address reached the script-configured load balancer.
    const svc = await readObject<V1Service>(cluster.objects, 'v1', 'Service', 'wordpress', 'wp-test');
    const ingress = svc!.status!.loadBalancer!.ingress![0]!;
    const address = ingress.ip ?? ingress.hostname;
    const lb = (await h.store.listNodeInstances(dep)).find((i) => i.nodeId === 'external_load_balancer')!;
    expect(lb.runtimeProperties['backend']).toBe(`${address}:80`);
    expect(readFileSync(String(lb.runtimeProperties['config_file']), 'utf8')).toContain(`server ${address}:80;`);
    const deployment = (await h.store.getDeployment(dep))!;
    expect(deployment.outputs?.['wordpress_url']).toBe('http://wordpress.example.test/');
    expect(deployment.outputs?.['wordpress_replicas']).toBe(2);

    // The secret reached Kubernetes and nothing else.
    const secret = await readObject<V1Secret>(cluster.objects, 'v1', 'Secret', 'mysql-credentials', 'wp-test');
    expect(Buffer.from(secret!.data!['password']!, 'base64').toString()).toBe('pw-5ecret-123');
    expect((await events(h, dep)).join('\n')).not.toContain('pw-5ecret-123');
    const stored = JSON.stringify(await h.store.listNodeInstances(dep));
    expect(stored).not.toContain('pw-5ecret-123');
    // Finding 2: nor its base64 form, as a Secret's data is stored: a Secret's values are masked.
    expect(stored).not.toContain(Buffer.from('pw-5ecret-123').toString('base64'));

    // A pod deleted behind our back: check_status finds it, heal creates it again.
    const cron = await readObject(cluster.objects, 'v1', 'Pod', 'wordpress-cron', 'wp-test');
    await cluster.objects.delete({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'wordpress-cron', namespace: 'wp-test' } }, undefined, undefined, 0);
    const heal = await runHeal(h.deps, dep, {}, { retries: { maxRetries: 20, retryInterval: 0 } });
    expect(heal.healed.map((id) => id.split('_').slice(0, -1).join('_'))).toEqual(['wordpress_cron']);
    expect(heal.heal.status).toBe('terminated');
    const again = await readObject(cluster.objects, 'v1', 'Pod', 'wordpress-cron', 'wp-test');
    expect(again?.metadata?.uid).toBeDefined();
    expect(again?.metadata?.uid).not.toBe(cron!.metadata!.uid);

    // Migrate WordPress to pool-b: every pod ends up on a pool-b node.
    const migrate = await h.run(dep, 'execute_operation', {
      operation: 'isthmus.interfaces.kubernetes.migrate',
      node_ids: ['wordpress'],
      operation_kwargs: { node_pool: 'pool-b' },
    });
    expect(migrate.error).toBeUndefined();
    const nodes = await cluster.objects.list('v1', 'Node');
    const poolB = new Set(nodes.items.filter((n) => n.metadata?.labels?.['isthmus.dev/node-pool'] === 'pool-b').map((n) => n.metadata!.name));
    const pods = await cluster.objects.list('v1', 'Pod', 'wp-test', undefined, undefined, undefined, undefined, 'tier=web');
    expect(pods.items.length).toBe(2);
    for (const p of pods.items) expect(poolB.has((p as { spec?: { nodeName?: string } }).spec?.nodeName)).toBe(true);
    // A later update of the definition keeps the migration (separate field manager).
    const wp = await readObject<V1Deployment>(cluster.objects, 'apps/v1', 'Deployment', 'wordpress', 'wp-test');
    expect(wp!.spec!.template.spec!.nodeSelector).toEqual({ 'isthmus.dev/node-pool': 'pool-b' });

    const uninstall = await h.run(dep, 'uninstall');
    expect(uninstall.error).toBeUndefined();
    expect(await readObject(cluster.objects, 'v1', 'Namespace', 'wp-test')).toBeUndefined();
    expect(await readObject(cluster.objects, 'v1', 'PersistentVolumeClaim', 'mysql-data', 'wp-test')).toBeUndefined();
  }, 120_000);

  it('refuses an invalid spec at once, with the server message and field, without retrying', async () => {
    const h = await createHarness({ maxRetries: 5 });
    const dep = await h.deploy(
      `${KUBERNETES_HEADER}node_templates:
  bad:
    type: cloudify.nodes.kubernetes.resources.Deployment
    properties:
      client_config: ${JSON.stringify(CLIENT_CONFIG)}
      definition:
        apiVersion: apps/v1
        kind: Deployment
        metadata: { name: bad-selector }
        spec:
          selector: { matchLabels: { app: a } }
          template: { metadata: { labels: { app: b } }, spec: { containers: [ { name: c, image: nginx } ] } }
`,
      'invalid',
      { kubeconfig: cluster.kubeconfig },
    );
    const run = await h.run(dep, 'install');
    expect(run.status).toBe('failed');
    expect(run.error).toMatch(/applying Deployment default\/bad-selector: the API server refused it: .*spec\.template\.metadata\.labels/);
    const messages = await events(h, dep);
    expect(messages.filter((m) => m.startsWith('cloudify.interfaces.lifecycle.create') && m.includes(' failed: '))).toHaveLength(1);
    expect(messages.some((m) => m.includes('retrying in'))).toBe(false);
  }, 60_000);

  it('adopts existing objects unless told not to, and leaves external ones in place', async () => {
    await cluster.objects.create({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'pre-existing', namespace: 'default' },
      data: { a: '1' },
    } as KubernetesObject);
    await cluster.objects.create({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'shared-config', namespace: 'default' },
      data: { b: '2' },
    } as KubernetesObject);
    const node = (name: string, extra: string) => `
  ${name.replace(/-/g, '_')}:
    type: cloudify.nodes.kubernetes.resources.ConfigMap
    properties:
      client_config: ${JSON.stringify(CLIENT_CONFIG)}
      definition: { apiVersion: v1, kind: ConfigMap, metadata: { name: ${name} }, data: { c: '3' } }
${extra}`;
    const h = await createHarness({ maxRetries: 5 });
    const strict = await h.deploy(`${KUBERNETES_HEADER}node_templates:${node('pre-existing', '      use_if_exists: false')}`, 'strict', {
      kubeconfig: cluster.kubeconfig,
    });
    const refused = await h.run(strict, 'install');
    expect(refused.status).toBe('failed');
    expect(refused.error).toMatch(/ConfigMap default\/pre-existing already exists, and use_if_exists is false/);

    const adopt = await h.deploy(
      `${KUBERNETES_HEADER}node_templates:${node('pre-existing', '')}${node('shared-config', '      use_external_resource: true')}`,
      'adopt',
      { kubeconfig: cluster.kubeconfig },
    );
    expect((await h.run(adopt, 'install')).status).toBe('terminated');
    // A second install of the same objects converges (server-side apply), as a resumed step would.
    const inst = (await h.store.listNodeInstances(adopt)).find((i) => i.nodeId === 'pre_existing')!;
    await h.store.updateNodeInstance(adopt, inst.id, inst.version, { state: 'uninitialized' });
    expect((await h.run(adopt, 'install')).status).toBe('terminated');
    const adopted = await readObject<V1ConfigMap>(cluster.objects, 'v1', 'ConfigMap', 'pre-existing', 'default');
    expect(adopted!.data).toEqual({ a: '1', c: '3' });
    expect((await readObject<V1ConfigMap>(cluster.objects, 'v1', 'ConfigMap', 'shared-config', 'default'))!.data).toEqual({ b: '2' });
    expect((await h.run(adopt, 'uninstall')).status).toBe('terminated');
    expect(await readObject(cluster.objects, 'v1', 'ConfigMap', 'pre-existing', 'default')).toBeUndefined();
    expect(await readObject(cluster.objects, 'v1', 'ConfigMap', 'shared-config', 'default')).toBeDefined();
  }, 60_000);

  it('applies file-defined resources with template variables, CRDs before their objects, and names unknown variables', async () => {
    const h = await createHarness({ maxRetries: 10 });
    writeFileSync(
      path.join(h.dir, 'app.yaml'),
      `apiVersion: example.isthmus.dev/v1
kind: Gadget
metadata: { name: "{{ NAME }}-gadget", namespace: "{{ NS }}" }
spec: { size: {{ SIZE }} }
---
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: { name: gadgets.example.isthmus.dev }
spec:
  group: example.isthmus.dev
  scope: Namespaced
  names: { plural: gadgets, singular: gadget, kind: Gadget }
  versions: [ { name: v1, served: true, storage: true, schema: { openAPIV3Schema: { type: object, x-kubernetes-preserve-unknown-fields: true } } } ]
---
apiVersion: v1
kind: Namespace
metadata: { name: "{{ NS }}" }
`,
    );
    writeFileSync(
      path.join(h.dir, 'web.yaml'),
      `apiVersion: v1
kind: ConfigMap
metadata: { name: web-settings, namespace: "{{ NS }}" }
data: { size: "{{ SIZE }}" }
`,
    );
    const bp = (vars: string) => `${KUBERNETES_HEADER}node_templates:
  app:
    type: cloudify.nodes.kubernetes.resources.FileDefinedResource
    properties:
      client_config: ${JSON.stringify(CLIENT_CONFIG)}
      file: { resource_path: app.yaml, template_variables: { ${vars} } }
  web:
    type: cloudify.kubernetes.resources.MultipleFileDefinedResources
    properties:
      client_config: ${JSON.stringify(CLIENT_CONFIG)}
      files: [ { resource_path: web.yaml, template_variables: { NS: files-test, SIZE: 4 } } ]
    relationships: [ { type: cloudify.relationships.depends_on, target: app } ]
`;
    const missing = await h.deploy(bp('NAME: g1, NS: files-test'), 'files-missing', { kubeconfig: cluster.kubeconfig });
    const failed = await h.run(missing, 'install');
    expect(failed.error).toMatch(/app\.yaml:4: template variable 'SIZE' is not given in template_variables/);

    const dep = await h.deploy(bp('NAME: g1, NS: files-test, SIZE: 3'), 'files', { kubeconfig: cluster.kubeconfig });
    const run = await h.run(dep, 'install');
    expect(run.error).toBeUndefined();
    expect((await readObject<CustomObject>(cluster.objects, 'example.isthmus.dev/v1', 'Gadget', 'g1-gadget', 'files-test'))!.spec.size).toBe(3);
    expect((await readObject<V1ConfigMap>(cluster.objects, 'v1', 'ConfigMap', 'web-settings', 'files-test'))!.data!['size']).toBe('4');
    const app = (await h.store.listNodeInstances(dep)).find((i) => i.nodeId === 'app')!;
    expect(Object.keys(app.runtimeProperties['resources'] as object)).toEqual(['app.yaml#2', 'app.yaml#1', 'app.yaml#0']);
    expect((app.runtimeProperties['resources'] as Record<string, { name: string }>)['app.yaml#0']!.name).toBe('g1-gadget');
    expect((await h.run(dep, 'uninstall')).error).toBeUndefined();
    expect(await readObject(cluster.objects, 'v1', 'Namespace', 'files-test')).toBeUndefined();
    expect(await readObject(cluster.objects, 'apiextensions.k8s.io/v1', 'CustomResourceDefinition', 'gadgets.example.isthmus.dev')).toBeUndefined();
  }, 60_000);

  it('replaces a renamed object only with allow_node_redefinition, and moves a bare pod by recreating it', async () => {
    const h = await createHarness({ maxRetries: 20 });
    const bp = (name: string, allow: boolean) => `${KUBERNETES_HEADER}node_templates:
  settings:
    type: cloudify.nodes.kubernetes.resources.ConfigMap
    properties:
      client_config: ${JSON.stringify(CLIENT_CONFIG)}
      allow_node_redefinition: ${allow}
      definition: { apiVersion: v1, kind: ConfigMap, metadata: { name: ${name} }, data: { k: v } }
  worker:
    type: cloudify.nodes.kubernetes.resources.Pod
    properties:
      client_config: ${JSON.stringify(CLIENT_CONFIG)}
      definition: { apiVersion: v1, kind: Pod, metadata: { name: bare-worker, labels: { app: bare } }, spec: { containers: [ { name: w, image: nginx } ] } }
`;
    const dep = await h.deploy(bp('settings-v1', false), 'redefine', { kubeconfig: cluster.kubeconfig });
    expect((await h.run(dep, 'install')).error).toBeUndefined();
    const update = (changes: YamlMap) =>
      h.run(dep, 'execute_operation', {
        operation: 'cloudify.interfaces.lifecycle.update',
        node_ids: ['settings'],
        operation_kwargs: { resource_definition_changes: changes },
      });
    const refused = await update({ metadata: { name: 'settings-v2' } });
    expect(refused.error).toMatch(/no longer names ConfigMap default\/settings-v1; set allow_node_redefinition: true/);
    expect(await readObject(cluster.objects, 'v1', 'ConfigMap', 'settings-v2', 'default')).toBeUndefined();

    const dep2 = await h.deploy(bp('settings-a', true), 'redefine2', { kubeconfig: cluster.kubeconfig });
    expect((await h.run(dep2, 'install')).error).toBeUndefined();
    const renamed = await h.run(dep2, 'execute_operation', {
      operation: 'cloudify.interfaces.lifecycle.update',
      node_ids: ['settings'],
      operation_kwargs: { resource_definition_changes: { metadata: { name: 'settings-b' } } },
    });
    expect(renamed.error).toBeUndefined();
    expect(await readObject(cluster.objects, 'v1', 'ConfigMap', 'settings-a', 'default')).toBeUndefined();
    expect((await readObject<V1ConfigMap>(cluster.objects, 'v1', 'ConfigMap', 'settings-b', 'default'))?.data).toEqual({ k: 'v' });

    // A bare pod cannot change nodes: migrate deletes it and creates it again with the selector.
    const before = await readObject<V1Pod>(cluster.objects, 'v1', 'Pod', 'bare-worker', 'default');
    const moved = await h.run(dep2, 'execute_operation', {
      operation: 'isthmus.interfaces.kubernetes.migrate',
      node_ids: ['worker'],
      operation_kwargs: { node_pool: 'pool-b' },
    });
    expect(moved.error).toBeUndefined();
    const after = await readObject<V1Pod>(cluster.objects, 'v1', 'Pod', 'bare-worker', 'default');
    expect(after!.metadata!.uid).not.toBe(before!.metadata!.uid);
    expect(after!.spec!.nodeSelector).toEqual({ 'isthmus.dev/node-pool': 'pool-b' });
    const node = await readObject(cluster.objects, 'v1', 'Node', after!.spec!.nodeName!);
    expect(node!.metadata!.labels!['isthmus.dev/node-pool']).toBe('pool-b');
    expect((await h.run(dep2, 'uninstall')).error).toBeUndefined();
    expect((await h.run(dep, 'uninstall')).error).toBeUndefined();
    expect(await readObject(cluster.objects, 'v1', 'Pod', 'bare-worker', 'default')).toBeUndefined();
  }, 120_000);
});

describe('Kubernetes plugin on the sandbox only', () => {
  let sandbox: Sandbox;
  const eksTokens: string[] = [];
  beforeAll(async () => {
    sandbox = await startSandbox({
      timing: { podReadyMs: 50, loadBalancerMs: 50 },
      tokens: { 'admin-token': 'admin', 'viewer-token': 'read-only' },
      // Stands in for EKS's authenticator: accepts tokens that are presigned STS calls naming the cluster.
      tokenCheck: (token) => {
        if (!token.startsWith('k8s-aws-v1.')) return undefined;
        const url = new URL(Buffer.from(token.slice(11), 'base64url').toString());
        if (url.searchParams.get('Action') !== 'GetCallerIdentity' || !url.searchParams.get('X-Amz-SignedHeaders')?.includes('x-k8s-aws-id')) return undefined;
        eksTokens.push(token);
        return 'admin';
      },
    });
  });
  afterAll(async () => sandbox?.close());

  const apiNode = (token: string, extra = '') => `${KUBERNETES_HEADER}node_templates:
  cm:
    type: cloudify.nodes.kubernetes.resources.ConfigMap
    properties:
      client_config: { configuration: { api_options: { host: '${sandbox.url}', api_key: '${token}', verify_ssl: false } } }
      definition: { apiVersion: v1, kind: ConfigMap, metadata: { name: auth-test }, data: { a: '1' } }
${extra}`;

  it('maps 401 and 403 to non-recoverable errors that say what to fix (api_options with a token)', async () => {
    const h = await createHarness({ maxRetries: 5 });
    const wrong = await h.run(await h.deploy(apiNode('wrong-token'), 'auth401', { kubeconfig: '' }), 'install');
    expect(wrong.error).toMatch(/unauthorized \(401\): the credentials in client_config were refused/);
    const viewer = await h.run(await h.deploy(apiNode('viewer-token'), 'auth403', { kubeconfig: '' }), 'install');
    expect(viewer.error).toMatch(/forbidden \(403\).*RBAC/);
    const admin = await h.run(await h.deploy(apiNode('admin-token'), 'auth200', { kubeconfig: '' }), 'install');
    expect(admin.status).toBe('terminated');
  }, 60_000);

  it("authenticates with an EKS token signed with the step's AWS credentials (authentication.aws_eks)", async () => {
    const saved = { ...process.env };
    Object.assign(process.env, { AWS_ACCESS_KEY_ID: 'AKIDTEST', AWS_SECRET_ACCESS_KEY: 'test-secret', AWS_REGION: 'eu-west-1' });
    try {
      const h = await createHarness({ maxRetries: 2 });
      const dep = await h.deploy(
        `${KUBERNETES_HEADER}node_templates:
  cm:
    type: cloudify.nodes.kubernetes.resources.ConfigMap
    properties:
      client_config:
        configuration: { api_options: { host: '${sandbox.url}', verify_ssl: false } }
        authentication: { aws_eks: { cluster_name: isthmus-demo } }
      definition: { apiVersion: v1, kind: ConfigMap, metadata: { name: via-eks-token } }
`,
        'eks-auth',
        { kubeconfig: '' },
      );
      const run = await h.run(dep, 'install');
      expect(run.error).toBeUndefined();
      expect(sandbox.api.peek('', 'ConfigMap').some((c) => c.metadata.name === 'via-eks-token')).toBe(true);
      const url = new URL(Buffer.from(eksTokens[0]!.slice(11), 'base64url').toString());
      expect(url.host).toBe('sts.eu-west-1.amazonaws.com');
      expect(url.searchParams.get('X-Amz-Credential')).toMatch(/^AKIDTEST\//);
    } finally {
      process.env = saved;
    }
  }, 60_000);

  it('finds the cluster through a Master node with a kubeconfig file in the repository, and says so when there is none', async () => {
    const h = await createHarness({ maxRetries: 5 });
    writeFileSync(path.join(h.dir, 'kubeconfig.yaml'), sandbox.kubeconfig('admin-token'));
    const bp = `${KUBERNETES_HEADER}node_templates:
  master:
    type: cloudify.kubernetes.nodes.Master
    properties: { configuration: { blueprint_file_name: kubeconfig.yaml } }
  ns:
    type: cloudify.kubernetes.resources.Namespace
    properties: { definition: { apiVersion: v1, kind: Namespace, metadata: { name: via-master } } }
    relationships: [ { type: cloudify.kubernetes.relationships.managed_by_master, target: master } ]
  orphan:
    type: cloudify.nodes.kubernetes.resources.ConfigMap
    properties: { definition: { apiVersion: v1, kind: ConfigMap, metadata: { name: orphan } } }
    relationships: [ { type: cloudify.relationships.depends_on, target: ns } ]
`;
    const run = await h.run(await h.deploy(bp, 'master', { kubeconfig: '' }), 'install');
    expect(sandbox.api.peek('', 'Namespace').some((n) => n.metadata.name === 'via-master')).toBe(true);
    expect(run.error).toMatch(/node 'orphan' has no Kubernetes client configuration: give it client_config, relate it to a cloudify.nodes.kubernetes.Master/);
  }, 60_000);

  it('resumes an install whose rollout stalled: the stored create is not repeated, the wait finishes', async () => {
    const h = await createHarness({ maxRetries: 2 });
    const kubeconfig = sandbox.kubeconfig('admin-token');
    const dep = await h.deploy(
      `${KUBERNETES_HEADER}node_templates:
  web:
    type: cloudify.nodes.kubernetes.resources.Deployment
    properties:
      client_config: ${JSON.stringify(CLIENT_CONFIG)}
      definition:
        apiVersion: apps/v1
        kind: Deployment
        metadata: { name: stalled }
        spec:
          replicas: 2
          selector: { matchLabels: { app: stalled } }
          template:
            metadata: { labels: { app: stalled }, annotations: { sandbox.isthmus.dev/ready: 'false' } }
            spec: { containers: [ { name: web, image: nginx } ] }
`,
      'stalled',
      { kubeconfig },
    );
    const started = await startExecution(h.store, { deploymentId: dep, workflow: 'install', retries: { maxRetries: 2, retryInterval: 0 } });
    const first = await runExecution(h.deps, dep, started.id);
    expect(first.status).toBe('failed');
    expect(first.error).toMatch(/waiting for Deployment default\/stalled: 0 of 2 updated replicas available/);
    const uid = sandbox.api.peek('apps', 'Deployment').find((d) => d.metadata.name === 'stalled')!.metadata.uid;

    // The containers come up (the annotation goes), and the execution is resumed.
    for (const pod of sandbox.api.peek('', 'Pod').filter((p) => p.metadata.labels?.['app'] === 'stalled')) {
      sandbox.api.write({ ...structuredClone(pod), metadata: { ...structuredClone(pod.metadata), annotations: {} } });
    }
    await h.store.updateExecution(dep, first.id, first.version, { status: 'started' });
    const second = await runExecution(h.deps, dep, started.id);
    expect(second.error, (await events(h, dep)).join('\n')).toBeUndefined();
    expect(second.status).toBe('terminated');
    expect(sandbox.api.peek('apps', 'Deployment').find((d) => d.metadata.name === 'stalled')!.metadata.uid).toBe(uid);
    const applied = (await events(h, dep)).filter((m) => m.startsWith('applied Deployment'));
    expect(applied).toHaveLength(1);
  }, 60_000);
});
