import type { YamlMap, YamlValue } from '../dsl/index.js';
import type { DeploymentPlan, PlannedNodeInstance } from '../plan/index.js';
import { GraphBuilder, findOperation, type RetryDefaults, type TaskGraph, type TaskSpec, DEFAULT_RETRIES } from './graph.js';
import { installInstance, orderedSubgraphs, uninstallInstance, type StateLookup } from './lifecycle.js';
import { WorkflowError } from './errors.js';

/** Cloudify's instance filters, shared by most built-in workflows. */
export interface InstanceFilter {
  type_names?: string[];
  node_ids?: string[];
  node_instance_ids?: string[];
}

export function selectInstances(plan: DeploymentPlan, filter: InstanceFilter): PlannedNodeInstance[] {
  const nodes = new Map(plan.nodes.map((n) => [n.id, n]));
  const typeNames = filter.type_names ?? [];
  const nodeIds = filter.node_ids ?? [];
  const instanceIds = filter.node_instance_ids ?? [];
  for (const id of nodeIds) if (!nodes.has(id)) throw new WorkflowError(`node '${id}' does not exist`, 'unknown-node');
  for (const id of instanceIds)
    if (!plan.nodeInstances.some((i) => i.id === id)) throw new WorkflowError(`node instance '${id}' does not exist`, 'unknown-instance');
  return plan.nodeInstances.filter((i) => {
    const node = nodes.get(i.nodeId)!;
    return (
      (typeNames.length === 0 || typeNames.some((t) => node.typeHierarchy.includes(t))) &&
      (nodeIds.length === 0 || nodeIds.includes(i.nodeId)) &&
      (instanceIds.length === 0 || instanceIds.includes(i.id))
    );
  });
}

export interface BuildContext {
  plan: DeploymentPlan;
  stateOf: StateLookup;
  retries?: RetryDefaults;
}

export function installGraph(ctx: BuildContext, filter: InstanceFilter = {}): TaskGraph {
  const b = new GraphBuilder(ctx.plan, ctx.retries ?? DEFAULT_RETRIES);
  const selected = new Set(selectInstances(ctx.plan, filter).map((i) => i.id));
  orderedSubgraphs(b, selected, 'install', (inst, deps) => installInstance(b, inst, deps, ctx.stateOf(inst.id)));
  return { tasks: b.tasks };
}

export function uninstallGraph(ctx: BuildContext, params: InstanceFilter & { ignore_failure?: boolean } = {}): TaskGraph {
  const b = new GraphBuilder(ctx.plan, ctx.retries ?? DEFAULT_RETRIES);
  const selected = new Set(selectInstances(ctx.plan, params).map((i) => i.id));
  const extra: Partial<TaskSpec> = params.ignore_failure ? { ignoreFailure: true } : {};
  orderedSubgraphs(b, selected, 'uninstall', (inst, deps) => uninstallInstance(b, inst, deps, ctx.stateOf(inst.id), extra));
  return { tasks: b.tasks };
}

/** start / stop: one lifecycle operation on each selected instance, by dependency order unless told otherwise. */
export function lifecycleOperationGraph(
  ctx: BuildContext,
  operation: 'start' | 'stop',
  params: InstanceFilter & { run_by_dependency_order?: boolean; operation_parms?: YamlMap } = {},
): TaskGraph {
  const qualified = `cloudify.interfaces.lifecycle.${operation}`;
  return operationGraph(
    ctx,
    qualified,
    params.operation_parms ?? {},
    params.run_by_dependency_order ?? true,
    operation === 'stop' ? 'uninstall' : 'install',
    params,
    {
      setState: operation === 'start' ? 'started' : 'stopped',
    },
  );
}

export function restartGraph(
  ctx: BuildContext,
  params: InstanceFilter & { run_by_dependency_order?: boolean; stop_parms?: YamlMap; start_parms?: YamlMap } = {},
): TaskGraph {
  const stop = lifecycleOperationGraph(ctx, 'stop', { ...params, operation_parms: params.stop_parms ?? {} });
  const start = lifecycleOperationGraph(ctx, 'start', { ...params, operation_parms: params.start_parms ?? {} });
  // Every start waits for every stop.
  const stopIds = stop.tasks.map((t) => t.id);
  const renamed = start.tasks.map((t) => ({
    ...t,
    id: `restart:${t.id}`,
    dependsOn: t.dependsOn.length > 0 ? t.dependsOn.map((d) => `restart:${d}`) : stopIds,
  }));
  return { tasks: [...stop.tasks, ...renamed] };
}

export interface ExecuteOperationParams extends InstanceFilter {
  operation: string;
  operation_kwargs?: YamlMap;
  allow_kwargs_override?: boolean | null;
  run_by_dependency_order?: boolean;
}

/** execute_operation (workflows.py `_make_execute_operation_graph`). */
export function executeOperationGraph(ctx: BuildContext, params: ExecuteOperationParams): TaskGraph {
  if (!params.operation) throw new WorkflowError("execute_operation needs 'operation' (e.g. cloudify.interfaces.lifecycle.start)", 'missing-parameter');
  const qualified = params.operation.includes('.') ? params.operation : `cloudify.interfaces.lifecycle.${params.operation}`;
  const kwargs = params.operation_kwargs ?? {};
  const selected = selectInstances(ctx.plan, params);
  const nodes = new Map(ctx.plan.nodes.map((n) => [n.id, n]));
  if (!selected.some((i) => findOperation(nodes.get(i.nodeId)!.interfaces, qualified))) {
    throw new WorkflowError(`no selected node defines operation '${qualified}'`, 'unknown-operation');
  }
  if (!params.allow_kwargs_override) {
    for (const i of selected) {
      const op = findOperation(nodes.get(i.nodeId)!.interfaces, qualified);
      const clash = Object.keys(kwargs).find((k) => op && Object.hasOwn(op.inputs, k));
      if (clash) {
        throw new WorkflowError(
          `operation_kwargs would override input '${clash}' of ${qualified} on node '${i.nodeId}'; pass allow_kwargs_override: true to allow it`,
          'kwargs-override',
        );
      }
    }
  }
  return operationGraph(ctx, qualified, kwargs, params.run_by_dependency_order ?? false, 'install', params, {});
}

function operationGraph(
  ctx: BuildContext,
  qualified: string,
  inputs: YamlMap,
  byDependencyOrder: boolean,
  direction: 'install' | 'uninstall',
  filter: InstanceFilter,
  extra: Partial<TaskSpec>,
): TaskGraph {
  const b = new GraphBuilder(ctx.plan, ctx.retries ?? DEFAULT_RETRIES);
  const selected = new Set(selectInstances(ctx.plan, filter).map((i) => i.id));
  const withInputs: Partial<TaskSpec> = Object.keys(inputs).length > 0 ? { ...extra, inputs } : extra;
  const build = (inst: PlannedNodeInstance, deps: string[]): string[] => {
    const t = b.operation(inst.id, qualified, deps, withInputs);
    if (t) return [t.id];
    if (extra.setState) return [b.state(inst.id, extra.setState, deps).id];
    return deps;
  };
  if (byDependencyOrder) orderedSubgraphs(b, selected, direction, build);
  else for (const id of [...selected].sort()) build(b.instance(id), []);
  return { tasks: b.tasks };
}

/** check_status: runs cloudify.interfaces.validation.check_status where defined and records each result. */
export function checkStatusGraph(ctx: BuildContext, params: InstanceFilter & { run_by_dependency_order?: boolean } = {}): TaskGraph {
  const b = new GraphBuilder(ctx.plan, ctx.retries ?? DEFAULT_RETRIES);
  for (const inst of selectInstances(ctx.plan, params)) {
    const t = b.operation(inst.id, 'cloudify.interfaces.validation.check_status', [], { checkStatus: true, ignoreFailure: true, maxRetries: 0 });
    // Without a check operation, an instance is healthy when it is started (Cloudify's default).
    if (!t) b.check(inst.id, []);
  }
  return { tasks: b.tasks };
}

/**
 * check_drift (Cloudify 7's name): runs cloudify.interfaces.validation.check_drift where a node
 * defines it and records on each instance what it reports — in sync, drifted (with the differing
 * fields), or unknown (no check, or the check failed). Never fails the workflow.
 */
export function checkDriftGraph(ctx: BuildContext, params: InstanceFilter = {}): TaskGraph {
  const b = new GraphBuilder(ctx.plan, ctx.retries ?? DEFAULT_RETRIES);
  for (const inst of selectInstances(ctx.plan, params))
    b.operation(inst.id, 'cloudify.interfaces.validation.check_drift', [], { checkDrift: true, ignoreFailure: true, maxRetries: 0 });
  return { tasks: b.tasks };
}

export function asStringList(v: YamlValue | undefined): string[] | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.map(String);
  return undefined;
}
