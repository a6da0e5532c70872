import type { Server } from 'node:http';
import { stringify as toYaml } from 'yaml';
import { SandboxApi } from './api.js';
import { ControlPlane, DEFAULT_TIMING, type SimulationTiming } from './controllers.js';
import type { KubeObject } from './objects.js';
import { serve, type TokenRights } from './server.js';

export { SandboxApi, type WatchEvent } from './api.js';
export { ControlPlane, DEFAULT_TIMING, SIMULATION_ANNOTATIONS, isPodReady, isNodeReady, type SimulationTiming } from './controllers.js';
export { ApiError } from './errors.js';
export type { KubeObject } from './objects.js';
export { SANDBOX_VERSION, type TokenRights } from './server.js';

/** The label that names a node's pool (as EKS's `eks.amazonaws.com/nodegroup` does). */
export const NODE_POOL_LABEL = 'isthmus.dev/node-pool';

export interface SandboxNode {
  name: string;
  pool: string;
  zone?: string;
  /** More labels (e.g. eks.amazonaws.com/nodegroup when the sandbox stands in for an EKS cluster). */
  labels?: Record<string, string>;
  /** Default sandbox://<name>; aws:///<zone>/<instance id> for a node backed by a (simulated) EC2 instance. */
  providerID?: string;
}

export interface SandboxOptions {
  host?: string;
  port?: number;
  /** Default: three nodes in two pools (pool-a: 2, pool-b: 1). */
  nodes?: SandboxNode[];
  timing?: Partial<SimulationTiming>;
  /** Bearer tokens; none means the API is open (loopback only). */
  tokens?: Record<string, TokenRights>;
  /** Decides on other bearer tokens (tests use it to accept EKS-style tokens). */
  tokenCheck?: (token: string) => TokenRights | undefined;
}

export const DEFAULT_NODES: SandboxNode[] = [
  { name: 'sandbox-a-1', pool: 'pool-a', zone: 'zone-1' },
  { name: 'sandbox-a-2', pool: 'pool-a', zone: 'zone-2' },
  { name: 'sandbox-b-1', pool: 'pool-b', zone: 'zone-1' },
];

export interface Sandbox {
  url: string;
  api: SandboxApi;
  controlPlane: ControlPlane;
  /** A kubeconfig (YAML) for this sandbox; `token` picks the user's bearer token. */
  kubeconfig(token?: string): string;
  addNode(node: SandboxNode): KubeObject;
  /** Marks a node Ready or NotReady (its pods are evicted after the eviction delay). */
  setNodeReady(name: string, ready: boolean): void;
  removeNode(name: string): void;
  close(): Promise<void>;
}

function nodeObject(node: SandboxNode, index: number): KubeObject {
  const t = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: node.name,
      labels: {
        'kubernetes.io/hostname': node.name,
        'kubernetes.io/os': 'linux',
        'kubernetes.io/arch': 'amd64',
        'node.kubernetes.io/instance-type': 'sandbox.medium',
        'topology.kubernetes.io/zone': node.zone ?? 'zone-1',
        [NODE_POOL_LABEL]: node.pool,
        ...(node.labels ?? {}),
      },
    },
    spec: { providerID: node.providerID ?? `sandbox://${node.name}`, podCIDR: `10.244.${index}.0/24` },
    status: {
      capacity: { cpu: '4', memory: '8Gi', pods: '110' },
      allocatable: { cpu: '4', memory: '8Gi', pods: '110' },
      addresses: [
        { type: 'InternalIP', address: `172.18.0.${index + 2}` },
        { type: 'Hostname', address: node.name },
      ],
      conditions: [
        { type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status', lastHeartbeatTime: t, lastTransitionTime: t },
      ],
      nodeInfo: {
        kubeletVersion: 'v1.31.0-sandbox',
        containerRuntimeVersion: 'sandbox://1',
        operatingSystem: 'linux',
        architecture: 'amd64',
        osImage: 'Isthmus sandbox',
      },
    },
  };
}

/**
 * Starts a local Kubernetes API sandbox: a real HTTP API server (see README.md for what it
 * simulates) on a loopback port, with a few nodes, the usual namespaces and a default StorageClass.
 */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const api = new SandboxApi();
  let nodeCount = 0;
  const addNode = (node: SandboxNode) => api.createInternal(nodeObject(node, nodeCount++));
  for (const ns of ['default', 'kube-system', 'kube-public', 'kube-node-lease'])
    api.createInternal({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: ns, labels: { 'kubernetes.io/metadata.name': ns } },
      spec: { finalizers: ['kubernetes'] },
      status: { phase: 'Active' },
    });
  for (const n of options.nodes ?? DEFAULT_NODES) addNode(n);
  api.createInternal({
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: { name: 'standard', annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } },
    provisioner: 'sandbox.isthmus.dev/hostpath',
    reclaimPolicy: 'Delete',
    volumeBindingMode: 'Immediate',
  });
  const controlPlane = new ControlPlane(api, { ...DEFAULT_TIMING, ...options.timing });
  controlPlane.reconcile();
  const { server, url } = await serve(api, {
    ...(options.host ? { host: options.host } : {}),
    ...(options.port ? { port: options.port } : {}),
    ...(options.tokens ? { tokens: options.tokens } : {}),
    ...(options.tokenCheck ? { tokenCheck: options.tokenCheck } : {}),
  });
  const node = (name: string): KubeObject => {
    const n = api.peek('', 'Node').find((x) => x.metadata.name === name);
    if (!n) throw new Error(`the sandbox has no node '${name}'`);
    return structuredClone(n);
  };
  return {
    url,
    api,
    controlPlane,
    kubeconfig: (token) => sandboxKubeconfig(url, token),
    addNode,
    setNodeReady(name, ready) {
      const n = node(name);
      const t = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
      n.status = {
        ...n.status,
        conditions: [
          {
            type: 'Ready',
            status: ready ? 'True' : 'Unknown',
            reason: ready ? 'KubeletReady' : 'NodeStatusUnknown',
            message: ready ? 'kubelet is posting ready status' : 'Kubelet stopped posting node status.',
            lastHeartbeatTime: t,
            lastTransitionTime: t,
          },
        ],
      };
      api.write(n);
    },
    removeNode(name) {
      api.removeInternal(node(name));
    },
    close: () => closeServer(server, controlPlane),
  };
}

async function closeServer(server: Server, controlPlane: ControlPlane): Promise<void> {
  controlPlane.stop();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

/** The sandbox speaks plain HTTP on loopback; clients need `insecure-skip-tls-verify` to accept an http server. */
export function sandboxKubeconfig(url: string, token?: string): string {
  return toYaml({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: 'isthmus-sandbox', cluster: { server: url, 'insecure-skip-tls-verify': true } }],
    users: [{ name: 'isthmus-sandbox', user: token ? { token } : {} }],
    contexts: [{ name: 'isthmus-sandbox', context: { cluster: 'isthmus-sandbox', user: 'isthmus-sandbox', namespace: 'default' } }],
    'current-context': 'isthmus-sandbox',
    preferences: {},
  });
}
