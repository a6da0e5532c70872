import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dynamoDbLocalRelease } from './dynamodb-local-package.js';
import { ensureBackgroundService, stopBackgroundService } from './background.js';
import path from 'node:path';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { evaluateDeploymentOutputs, LocalSecrets, observedSecrets, blueprintDirOf, secretsPrefix, type SecretsProvider } from '../runtime/index.js';
import { SecretsManagerSecrets } from '../runtime/secrets-manager.js';
import { defaultPluginRegistry, type PluginRegistry } from '../plugins/index.js';
import { LambdaInvoker, LocalInvoker, type StepInvoker } from '../invoke/index.js';
import type { EventRecord } from '../state/index.js';
import { DynamoDbStateStore, DYNAMODB_LOCAL_EXPOSURE_WARNING, DYNAMODB_LOCAL_LOCKDOWN, ensureTable, freeLoopbackPort } from '../state/dynamodb-adapter.js';
import type { EngineDeps } from '../engine/index.js';
import type { YamlValue } from '../dsl/index.js';

/** Everything a local command needs: the state store, the plugins and an in-process invoker. */
export interface LocalEnvironment {
  /** Where operation logs go as they happen (set by the command showing progress). */
  logListener: { current?: (e: EventRecord) => void };
  store: DynamoDbStateStore;
  plugins: PluginRegistry;
  secrets: SecretsProvider;
  engine: EngineDeps;
  endpoint: string;
  /** Steps run elsewhere (AWS mode), so deployments carry a copy of their blueprint directory. */
  shipsBlueprintFiles: boolean;
}

export interface LocalOptions {
  /** Working directory for state (`.isthmus/`); default the current directory. */
  stateDir?: string;
  tableName?: string;
  maxParallel?: number;
  /** What deployments' relative blueprint paths resolve against (default: stateDir). */
  blueprintRoot?: string;
  /** Told every secret value read (the action masks them in the log and its reports). */
  onSecret?: (value: YamlValue) => void;
}

const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };

async function answers(endpoint: string): Promise<boolean> {
  const client = new DynamoDBClient({ endpoint, region: 'local', credentials, maxAttempts: 1, requestHandler: { requestTimeout: 1500 } });
  try {
    await client.send(new ListTablesCommand({}));
    return true;
  } catch {
    return false;
  } finally {
    client.destroy();
  }
}

/**
 * Local mode keeps one DynamoDB Local per working directory running in the background
 * (data in `.isthmus/dynamodb/`), so that several commands — and two drivers racing for a
 * deployment — share the same state. `isthmus local stop` ends it. ISTHMUS_DYNAMODB_ENDPOINT
 * points commands at an endpoint of your own instead.
 */
export async function localDynamoDbEndpoint(stateDir: string): Promise<string> {
  const fromEnv = process.env['ISTHMUS_DYNAMODB_ENDPOINT'];
  if (fromEnv) return fromEnv;
  const dataDir = path.join(stateDir, '.isthmus', 'dynamodb');
  mkdirSync(dataDir, { recursive: true });
  const info = await ensureBackgroundService<{ endpoint: string; pid: number }>(stateDir, {
    name: 'dynamodb',
    timeoutMs: 60_000,
    answers: (i) => answers(i.endpoint),
    async start() {
      const port = await freeLoopbackPort();
      const release = dynamoDbLocalRelease();
      const child = spawn(
        'java',
        [`-Djava.library.path=${path.join(release, 'DynamoDBLocal_lib')}`, '-jar', path.join(release, 'DynamoDBLocal.jar'), '-port', String(port), '-dbPath', dataDir, '-sharedDb', '-disableTelemetry', ...DYNAMODB_LOCAL_LOCKDOWN],
        { cwd: path.dirname(release), detached: true, stdio: 'ignore', env: { ...process.env, DDB_LOCAL_TELEMETRY: '0' } },
      );
      child.on('error', () => undefined);
      child.unref();
      const endpoint = `http://127.0.0.1:${port}`;
      for (let i = 0; i < 300 && !(await answers(endpoint)); i++) await new Promise((r) => setTimeout(r, 100));
      if (!(await answers(endpoint))) throw new Error('DynamoDB Local did not answer; is Java 17+ installed?');
      process.stderr.write(DYNAMODB_LOCAL_EXPOSURE_WARNING(port));
      return { endpoint, pid: child.pid! };
    },
  });
  return info.endpoint;
}

export function stopLocalDynamoDb(stateDir: string): boolean {
  return stopBackgroundService(stateDir, 'dynamodb');
}

/**
 * The engine's wiring, the same in both modes. A dead driver's lease must run out before another
 * driver may resume its execution (ISTHMUS_LEASE_MS overrides the default).
 */
function engineDeps(store: DynamoDbStateStore, invoker: StepInvoker, secrets: SecretsProvider, maxParallel: number | undefined, defaultLeaseMs: number): EngineDeps {
  return {
    store,
    invoker,
    maxParallel: maxParallel ?? 16,
    leaseMs: Number(process.env['ISTHMUS_LEASE_MS'] ?? defaultLeaseMs),
    evaluateOutputs: (d) => evaluateDeploymentOutputs(store, d, secrets),
  };
}

export interface AwsOptions {
  tableName: string;
  functionName: string;
  region?: string;
  /** Endpoint overrides (a local DynamoDB and Invoke API, for trials and tests). */
  dynamoDbEndpoint?: string;
  lambdaEndpoint?: string;
  maxParallel?: number;
  /** Where get_secret reads in Secrets Manager (default ISTHMUS_SECRETS_PREFIX, else isthmus/). */
  secretsPrefix?: string;
  /** Told every secret value read in this process (outputs; steps run in the Lambda). */
  onSecret?: (value: YamlValue) => void;
}

/** AWS mode: the real state table, and steps sent to the step Lambda. */
export async function openAwsEnvironment(options: AwsOptions): Promise<LocalEnvironment> {
  const region = options.region ?? process.env['AWS_REGION'] ?? process.env['AWS_DEFAULT_REGION'];
  const client = new DynamoDBClient({ maxAttempts: 8, ...(region ? { region } : {}), ...(options.dynamoDbEndpoint ? { endpoint: options.dynamoDbEndpoint } : {}) });
  const store = new DynamoDbStateStore({ tableName: options.tableName, client });
  const plugins = defaultPluginRegistry();
  const stored = new SecretsManagerSecrets(new SecretsManagerClient(region ? { region } : {}), options.secretsPrefix ?? secretsPrefix());
  const secrets = options.onSecret ? observedSecrets(stored, options.onSecret) : stored;
  const invoker = new LambdaInvoker({
    functionName: options.functionName,
    clientConfig: { ...(region ? { region } : {}), ...(options.lambdaEndpoint ? { endpoint: options.lambdaEndpoint } : {}) },
  });
  return {
    store,
    plugins,
    secrets,
    endpoint: options.dynamoDbEndpoint ?? 'aws',
    shipsBlueprintFiles: true,
    logListener: {},
    engine: engineDeps(store, invoker, secrets, options.maxParallel, 60_000),
  };
}

/** Local mode unless ISTHMUS_MODE=aws (then ISTHMUS_STATE_TABLE and ISTHMUS_STEP_FUNCTION name the resources). */
export async function openEnvironment(options: LocalOptions = {}): Promise<LocalEnvironment> {
  if (process.env['ISTHMUS_MODE'] !== 'aws') return openLocalEnvironment(options);
  const tableName = process.env['ISTHMUS_STATE_TABLE'];
  const functionName = process.env['ISTHMUS_STEP_FUNCTION'];
  if (!tableName || !functionName) throw new Error('AWS mode needs ISTHMUS_STATE_TABLE and ISTHMUS_STEP_FUNCTION (or --state-table and --step-function)');
  const dynamoDbEndpoint = process.env['ISTHMUS_DYNAMODB_ENDPOINT'];
  const lambdaEndpoint = process.env['ISTHMUS_LAMBDA_ENDPOINT'];
  return openAwsEnvironment({
    tableName,
    functionName,
    ...(dynamoDbEndpoint ? { dynamoDbEndpoint } : {}),
    ...(lambdaEndpoint ? { lambdaEndpoint } : {}),
    ...(options.maxParallel ? { maxParallel: options.maxParallel } : {}),
  });
}

export async function openLocalEnvironment(options: LocalOptions = {}): Promise<LocalEnvironment> {
  const stateDir = path.resolve(options.stateDir ?? process.cwd());
  const endpoint = await localDynamoDbEndpoint(stateDir);
  const client = new DynamoDBClient({ endpoint, region: 'local', credentials, maxAttempts: 8 });
  const tableName = options.tableName ?? process.env['ISTHMUS_STATE_TABLE'] ?? 'isthmus';
  await ensureTable(client, tableName);
  const store = new DynamoDbStateStore({ tableName, client });
  const plugins = defaultPluginRegistry();
  const stored = new LocalSecrets(path.join(stateDir, '.isthmus', 'secrets.yaml'));
  const secrets = options.onSecret ? observedSecrets(stored, options.onSecret) : stored;
  const logListener: LocalEnvironment['logListener'] = {};
  const invoker = new LocalInvoker({ store, plugins, secrets, blueprintDir: (d) => blueprintDirOf(d, options.blueprintRoot ?? stateDir), onEvents: (events) => events.forEach((e) => logListener.current?.(e)) });
  return {
    logListener,
    store,
    plugins,
    secrets,
    endpoint,
    shipsBlueprintFiles: false,
    engine: engineDeps(store, invoker, secrets, options.maxParallel, 30_000),
  };
}
