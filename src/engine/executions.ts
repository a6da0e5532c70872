import { randomBytes } from 'node:crypto';
import { findOperation, type YamlMap } from '../dsl/index.js';
import { computeHostOf, hostOsOf, unsupportedReason, type DeploymentPlan, type PluginCatalog } from '../plan/index.js';
import {
  ACTIVE_EXECUTION_STATUSES,
  ConflictError,
  type ExecutionContext,
  type ExecutionRecord,
  type ExecutionTrigger,
  type StateStore,
  type TaskRecord,
} from '../state/index.js';
import { WorkflowError, type TaskSpec } from '../workflows/index.js';

/*
 * What every way of starting an execution shares (start, scale, update, heal): a leaf module, so
 * that those modules depend on it and not on each other.
 */

export function newExecutionId(): string {
  return `${new Date()
    .toISOString()
    .replace(/[-:TZ.]/g, '')
    .slice(0, 14)}-${randomBytes(4).toString('hex')}`;
}

/** Refuses to start anything while the deployment has an unfinished execution. */
export async function refuseIfActive(store: StateStore, deploymentId: string): Promise<void> {
  const active = (await store.listExecutions(deploymentId)).filter((e) => ACTIVE_EXECUTION_STATUSES.includes(e.status));
  const e = active.at(-1);
  if (e)
    throw new ConflictError(
      `deployment '${deploymentId}' has an unfinished execution ${e.id} (${e.workflow}, ${e.status}); resume it with 'isthmus executions resume ${e.id}' or cancel it`,
    );
}

/** Stores a new execution of `workflow` with its task graph (and what it must remember, if anything). */
export async function storeExecution(
  store: StateStore,
  deploymentId: string,
  workflow: string,
  parameters: YamlMap,
  tasks: TaskSpec[],
  context?: ExecutionContext,
  id: string = newExecutionId(),
  trigger?: ExecutionTrigger,
): Promise<ExecutionRecord> {
  const execution: ExecutionRecord = {
    deploymentId,
    id,
    workflow,
    parameters,
    ...(trigger ? { trigger } : {}),
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
  if (t.checkDrift) r.checkDrift = true;
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
    const op = findOperation(ifaces, t.operation);
    if (!op?.implementation) continue;
    const side = t.relationship?.side === 'target' ? nodeOf.get(t.relationship.targetId)! : node.id;
    const host = computeHostOf(side, nodes);
    const reason = unsupportedReason(op, plan.plugins, catalog, host, hostOsOf(host, nodes));
    if (reason) problems.add(`${node.id}: ${t.operation} → ${op.implementation} (${reason})`);
  }
  if (problems.size > 0) {
    const list = [...problems];
    throw new WorkflowError(
      `the workflow needs operations Isthmus cannot run; nothing was changed:\n  ${list.slice(0, 20).join('\n  ')}${list.length > 20 ? `\n  … and ${list.length - 20} more` : ''}`,
      'unsupported-operation',
    );
  }
}
