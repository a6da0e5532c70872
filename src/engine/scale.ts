import type { YamlMap } from '../dsl/index.js';
import { scalePlan, withoutInstances, type PluginCatalog } from '../plan/index.js';
import { applyPlan, idsAvoiding } from './plan-change.js';
import { ConflictError, type ExecutionRecord, type ScaleContext, type StateStore } from '../state/index.js';
import { buildWorkflowGraph, isResizable, resizeGraph, scaleInGraph, scaleOutGraph, WorkflowError, type RetryDefaults } from '../workflows/index.js';
import { refuseIfActive, refuseUnsupported, storeExecution } from './executions.js';

/** What a scale execution remembers, so that it can be resumed and finished by any driver. */

function list(v: unknown): string[] | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.map(String);
  throw new WorkflowError('include_instances / exclude_instances must be an instance id or a list of them', 'parameter-type');
}

/**
 * Starts a scale execution: computes the scaled plan and the task graph (install added
 * instances and establish with them, or unlink from and uninstall removed ones) and stores them.
 * Nothing in the deployment changes until the execution runs.
 */
export async function startScale(
  store: StateStore,
  deploymentId: string,
  parameters: YamlMap,
  options: { retries?: RetryDefaults; catalog?: PluginCatalog } = {},
): Promise<ExecutionRecord> {
  const allowed = [
    'scalable_entity_name',
    'delta',
    'scale_compute',
    'include_instances',
    'exclude_instances',
    'ignore_failure',
    'rollback_if_failed',
    'abort_started',
  ];
  for (const k of Object.keys(parameters))
    if (!allowed.includes(k)) throw new WorkflowError(`scale has no parameter '${k}'; its parameters: ${allowed.join(', ')}`, 'unknown-parameter');
  const entity = parameters['scalable_entity_name'];
  if (typeof entity !== 'string') throw new WorkflowError("scale needs 'scalable_entity_name' (a node or a scaling group)", 'missing-parameter');
  const delta = parameters['delta'] ?? 1;
  if (typeof delta !== 'number' || !Number.isInteger(delta)) throw new WorkflowError("scale 'delta' must be a whole number", 'parameter-type');
  const deployment = await store.getDeployment(deploymentId);
  if (!deployment) throw new WorkflowError(`deployment '${deploymentId}' does not exist`, 'unknown-deployment');
  await refuseIfActive(store, deploymentId);

  if (isResizable(deployment.plan, entity)) {
    if (parameters['include_instances'] !== undefined || parameters['exclude_instances'] !== undefined)
      throw new WorkflowError(`'${entity}' scales in place (its resource is resized); include_instances and exclude_instances do not apply`, 'parameter');
    const graph = resizeGraph(deployment.plan, entity, delta, options.retries);
    if (options.catalog) refuseUnsupported(deployment.plan, graph.tasks, options.catalog);
    return storeExecution(store, deploymentId, 'scale', parameters, graph.tasks, { resize: { node: entity, delta } });
  }
  const newId = idsAvoiding(deployment.plan);
  const include = list(parameters['include_instances']);
  const exclude = list(parameters['exclude_instances']);
  let result: ReturnType<typeof scalePlan>;
  try {
    result = scalePlan(
      deployment.plan,
      {
        entity,
        delta,
        scaleCompute: parameters['scale_compute'] === true,
        ...(include ? { includeInstances: include } : {}),
        ...(exclude ? { excludeInstances: exclude } : {}),
      },
      newId,
    );
  } catch (err) {
    throw new WorkflowError((err as Error).message, 'scale');
  }
  const states = new Map((await store.listNodeInstances(deploymentId)).map((i) => [i.id, i.state]));
  const stateOf = (id: string) => states.get(id) ?? 'uninitialized';
  const graph =
    delta >= 0
      ? scaleOutGraph(result.plan, result.added, result.addedRelationships, stateOf, options.retries)
      : scaleInGraph(deployment.plan, result.removed, result.removedRelationships, stateOf, options.retries, parameters['ignore_failure'] === true);
  if (options.catalog) refuseUnsupported(delta >= 0 ? result.plan : deployment.plan, graph.tasks, options.catalog);
  const context: ScaleContext = {
    direction: delta >= 0 ? 'out' : 'in',
    added: result.added,
    removed: result.removed,
    rollback: parameters['rollback_if_failed'] !== false,
    plan: result.plan,
  };
  return storeExecution(store, deploymentId, 'scale', parameters, graph.tasks, { scale: context });
}

export function scaleContextOf(e: ExecutionRecord): ScaleContext | undefined {
  return e.context?.scale;
}

/** Before a scale-out runs: the added instances exist and the deployment has the scaled plan. */
export async function prepareScale(store: StateStore, execution: ExecutionRecord): Promise<void> {
  const ctx = scaleContextOf(execution);
  if (ctx?.direction === 'out') await applyPlan(store, execution.deploymentId, ctx.plan, ctx.added, {}, ctx.runtimeProperties ?? {});
}

/** After a scale-in succeeds: the removed instances leave the plan and the table. */
export async function finishScaleIn(store: StateStore, execution: ExecutionRecord): Promise<void> {
  const ctx = scaleContextOf(execution);
  if (!ctx) return;
  const removed = new Set(ctx.direction === 'in' ? ctx.removed : []);
  await dropInstances(store, execution.deploymentId, removed);
}

export async function dropInstances(store: StateStore, deploymentId: string, ids: Set<string>): Promise<void> {
  if (ids.size === 0) return;
  for (let i = 0; i < 5; i++) {
    const dep = await store.getDeployment(deploymentId);
    if (!dep) return;
    try {
      await store.updateDeployment(dep.id, dep.version, { plan: withoutInstances(dep.plan, ids) });
      await store.deleteNodeInstances(dep.id, [...ids]);
      return;
    } catch (err) {
      if (!(err instanceof ConflictError)) throw err;
    }
  }
}

/** The uninstall of what a failed scale-out added; when it succeeds the instances leave the plan. */
export async function startScaleRollback(store: StateStore, failed: ExecutionRecord): Promise<ExecutionRecord> {
  const ctx = scaleContextOf(failed)!;
  const deployment = await store.getDeployment(failed.deploymentId);
  if (!deployment) throw new WorkflowError(`deployment '${failed.deploymentId}' does not exist`, 'unknown-deployment');
  const states = new Map((await store.listNodeInstances(deployment.id)).map((i) => [i.id, i.state]));
  const parameters: YamlMap = { node_instance_ids: ctx.added, ignore_failure: true };
  const graph = buildWorkflowGraph('uninstall', parameters, { plan: deployment.plan, stateOf: (id) => states.get(id) ?? 'uninitialized' });
  return storeExecution(store, deployment.id, 'uninstall', parameters, graph.tasks, { scaleRollback: { scaleExecution: failed.id, added: ctx.added } });
}
