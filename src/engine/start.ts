import { createHash } from 'node:crypto';
import type { YamlMap } from '../dsl/index.js';
import type { PluginCatalog } from '../plan/index.js';
import {
  ACTIVE_EXECUTION_STATUSES,
  ConflictError,
  type DeploymentRecord,
  type ExecutionRecord,
  type ExecutionTrigger,
  type NodeInstanceRecord,
  type StateStore,
} from '../state/index.js';
import { refuseIfActive, refuseUnsupported, storeExecution } from './executions.js';
import { startScale } from './scale.js';
import { buildWorkflowGraph, SCALE_LIST_TASKS, WorkflowError, type RetryDefaults } from '../workflows/index.js';
import { startScaleList } from './scale-list.js';

/** Creates a deployment and its node instances (all `uninitialized`) from a plan. */
export async function createDeployment(
  store: StateStore,
  input: Pick<DeploymentRecord, 'id' | 'blueprintFile' | 'blueprintDigest' | 'resources' | 'inputs' | 'plan' | 'parent' | 'sensitiveInputs'>,
): Promise<DeploymentRecord> {
  const now = new Date().toISOString();
  const deployment: DeploymentRecord = { ...input, outputs: {}, status: 'created', createdAt: now, updatedAt: now, version: 1 };
  const instances: NodeInstanceRecord[] = input.plan.nodeInstances.map((i) => ({
    deploymentId: input.id,
    id: i.id,
    nodeId: i.nodeId,
    ...(i.hostId ? { hostId: i.hostId } : {}),
    state: 'uninitialized',
    runtimeProperties: {},
    version: 1,
  }));
  await store.createDeployment(deployment, instances);
  return deployment;
}

export function digestOf(...parts: string[]): string {
  const h = createHash('sha256');
  for (const p of parts) h.update(p).update('\u0000');
  return h.digest('hex');
}

export interface StartOptions {
  deploymentId: string;
  workflow: string;
  parameters?: YamlMap;
  retries?: RetryDefaults;
  /** What can run; tasks needing anything else are refused before the execution is created. */
  catalog?: PluginCatalog;
  /** The new execution's id (a Component's child execution has one its operation can find); default a fresh one. */
  executionId?: string;
  /** Who or what starts it (kept in the deployment's history). */
  trigger?: ExecutionTrigger;
}

/**
 * Builds a workflow's task graph from the deployment's plan and instance states and stores it
 * as a new execution. Refuses (before writing anything) when another execution is active or
 * an operation has no implementation.
 */
export async function startExecution(store: StateStore, options: StartOptions): Promise<ExecutionRecord> {
  if (options.workflow === 'scale') {
    return startScale(store, options.deploymentId, options.parameters ?? {}, {
      ...(options.retries ? { retries: options.retries } : {}),
      ...(options.catalog ? { catalog: options.catalog } : {}),
    });
  }
  const deployment = await store.getDeployment(options.deploymentId);
  if (!deployment) throw new WorkflowError(`deployment '${options.deploymentId}' does not exist`, 'unknown-deployment');
  const custom = deployment.plan.customWorkflows?.[options.workflow];
  if (custom && SCALE_LIST_TASKS.includes(custom.task)) {
    return startScaleList(store, deployment.id, options.workflow, options.parameters ?? {}, {
      ...(options.retries ? { retries: options.retries } : {}),
      ...(options.catalog ? { catalog: options.catalog } : {}),
    });
  }
  await refuseIfActive(store, deployment.id);
  const instances = await store.listNodeInstances(deployment.id);
  const states = new Map(instances.map((i) => [i.id, i.state]));
  const parameters = options.parameters ?? {};
  const graph = buildWorkflowGraph(options.workflow, parameters, {
    plan: deployment.plan,
    stateOf: (id) => states.get(id) ?? 'uninitialized',
    ...(options.retries ? { retries: options.retries } : {}),
  });
  if (options.catalog) refuseUnsupported(deployment.plan, graph.tasks, options.catalog);
  return storeExecution(store, deployment.id, options.workflow, parameters, graph.tasks, undefined, options.executionId, options.trigger);
}

/** Asks a running execution to stop: gracefully (in-flight tasks finish) or by force. */
export async function cancelExecution(store: StateStore, executionId: string, force = false): Promise<ExecutionRecord> {
  for (let i = 0; i < 5; i++) {
    const e = await store.findExecution(executionId);
    if (!e) throw new WorkflowError(`execution '${executionId}' does not exist`, 'unknown-execution');
    if (!ACTIVE_EXECUTION_STATUSES.includes(e.status)) return e;
    try {
      return await store.updateExecution(e.deploymentId, e.id, e.version, { status: force ? 'force_cancelling' : 'cancelling' });
    } catch (err) {
      if (!(err instanceof ConflictError)) throw err;
    }
  }
  throw new ConflictError(`execution '${executionId}' kept changing; try again`);
}
