import { readFileSync } from 'node:fs';
import { KubeConfig, KubernetesObjectApi, type KubernetesObject } from '@kubernetes/client-node';
import { startSandbox, type Sandbox } from '../../src/sandbox/index.js';

/**
 * The cluster the Kubernetes suites run against: ISTHMUS_TEST_KUBECONFIG (a kubeconfig file, e.g.
 * a kind cluster in CI) or, by default, a fresh sandbox on a loopback port.
 */
export interface TestCluster {
  kubeconfig: string;
  objects: KubernetesObjectApi;
  /** Only when the target is the sandbox: its simulation controls. */
  sandbox?: Sandbox;
  close(): Promise<void>;
}

export async function startTestCluster(): Promise<TestCluster> {
  const file = process.env['ISTHMUS_TEST_KUBECONFIG'];
  const sandbox = file ? undefined : await startSandbox({ timing: { podReadyMs: 100, loadBalancerMs: 150, jobPodMs: 200, evictionMs: 300 } });
  const kubeconfig = file ? readFileSync(file, 'utf8') : sandbox!.kubeconfig();
  const kc = new KubeConfig();
  kc.loadFromString(kubeconfig);
  return {
    kubeconfig,
    objects: KubernetesObjectApi.makeApiClient(kc),
    ...(sandbox ? { sandbox } : {}),
    close: async () => sandbox?.close(),
  };
}

/** Reads an object (as T, e.g. client-node's V1Deployment), or undefined when it does not exist. */
export async function readObject<T extends KubernetesObject = KubernetesObject>(
  objects: KubernetesObjectApi,
  apiVersion: string,
  kind: string,
  name: string,
  namespace?: string,
): Promise<T | undefined> {
  try {
    return (await objects.read({ apiVersion, kind, metadata: { name, ...(namespace ? { namespace } : {}) } })) as T;
  } catch (err) {
    if ((err as { code?: number }).code === 404) return undefined;
    throw err;
  }
}

/** A custom resource as the tests define them. */
export interface CustomObject extends KubernetesObject {
  spec: { size: number };
}

/** Node property reaching the test cluster through the `kubeconfig` input. */
export const CLIENT_CONFIG = { configuration: { file_content: { get_input: 'kubeconfig' } } };

export const KUBERNETES_HEADER = `tosca_definitions_version: cloudify_dsl_1_5
imports:
  - cloudify/types/types.yaml
  - plugin:cloudify-kubernetes-plugin
inputs:
  kubeconfig: { type: string }
dsl_definitions:
  client_config: &client_config
    configuration:
      file_content: { get_input: kubeconfig }
`;
