import type { KubernetesObject } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { runExecution, startUpdate } from '../src/engine/index.js';
import { createHarness, type Harness } from './support/engine.js';
import { CLIENT_CONFIG, KUBERNETES_HEADER, readObject, type CustomObject, startTestCluster, type TestCluster } from './support/kubernetes.js';

/**
 * Every resource node type against a real API (the sandbox by default; ISTHMUS_TEST_KUBECONFIG
 * for a kind cluster): install creates the object and waits for its health, an update changes it,
 * uninstall deletes it.
 */
interface KindCase {
  type: string;
  apiVersion: string;
  kind: string;
  name: string;
  namespaced: boolean;
  body: Record<string, unknown>;
  /** What install must have made true, read from the live object. */
  installed: (o: KubernetesObject) => void;
}

/** Reads a dotted path (`status.conditions.0.type`) from an object read back from the API. */
const field = (o: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((v, k) => (v === null || v === undefined ? undefined : (v as Record<string, unknown>)[k]), o);
const conditionStatus = (o: KubernetesObject, type: string) =>
  ((field(o, 'status.conditions') ?? []) as Array<{ type: string; status: string }>).find((c) => c.type === type)?.status;
const podSpec = { containers: [{ name: 'app', image: 'nginx:1.27', ports: [{ containerPort: 80 }] }] };
const template = (app: string) => ({ metadata: { labels: { app } }, spec: podSpec });
// A container that ends, so a Job completes on a real cluster too.
const runOnce = { containers: [{ name: 'job', image: 'busybox:1.36', command: ['true'] }], restartPolicy: 'Never' };

const CASES: KindCase[] = [
  {
    type: 'Namespace',
    apiVersion: 'v1',
    kind: 'Namespace',
    name: 'k-ns',
    namespaced: false,
    body: {},
    installed: (o) => expect(field(o, 'status.phase')).toBe('Active'),
  },
  {
    type: 'Pod',
    apiVersion: 'v1',
    kind: 'Pod',
    name: 'k-pod',
    namespaced: true,
    body: { spec: podSpec },
    installed: (o) => expect(conditionStatus(o, 'Ready')).toBe('True'),
  },
  {
    type: 'Deployment',
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    name: 'k-deploy',
    namespaced: true,
    body: { spec: { replicas: 2, selector: { matchLabels: { app: 'k-deploy' } }, template: template('k-deploy') } },
    installed: (o) => expect(field(o, 'status.availableReplicas')).toBe(2),
  },
  {
    type: 'ReplicaSet',
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    name: 'k-rs',
    namespaced: true,
    body: { spec: { replicas: 2, selector: { matchLabels: { app: 'k-rs' } }, template: template('k-rs') } },
    installed: (o) => expect(field(o, 'status.readyReplicas')).toBe(2),
  },
  {
    type: 'StatefulSet',
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    name: 'k-sts',
    namespaced: true,
    body: { spec: { replicas: 2, serviceName: 'k-sts', selector: { matchLabels: { app: 'k-sts' } }, template: template('k-sts') } },
    installed: (o) => expect(field(o, 'status.readyReplicas')).toBe(2),
  },
  {
    type: 'DaemonSet',
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    name: 'k-ds',
    namespaced: true,
    body: { spec: { selector: { matchLabels: { app: 'k-ds' } }, template: template('k-ds') } },
    installed: (o) => expect(field(o, 'status.numberAvailable')).toBeGreaterThan(0),
  },
  {
    type: 'Job',
    apiVersion: 'batch/v1',
    kind: 'Job',
    name: 'k-job',
    namespaced: true,
    body: { spec: { template: { spec: runOnce } } },
    installed: (o) => expect(field(o, 'status.succeeded')).toBe(1),
  },
  {
    type: 'CronJob',
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    name: 'k-cron',
    namespaced: true,
    body: { spec: { schedule: '*/5 * * * *', jobTemplate: { spec: { template: { spec: runOnce } } } } },
    installed: (o) => expect(field(o, 'spec.schedule')).toBe('*/5 * * * *'),
  },
  {
    type: 'Service',
    apiVersion: 'v1',
    kind: 'Service',
    name: 'k-svc',
    namespaced: true,
    body: { spec: { type: 'LoadBalancer', selector: { app: 'k-deploy' }, ports: [{ name: 'http', port: 80, targetPort: 80 }] } },
    installed: (o) => expect(field(o, 'status.loadBalancer.ingress.length')).toBe(1),
  },
  {
    type: 'Ingress',
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    name: 'k-ing',
    namespaced: true,
    body: {
      spec: {
        rules: [{ host: 'k.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'k-svc', port: { number: 80 } } } }] } }],
      },
    },
    installed: (o) => expect(field(o, 'spec.rules.0.host')).toBe('k.example.com'),
  },
  {
    type: 'ConfigMap',
    apiVersion: 'v1',
    kind: 'ConfigMap',
    name: 'k-cm',
    namespaced: true,
    body: { data: { greeting: 'hello' } },
    installed: (o) => expect(field(o, 'data.greeting')).toBe('hello'),
  },
  {
    type: 'Secret',
    apiVersion: 'v1',
    kind: 'Secret',
    name: 'k-secret',
    namespaced: true,
    body: { stringData: { password: 'pa55word' } },
    installed: (o) => expect(Buffer.from(String(field(o, 'data.password')), 'base64').toString()).toBe('pa55word'),
  },
  {
    type: 'ServiceAccount',
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    name: 'k-sa',
    namespaced: true,
    body: {},
    installed: (o) => expect(field(o, 'metadata.uid')).toBeTruthy(),
  },
  {
    type: 'Role',
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'Role',
    name: 'k-role',
    namespaced: true,
    body: { rules: [{ apiGroups: [''], resources: ['pods'], verbs: ['get'] }] },
    installed: (o) => expect(field(o, 'rules.0.verbs')).toEqual(['get']),
  },
  {
    type: 'RoleBinding',
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'RoleBinding',
    name: 'k-rb',
    namespaced: true,
    body: {
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'k-role' },
      subjects: [{ kind: 'ServiceAccount', name: 'k-sa', namespace: 'default' }],
    },
    installed: (o) => expect(field(o, 'roleRef.name')).toBe('k-role'),
  },
  {
    type: 'ClusterRole',
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRole',
    name: 'k-crole',
    namespaced: false,
    body: { rules: [{ apiGroups: [''], resources: ['nodes'], verbs: ['list'] }] },
    installed: (o) => expect(field(o, 'rules.0.resources')).toEqual(['nodes']),
  },
  {
    type: 'ClusterRoleBinding',
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRoleBinding',
    name: 'k-crb',
    namespaced: false,
    body: {
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'k-crole' },
      subjects: [{ kind: 'ServiceAccount', name: 'k-sa', namespace: 'default' }],
    },
    installed: (o) => expect(field(o, 'roleRef.kind')).toBe('ClusterRole'),
  },
  {
    type: 'PersistentVolume',
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    name: 'k-pv',
    namespaced: false,
    body: { spec: { capacity: { storage: '1Gi' }, accessModes: ['ReadWriteOnce'], storageClassName: 'manual', hostPath: { path: '/tmp/k-pv' } } },
    installed: (o) => expect(['Available', 'Bound']).toContain(field(o, 'status.phase')),
  },
  {
    type: 'PersistentVolumeClaim',
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    name: 'k-pvc',
    namespaced: true,
    body: { spec: { accessModes: ['ReadWriteOnce'], storageClassName: 'manual', resources: { requests: { storage: '1Gi' } } } },
    installed: (o) => expect(field(o, 'status.phase')).toBe('Bound'),
  },
  {
    type: 'StorageClass',
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    name: 'k-sc',
    namespaced: false,
    body: { provisioner: 'kubernetes.io/no-provisioner', volumeBindingMode: 'WaitForFirstConsumer' },
    installed: (o) => expect(field(o, 'provisioner')).toBe('kubernetes.io/no-provisioner'),
  },
  {
    type: 'NetworkPolicy',
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    name: 'k-np',
    namespaced: true,
    body: { spec: { podSelector: { matchLabels: { app: 'k-deploy' } }, policyTypes: ['Ingress'] } },
    installed: (o) => expect(field(o, 'spec.policyTypes')).toEqual(['Ingress']),
  },
  {
    type: 'CustomResourceDefinition',
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    name: 'widgets.example.isthmus.dev',
    namespaced: false,
    body: {
      spec: {
        group: 'example.isthmus.dev',
        scope: 'Namespaced',
        names: { plural: 'widgets', singular: 'widget', kind: 'Widget' },
        versions: [{ name: 'v1', served: true, storage: true, schema: { openAPIV3Schema: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } } }],
      },
    },
    installed: (o) => expect(conditionStatus(o, 'Established')).toBe('True'),
  },
];

describe('Kubernetes node types', () => {
  let cluster: TestCluster;
  let h: Harness;
  beforeAll(async () => {
    cluster = await startTestCluster();
    h = await createHarness({ maxRetries: 20 });
  });
  afterAll(async () => cluster?.close());

  const node = (c: KindCase, family: string, label: string) => ({
    type: `${family}.${c.type}`,
    properties: {
      client_config: CLIENT_CONFIG,
      definition: { apiVersion: c.apiVersion, kind: c.kind, metadata: { name: c.name, labels: { revision: label } }, ...c.body },
    },
  });

  const blueprint = (label: string, family = 'cloudify.nodes.kubernetes.resources') => {
    const nodes: Record<string, unknown> = {};
    CASES.forEach((c, i) => {
      nodes[`n_${c.type}`] = {
        ...node(c, i % 2 === 0 ? family : 'cloudify.kubernetes.resources', label),
        // Bindings need their role and account; claims their volume; the CR its CRD.
        ...(c.type === 'RoleBinding'
          ? {
              relationships: [
                { type: 'cloudify.relationships.depends_on', target: 'n_Role' },
                { type: 'cloudify.relationships.depends_on', target: 'n_ServiceAccount' },
              ],
            }
          : {}),
        ...(c.type === 'ClusterRoleBinding' ? { relationships: [{ type: 'cloudify.relationships.depends_on', target: 'n_ClusterRole' }] } : {}),
        ...(c.type === 'PersistentVolumeClaim' ? { relationships: [{ type: 'cloudify.relationships.depends_on', target: 'n_PersistentVolume' }] } : {}),
      };
    });
    nodes['widget'] = {
      type: 'cloudify.nodes.kubernetes.resources.CustomBlueprintDefinedResource',
      properties: {
        client_config: CLIENT_CONFIG,
        definition: { apiVersion: 'example.isthmus.dev/v1', kind: 'Widget', metadata: { name: 'w1', labels: { revision: label } }, spec: { size: 3 } },
      },
      relationships: [{ type: 'cloudify.relationships.depends_on', target: 'n_CustomResourceDefinition' }],
    };
    return KUBERNETES_HEADER + stringify({ node_templates: nodes });
  };

  it('installs, updates and uninstalls every kind', async () => {
    const id = await h.deploy(blueprint('one'), 'kinds', { kubeconfig: cluster.kubeconfig });
    const install = await h.run(id, 'install');
    expect(install.error).toBeUndefined();
    expect(install.status).toBe('terminated');
    for (const c of CASES) {
      const live = await readObject(cluster.objects, c.apiVersion, c.kind, c.name, c.namespaced ? 'default' : undefined);
      expect(live, c.kind).toBeDefined();
      expect(live!.metadata!.annotations!['isthmus.dev/owner']).toMatch(/^kinds\/n_/);
      c.installed(live!);
      const instance = (await h.store.listNodeInstances(id)).find((i) => i.nodeId === `n_${c.type}`)!;
      expect(instance.runtimeProperties['uid'], c.kind).toBe(live!.metadata!.uid);
      expect(instance.state).toBe('started');
    }
    const widget = await readObject<CustomObject>(cluster.objects, 'example.isthmus.dev/v1', 'Widget', 'w1', 'default');
    expect(widget?.spec.size).toBe(3);

    // A deployment update with a new label on every object runs each node's update operation.
    const start = await startUpdate(
      h.store,
      id,
      {
        plan: h.planOf(blueprint('two'), 'kinds-two', { kubeconfig: cluster.kubeconfig }),
        inputs: { kubeconfig: cluster.kubeconfig },
        blueprintFile: 'kinds-two.yaml',
        blueprintDigest: 'two',
      },
      {},
    );
    if (start.preview) throw new Error('expected an execution');
    const update = await runExecution(h.deps, id, start.execution.id);
    expect(update.error).toBeUndefined();
    for (const c of CASES) {
      const live = await readObject(cluster.objects, c.apiVersion, c.kind, c.name, c.namespaced ? 'default' : undefined);
      expect(live?.metadata?.labels?.['revision'], c.kind).toBe('two');
    }
    expect((await readObject(cluster.objects, 'example.isthmus.dev/v1', 'Widget', 'w1', 'default'))?.metadata?.labels?.['revision']).toBe('two');

    const uninstall = await h.run(id, 'uninstall');
    expect(uninstall.error).toBeUndefined();
    for (const c of CASES) {
      expect(await readObject(cluster.objects, c.apiVersion, c.kind, c.name, c.namespaced ? 'default' : undefined), c.kind).toBeUndefined();
    }
    for (const i of await h.store.listNodeInstances(id)) expect(i.runtimeProperties['applied_objects']).toBeUndefined();
  }, 120_000);
});
