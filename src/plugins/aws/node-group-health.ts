import { TerminateInstancesCommand } from '@aws-sdk/client-ec2';
import { CoreV1Api, PatchStrategy, setHeaderOptions, type V1Pod } from '@kubernetes/client-node';
import type { YamlMap, YamlValue } from '../../dsl/index.js';
import { OperationError } from '../../runtime/errors.js';
import type { OperationContext } from '../../runtime/types.js';
import { kubernetesClient } from '../kubernetes/client.js';
import { apiStatus, toOperationError } from '../kubernetes/errors.js';
import { call, waitSeconds } from './common.js';
import { ec2Of } from './ec2.js';

/** The label EKS puts on the Nodes of a managed node group. */
export const NODEGROUP_LABEL = 'eks.amazonaws.com/nodegroup';

export interface GroupNode {
  name: string;
  ready: boolean;
  cordoned: boolean;
  /** From spec.providerID, aws:///<zone>/<instance id>. */
  instanceId: string | undefined;
}

export async function groupNodes(ctx: OperationContext, nodegroupName: string): Promise<GroupNode[]> {
  const { kubeConfig } = await kubernetesClient(ctx);
  const core = kubeConfig.makeApiClient(CoreV1Api);
  try {
    const list = await core.listNode({ labelSelector: `${NODEGROUP_LABEL}=${nodegroupName}` });
    return list.items
      .filter((n) => !n.metadata?.deletionTimestamp)
      .map((n) => ({
        name: n.metadata?.name ?? '',
        ready: n.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false,
        cordoned: n.spec?.unschedulable === true,
        instanceId: /\/(i-[0-9a-zA-Z]+)$/.exec(n.spec?.providerID ?? '')?.[1],
      }));
  } catch (err) {
    throw toOperationError(err, `listing the nodes of node group ${nodegroupName}`);
  }
}

export async function nodeGroupKubernetesHealth(ctx: OperationContext, nodegroupName: string, desired: number): Promise<{ ready: number; problems: string[] }> {
  const nodes = await groupNodes(ctx, nodegroupName);
  const notReady = nodes.filter((n) => !n.ready).map((n) => n.name);
  const ready = nodes.length - notReady.length;
  const problems: string[] = [];
  if (notReady.length > 0) problems.push(`NotReady nodes: ${notReady.join(', ')}`);
  if (ready < desired) problems.push(`${ready} of ${desired} nodes Ready`);
  return { ready, problems };
}

interface HealingNode {
  name: string;
  instance_id: string;
  phase: 'draining' | 'terminated';
  drain_started_at: string;
}

export interface HealOptions {
  drainTimeoutSeconds: number;
  forceDrain: boolean;
  desired: () => Promise<number>;
}

const isDaemonPod = (p: V1Pod) => p.metadata?.ownerReferences?.some((r) => r.kind === 'DaemonSet') ?? false;
const isMirrorPod = (p: V1Pod) => p.metadata?.annotations?.['kubernetes.io/config.mirror'] !== undefined;

/**
 * Drains one node as `kubectl drain` does: evictions (which honour PodDisruptionBudgets; a
 * budget answers 429), DaemonSet and mirror pods left alone. Returns the pods still there and
 * those a budget blocked.
 */
async function drain(core: CoreV1Api, node: string): Promise<{ remaining: string[]; blocked: string[] }> {
  const pods = (await core.listPodForAllNamespaces({ fieldSelector: `spec.nodeName=${node}` })).items.filter((p) => !isDaemonPod(p) && !isMirrorPod(p));
  const blocked: string[] = [];
  for (const p of pods) {
    if (p.metadata?.deletionTimestamp) continue;
    const name = p.metadata?.name ?? '';
    const namespace = p.metadata?.namespace ?? 'default';
    try {
      await core.createNamespacedPodEviction({ name, namespace, body: { apiVersion: 'policy/v1', kind: 'Eviction', metadata: { name, namespace } } });
    } catch (err) {
      const status = apiStatus(err);
      if (status === 429) blocked.push(`${namespace}/${name}`);
      else if (status !== 404) throw toOperationError(err, `evicting pod ${namespace}/${name}`);
    }
  }
  return { remaining: pods.map((p) => `${p.metadata?.namespace}/${p.metadata?.name}`), blocked };
}

/**
 * heal on a node group: every NotReady node is cordoned, drained (PodDisruptionBudgets honoured
 * up to drain_timeout) and its EC2 instance terminated, so the node group's Auto Scaling group
 * replaces it; then the operation waits until the group has its desired number of Ready nodes
 * again. Progress is kept in the `healing` runtime property, so a retry or a resumed execution
 * continues the same heal instead of starting another.
 */
export async function healNodeGroup(ctx: OperationContext, nodegroupName: string, options: HealOptions): Promise<YamlValue> {
  const rp = ctx.instance.runtimeProperties;
  const { kubeConfig } = await kubernetesClient(ctx);
  const core = kubeConfig.makeApiClient(CoreV1Api);
  let healing = (Array.isArray(rp['healing']) ? rp['healing'] : []) as unknown as HealingNode[];
  const nodes = await groupNodes(ctx, nodegroupName);
  if (healing.length === 0) {
    const broken = nodes.filter((n) => !n.ready);
    for (const n of broken) {
      if (!n.instanceId)
        throw new OperationError(`node ${n.name} has no EC2 instance id in spec.providerID; it cannot be replaced through its node group`, false);
    }
    healing = broken.map((n) => ({ name: n.name, instance_id: n.instanceId!, phase: 'draining', drain_started_at: new Date().toISOString() }));
    if (healing.length > 0) ctx.logger.info(`node group ${nodegroupName}: replacing ${healing.map((h) => `${h.name} (${h.instance_id})`).join(', ')}`);
    rp['healing'] = healing as unknown as YamlValue;
  }
  const ec2 = await ec2Of(ctx);
  for (const h of healing) {
    if (h.phase !== 'draining') continue;
    try {
      await core.patchNode({ name: h.name, body: { spec: { unschedulable: true } } }, setHeaderOptions('Content-Type', PatchStrategy.MergePatch));
    } catch (err) {
      if (apiStatus(err) !== 404) throw toOperationError(err, `cordoning node ${h.name}`);
    }
    const { remaining, blocked } = await drain(core, h.name);
    if (remaining.length > 0) {
      const waited = (Date.now() - Date.parse(h.drain_started_at)) / 1000;
      if (blocked.length > 0 && waited > options.drainTimeoutSeconds) {
        if (!options.forceDrain) {
          throw new OperationError(
            `draining ${h.name}: PodDisruptionBudgets still block the eviction of ${blocked.join(', ')} after ${options.drainTimeoutSeconds}s; free capacity or relax the budget and heal again, or set force_drain`,
            false,
          );
        }
        for (const id of blocked) {
          const [namespace, name] = id.split('/') as [string, string];
          await core.deleteNamespacedPod({ name, namespace }).catch((err: unknown) => {
            if (apiStatus(err) !== 404) throw toOperationError(err, `deleting pod ${id}`);
          });
        }
        ctx.logger.warning(`draining ${h.name}: deleted ${blocked.join(', ')} despite their disruption budgets (force_drain)`);
      }
      rp['healing'] = healing as unknown as YamlValue;
      ctx.retry(
        `draining ${h.name}: ${remaining.length} pod(s) left${blocked.length ? `, ${blocked.length} held by disruption budgets` : ''}`,
        waitSeconds(ctx, 5, 30),
      );
    }
    await call(`terminating instance ${h.instance_id}`, () => ec2.send(new TerminateInstancesCommand({ InstanceIds: [h.instance_id] })), [
      'InvalidInstanceID.NotFound',
    ]);
    h.phase = 'terminated';
    ctx.logger.info(`node ${h.name} drained; instance ${h.instance_id} terminated, the node group replaces it`);
  }
  rp['healing'] = healing as unknown as YamlValue;

  const desired = await options.desired();
  const now = await groupNodes(ctx, nodegroupName);
  const lingering = now.filter((n) => healing.some((h) => h.name === n.name && n.ready));
  const ready = now.filter((n) => n.ready && !healing.some((h) => h.name === n.name)).length;
  if (ready < desired || lingering.length > 0) ctx.retry(`node group ${nodegroupName}: ${ready} of ${desired} nodes Ready`, waitSeconds(ctx, 15, 60));
  const replaced = healing.map((h) => h.name);
  delete rp['healing'];
  rp['last_heal'] = { at: new Date().toISOString(), replaced } as YamlMap;
  if (replaced.length === 0 && nodes.every((n) => n.ready)) ctx.logger.info(`node group ${nodegroupName}: every node is Ready; nothing to replace`);
  return { replaced, ready_nodes: ready };
}
