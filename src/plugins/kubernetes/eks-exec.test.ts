import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { YamlMap } from '../../dsl/index.js';
import { DEFAULT_PLUGIN_SETTINGS } from '../../settings.js';
import type { OperationContext } from '../../runtime/types.js';
import { startSandbox, type Sandbox } from '../../sandbox/index.js';
import { kubernetesClient } from './client.js';

/** The kubeconfig an EKS cluster node stores runs `aws eks get-token`; Isthmus signs that token itself. */
describe('kubeconfig users that run aws eks get-token', () => {
  let sandbox: Sandbox;
  const seen: string[] = [];
  const saved = { ...process.env };
  beforeAll(async () => {
    sandbox = await startSandbox({
      tokens: {},
      tokenCheck: (t) => {
        seen.push(t);
        return t.startsWith('k8s-aws-v1.') ? 'admin' : undefined;
      },
    });
    Object.assign(process.env, { AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE', AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' });
  });
  afterAll(async () => {
    process.env = saved;
    await sandbox?.close();
  });

  it('reaches the cluster with a signed EKS token for the named cluster and region', async () => {
    const kubeconf = {
      apiVersion: 'v1',
      kind: 'Config',
      clusters: [{ name: 'arn', cluster: { server: sandbox.url, 'insecure-skip-tls-verify': true } }],
      contexts: [{ name: 'arn', context: { cluster: 'arn', user: 'arn' } }],
      'current-context': 'arn',
      users: [
        {
          name: 'arn',
          user: {
            exec: {
              apiVersion: 'client.authentication.k8s.io/v1beta1',
              command: 'aws',
              args: ['--region', 'eu-west-1', 'eks', 'get-token', '--cluster-name', 'demo'],
            },
          },
        },
      ],
    };
    const ctx = {
      node: { id: 'n', type: 't', typeHierarchy: ['t'], properties: { client_config: { configuration: { file_content: kubeconf } } } },
      evaluate: async (v: YamlMap) => v,
      relationships: [],
      settings: DEFAULT_PLUGIN_SETTINGS,
    } as unknown as OperationContext;
    const { objects } = await kubernetesClient(ctx);
    const namespaces = await objects.list('v1', 'Namespace');
    expect(namespaces.items.map((n) => n.metadata?.name)).toContain('kube-system');
    const token = seen.find((t) => t.startsWith('k8s-aws-v1.'))!;
    const url = new URL(Buffer.from(token.slice('k8s-aws-v1.'.length), 'base64url').toString());
    expect(url.hostname).toBe('sts.eu-west-1.amazonaws.com');
    expect(url.searchParams.get('X-Amz-SignedHeaders')).toBe('host;x-k8s-aws-id');
    expect(url.searchParams.get('X-Amz-Credential')).toMatch(/^AKIDEXAMPLE\/\d{8}\/eu-west-1\/sts\/aws4_request$/);
  });
});
