import { PatchStrategy } from '@kubernetes/client-node';
import { isYamlMap, type YamlMap, type YamlValue } from '../../dsl/index.js';
import { OperationError } from '../../runtime/errors.js';
import type { OperationContext } from '../../runtime/types.js';
import { toOperationError } from './errors.js';
import { healthOf, type K8sObject } from './health.js';
import { appliedRefs, apply, kubernetesClient, podsOf, pollSeconds, readLive, remember, styleOfNode, type AppliedRef } from './operations.js';

/** The field manager of migrations: its nodeSelector survives later applies of the definition. */
export const MIGRATE_FIELD_MANAGER = 'isthmus-migrate';

const WORKLOADS = ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController'];
const isMap = isYamlMap;

/** Where to move: a node pool (by its label), a node (by hostname), or any node selector. */
export function targetSelector(inputs: YamlMap): Record<string, string> {
  const selector: Record<string, string> = {};
  if (isMap(inputs['node_selector'])) for (const [k, v] of Object.entries(inputs['node_selector'])) selector[k] = String(v);
  if (typeof inputs['node_pool'] === 'string' && inputs['node_pool'])
    selector[typeof inputs['pool_label'] === 'string' && inputs['pool_label'] ? inputs['pool_label'] : 'isthmus.dev/node-pool'] = inputs['node_pool'];
  if (typeof inputs['node_name'] === 'string' && inputs['node_name']) selector['kubernetes.io/hostname'] = inputs['node_name'];
  if (Object.keys(selector).length === 0) throw new OperationError('migrate needs node_pool, node_name or node_selector', false);
  return selector;
}

const onTarget = (pod: K8sObject, nodes: K8sObject[], selector: Record<string, string>) => {
  const node = nodes.find((n) => n.metadata.name === pod.spec?.['nodeName']);
  return node !== undefined && Object.entries(selector).every(([k, v]) => node.metadata.labels?.[k] === v);
};

/**
 * migrate (day two, through execute_operation): moves a node's pods to other nodes. Workloads get
 * a nodeSelector patch under their own field manager, and their controller rolls the pods over;
 * a bare Pod, whose placement cannot change, is deleted and created again on a matching node. The
 * operation retries until every pod runs, ready, on a matching node.
 */
export async function migrate(ctx: OperationContext): Promise<YamlValue> {
  if (styleOfNode(ctx) !== 'definition') throw new OperationError('migrate applies to nodes defined by a single definition', false);
  const selector = targetSelector(ctx.inputs);
  const { objects } = await kubernetesClient(ctx);
  const ref: AppliedRef | undefined = appliedRefs(ctx)[0];
  if (!ref) throw new OperationError(`node instance ${ctx.instance.id} has no Kubernetes object to migrate (is it installed?)`, false);
  const header: K8sObject = {
    apiVersion: ref.apiVersion,
    kind: ref.kind,
    metadata: { name: ref.name, ...(ref.namespace ? { namespace: ref.namespace } : {}) },
  };
  let nodes: K8sObject[];
  try {
    nodes = (await objects.list('v1', 'Node')).items.map((n) => JSON.parse(JSON.stringify(n)) as K8sObject);
  } catch (err) {
    throw toOperationError(err, 'listing nodes');
  }
  if (!nodes.some((n) => Object.entries(selector).every(([k, v]) => n.metadata.labels?.[k] === v))) {
    throw new OperationError(`no node matches ${JSON.stringify(selector)}; nodes: ${nodes.map((n) => n.metadata.name).join(', ')}`, false);
  }
  // A bare pod moved by an earlier attempt: create it again, with the selector.
  const live = (await readLive(objects, header)) ?? (ref.kind === 'Pod' ? await recreatePod(ctx, selector) : undefined);
  if (!live) throw new OperationError(`${ref.kind} ${ref.name} does not exist`, false);
  ctx.instance.runtimeProperties['migration'] = {
    node_selector: selector,
    started_at:
      (isMap(ctx.instance.runtimeProperties['migration']) ? ctx.instance.runtimeProperties['migration']['started_at'] : null) ?? new Date().toISOString(),
  };

  if (WORKLOADS.includes(ref.kind)) {
    const current = (((live.spec?.['template'] as YamlMap | undefined)?.['spec'] as YamlMap | undefined)?.['nodeSelector'] ?? {}) as Record<string, string>;
    if (Object.entries(selector).some(([k, v]) => current[k] !== v)) {
      const patch: K8sObject = {
        apiVersion: ref.apiVersion,
        kind: ref.kind,
        metadata: { name: ref.name, ...(ref.namespace ? { namespace: ref.namespace } : {}) },
        spec: { template: { spec: { nodeSelector: selector } } },
      };
      try {
        await objects.patch(patch as never, undefined, undefined, MIGRATE_FIELD_MANAGER, true, PatchStrategy.ServerSideApply);
      } catch (err) {
        throw toOperationError(err, `patching the node selector of ${ref.kind} ${ref.name}`);
      }
      ctx.logger.info(`${ref.kind} ${ref.name}: node selector set to ${JSON.stringify(selector)}`);
    }
  } else if (ref.kind === 'Pod') {
    const has = (live.spec?.['nodeSelector'] ?? {}) as Record<string, string>;
    const selectorSet = Object.entries(selector).every(([k, v]) => has[k] === v);
    if (!selectorSet && !onTarget(live, nodes, selector)) {
      if (!live.metadata['deletionTimestamp']) {
        try {
          await objects.delete(header as never, undefined, undefined, 0);
        } catch (err) {
          throw toOperationError(err, `deleting pod ${ref.name} to move it`);
        }
        ctx.logger.info(`pod ${ref.name} deleted; it is created again on a node matching ${JSON.stringify(selector)}`);
      }
      ctx.retry(`waiting for pod ${ref.name} to go before creating it again`, pollSeconds(ctx));
    }
  } else {
    throw new OperationError(`${ref.kind} has no pods to migrate`, false);
  }

  const after = await readLive(objects, header);
  if (!after) throw new OperationError(`${ref.kind} ${ref.name} disappeared during the migration`, false);
  const pods = ref.kind === 'Pod' ? [after] : await podsOf(objects, after);
  const health = healthOf(after);
  const stray = pods.filter((p) => !onTarget(p, nodes, selector)).map((p) => p.metadata.name);
  await remember(ctx, objects, 'definition', [{ key: '', object: after }]);
  if (health.fatal) throw new OperationError(`${ref.kind} ${ref.name}: ${health.reason}`, false);
  if (!health.healthy || stray.length > 0)
    ctx.retry(`migrating ${ref.kind} ${ref.name}: ${health.healthy ? `${stray.length} pod(s) still elsewhere` : health.reason}`, pollSeconds(ctx));
  ctx.logger.info(`${ref.kind} ${ref.name} runs on ${[...new Set(pods.map((p) => String(p.spec?.['nodeName'])))].join(', ')}`);
  return { migrated: true, node_selector: selector, nodes: [...new Set(pods.map((p) => String(p.spec?.['nodeName'])))] };
}

async function recreatePod(ctx: OperationContext, selector: Record<string, string>): Promise<K8sObject> {
  const { objects } = await kubernetesClient(ctx);
  const stored = ctx.instance.runtimeProperties['kubernetes'];
  if (!isMap(stored)) throw new OperationError('the pod definition is not recorded; cannot create it again', false);
  const spec = { ...((stored['spec'] as YamlMap | undefined) ?? {}) };
  delete spec['nodeName'];
  const meta = stored['metadata'] as YamlMap;
  const pod: K8sObject = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: String(meta['name']),
      namespace: String(meta['namespace']),
      ...(isMap(meta['labels']) ? { labels: meta['labels'] as Record<string, string> } : {}),
    },
    spec: { ...spec, nodeSelector: { ...((spec['nodeSelector'] as Record<string, string> | undefined) ?? {}), ...selector } },
  };
  const created = await apply(ctx, objects, pod);
  const refs = appliedRefs(ctx).map((r) => (r.kind === 'Pod' ? { ...r, uid: created.metadata.uid ?? null } : r));
  ctx.instance.runtimeProperties['applied_objects'] = refs as unknown as YamlValue;
  return created;
}
