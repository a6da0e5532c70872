import type { YamlMap, YamlValue } from '../dsl/index.js';
import {
  asStringList,
  checkDriftGraph,
  checkStatusGraph,
  executeOperationGraph,
  installGraph,
  lifecycleOperationGraph,
  restartGraph,
  uninstallGraph,
  type BuildContext,
} from './builtins.js';
import { customWorkflowGraph } from './custom.js';
import { WorkflowError } from './errors.js';
import type { TaskGraph } from './graph.js';

/** The built-in workflows Isthmus runs, by their Cloudify names. */
export const BUILTIN_WORKFLOWS = ['install', 'uninstall', 'start', 'stop', 'restart', 'execute_operation', 'check_status', 'check_drift'] as const;
export type BuiltinWorkflow = (typeof BUILTIN_WORKFLOWS)[number];

export function isBuiltinWorkflow(name: string): name is BuiltinWorkflow {
  return (BUILTIN_WORKFLOWS as readonly string[]).includes(name);
}

const FILTER_KEYS = ['type_names', 'node_ids', 'node_instance_ids'];
const ALLOWED_PARAMETERS: Record<BuiltinWorkflow, string[]> = {
  install: FILTER_KEYS,
  uninstall: [...FILTER_KEYS, 'ignore_failure'],
  start: [...FILTER_KEYS, 'operation_parms', 'run_by_dependency_order'],
  stop: [...FILTER_KEYS, 'operation_parms', 'run_by_dependency_order'],
  restart: [...FILTER_KEYS, 'stop_parms', 'start_parms', 'run_by_dependency_order'],
  execute_operation: [...FILTER_KEYS, 'operation', 'operation_kwargs', 'allow_kwargs_override', 'run_by_dependency_order'],
  check_status: [...FILTER_KEYS, 'run_by_dependency_order'],
  check_drift: FILTER_KEYS,
};

function filterOf(p: YamlMap) {
  const out: { type_names?: string[]; node_ids?: string[]; node_instance_ids?: string[] } = {};
  for (const k of FILTER_KEYS) {
    const v = asStringList(p[k]);
    if (v) out[k as keyof typeof out] = v;
  }
  return out;
}

function bool(v: YamlValue | undefined, name: string): boolean | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'boolean') throw new WorkflowError(`parameter '${name}' must be true or false`, 'parameter-type');
  return v;
}

function map(v: YamlValue | undefined, name: string): YamlMap | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'object' || Array.isArray(v)) throw new WorkflowError(`parameter '${name}' must be a mapping`, 'parameter-type');
  return v;
}

/** Builds a built-in workflow's task graph from its parameters (unknown parameters are refused by name). */
export function buildWorkflowGraph(workflow: string, parameters: YamlMap, ctx: BuildContext): TaskGraph {
  if (!isBuiltinWorkflow(workflow)) {
    const custom = ctx.plan.customWorkflows ?? {};
    if (Object.hasOwn(custom, workflow)) return customWorkflowGraph(workflow, custom[workflow]!, parameters, ctx);
    const declared = Object.keys(custom);
    throw new WorkflowError(
      `'${workflow}' is not a workflow of this deployment; built-ins: ${BUILTIN_WORKFLOWS.join(', ')}${declared.length > 0 ? `; the blueprint's: ${declared.join(', ')}` : ''}`,
      'unknown-workflow',
    );
  }
  for (const key of Object.keys(parameters)) {
    if (!ALLOWED_PARAMETERS[workflow].includes(key)) {
      throw new WorkflowError(`${workflow} has no parameter '${key}'; its parameters: ${ALLOWED_PARAMETERS[workflow].join(', ')}`, 'unknown-parameter');
    }
  }
  const filter = filterOf(parameters);
  const byOrder = bool(parameters['run_by_dependency_order'], 'run_by_dependency_order');
  switch (workflow) {
    case 'install':
      return installGraph(ctx, filter);
    case 'uninstall': {
      const ignore = bool(parameters['ignore_failure'], 'ignore_failure');
      return uninstallGraph(ctx, ignore === undefined ? filter : { ...filter, ignore_failure: ignore });
    }
    case 'start':
    case 'stop': {
      const parms = map(parameters['operation_parms'], 'operation_parms');
      return lifecycleOperationGraph(ctx, workflow, {
        ...filter,
        ...(byOrder === undefined ? {} : { run_by_dependency_order: byOrder }),
        ...(parms ? { operation_parms: parms } : {}),
      });
    }
    case 'restart': {
      const stop = map(parameters['stop_parms'], 'stop_parms');
      const start = map(parameters['start_parms'], 'start_parms');
      return restartGraph(ctx, {
        ...filter,
        ...(byOrder === undefined ? {} : { run_by_dependency_order: byOrder }),
        ...(stop ? { stop_parms: stop } : {}),
        ...(start ? { start_parms: start } : {}),
      });
    }
    case 'execute_operation': {
      const operation = parameters['operation'];
      if (typeof operation !== 'string') throw new WorkflowError("execute_operation needs 'operation'", 'missing-parameter');
      const kwargs = map(parameters['operation_kwargs'], 'operation_kwargs');
      const allow = bool(parameters['allow_kwargs_override'], 'allow_kwargs_override');
      return executeOperationGraph(ctx, {
        ...filter,
        operation,
        ...(kwargs ? { operation_kwargs: kwargs } : {}),
        ...(allow === undefined ? {} : { allow_kwargs_override: allow }),
        ...(byOrder === undefined ? {} : { run_by_dependency_order: byOrder }),
      });
    }
    case 'check_status':
      return checkStatusGraph(ctx, filter);
    case 'check_drift':
      return checkDriftGraph(ctx, filter);
  }
}
