import { cpSync, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../src/sandbox/index.js';
import { createHarness } from './support/engine.js';

/**
 * The corpus's Kubernetes plugin examples (cloudify-community/blueprint-examples), unchanged,
 * installed on and uninstalled from the sandbox. Needs ../shared/corpus (CI has it).
 */
const examples = path.resolve(import.meta.dirname, '../../shared/corpus/blueprints/cloudify-community__blueprint-examples/kubernetes/plugin-examples');

describe.runIf(existsSync(examples))('corpus Kubernetes plugin examples on the sandbox', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ timing: { podReadyMs: 50, loadBalancerMs: 50 }, tokens: { 'corpus-token': 'admin' } });
  });
  afterAll(async () => sandbox?.close());
  const live = (group: string, kind: string, name: string) => sandbox.api.peek(group, kind).find((o) => o.metadata.name === name);

  it('hello-world: a file-defined Deployment and LoadBalancer Service through api_options', async () => {
    const h = await createHarness({ maxRetries: 10 });
    cpSync(path.join(examples, 'hello-world'), h.dir, { recursive: true });
    // The blueprint names k8s-resources.yaml; the example ships the file as resources.yaml.
    cpSync(path.join(h.dir, 'resources.yaml'), path.join(h.dir, 'k8s-resources.yaml'));
    const dep = await h.deploy(readFileSync(path.join(h.dir, 'blueprint.yaml'), 'utf8'), 'corpus-hello', {
      kubernetes_endpoint: sandbox.url,
      kubernetes_token: 'corpus-token',
    });
    const install = await h.run(dep, 'install');
    expect(install.error).toBeUndefined();
    const deployment = live('apps', 'Deployment', 'cloudify-hello-world-app');
    expect(deployment?.status?.['availableReplicas']).toBe(1);
    expect((deployment!.spec!['template'] as { spec: { containers: Array<{ image: string }> } }).spec.containers[0]!.image).toBe(
      'gcr.io/google-samples/node-hello:1.0',
    );
    expect(live('', 'Service', 'cloudify-hello-world-svc')?.status?.['loadBalancer']).toBeDefined();
    const uninstall = await h.run(dep, 'uninstall');
    expect(uninstall.error).toBeUndefined();
    expect(live('apps', 'Deployment', 'cloudify-hello-world-app')).toBeUndefined();
    expect(live('', 'Service', 'cloudify-hello-world-svc')).toBeUndefined();
  }, 60_000);

  it('openshift: a Deployment with a claim, a Service and a (v1beta1) Ingress, connection details from secrets', async () => {
    // What an OpenShift project provides: the namespace, and the gp2 storage class the claim names.
    sandbox.api.createInternal({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'corpus-project' }, status: { phase: 'Active' } });
    sandbox.api.createInternal({ apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'gp2' }, provisioner: 'kubernetes.io/aws-ebs' });
    const h = await createHarness({
      maxRetries: 10,
      secrets: { openshift_master_endpoint: sandbox.url, openshift_secret_token: 'corpus-token', openshift_namespace: 'corpus-project' },
    });
    cpSync(path.join(examples, 'openshift'), h.dir, { recursive: true });
    const dep = await h.deploy(readFileSync(path.join(h.dir, 'blueprint.yaml'), 'utf8'), 'corpus-openshift', {});
    const install = await h.run(dep, 'install');
    expect(install.error).toBeUndefined();
    expect(live('apps', 'Deployment', 'exampleapp-app')?.status?.['readyReplicas']).toBe(1);
    expect(live('', 'PersistentVolumeClaim', 'exampleapp-pvc0')?.status?.['phase']).toBe('Bound');
    expect(live('networking.k8s.io', 'Ingress', 'exampleapp-ingress')).toBeDefined();
    expect(live('', 'Service', 'exampleapp-app-svc')?.metadata.namespace).toBe('corpus-project');
    // The token came from a secret: it never shows in events.
    const messages = (await Promise.all((await h.store.listExecutions(dep)).map((e) => h.store.listEvents(e.id)))).flat().map((e) => e.message);
    expect(messages.join('\n')).not.toContain('corpus-token');
    const uninstall = await h.run(dep, 'uninstall');
    expect(uninstall.error).toBeUndefined();
    for (const [g, k, n] of [
      ['apps', 'Deployment', 'exampleapp-app'],
      ['', 'PersistentVolumeClaim', 'exampleapp-pvc0'],
      ['networking.k8s.io', 'Ingress', 'exampleapp-ingress'],
      ['', 'Service', 'exampleapp-app-svc'],
    ] as const) {
      expect(live(g, k, n), k).toBeUndefined();
    }
  }, 60_000);
});
