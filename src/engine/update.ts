import type { YamlMap } from '../dsl/index.js';
import { diffPlans, type DeploymentPlan, type PluginCatalog, type UpdateDiff } from '../plan/index.js';
import { ConflictError, type ExecutionRecord, type ExecutionTrigger, type StateStore, type UpdateContext } from '../state/index.js';
import { updateGraph, WorkflowError, type RetryDefaults } from '../workflows/index.js';
import { applyPlan, idsAvoiding } from './plan-change.js';
import { refuseIfActive, refuseUnsupported, storeExecution } from './executions.js';

/** What an update execution remembers to prepare, resume and finish the deployment. */

const UPDATE_PARAMETERS = ['preview', 'skip_install', 'skip_uninstall', 'skip_reinstall', 'reinstall_list', 'skip_drift_check', 'skip_heal', 'drift_only'];

export interface UpdateSource {
  /** The new blueprint, planned with fresh instance ids (the CLI or the action loads it). */
  plan: DeploymentPlan;
  inputs: YamlMap;
  blueprintFile: string;
  blueprintDigest: string;
  resources?: string;
}

export type UpdateStart = { preview: true; diff: UpdateDiff; taskCount: number } | { preview: false; diff: UpdateDiff; execution: ExecutionRecord };

/**
 * Starts a deployment update: diffs the stored plan against the new one, and either returns the
 * steps (`preview: true`) or stores an `update` execution. Nothing changes until it runs.
 */
export async function startUpdate(
  store: StateStore,
  deploymentId: string,
  source: UpdateSource,
  parameters: YamlMap,
  options: { retries?: RetryDefaults; catalog?: PluginCatalog; executionId?: string; drifted?: string[]; trigger?: ExecutionTrigger } = {},
): Promise<UpdateStart> {
  for (const k of Object.keys(parameters))
    if (!UPDATE_PARAMETERS.includes(k))
      throw new WorkflowError(`update has no parameter '${k}'; its parameters: ${UPDATE_PARAMETERS.join(', ')}`, 'unknown-parameter');
  const deployment = await store.getDeployment(deploymentId);
  if (!deployment) throw new WorkflowError(`deployment '${deploymentId}' does not exist`, 'unknown-deployment');
  // drift_only: the deployment stays on its own plan and inputs; only drifted instances change.
  if (parameters['drift_only'] === true)
    source = { plan: deployment.plan, inputs: deployment.inputs, blueprintFile: deployment.blueprintFile, blueprintDigest: deployment.blueprintDigest };
  const newId = idsAvoiding(deployment.plan);
  let diff: UpdateDiff;
  try {
    diff = diffPlans(deployment.plan, source.plan, newId);
  } catch (err) {
    throw new WorkflowError((err as Error).message, 'update');
  }
  const states = new Map((await store.listNodeInstances(deploymentId)).map((i) => [i.id, i.state]));
  const reinstall = parameters['reinstall_list'];
  const graph = updateGraph(
    diff,
    (id) => states.get(id) ?? 'uninitialized',
    {
      skip_install: parameters['skip_install'] === true,
      skip_uninstall: parameters['skip_uninstall'] === true,
      skip_reinstall: parameters['skip_reinstall'] === true,
      ...(Array.isArray(reinstall) ? { reinstall_list: reinstall.map(String) } : {}),
      ...(options.drifted?.length ? { drifted: options.drifted } : {}),
    },
    options.retries,
  );
  if (parameters['preview'] === true) return { preview: true, diff, taskCount: graph.tasks.length };
  await refuseIfActive(store, deploymentId);
  if (options.catalog) refuseUnsupported(diff.plan, graph.tasks, options.catalog);
  const context: UpdateContext = {
    plan: diff.plan,
    finalPlan: diff.finalPlan,
    added: diff.addedInstances,
    removed: diff.removedInstances,
    inputs: source.inputs,
    blueprintFile: source.blueprintFile,
    blueprintDigest: source.blueprintDigest,
    ...(source.resources ? { resources: source.resources } : {}),
  };
  const execution = await storeExecution(store, deploymentId, 'update', parameters, graph.tasks, { update: context }, options.executionId, options.trigger);
  return { preview: false, diff, execution };
}

function updateContextOf(e: ExecutionRecord): UpdateContext | undefined {
  return e.context?.update;
}

/** Before an update runs: added instances exist and the deployment runs with the merged plan. */
export async function prepareUpdate(store: StateStore, execution: ExecutionRecord): Promise<void> {
  const ctx = updateContextOf(execution);
  if (ctx) await applyPlan(store, execution.deploymentId, ctx.plan, ctx.added, ctx.resources ? { resources: ctx.resources } : {});
}

/** After an update succeeds: the final plan, inputs and blueprint become the deployment's. */
export async function finishUpdate(store: StateStore, execution: ExecutionRecord): Promise<void> {
  const ctx = updateContextOf(execution);
  if (!ctx) return;
  for (let i = 0; i < 5; i++) {
    const dep = await store.getDeployment(execution.deploymentId);
    if (!dep) return;
    try {
      await store.updateDeployment(dep.id, dep.version, {
        plan: ctx.finalPlan,
        inputs: ctx.inputs,
        blueprintFile: ctx.blueprintFile,
        blueprintDigest: ctx.blueprintDigest,
      });
      await store.deleteNodeInstances(dep.id, ctx.removed);
      return;
    } catch (err) {
      if (!(err instanceof ConflictError)) throw err;
    }
  }
}
