import type { YamlMap } from '../dsl/index.js';
import type { PluginCatalog } from '../plan/index.js';
import type { ExecutionRecord } from '../state/index.js';
import { WorkflowError, type RetryDefaults } from '../workflows/index.js';
import { runExecution, type EngineDeps, type RunOptions } from './engine.js';
import { runHeal, type HealRun } from './heal.js';
import { startExecution } from './start.js';

/** What ran before an update, and what it found. */
export interface PreUpdate {
  heal?: HealRun;
  driftCheck?: ExecutionRecord;
  /** Instances check_drift found drifted (and that heal did not already replace). */
  drifted: string[];
  /** A phase that could not run (an operation Isthmus cannot run, a check that failed), and why. */
  notes: string[];
}

type Options = RunOptions & { retries?: RetryDefaults; catalog?: PluginCatalog };

/**
 * check_drift over a deployment: runs the workflow and returns the instances it found drifted in
 * this run (an older report does not count).
 */
export async function runDriftCheck(
  deps: EngineDeps,
  deploymentId: string,
  options: Options = {},
): Promise<{ execution: ExecutionRecord; drifted: string[]; checked: string[] }> {
  const started = await startExecution(deps.store, { deploymentId, workflow: 'check_drift', ...(options.catalog ? { catalog: options.catalog } : {}) });
  const execution = await runExecution(deps, deploymentId, started.id, options);
  const since = started.createdAt;
  const reported = (await deps.store.listNodeInstances(deploymentId)).filter((i) => i.lastCheckDrift && i.lastCheckDrift.at >= since);
  return { execution, drifted: reported.filter((i) => i.lastCheckDrift?.state === 'drifted').map((i) => i.id), checked: reported.map((i) => i.id) };
}

/**
 * Cloudify's update phases before the change itself: heal what check_status finds unhealthy
 * (unless skip_heal), then check drift (unless skip_drift_check; always for drift_only), so the
 * update also brings drifted instances back to the blueprint. A preview runs neither: it changes
 * nothing and asks nothing of the targets.
 */
export async function runPreUpdate(deps: EngineDeps, deploymentId: string, parameters: YamlMap, options: Options = {}): Promise<PreUpdate> {
  const notes: string[] = [];
  if (parameters['preview'] === true) return { drifted: [], notes };
  const driftOnly = parameters['drift_only'] === true;
  let heal: HealRun | undefined;
  if (parameters['skip_heal'] !== true) {
    try {
      heal = await runHeal(deps, deploymentId, {}, options);
    } catch (err) {
      // A deployment whose checks cannot run is updated anyway; the note says heal did not happen.
      if (!(err instanceof WorkflowError)) throw err;
      notes.push(`heal before the update did not run: ${err.message}`);
    }
  }
  if (parameters['skip_drift_check'] === true && !driftOnly) return { ...(heal ? { heal } : {}), drifted: [], notes };
  let check: { execution: ExecutionRecord; drifted: string[]; checked: string[] } | undefined;
  try {
    check = await runDriftCheck(deps, deploymentId, options);
  } catch (err) {
    if (!(err instanceof WorkflowError) || driftOnly) throw err;
    notes.push(`the drift check before the update did not run: ${err.message}`);
  }
  const healed = new Set(heal?.healed ?? []);
  return {
    ...(heal ? { heal } : {}),
    ...(check ? { driftCheck: check.execution } : {}),
    drifted: (check?.drifted ?? []).filter((id) => !healed.has(id)),
    notes,
  };
}
