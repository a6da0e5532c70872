import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCluster, type TestCluster } from './support/kubernetes.js';

const haveKubectl = spawnSync('kubectl', ['version', '--client'], { stdio: 'ignore' }).status === 0;

/**
 * kubectl, an independent client, against the test cluster: the sandbox (checking that it answers
 * as a real API server), or kind in e2e-kind.yml (ISTHMUS_TEST_KUBECONFIG: checking that these
 * expectations are a real server's). Runs where kubectl is installed.
 */
describe.runIf(haveKubectl)('kubectl against the test cluster', () => {
  let cluster: TestCluster;
  let env: NodeJS.ProcessEnv;
  let dir: string;
  beforeAll(async () => {
    cluster = await startTestCluster();
    // Its own directory: writeBlueprintFiles' are removed after each test, and the kubeconfig must last the file.
    dir = mkdtempSync(path.join(tmpdir(), 'isthmus-kubectl-'));
    writeFileSync(path.join(dir, 'cm.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: from-kubectl }\ndata: { a: "1" }\n');
    writeFileSync(path.join(dir, 'kubeconfig'), cluster.kubeconfig);
    env = { ...process.env, KUBECONFIG: path.join(dir, 'kubeconfig') };
  });
  afterAll(async () => {
    await cluster?.close();
    rmSync(dir, { recursive: true, force: true });
  });
  // Asynchronous: the sandbox answers from this same process.
  const kubectl = async (...args: string[]) => (await promisify(execFile)('kubectl', args, { env, encoding: 'utf8', timeout: 300_000 })).stdout;
  // A real cluster pulls images: its rollouts take longer than the sandbox's.
  const wait = (): string => (cluster.sandbox ? '--timeout=10s' : '--timeout=240s');

  it('gets, creates, rolls out, applies and deletes', async () => {
    if (cluster.sandbox) {
      expect(await kubectl('version')).toContain('isthmus-sandbox');
      expect((await kubectl('get', 'nodes', '-o', 'name')).split('\n').filter(Boolean)).toEqual(['node/sandbox-a-1', 'node/sandbox-a-2', 'node/sandbox-b-1']);
    }
    await kubectl('create', 'deployment', 'web', '--image=nginx', '--replicas=2');
    expect(await kubectl('rollout', 'status', 'deployment/web', wait())).toContain('successfully rolled out');
    await kubectl('scale', 'deployment', 'web', '--replicas=3');
    await kubectl('wait', '--for=condition=Available', 'deployment/web', wait());
    expect((await kubectl('get', 'pods', '-l', 'app=web', '-o', 'name')).split('\n').filter(Boolean)).toHaveLength(3);
    expect(await kubectl('apply', '--server-side', '-f', path.join(dir, 'cm.yaml'))).toContain('serverside-applied');
    expect(await kubectl('get', 'configmap', 'from-kubectl', '-o', 'jsonpath={.data.a}')).toBe('1');
    // Foreground: kubectl returns once the pods are gone too (a real cluster takes its time).
    await kubectl('delete', 'deployment', 'web', '--cascade=foreground');
    await kubectl('delete', '-f', path.join(dir, 'cm.yaml'));
    expect((await kubectl('get', 'pods', '-l', 'app=web', '-o', 'name')).trim()).toBe('');
  }, 60_000);

  it('client-side apply validates against /openapi/v3 and patches; an unknown field is refused by the server (fieldValidation=Strict)', async () => {
    const deployment = (image: string, replicas: number) =>
      `apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: api, labels: { app: api } }\nspec:\n  replicas: ${replicas}\n  selector: { matchLabels: { app: api } }\n  template:\n    metadata: { labels: { app: api } }\n    spec:\n      containers:\n        - { name: api, ${image}, ports: [ { containerPort: 8080 } ], env: [ { name: MODE, value: blue } ] }\n`;
    writeFileSync(path.join(dir, 'api.yaml'), deployment('image: nginx:1.27', 2));
    expect(await kubectl('apply', '-f', path.join(dir, 'api.yaml'))).toContain('deployment.apps/api created');
    writeFileSync(path.join(dir, 'api.yaml'), deployment('image: nginx:1.27', 3).replace('value: blue', 'value: green'));
    expect(await kubectl('apply', '-f', path.join(dir, 'api.yaml'))).toContain('deployment.apps/api configured');
    expect(await kubectl('get', 'deployment', 'api', '-o', 'jsonpath={.spec.replicas} {.spec.template.spec.containers[0].env[0].value}')).toBe('3 green');
    expect(await kubectl('get', 'deployment', 'api', '-o', 'yaml')).toContain('kubectl.kubernetes.io/last-applied-configuration');
    writeFileSync(path.join(dir, 'bad.yaml'), deployment('imagee: nginx:1.27', 3));
    const refused = await kubectl('apply', '-f', path.join(dir, 'bad.yaml')).then(
      () => '',
      (e: { stderr: string }) => e.stderr,
    );
    expect(refused).toContain('strict decoding error: unknown field "spec.template.spec.containers[0].imagee"');
    await kubectl('delete', 'deployment', 'api');
  }, 60_000);

  it('get prints the columns a real API server prints (wide too), get all lists the all category, describe works, logs says there is no container runtime', async () => {
    await kubectl('create', 'deployment', 'shop', '--image=nginx:1.27', '--replicas=2');
    await kubectl('expose', 'deployment', 'shop', '--port=80');
    await kubectl('rollout', 'status', 'deployment/shop', wait());
    const nodes = await kubectl('get', 'nodes', '-o', 'wide');
    expect(nodes.split('\n')[0]).toMatch(/^NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION\s+INTERNAL-IP\s+EXTERNAL-IP\s+OS-IMAGE\s+KERNEL-VERSION\s+CONTAINER-RUNTIME/);
    expect(nodes).toMatch(/\n\S+\s+Ready\s/);
    const pods = await kubectl('get', 'pods', '-l', 'app=shop', '-o', 'wide');
    expect(pods.split('\n')[0]).toMatch(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\s+IP\s+NODE\s+NOMINATED NODE\s+READINESS GATES/);
    expect(pods).toMatch(/shop-\S+\s+1\/1\s+Running\s+0\s+\S+\s+\d+\.\d+\.\d+\.\d+\s+\S+/);
    const all = await kubectl('get', 'all');
    expect(all).toMatch(/deployment\.apps\/shop\s+2\/2\s+2\s+2/);
    expect(all).toMatch(/service\/shop\s+ClusterIP\s+\S+\s+<none>\s+80\/TCP/);
    expect(await kubectl('describe', 'deployment', 'shop')).toMatch(/Replicas:\s+2 desired \| 2 updated \| 2 total \| 2 available/);
    if (cluster.sandbox) {
      const logs = await kubectl('logs', 'deployment/shop').then(
        () => '',
        (e: { stderr: string }) => e.stderr,
      );
      expect(logs).toContain('the Isthmus sandbox simulates Kubernetes and runs no containers');
    }
    await kubectl('delete', 'service,deployment', 'shop');
  }, 60_000);
});
