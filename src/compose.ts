import path from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { YamlValue } from './dsl/index.js';
import type { EngineDeps } from './engine/index.js';
import { RepositoryChildDeployments } from './driver/components.js';
import { LambdaInvoker, LocalInvoker, RoutingInvoker, type StepInvoker } from './invoke/index.js';
import { defaultPluginRegistry, type PluginRegistry } from './plugins/index.js';
import {
  blueprintDirOf,
  evaluateDeploymentOutputs,
  LocalSecrets,
  materializeBlueprintFiles,
  observedSecrets,
  type RuntimeDeps,
  type SecretsProvider,
} from './runtime/index.js';
import { SecretsManagerSecrets } from './runtime/secrets-manager.js';
import { SettingsError, type DriverSettings, type StepSettings } from './settings.js';
import { DynamoDbStateStore, ensureBackgroundDynamoDbLocal, ensureTable, stopBackgroundDynamoDbLocal } from './state/dynamodb-adapter.js';
import type { EventRecord } from './state/index.js';

/**
 * The composition root: the one place that builds Isthmus's parts from typed settings — the state
 * store, the step invoker, the plugin registry and the secrets — for the CLI, the action and the
 * step Lambda alike. The entry points parse the environment (src/settings.ts) and call in here;
 * nothing else constructs an adapter.
 */

/** Everything a driver (a CLI command, an action run) needs: state, plugins, secrets and the engine's wiring. */
export interface DriverEnvironment {
  /** Where operation logs go as they happen (set by the command showing progress). */
  logListener: { current?: (e: EventRecord) => void };
  store: DynamoDbStateStore;
  plugins: PluginRegistry;
  secrets: SecretsProvider;
  engine: EngineDeps;
  /** Components' child deployments (the engine's `children`); a command that loads a blueprint sets its load options with withLoadOptions. */
  children: RepositoryChildDeployments;
  endpoint: string;
  /** Steps run elsewhere (AWS mode), so deployments carry a copy of their blueprint directory. */
  shipsBlueprintFiles: boolean;
}

export interface DriverOptions {
  /** Local mode's working directory for state (`.isthmus/`); default the current directory. */
  stateDir?: string;
  maxParallel?: number;
  /** What deployments' relative blueprint paths resolve against (default: stateDir in local mode, the working directory in AWS mode). */
  blueprintRoot?: string;
  /** Told every secret value read (the action masks them in the log and its reports). */
  onSecret?: (value: YamlValue) => void;
}

const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };

/** Local mode, or AWS mode when the settings say so. */
export function openDriverEnvironment(settings: DriverSettings, options: DriverOptions = {}): Promise<DriverEnvironment> {
  return settings.mode === 'aws' ? openAwsEnvironment(settings, options) : openLocalEnvironment(settings, options);
}

/**
 * The engine's wiring, the same in both modes. A dead driver's lease must run out before another
 * driver may resume its execution.
 */
function engineDeps(
  store: DynamoDbStateStore,
  invoker: StepInvoker,
  secrets: SecretsProvider,
  children: RepositoryChildDeployments,
  maxParallel: number | undefined,
  leaseMs: number,
): EngineDeps {
  return { store, invoker, children, maxParallel: maxParallel ?? 16, leaseMs, evaluateOutputs: (d) => evaluateDeploymentOutputs(store, d, secrets) };
}

/** Steps run in this process (local mode; a runner's steps in AWS mode), their logs shown as they happen. */
function inProcessSteps(
  deps: Pick<RuntimeDeps, 'store' | 'plugins' | 'secrets' | 'settings'>,
  logListener: DriverEnvironment['logListener'],
  blueprintDir: RuntimeDeps['blueprintDir'],
): LocalInvoker {
  return new LocalInvoker({
    ...deps,
    blueprintDir,
    onEvents: (events) => {
      for (const e of events) logListener.current?.(e);
    },
  });
}

/** AWS mode: the state table, and steps sent to the step Lambda. */
export async function openAwsEnvironment(settings: DriverSettings, options: DriverOptions = {}): Promise<DriverEnvironment> {
  const { stateTable, stepFunction, dynamoDbEndpoint, lambdaEndpoint } = settings;
  if (!stateTable) throw new SettingsError('ISTHMUS_STATE_TABLE', 'AWS mode needs the state table (--state-table, or the state-table input)');
  if (!stepFunction) throw new SettingsError('ISTHMUS_STEP_FUNCTION', 'AWS mode needs the step Lambda (--step-function, or the step-function input)');
  const region = settings.plugins.defaultRegion;
  const client = new DynamoDBClient({ maxAttempts: 8, ...(region ? { region } : {}), ...(dynamoDbEndpoint ? { endpoint: dynamoDbEndpoint } : {}) });
  const store = new DynamoDbStateStore({ tableName: stateTable, client });
  const stored = new SecretsManagerSecrets(new SecretsManagerClient(region ? { region } : {}), settings.secretsPrefix);
  const secrets = options.onSecret ? observedSecrets(stored, options.onSecret) : stored;
  const lambda = new LambdaInvoker({
    functionName: stepFunction,
    clientConfig: { ...(region ? { region } : {}), ...(lambdaEndpoint ? { endpoint: lambdaEndpoint } : {}) },
  });
  const plugins = defaultPluginRegistry();
  const blueprintRoot = path.resolve(options.blueprintRoot ?? '.');
  const logListener: DriverEnvironment['logListener'] = {};
  // Steps a deployment's `isthmus-runner-steps` label names run here (a self-hosted runner reaches
  // hosts a Lambda cannot), from the shipped blueprint files like the Lambda's, or the checkout.
  const inRunner = inProcessSteps({ store, plugins, secrets, settings: settings.plugins }, logListener, (d) =>
    d.resources ? materializeBlueprintFiles(store, d.resources) : blueprintDirOf(d, blueprintRoot),
  );
  const invoker = new RoutingInvoker(lambda, inRunner, store);
  const children = new RepositoryChildDeployments({ blueprintRoot, catalog: plugins.catalog(), ship: true });
  return {
    store,
    plugins,
    secrets,
    endpoint: dynamoDbEndpoint ?? 'aws',
    shipsBlueprintFiles: true,
    logListener,
    children,
    engine: engineDeps(store, invoker, secrets, children, options.maxParallel, settings.leaseMs ?? 60_000),
  };
}

/**
 * Local mode: this directory's background DynamoDB Local (or ISTHMUS_DYNAMODB_ENDPOINT), secrets
 * from `.isthmus/secrets.yaml` and ISTHMUS_SECRET_* variables, and steps run in this process.
 */
export async function openLocalEnvironment(settings: DriverSettings, options: DriverOptions = {}): Promise<DriverEnvironment> {
  const stateDir = path.resolve(options.stateDir ?? process.cwd());
  const endpoint = settings.dynamoDbEndpoint ?? (await ensureBackgroundDynamoDbLocal(stateDir, settings.toolCache));
  const client = new DynamoDBClient({ endpoint, region: 'local', credentials: LOCAL_CREDENTIALS, maxAttempts: 8 });
  const tableName = settings.stateTable ?? 'isthmus';
  await ensureTable(client, tableName);
  const store = new DynamoDbStateStore({ tableName, client });
  const plugins = defaultPluginRegistry();
  const stored = new LocalSecrets(path.join(stateDir, '.isthmus', 'secrets.yaml'), settings.secretVariables);
  const secrets = options.onSecret ? observedSecrets(stored, options.onSecret) : stored;
  const logListener: DriverEnvironment['logListener'] = {};
  const invoker = inProcessSteps({ store, plugins, secrets, settings: settings.plugins }, logListener, (d) =>
    blueprintDirOf(d, options.blueprintRoot ?? stateDir),
  );
  const children = new RepositoryChildDeployments({ blueprintRoot: options.blueprintRoot ?? stateDir, catalog: plugins.catalog(), ship: false });
  return {
    logListener,
    store,
    plugins,
    secrets,
    endpoint,
    shipsBlueprintFiles: false,
    children,
    engine: engineDeps(store, invoker, secrets, children, options.maxParallel, settings.leaseMs ?? 30_000),
  };
}

/** Ends local mode's background DynamoDB Local of a directory; false when none ran. */
export function stopLocalState(stateDir: string): boolean {
  return stopBackgroundDynamoDbLocal(stateDir);
}

/**
 * The step Lambda's runtime: the state table, Secrets Manager (or a local secrets file), the
 * plugins, and blueprint files from the copy the driver shipped (or a checkout).
 */
export function stepRuntime(settings: StepSettings): RuntimeDeps {
  const client = new DynamoDBClient({ maxAttempts: 8, ...(settings.dynamoDbEndpoint ? { endpoint: settings.dynamoDbEndpoint } : {}) });
  const store = new DynamoDbStateStore({ tableName: settings.stateTable, client });
  const root = settings.blueprintRoot;
  return {
    store,
    plugins: defaultPluginRegistry(),
    secrets: settings.secretsFile
      ? new LocalSecrets(settings.secretsFile, settings.secretVariables)
      : new SecretsManagerSecrets(undefined, settings.secretsPrefix),
    settings: settings.plugins,
    blueprintDir: (d) => (root || !d.resources ? blueprintDirOf(d, root ?? process.cwd()) : materializeBlueprintFiles(store, d.resources)),
    stepTimeoutMs: 14 * 60_000,
  };
}
