import { AppsV1Api, CoreV1Api, KubeConfig, KubernetesObjectApi, PatchStrategy, Watch, type KubernetesObject } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request as httpRequest } from 'node:http';
import { startSandbox, type Sandbox } from './index.js';

/** The sandbox through the real client: the wire protocol the plugin and kubectl rely on. */
describe('sandbox API server', () => {
  let sb: Sandbox;
  let kc: KubeConfig;
  let objects: KubernetesObjectApi;
  let core: CoreV1Api;
  let apps: AppsV1Api;
  beforeAll(async () => {
    sb = await startSandbox({ timing: { podReadyMs: 30, loadBalancerMs: 30, jobPodMs: 50, evictionMs: 100 } });
    kc = new KubeConfig();
    kc.loadFromString(sb.kubeconfig());
    objects = KubernetesObjectApi.makeApiClient(kc);
    core = kc.makeApiClient(CoreV1Api);
    apps = kc.makeApiClient(AppsV1Api);
  });
  afterAll(async () => sb?.close());

  const until = async <T>(what: string, fn: () => Promise<T | undefined> | T | undefined, ms = 5000): Promise<T> => {
    const end = Date.now() + ms;
    for (;;) {
      const v = await fn();
      if (v) return v;
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  const deployment = (name: string, replicas = 2, extra: Record<string, unknown> = {}) => ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'default', labels: { app: name } },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'c', image: 'nginx' }], ...extra } },
    },
  });

  it('serves discovery, with status subresources and CRD kinds once registered', async () => {
    const res = await fetch(`${sb.url}/apis/apps/v1`);
    const list = (await res.json()) as { resources: Array<{ name: string; namespaced: boolean }> };
    expect(list.resources.map((r) => r.name)).toEqual(expect.arrayContaining(['deployments', 'deployments/status', 'deployments/scale', 'statefulsets']));
    expect(((await (await fetch(`${sb.url}/version`)).json()) as { major: string }).major).toBe('1');
    await objects.create({
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: { name: 'things.t.example' },
      spec: { group: 't.example', scope: 'Cluster', names: { plural: 'things', kind: 'Thing' }, versions: [{ name: 'v1', served: true, storage: true }] },
    } as KubernetesObject);
    const groups = (await (await fetch(`${sb.url}/apis`)).json()) as { groups: Array<{ name: string }> };
    expect(groups.groups.map((g) => g.name)).toContain('t.example');
    const thing = await objects.create({ apiVersion: 't.example/v1', kind: 'Thing', metadata: { name: 'a' }, spec: { x: 1 } } as KubernetesObject);
    expect(thing.metadata?.namespace).toBeUndefined();
    await objects.delete({ apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', metadata: { name: 'things.t.example' } });
    expect((await fetch(`${sb.url}/apis/t.example/v1/things`)).status).toBe(404);
  });

  it('answers errors with Status objects: 404, 409 AlreadyExists, 409 Conflict on a stale resourceVersion, 422 with causes', async () => {
    await expect(core.readNamespacedConfigMap({ name: 'nope', namespace: 'default' })).rejects.toMatchObject({ code: 404 });
    await core.createNamespacedConfigMap({ namespace: 'default', body: { metadata: { name: 'c1' }, data: { a: '1' } } });
    await expect(core.createNamespacedConfigMap({ namespace: 'default', body: { metadata: { name: 'c1' } } })).rejects.toMatchObject({ code: 409 });
    const cm = await core.readNamespacedConfigMap({ name: 'c1', namespace: 'default' });
    await core.replaceNamespacedConfigMap({ name: 'c1', namespace: 'default', body: { ...cm, data: { a: '2' } } });
    const stale = core.replaceNamespacedConfigMap({ name: 'c1', namespace: 'default', body: { ...cm, data: { a: '3' } } });
    await expect(stale).rejects.toMatchObject({ code: 409 });
    const invalid = await fetch(`${sb.url}/api/v1/namespaces/default/services`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ metadata: { name: 'Bad_Name' }, spec: { ports: [{ port: 70000 }] } }),
    });
    expect(invalid.status).toBe(422);
    const status = (await invalid.json()) as { kind: string; reason: string; details: { causes: Array<{ field: string }> } };
    expect(status.kind).toBe('Status');
    expect(status.reason).toBe('Invalid');
    expect(status.details.causes.map((c) => c.field)).toEqual(['metadata.name', 'spec.ports[0].port']);
    await expect(core.createNamespacedConfigMap({ namespace: 'missing-ns', body: { metadata: { name: 'x' } } })).rejects.toMatchObject({ code: 404 });
  });

  it('patches: merge, JSON, strategic (containers merged by name) and server-side apply dropping what a manager no longer applies', async () => {
    await apps.createNamespacedDeployment({ namespace: 'default', body: deployment('p1', 1) as never });
    await objects.patch(
      {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'p1', namespace: 'default' },
        spec: { template: { spec: { containers: [{ name: 'sidecar', image: 'busybox' }] } } },
      } as KubernetesObject,
      undefined,
      undefined,
      'test',
      undefined,
      PatchStrategy.StrategicMergePatch,
    );
    let d = await apps.readNamespacedDeployment({ name: 'p1', namespace: 'default' });
    expect(d.spec!.template.spec!.containers.map((c) => c.name)).toEqual(['c', 'sidecar']);
    expect(d.metadata!.generation).toBe(2);
    await objects.patch(
      { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'p1', namespace: 'default', labels: { extra: 'yes' } } } as KubernetesObject,
      undefined,
      undefined,
      'test',
      undefined,
      PatchStrategy.MergePatch,
    );
    const json = await fetch(`${sb.url}/apis/apps/v1/namespaces/default/deployments/p1`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json-patch+json' },
      body: JSON.stringify([
        { op: 'replace', path: '/spec/replicas', value: 3 },
        { op: 'test', path: '/metadata/labels/extra', value: 'yes' },
      ]),
    });
    expect(json.status).toBe(200);
    d = await apps.readNamespacedDeployment({ name: 'p1', namespace: 'default' });
    expect(d.spec!.replicas).toBe(3);
    const applied = (labels: Record<string, string>) =>
      objects.patch(
        { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'ssa', namespace: 'default', labels }, data: { k: 'v' } } as KubernetesObject,
        undefined,
        undefined,
        'isthmus',
        true,
        PatchStrategy.ServerSideApply,
      );
    await applied({ a: '1', b: '2' });
    await objects.patch(
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'ssa', namespace: 'default', labels: { other: 'x' } } } as KubernetesObject,
      undefined,
      undefined,
      'someone-else',
      true,
      PatchStrategy.ServerSideApply,
    );
    const after = await applied({ a: '1' });
    expect(after.metadata!.labels).toEqual({ a: '1', other: 'x' });
    expect((after.metadata!.managedFields ?? []).map((m) => m.manager).sort()).toEqual(['isthmus', 'someone-else']);
  });

  it('selects by label and field, and streams watch events', async () => {
    const seen: string[] = [];
    const watch = new Watch(kc);
    const req = await watch.watch(
      '/api/v1/namespaces/default/configmaps',
      { labelSelector: 'team=blue' },
      (type, obj: { metadata: { name: string } }) => seen.push(`${type} ${obj.metadata.name}`),
      () => undefined,
    );
    await core.createNamespacedConfigMap({ namespace: 'default', body: { metadata: { name: 'w-blue', labels: { team: 'blue' } } } });
    await core.createNamespacedConfigMap({ namespace: 'default', body: { metadata: { name: 'w-red', labels: { team: 'red' } } } });
    await core.deleteNamespacedConfigMap({ name: 'w-blue', namespace: 'default' });
    await until('watch events', () => seen.length >= 2);
    req.abort();
    expect(seen).toEqual(['ADDED w-blue', 'DELETED w-blue']);
    const list = await core.listNamespacedConfigMap({ namespace: 'default', labelSelector: 'team in (red,green)', fieldSelector: 'metadata.name=w-red' });
    expect(list.items.map((c) => c.metadata!.name)).toEqual(['w-red']);
  });

  it('rolls Deployments out through ReplicaSets and Pods, keeping availability, and deletes in the foreground', async () => {
    await apps.createNamespacedDeployment({ namespace: 'default', body: deployment('roll', 2) as never });
    await until('rollout', async () => (await apps.readNamespacedDeployment({ name: 'roll', namespace: 'default' })).status?.availableReplicas === 2);
    await objects.patch(
      {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'roll', namespace: 'default' },
        spec: { template: { spec: { containers: [{ name: 'c', image: 'nginx:2' }] } } },
      } as KubernetesObject,
      undefined,
      undefined,
      't',
      undefined,
      PatchStrategy.StrategicMergePatch,
    );
    let minAvailable = 2;
    await until('new rollout', async () => {
      const d = await apps.readNamespacedDeployment({ name: 'roll', namespace: 'default' });
      minAvailable = Math.min(minAvailable, d.status?.availableReplicas ?? 0);
      return d.status?.observedGeneration === 2 && d.status.updatedReplicas === 2 && d.status.replicas === 2 && d.status.availableReplicas === 2;
    });
    expect(minAvailable).toBeGreaterThanOrEqual(1);
    const rss = await apps.listNamespacedReplicaSet({ namespace: 'default', labelSelector: 'app=roll' });
    expect(rss.items).toHaveLength(2);
    // The DELETE answer itself shows the pending foreground deletion: a later read could come after
    // the simulated controllers have already finished it (they run within milliseconds).
    const answer = await fetch(`${sb.url}/apis/apps/v1/namespaces/default/deployments/roll`, {
      method: 'DELETE',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ propagationPolicy: 'Foreground' }),
    });
    const pending = (await answer.json()) as { metadata: { deletionTimestamp?: string; finalizers?: string[] } };
    expect(pending.metadata.deletionTimestamp).toBeDefined();
    expect(pending.metadata.finalizers).toContain('foregroundDeletion');
    await until(
      'deployment gone',
      async () => (await apps.listNamespacedDeployment({ namespace: 'default', fieldSelector: 'metadata.name=roll' })).items.length === 0,
    );
    expect((await core.listNamespacedPod({ namespace: 'default', labelSelector: 'app=roll' })).items).toEqual([]);
  });

  it('schedules by node selector, evicts from a NotReady node and reschedules elsewhere', async () => {
    await apps.createNamespacedDeployment({
      namespace: 'default',
      body: deployment('pinned', 2, { nodeSelector: { 'isthmus.dev/node-pool': 'pool-a' } }) as never,
    });
    const pods = async () => (await core.listNamespacedPod({ namespace: 'default', labelSelector: 'app=pinned' })).items;
    await until(
      'ready on pool-a',
      async () => (await pods()).filter((p) => p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True')).length === 2,
    );
    expect(new Set((await pods()).map((p) => p.spec!.nodeName))).toEqual(new Set(['sandbox-a-1', 'sandbox-a-2']));
    sb.setNodeReady('sandbox-a-1', false);
    await until('rescheduled on sandbox-a-2', async () => {
      const now = await pods();
      return now.length === 2 && now.every((p) => p.spec!.nodeName === 'sandbox-a-2' && p.status?.phase === 'Running');
    });
    sb.setNodeReady('sandbox-a-1', true);
    // Nothing fits a selector no node has: the pod stays Pending, saying why.
    await core.createNamespacedPod({
      namespace: 'default',
      body: { metadata: { name: 'nowhere' }, spec: { nodeSelector: { disk: 'ssd' }, containers: [{ name: 'c', image: 'nginx' }] } },
    });
    const pod = await until('unschedulable', async () => {
      const p = await core.readNamespacedPod({ name: 'nowhere', namespace: 'default' });
      return p.status?.conditions?.find((c) => c.type === 'PodScheduled' && c.reason === 'Unschedulable') ? p : undefined;
    });
    expect(pod.status!.phase).toBe('Pending');
  });

  it('runs StatefulSets with their claims, DaemonSets per node, Jobs to completion or failure, LoadBalancers and claims', async () => {
    await objects.create({
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'db', namespace: 'default' },
      spec: {
        replicas: 2,
        serviceName: 'db',
        selector: { matchLabels: { app: 'db' } },
        template: { metadata: { labels: { app: 'db' } }, spec: { containers: [{ name: 'c', image: 'postgres' }] } },
        volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }],
      },
    } as KubernetesObject);
    await until('statefulset ready', async () => (await apps.readNamespacedStatefulSet({ name: 'db', namespace: 'default' })).status?.readyReplicas === 2);
    expect((await core.readNamespacedPersistentVolumeClaim({ name: 'data-db-1', namespace: 'default' })).status!.phase).toBe('Bound');
    await objects.create({
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: { name: 'agent', namespace: 'default' },
      spec: {
        selector: { matchLabels: { app: 'agent' } },
        template: { metadata: { labels: { app: 'agent' } }, spec: { containers: [{ name: 'c', image: 'agent' }] } },
      },
    } as KubernetesObject);
    await until(
      'daemonset on every node',
      async () => (await apps.readNamespacedDaemonSet({ name: 'agent', namespace: 'default' })).status?.numberAvailable === 3,
    );
    const job = (name: string, exit: string) => ({
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name, namespace: 'default' },
      spec: {
        backoffLimit: 1,
        template: {
          metadata: { annotations: { 'sandbox.isthmus.dev/exit-code': exit } },
          spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'job' }] },
        },
      },
    });
    await objects.create(job('ok-job', '0') as KubernetesObject);
    await objects.create(job('bad-job', '3') as KubernetesObject);
    const condition = async (name: string) =>
      (
        (await objects.read({ apiVersion: 'batch/v1', kind: 'Job', metadata: { name, namespace: 'default' } })) as {
          status?: { conditions?: Array<{ type: string }> };
        }
      ).status?.conditions?.[0]?.type;
    expect(await until('job complete', () => condition('ok-job'))).toBe('Complete');
    expect(await until('job failed', () => condition('bad-job'))).toBe('Failed');
    await core.createNamespacedService({
      namespace: 'default',
      body: { metadata: { name: 'lb' }, spec: { type: 'LoadBalancer', selector: { app: 'db' }, ports: [{ port: 80 }] } },
    });
    const svc = await until('lb address', async () => {
      const s = await core.readNamespacedService({ name: 'lb', namespace: 'default' });
      return s.status?.loadBalancer?.ingress?.length ? s : undefined;
    });
    expect(svc.spec!.clusterIP).toMatch(/^10\.96\./);
    expect(svc.spec!.ports![0]!.nodePort).toBeGreaterThanOrEqual(30000);
  });

  it('deletes a namespace with everything in it', async () => {
    await core.createNamespace({ body: { metadata: { name: 'doomed' } } });
    await core.createNamespacedConfigMap({ namespace: 'doomed', body: { metadata: { name: 'x' } } });
    await apps.createNamespacedDeployment({ namespace: 'doomed', body: { ...deployment('d', 1), metadata: { name: 'd', namespace: 'doomed' } } as never });
    await core.deleteNamespace({ name: 'doomed' });
    await until('namespace gone', async () => (await core.listNamespace()).items.every((n) => n.metadata!.name !== 'doomed'));
    expect(sb.api.peek('', 'ConfigMap').some((c) => c.metadata.namespace === 'doomed')).toBe(false);
    expect(sb.api.peek('', 'Pod').some((c) => c.metadata.namespace === 'doomed')).toBe(false);
  });

  it('finding 13: refuses what a web page could send — an Origin, a rebound Host, a text/plain body — and answers real clients', async () => {
    const port = new URL(sb.url).port;
    const post = (headers: Record<string, string>, body = '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"from-browser"}}') =>
      new Promise<number>((resolve, reject) => {
        const req = httpRequest({ host: '127.0.0.1', port, method: 'POST', path: '/api/v1/namespaces/default/configmaps', headers }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        req.end(body);
      });
    expect(await post({ 'content-type': 'text/plain' })).toBe(415);
    expect(await post({ 'content-type': 'application/json', origin: 'http://evil.example' })).toBe(403);
    expect(await post({ 'content-type': 'application/json', host: `evil.example:${port}` })).toBe(403);
    expect(await readOrUndefined(() => core.readNamespacedConfigMap({ name: 'from-browser', namespace: 'default' }))).toBeUndefined();
    expect(await post({ 'content-type': 'application/json' })).toBe(201);
  });
});

async function readOrUndefined<T>(read: () => Promise<T>): Promise<T | undefined> {
  try {
    return await read();
  } catch {
    return undefined;
  }
}
