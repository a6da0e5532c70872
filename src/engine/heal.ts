import type { YamlMap } from '../dsl/index.js';
import type { PluginCatalog } from '../plan/index.js';
import type { ExecutionRecord, StateStore } from '../state/index.js';
import { healGraph, WorkflowError, type RetryDefaults } from '../workflows/index.js';
import { runExecution, type EngineDeps, type RunOptions } from './engine.js';
import { refuseIfActive, refuseUnsupported, storeExecution } from './executions.js';
import { startExecution } from './start.js';

const HEAL_PARAMETERS = ['node_instance_id', 'check_status', 'diagnose_value', 'ignore_failure', 'allow_reinstall', 'force_reinstall'];

export interface HealRun {
  /** The check_status execution run first (when asked to check). */
  check?: ExecutionRecord;
  heal: ExecutionRecord;
  /** Instances found unhealthy and healed. */
  healed: string[];
}

/**
 * Heal: check_status first (unless told not to, or forced), then heal or reinstall what is
 * unhealthy. Both parts are stored executions, so either can be resumed; a heal with nothing
 * unhealthy is recorded too (with no tasks), which is what a scheduled sweep reports.
 */
export async function runHeal(
  deps: EngineDeps,
  deploymentId: string,
  parameters: YamlMap,
  options: RunOptions & { retries?: RetryDefaults; catalog?: PluginCatalog; healExecutionId?: string } = {},
): Promise<HealRun> {
  for (const k of Object.keys(parameters)) {
    if (!HEAL_PARAMETERS.includes(k))
      throw new WorkflowError(`heal has no parameter '${k}'; its parameters: ${HEAL_PARAMETERS.join(', ')}`, 'unknown-parameter');
  }
  const { store } = deps;
  const deployment = await store.getDeployment(deploymentId);
  if (!deployment) throw new WorkflowError(`deployment '${deploymentId}' does not exist`, 'unknown-deployment');
  const target = parameters['node_instance_id'];
  if (target !== undefined && target !== null && (typeof target !== 'string' || !deployment.plan.nodeInstances.some((i) => i.id === target))) {
    throw new WorkflowError(`node instance '${String(target)}' does not exist in deployment '${deploymentId}'`, 'unknown-instance');
  }
  const force = parameters['force_reinstall'] === true;
  const check = parameters['check_status'] !== false && !force;
  let checkExecution: ExecutionRecord | undefined;
  if (check) {
    const started = await startExecution(store, {
      deploymentId,
      workflow: 'check_status',
      parameters: typeof target === 'string' ? { node_instance_ids: [target] } : {},
      ...(options.healExecutionId ? { executionId: `${options.healExecutionId}.check` } : {}),
    });
    checkExecution = await runExecution(deps, deploymentId, started.id, options);
    if (checkExecution.status !== 'terminated') throw new WorkflowError(`check_status before heal ended ${checkExecution.status}`, 'check-failed');
  }
  const instances = await store.listNodeInstances(deploymentId);
  let failing: string[];
  if (typeof target === 'string') failing = !check || instances.find((i) => i.id === target)?.lastCheckStatus?.ok === false ? [target] : [];
  else failing = check ? instances.filter((i) => i.lastCheckStatus?.ok === false).map((i) => i.id) : instances.map((i) => i.id);
  const healExecution = await startHealExecution(store, deploymentId, parameters, failing, {
    ...options,
    ...(options.healExecutionId ? { executionId: options.healExecutionId } : {}),
  });
  const heal = await runExecution(deps, deploymentId, healExecution.id, options);
  return { ...(checkExecution ? { check: checkExecution } : {}), heal, healed: failing };
}

export async function startHealExecution(
  store: StateStore,
  deploymentId: string,
  parameters: YamlMap,
  failing: string[],
  options: { retries?: RetryDefaults; catalog?: PluginCatalog; executionId?: string } = {},
): Promise<ExecutionRecord> {
  const deployment = await store.getDeployment(deploymentId);
  if (!deployment) throw new WorkflowError(`deployment '${deploymentId}' does not exist`, 'unknown-deployment');
  await refuseIfActive(store, deploymentId);
  const states = new Map((await store.listNodeInstances(deploymentId)).map((i) => [i.id, i.state]));
  const graph = healGraph(deployment.plan, failing, (id) => states.get(id) ?? 'uninitialized', {
    forceReinstall: parameters['force_reinstall'] === true,
    allowReinstall: parameters['allow_reinstall'] !== false,
    ignoreFailure: parameters['ignore_failure'] !== false,
    ...(options.retries ? { retries: options.retries } : {}),
  });
  if (options.catalog) refuseUnsupported(deployment.plan, graph.tasks, options.catalog);
  return storeExecution(store, deploymentId, 'heal', parameters, graph.tasks, { heal: { failing } }, options.executionId);
}
