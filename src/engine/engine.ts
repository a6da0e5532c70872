import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { YamlMap } from '../dsl/index.js';
import type { StepInvoker } from '../invoke/index.js';
import { OperationSlots } from '../runtime/slots.js';
import type { StepOutcome, StepRequest } from '../runtime/types.js';
import {
  ConflictError,
  type ChildRequest,
  type DeploymentRecord,
  type EventRecord,
  type ExecutionRecord,
  type LockRecord,
  type NodeInstanceRecord,
  type StateStore,
  type TaskRecord,
} from '../state/index.js';
import { EventSink } from './events.js';
import { decideOutcome } from './retry-policy.js';
import { TaskScheduler } from './scheduler.js';
import { KnownInstances } from './known-instances.js';
import { finishUpdate, prepareUpdate } from './update.js';
import { dropInstances, finishScaleIn, prepareScale, scaleContextOf, startScaleRollback } from './scale.js';

export interface EngineDeps {
  store: StateStore;
  invoker: StepInvoker;
  /** Who drives (shown to a second driver that finds the lock taken). */
  owner?: string;
  maxParallel?: number;
  leaseMs?: number;
  /** Live events (the CLI's progress display). */
  onEvent?: (e: EventRecord) => void;
  /** Evaluates blueprint outputs after install-like workflows. */
  evaluateOutputs?: (deployment: DeploymentRecord) => Promise<YamlMap>;
  /** How often a running engine looks for a cancel request. */
  cancelPollMs?: number;
  /** Does what Component operations ask of their child deployments; without it such a task fails. */
  children?: ChildDeployments;
}

/** The Component operation a child request came from. */
export interface ChildRequester {
  deploymentId: string;
  executionId: string;
  nodeInstanceId: string;
  taskId: string;
}

/**
 * A port the driver implements: creates, runs and deletes a Component's child deployment (planning
 * its blueprint from the repository, running its execution with this engine). Resolves when the
 * work is done; an error says why it could not be, and whether trying again may help. Aborted, it
 * cancels what it runs.
 */
export interface ChildDeployments {
  fulfil(request: ChildRequest, from: ChildRequester, engine: EngineDeps, signal: AbortSignal): Promise<{ error?: string; recoverable?: boolean }>;
}

export interface RunOptions {
  /** Wait for the deployment lock instead of failing fast. */
  waitForLock?: boolean;
  lockWaitTimeoutMs?: number;
}

export function defaultOwner(): string {
  return `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
}

const TERMINAL = new Set(['terminated', 'failed', 'cancelled']);
/** Workflows after which the deployment's outputs are evaluated again. */
const REFRESH_OUTPUTS = new Set(['install', 'update', 'scale', 'heal', 'start', 'restart', 'execute_operation']);

type Outcome = StepOutcome;

/**
 * Steps in flight per operation slot when the invoker bounds operations itself: while one step's
 * operation runs, others read their context or record their outcome. Four keeps the slots busy
 * even when state reads and writes take longer than the operations (DynamoDB Local under load).
 */
const STEPS_PER_OPERATION_SLOT = 4;

/**
 * Runs a stored execution to its end: dependency order, bounded parallelism, retries (max_retries,
 * retry_interval, operation-requested retry_after), graceful and forced cancel, and resume —
 * a task whose current attempt already has a recorded step is never sent again.
 */
export async function runExecution(deps: EngineDeps, deploymentId: string, executionId: string, options: RunOptions = {}): Promise<ExecutionRecord> {
  const result = await runSingleExecution(deps, deploymentId, executionId, options);
  // A failed scale-out removes what it added (rollback_if_failed, on by default).
  const scale = scaleContextOf(result);
  if (result.status === 'failed' && scale?.direction === 'out' && scale.rollback && scale.added.length > 0) {
    const rollback = await startScaleRollback(deps.store, result);
    deps.onEvent?.({
      executionId: result.id,
      id: `${new Date().toISOString()}#rollback`,
      at: new Date().toISOString(),
      type: 'workflow_rollback',
      level: 'warning',
      message: `Rolling back the failed scale-out: execution ${rollback.id} uninstalls ${scale.added.length} added instance(s)`,
    });
    await runSingleExecution(deps, deploymentId, rollback.id, options);
    return (await deps.store.getExecution(deploymentId, result.id)) ?? result;
  }
  return result;
}

async function runSingleExecution(deps: EngineDeps, deploymentId: string, executionId: string, options: RunOptions): Promise<ExecutionRecord> {
  const { store } = deps;
  const owner = deps.owner ?? defaultOwner();
  const leaseMs = deps.leaseMs ?? 60_000;
  const maxParallel = Math.max(1, deps.maxParallel ?? 16);
  // Parallelism bounds operations. In-process steps take a slot only while their operation runs;
  // steps sent elsewhere (Lambda) are bounded as whole invocations.
  const operationSlots = deps.invoker.boundsOperations ? new OperationSlots(maxParallel) : undefined;
  const maxInFlight = operationSlots ? maxParallel * STEPS_PER_OPERATION_SLOT : maxParallel;

  let execution = await store.getExecution(deploymentId, executionId);
  if (!execution) throw new Error(`execution '${executionId}' of deployment '${deploymentId}' does not exist`);
  if (TERMINAL.has(execution.status)) return execution;

  let lock = await acquire(store, deploymentId, executionId, owner, leaseMs, options);
  // Another driver may have moved the execution on (or finished it) while we waited for the lock.
  execution = (await store.getExecution(deploymentId, executionId)) ?? execution;
  if (TERMINAL.has(execution.status)) {
    await store.releaseLock(lock);
    return execution;
  }
  const events = new EventSink(store, executionId, owner.replace(/[^A-Za-z0-9]/g, '').slice(-12), deps.onEvent);
  let lockLost: Error | undefined;
  const renewal = setInterval(
    () => {
      store.renewLock(lock, leaseMs).then(
        (l) => (lock = l),
        (err: Error) => (lockLost = err),
      );
    },
    Math.max(100, leaseMs / 3),
  );

  // Cancels the child deployments' executions this run drives when the execution is cancelled.
  const children = new AbortController();
  try {
    await prepareScale(store, execution);
    await prepareUpdate(store, execution);
    // Independent reads, together. The instances are read once here, then kept from the steps'
    // answers (see KnownInstances).
    const [deployment, instances, taskList, steps] = await Promise.all([
      store.getDeployment(deploymentId),
      store.listNodeInstances(deploymentId),
      store.listTasks(executionId),
      store.listSteps(executionId),
    ]);
    const deploymentVersion = deployment?.version;
    const known = new KnownInstances(instances);
    const tasks = new Map(taskList.map((t) => [t.id, t]));
    const resumed = execution.status !== 'pending';
    execution = await store.updateExecution(deploymentId, executionId, execution.version, {
      status: execution.status === 'pending' ? 'started' : execution.status,
      startedAt: execution.startedAt ?? new Date().toISOString(),
    });
    events.emit(resumed ? 'workflow_resumed' : 'workflow_started', `${resumed ? 'Resuming' : 'Starting'} '${execution.workflow}' workflow execution`);

    // Attempts an earlier run may have sent (it status-marked the execution started before sending
    // anything). Any other attempt this run sends for the first time has no recorded outcome.
    const attemptKey = (t: TaskRecord) => `${t.id}#${t.attempt}`;
    const sentBefore = new Set(resumed ? [...tasks.values()].map(attemptKey) : []);
    const sentNow = new Set<string>();
    // Resume: failed tasks get a fresh retry budget; recorded steps count as answers.
    for (const t of tasks.values()) {
      if (t.status === 'failed' && !t.ignoreFailure) {
        tasks.set(
          t.id,
          await store.updateTask(executionId, t.id, t.version, {
            status: 'pending',
            attempt: t.attempt + 1,
            retryBase: t.attempt + 1,
            retryAt: undefined,
            error: undefined,
          }),
        );
      }
    }
    const recorded = new Map<string, Outcome>();
    for (const s of steps) {
      const t = tasks.get(s.taskId);
      if (t && s.attempt === t.attempt) recorded.set(t.id, s.outcome);
    }

    let failure: string | undefined;
    let cancel: 'cancelling' | 'force_cancelling' | undefined =
      execution.status === 'cancelling' || execution.status === 'force_cancelling' ? execution.status : undefined;
    /** `childDone`: the answer is the end of a child deployment's work, not a step's. */
    const inFlight = new Map<string, Promise<{ id: string; outcome: Outcome; childDone?: boolean }>>();
    let lastCancelPoll = Date.now();
    const scheduler = new TaskScheduler(tasks.values());
    const infrastructureFailures = new Map<string, number>();

    /** Applies the retry policy's decision to an answer: the stored task, the scheduler and the events. */
    const settle = async (task: TaskRecord, outcome: Outcome, childDone = false): Promise<void> => {
      const at0 = { nodeInstanceId: task.nodeInstanceId, taskId: task.id };
      if (childDone) {
        // The child's work was asked for by the operation: its next attempt is not a retry.
        const next = await store.updateTask(executionId, task.id, task.version, {
          attempt: task.attempt + 1,
          retryBase: (task.retryBase ?? 0) + 1,
          retryAt: Date.now(),
          error: undefined,
        });
        tasks.set(task.id, next);
        scheduler.rescheduled(next);
        events.emit('task_rescheduled', `${describe(task)}: the child deployment's work is done; running the operation again`, at0);
        return;
      }
      if (outcome.status === 'retry' && outcome.child && !outcome.infrastructure && !failure && !cancel) {
        if (deps.children) {
          startChild(task, outcome.child);
          return;
        }
        outcome = { status: 'failed', recoverable: false, error: `${outcome.error ?? 'a child deployment'}: this driver does not run child deployments` };
      }
      const undelivered = outcome.infrastructure && outcome.status !== 'succeeded' ? (infrastructureFailures.get(task.id) ?? 0) + 1 : 0;
      if (undelivered > 0) infrastructureFailures.set(task.id, undelivered);
      const decision = decideOutcome(task, outcome, undelivered);
      const at = { nodeInstanceId: task.nodeInstanceId, taskId: task.id };
      switch (decision.action) {
        case 'leave-pending':
          events.emit('task_not_started', `${describe(task)} not started: the execution starts no more operations`, at);
          scheduler.rescheduled(task);
          return;
        case 'resend': {
          const next = await store.updateTask(executionId, task.id, task.version, { retryAt: Date.now() + decision.delaySeconds * 1000, error: outcome.error });
          tasks.set(task.id, next);
          scheduler.rescheduled(next);
          const message = `${describe(task)}: ${outcome.error ?? 'could not be delivered'}; sending it again in ${decision.delaySeconds.toFixed(1)}s`;
          events.emit('task_rescheduled', message, { level: 'warning', ...at });
          return;
        }
        case 'succeed':
          scheduler.succeeded(task.id);
          events.emit('task_succeeded', `${describe(task)} succeeded`, at);
          return;
        case 'retry': {
          const retryAt = Date.now() + decision.delaySeconds * 1000;
          const next = await store.updateTask(executionId, task.id, task.version, { attempt: task.attempt + 1, retryAt, error: outcome.error });
          tasks.set(task.id, next);
          scheduler.rescheduled(next);
          const why = `${decision.asked ? 'asked to retry' : 'failed'}: ${outcome.error ?? ''}`;
          events.emit('task_rescheduled', `${describe(task)} ${why}; retrying in ${decision.delaySeconds}s (attempt ${next.attempt + 1})`, {
            level: decision.asked ? 'info' : 'warning',
            ...at,
          });
          return;
        }
        case 'fail': {
          tasks.set(task.id, await store.updateTask(executionId, task.id, task.version, { status: 'failed', error: outcome.error ?? 'failed' }));
          scheduler.failedFor(task.id, decision.ignored);
          events.emit('task_failed', `${describe(task)} failed: ${outcome.error ?? ''}${decision.ignored ? ' (ignored)' : ''}`, {
            level: decision.ignored ? 'warning' : 'error',
            ...at,
          });
          if (!decision.ignored) failure ??= `${describe(task)} failed: ${outcome.error ?? 'no error message'}`;
        }
      }
    };

    /** Hands a Component's request to the driver's child-deployment port; its end settles the task. */
    const startChild = (task: TaskRecord, request: ChildRequest): void => {
      const from = { deploymentId, executionId, nodeInstanceId: task.nodeInstanceId, taskId: task.id };
      events.emit('child_deployment', `${describe(task)}: ${describeChild(request)}`, { nodeInstanceId: task.nodeInstanceId, taskId: task.id });
      const work = deps
        .children!.fulfil(request, from, deps, children.signal)
        .catch((err: Error) => ({ error: err.message, recoverable: true }))
        .then((r): { id: string; outcome: Outcome; childDone?: boolean } =>
          r.error === undefined
            ? { id: task.id, outcome: { status: 'retry' }, childDone: true }
            : { id: task.id, outcome: { status: 'failed', recoverable: r.recoverable ?? false, error: r.error } },
        );
      inFlight.set(task.id, work);
    };

    // Answers recorded before a crash are applied first; then every task whose dependencies are satisfied is ready.
    for (const [id, outcome] of recorded) await settle(tasks.get(id)!, outcome);
    scheduler.readyAllUnblocked();

    for (;;) {
      if (lockLost) throw lockLost;
      if (Date.now() - lastCancelPoll >= (deps.cancelPollMs ?? 1000)) {
        lastCancelPoll = Date.now();
        const fresh = await store.getExecution(deploymentId, executionId);
        if (fresh && (fresh.status === 'cancelling' || fresh.status === 'force_cancelling')) cancel = fresh.status;
        if (fresh) execution = fresh;
      }
      if (cancel && !children.signal.aborted) children.abort(cancel);
      if (cancel === 'force_cancelling') break;
      // Steps in flight that have not started their operation yet will not start it now.
      if (failure || cancel) operationSlots?.close();
      const now = Date.now();
      if (!failure && !cancel) {
        for (const id of scheduler.takeDue(now, maxInFlight - inFlight.size)) {
          const t = tasks.get(id)!;
          events.emit('task_sent', `${describe(t)}${t.attempt > 0 ? ` (attempt ${t.attempt + 1})` : ''}`, { nodeInstanceId: t.nodeInstanceId, taskId: t.id });
          const firstSend = !sentBefore.has(attemptKey(t)) && !sentNow.has(attemptKey(t));
          sentNow.add(attemptKey(t));
          const send = { fencingToken: lock.fencingToken, deploymentVersion, operationSlots, known, firstSend };
          inFlight.set(
            t.id,
            runTask(deps, execution, t, send).then((outcome) => ({ id: t.id, outcome })),
          );
        }
      }
      if (inFlight.size === 0) {
        if (failure || cancel) break;
        if (!scheduler.hasReady()) {
          const stuck = scheduler.open();
          if (stuck.length > 0) failure = `tasks ${stuck.slice(0, 3).join(', ')} wait on tasks that failed`;
          break;
        }
        await sleep(Math.max(5, Math.min(scheduler.nextDueAt(now) - now, deps.cancelPollMs ?? 1000)));
        continue;
      }
      const first = await Promise.race([...inFlight.values(), sleep(deps.cancelPollMs ?? 1000).then(() => undefined)]);
      if (!first) continue;
      inFlight.delete(first.id);
      await settle(tasks.get(first.id)!, first.outcome, first.childDone);
    }

    // Graceful cancel and failures let running operations finish; force-cancel does not wait.
    operationSlots?.close();
    if (cancel !== 'force_cancelling') {
      for (const [id, p] of inFlight) {
        const r = await p;
        inFlight.delete(id);
        await settle(tasks.get(r.id)!, r.outcome, r.childDone);
      }
    }

    const fresh = (await store.getExecution(deploymentId, executionId)) ?? execution;
    const status: ExecutionRecord['status'] = cancel ? 'cancelled' : failure ? 'failed' : 'terminated';
    // The deployment is brought up to date first: a crash here leaves the execution unfinished, and its resume finishes it.
    await finishDeployment(deps, { ...fresh, status });
    // A resumed execution that now succeeds drops the error of its earlier run (undefined removes it).
    const errorPatch = (failure ? { error: failure } : { error: undefined }) as { error?: string };
    execution = await store.updateExecution(deploymentId, executionId, fresh.version, { status, endedAt: new Date().toISOString(), ...errorPatch });
    events.emit(
      status === 'terminated' ? 'workflow_succeeded' : status === 'cancelled' ? 'workflow_cancelled' : 'workflow_failed',
      status === 'terminated'
        ? `'${execution.workflow}' workflow execution succeeded`
        : status === 'cancelled'
          ? `'${execution.workflow}' workflow execution cancelled`
          : `'${execution.workflow}' workflow execution failed: ${failure}`,
      { level: status === 'failed' ? 'error' : 'info' },
    );
    return execution;
  } finally {
    // A run that stops (lock lost, an error) stops the child executions it drives; a resume picks them up.
    if (!children.signal.aborted) children.abort('stopped');
    clearInterval(renewal);
    await events.flush();
    if (!lockLost) await store.releaseLock(lock);
  }
}

function describeChild(r: ChildRequest): string {
  switch (r.action) {
    case 'create':
      return `creating child deployment '${r.deploymentId}'`;
    case 'execute':
      return `running '${r.workflow}' on child deployment '${r.deploymentId}' (execution ${r.executionId})`;
    case 'heal':
      return `healing child deployment '${r.deploymentId}' (execution ${r.executionId})`;
    case 'update':
      return `updating child deployment '${r.deploymentId}' (execution ${r.executionId})`;
    case 'delete':
      return `deleting child deployment '${r.deploymentId}'`;
  }
}

function describe(t: TaskRecord): string {
  if (t.kind === 'state') return `set ${t.nodeInstanceId} ${t.setState}`;
  if (t.kind === 'check') return `check ${t.nodeInstanceId}`;
  const side = t.relationship ? ` (${t.relationship.side} of ${t.relationship.sourceId} -> ${t.relationship.targetId})` : '';
  return `${t.operation} on ${t.nodeInstanceId}${side}`;
}

interface SendContext {
  /** The fencing token of the lock this run holds: steps run and record only under it. */
  fencingToken: number;
  deploymentVersion: number | undefined;
  operationSlots: OperationSlots | undefined;
  known: KnownInstances;
  /** No earlier send of this attempt exists. */
  firstSend: boolean;
}

async function runTask(deps: EngineDeps, execution: ExecutionRecord, task: TaskRecord, send: SendContext): Promise<Outcome> {
  const { known } = send;
  if (task.kind === 'state' || task.kind === 'check') {
    try {
      const { outcome, instance } = await applyInstanceTask(deps.store, execution.deploymentId, task);
      if (instance) known.offer(instance);
      return outcome;
    } catch (err) {
      known.forget(task.nodeInstanceId);
      return { status: 'failed', recoverable: true, error: `could not update the instance: ${(err as Error).message}`, infrastructure: true };
    }
  }
  const r = task.relationship;
  const instances = send.firstSend ? known.forRequest([task.nodeInstanceId, ...(r ? [r.side === 'source' ? r.targetId : r.sourceId] : [])]) : undefined;
  const request: StepRequest = {
    deploymentId: execution.deploymentId,
    executionId: task.executionId,
    taskId: task.id,
    attempt: task.attempt,
    operation: task.operation!,
    nodeInstanceId: task.nodeInstanceId,
    maxRetries: task.maxRetries,
    workflow: execution.workflow,
    fencingToken: send.fencingToken,
    ...(send.deploymentVersion !== undefined ? { deploymentVersion: send.deploymentVersion } : {}),
    ...(r ? { relationship: r } : {}),
    ...(task.inputs ? { inputs: task.inputs } : {}),
    ...(task.setState ? { setState: task.setState } : {}),
    ...(task.checkStatus ? { checkStatus: true } : {}),
    ...(instances ? { instances, firstSend: true } : {}),
  };
  let answer: Outcome;
  try {
    answer = await deps.invoker.invoke(request, send.operationSlots ? { operationSlots: send.operationSlots } : {});
  } catch (err) {
    // The step may or may not have run; the same attempt is sent again and replays if it did.
    answer = { status: 'failed', recoverable: true, error: `could not run the step: ${(err as Error).message}`, infrastructure: true };
  }
  const { instance, ...outcome } = answer;
  // An answer that does not say how the step left its instance (a replay, an undelivered step)
  // leaves the driver not knowing it: the instance's next step reads it.
  if (instance) known.offer(instance);
  else known.forget(task.nodeInstanceId);
  return outcome;
}

/**
 * State and check tasks change the instance record directly, with one UpdateItem and no step
 * record: setting a state (or a health result) again is harmless, so a resumed execution simply
 * runs them again. No other writer sets these fields concurrently, so no version check.
 */
async function applyInstanceTask(store: StateStore, deploymentId: string, task: TaskRecord): Promise<{ outcome: Outcome; instance?: NodeInstanceRecord }> {
  if (task.kind === 'state') {
    const instance = await store.setNodeInstanceFields(deploymentId, task.nodeInstanceId, { state: task.setState! });
    return { outcome: { status: 'succeeded' }, instance };
  }
  const inst: NodeInstanceRecord | undefined = await store.getNodeInstance(deploymentId, task.nodeInstanceId);
  if (!inst) return { outcome: { status: 'failed', recoverable: false, error: `node instance '${task.nodeInstanceId}' does not exist` } };
  const health = { ok: inst.state === 'started', at: new Date().toISOString(), ...(inst.state === 'started' ? {} : { message: `state is ${inst.state}` }) };
  const instance = await store.setNodeInstanceFields(deploymentId, inst.id, { lastCheckStatus: health });
  return { outcome: { status: 'succeeded' }, instance };
}

async function finishDeployment(deps: EngineDeps, execution: ExecutionRecord): Promise<void> {
  const { store } = deps;
  for (let i = 0; i < 5; i++) {
    if (execution.status === 'terminated' && i === 0) {
      await finishScaleIn(store, execution);
      await finishUpdate(store, execution);
    }
    const dep = await store.getDeployment(execution.deploymentId);
    if (!dep) return;
    const patch: Partial<DeploymentRecord> = { latestExecutionId: execution.id };
    if (execution.status === 'terminated') {
      const rolledBack = execution.context?.scaleRollback;
      if (rolledBack?.added) await dropInstances(store, execution.deploymentId, new Set(rolledBack.added));
      if (execution.workflow === 'uninstall' && Object.keys(execution.parameters).length === 0) patch.status = 'uninstalled';
      else if (execution.workflow === 'install') patch.status = 'active';
      // A blueprint's own scale workflows (scalelist) change the deployment as `scale` does.
      if ((REFRESH_OUTPUTS.has(execution.workflow) || execution.context?.scale) && deps.evaluateOutputs) patch.outputs = await deps.evaluateOutputs(dep);
      const revision = await recordRevision(store, dep, execution);
      if (revision) patch.revision = revision;
    } else if (execution.status === 'failed' && execution.workflow === 'install') patch.status = 'failed';
    try {
      await store.updateDeployment(dep.id, dep.version, patch);
      return;
    } catch (err) {
      if (!(err instanceof ConflictError)) throw err;
    }
  }
}

/**
 * The deployment's history: the first install and every update leave a revision (plan, inputs,
 * blueprint and shipped files, who started it). Recording twice for one execution (a resumed
 * finish) is harmless: the revision number is taken already.
 */
async function recordRevision(store: StateStore, dep: DeploymentRecord, execution: ExecutionRecord): Promise<DeploymentRecord['revision']> {
  if (dep.revision?.executionId === execution.id) return undefined;
  if (execution.workflow !== 'update' && !(execution.workflow === 'install' && !dep.revision)) return undefined;
  const number = (dep.revision?.number ?? 0) + 1;
  try {
    await store.putRevision({
      deploymentId: dep.id,
      revision: number,
      at: execution.endedAt ?? new Date().toISOString(),
      workflow: execution.trigger?.rollbackTo !== undefined ? 'rollback' : execution.workflow,
      executionId: execution.id,
      plan: dep.plan,
      inputs: dep.inputs,
      blueprintFile: dep.blueprintFile,
      blueprintDigest: dep.blueprintDigest,
      ...(dep.resources ? { resources: dep.resources } : {}),
      ...(execution.trigger ? { trigger: execution.trigger } : {}),
    });
  } catch (err) {
    if (!(err instanceof ConflictError)) throw err;
  }
  return { number, executionId: execution.id };
}

async function acquire(store: StateStore, deploymentId: string, executionId: string, owner: string, leaseMs: number, options: RunOptions): Promise<LockRecord> {
  const deadline = Date.now() + (options.lockWaitTimeoutMs ?? 30 * 60_000);
  for (;;) {
    try {
      return await store.acquireLock(deploymentId, executionId, owner, leaseMs);
    } catch (err) {
      if (!(err instanceof ConflictError) || !options.waitForLock || Date.now() > deadline) throw err;
      await sleep(Math.min(5000, Math.max(200, (err.holder?.expiresAt ?? Date.now()) - Date.now())));
    }
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
