import { dig, isYamlMap, type YamlMap, type YamlValue } from '../dsl/index.js';
import { scalePlan, type DeploymentPlan, type PluginCatalog, type ScaleResult } from '../plan/index.js';
import type { ExecutionRecord, NodeInstanceRecord, ScaleContext, StateStore } from '../state/index.js';
import { scaleInGraph, scaleOutGraph, WorkflowError, workflowParameters, type RetryDefaults } from '../workflows/index.js';
import { newExecutionId, refuseIfActive, refuseUnsupported, storeExecution } from './executions.js';
import { idsAvoiding } from './plan-change.js';

/*
 * cloudify-utilities-plugin's scalelist workflows, on Isthmus's scale: several nodes or scaling
 * groups scaled in one execution (one "transaction"), added instances starting with runtime
 * properties the caller gives, removed instances chosen by a runtime property. The execution is a
 * scale execution like any other (resumable; a failed scale-out rolls back what it added).
 */

/** A mapping parameter as Cloudify's workflows take it: a mapping, or a JSON text of one. */
function mapParameter(value: YamlValue | undefined, name: string): YamlMap {
  let v = value;
  if (typeof v === 'string' && v.trim() !== '') {
    try {
      v = JSON.parse(v) as YamlValue;
    } catch {
      throw new WorkflowError(`parameter '${name}' must be a mapping (or its JSON)`, 'parameter-type');
    }
  }
  if (v === undefined || v === null || v === '') return {};
  if (!isYamlMap(v)) throw new WorkflowError(`parameter '${name}' must be a mapping`, 'parameter-type');
  return v;
}

/** A list of names: a list, a comma-separated text, or empty (none). */
function names(value: YamlValue | undefined): string[] {
  if (value === undefined || value === null || value === '') return [];
  if (typeof value === 'string')
    return value
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  if (Array.isArray(value)) return value.map(String);
  throw new WorkflowError('scale_node_name must be a node name or a list of them', 'parameter-type');
}

/**
 * The scaling group (with a scaling policy) a node scales with, if any: the group of the node or of
 * a host it is contained in (a group's members are its outermost nodes; contained ones go with them).
 */
function groupOf(plan: DeploymentPlan, nodeId: string): string | undefined {
  const nodes = new Map(plan.nodes.map((n) => [n.id, n]));
  for (let id: string | undefined = nodeId, depth = 0; id && depth < 64; id = nodes.get(id)?.hostId, depth++) {
    const group = Object.entries(plan.scalingGroups).find(([, g]) => g.members.includes(id!))?.[0];
    if (group) return group;
  }
  return undefined;
}

function scaleEach(plan: DeploymentPlan, steps: Array<{ entity: string; delta: number; include?: string[]; scaleCompute: boolean }>) {
  const newId = idsAvoiding(plan);
  let current = plan;
  const added: string[] = [];
  const removed: string[] = [];
  const addedRelationships: ScaleResult['addedRelationships'] = [];
  const removedRelationships: ScaleResult['removedRelationships'] = [];
  for (const step of steps) {
    let result: ScaleResult;
    try {
      result = scalePlan(
        current,
        { entity: step.entity, delta: step.delta, scaleCompute: step.scaleCompute, ...(step.include ? { includeInstances: step.include } : {}) },
        newId,
      );
    } catch (err) {
      throw new WorkflowError((err as Error).message, 'scale');
    }
    current = result.plan;
    added.push(...result.added);
    removed.push(...result.removed);
    addedRelationships.push(...result.addedRelationships);
    removedRelationships.push(...result.removedRelationships);
  }
  return { plan: current, added, removed, addedRelationships, removedRelationships };
}

/**
 * scaleuplist: `scalable_entity_properties` maps nodes to lists of runtime properties, one per new
 * instance; a node of a scaling group scales its group (by the longest list among its members).
 * Each added instance of a listed node starts with one entry (taken from the end of its list, as the
 * plugin does) and the transaction id in `scale_transaction_field` (`scale_transaction_value`, or
 * the execution's id).
 */
function scaleUp(plan: DeploymentPlan, parameters: YamlMap, executionId: string) {
  const properties = mapParameter(parameters['scalable_entity_properties'], 'scalable_entity_properties');
  const counts = new Map<string, number>();
  const lists = new Map<string, YamlMap[]>();
  for (const [nodeId, list] of Object.entries(properties)) {
    if (!plan.nodes.some((n) => n.id === nodeId))
      throw new WorkflowError(`scalable_entity_properties names '${nodeId}', which is not a node of the deployment`, 'unknown-node');
    if (!Array.isArray(list) || list.some((x) => !isYamlMap(x)))
      throw new WorkflowError(`scalable_entity_properties.${nodeId} must be a list of runtime-property mappings`, 'parameter-type');
    lists.set(nodeId, [...(list as YamlMap[])]);
    const entity = groupOf(plan, nodeId) ?? nodeId;
    counts.set(entity, Math.max(counts.get(entity) ?? 0, list.length));
  }
  const scaleCompute = parameters['scale_compute'] === true;
  const result = scaleEach(
    plan,
    [...counts].filter(([, n]) => n > 0).map(([entity, delta]) => ({ entity, delta, scaleCompute })),
  );
  const field = typeof parameters['scale_transaction_field'] === 'string' ? parameters['scale_transaction_field'] : '';
  const value =
    typeof parameters['scale_transaction_value'] === 'string' && parameters['scale_transaction_value'] ? parameters['scale_transaction_value'] : executionId;
  const nodeOf = new Map(result.plan.nodeInstances.map((i) => [i.id, i.nodeId]));
  const runtimeProperties: Record<string, YamlMap> = {};
  for (const id of result.added) {
    const initial: YamlMap = { ...(lists.get(nodeOf.get(id)!)?.pop() ?? {}) };
    if (field) initial[field] = value;
    if (Object.keys(initial).length > 0) runtimeProperties[id] = initial;
  }
  return { ...result, runtimeProperties };
}

/**
 * scaledownlist: the instances of `scale_node_name` (all nodes when empty) whose runtime property
 * at `scale_node_field` (a key or a path) has one of the `scale_node_field_value`s, and with
 * `scale_transaction_field` every instance of the same transactions; each leaves with its scaling
 * group instance (or alone when its node is in no group).
 */
function scaleDown(plan: DeploymentPlan, instances: NodeInstanceRecord[], parameters: YamlMap) {
  const rawField = parameters['scale_node_field'];
  const field = typeof rawField === 'string' ? (rawField ? [rawField] : []) : Array.isArray(rawField) ? rawField.map(String) : [];
  if (field.length === 0) throw new WorkflowError('scaledownlist needs scale_node_field (a runtime property, or a path to one)', 'missing-parameter');
  const rawValue = parameters['scale_node_field_value'];
  const values = Array.isArray(rawValue) ? rawValue : [rawValue ?? ''];
  const nodes = names(parameters['scale_node_name']);
  const same = (a: YamlValue | undefined, b: YamlValue) => JSON.stringify(a ?? null) === JSON.stringify(b);
  const selected = new Set<string>();
  const transactions: YamlValue[] = [];
  const transactionField = typeof parameters['scale_transaction_field'] === 'string' ? parameters['scale_transaction_field'] : '';
  for (const i of instances) {
    if (nodes.length > 0 && !nodes.includes(i.nodeId)) continue;
    const found = dig(i.runtimeProperties, field);
    if (!values.some((v) => same(found, v as YamlValue))) continue;
    selected.add(i.id);
    const transaction = transactionField ? i.runtimeProperties[transactionField] : undefined;
    if (transaction !== undefined && transaction !== null && transaction !== '') transactions.push(transaction);
  }
  if (transactions.length > 0) for (const i of instances) if (transactions.some((t) => same(i.runtimeProperties[transactionField], t))) selected.add(i.id);
  // One removal per scaled entity: a group loses the group instances holding the selected instances.
  const byEntity = new Map<string, { units: Set<string>; include: string[] }>();
  for (const id of selected) {
    const planned = plan.nodeInstances.find((x) => x.id === id);
    if (!planned) continue;
    const group = groupOf(plan, planned.nodeId);
    const entity = group ?? planned.nodeId;
    // A contained instance belongs to its host's group instance.
    let holder: typeof planned | undefined = planned;
    while (holder && group && !holder.scalingGroups.some((g) => g.name === group)) holder = plan.nodeInstances.find((x) => x.id === holder!.hostId);
    const unit = group ? (holder?.scalingGroups.find((g) => g.name === group)?.id ?? id) : id;
    const entry = byEntity.get(entity) ?? { units: new Set(), include: [] };
    entry.units.add(unit);
    entry.include.push(id);
    byEntity.set(entity, entry);
  }
  const scaleCompute = parameters['scale_compute'] === true;
  return scaleEach(
    plan,
    [...byEntity].map(([entity, e]) => ({ entity, delta: -e.units.size, include: e.include, scaleCompute })),
  );
}

/**
 * Starts a scalelist workflow (`scaleuplist` or `scaledownlist`) of a deployment's blueprint as a
 * scale execution. Nothing to remove is an execution with no tasks, as the plugin returns.
 */
export async function startScaleList(
  store: StateStore,
  deploymentId: string,
  workflow: string,
  given: YamlMap,
  options: { retries?: RetryDefaults; catalog?: PluginCatalog } = {},
): Promise<ExecutionRecord> {
  const deployment = await store.getDeployment(deploymentId);
  if (!deployment) throw new WorkflowError(`deployment '${deploymentId}' does not exist`, 'unknown-deployment');
  const definition = deployment.plan.customWorkflows?.[workflow];
  if (!definition) throw new WorkflowError(`'${workflow}' is not a workflow of this deployment`, 'unknown-workflow');
  const parameters = workflowParameters(workflow, definition, given);
  await refuseIfActive(store, deploymentId);
  const instances = await store.listNodeInstances(deploymentId);
  const states = new Map(instances.map((i) => [i.id, i.state]));
  const stateOf = (id: string) => states.get(id) ?? 'uninitialized';
  const executionId = newExecutionId();
  if (definition.task.endsWith('.scaleuplist')) {
    const up = scaleUp(deployment.plan, parameters, executionId);
    const graph = scaleOutGraph(up.plan, up.added, up.addedRelationships, stateOf, options.retries);
    if (options.catalog) refuseUnsupported(up.plan, graph.tasks, options.catalog);
    const context: ScaleContext = {
      direction: 'out',
      added: up.added,
      removed: [],
      rollback: parameters['rollback_on_failure'] !== false,
      plan: up.plan,
      runtimeProperties: up.runtimeProperties,
    };
    return storeExecution(store, deploymentId, workflow, parameters, graph.tasks, { scale: context }, executionId);
  }
  const down = scaleDown(deployment.plan, instances, parameters);
  if (down.removed.length === 0) return storeExecution(store, deploymentId, workflow, parameters, [], undefined, executionId);
  const graph = scaleInGraph(deployment.plan, down.removed, down.removedRelationships, stateOf, options.retries, parameters['ignore_failure'] === true);
  if (options.catalog) refuseUnsupported(deployment.plan, graph.tasks, options.catalog);
  const context: ScaleContext = { direction: 'in', added: [], removed: down.removed, rollback: false, plan: down.plan };
  return storeExecution(store, deploymentId, workflow, parameters, graph.tasks, { scale: context }, executionId);
}
