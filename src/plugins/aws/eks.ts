import {
  CreateAddonCommand,
  CreateClusterCommand,
  DeleteAddonCommand,
  DescribeAddonCommand,
  CreateNodegroupCommand,
  DeleteClusterCommand,
  DeleteNodegroupCommand,
  DescribeClusterCommand,
  DescribeNodegroupCommand,
  DescribeUpdateCommand,
  EKSClient,
  UpdateNodegroupConfigCommand,
  type Cluster,
  type Nodegroup,
} from '@aws-sdk/client-eks';
import type { YamlMap, YamlValue } from '../../dsl/index.js';
import { OperationError } from '../../runtime/errors.js';
import type { OperationContext, OperationFunction } from '../../runtime/types.js';
import {
  apiParameters,
  awsSettings,
  call,
  clientFor,
  currentId,
  externalId,
  isExternal,
  isMap,
  must,
  OWNER_TAG,
  ownerOf,
  plain,
  properties,
  remember,
  tagsFor,
  waitSeconds,
  type AwsSettings,
} from './common.js';
import { groupNodes, healNodeGroup, nodeGroupKubernetesHealth } from './node-group-health.js';

const NOT_FOUND = ['ResourceNotFoundException'];
const CLUSTER_TYPE = 'cloudify.nodes.aws.eks.Cluster';

export async function eksOf(ctx: OperationContext): Promise<{ eks: EKSClient; settings: AwsSettings }> {
  const settings = await awsSettings(ctx);
  return { eks: clientFor(EKSClient, settings), settings };
}

const tagMap = (ctx: OperationContext, props: YamlMap): Record<string, string> => Object.fromEntries(tagsFor(ctx, props).map((t) => [t.Key, t.Value]));
const healthText = (issues: Array<{ code?: string; message?: string; resourceIds?: string[] }> | undefined) =>
  (issues ?? []).map((i) => `${i.code ?? 'Issue'}: ${i.message ?? ''}${i.resourceIds?.length ? ` (${i.resourceIds.join(', ')})` : ''}`).join('; ');

/**
 * The kubeconfig Cloudify stores as `kubeconf`: the cluster's endpoint and CA, and a user that
 * runs `aws eks get-token`. Isthmus's Kubernetes client recognises that user and signs the token
 * itself (see plugins/kubernetes/client.ts), so the same document works inside a Lambda.
 */
export function kubeconfigFor(cluster: Cluster, region: string): YamlMap {
  const arn = cluster.arn ?? cluster.name ?? 'eks';
  return {
    apiVersion: 'v1',
    kind: 'Config',
    preferences: {},
    clusters: [{ name: arn, cluster: { server: cluster.endpoint ?? '', 'certificate-authority-data': cluster.certificateAuthority?.data ?? '' } }],
    contexts: [{ name: arn, context: { cluster: arn, user: arn } }],
    'current-context': arn,
    users: [
      {
        name: arn,
        user: {
          exec: {
            apiVersion: 'client.authentication.k8s.io/v1beta1',
            command: 'aws',
            args: ['--region', region, 'eks', 'get-token', '--cluster-name', cluster.name ?? ''],
          },
        },
      },
    ],
  };
}

function storeCluster(ctx: OperationContext, cluster: Cluster, region: string, kubeconfig: boolean): void {
  const rp = ctx.instance.runtimeProperties;
  rp['aws_resource_arn'] = cluster.arn ?? null;
  rp['resource'] = plain(cluster);
  rp['endpoint'] = cluster.endpoint ?? null;
  rp['certificate_authority'] = cluster.certificateAuthority?.data ?? null;
  rp['region'] = region;
  if (kubeconfig && cluster.endpoint) {
    const kc = kubeconfigFor(cluster, region);
    rp['kubeconf'] = kc;
    rp['kubeconfig'] = kc;
  }
}

export async function describeCluster(eks: EKSClient, name: string): Promise<Cluster | undefined> {
  return (await call(`describing EKS cluster ${name}`, () => eks.send(new DescribeClusterCommand({ name })), NOT_FOUND))?.cluster;
}

/**
 * create: CreateCluster, then the operation asks to be retried until the cluster is ACTIVE
 * (~15 min) — never a sleep inside the step. The creator (the step's role) is given cluster
 * admin through an EKS access entry (authentication mode API), not the aws-auth ConfigMap.
 */
async function clusterCreate(ctx: OperationContext): Promise<void> {
  const props = await properties(ctx);
  const params = apiParameters(props, ctx.inputs);
  const { eks, settings } = await eksOf(ctx);
  const external = externalId(ctx, props);
  const name = external ?? (typeof params['name'] === 'string' ? params['name'] : undefined);
  if (!name) throw new OperationError(`node '${ctx.node.id}': resource_config.name is required`, false);
  const storeKube = props['store_kube_config_in_runtime'] !== false;
  let cluster = await describeCluster(eks, name);
  if (external) {
    if (!cluster) throw new OperationError(`EKS cluster ${name} (use_external_resource) does not exist`, false);
    remember(ctx, name, { use_external_resource: true });
  } else if (!cluster) {
    if (ctx.instance.runtimeProperties['aws_resource_id'])
      throw new OperationError(`EKS cluster ${name} was created by an earlier attempt and has disappeared`, false);
    const request = { ...params, name } as YamlMap;
    if (request['version'] === '' || request['version'] === null) delete request['version'];
    request['accessConfig'] = {
      authenticationMode: 'API_AND_CONFIG_MAP',
      bootstrapClusterCreatorAdminPermissions: true,
      ...(isMap(params['accessConfig']) ? params['accessConfig'] : {}),
    };
    request['tags'] = { ...(isMap(params['tags']) ? (params['tags'] as Record<string, string>) : {}), ...tagMap(ctx, props) };
    const created = await call(`creating EKS cluster ${name}`, () => eks.send(new CreateClusterCommand(request as never)), ['ResourceInUseException']);
    if (!created) throw new OperationError(`EKS cluster ${name} is being created by someone else`, true);
    remember(ctx, name, { use_external_resource: false, resource_config: params });
    ctx.logger.info(`EKS cluster ${name} creation started`);
    ctx.retry(`EKS cluster ${name} is CREATING`, waitSeconds(ctx, 60, 180));
  } else if (cluster.tags?.[OWNER_TAG] !== ownerOf(ctx) && ctx.instance.runtimeProperties['aws_resource_id'] !== name) {
    throw new OperationError(`EKS cluster ${name} already exists and was not created by this instance; set use_external_resource: true to use it`, false);
  } else {
    remember(ctx, name, { use_external_resource: false });
  }
  cluster = cluster ?? (await describeCluster(eks, name));
  switch (cluster?.status) {
    case 'ACTIVE':
    case 'UPDATING':
      storeCluster(ctx, cluster, settings.region, storeKube);
      ctx.logger.info(`EKS cluster ${name} is ${cluster.status} at ${cluster.endpoint}`);
      return;
    case 'CREATING':
    case 'PENDING':
      ctx.retry(`EKS cluster ${name} is ${cluster.status}`, waitSeconds(ctx, 60, 180));
      break;
    default:
      throw new OperationError(
        `EKS cluster ${name} is ${cluster?.status ?? 'gone'}${cluster?.health?.issues?.length ? `: ${healthText(cluster.health.issues)}` : ''}`,
        false,
      );
  }
}

/** poststart and the connected_to_eks_cluster relationship: refresh endpoint, CA and kubeconfig. */
async function clusterRefresh(ctx: OperationContext): Promise<void> {
  const name = currentId(ctx);
  if (!name) return;
  const { eks, settings } = await eksOf(ctx);
  const cluster = await describeCluster(eks, name);
  if (!cluster) throw new OperationError(`EKS cluster ${name} does not exist`, false);
  storeCluster(ctx, cluster, settings.region, (await properties(ctx))['store_kube_config_in_runtime'] !== false);
}

async function clusterDelete(ctx: OperationContext): Promise<void> {
  const name = currentId(ctx);
  if (!name) return;
  if (isExternal(ctx)) {
    ctx.logger.info(`EKS cluster ${name} was adopted (use_external_resource); left in place`);
    return;
  }
  const { eks } = await eksOf(ctx);
  const cluster = await describeCluster(eks, name);
  if (!cluster) {
    for (const k of ['aws_resource_id', 'kubeconf', 'kubeconfig', 'endpoint']) delete ctx.instance.runtimeProperties[k];
    ctx.logger.info(`EKS cluster ${name} deleted`);
    return;
  }
  if (cluster.status !== 'DELETING') {
    const r = await call(`deleting EKS cluster ${name}`, () => eks.send(new DeleteClusterCommand({ name })), ['ResourceInUseException', ...NOT_FOUND]);
    if (!r) ctx.retry(`EKS cluster ${name} still has node groups or is busy`, waitSeconds(ctx, 30, 120));
  }
  ctx.retry(`EKS cluster ${name} is DELETING`, waitSeconds(ctx, 30, 180));
}

// ---- node groups ----

interface GroupRef {
  clusterName: string;
  nodegroupName: string;
}

/** The cluster a node group or add-on belongs to: clusterName, else the related EKS cluster node. */
async function clusterNameOf(ctx: OperationContext, params: YamlMap): Promise<string | undefined> {
  if (typeof params['clusterName'] === 'string') return params['clusterName'];
  for (const rel of ctx.relationships) {
    if (!rel.target.node.typeHierarchy.includes(CLUSTER_TYPE)) continue;
    const id = (await ctx.readInstance(rel.target.instanceId))?.runtimeProperties['aws_resource_id'];
    if (typeof id === 'string') return id;
  }
  return undefined;
}

export async function groupRef(ctx: OperationContext, params?: YamlMap): Promise<GroupRef> {
  const rp = ctx.instance.runtimeProperties;
  if (typeof rp['cluster_name'] === 'string' && typeof rp['aws_resource_id'] === 'string')
    return { clusterName: rp['cluster_name'], nodegroupName: rp['aws_resource_id'] };
  const p = params ?? apiParameters(await properties(ctx), ctx.inputs);
  const clusterName = await clusterNameOf(ctx, p);
  const nodegroupName =
    typeof p['nodegroupName'] === 'string' ? p['nodegroupName'] : typeof rp['aws_resource_id'] === 'string' ? rp['aws_resource_id'] : undefined;
  if (!clusterName || !nodegroupName)
    throw new OperationError(`node '${ctx.node.id}': resource_config needs clusterName (or a relationship to an EKS cluster) and nodegroupName`, false);
  return { clusterName, nodegroupName };
}

export async function describeGroup(eks: EKSClient, ref: GroupRef): Promise<Nodegroup | undefined> {
  return (await call(`describing node group ${ref.nodegroupName}`, () => eks.send(new DescribeNodegroupCommand(ref)), NOT_FOUND))?.nodegroup;
}

function storeGroup(ctx: OperationContext, group: Nodegroup): void {
  const rp = ctx.instance.runtimeProperties;
  rp['aws_resource_arn'] = group.nodegroupArn ?? null;
  rp['resource'] = plain(group);
  rp['scaling_config'] = plain(group.scalingConfig);
}

/** Waits for a node group to leave CREATING/UPDATING; fails with EKS's health issues. */
function awaitActive(ctx: OperationContext, group: Nodegroup | undefined, ref: GroupRef): void {
  switch (group?.status) {
    case 'ACTIVE':
      storeGroup(ctx, group);
      return;
    case 'CREATING':
    case 'UPDATING':
      ctx.retry(`node group ${ref.nodegroupName} is ${group.status}`, waitSeconds(ctx, 30, 180));
      break;
    case 'DEGRADED':
      throw new OperationError(`node group ${ref.nodegroupName} is DEGRADED: ${healthText(group.health?.issues)}`, true);
    default:
      throw new OperationError(
        `node group ${ref.nodegroupName} is ${group?.status ?? 'gone'}${group?.health?.issues?.length ? `: ${healthText(group.health.issues)}` : ''}`,
        false,
      );
  }
}

async function nodeGroupCreate(ctx: OperationContext): Promise<void> {
  const props = await properties(ctx);
  const params = apiParameters(props, ctx.inputs);
  const { eks } = await eksOf(ctx);
  const external = props['use_external_resource'] === true && ctx.inputs['force_operation'] !== true;
  const ref = await groupRef(
    ctx,
    external && typeof props['resource_id'] === 'string' && props['resource_id'] ? { ...params, nodegroupName: props['resource_id'] } : params,
  );
  let group = await describeGroup(eks, ref);
  const rp = ctx.instance.runtimeProperties;
  if (external) {
    if (!group) throw new OperationError(`node group ${ref.nodegroupName} (use_external_resource) does not exist`, false);
    remember(ctx, ref.nodegroupName, { use_external_resource: true, cluster_name: ref.clusterName });
  } else if (!group) {
    if (rp['aws_resource_id']) throw new OperationError(`node group ${ref.nodegroupName} was created by an earlier attempt and has disappeared`, false);
    const request = { ...params, ...ref, tags: { ...(isMap(params['tags']) ? (params['tags'] as Record<string, string>) : {}), ...tagMap(ctx, props) } };
    await must(`creating node group ${ref.nodegroupName}`, () => eks.send(new CreateNodegroupCommand(request as never)));
    remember(ctx, ref.nodegroupName, { use_external_resource: false, cluster_name: ref.clusterName, resource_config: params });
    ctx.logger.info(`node group ${ref.nodegroupName} creation started`);
    group = await describeGroup(eks, ref);
  } else if (group.tags?.[OWNER_TAG] !== ownerOf(ctx) && rp['aws_resource_id'] !== ref.nodegroupName) {
    throw new OperationError(
      `node group ${ref.nodegroupName} already exists in ${ref.clusterName} and was not created by this instance; set use_external_resource: true to use it`,
      false,
    );
  } else {
    remember(ctx, ref.nodegroupName, { use_external_resource: false, cluster_name: ref.clusterName });
  }
  awaitActive(ctx, group, ref);
}

async function nodeGroupStart(ctx: OperationContext): Promise<void> {
  const ref = await groupRef(ctx);
  const { eks } = await eksOf(ctx);
  awaitActive(ctx, await describeGroup(eks, ref), ref);
}

async function nodeGroupDelete(ctx: OperationContext): Promise<void> {
  if (!currentId(ctx)) return;
  const ref = await groupRef(ctx);
  if (isExternal(ctx)) {
    ctx.logger.info(`node group ${ref.nodegroupName} was adopted (use_external_resource); left in place`);
    return;
  }
  const { eks } = await eksOf(ctx);
  const group = await describeGroup(eks, ref);
  if (!group) {
    delete ctx.instance.runtimeProperties['aws_resource_id'];
    ctx.logger.info(`node group ${ref.nodegroupName} deleted`);
    return;
  }
  if (group.status !== 'DELETING') {
    const r = await call(`deleting node group ${ref.nodegroupName}`, () => eks.send(new DeleteNodegroupCommand(ref)), ['ResourceInUseException', ...NOT_FOUND]);
    if (!r) ctx.retry(`node group ${ref.nodegroupName} is busy`, waitSeconds(ctx, 30, 120));
  }
  ctx.retry(`node group ${ref.nodegroupName} is DELETING`, waitSeconds(ctx, 30, 180));
}

/**
 * resize (the scale workflow on a node group node): desired size + delta, within the group's
 * min/max, through UpdateNodegroupConfig; then wait until EKS finishes the update and that many
 * Kubernetes Nodes of the group are Ready. The target size is kept, so a retry or a resumed
 * step waits for the same goal instead of adding delta twice.
 */
async function nodeGroupResize(ctx: OperationContext): Promise<YamlValue> {
  const ref = await groupRef(ctx);
  const { eks } = await eksOf(ctx);
  const rp = ctx.instance.runtimeProperties;
  const pending = isMap(rp['pending_resize']) ? rp['pending_resize'] : undefined;
  let target: number;
  if (pending && typeof pending['desired'] === 'number') {
    target = pending['desired'];
  } else {
    const delta = Number(ctx.inputs['delta'] ?? 1);
    if (!Number.isInteger(delta)) throw new OperationError(`delta must be a whole number, not ${String(ctx.inputs['delta'])}`, false);
    const group = await describeGroup(eks, ref);
    if (!group) throw new OperationError(`node group ${ref.nodegroupName} does not exist`, false);
    const scaling = group.scalingConfig ?? {};
    const current = scaling.desiredSize ?? 0;
    target = current + delta;
    const min = scaling.minSize ?? 0;
    const max = scaling.maxSize ?? target;
    if (target < min || target > max)
      throw new OperationError(
        `node group ${ref.nodegroupName}: ${current} ${delta >= 0 ? '+' : '-'} ${Math.abs(delta)} = ${target} nodes is outside its bounds [${min}, ${max}]; change minSize/maxSize (an update) first`,
        false,
      );
    if (group.status !== 'ACTIVE') ctx.retry(`node group ${ref.nodegroupName} is ${group.status}; resizing when it is ACTIVE`, waitSeconds(ctx, 15, 60));
    const update = await must(`resizing node group ${ref.nodegroupName} to ${target}`, () =>
      eks.send(new UpdateNodegroupConfigCommand({ ...ref, scalingConfig: { desiredSize: target } })),
    );
    rp['pending_resize'] = { desired: target, from: current, update_id: update.update?.id ?? null };
    ctx.logger.info(`node group ${ref.nodegroupName}: desired size ${current} → ${target}`);
  }
  const updateId = isMap(rp['pending_resize']) ? rp['pending_resize']['update_id'] : null;
  if (typeof updateId === 'string') {
    const u = (
      await must('reading the node group update', () =>
        eks.send(new DescribeUpdateCommand({ name: ref.clusterName, nodegroupName: ref.nodegroupName, updateId })),
      )
    ).update;
    if (u?.status === 'Failed' || u?.status === 'Cancelled') {
      delete rp['pending_resize'];
      throw new OperationError(
        `resizing node group ${ref.nodegroupName} ${u.status}: ${(u.errors ?? []).map((e) => `${e.errorCode}: ${e.errorMessage}`).join('; ')}`,
        false,
      );
    }
    if (u?.status !== 'Successful') ctx.retry(`node group ${ref.nodegroupName} update ${u?.status ?? 'pending'}`, waitSeconds(ctx, 15, 60));
  }
  const nodes = await groupNodes(ctx, ref.nodegroupName);
  const ready = nodes.filter((n) => n.ready && !n.cordoned).length;
  if (nodes.length !== target || ready !== target)
    ctx.retry(`node group ${ref.nodegroupName}: ${ready} of ${target} nodes Ready (${nodes.length} registered)`, waitSeconds(ctx, 10, 60));
  delete rp['pending_resize'];
  const group = await describeGroup(eks, ref);
  if (group) storeGroup(ctx, group);
  ctx.logger.info(`node group ${ref.nodegroupName} has ${target} Ready nodes`);
  return { desired_size: target, nodes: nodes.map((n) => n.name) };
}

/** check_status: EKS's view (status, health issues) and Kubernetes's (every node of the group Ready). */
async function nodeGroupCheck(ctx: OperationContext): Promise<YamlValue> {
  const ref = await groupRef(ctx);
  const { eks } = await eksOf(ctx);
  const group = await describeGroup(eks, ref);
  if (!group) throw new OperationError(`node group ${ref.nodegroupName} does not exist`, false);
  const problems: string[] = [];
  if (group.status !== 'ACTIVE' && group.status !== 'UPDATING') problems.push(`status ${group.status}`);
  if (group.health?.issues?.length) problems.push(healthText(group.health.issues));
  const k8s = await nodeGroupKubernetesHealth(ctx, ref.nodegroupName, group.scalingConfig?.desiredSize ?? 0);
  problems.push(...k8s.problems);
  storeGroup(ctx, group);
  if (problems.length > 0) throw new OperationError(`node group ${ref.nodegroupName} is unhealthy: ${problems.join('; ')}`, true);
  return { healthy: true, status: group.status ?? null, ready_nodes: k8s.ready };
}

async function clusterCheck(ctx: OperationContext): Promise<YamlValue> {
  const name = currentId(ctx);
  if (!name) throw new OperationError('the cluster is not created', false);
  const { eks } = await eksOf(ctx);
  const cluster = await describeCluster(eks, name);
  if (!cluster) throw new OperationError(`EKS cluster ${name} does not exist`, false);
  if (cluster.status !== 'ACTIVE' && cluster.status !== 'UPDATING') throw new OperationError(`EKS cluster ${name} is ${cluster.status}`, true);
  if (cluster.health?.issues?.length) throw new OperationError(`EKS cluster ${name}: ${healthText(cluster.health.issues)}`, true);
  return { healthy: true, status: cluster.status };
}

async function nodeGroupHeal(ctx: OperationContext): Promise<YamlValue> {
  const ref = await groupRef(ctx);
  const props = await properties(ctx);
  return healNodeGroup(ctx, ref.nodegroupName, {
    drainTimeoutSeconds: typeof props['drain_timeout'] === 'number' ? props['drain_timeout'] : 600,
    forceDrain: props['force_drain'] === true,
    desired: async () => (await describeGroup((await eksOf(ctx)).eks, ref))?.scalingConfig?.desiredSize ?? 0,
  });
}

// ---- add-ons (Isthmus addition: the EBS CSI driver and friends, without Helm) ----

async function addonRef(ctx: OperationContext): Promise<{ clusterName: string; addonName: string; params: YamlMap; props: YamlMap }> {
  const props = await properties(ctx);
  const params = apiParameters(props, ctx.inputs);
  const rp = ctx.instance.runtimeProperties;
  const clusterName = typeof rp['cluster_name'] === 'string' ? rp['cluster_name'] : await clusterNameOf(ctx, params);
  if (!clusterName) throw new OperationError(`node '${ctx.node.id}': resource_config needs clusterName or a relationship to an EKS cluster`, false);
  const addonName = typeof params['addonName'] === 'string' ? params['addonName'] : undefined;
  if (!addonName) throw new OperationError(`node '${ctx.node.id}': resource_config.addonName is required`, false);
  return { clusterName, addonName, params, props };
}

/** create: CreateAddon (with Pod Identity associations when given), then wait until ACTIVE. */
async function addonCreate(ctx: OperationContext): Promise<void> {
  const { clusterName, addonName, params, props } = await addonRef(ctx);
  const { eks } = await eksOf(ctx);
  const describe = async () =>
    (await call(`describing add-on ${addonName}`, () => eks.send(new DescribeAddonCommand({ clusterName, addonName })), NOT_FOUND))?.addon;
  let addon = await describe();
  if (!addon) {
    const request = { ...params, clusterName, addonName, tags: tagMap(ctx, props) };
    await must(`creating add-on ${addonName}`, () => eks.send(new CreateAddonCommand(request as never)));
    addon = await describe();
  }
  remember(ctx, addonName, { use_external_resource: false, cluster_name: clusterName });
  if (addon?.status === 'ACTIVE') {
    ctx.instance.runtimeProperties['resource'] = plain(addon);
    return;
  }
  if (addon?.status === 'CREATE_FAILED' || addon?.status === 'DEGRADED')
    throw new OperationError(`add-on ${addonName} is ${addon.status}: ${healthText(addon.health?.issues)}`, false);
  ctx.retry(`add-on ${addonName} is ${addon?.status ?? 'not visible yet'}`, waitSeconds(ctx, 15, 60));
}

async function addonDelete(ctx: OperationContext): Promise<void> {
  if (!currentId(ctx)) return;
  const { clusterName, addonName } = await addonRef(ctx);
  const { eks } = await eksOf(ctx);
  const addon = (await call(`describing add-on ${addonName}`, () => eks.send(new DescribeAddonCommand({ clusterName, addonName })), NOT_FOUND))?.addon;
  if (!addon) {
    delete ctx.instance.runtimeProperties['aws_resource_id'];
    return;
  }
  if (addon.status !== 'DELETING') await call(`deleting add-on ${addonName}`, () => eks.send(new DeleteAddonCommand({ clusterName, addonName })), NOT_FOUND);
  ctx.retry(`add-on ${addonName} is DELETING`, waitSeconds(ctx, 15, 60));
}

export const EKS_OPERATIONS: Record<string, OperationFunction> = {
  'cluster.create': clusterCreate,
  'cluster.poststart': clusterRefresh,
  'cluster.refresh_kubeconfig': clusterRefresh,
  'cluster.delete': clusterDelete,
  'node_group.create': nodeGroupCreate,
  'node_group.start': nodeGroupStart,
  'node_group.poststart': nodeGroupStart,
  'node_group.delete': nodeGroupDelete,
  'node_group.resize': nodeGroupResize,
  'node_group.heal': nodeGroupHeal,
  'addon.create': addonCreate,
  'addon.delete': addonDelete,
};

export const EKS_CHECKS = { cluster: clusterCheck, nodeGroup: nodeGroupCheck };
