import { createHash, randomBytes } from 'node:crypto';
import type { YamlMap } from '../dsl/index.js';
import { unsupportedReason, type DeploymentPlan, type PluginCatalog } from '../plan/index.js';
import { ACTIVE_EXECUTION_STATUSES, ConflictError, type DeploymentRecord, type ExecutionRecord, type NodeInstanceRecord, type StateStore, type TaskRecord } from '../state/index.js';
import { startScale } from './scale.js';
import { buildWorkflowGraph, WorkflowError, type InstanceState, type RetryDefaults, type TaskSpec } from '../workflows/index.js';

export function newExecutionId(): string {
  return `${new Date().toISOString().replace(/[-:TZ.]/g, '').slice(0, 14)}-${randomBytes(4).toString('hex')}`;
}

/** Creates a deployment and its node instances (all `uninitialized`) from a plan. */
export async function createDeployment(
  store: StateStore,
  input: { id: string; blueprintFile: string; blueprintDigest: string; resources?: string; inputs: YamlMap; plan: DeploymentPlan },
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
}

/**
 * Builds a workflow's task graph from the deployment's plan and instance states and stores it
 * as a new execution. Refuses (before writing anything) when another execution is active or
 * an operation has no implementation.
 */
export async function startExecution(store: StateStore, options: StartOptions): Promise<ExecutionRecord> {
  if (options.workflow === 'scale') {
    return startScale(store, options.deploymentId, options.parameters ?? {}, { ...(options.retries ? { retries: options.retries } : {}), ...(options.catalog ? { catalog: options.catalog } : {}) });
  }
  const deployment = await store.getDeployment(options.deploymentId);
  if (!deployment) throw new WorkflowError(`deployment '${options.deploymentId}' does not exist`, 'unknown-deployment');
  const active = (await store.listExecutions(deployment.id)).filter((e) => ACTIVE_EXECUTION_STATUSES.includes(e.status));
  if (active.length > 0) {
    const e = active[active.length - 1]!;
    throw new ConflictError(`deployment '${deployment.id}' has an unfinished execution ${e.id} (${e.workflow}, ${e.status}); resume it with 'isthmus executions resume ${e.id}' or cancel it`);
  }
  const instances = await store.listNodeInstances(deployment.id);
  const states = new Map(instances.map((i) => [i.id, i.state as InstanceState]));
  const parameters = options.parameters ?? {};
  const graph = buildWorkflowGraph(options.workflow, parameters, {
    plan: deployment.plan,
    stateOf: (id) => states.get(id) ?? 'uninitialized',
    ...(options.retries ? { retries: options.retries } : {}),
  });
  if (options.catalog) refuseUnsupported(deployment.plan, graph.tasks, options.catalog);
  return storeExecution(store, deployment.id, options.workflow, parameters, graph.tasks);
}

/** Stores a new execution of `workflow` with its task graph (and what it must remember, if anything). */
export async function storeExecution(store: StateStore, deploymentId: string, workflow: string, parameters: YamlMap, tasks: TaskSpec[], context?: YamlMap): Promise<ExecutionRecord> {
  const id = newExecutionId();
  const execution: ExecutionRecord = {
    deploymentId,
    id,
    workflow,
    parameters,
    status: 'pending',
    createdAt: new Date().toISOString(),
    taskCount: tasks.length,
    ...(context ? { context } : {}),
    version: 1,
  };
  await store.createExecution(execution, toTaskRecords(id, tasks));
  return execution;
}

export function toTaskRecords(executionId: string, tasks: TaskSpec[]): TaskRecord[] {
  return tasks.map((t) => toRecord(executionId, t));
}

function toRecord(executionId: string, t: TaskSpec): TaskRecord {
  const r: TaskRecord = {
    executionId,
    id: t.id,
    kind: t.kind,
    nodeInstanceId: t.nodeInstanceId,
    dependsOn: t.dependsOn,
    status: 'pending',
    attempt: 0,
    maxRetries: t.maxRetries,
    retryInterval: t.retryInterval,
    version: 1,
  };
  if (t.operation) r.operation = t.operation;
  if (t.relationship) r.relationship = t.relationship;
  if (t.setState) r.setState = t.setState;
  if (t.checkStatus) r.checkStatus = true;
  if (t.inputs) r.inputs = t.inputs;
  if (t.ignoreFailure) r.ignoreFailure = true;
  return r;
}

/** A workflow that would run an operation Isthmus cannot execute refuses before touching anything. */
export function refuseUnsupported(plan: DeploymentPlan, tasks: TaskSpec[], catalog: PluginCatalog): void {
  const nodes = new Map(plan.nodes.map((n) => [n.id, n]));
  const nodeOf = new Map(plan.nodeInstances.map((i) => [i.id, i.nodeId]));
  const problems = new Set<string>();
  for (const t of tasks) {
    if (t.kind !== 'operation' || !t.operation) continue;
    const node = nodes.get(nodeOf.get(t.relationship ? t.relationship.sourceId : t.nodeInstanceId)!)!;
    let ifaces = node.interfaces;
    if (t.relationship) {
      const targetNode = nodeOf.get(t.relationship.targetId);
      const rel = node.relationships.find((r) => r.type === t.relationship!.type && r.target === targetNode);
      ifaces = (t.relationship.side === 'source' ? rel?.sourceInterfaces : rel?.targetInterfaces) ?? {};
    }
    const dot = t.operation.lastIndexOf('.');
    const op = ifaces[t.operation.slice(0, dot)]?.[t.operation.slice(dot + 1)];
    if (!op?.implementation) continue;
    const reason = unsupportedReason(op, plan.plugins, catalog);
    if (reason) problems.add(`${node.id}: ${t.operation} → ${op.implementation} (${reason})`);
  }
  if (problems.size > 0) {
    const list = [...problems];
    throw new WorkflowError(`the workflow needs operations Isthmus cannot run; nothing was changed:\n  ${list.slice(0, 20).join('\n  ')}${list.length > 20 ? `\n  … and ${list.length - 20} more` : ''}`, 'unsupported-operation');
  }
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
