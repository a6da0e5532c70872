import { CoreV1Api, KubeConfig, KubernetesObjectApi } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, isPodReady, type Sandbox } from './index.js';

describe('sandbox Eviction API', () => {
  let sb: Sandbox;
  let core: CoreV1Api;
  let objects: KubernetesObjectApi;
  beforeAll(async () => {
    sb = await startSandbox({ timing: { podReadyMs: 20, loadBalancerMs: 20, jobPodMs: 20, evictionMs: 50 } });
    const kc = new KubeConfig();
    kc.loadFromString(sb.kubeconfig());
    core = kc.makeApiClient(CoreV1Api);
    objects = KubernetesObjectApi.makeApiClient(kc);
  });
  afterAll(async () => sb?.close());

  it('refuses an eviction that would break a PodDisruptionBudget (429) and allows one that would not', async () => {
    await objects.create({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', namespace: 'default' },
      spec: {
        replicas: 2,
        selector: { matchLabels: { app: 'web' } },
        template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } },
      },
    } as never);
    await objects.create({
      apiVersion: 'policy/v1',
      kind: 'PodDisruptionBudget',
      metadata: { name: 'web', namespace: 'default' },
      spec: { minAvailable: 2, selector: { matchLabels: { app: 'web' } } },
    } as never);
    let pods: ReturnType<typeof sb.api.peek> = [];
    for (let i = 0; i < 100; i++) {
      pods = sb.api.peek('', 'Pod').filter((p) => p.metadata.labels?.['app'] === 'web' && isPodReady(p));
      if (pods.length === 2) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    const name = pods[0]!.metadata.name!;
    const evict = () =>
      core.createNamespacedPodEviction({
        name,
        namespace: 'default',
        body: { apiVersion: 'policy/v1', kind: 'Eviction', metadata: { name, namespace: 'default' } },
      });
    await expect(evict()).rejects.toMatchObject({ code: 429 });
    await objects.patch(
      { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'web', namespace: 'default' }, spec: { minAvailable: 1 } } as never,
      undefined,
      undefined,
      undefined,
      undefined,
      'application/merge-patch+json' as never,
    );
    await evict();
    expect(sb.api.peek('', 'Pod').find((p) => p.metadata.name === name && !p.metadata.deletionTimestamp)).toBeUndefined();
  });
});
