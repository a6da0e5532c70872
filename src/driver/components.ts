import path from 'node:path';
import { BlueprintError, defaultRootDir, type LoadOptions } from '../dsl/index.js';
import {
  cancelExecution,
  createDeployment,
  defaultOwner,
  runExecution,
  startExecution,
  startHealExecution,
  type ChildDeployments,
  type ChildRequester,
  type EngineDeps,
} from '../engine/index.js';
import type { PluginCatalog } from '../plan/index.js';
import {
  ACTIVE_EXECUTION_STATUSES,
  ConflictError,
  type ChildRequest,
  type DeploymentRecord,
  type EventRecord,
  type ExecutionRecord,
  type StateStore,
} from '../state/index.js';
import { WorkflowError, type RetryDefaults } from '../workflows/index.js';
import { planBlueprint, startBlueprintUpdate } from './deploy.js';
import { resolveChildBlueprint } from './component-blueprints.js';
import { readRepositoryConfig } from './repository-config.js';
import { shipBlueprintFiles } from './ship.js';

/** Child deployments nest at most this deep (a blueprint that is its own Component stops here). */
export const MAX_COMPONENT_DEPTH = 5;

export interface RepositoryChildDeploymentsOptions {
  /** What deployments' relative blueprint paths resolve against (the driver's working directory). */
  blueprintRoot: string;
  catalog: PluginCatalog;
  /** Ship child blueprint directories to the state table (AWS mode: steps run without a checkout). */
  ship: boolean;
  /** Load options of the command that runs (its --plugins and --blueprint-import), over the repository's `.isthmus.yaml`. */
  load?: Pick<LoadOptions, 'pluginDirs' | 'blueprintImports'>;
  /** Child executions' retry defaults (default: the workflows' own). */
  retries?: RetryDefaults;
}

type Result = { error?: string; recoverable?: boolean };
const fail = (error: string, recoverable = false): Result => ({ error, recoverable });

/**
 * Cloudify's Component on Isthmus: a child deployment planned from a blueprint of the same
 * repository and run by the driver that runs its parent, with the same engine (its own lock,
 * its own resumable execution). The Component's operations ask for this work (StepOutcome.child)
 * and check its result when they run again; nothing here trusts the request beyond what the
 * parent's blueprint may ask: blueprints come from inside the repository, and only a child the
 * same Component created is deleted.
 */
export class RepositoryChildDeployments implements ChildDeployments {
  constructor(private readonly options: RepositoryChildDeploymentsOptions) {}

  /** The same, with the load options of a command (a child is planned the way its parent was). */
  withLoadOptions(load: Pick<LoadOptions, 'pluginDirs' | 'blueprintImports'>): RepositoryChildDeployments {
    return new RepositoryChildDeployments({ ...this.options, load });
  }

  async fulfil(request: ChildRequest, from: ChildRequester, engine: EngineDeps, signal: AbortSignal): Promise<Result> {
    try {
      // Workflows run only on a child this Component created (the operation checks too; the driver does not rely on it).
      if (request.action === 'execute' || request.action === 'heal' || request.action === 'update') {
        const child = await engine.store.getDeployment(request.deploymentId);
        if (child && !createdBy(child, from))
          return fail(
            `deployment '${request.deploymentId}' was not created by ${from.nodeInstanceId} of '${from.deploymentId}': a Component runs workflows only on its own child`,
          );
      }
      switch (request.action) {
        case 'create':
          return await this.create(engine.store, request, from);
        case 'execute':
          return await this.execute(engine, request, signal);
        case 'heal':
          return await this.heal(engine, request, signal);
        case 'update':
          return await this.update(engine, request, from, signal);
        case 'delete':
          return await this.delete(engine, request.deploymentId, from);
      }
    } catch (err) {
      if (err instanceof BlueprintError) return fail(`child blueprint: ${err.message}`);
      if (err instanceof WorkflowError) return fail(err.message);
      return fail((err as Error).message, true);
    }
  }

  private async create(store: StateStore, request: Extract<ChildRequest, { action: 'create' }>, from: ChildRequester): Promise<Result> {
    const existing = await store.getDeployment(request.deploymentId);
    // The operation, run again, decides whether an existing deployment is its own.
    if (existing) return {};
    const parent = await store.getDeployment(from.deploymentId);
    if (!parent) return fail(`the parent deployment '${from.deploymentId}' does not exist`);
    const depth = await nestingDepth(store, parent);
    if (depth >= MAX_COMPONENT_DEPTH)
      return fail(
        `child deployments nest at most ${MAX_COMPONENT_DEPTH} deep; '${from.deploymentId}' is already ${depth} deep (a blueprint that is its own Component?)`,
      );
    const { file, load } = this.childBlueprint(parent, request.blueprint);
    const planned = planBlueprint(file, { ...load, inputs: request.inputs }, this.options.catalog, this.options.blueprintRoot);
    const resources = this.options.ship ? await shipBlueprintFiles(store, file) : undefined;
    try {
      await createDeployment(store, {
        id: request.deploymentId,
        blueprintFile: planned.blueprintFile,
        blueprintDigest: planned.digest,
        ...(resources ? { resources } : {}),
        inputs: request.inputs,
        plan: planned.plan,
        parent: { deploymentId: from.deploymentId, nodeInstanceId: from.nodeInstanceId },
        ...(request.sensitiveInputs?.length ? { sensitiveInputs: request.sensitiveInputs } : {}),
      });
    } catch (err) {
      // Created meanwhile (another driver, or a crashed run of this one): the operation checks whose it is.
      if (!(err instanceof ConflictError)) throw err;
    }
    return {};
  }

  /** The file of a Component's blueprint and how to load it: the parent's repository, its `.isthmus.yaml`, this command's options. */
  private childBlueprint(parent: DeploymentRecord, blueprint: Extract<ChildRequest, { action: 'create' }>['blueprint']): { file: string; load: LoadOptions } {
    const parentFile = path.resolve(this.options.blueprintRoot, parent.blueprintFile);
    const rootDir = defaultRootDir(parentFile);
    const repository = readRepositoryConfig(rootDir);
    const imports = { ...repository.blueprintImports, ...(this.options.load?.blueprintImports ?? {}) };
    const file = resolveChildBlueprint(blueprint, { parentFile, rootDir, imports });
    return {
      file,
      load: { ...repository, rootDir, blueprintImports: imports, pluginDirs: [...(repository.pluginDirs ?? []), ...(this.options.load?.pluginDirs ?? [])] },
    };
  }

  private retries(): { retries?: RetryDefaults } {
    return this.options.retries ? { retries: this.options.retries } : {};
  }

  /** The child's executions this request made, if any: one of another deployment is refused. */
  private async ownExecution(store: StateStore, request: { deploymentId: string; executionId: string }): Promise<ExecutionRecord | undefined> {
    const execution = await store.findExecution(request.executionId);
    if (execution && execution.deploymentId !== request.deploymentId)
      throw new WorkflowError(
        `execution ${request.executionId} belongs to deployment '${execution.deploymentId}', not '${request.deploymentId}'`,
        'component.execution',
      );
    return execution;
  }

  /** check_status, then heal what it found unhealthy, on the child; a resumed request finishes what an earlier run started. */
  private async heal(engine: EngineDeps, request: Extract<ChildRequest, { action: 'heal' }>, signal: AbortSignal): Promise<Result> {
    const { store } = engine;
    const where = `heal on child deployment '${request.deploymentId}'`;
    let heal = await this.ownExecution(store, request);
    if (!heal) {
      if (!(await store.getDeployment(request.deploymentId))) return fail(`child deployment '${request.deploymentId}' does not exist`);
      const check = await this.execute(
        engine,
        { action: 'execute', deploymentId: request.deploymentId, executionId: `${request.executionId}.check`, workflow: 'check_status', parameters: {} },
        signal,
      );
      if (check.error) return check;
      const failing = (await store.listNodeInstances(request.deploymentId)).filter((i) => i.lastCheckStatus?.ok === false).map((i) => i.id);
      const started = await startOrWait(where, () =>
        startHealExecution(store, request.deploymentId, {}, failing, { catalog: this.options.catalog, executionId: request.executionId, ...this.retries() }),
      );
      if ('failed' in started) return started.failed;
      heal = started.execution;
    }
    return this.runToEnd(engine, heal, where, request.timeoutSeconds, signal);
  }

  /** A deployment update of the child: its blueprint found again (its files may have changed) and the Component's inputs now. */
  private async update(engine: EngineDeps, request: Extract<ChildRequest, { action: 'update' }>, from: ChildRequester, signal: AbortSignal): Promise<Result> {
    const { store } = engine;
    const where = `update of child deployment '${request.deploymentId}'`;
    let update = await this.ownExecution(store, request);
    if (!update) {
      const [child, parent] = await Promise.all([store.getDeployment(request.deploymentId), store.getDeployment(from.deploymentId)]);
      if (!child) return fail(`child deployment '${request.deploymentId}' does not exist`);
      if (!parent) return fail(`the parent deployment '${from.deploymentId}' does not exist`);
      const { file, load } = this.childBlueprint(parent, request.blueprint);
      // Inputs that now hold a parent's secret are masked from this update on (ones that held one stay masked).
      const sensitiveInputs = [...new Set([...(child.sensitiveInputs ?? []), ...(request.sensitiveInputs ?? [])])];
      const current =
        sensitiveInputs.length > (child.sensitiveInputs?.length ?? 0) ? await store.updateDeployment(child.id, child.version, { sensitiveInputs }) : child;
      const started = await startOrWait(where, async () => {
        const { started } = await startBlueprintUpdate(
          store,
          current,
          file,
          { ...load, inputs: request.inputs },
          {},
          this.options.catalog,
          { ship: this.options.ship },
          { executionId: request.executionId, cwd: this.options.blueprintRoot, ...this.retries() },
        );
        // A preview (never asked for here) would start nothing.
        if (started.preview) throw new WorkflowError(`${where}: nothing was started`, 'component.update');
        return started.execution;
      });
      if ('failed' in started) return started.failed;
      update = started.execution;
    }
    return this.runToEnd(engine, update, where, request.timeoutSeconds, signal);
  }

  private async execute(engine: EngineDeps, request: Extract<ChildRequest, { action: 'execute' }>, signal: AbortSignal): Promise<Result> {
    const { store } = engine;
    const where = `'${request.workflow}' on child deployment '${request.deploymentId}'`;
    let execution = await this.ownExecution(store, request);
    if (!execution) {
      if (!(await store.getDeployment(request.deploymentId))) return fail(`child deployment '${request.deploymentId}' does not exist`);
      const started = await startOrWait(where, () =>
        startExecution(store, {
          deploymentId: request.deploymentId,
          workflow: request.workflow,
          parameters: request.parameters,
          catalog: this.options.catalog,
          executionId: request.executionId,
          ...this.retries(),
        }),
      );
      if ('failed' in started) return started.failed;
      execution = started.execution;
    }
    return this.runToEnd(engine, execution, where, request.timeoutSeconds, signal);
  }

  /**
   * Runs a child execution to its end with this engine: a failed or cancelled one is resumed (as
   * `isthmus executions resume` would), the parent's cancel cancels it, and a timeout cancels it too.
   */
  private async runToEnd(
    engine: EngineDeps,
    execution: ExecutionRecord,
    where: string,
    timeoutSeconds: number | undefined,
    signal: AbortSignal,
  ): Promise<Result> {
    const { store } = engine;
    if (execution.status === 'terminated') return {};
    let current = execution;
    if (!ACTIVE_EXECUTION_STATUSES.includes(current.status))
      current = await store.updateExecution(current.deploymentId, current.id, current.version, { status: 'started' });
    const id = current.id;
    let timedOut = false;
    const stop = (force: boolean) => void cancelExecution(store, id, force).catch(() => undefined);
    const onAbort = () => stop(signal.reason === 'force_cancelling');
    signal.addEventListener('abort', onAbort, { once: true });
    if (signal.aborted) onAbort();
    const timer =
      timeoutSeconds && timeoutSeconds > 0
        ? setTimeout(() => {
            timedOut = true;
            stop(false);
          }, timeoutSeconds * 1000)
        : undefined;
    try {
      const done = await runExecution({ ...engine, onEvent: childEvents(current.deploymentId, engine.onEvent) }, current.deploymentId, id, {
        waitForLock: true,
        lockWaitTimeoutMs: 10 * 60_000,
      });
      if (done.status === 'terminated') return {};
      const why = timedOut ? `did not finish within ${timeoutSeconds}s and was cancelled` : done.status;
      return fail(`${where} ${why}${done.error ? `: ${done.error}` : ''} (execution ${id})`);
    } finally {
      if (timer) clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
    }
  }

  private async delete(engine: EngineDeps, deploymentId: string, from: ChildRequester): Promise<Result> {
    const { store } = engine;
    const child = await store.getDeployment(deploymentId);
    if (!child) return {};
    if (!createdBy(child, from)) return fail(`deployment '${deploymentId}' was not created by ${from.nodeInstanceId} of '${from.deploymentId}'; not deleted`);
    const grandchildren = (await store.listDeployments()).filter((d) => d.parent?.deploymentId === deploymentId).map((d) => d.id);
    if (grandchildren.length > 0)
      return fail(`child deployment '${deploymentId}' still has child deployments (${grandchildren.join(', ')}); uninstall it first`);
    const lock = await store.acquireLock(deploymentId, `delete-by-${from.executionId}`, engine.owner ?? defaultOwner(), engine.leaseMs ?? 60_000);
    try {
      const active = (await store.listExecutions(deploymentId)).find((e) => ACTIVE_EXECUTION_STATUSES.includes(e.status));
      if (active) return fail(`child deployment '${deploymentId}' has an unfinished execution ${active.id} (${active.workflow})`, true);
      await store.deleteDeployment(deploymentId, lock);
      return {};
    } catch (err) {
      await store.releaseLock(lock).catch(() => undefined);
      throw err;
    }
  }
}

/** Starts a child execution; another unfinished execution of the child is a wait (a recoverable failure), not an error. */
async function startOrWait(where: string, start: () => Promise<ExecutionRecord>): Promise<{ execution: ExecutionRecord } | { failed: Result }> {
  try {
    return { execution: await start() };
  } catch (err) {
    if (err instanceof ConflictError) return { failed: fail(`${where}: ${err.message}`, true) };
    throw err;
  }
}

const createdBy = (child: DeploymentRecord, from: ChildRequester) =>
  child.parent?.deploymentId === from.deploymentId && child.parent.nodeInstanceId === from.nodeInstanceId;

/** How many Component parents a deployment has above it. */
async function nestingDepth(store: StateStore, deployment: DeploymentRecord): Promise<number> {
  let depth = 0;
  let current: DeploymentRecord | undefined = deployment;
  while (current?.parent && depth <= MAX_COMPONENT_DEPTH) {
    depth++;
    current = await store.getDeployment(current.parent.deploymentId);
  }
  return depth;
}

/** A child's live events read as the child's: its id before the message, its task ids apart from the parent's. */
function childEvents(deploymentId: string, onEvent: ((e: EventRecord) => void) | undefined): ((e: EventRecord) => void) | undefined {
  if (!onEvent) return undefined;
  return (e) =>
    onEvent({
      ...e,
      message: `[${deploymentId}] ${e.message}`,
      ...(e.taskId ? { taskId: `${deploymentId}/${e.taskId}` } : {}),
      ...(e.nodeInstanceId ? { nodeInstanceId: `${deploymentId}/${e.nodeInstanceId}` } : {}),
    });
}
