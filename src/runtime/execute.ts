import { isDeepStrictEqual } from 'node:util';
import path from 'node:path';
import { evaluateFunctions, findOperation, FunctionEvaluationError, isYamlMap, type YamlMap, type YamlValue } from '../dsl/index.js';
import { classifyImplementation, type DeploymentPlan, type PlannedNode } from '../plan/index.js';
import type { PluginRegistry } from '../plugins/registry.js';
import {
  InstanceConflictError,
  FencedError,
  type CheckDriftResult,
  type DeploymentRecord,
  type EventRecord,
  type NodeInstanceRecord,
  type NodeInstanceUpdate,
  type StateStore,
  type StepContext,
  type StepFence,
  type StepOutcome,
} from '../state/index.js';
import { ChildWorkRequest, OperationError, RetryRequest } from './errors.js';
import { Redactor } from './redact.js';
import { deploymentResolver, evaluateDeploymentOutputs } from './resolver.js';
import type { SecretsProvider } from './secrets.js';
import { SlotsClosedError, type OperationSlots } from './slots.js';
import type { PluginSettings } from '../settings.js';
import type { InstanceView, NodeView, OperationContext, OperationLogger, StepRequest } from './types.js';

export interface RuntimeDeps {
  store: StateStore;
  plugins: PluginRegistry;
  secrets: SecretsProvider;
  /** Directory scripts resolve against: the blueprint file's, or its shipped copy (AWS mode). */
  blueprintDir: (deployment: DeploymentRecord) => string | Promise<string>;
  /** Wall-clock limit of one step (Lambda's is 15 minutes; long waits use ctx.retry). */
  stepTimeoutMs?: number;
  /** Live copy of operation log events (local mode shows them as they happen). */
  onEvents?: (events: EventRecord[]) => void;
  /** Bounds operations running at once in this process (the engine's parallelism); see OperationSlots. */
  operationSlots?: OperationSlots;
  /** The process's configuration plugins read (`ctx.settings`), parsed once by the composition root. */
  settings: PluginSettings;
}

const MAX_CONFLICT_RETRIES = 5;

function nodeView(node: PlannedNode): NodeView {
  return { id: node.id, type: node.type, typeHierarchy: node.typeHierarchy, properties: node.properties };
}

function instanceView(record: NodeInstanceRecord): InstanceView {
  return {
    id: record.id,
    nodeId: record.nodeId,
    state: record.state,
    runtimeProperties: structuredClone(record.runtimeProperties) as Record<string, YamlValue>,
  };
}

/**
 * Executes one step (DESIGN.md "The step protocol"): loads the instance context, evaluates the
 * operation's inputs, runs the plugin, and records the outcome once with the instance's
 * runtime-property and state changes, atomically. A replayed request returns the recorded
 * outcome and never acts twice.
 */
export async function executeStep(request: StepRequest, deps: RuntimeDeps): Promise<StepOutcome> {
  const key = { executionId: request.executionId, taskId: request.taskId, attempt: request.attempt };
  const r = request.relationship;
  const context = await stepContext(deps.store, request, [request.nodeInstanceId, ...(r ? [r.side === 'source' ? r.targetId : r.sourceId] : [])]);
  // A request is only a pointer at a task the driver stored: a forged or stale one runs nothing.
  const refusal = refuseStep(request, context);
  if (refusal) return { status: 'failed', recoverable: false, error: refusal };
  if (context.step) return context.step;
  const task = context.task!;
  const fence = { deploymentId: request.deploymentId, executionId: request.executionId, fencingToken: request.fencingToken };

  const found = await loadDeployment(deps, request);
  if (!found) return { status: 'failed', recoverable: false, error: `deployment '${request.deploymentId}' does not exist` };
  const deployment: DeploymentRecord = found;
  const plan: DeploymentPlan = deployment.plan;
  const record = context.instances.get(request.nodeInstanceId);
  if (!record) return { status: 'failed', recoverable: false, error: `node instance '${request.nodeInstanceId}' does not exist` };
  const nodes = new Map(plan.nodes.map((n) => [n.id, n]));
  const node = nodes.get(record.nodeId)!;

  const redactor = new Redactor();
  const events: EventRecord[] = [];
  let seq = 0;
  const log = (level: EventRecord['level']) => (message: string) => {
    const at = new Date().toISOString();
    events.push({
      executionId: request.executionId,
      id: `${at}#${request.taskId}#${request.attempt}#${String(seq++).padStart(4, '0')}`,
      at,
      type: 'log',
      level,
      message: redactor.redact(message),
      nodeInstanceId: request.nodeInstanceId,
      taskId: request.taskId,
    });
  };
  const logger: OperationLogger = { debug: log('debug'), info: log('info'), warning: log('warning'), error: log('error') };

  const self = instanceView(record);
  const computeHostId = plan.nodeInstances.find((i) => i.id === self.id)?.computeHostId;
  if (computeHostId) self.computeHostId = computeHostId;
  let source: { node: NodeView; instance: InstanceView } | undefined;
  let target: { node: NodeView; instance: InstanceView } | undefined;
  /** The other end of a relationship operation, as read and as the operation left it. */
  let otherEnd: { record: NodeInstanceRecord; view: InstanceView } | undefined;
  let operation = findOperation(node.interfaces, request.operation);
  if (r) {
    const other = context.instances.get(r.side === 'source' ? r.targetId : r.sourceId);
    if (!other) return { status: 'failed', recoverable: false, error: `relationship end '${r.side === 'source' ? r.targetId : r.sourceId}' does not exist` };
    const otherView = instanceView(other);
    otherEnd = { record: other, view: otherView };
    const sourceView = r.side === 'source' ? self : otherView;
    const targetView = r.side === 'source' ? otherView : self;
    const sourceNode = nodes.get(sourceView.nodeId)!;
    const targetNode = nodes.get(targetView.nodeId)!;
    source = { node: nodeView(sourceNode), instance: sourceView };
    target = { node: nodeView(targetNode), instance: targetView };
    const rel = sourceNode.relationships.find((x) => x.type === r.type && x.target === targetNode.id);
    operation = rel ? findOperation(r.side === 'source' ? rel.sourceInterfaces : rel.targetInterfaces, request.operation) : undefined;
  }

  let outcome: StepOutcome;
  if (!operation?.implementation) {
    outcome = { status: 'succeeded' };
  } else {
    try {
      outcome = deps.operationSlots ? await deps.operationSlots.run(runOperation) : await runOperation();
    } catch (err) {
      // Refused a slot: the operation never ran, so there is nothing to record.
      if (err instanceof SlotsClosedError) return { status: 'failed', recoverable: true, notStarted: true, error: err.message };
      throw err;
    }
  }

  async function runOperation(): Promise<StepOutcome> {
    const implementation = operation!.implementation;
    const implementationTarget = classifyImplementation(implementation, plan.plugins);
    const fn = deps.plugins.resolve(implementationTarget);
    // Cloudify's executor: the operation's own, else its plugin's (scripts: the script plugin's).
    const pluginName = implementationTarget.kind === 'script' ? 'script' : implementationTarget.kind === 'plugin' ? implementationTarget.plugin : '';
    const executor = operation!.executor ?? plan.plugins[pluginName]?.executor;
    if (!fn)
      return {
        status: 'failed',
        recoverable: false,
        error: `no Isthmus implementation for '${implementation}' (${request.operation} on ${request.nodeInstanceId})`,
      };
    const resolver = deploymentResolver({
      store: deps.store,
      deployment,
      secrets: deps.secrets,
      onSecret: (v) => redactor.add(v),
      self: { instance: self, nodeId: self.nodeId },
      ...(source ? { source: { instance: source.instance, nodeId: source.node.id } } : {}),
      ...(target ? { target: { instance: target.instance, nodeId: target.node.id } } : {}),
    });
    const controller = new AbortController();
    const timeoutMs = Math.min(deps.stepTimeoutMs ?? 14 * 60_000, operation!.timeout ? operation!.timeout * 1000 : Infinity);
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      const inputs = (await evaluateFunctions({ ...operation!.inputs, ...(task.inputs ?? {}) }, resolver)) as YamlMap;
      const ctx: OperationContext = {
        deployment: { id: deployment.id },
        blueprint: { id: path.basename(deployment.blueprintFile).replace(/\.ya?ml$/, '') },
        execution: { id: request.executionId, workflowId: request.workflow ?? '' },
        node: nodeView(node),
        instance: self,
        ...(source ? { source } : {}),
        ...(target ? { target } : {}),
        operation: {
          name: request.operation,
          retryNumber: request.attempt,
          maxRetries: task.maxRetries ?? -1,
          implementation,
          ...(executor ? { executor } : {}),
        },
        inputs,
        logger,
        retry: (message, afterSeconds) => {
          throw new RetryRequest(message, afterSeconds);
        },
        blueprintDir: await deps.blueprintDir(deployment),
        settings: deps.settings,
        signal: controller.signal,
        relationships: (plan.nodeInstances.find((i) => i.id === self.id)?.relationships ?? []).map((rel) => ({
          type: rel.type,
          typeHierarchy: rel.typeHierarchy,
          target: { node: nodeView(nodes.get(rel.targetNode)!), instanceId: rel.targetId },
        })),
        evaluate: (value) => evaluateFunctions(value, resolver),
        secrets: {
          get: async (name) => {
            const value = await deps.secrets.get(name);
            if (value !== undefined) redactor.addValue(value);
            return value;
          },
          put: async (name, value, options) => {
            redactor.add(value);
            await deps.secrets.put(name, value, options);
          },
          delete: (name) => deps.secrets.delete(name),
        },
        readDeployment: async (id, options = {}) => {
          const other = await deps.store.getDeployment(id);
          if (!other) return undefined;
          const unhealthy = options.health
            ? (await deps.store.listNodeInstances(id))
                .filter((i) => i.lastCheckStatus?.ok === false)
                .map((i) => ({ id: i.id, ...(i.lastCheckStatus?.message ? { message: redactor.redact(i.lastCheckStatus.message) } : {}) }))
            : undefined;
          return {
            id: other.id,
            status: other.status,
            capabilities: await evaluateDeploymentOutputs(deps.store, other, deps.secrets, 'capabilities'),
            ...(other.parent ? { parent: other.parent } : {}),
            ...(unhealthy ? { unhealthy } : {}),
          };
        },
        readExecution: async (deploymentId, executionId) => {
          const e = await deps.store.getExecution(deploymentId, executionId);
          return e ? { id: e.id, workflow: e.workflow, status: e.status, ...(e.error ? { error: redactor.redact(e.error) } : {}) } : undefined;
        },
        containsSecret: (value) => {
          const text = JSON.stringify(value);
          return redactor.redact(text) !== text;
        },
        awaitChild: (request) => {
          throw new ChildWorkRequest(request);
        },
        readNode: (id) => {
          const found = nodes.get(id);
          return found ? nodeView(found) : undefined;
        },
        readInstance: async (id) => {
          const found = await deps.store.getNodeInstance(deployment.id, id);
          return found ? instanceView(found) : undefined;
        },
      };
      const result = await fn(ctx);
      return result === undefined ? { status: 'succeeded' } : { status: 'succeeded', result: redactor.redactValue(result) };
    } catch (err) {
      // The child request is the driver's to read verbatim (a child's inputs may hold secrets; steps and the driver share the state).
      if (err instanceof ChildWorkRequest) return { status: 'retry', error: err.message, child: err.request };
      if (err instanceof RetryRequest) {
        logger.info(`retry requested: ${err.message}`);
        return { status: 'retry', error: redactor.redact(err.message), ...(err.afterSeconds !== undefined ? { retryAfter: err.afterSeconds } : {}) };
      }
      if (err instanceof OperationError) return { status: 'failed', recoverable: err.recoverable, error: redactor.redact(err.message) };
      if (err instanceof FunctionEvaluationError) return { status: 'failed', recoverable: false, error: redactor.redact(err.message) };
      // Unknown exceptions are recoverable, as in Cloudify.
      return { status: 'failed', recoverable: true, error: redactor.redact((err as Error).message ?? String(err)) };
    } finally {
      clearTimeout(timer);
    }
  }

  // The instance change: runtime properties the operation set, the state it reached, its health.
  const update: NodeInstanceUpdate = {};
  if (!isDeepStrictEqual(self.runtimeProperties, record.runtimeProperties)) update.runtimeProperties = self.runtimeProperties;
  if (outcome.status === 'succeeded' && task.setState) update.state = task.setState;
  if (task.checkStatus && outcome.status !== 'retry') {
    update.lastCheckStatus = { ok: outcome.status === 'succeeded', at: new Date().toISOString(), ...(outcome.error ? { message: outcome.error } : {}) };
  }
  if (task.checkDrift && outcome.status !== 'retry') update.lastCheckDrift = driftOf(outcome);
  // A relationship operation may change the other end's runtime properties too (Cloudify saves both).
  const others: PendingChange[] = [];
  if (otherEnd && outcome.status === 'succeeded' && !isDeepStrictEqual(otherEnd.view.runtimeProperties, otherEnd.record.runtimeProperties)) {
    others.push({ original: otherEnd.record, update: { runtimeProperties: otherEnd.view.runtimeProperties } });
  }
  let recorded: Awaited<ReturnType<typeof recordWithRetries>>;
  try {
    recorded = await recordWithRetries(deps.store, key, outcome, request.deploymentId, [{ original: record, update }, ...others], fence);
  } catch (err) {
    // Another driver took the deployment while this step ran: it decides what happens next.
    if (err instanceof FencedError) return { status: 'failed', recoverable: true, error: err.message };
    throw err;
  }
  if (events.length > 0 && recorded.recorded) {
    deps.onEvents?.(events);
    await deps.store.appendEvents(events);
  }
  return recorded.instance ? { ...recorded.outcome, instance: recorded.instance } : recorded.outcome;
}

/**
 * What a check_drift operation reported: `{drifted, differences}` (the Kubernetes plugin's, and any
 * plugin's that follows it), else a boolean `drifted`; anything else, or a failure, is unknown.
 */
function driftOf(outcome: StepOutcome): CheckDriftResult {
  const at = new Date().toISOString();
  if (outcome.status !== 'succeeded') return { state: 'unknown', at, ...(outcome.error ? { message: outcome.error } : {}) };
  const result = outcome.result ?? null;
  const drifted = isYamlMap(result) ? result['drifted'] : result;
  if (typeof drifted !== 'boolean') return { state: 'unknown', at, message: 'the check reported no drifted: true|false' };
  const differences = isYamlMap(result) ? result['differences'] : undefined;
  return { state: drifted ? 'drifted' : 'in_sync', at, ...(drifted && differences !== undefined ? { differences } : {}) };
}

/**
 * The step's recorded outcome (a replay), its stored task, the deployment's lock and the
 * instances it reads, in one read. A first send that comes with the instances uses those (nothing
 * can be recorded for an attempt never sent before); the task and the lock are always read.
 */
async function stepContext(store: StateStore, request: StepRequest, ids: string[]): Promise<StepContext> {
  const given = request.firstSend && request.instances ? new Map(request.instances.map((i) => [i.id, i])) : undefined;
  const useGiven = given !== undefined && ids.every((id) => given.has(id));
  const read = await store.getStepContext(
    { executionId: request.executionId, taskId: request.taskId, attempt: request.attempt },
    request.deploymentId,
    useGiven ? [] : ids,
  );
  return useGiven ? { ...read, instances: given } : read;
}

/**
 * Why a step request must not run, if it must not: it names no stored task of its execution, or
 * a different operation, instance or relationship than that task, or the deployment's lock is not
 * its execution's with its fencing token (an unknown or finished execution, a driver that lost
 * the lock). The step Lambda acts only on what a driver holding the lock stored.
 */
export function refuseStep(request: StepRequest, context: StepContext): string | undefined {
  const { task, lock } = context;
  const what = `step ${request.taskId} of execution ${request.executionId}`;
  if (!task || task.executionId !== request.executionId) return `refused ${what}: no such task in that execution`;
  if (task.kind !== 'operation' || task.operation !== request.operation || task.nodeInstanceId !== request.nodeInstanceId)
    return `refused ${what}: the request does not match the stored task (${task.operation ?? task.kind} on ${task.nodeInstanceId})`;
  if (!isDeepStrictEqual(task.relationship ?? null, request.relationship ?? null))
    return `refused ${what}: the request's relationship does not match the stored task`;
  if (!lock || lock.executionId !== request.executionId || lock.deploymentId !== request.deploymentId)
    return `refused ${what}: the execution does not hold deployment '${request.deploymentId}' (not running, or another execution does)`;
  if (lock.fencingToken !== request.fencingToken)
    return `refused ${what}: fencing token ${request.fencingToken} is not the lock's (${lock.fencingToken}); another driver took over`;
  return undefined;
}

/** Per store (one table), so every copy of the runtime's dependencies shares it. */
const deploymentCache = new WeakMap<StateStore, Map<string, Promise<DeploymentRecord | undefined>>>();

/**
 * The deployment (and its plan) of a step; a warm runtime reuses it while the version matches.
 * Concurrent steps share one read: the first step of a run otherwise has many siblings all
 * reading the same (large) item at once.
 */
async function loadDeployment(deps: RuntimeDeps, request: StepRequest): Promise<DeploymentRecord | undefined> {
  let cache = deploymentCache.get(deps.store);
  if (!cache) {
    cache = new Map();
    deploymentCache.set(deps.store, cache);
  }
  const key = `${request.deploymentId}@${request.deploymentVersion ?? ''}`;
  const cached = request.deploymentVersion !== undefined ? cache.get(key) : undefined;
  if (cached) {
    const found = await cached;
    if (found?.version === request.deploymentVersion) return found;
  }
  const reading = deps.store.getDeployment(request.deploymentId);
  if (request.deploymentVersion !== undefined) {
    if (cache.size > 100) cache.clear();
    cache.set(key, reading);
    // A failed read is not kept.
    reading.catch(() => cache.delete(key));
  }
  return reading;
}

/** An instance a step changes: the record it read and what it changed. */
interface PendingChange {
  original: NodeInstanceRecord;
  update: NodeInstanceUpdate;
}

/**
 * Records the step with its instance changes (its own instance first). On a version conflict
 * (another step touched one of them), re-reads that instance and re-applies our change to it.
 */
async function recordWithRetries(
  store: StateStore,
  key: { executionId: string; taskId: string; attempt: number },
  outcome: StepOutcome,
  deploymentId: string,
  pending: PendingChange[],
  fence: StepFence,
): Promise<{ recorded: boolean; outcome: StepOutcome; instance?: NodeInstanceRecord }> {
  const own = pending[0]!;
  const changing = pending.filter((p) => Object.keys(p.update).length > 0);
  if (changing.length === 0) {
    const done = await store.recordStep(key, outcome, undefined, fence);
    return done.recorded ? { ...done, instance: own.original } : done;
  }
  const bases = new Map(changing.map((p) => [p.original.id, p.original]));
  for (let i = 0; ; i++) {
    const changes = changing.map((p) => {
      const base = bases.get(p.original.id)!;
      const update = { ...p.update };
      if (p.update.runtimeProperties && base !== p.original)
        update.runtimeProperties = rebase(p.original.runtimeProperties, p.update.runtimeProperties, base.runtimeProperties);
      return { deploymentId, id: p.original.id, expectedVersion: base.version, update };
    });
    try {
      const done = await store.recordStep(key, outcome, changes, fence);
      if (!done.recorded) return done;
      // What the conditional write stored for the step's own instance: the record it was based on, changed, one version on.
      const mine = changes.find((c) => c.id === own.original.id);
      const base = bases.get(own.original.id) ?? own.original;
      return { ...done, instance: mine ? { ...base, ...mine.update, version: base.version + 1 } : own.original };
    } catch (err) {
      if (!(err instanceof InstanceConflictError) || i >= MAX_CONFLICT_RETRIES) throw err;
      const fresh = await store.getNodeInstance(deploymentId, err.instanceId);
      if (!fresh) throw err;
      bases.set(err.instanceId, fresh);
    }
  }
}

/**
 * Applies what an operation changed (relative to what it read) onto the latest properties,
 * key by key and into nested mappings, so concurrent steps on one instance (relationship
 * operations run in parallel) do not erase each other's changes.
 */
export function rebase(read: YamlMap, written: YamlMap, latest: YamlMap): YamlMap {
  const out: YamlMap = { ...latest };
  for (const k of new Set([...Object.keys(read), ...Object.keys(written)])) {
    const before = read[k];
    const after = written[k];
    if (isDeepStrictEqual(before, after)) continue;
    if (!(k in written)) {
      delete out[k];
      continue;
    }
    const current = out[k];
    if (isPlainMap(after) && isPlainMap(current) && (before === undefined || isPlainMap(before))) out[k] = rebase(before ?? {}, after, current);
    else if (Array.isArray(after) && Array.isArray(current) && (before === undefined || Array.isArray(before)))
      out[k] = rebaseList(before ?? [], after, current);
    else out[k] = after ?? null;
  }
  return out;
}

/**
 * A list both this step and another changed (three operations each appending themselves to a load
 * balancer's `members`): the items this step added are added to the latest list and the items it
 * removed are removed from it; the latest list's order is kept.
 */
function rebaseList(read: YamlValue[], written: YamlValue[], latest: YamlValue[]): YamlValue[] {
  const key = (v: YamlValue) => JSON.stringify(v);
  const before = new Set(read.map(key));
  const after = new Set(written.map(key));
  const removed = new Set([...before].filter((k) => !after.has(k)));
  const out = latest.filter((v) => !removed.has(key(v)));
  const present = new Set(out.map(key));
  for (const v of written) if (!before.has(key(v)) && !present.has(key(v))) out.push(v);
  return out;
}

function isPlainMap(v: YamlValue | undefined): v is YamlMap {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

export function blueprintDirOf(deployment: DeploymentRecord, root: string = process.cwd()): string {
  return path.dirname(path.resolve(root, deployment.blueprintFile));
}
