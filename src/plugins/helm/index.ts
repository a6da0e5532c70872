import { spawn } from 'node:child_process';
import { access, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isYamlMap, type YamlMap, type YamlValue } from '../../dsl/index.js';
import { OperationError } from '../../runtime/errors.js';
import type { OperationContext } from '../../runtime/types.js';
import { parseAllDocuments } from 'yaml';
import { kubernetesClient } from '../kubernetes/client.js';
import { objectsDrift } from '../kubernetes/drift.js';
import type { K8sObject } from '../kubernetes/health.js';
import type { PluginModule } from '../registry.js';
import { helmBinary } from './binary.js';

/*
 * cloudify-helm-plugin, natively, with the real helm. Every operation runs helm in a fresh helm home
 * (the step's scratch directory): steps are stateless and may run in different Lambdas, so the
 * repositories and registries a Release needs are read from the Repo and Registry nodes it is related
 * to (their properties evaluated now, secrets included, never stored) and added or logged into first.
 * The cluster comes from the Release's client_config (or a related cluster node, or the sandbox
 * override) exactly as for the Kubernetes plugin, written as a 0600 kubeconfig in that home.
 */

const map = (v: YamlValue | undefined): YamlMap => (isYamlMap(v) ? v : {});
const text = (v: YamlValue | undefined): string | undefined => (typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : undefined);
const REPO = 'cloudify.nodes.helm.Repo';
const REGISTRY = 'cloudify.nodes.helm.Registry';
/** Flags Isthmus decides (the cluster and helm's own files): a blueprint cannot point helm elsewhere. */
const RESERVED_FLAGS = new Set([
  'kubeconfig',
  'kube-apiserver',
  'kube-token',
  'kube-context',
  'kube-ca-file',
  'kube-as-user',
  'kube-as-group',
  'kube-insecure-skip-tls-verify',
  'kube-tls-server-name',
  'registry-config',
  'repository-config',
  'repository-cache',
  'password-stdin',
]);
/** Output kept from one helm run, per stream. */
const MAX_OUTPUT = 4 * 1024 * 1024;

/** Cloudify's `flags`: [{name, value}] (a bare name is a boolean flag), as helm arguments. */
export function flagArguments(flags: YamlValue | undefined, where: string): string[] {
  if (flags === undefined || flags === null || flags === '') return [];
  if (!Array.isArray(flags)) throw new OperationError(`${where}: flags must be a list of {name, value}`, false);
  const args: string[] = [];
  for (const f of flags) {
    const entry = typeof f === 'string' ? { name: f } : map(f);
    const name = text(entry['name'] as YamlValue)?.replace(/^-+/, '');
    if (!name || !/^[a-z][a-z0-9-]*$/.test(name)) throw new OperationError(`${where}: flag ${JSON.stringify(f)} has no valid name`, false);
    if (RESERVED_FLAGS.has(name)) throw new OperationError(`${where}: the flag '${name}' is Isthmus's to set (the cluster comes from client_config)`, false);
    const value = entry['value'] as YamlValue | undefined;
    args.push(
      value === undefined || value === null || value === '' || value === true
        ? `--${name}`
        : `--${name}=${typeof value === 'string' ? value : JSON.stringify(value)}`,
    );
  }
  return args;
}

const flagValue = (args: string[], name: string): string | undefined => {
  const found = args.find((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  return found === undefined ? undefined : found.includes('=') ? found.slice(found.indexOf('=') + 1) : '';
};

interface Workspace {
  dir: string;
  helm: string;
  env: Record<string, string>;
}

async function workspace(ctx: OperationContext, withCluster: boolean): Promise<Workspace> {
  const dir = await mkdtemp(path.join(tmpdir(), 'isthmus-helm-'));
  try {
    const props = map(await ctx.evaluate(ctx.node.properties));
    const configured = text(map(props['helm_config'])['executable_path']);
    // A blueprint's executable_path is where Cloudify's Binary node downloaded helm: used only if it is there.
    const helm =
      configured &&
      (await access(configured).then(
        () => true,
        () => false,
      ))
        ? configured
        : await helmBinary(ctx.settings);
    const env: Record<string, string> = {
      PATH: ctx.settings.scriptEnvironment.PATH,
      LANG: ctx.settings.scriptEnvironment.LANG,
      HOME: dir,
      HELM_CACHE_HOME: path.join(dir, 'cache'),
      HELM_CONFIG_HOME: path.join(dir, 'config'),
      HELM_DATA_HOME: path.join(dir, 'data'),
    };
    if (withCluster) {
      const { kubeConfig, source } = await kubernetesClient(ctx);
      const file = path.join(dir, 'kubeconfig');
      await writeFile(file, kubeConfig.exportConfig(), { mode: 0o600 });
      env['KUBECONFIG'] = file;
      ctx.logger.debug(`helm reaches the cluster of ${source}`);
    }
    return { dir, helm, env };
  } catch (err) {
    await rm(dir, { recursive: true, force: true });
    throw err;
  }
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runHelm(ctx: OperationContext, ws: Workspace, args: string[], stdin?: string): Promise<Run> {
  return new Promise<Run>((resolve, reject) => {
    const child = spawn(ws.helm, args, { cwd: ctx.blueprintDir, env: ws.env, stdio: ['pipe', 'pipe', 'pipe'], signal: ctx.signal });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => {
      if (stdout.length < MAX_OUTPUT) stdout += c.toString('utf8');
    });
    child.stderr.on('data', (c: Buffer) => {
      if (stderr.length < MAX_OUTPUT) stderr += c.toString('utf8');
    });
    child.once('error', (err: NodeJS.ErrnoException) => {
      if (err.name === 'AbortError') reject(new OperationError(`helm ${args[0]} ran out of the step's time`, true));
      else reject(err.code === 'ENOENT' ? new OperationError(`'${ws.helm}' is not there where this step runs`, false) : err);
    });
    child.once('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin ?? '');
  });
}

const why = (run: Run) =>
  run.stderr
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .slice(-3)
    .join(' | ');

async function withWorkspace<T>(ctx: OperationContext, withCluster: boolean, work: (ws: Workspace) => Promise<T>): Promise<T> {
  const ws = await workspace(ctx, withCluster);
  try {
    return await work(ws);
  } finally {
    await rm(ws.dir, { recursive: true, force: true });
  }
}

/** A related node's properties, evaluated in this operation (secrets read now, not stored). */
async function relatedConfigs(ctx: OperationContext, type: string): Promise<YamlMap[]> {
  const out: YamlMap[] = [];
  for (const rel of ctx.relationships) if (rel.target.node.typeHierarchy.includes(type)) out.push(map(await ctx.evaluate(rel.target.node.properties)));
  return out;
}

async function addRepo(ctx: OperationContext, ws: Workspace, config: YamlMap, extraFlags: YamlValue | undefined): Promise<void> {
  const name = text(config['name']);
  const url = text(config['repo_url']);
  if (!name || !url) throw new OperationError('a helm repository needs resource_config.name and repo_url', false);
  notAFlag(name, 'repository name');
  notAFlag(url, 'repo_url');
  const run = await runHelm(ctx, ws, [
    'repo',
    'add',
    name,
    url,
    '--force-update',
    ...flagArguments(config['flags'], `repository ${name}`),
    ...flagArguments(extraFlags, `repository ${name}`),
  ]);
  if (run.code !== 0) throw new OperationError(`helm repo add ${name} ${url} failed: ${why(run)}`, true);
}

/** Logs into a registry: flags username and password (sent on stdin, never on the command line), or an Amazon ECR token. */
async function registryLogin(ctx: OperationContext, ws: Workspace, config: YamlMap, extraFlags: YamlValue | undefined): Promise<string> {
  const ecr = map(config['ecr']);
  const flags = [...(Array.isArray(config['flags']) ? config['flags'] : []), ...(Array.isArray(extraFlags) ? extraFlags : [])];
  const named = (name: string) => flags.some((f) => map(f)['name'] === name);
  if (Object.keys(ecr).length > 0 && (named('password') || named('username')))
    throw new OperationError('resource_config.ecr mints the username and password; remove them from flags', false);
  const token = Object.keys(ecr).length > 0 ? await ecrToken(ctx, ecr) : undefined;
  const host = text(config['host']) ?? token?.host;
  if (!host) throw new OperationError('a helm registry needs resource_config.host (or resource_config.ecr)', false);
  notAFlag(host, 'registry host');
  const password = token?.password ?? flags.map(map).find((f) => f['name'] === 'password')?.['value'];
  const rest = flags.filter((f) => map(f)['name'] !== 'password');
  const args = [
    'registry',
    'login',
    host,
    ...(token ? [`--username=${token.username}`] : []),
    ...flagArguments(rest, `registry ${host}`),
    ...(password !== undefined ? ['--password-stdin'] : []),
  ];
  const run = await runHelm(ctx, ws, args, password !== undefined ? String(password) : undefined);
  if (run.code !== 0) throw new OperationError(`helm registry login ${host} failed: ${why(run)}`, true);
  return host;
}

/** An Amazon ECR login: the registry's host and the token's user and password (valid 12 hours; minted for every operation). */
export interface EcrToken {
  host: string;
  username: string;
  password: string;
  expiresAt?: Date;
}

/**
 * Mints an ECR authorization token from `resource_config.ecr` in Cloudify's form: `aws_config`
 * (aws_access_key_id, aws_secret_access_key, aws_session_token, aws_default_region or region_name;
 * none of them means the step's own identity) and an optional `registry_id` (an account id).
 */
export async function ecrToken(ctx: OperationContext, ecr: YamlMap): Promise<EcrToken> {
  const aws = map(ecr['aws_config']);
  const region = text(aws['aws_default_region']) ?? text(aws['region_name']) ?? ctx.settings.defaultRegion;
  if (!region) throw new OperationError('resource_config.ecr needs aws_config.aws_default_region (or AWS_REGION)', false);
  const keyId = text(aws['aws_access_key_id']);
  const secret = text(aws['aws_secret_access_key']);
  if (Boolean(keyId) !== Boolean(secret))
    throw new OperationError('resource_config.ecr.aws_config needs both aws_access_key_id and aws_secret_access_key, or neither', false);
  const sessionToken = text(aws['aws_session_token']);
  const registryId = text(ecr['registry_id']);
  // Loaded here, not at start-up: only ECR registries pay for the client.
  const { ECRClient, GetAuthorizationTokenCommand } = await import('@aws-sdk/client-ecr');
  const { clientFor, awsError } = await import('../aws-connection/index.js');
  const client = clientFor(ECRClient, {
    region,
    ...(keyId && secret ? { credentials: { accessKeyId: keyId, secretAccessKey: secret, ...(sessionToken ? { sessionToken } : {}) } } : {}),
    ...(text(aws['endpoint_url']) ? { endpoint: text(aws['endpoint_url'])! } : {}),
  });
  // The password is never logged: it goes to helm on stdin and is not kept.
  const answer = await (async () => client.send(new GetAuthorizationTokenCommand(registryId ? { registryIds: [registryId] } : {})))().catch((err: unknown) =>
    Promise.reject(awsError(err, 'getting an ECR authorization token')),
  );
  const data = answer.authorizationData?.[0];
  const decoded = data?.authorizationToken ? Buffer.from(data.authorizationToken, 'base64').toString('utf8') : '';
  const colon = decoded.indexOf(':');
  if (!data?.proxyEndpoint || colon <= 0) throw new OperationError('ECR returned no usable authorization token', true);
  return {
    host: new URL(data.proxyEndpoint).host,
    username: decoded.slice(0, colon),
    password: decoded.slice(colon + 1),
    ...(data.expiresAt ? { expiresAt: data.expiresAt } : {}),
  };
}

/** A chart reference: a directory or archive of the blueprint becomes its path; anything else is helm's to resolve. */
/** A positional argument of helm that would read as a flag (`--post-renderer=…`) is refused: helm would run it as one. */
export function notAFlag(value: string, what: string): void {
  if (value.startsWith('-')) throw new OperationError(`${what} '${value}' starts with '-': helm would read it as a flag`, false);
}

/** Helm's own rule for release names (a DNS-1123 subdomain of at most 53 characters). */
const RELEASE_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

async function chartReference(ctx: OperationContext, chart: string): Promise<string> {
  notAFlag(chart, 'chart');
  if (/^(oci|https?):\/\//.test(chart)) return chart;
  const full = path.resolve(ctx.blueprintDir, chart);
  const inside = !path.relative(ctx.blueprintDir, full).startsWith('..');
  if (inside && (await stat(full).catch(() => undefined))) return full;
  if (chart.startsWith('/') || chart.startsWith('.')) throw new OperationError(`chart '${chart}' is not a directory or archive of the blueprint`, false);
  return chart;
}

/**
 * One `--set` argument. helm splits a --set on commas and reads backslashes: a value's own are
 * escaped, so a value (an input, a secret) can never set another key; a key is a path and must be one.
 */
export function setArgument(key: string, value: YamlValue | undefined): string {
  if (/[=,\\\s]/.test(key)) throw new OperationError(`set_values name '${key}' is not a value path (no '=', ',', '\\' or spaces)`, false);
  const text = typeof value === 'string' ? value : JSON.stringify(value ?? null);
  return `${key}=${text.replace(/\\/g, '\\\\').replace(/,/g, '\\,')}`;
}

interface ReleaseSpec {
  name: string;
  chart: string;
  namespace?: string;
  args: string[];
}

/** The release's name, chart and helm arguments (values file, --set values, flags), from resource_config and the operation's inputs. */
async function releaseSpec(ctx: OperationContext, overrides: YamlMap = {}): Promise<ReleaseSpec> {
  const props = map(await ctx.evaluate(ctx.node.properties));
  const rc = map(props['resource_config']);
  const name = text(rc['name']);
  const chart = text(overrides['chart']) ?? text(rc['chart']);
  if (!name || !chart) throw new OperationError(`node '${ctx.node.id}': resource_config needs name and chart`, false);
  if (!RELEASE_NAME.test(name) || name.length > 53)
    throw new OperationError(
      `node '${ctx.node.id}': release name '${name}' is not valid (lower-case letters, digits, '-' and '.', at most 53 characters)`,
      false,
    );
  const args: string[] = [];
  const valuesFile = text(overrides['values_file']) ?? text(rc['values_file']);
  if (valuesFile) {
    const full = path.resolve(ctx.blueprintDir, valuesFile);
    if (path.relative(ctx.blueprintDir, full).startsWith('..'))
      throw new OperationError(`values_file '${valuesFile}' is outside the blueprint directory`, false);
    args.push('--values', full);
  }
  const sets = [...(Array.isArray(rc['set_values']) ? rc['set_values'] : []), ...(Array.isArray(overrides['set_values']) ? overrides['set_values'] : [])];
  for (const s of sets) {
    const entry = map(s);
    const key = text(entry['name']);
    if (!key) throw new OperationError(`set_values entry ${JSON.stringify(s)} has no name`, false);
    args.push('--set', setArgument(key, entry['value']));
  }
  args.push(...flagArguments(rc['flags'], `node '${ctx.node.id}'`), ...flagArguments(ctx.inputs['flags'], `node '${ctx.node.id}'`));
  const namespace = flagValue(args, 'namespace') ?? flagValue(args, 'n');
  return { name, chart, ...(namespace ? { namespace } : {}), args };
}

/** Records what helm says about the release (its JSON), as runtime properties. */
function recordRelease(ctx: OperationContext, json: string): Record<string, unknown> {
  let release: Record<string, unknown>;
  try {
    release = JSON.parse(json) as Record<string, unknown>;
  } catch {
    throw new OperationError(`helm answered something that is not JSON: ${json.slice(0, 200)}`, true);
  }
  const info = (release['info'] ?? {}) as Record<string, unknown>;
  const metadata = ((release['chart'] as Record<string, unknown> | undefined)?.['metadata'] ?? {}) as Record<string, unknown>;
  const rp = ctx.instance.runtimeProperties;
  rp['name'] = String(release['name'] ?? '');
  rp['namespace'] = String(release['namespace'] ?? '');
  rp['revision'] = Number(release['version'] ?? 0);
  rp['status'] = String(info['status'] ?? 'unknown');
  // `helm status` leaves the chart out: what install or upgrade said is kept.
  if (metadata['name']) {
    rp['chart'] = `${String(metadata['name'])}-${String(metadata['version'] ?? '')}`;
    rp['app_version'] = String(metadata['appVersion'] ?? '');
  }
  return release;
}

/** Adds the related repositories and logs into the related registries, in this helm home. */
async function prepareSources(ctx: OperationContext, ws: Workspace): Promise<void> {
  for (const repo of await relatedConfigs(ctx, REPO)) await addRepo(ctx, ws, map(repo['resource_config']), undefined);
  for (const registry of await relatedConfigs(ctx, REGISTRY)) await registryLogin(ctx, ws, map(registry['resource_config']), undefined);
}

/** install_release: `helm upgrade --install` (a resumed install converges), waiting for the release's objects to be ready. */
async function installRelease(ctx: OperationContext): Promise<void> {
  const props = map(await ctx.evaluate(ctx.node.properties));
  const spec = await releaseSpec(ctx);
  await withWorkspace(ctx, true, async (ws) => {
    const ns = spec.namespace ? ['--namespace', spec.namespace] : [];
    if (props['use_external_resource'] === true) {
      const status = await runHelm(ctx, ws, ['status', spec.name, ...ns, '-o', 'json']);
      if (status.code !== 0) throw new OperationError(`release ${spec.name} (use_external_resource) does not exist: ${why(status)}`, false);
      recordRelease(ctx, status.stdout);
      ctx.instance.runtimeProperties['use_external_resource'] = true;
      return;
    }
    await prepareSources(ctx, ws);
    const chart = await chartReference(ctx, spec.chart);
    const waits = spec.args.some((a) => a === '--wait' || a.startsWith('--wait='));
    const timeout = Number(props['max_sleep_time'] ?? 300);
    const args = [
      'upgrade',
      '--install',
      spec.name,
      chart,
      ...spec.args,
      ...(waits ? [] : ['--wait', `--timeout=${Number.isFinite(timeout) ? timeout : 300}s`]),
      '-o',
      'json',
    ];
    ctx.logger.info(`helm upgrade --install ${spec.name} ${spec.chart}${spec.namespace ? ` in ${spec.namespace}` : ''}`);
    const run = await runHelm(ctx, ws, args);
    if (run.code !== 0) throw new OperationError(`helm install of ${spec.name} failed: ${why(run)}`, true);
    const release = recordRelease(ctx, run.stdout);
    ctx.instance.runtimeProperties['use_external_resource'] = false;
    ctx.logger.info(`release ${spec.name} revision ${String(release['version'])} is ${String(ctx.instance.runtimeProperties['status'])}`);
  });
}

/** check_release_status: helm's status of the release; anything but deployed is unhealthy (or not yet there). */
async function checkReleaseStatus(ctx: OperationContext): Promise<YamlValue> {
  const spec = await releaseSpec(ctx);
  return withWorkspace(ctx, true, async (ws) => {
    const run = await runHelm(ctx, ws, ['status', spec.name, ...(spec.namespace ? ['--namespace', spec.namespace] : []), '-o', 'json']);
    if (run.code !== 0) throw new OperationError(`release ${spec.name}: ${why(run)}`, true);
    recordRelease(ctx, run.stdout);
    const status = String(ctx.instance.runtimeProperties['status']);
    if (status !== 'deployed') throw new OperationError(`release ${spec.name} is ${status}`, true);
    return { healthy: true, status, revision: ctx.instance.runtimeProperties['revision'] ?? null };
  });
}

/**
 * check_release_drift: the release's manifest (what helm applied, `helm get manifest`) compared
 * with the live objects, field by field as for Kubernetes nodes; a release helm no longer calls
 * deployed, or one upgraded outside Isthmus (a revision it did not record), has drifted too.
 */
async function checkReleaseDrift(ctx: OperationContext): Promise<YamlValue> {
  const spec = await releaseSpec(ctx);
  const ns = spec.namespace ? ['--namespace', spec.namespace] : [];
  return withWorkspace(ctx, true, async (ws) => {
    const drift: YamlMap = {};
    const status = await runHelm(ctx, ws, ['status', spec.name, ...ns, '-o', 'json']);
    if (status.code !== 0) {
      if (!/not found/i.test(status.stderr)) throw new OperationError(`release ${spec.name}: ${why(status)}`, true);
      return { drifted: true, differences: { [`release ${spec.name}`]: ['missing'] } };
    }
    const recorded = ctx.instance.runtimeProperties['revision'];
    const release = map(JSON.parse(status.stdout) as YamlValue);
    const state = text(map(release['info'])['status']) ?? 'unknown';
    const revision = Number(release['version'] ?? 0);
    const releaseDrift: string[] = [];
    if (state !== 'deployed') releaseDrift.push(`status ${state}`);
    if (typeof recorded === 'number' && recorded !== revision) releaseDrift.push(`revision ${revision} (Isthmus applied ${recorded})`);
    if (releaseDrift.length > 0) drift[`release ${spec.name}`] = releaseDrift;
    const manifest = await runHelm(ctx, ws, ['get', 'manifest', spec.name, ...ns]);
    if (manifest.code !== 0) throw new OperationError(`helm get manifest ${spec.name} failed: ${why(manifest)}`, true);
    const { objects } = await kubernetesClient(ctx);
    const desired: K8sObject[] = [];
    for (const doc of parseAllDocuments(manifest.stdout)) {
      const o = doc.toJS() as K8sObject | null;
      if (!o?.kind || !o.metadata?.name) continue;
      // helm leaves namespaced objects' namespace to the release's.
      const scope = await objects.scopeOf(o.apiVersion, o.kind).catch(() => undefined);
      if (scope === 'namespaced') o.metadata.namespace ??= spec.namespace || objects.namespace;
      desired.push(o);
    }
    Object.assign(drift, await objectsDrift(objects, desired));
    const names = Object.keys(drift);
    ctx.logger.info(names.length === 0 ? `release ${spec.name}: no drift` : `release ${spec.name}: drift in ${names.join(', ')}`);
    return { drifted: names.length > 0, differences: drift };
  });
}

/** uninstall_release: `helm uninstall --wait`; a release already gone is uninstalled. */
async function uninstallRelease(ctx: OperationContext): Promise<void> {
  if (ctx.instance.runtimeProperties['use_external_resource'] === true) {
    ctx.logger.info('the release was adopted (use_external_resource): left in place');
    return;
  }
  const spec = await releaseSpec(ctx);
  await withWorkspace(ctx, true, async (ws) => {
    const extra = flagArguments(ctx.inputs['flags'], `node '${ctx.node.id}'`);
    const run = await runHelm(ctx, ws, ['uninstall', spec.name, ...(spec.namespace ? ['--namespace', spec.namespace] : []), '--wait', ...extra]);
    if (run.code !== 0 && !/not found/i.test(run.stderr)) throw new OperationError(`helm uninstall ${spec.name} failed: ${why(run)}`, true);
    for (const key of ['name', 'revision', 'status', 'chart', 'app_version']) delete ctx.instance.runtimeProperties[key];
    ctx.logger.info(`release ${spec.name} uninstalled`);
  });
}

/** upgrade_release (operation and workflow): the release upgraded with the given chart, values and flags. */
async function upgradeRelease(ctx: OperationContext): Promise<void> {
  const spec = await releaseSpec(ctx, ctx.inputs);
  await withWorkspace(ctx, true, async (ws) => {
    await prepareSources(ctx, ws);
    const chart = await chartReference(ctx, spec.chart);
    const waits = spec.args.some((a) => a === '--wait' || a.startsWith('--wait='));
    const run = await runHelm(ctx, ws, ['upgrade', spec.name, chart, ...spec.args, ...(waits ? [] : ['--wait']), '-o', 'json']);
    if (run.code !== 0) throw new OperationError(`helm upgrade of ${spec.name} failed: ${why(run)}`, true);
    recordRelease(ctx, run.stdout);
    ctx.logger.info(`release ${spec.name} upgraded to revision ${String(ctx.instance.runtimeProperties['revision'])}`);
  });
}

/** add_repo / update_repo / repo_list: the repository is added (its index fetched) in a fresh helm home — it answers. */
async function checkRepo(ctx: OperationContext): Promise<void> {
  const props = map(await ctx.evaluate(ctx.node.properties));
  const config = map(props['resource_config']);
  await withWorkspace(ctx, false, (ws) => addRepo(ctx, ws, config, ctx.inputs['flags']));
  ctx.instance.runtimeProperties['repo_name'] = text(config['name']) ?? null;
  ctx.instance.runtimeProperties['repo_url'] = text(config['repo_url']) ?? null;
}

/** repo_check_drift: the repository still answers with an index (a Repo has nothing else that could drift). */
async function repoDrift(ctx: OperationContext): Promise<YamlValue> {
  try {
    await checkRepo(ctx);
    return { drifted: false };
  } catch (err) {
    return {
      drifted: true,
      differences: { [`repository ${text(map(map(await ctx.evaluate(ctx.node.properties))['resource_config'])['name']) ?? ''}`]: [(err as Error).message] },
    };
  }
}

async function registryLoginOperation(ctx: OperationContext): Promise<void> {
  const props = map(await ctx.evaluate(ctx.node.properties));
  const config = map(props['resource_config']);
  const host = await withWorkspace(ctx, false, (ws) => registryLogin(ctx, ws, config, ctx.inputs['flags']));
  ctx.instance.runtimeProperties['host'] = host;
}

/** install_binary / check_status_binary: Isthmus brings its own helm (nothing is downloaded); its version is recorded. */
async function binaryStatus(ctx: OperationContext): Promise<void> {
  const props = map(await ctx.evaluate(ctx.node.properties));
  await withWorkspace(ctx, false, async (ws) => {
    const run = await runHelm(ctx, ws, ['version', '--short']);
    if (run.code !== 0) throw new OperationError(`${ws.helm} version failed: ${why(run)}`, false);
    const version = run.stdout.trim();
    const source = text(props['installation_source']);
    if (source && ctx.operation.name.endsWith('.create')) ctx.logger.info(`Isthmus runs its own helm (${version}); ${source} is not downloaded`);
    ctx.instance.runtimeProperties['executable_path'] = ws.helm;
    ctx.instance.runtimeProperties['version'] = version;
  });
}

const forget = (...keys: string[]) =>
  async function forgetProperties(ctx: OperationContext): Promise<void> {
    for (const key of keys) delete ctx.instance.runtimeProperties[key];
  };

export const helmPlugin: PluginModule = {
  name: 'helm',
  operations: {
    'cloudify_helm.tasks.install_binary': binaryStatus,
    'cloudify_helm.tasks.check_status_binary': binaryStatus,
    'cloudify_helm.tasks.uninstall_binary': forget('executable_path', 'version'),
    // Cloudify's run_on_host hands the Binary's paths to its source; Isthmus finds helm itself.
    'cloudify_helm.tasks.inject_env_properties': async () => undefined,
    'cloudify_helm.tasks.install_release': installRelease,
    'cloudify_helm.tasks.check_release_status': checkReleaseStatus,
    'cloudify_helm.tasks.check_release_drift': checkReleaseDrift,
    'cloudify_helm.tasks.repo_check_drift': repoDrift,
    'cloudify_helm.tasks.uninstall_release': uninstallRelease,
    'cloudify_helm.tasks.upgrade_release': upgradeRelease,
    'cloudify_helm.tasks.add_repo': checkRepo,
    'cloudify_helm.tasks.repo_list': checkRepo,
    'cloudify_helm.tasks.update_repo': checkRepo,
    'cloudify_helm.tasks.remove_repo': forget('repo_name', 'repo_url'),
    'cloudify_helm.tasks.registry_login': registryLoginOperation,
    'cloudify_helm.tasks.registry_logout': forget('host'),
    // A login with a freshly minted token: what Cloudify's check of the ECR token's validity amounts to.
    'cloudify_helm.tasks.check_ecr_status': registryLoginOperation,
  },
};
