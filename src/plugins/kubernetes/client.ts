import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { KubeConfig, KubernetesObjectApi } from '@kubernetes/client-node';
import { stringify as toYaml } from 'yaml';
import { isYamlMap, type YamlMap, type YamlValue } from '../../dsl/index.js';
import { OperationError } from '../../runtime/errors.js';
import type { OperationContext } from '../../runtime/types.js';
import { azureAksToken, gcpAccessToken } from './cloud-tokens.js';
import { cachedEksToken } from './eks-token.js';

/** Points every Kubernetes node at one cluster (the sandbox, or a test cluster), whatever its blueprint says. */

const MASTER_TYPE = 'cloudify.nodes.kubernetes.Master';
const SHARED_CLUSTER_TYPE = 'cloudify.nodes.kubernetes.resources.SharedCluster';

const isMap = isYamlMap;
const nonEmpty = (v: YamlValue | undefined): v is YamlMap =>
  isMap(v) && Object.values(v).some((x) => x !== null && x !== undefined && x !== '' && !(isMap(x) && Object.keys(x).length === 0));

/** The generic object client, plus the discovery answer it already caches (is a kind namespaced?). */
export class ObjectClient extends KubernetesObjectApi {
  static forConfig(kc: KubeConfig): ObjectClient {
    const client = kc.makeApiClient(ObjectClient);
    client.setDefaultNamespace(kc);
    return client;
  }

  /** The kubeconfig context's namespace, else `default`. */
  get namespace(): string {
    return this.defaultNamespace;
  }

  /** Whether the cluster serves apiVersion/kind, and with which scope (undefined: not served). */
  async scopeOf(apiVersion: string, kind: string): Promise<'namespaced' | 'cluster' | undefined> {
    const r = await this.resource(apiVersion, kind);
    return r ? (r.namespaced ? 'namespaced' : 'cluster') : undefined;
  }
}

/** Where a client configuration came from (for logs; never the secret parts). */
export interface ResolvedClient {
  kubeConfig: KubeConfig;
  objects: ObjectClient;
  source: string;
}

const cache = new Map<string, ResolvedClient>();

async function fromConfiguration(ctx: OperationContext, configuration: YamlMap, source: string): Promise<KubeConfig> {
  const kc = new KubeConfig();
  const fileName = configuration['blueprint_file_name'];
  const managerPath = configuration['manager_file_path'];
  const content = configuration['file_content'];
  const api = configuration['api_options'];
  if (typeof fileName === 'string' && fileName) {
    const full = path.resolve(ctx.blueprintDir, fileName);
    if (path.relative(ctx.blueprintDir, full).startsWith('..'))
      throw new OperationError(`${source}: blueprint_file_name '${fileName}' is outside the blueprint directory`, false);
    kc.loadFromString(await readFile(full, 'utf8'));
  } else if (typeof managerPath === 'string' && managerPath) {
    kc.loadFromString(await readFile(managerPath, 'utf8'));
  } else if (content !== undefined && content !== null && content !== '') {
    kc.loadFromString(typeof content === 'string' ? content : toYaml(content));
  } else if (nonEmpty(api)) {
    const host = String(api['host'] ?? '');
    if (!host) throw new OperationError(`${source}: api_options needs a host`, false);
    const verify = api['verify_ssl'];
    const skipTLSVerify = verify === false || (typeof verify === 'string' && /^(false|no|0)$/i.test(verify));
    const pem = async (v: YamlValue | undefined) => {
      if (typeof v !== 'string' || !v) return undefined;
      const text = v.includes('-----BEGIN') ? v : await readFile(path.resolve(ctx.blueprintDir, v), 'utf8');
      return Buffer.from(text).toString('base64');
    };
    const caData = await pem(api['ssl_ca_cert']);
    const certData = await pem(api['cert_file']);
    const keyData = await pem(api['key_file']);
    const token = typeof api['api_key'] === 'string' ? api['api_key'].replace(/^Bearer\s+/i, '') : undefined;
    kc.loadFromOptions({
      clusters: [{ name: 'cluster', server: host, skipTLSVerify, ...(caData ? { caData } : {}) }],
      users: [{ name: 'user', ...(token ? { token } : {}), ...(certData ? { certData } : {}), ...(keyData ? { keyData } : {}) }],
      contexts: [{ name: 'context', cluster: 'cluster', user: 'user' }],
      currentContext: 'context',
    });
  } else {
    throw new OperationError(`${source}: configuration names no cluster; give blueprint_file_name, manager_file_path, file_content or api_options`, false);
  }
  return kc;
}

/**
 * Applies `authentication`: `aws_eks` replaces the user's credentials with an EKS token,
 * `gcp_service_account` with a Google OAuth token, `azure_service_account` with an AKS Azure AD token
 * (each cached, minted again before it expires).
 */
async function authenticate(kc: KubeConfig, authentication: YamlValue | undefined, source: string, defaultRegion: string | undefined): Promise<KubeConfig> {
  if (!nonEmpty(authentication)) return kc;
  const eks = authentication['aws_eks'];
  if (isMap(eks) && Object.keys(eks).length > 0) {
    const clusterName = eks['cluster_name'];
    const region = eks['region'] ?? defaultRegion;
    if (typeof clusterName !== 'string' || !clusterName) throw new OperationError(`${source}: authentication.aws_eks needs cluster_name`, false);
    if (typeof region !== 'string' || !region) throw new OperationError(`${source}: authentication.aws_eks needs region (or AWS_REGION)`, false);
    return withEksToken(kc, clusterName, region, source);
  }
  const gcp = authentication['gcp_service_account'];
  if (gcp !== undefined && gcp !== null && gcp !== '') return withToken(kc, await gcpAccessToken(gcp, source), 'gke');
  const azure = authentication['azure_service_account'];
  if (isMap(azure) && Object.keys(azure).length > 0) return withToken(kc, await azureAksToken(azure, source), 'aks');
  const kinds = Object.entries(authentication)
    .filter(([, v]) => v !== null && v !== '' && v !== undefined && !(isMap(v) && Object.keys(v).length === 0))
    .map(([k]) => k);
  if (kinds.length === 0) return kc;
  throw new OperationError(
    `${source}: authentication '${kinds.join(', ')}' is not supported by Isthmus; use aws_eks, gcp_service_account or azure_service_account, or put a token or a kubeconfig in configuration`,
    false,
  );
}

/** The kubeconfig with its current user's credentials replaced by a bearer token. */
function withToken(kc: KubeConfig, token: string, fallbackUser: string): KubeConfig {
  const out = new KubeConfig();
  const user = kc.getCurrentUser();
  const name = user?.name ?? fallbackUser;
  out.loadFromOptions({
    clusters: kc.getClusters(),
    users: [{ name, token }],
    contexts: kc.getContexts().map((c) => (c.name === kc.getCurrentContext() ? { ...c, user: name } : c)),
    currentContext: kc.getCurrentContext(),
  });
  return out;
}

/** Replaces the current user's credentials with an EKS token for the cluster. */
async function withEksToken(kc: KubeConfig, clusterName: string, region: string, source: string): Promise<KubeConfig> {
  let token: string;
  try {
    token = await cachedEksToken(clusterName, region);
  } catch (err) {
    throw new OperationError(
      `${source}: could not sign an EKS token for ${clusterName} (${(err as Error).message}); does the step have AWS credentials?`,
      true,
    );
  }
  const out = new KubeConfig();
  const user = kc.getCurrentUser();
  out.loadFromOptions({
    clusters: kc.getClusters(),
    users: [{ name: user?.name ?? 'eks', token }],
    contexts: kc.getContexts().map((c) => (c.name === kc.getCurrentContext() ? { ...c, user: user?.name ?? 'eks' } : c)),
    currentContext: kc.getCurrentContext(),
  });
  return out;
}

/**
 * A kubeconfig whose user runs `aws eks get-token` (what `aws eks update-kubeconfig` and
 * Cloudify's EKS cluster node write) or `aws-iam-authenticator token`: there is no aws CLI in a
 * Lambda, so Isthmus signs the same token itself.
 */
async function replaceEksExec(kc: KubeConfig, source: string, defaultRegion: string | undefined): Promise<KubeConfig> {
  const exec = kc.getCurrentUser()?.exec as { command?: string; args?: string[]; env?: Array<{ name: string; value: string }> } | undefined;
  if (!exec?.command) return kc;
  const args = exec.args ?? [];
  const flag = (...names: string[]) => {
    const i = args.findIndex((a) => names.includes(a));
    return i >= 0 ? args[i + 1] : undefined;
  };
  const command = path.basename(exec.command);
  const isAwsCli = command === 'aws' && args.includes('eks') && args.includes('get-token');
  const isAuthenticator = command === 'aws-iam-authenticator' && args.includes('token');
  if (!isAwsCli && !isAuthenticator) return kc;
  const clusterName = isAwsCli ? flag('--cluster-name', '--cluster-id') : flag('-i', '--cluster-id');
  const envRegion = exec.env?.find((e) => e.name === 'AWS_REGION' || e.name === 'AWS_DEFAULT_REGION')?.value;
  const region = flag('--region') ?? envRegion ?? defaultRegion;
  if (!clusterName || !region) throw new OperationError(`${source}: the kubeconfig runs ${command} without a cluster name or region`, false);
  return withEksToken(kc, clusterName, region, source);
}

/**
 * Finds how to reach the cluster for an operation, as Cloudify's plugin does: the node's own
 * client_config, else a related Master/SharedCluster node (its properties, or a `kubeconfig`
 * runtime property such as an EKS cluster node exposes). The kubeconfig override (`--sandbox`,
 * ISTHMUS_KUBECONFIG_OVERRIDE) wins over both.
 */
export async function kubernetesClient(ctx: OperationContext): Promise<ResolvedClient> {
  const override = ctx.settings.kubeconfigOverride;
  let kc: KubeConfig;
  let source: string;
  if (override) {
    kc = new KubeConfig();
    kc.loadFromString(await readFile(override, 'utf8'));
    source = `the kubeconfig override (${override})`;
  } else {
    const own = (await ctx.evaluate(ctx.node.properties['client_config'] ?? null)) as YamlValue;
    const sharedSelf = ctx.node.typeHierarchy.includes(SHARED_CLUSTER_TYPE)
      ? await sharedClusterConfig(ctx, (await ctx.evaluate(ctx.node.properties)) as YamlMap, `node '${ctx.node.id}'`)
      : undefined;
    if (isMap(own) && nonEmpty(own['configuration'] ?? null)) {
      source = `client_config of node '${ctx.node.id}'`;
      kc = await authenticate(await fromConfiguration(ctx, own['configuration'] as YamlMap, source), own['authentication'], source, ctx.settings.defaultRegion);
    } else if (sharedSelf) {
      kc = sharedSelf;
      source = `the cluster deployment of node '${ctx.node.id}'`;
    } else {
      kc = await fromRelationships(ctx);
      source = `the cluster node related to '${ctx.node.id}'`;
    }
    kc = await replaceEksExec(kc, source, ctx.settings.defaultRegion);
  }
  const key = kc.exportConfig();
  let client = cache.get(key);
  if (!client) {
    if (cache.size >= 16) cache.delete(cache.keys().next().value!);
    client = { kubeConfig: kc, objects: ObjectClient.forConfig(kc), source };
    cache.set(key, client);
  }
  return client;
}

/**
 * A SharedCluster's cluster: its own client_config, else the deployment its resource_config names
 * (`deployment.id`), whose `connection_details` capability is a client_config (configuration and
 * authentication) or a configuration (file_content, api_options …), as Cloudify's cluster
 * blueprints expose it.
 */
async function sharedClusterConfig(ctx: OperationContext, props: YamlMap, source: string): Promise<KubeConfig | undefined> {
  const cc = props['client_config'];
  if (isMap(cc) && nonEmpty(cc['configuration'] ?? null))
    return authenticate(await fromConfiguration(ctx, cc['configuration'] as YamlMap, source), cc['authentication'], source, ctx.settings.defaultRegion);
  const deploymentId =
    isMap(props['resource_config']) && isMap(props['resource_config']['deployment']) ? props['resource_config']['deployment']['id'] : undefined;
  if (typeof deploymentId !== 'string' || !deploymentId) return undefined;
  // As get_capability evaluates it: secret parts usable here, masked in logs.
  const details = await ctx.evaluate({ get_capability: [deploymentId, 'connection_details'] });
  if (!isMap(details)) throw new OperationError(`${source}: deployment '${deploymentId}' has no connection_details capability to reach its cluster`, false);
  const from = `the connection_details of deployment '${deploymentId}'`;
  return isMap(details['configuration'])
    ? authenticate(await fromConfiguration(ctx, details['configuration'], from), details['authentication'], from, ctx.settings.defaultRegion)
    : fromConfiguration(ctx, details, from);
}

async function fromRelationships(ctx: OperationContext): Promise<KubeConfig> {
  for (const rel of ctx.relationships) {
    const target = rel.target.node;
    const isMaster = target.typeHierarchy.includes(MASTER_TYPE);
    const isShared = target.typeHierarchy.includes(SHARED_CLUSTER_TYPE);
    const instance = await ctx.readInstance(rel.target.instanceId);
    const kubeconfig = instance?.runtimeProperties['kubeconfig'];
    const source = `node '${target.id}'`;
    if (kubeconfig !== undefined && kubeconfig !== null && kubeconfig !== '') {
      const kc = new KubeConfig();
      kc.loadFromString(typeof kubeconfig === 'string' ? kubeconfig : toYaml(kubeconfig));
      return kc;
    }
    if (isMaster) {
      const props = (await ctx.evaluate(target.properties)) as YamlMap;
      if (isMap(props['configuration']))
        return authenticate(await fromConfiguration(ctx, props['configuration'], source), props['authentication'], source, ctx.settings.defaultRegion);
    }
    if (isShared) {
      const shared = await sharedClusterConfig(ctx, (await ctx.evaluate(target.properties)) as YamlMap, source);
      if (shared) return shared;
    }
  }
  throw new OperationError(
    `node '${ctx.node.id}' has no Kubernetes client configuration: give it client_config, relate it to a cloudify.nodes.kubernetes.Master (managed_by_master) or a cluster node, or run with --sandbox`,
    false,
  );
}
