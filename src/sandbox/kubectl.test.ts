import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeBlueprintFiles } from '../../test/support/blueprint-files.js';
import { startSandbox, type Sandbox } from './index.js';

const haveKubectl = spawnSync('kubectl', ['version', '--client'], { stdio: 'ignore' }).status === 0;

/** kubectl against the sandbox, where kubectl is installed. */
describe.runIf(haveKubectl)('kubectl against the sandbox', () => {
  let sb: Sandbox;
  let env: NodeJS.ProcessEnv;
  let dir: string;
  beforeAll(async () => {
    sb = await startSandbox({ timing: { podReadyMs: 30 } });
    dir = writeBlueprintFiles({ 'cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: from-kubectl }\ndata: { a: "1" }\n' });
    writeFileSync(path.join(dir, 'kubeconfig'), sb.kubeconfig());
    env = { ...process.env, KUBECONFIG: path.join(dir, 'kubeconfig') };
  });
  afterAll(async () => sb?.close());
  // Asynchronous: the sandbox answers from this same process.
  const kubectl = async (...args: string[]) => (await promisify(execFile)('kubectl', args, { env, encoding: 'utf8', timeout: 20_000 })).stdout;

  it('gets, creates, rolls out, applies and deletes', async () => {
    expect(await kubectl('version')).toContain('isthmus-sandbox');
    expect((await kubectl('get', 'nodes', '-o', 'name')).split('\n').filter(Boolean)).toEqual(['node/sandbox-a-1', 'node/sandbox-a-2', 'node/sandbox-b-1']);
    await kubectl('create', 'deployment', 'web', '--image=nginx', '--replicas=2');
    expect(await kubectl('rollout', 'status', 'deployment/web', '--timeout=10s')).toContain('successfully rolled out');
    await kubectl('scale', 'deployment', 'web', '--replicas=3');
    await kubectl('wait', '--for=condition=Available', 'deployment/web', '--timeout=10s');
    expect((await kubectl('get', 'pods', '-l', 'app=web', '-o', 'name')).split('\n').filter(Boolean)).toHaveLength(3);
    expect(await kubectl('apply', '--server-side', '--validate=false', '-f', path.join(dir, 'cm.yaml'))).toContain('serverside-applied');
    expect(await kubectl('get', 'configmap', 'from-kubectl', '-o', 'jsonpath={.data.a}')).toBe('1');
    await kubectl('delete', 'deployment', 'web');
    await kubectl('delete', '-f', path.join(dir, 'cm.yaml'));
    expect((await kubectl('get', 'pods', '-o', 'name')).trim()).toBe('');
  }, 60_000);
});
