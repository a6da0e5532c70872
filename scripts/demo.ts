/**
 * `npm run demo`: the whole story on the embedded default (DynamoDB Local + the Kubernetes
 * sandbox), through the real CLI: install WordPress + MySQL on Kubernetes with an external load
 * balancer configured from the WordPress Service's address, scale WordPress, heal a deleted pod,
 * migrate WordPress to another node pool, uninstall. State lives in a temporary directory.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const cli = path.join(root, 'bin', 'isthmus.js');
const blueprint = path.join(root, 'examples', 'wordpress-hybrid', 'blueprint.yaml');
const work = mkdtempSync(path.join(tmpdir(), 'isthmus-demo-'));
const env = { ...process.env, ISTHMUS_SECRET_WORDPRESS_DB_PASSWORD: process.env['ISTHMUS_SECRET_WORDPRESS_DB_PASSWORD'] ?? 'demo-only-password' };

function step(title: string): void {
  process.stdout.write(`\n\x1b[1m━━ ${title}\x1b[0m\n`);
}

function isthmus(...args: string[]): void {
  process.stdout.write(`\x1b[2m$ isthmus ${args.join(' ')}\x1b[0m\n`);
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: work, env, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`isthmus ${args.join(' ')} exited with ${r.status}`);
}

/** A request to the background sandbox with the token of its kubeconfig (the API refuses anonymous ones). */
async function sandboxRequest(method: string, apiPath: string): Promise<unknown> {
  const { url, kubeconfig } = JSON.parse(readFileSync(path.join(work, '.isthmus', 'sandbox.json'), 'utf8')) as { url: string; kubeconfig: string };
  const config = parseYaml(readFileSync(kubeconfig, 'utf8')) as { users: Array<{ user: { token?: string } }> };
  const token = config.users[0]?.user.token;
  const res = await fetch(`${url}${apiPath}`, { method, headers: token ? { authorization: `Bearer ${token}` } : {} });
  if (!res.ok) throw new Error(`sandbox ${method} ${apiPath}: ${res.status} ${await res.text()}`);
  return res.json();
}

async function main(): Promise<void> {
  try {
    step('1. Validate and plan the blueprint');
    isthmus('validate', blueprint);
    isthmus('plan', blueprint);

    step('2. Install on the sandbox cluster (DynamoDB Local holds the state)');
    isthmus('--sandbox', 'install', blueprint, '-d', 'wordpress');

    step('3. Scale WordPress to 3 replicas (a deployment update with a new input)');
    isthmus('--sandbox', 'update', 'wordpress', '-i', 'wordpress_replicas=3');

    step('4. A bare pod disappears; check_status finds it, heal reinstalls it');
    await sandboxRequest('DELETE', '/api/v1/namespaces/wordpress/pods/wordpress-cron');
    process.stdout.write("deleted pod wordpress/wordpress-cron behind Isthmus's back\n");
    isthmus('--sandbox', 'heal', 'wordpress');

    step('5. Migrate WordPress to node pool pool-b (day two: execute_operation)');
    isthmus(
      '--sandbox',
      'execute-operation',
      'wordpress',
      '-p',
      'operation=isthmus.interfaces.kubernetes.migrate',
      '-p',
      'node_ids=[wordpress]',
      '-p',
      'operation_kwargs={node_pool: pool-b}',
    );
    const pods = (await sandboxRequest('GET', '/api/v1/namespaces/wordpress/pods?labelSelector=tier%3Dweb')) as {
      items: Array<{ metadata: { name: string }; spec: { nodeName?: string } }>;
    };
    for (const p of pods.items) process.stdout.write(`  ${p.metadata.name} on ${p.spec.nodeName ?? '(unscheduled)'}\n`);
    isthmus('outputs', 'wordpress');

    step('6. Uninstall');
    isthmus('--sandbox', 'uninstall', 'wordpress');
  } finally {
    spawnSync(process.execPath, [cli, 'local', 'stop'], { cwd: work, env, stdio: 'inherit' });
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`demo failed: ${(err as Error).message}\n`);
  process.exitCode = 1;
});
