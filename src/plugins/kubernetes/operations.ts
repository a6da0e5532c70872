import { PatchStrategy, VersionApi } from '@kubernetes/client-node';
import { isYamlMap, type YamlMap, type YamlValue } from '../../dsl/index.js';
import { OperationError } from '../../runtime/errors.js';
import type { OperationContext, OperationFunction } from '../../runtime/types.js';
import { kubernetesClient, type ObjectClient } from './client.js';
import { objectsDrift, readLive } from './drift.js';
import { creationOrder, desiredObjects, type DefinitionStyle, type DesiredObject } from './definitions.js';
import { apiStatus, toOperationError } from './errors.js';
import { factsOf, storedObject } from './facts.js';
import { type HealthExpression, healthByExpressions, healthExpressions, healthOf, type K8sObject } from './health.js';

/** The field manager of every Isthmus write (server-side apply). */
export const FIELD_MANAGER = 'isthmus';
/** Names the deployment and instance that created an object. */
export const OWNER_ANNOTATION = 'isthmus.dev/owner';

/** An object this node applied: enough to find, check and delete it again whatever the definition says now. */
interface AppliedRef {
  key: string;
  apiVersion: string;
  kind: string;
  name: string;
  namespace: string | null;
  uid: string | null;
  /** Adopted, not created: left in place on delete. */
  external: boolean;
}

const isMap = isYamlMap;
const describe = (o: { kind: string; name: string; namespace?: string | null }) => `${o.kind} ${o.namespace ? `${o.namespace}/` : ''}${o.name}`;
const header = (r: AppliedRef): K8sObject => ({
  apiVersion: r.apiVersion,
  kind: r.kind,
  metadata: { name: r.name, ...(r.namespace ? { namespace: r.namespace } : {}) },
});
const plain = <T>(v: T): K8sObject => JSON.parse(JSON.stringify(v)) as K8sObject;

/** Waits grow from half a second to 15 s, so the sandbox is quick and a real cluster is not hammered. */
function pollSeconds(ctx: OperationContext): number {
  return Math.min(15, 0.5 * 2 ** Math.min(ctx.operation.retryNumber, 5));
}

async function properties(ctx: OperationContext): Promise<YamlMap> {
  return (await ctx.evaluate(ctx.node.properties)) as YamlMap;
}

function appliedRefs(ctx: OperationContext): AppliedRef[] {
  const v = ctx.instance.runtimeProperties['applied_objects'];
  return Array.isArray(v) ? (v as unknown as AppliedRef[]) : [];
}

async function withNamespace(objects: ObjectClient, d: DesiredObject, props: YamlMap): Promise<K8sObject> {
  const o = structuredClone(d.object);
  let scope: 'namespaced' | 'cluster' | undefined;
  try {
    scope = await objects.scopeOf(o.apiVersion, o.kind);
  } catch (err) {
    throw toOperationError(err, `discovering ${o.apiVersion} ${o.kind}`);
  }
  if (!scope)
    throw new OperationError(
      `the cluster does not serve kind ${o.kind} in apiVersion ${o.apiVersion}; check the apiVersion, or install the CRD that defines it first`,
      true,
    );
  if (scope === 'cluster') delete o.metadata.namespace;
  else {
    const options = isMap(props['options']) ? props['options'] : {};
    const fromOptions = typeof options['namespace'] === 'string' && options['namespace'] ? options['namespace'] : undefined;
    o.metadata.namespace ??= fromOptions ?? objects.namespace;
  }
  return o;
}

async function podsOf(objects: ObjectClient, o: K8sObject): Promise<K8sObject[]> {
  if (!['Deployment', 'StatefulSet', 'ReplicaSet', 'DaemonSet', 'ReplicationController', 'Job'].includes(o.kind)) return [];
  const selector =
    (o.spec?.['selector'] as { matchLabels?: Record<string, string> } | undefined)?.matchLabels ??
    (o.kind === 'ReplicationController' ? (o.spec?.['selector'] as Record<string, string> | undefined) : undefined) ??
    (o.kind === 'Job' ? { 'job-name': o.metadata.name ?? '' } : undefined);
  if (!selector || Object.keys(selector).length === 0) return [];
  const labelSelector = Object.entries(selector)
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
  try {
    const list = await objects.list('v1', 'Pod', o.metadata.namespace, undefined, undefined, undefined, undefined, labelSelector);
    return list.items.map(plain).filter((p) => !p.metadata['deletionTimestamp']);
  } catch (err) {
    throw toOperationError(err, `listing the pods of ${describe({ kind: o.kind, name: o.metadata.name ?? '', namespace: o.metadata.namespace ?? null })}`);
  }
}

/** Saves what other nodes read: the object(s), and their facts (see facts.ts). */
async function remember(ctx: OperationContext, objects: ObjectClient, style: DefinitionStyle, live: Array<{ key: string; object: K8sObject }>): Promise<void> {
  const rp = ctx.instance.runtimeProperties;
  if (style === 'definition' && live.length === 1) {
    const o = live[0]!.object;
    rp['kubernetes'] = storedObject(o);
    Object.assign(rp, factsOf(o, await podsOf(objects, o)));
    return;
  }
  const byKey: YamlMap = {};
  const facts: YamlMap = {};
  for (const { key, object } of live) {
    byKey[key] = storedObject(object);
    facts[key] = factsOf(object, await podsOf(objects, object));
  }
  rp['kubernetes'] = byKey;
  rp['resources'] = facts;
}

async function apply(ctx: OperationContext, objects: ObjectClient, o: K8sObject): Promise<K8sObject> {
  const annotated = structuredClone(o);
  annotated.metadata.annotations = { ...(annotated.metadata.annotations ?? {}), [OWNER_ANNOTATION]: `${ctx.deployment.id}/${ctx.instance.id}` };
  try {
    return plain(await objects.patch(annotated as never, undefined, undefined, FIELD_MANAGER, true, PatchStrategy.ServerSideApply));
  } catch (err) {
    throw toOperationError(err, `applying ${describe({ kind: o.kind, name: o.metadata.name ?? '', namespace: o.metadata.namespace ?? null })}`);
  }
}

/**
 * create: server-side apply of every object the node defines (namespaces and CRDs first), so a
 * re-run or a resumed step converges instead of failing with AlreadyExists.
 */
async function createObjects(ctx: OperationContext, style: DefinitionStyle): Promise<void> {
  const props = await properties(ctx);
  const { objects } = await kubernetesClient(ctx);
  const external = props['use_external_resource'] === true;
  const createIfMissing = props['create_if_missing'] === true;
  const useIfExists = props['use_if_exists'] !== false;
  const refs: AppliedRef[] = [];
  const live: Array<{ key: string; object: K8sObject }> = [];
  for (const d of creationOrder(await desiredObjects(style, props, ctx.inputs, ctx.blueprintDir, ctx.node.id))) {
    const o = await withNamespace(objects, d, props);
    const name = describe({ kind: o.kind, name: o.metadata.name!, namespace: o.metadata.namespace ?? null });
    const existing = external || !useIfExists ? await readLive(objects, o) : undefined;
    let result: K8sObject;
    let adopted = false;
    if (external) {
      if (existing) {
        result = existing;
        adopted = true;
        ctx.logger.info(`using existing ${name}`);
      } else if (createIfMissing) {
        result = await apply(ctx, objects, o);
        adopted = true; // create_if_missing objects stay on uninstall, as in Cloudify
        ctx.logger.info(`created missing ${name}`);
      } else {
        throw new OperationError(`${name} does not exist, and use_external_resource is set (set create_if_missing to create it)`, false);
      }
    } else {
      const owner = existing?.metadata.annotations?.[OWNER_ANNOTATION];
      if (existing && owner !== `${ctx.deployment.id}/${ctx.instance.id}`) {
        throw new OperationError(`${name} already exists${owner ? ` (created by ${owner})` : ''}, and use_if_exists is false`, false);
      }
      result = await apply(ctx, objects, o);
      ctx.logger.info(`applied ${name} (resourceVersion ${result.metadata.resourceVersion ?? '?'})`);
    }
    refs.push({
      key: d.key,
      apiVersion: o.apiVersion,
      kind: o.kind,
      name: o.metadata.name!,
      namespace: o.metadata.namespace ?? null,
      uid: result.metadata.uid ?? null,
      external: adopted,
    });
    live.push({ key: d.key, object: result });
    ctx.instance.runtimeProperties['applied_objects'] = refs as unknown as YamlValue;
  }
  await remember(ctx, objects, style, live);
}

/** Reads every applied object back, saves its facts, and reports the health of each. */
/**
 * A claim whose StorageClass binds on first use (WaitForFirstConsumer: kind's default, EBS on EKS)
 * stays Pending until a pod uses it; waiting for Bound before creating that pod would never end.
 */
async function waitsForFirstConsumer(objects: ObjectClient, o: K8sObject): Promise<boolean> {
  if (o.kind !== 'PersistentVolumeClaim' || o.status?.['phase'] !== 'Pending') return false;
  const className = o.spec?.['storageClassName'];
  if (typeof className !== 'string' || !className) return false;
  const sc = await readLive(objects, { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: className } });
  return sc?.['volumeBindingMode'] === 'WaitForFirstConsumer';
}

type Observed = { ref: AppliedRef; object: K8sObject | undefined; waitsForConsumer?: boolean };

async function observe(ctx: OperationContext, style: DefinitionStyle): Promise<Observed[]> {
  const { objects } = await kubernetesClient(ctx);
  let refs = appliedRefs(ctx);
  if (refs.length === 0) {
    // Nothing recorded (a node installed before, or by hand): look at what the definition names.
    const props = await properties(ctx);
    refs = [];
    for (const d of await desiredObjects(style, props, ctx.inputs, ctx.blueprintDir, ctx.node.id)) {
      const o = await withNamespace(objects, d, props);
      refs.push({
        key: d.key,
        apiVersion: o.apiVersion,
        kind: o.kind,
        name: o.metadata.name!,
        namespace: o.metadata.namespace ?? null,
        uid: null,
        external: false,
      });
    }
  }
  const out: Array<{ ref: AppliedRef; object: K8sObject | undefined; waitsForConsumer?: boolean }> = [];
  for (const ref of refs) {
    const object = await readLive(objects, header(ref));
    out.push({ ref, object, ...(object && (await waitsForFirstConsumer(objects, object)) ? { waitsForConsumer: true } : {}) });
  }
  const present = out.filter((x): x is { ref: AppliedRef; object: K8sObject } => x.object !== undefined);
  if (present.length > 0)
    await remember(
      ctx,
      objects,
      style,
      present.map((x) => ({ key: x.ref.key, object: x.object })),
    );
  return out;
}

function unhealthy(observed: Observed[], expressions: HealthExpression[]): { fatal: string[]; waiting: string[] } {
  const fatal: string[] = [];
  const waiting: string[] = [];
  for (const { ref, object, waitsForConsumer } of observed) {
    if (!object) {
      fatal.push(`${describe(ref)} does not exist`);
      continue;
    }
    if (waitsForConsumer) continue;
    const h = healthByExpressions(object, expressions) ?? healthOf(object);
    if (h.healthy) continue;
    (h.fatal ? fatal : waiting).push(`${describe(ref)}: ${h.reason}`);
  }
  return { fatal, waiting };
}

/** poststart / pull: reads back, and with validate_resource_status waits (by retrying) until healthy. */
async function readObjects(ctx: OperationContext, style: DefinitionStyle, alwaysValidate = false): Promise<void> {
  const props = await properties(ctx);
  const observed = await observe(ctx, style);
  if (!alwaysValidate && props['validate_resource_status'] !== true) {
    const missing = observed.filter((x) => !x.object);
    if (missing.length > 0) throw new OperationError(`${missing.map((x) => describe(x.ref)).join(', ')} no longer exist(s)`, false);
    return;
  }
  const expressions = nodeExpressions(props);
  const { fatal, waiting } = unhealthy(observed, expressions);
  if (fatal.length > 0) throw new OperationError(fatal.join('; '), false);
  if (waiting.length > 0) ctx.retry(`waiting for ${waiting.join('; ')}`, pollSeconds(ctx));
  ctx.logger.info(observed.map((x) => `${describe(x.ref)}: ${(healthByExpressions(x.object!, expressions) ?? healthOf(x.object!)).reason}`).join('; '));
}

/** The node's health_check_exprs, or a non-recoverable error saying what is wrong with them. */
function nodeExpressions(props: YamlMap): HealthExpression[] {
  try {
    return healthExpressions(props['health_check_exprs']);
  } catch (err) {
    throw new OperationError((err as Error).message, false);
  }
}

/** check_status: healthy or a failure that says what is wrong (the heal workflow reinstalls on failure). */
async function checkStatus(ctx: OperationContext, style: DefinitionStyle): Promise<YamlValue> {
  const observed = await observe(ctx, style);
  const expressions = nodeExpressions(await properties(ctx));
  const { fatal, waiting } = unhealthy(observed, expressions);
  const problems = [...fatal, ...waiting];
  if (problems.length > 0) throw new OperationError(`unhealthy: ${problems.join('; ')}`, false);
  return { healthy: true, objects: observed.map((x) => `${describe(x.ref)}: ${(healthByExpressions(x.object!, expressions) ?? healthOf(x.object!)).reason}`) };
}

const identity = (r: { apiVersion: string; kind: string; name: string; namespace: string | null }) =>
  `${r.apiVersion}|${r.kind}|${r.namespace ?? ''}|${r.name}`;

/**
 * update: applies the node's (new) definition — with `resource_definition_changes` from
 * execute_operation merged in and kept for later updates — then waits for the rollout like poststart.
 */
async function updateObjects(ctx: OperationContext, style: DefinitionStyle): Promise<void> {
  const props = await properties(ctx);
  const { objects } = await kubernetesClient(ctx);
  const changes = ctx.inputs['resource_definition_changes'];
  if (isMap(changes) && Object.keys(changes).length > 0) {
    if (style !== 'definition')
      throw new OperationError('resource_definition_changes applies to nodes with a definition property, not to file-defined resources', false);
    ctx.instance.runtimeProperties['definition_changes'] = deepMerge(ctx.instance.runtimeProperties['definition_changes'] ?? {}, changes);
  }
  const saved = ctx.instance.runtimeProperties['definition_changes'];
  const inputs: YamlMap = { ...ctx.inputs };
  if (style === 'definition' && isMap(saved)) inputs['definition'] = deepMerge(inputs['definition'] ?? props['definition'] ?? {}, saved);
  const desired: K8sObject[] = [];
  const keys: string[] = [];
  for (const d of creationOrder(await desiredObjects(style, props, inputs, ctx.blueprintDir, ctx.node.id))) {
    desired.push(await withNamespace(objects, d, props));
    keys.push(d.key);
  }
  const before = appliedRefs(ctx);
  const after = new Set(
    desired.map((o) => identity({ apiVersion: o.apiVersion, kind: o.kind, name: o.metadata.name!, namespace: o.metadata.namespace ?? null })),
  );
  const dropped = before.filter((r) => !after.has(identity(r)));
  if (dropped.length > 0 && props['allow_node_redefinition'] !== true) {
    throw new OperationError(
      `the new definition no longer names ${dropped.map(describe).join(', ')}; set allow_node_redefinition: true to let an update replace objects`,
      false,
    );
  }
  const refs: AppliedRef[] = [];
  const live: Array<{ key: string; object: K8sObject }> = [];
  for (const [i, o] of desired.entries()) {
    const previous = before.find(
      (r) => identity(r) === identity({ apiVersion: o.apiVersion, kind: o.kind, name: o.metadata.name!, namespace: o.metadata.namespace ?? null }),
    );
    const result = previous?.external ? ((await readLive(objects, o)) ?? o) : await apply(ctx, objects, o);
    refs.push({
      key: keys[i]!,
      apiVersion: o.apiVersion,
      kind: o.kind,
      name: o.metadata.name!,
      namespace: o.metadata.namespace ?? null,
      uid: result.metadata.uid ?? null,
      external: previous?.external ?? false,
    });
    live.push({ key: keys[i]!, object: result });
  }
  for (const r of dropped) if (!r.external) await deleteOne(ctx, objects, r, props);
  ctx.instance.runtimeProperties['applied_objects'] = refs as unknown as YamlValue;
  await remember(ctx, objects, style, live);
  if (props['validate_resource_status'] === true) await readObjects(ctx, style);
}

function deepMerge(base: YamlValue, patch: YamlValue): YamlValue {
  if (!isMap(base) || !isMap(patch)) return patch;
  const out: YamlMap = { ...base };
  for (const [k, v] of Object.entries(patch)) out[k] = v === null ? null : deepMerge(out[k] ?? null, v);
  for (const [k, v] of Object.entries(out)) if (v === null && patch[k] === null) delete out[k];
  return out;
}

async function deleteOne(ctx: OperationContext, objects: ObjectClient, r: AppliedRef, props: YamlMap): Promise<void> {
  const options = isMap(props['options']) ? props['options'] : {};
  const policy = typeof options['propagation_policy'] === 'string' && options['propagation_policy'] ? options['propagation_policy'] : 'Foreground';
  const grace = typeof options['grace_period_seconds'] === 'number' ? options['grace_period_seconds'] : undefined;
  try {
    await objects.delete(header(r) as never, undefined, undefined, grace, undefined, policy);
    ctx.logger.info(`deleting ${describe(r)} (${policy})`);
  } catch (err) {
    if (apiStatus(err) !== 404) throw toOperationError(err, `deleting ${describe(r)}`);
  }
}

/** delete: foreground deletion of everything the node applied (in reverse order), waiting until it is gone. */
async function deleteObjects(ctx: OperationContext, style: DefinitionStyle): Promise<void> {
  const props = await properties(ctx);
  const { objects } = await kubernetesClient(ctx);
  let refs = appliedRefs(ctx);
  if (refs.length === 0 && ctx.instance.runtimeProperties['kubernetes'] === undefined) {
    ctx.logger.info('nothing was created; nothing to delete');
    return;
  }
  if (refs.length === 0) {
    refs = [];
    for (const d of await desiredObjects(style, props, ctx.inputs, ctx.blueprintDir, ctx.node.id)) {
      const o = await withNamespace(objects, d, props);
      refs.push({
        key: d.key,
        apiVersion: o.apiVersion,
        kind: o.kind,
        name: o.metadata.name!,
        namespace: o.metadata.namespace ?? null,
        uid: null,
        external: false,
      });
    }
  }
  const owned = refs.filter((r) => !r.external).reverse();
  const remaining: string[] = [];
  for (const r of owned) {
    const live = await readLive(objects, header(r));
    if (!live) continue;
    if (r.uid && live.metadata.uid !== r.uid) {
      ctx.logger.warning(`${describe(r)} was replaced by another object (uid ${live.metadata.uid ?? '?'}); leaving it`);
      continue;
    }
    if (!live.metadata['deletionTimestamp']) {
      await deleteOne(ctx, objects, r, props);
      // Most objects go at once; only those with dependents or finalizers make us wait.
      if (!(await readLive(objects, header(r)))) continue;
    }
    remaining.push(describe(r));
  }
  if (remaining.length > 0) ctx.retry(`waiting until ${remaining.join(', ')} ${remaining.length === 1 ? 'is' : 'are'} gone`, pollSeconds(ctx));
  for (const k of ['kubernetes', 'resources', 'applied_objects', 'pods', 'node_names']) delete ctx.instance.runtimeProperties[k];
}

/** check_drift: compares the fields the definition sets with the live objects; reports, never fails. */
async function checkDrift(ctx: OperationContext, style: DefinitionStyle): Promise<YamlValue> {
  const props = await properties(ctx);
  const { objects } = await kubernetesClient(ctx);
  const desired: K8sObject[] = [];
  for (const d of await desiredObjects(style, props, ctx.inputs, ctx.blueprintDir, ctx.node.id)) desired.push(await withNamespace(objects, d, props));
  const drift = await objectsDrift(objects, desired);
  const names = Object.keys(drift);
  ctx.logger.info(names.length === 0 ? 'no drift' : `drift in ${names.join(', ')}`);
  ctx.instance.runtimeProperties['drift'] = drift;
  return { drifted: names.length > 0, differences: drift };
}

/** SharedCluster: confirms the cluster answers and records its version (no token juggling is needed). */
const connect: OperationFunction = async (ctx) => {
  const { kubeConfig, source } = await kubernetesClient(ctx);
  try {
    const version = await kubeConfig.makeApiClient(VersionApi).getCode();
    ctx.instance.runtimeProperties['kubernetes_version'] = version.gitVersion;
    ctx.instance.runtimeProperties['server'] = kubeConfig.getCurrentCluster()?.server ?? null;
    ctx.logger.info(`cluster from ${source} answers: Kubernetes ${version.gitVersion}`);
  } catch (err) {
    throw toOperationError(err, 'reaching the cluster');
  }
};

const forStyle = (style: DefinitionStyle) => ({
  create: (ctx: OperationContext) => createObjects(ctx, style),
  read: (ctx: OperationContext) => readObjects(ctx, style),
  update: (ctx: OperationContext) => updateObjects(ctx, style),
  delete: (ctx: OperationContext) => deleteObjects(ctx, style),
  checkStatus: (ctx: OperationContext) => checkStatus(ctx, style),
  checkDrift: (ctx: OperationContext) => checkDrift(ctx, style),
});

const single = forStyle('definition');
const file = forStyle('file');
const files = forStyle('files');

/** Operations by the task names Cloudify's Kubernetes plugin uses, so explicit implementation strings resolve. */
export const TASKS: Record<string, OperationFunction> = {
  resource_create: single.create,
  resource_read: single.read,
  resource_update: single.update,
  resource_delete: single.delete,
  resource_read_check_status: single.checkStatus,
  resource_read_check_drift: single.checkDrift,
  custom_resource_create: single.create,
  custom_resource_delete: single.delete,
  custom_check_status: single.checkStatus,
  custom_check_drift: single.checkDrift,
  file_resource_create: file.create,
  file_resource_read: file.read,
  file_resource_update: file.update,
  file_resource_delete: file.delete,
  file_resource_check_status: file.checkStatus,
  file_resource_check_drift: file.checkDrift,
  multiple_file_resource_create: files.create,
  multiple_file_resource_read: files.read,
  multiple_file_resource_update: files.update,
  multiple_file_resource_delete: files.delete,
  multiple_file_resource_check_status: files.checkStatus,
  multiple_file_resource_check_drift: files.checkDrift,
  refresh_config: connect,
  create_token: connect,
  read_token: connect,
  get_token_status: connect,
  delete_token: async (ctx) => {
    ctx.logger.info('no service-account token to delete: Isthmus uses the configured credentials directly');
  },
};

export { styleOfNode };

/** Which definition style a node uses, from the properties it has. */
function styleOfNode(ctx: OperationContext): DefinitionStyle {
  const p = ctx.node.properties;
  if (p['files'] !== undefined && p['files'] !== null) return 'files';
  if (p['file'] !== undefined && p['file'] !== null) return 'file';
  return 'definition';
}

export { appliedRefs, kubernetesClient, readLive, podsOf, apply, pollSeconds, properties, remember, type AppliedRef };
