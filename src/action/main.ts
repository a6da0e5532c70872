import path from 'node:path';
import { BlueprintError, type BlueprintDiagnostic, type LoadOptions, type YamlMap, type YamlValue } from '../dsl/index.js';
import { ensureDeployment, planBlueprint, startBlueprintUpdate } from '../driver/deploy.js';
import {
  defaultOwner,
  runDriftCheck,
  runExecution,
  runHeal,
  runPreUpdate,
  startExecution,
  startRollback,
  startUpdate,
  type RunOptions,
} from '../engine/index.js';
import type { EngineDeps } from '../engine/index.js';
import { ConflictError, type DeploymentRecord, type EventRecord, type ExecutionRecord, type ExecutionTrigger } from '../state/index.js';
import { dueOccurrence, type DeploymentPlan, type PluginCatalog, type UpdateStep } from '../plan/index.js';
import { WorkflowError } from '../workflows/index.js';
import type { DriverEnvironment } from '../compose.js';
import {
  commentMarker,
  environmentDigestIn,
  planDigestIn,
  renderReport,
  sameDigest,
  SHOWN_DIGEST_CHARS,
  type EnvironmentPlan,
  type ReportStatus,
  type RunReport,
} from './comment.js';
import type { GitHubPort } from './github.js';
import type { ActionInputs, SweepMode } from './inputs.js';
import { Redactor, secretTexts } from '../runtime/index.js';
import { environmentOf, matchesFilter, previewDeploymentId, routeEvent, type EnvironmentTarget, type Route } from './route.js';
import { abandonExecution, settleDeployment } from './settle.js';
import { hiddenMarker, mdCode, mdText } from './markdown.js';
import { oneLineRunner } from './log.js';

/** What the action needs from the runner (the @actions/core surface, injected so tests can drive it). */
export interface Runner {
  info(message: string): void;
  warning(message: string): void;
  annotate(level: 'error' | 'warning', message: string, at: { file: string; startLine: number; startColumn: number; title: string }): void;
  setOutput(name: string, value: string): void;
  setSecret(value: string): void;
  appendSummary(markdown: string): Promise<void>;
  setFailed(message: string): void;
}

export interface GitHubContext {
  eventName: string;
  payload: unknown;
  ref: string;
  runUrl?: string;
  workspace: string;
}

export interface ActionDeps {
  inputs: ActionInputs;
  context: GitHubContext;
  runner: Runner;
  /** Opens state and steps; `onSecret` is told every secret value the run reads, to mask it. */
  openEnvironment: (onSecret: (value: YamlValue) => void) => Promise<DriverEnvironment>;
  github?: GitHubPort;
}

const MAX_ANNOTATIONS = 10;

function statusOf(e: ExecutionRecord): ReportStatus {
  return e.status === 'terminated' ? 'succeeded' : e.status === 'cancelled' ? 'cancelled' : 'failed';
}

/** Blueprint errors as annotations at file:line (at most ten per severity); the rest go to the summary. */
function annotate(runner: Runner, diagnostics: BlueprintDiagnostic[], workspace: string): string[] {
  const rest: string[] = [];
  const count = { error: 0, warning: 0 };
  for (const d of diagnostics) {
    const level = d.severity === 'error' ? 'error' : 'warning';
    const where = d.position ? `${d.position.file}:${d.position.line}:${d.position.column}` : '';
    const text = `${d.code}: ${d.message}${d.hint ? ` (hint: ${d.hint})` : ''}`;
    if (d.position && count[level] < MAX_ANNOTATIONS) {
      count[level]++;
      runner.annotate(level, text, {
        file: path.relative(workspace, path.resolve(d.position.file)),
        startLine: d.position.line,
        startColumn: d.position.column,
        title: `Blueprint ${level}`,
      });
    } else rest.push(`${where ? `${where}: ` : ''}${text}`);
  }
  return rest;
}

/** Runs one GitHub event end to end and reports it (outputs, summary, PR comment). Returns the report. */
export async function runAction(given: ActionDeps): Promise<RunReport> {
  const deps: ActionDeps = { ...given, runner: oneLineRunner(given.runner) };
  const { inputs, context, runner } = deps;
  // Every secret the run reads is masked in the runner's log (setSecret, each line of a multi-line
  // value too) and redacted from the comment, the summary and the outputs.
  const redactor = new Redactor();
  const onSecret = (value: YamlValue) => {
    const before = redactor.size;
    redactor.addValue(value);
    if (redactor.size === before) return;
    for (const text of secretTexts(value)) {
      runner.setSecret(text);
      const lines = text.split(/\r?\n/).map((line) => line.trim());
      if (lines.length > 1) for (const line of lines) if (line.length >= 3) runner.setSecret(line);
    }
  };
  if (inputs.githubToken) onSecret(inputs.githubToken);
  const route = routeEvent(context.eventName, context.payload, inputs, context.ref);
  runner.info(`Isthmus: ${context.eventName} → ${route.kind}${'deploymentId' in route ? ` (${route.deploymentId})` : ''}`);
  if (route.kind === 'skip') {
    runner.info(route.why);
    runner.setOutput('status', 'skipped');
    return { deploymentId: '', title: 'Nothing to do', status: 'skipped', notes: [route.why] };
  }
  const env = await deps.openEnvironment(onSecret);
  try {
    const report =
      route.kind === 'sweep'
        ? await sweep(deps, env, route.filter, route.mode, redactor)
        : route.kind === 'command'
          ? await commentCommand(deps, env, route)
          : await single(deps, env, route);
    if (context.runUrl) report.runUrl = context.runUrl;
    if (report.outputs) report.outputs = redactor.redactValue(report.outputs);
    const markdown = renderReport(report, redactor);
    await runner.appendSummary(markdown);
    const pr = 'pr' in route ? route.pr : report.commentOn;
    if (pr !== undefined && inputs.commentOnPr && deps.github && !report.summaryOnly) {
      try {
        const how = await deps.github.upsertComment(pr, commentMarker(report.deploymentId), markdown);
        runner.info(`PR #${pr}: comment ${how}`);
      } catch (err) {
        // The summary has it all; a token that may not comment loses only the comment.
        if (!('pr' in route)) runner.warning(`could not comment on pull request #${pr}: ${(err as Error).message}`);
        else throw err;
      }
    }
    runner.setOutput('deployment-id', report.deploymentId);
    runner.setOutput('status', report.status);
    // For approval gates: what a later job (behind a GitHub environment's reviewers) would apply.
    runner.setOutput('plan-markdown', markdown);
    runner.setOutput('changes-json', redactor.redact(JSON.stringify(changesDocument(report))));
    if (report.planDigest) runner.setOutput('plan-digest', report.planDigest);
    if (report.executionId) runner.setOutput('execution-id', report.executionId);
    runner.setOutput('outputs', JSON.stringify(report.outputs ?? {}));
    setBlueprintOutputs(runner, report.outputs ?? {});
    if (report.status === 'failed') runner.setFailed(report.error ?? `${report.title}: failed`);
    return report;
  } finally {
    env.store.client.destroy();
  }
}

/** The action's own outputs (action.yml): a blueprint output may not take their place. */
export const RESERVED_OUTPUTS = new Set(['deployment-id', 'execution-id', 'status', 'outputs', 'plan-markdown', 'changes-json', 'plan-digest']);

/** The `changes-json` output: the run's plan changes and digest, and the environment plan of a pull request into a deploy branch. */
function changesDocument(report: RunReport): YamlMap {
  const doc: YamlMap = { deploymentId: report.deploymentId, status: report.status, changes: (report.changes ?? []) as unknown as YamlValue };
  if (report.planDigest) doc['planDigest'] = report.planDigest;
  if (report.environment) doc['environment'] = report.environment as unknown as YamlValue;
  return doc;
}

/**
 * Each blueprint output as an action output of its own name, unless that name is one of the
 * action's own (a blueprint could otherwise say a failed run `succeeded` to the next job) or is
 * not a plain identifier; those are only in the `outputs` JSON, with a warning.
 */
function setBlueprintOutputs(runner: Runner, outputs: YamlMap): void {
  const skipped: string[] = [];
  for (const [name, value] of Object.entries(outputs)) {
    if (RESERVED_OUTPUTS.has(name) || !/^[A-Za-z_][A-Za-z0-9_-]{0,99}$/.test(name)) skipped.push(name);
    else runner.setOutput(name, typeof value === 'string' ? value : JSON.stringify(value));
  }
  if (skipped.length > 0)
    runner.warning(
      `blueprint outputs ${skipped.map((n) => JSON.stringify(n)).join(', ')} are only in the 'outputs' JSON: their names are the action's own outputs or not plain identifiers`,
    );
}

function engineFor(deps: ActionDeps, env: DriverEnvironment): EngineDeps {
  const onEvent = (e: EventRecord) => {
    if (e.type === 'log' || e.type.startsWith('workflow_') || e.type === 'task_failed' || e.type === 'task_rescheduled')
      deps.runner.info(`${e.nodeInstanceId ? `${e.nodeInstanceId}: ` : ''}${e.message}`);
  };
  env.logListener.current = onEvent;
  // The lock names this workflow run, so that a second run can say which one holds the deployment.
  const owner = deps.context.runUrl ? `${deps.context.runUrl} (${defaultOwner()})` : defaultOwner();
  return {
    ...env.engine,
    onEvent,
    owner,
    children: env.children.withLoadOptions(loadOptions(deps)),
    ...(deps.inputs.maxParallel ? { maxParallel: deps.inputs.maxParallel } : {}),
  };
}

/** Who started this run, for the deployment's history: the event, its sender, the pull request, commit and run. */
function triggerOf(deps: ActionDeps, pr?: number, commit?: string): ExecutionTrigger {
  const payload = (deps.context.payload ?? {}) as { sender?: { login?: unknown }; after?: unknown; pull_request?: { head?: { sha?: unknown } } };
  const sender = typeof payload.sender?.login === 'string' ? payload.sender.login.slice(0, 100) : undefined;
  const sha =
    commit ??
    (typeof payload.after === 'string' ? payload.after : typeof payload.pull_request?.head?.sha === 'string' ? payload.pull_request.head.sha : undefined);
  return {
    by: `github ${deps.context.eventName}${sender ? ` by ${sender}` : ''}`,
    ...(pr !== undefined ? { pr } : {}),
    ...(sha && /^[0-9a-f]{40}$/.test(sha) ? { commit: sha } : {}),
    ...(deps.context.runUrl ? { run: deps.context.runUrl } : {}),
  };
}

function loadOptions(deps: ActionDeps): LoadOptions {
  return { rootDir: deps.context.workspace, inputs: deps.inputs.inputs, ...(deps.inputs.pluginsDir ? { pluginDirs: [deps.inputs.pluginsDir] } : {}) };
}

/** Runs a new execution; one that lost the race for the lock is cancelled, never left pending. */
async function run(deps: ActionDeps, env: DriverEnvironment, execution: ExecutionRecord, options: RunOptions): Promise<ExecutionRecord> {
  try {
    return await runExecution(engineFor(deps, env), execution.deploymentId, execution.id, options);
  } catch (err) {
    if (err instanceof ConflictError && err.holder) await abandonExecution(env.store, execution, `never started: ${err.message}`);
    throw err;
  }
}

/**
 * Deletes a deployment its uninstall left empty, holding its lock (so no run can start on it
 * meanwhile). A run that started an execution after the uninstall owns it now: it is kept, and
 * the answer says so.
 */
async function deleteUninstalled(deps: ActionDeps, env: DriverEnvironment, deploymentId: string, uninstallId: string): Promise<string | undefined> {
  const engine = engineFor(deps, env);
  const lock = await env.store.acquireLock(deploymentId, `delete-after-${uninstallId}`, engine.owner ?? defaultOwner(), engine.leaseMs ?? 60_000);
  const latest = (await env.store.listExecutions(deploymentId)).at(-1);
  if (latest && latest.id !== uninstallId) {
    await env.store.releaseLock(lock);
    return `Not deleted: execution ${latest.id} (${latest.workflow}) started on it after the uninstall.`;
  }
  await env.store.deleteDeployment(deploymentId, lock);
  return undefined;
}

/** Before this run's execution: fail fast on (or wait for) a live holder; resume a dead run's execution. */
function settle(deps: ActionDeps, env: DriverEnvironment, deploymentId: string): Promise<string[]> {
  const waitForLock = deps.inputs.waitForLock;
  return settleDeployment(env.store, deploymentId, { waitForLock, resume: (e) => runExecution(engineFor(deps, env), deploymentId, e.id, { waitForLock }) });
}

/** Access that may run comment commands: GitHub's own notion of write access, asked of the API. */
const WRITERS = new Set(['admin', 'maintain', 'write']);

/**
 * `/isthmus plan|apply|heal|uninstall` on a pull request: only from users with write access (asked
 * of the API, not read from the comment's author association); acknowledged with a reaction and
 * answered by editing the sticky comment. Code from a fork is only ever planned. Each command then
 * runs as the matching run would, under the same deployment lock.
 */
async function commentCommand(deps: ActionDeps, env: DriverEnvironment, route: Extract<Route, { kind: 'command' }>): Promise<RunReport> {
  const gh = deps.github;
  const previewId = deps.inputs.deploymentId ?? previewDeploymentId(route.pr, deps.inputs.blueprint);
  const base: RunReport = { deploymentId: previewId, title: `/isthmus ${route.command} on pull request #${route.pr}`, status: 'skipped', summaryOnly: true };
  const react = async (content: '+1' | '-1' | 'eyes' | 'confused') => {
    try {
      await gh?.react?.(route.commentId, content);
    } catch (err) {
      deps.runner.warning(`could not react to the comment: ${(err as Error).message}`);
    }
  };
  const refuse = async (why: string): Promise<RunReport> => {
    await react('-1');
    deps.runner.warning(why);
    return { ...base, notes: [why] };
  };
  if (!gh?.permissionOf || !gh.pullRequest) return refuse('Comment commands need the github-token input (to check who asked).');
  let permission: string;
  try {
    permission = await gh.permissionOf(route.user);
  } catch (err) {
    return refuse(`Could not check @${route.user}'s access (${(err as Error).message}): nothing was run.`);
  }
  if (!WRITERS.has(permission))
    return refuse(`@${route.user} has ${permission} access to this repository; /isthmus commands need write access. Nothing was run.`);
  await react('eyes');
  const pr = await gh.pullRequest(route.pr);
  if (pr.state !== 'open') return refuse(`Pull request #${route.pr} is ${pr.state}: commands act on open pull requests only.`);
  if (pr.fork && route.command !== 'plan')
    return refuse(`Pull request #${route.pr} comes from a fork: its code is only ever planned (/isthmus plan), never run with this repository's credentials.`);
  const target = environmentOf(pr.base, deps.inputs).environment;
  const asked = `Asked by @${route.user} in a comment.`;
  let report: RunReport;
  switch (route.command) {
    case 'plan':
      report = await single(deps, env, {
        kind: 'plan-only',
        deploymentId: previewId,
        pr: route.pr,
        why: 'Planned only, as asked: nothing was applied.',
        ...(target ? { environment: target } : {}),
      });
      break;
    case 'apply': {
      if (!target) return refuse(`Pull request #${route.pr} goes into ${pr.base}, which is not a deploy branch: there is no environment plan to apply.`);
      const shown = await gh.findComment(route.pr, commentMarker(previewId));
      const digest = environmentDigestIn(shown ?? '', target.deploymentId);
      if (!digest)
        return refuse(`No plan of ${target.deploymentId} is shown on pull request #${route.pr}: comment /isthmus plan first, review it, then /isthmus apply.`);
      report = await single(deps, env, {
        kind: 'environment',
        deploymentId: target.deploymentId,
        branch: target.branch,
        reviewed: { digest, source: `the comment of pull request #${route.pr}`, pr: route.pr },
      });
      break;
    }
    case 'heal':
      report = await single(deps, env, { kind: 'dispatch', deploymentId: previewId, workflow: 'heal', parameters: {} });
      break;
    case 'uninstall':
      report = await single(deps, env, { kind: 'teardown', deploymentId: previewId, pr: route.pr });
      break;
  }
  await react(report.status === 'failed' || report.status === 'cancelled' ? 'confused' : '+1');
  return { ...report, notes: [asked, ...(report.notes ?? [])] };
}

async function single(
  deps: ActionDeps,
  env: DriverEnvironment,
  route: Exclude<Route, { kind: 'skip' } | { kind: 'sweep' } | { kind: 'command' }>,
): Promise<RunReport> {
  const report = await singleRun(deps, env, route);
  if ((route.kind === 'preview' || route.kind === 'plan-only') && route.environment) {
    try {
      const blueprint = path.resolve(deps.context.workspace, deps.inputs.blueprint);
      report.environment = await environmentPlan(deps, env, route.environment, blueprint, env.plugins.catalog());
    } catch (err) {
      report.notes = [...(report.notes ?? []), `The plan of ${route.environment.deploymentId} after merge could not be made: ${(err as Error).message}`];
    }
  }
  return report;
}

async function singleRun(
  deps: ActionDeps,
  env: DriverEnvironment,
  route: Exclude<Route, { kind: 'skip' } | { kind: 'sweep' } | { kind: 'command' }>,
): Promise<RunReport> {
  const { inputs } = deps;
  const catalog = env.plugins.catalog();
  const blueprint = path.resolve(deps.context.workspace, inputs.blueprint);
  const lock: RunOptions = { waitForLock: inputs.waitForLock };
  const title =
    route.kind === 'preview' || route.kind === 'plan-only'
      ? `Preview deployment \`${route.deploymentId}\``
      : route.kind === 'teardown'
        ? `Preview deployment \`${route.deploymentId}\` torn down`
        : `Deployment \`${route.deploymentId}\``;
  const base: RunReport = { deploymentId: route.deploymentId, title, status: 'failed' };
  try {
    const settled = route.kind === 'plan-only' ? [] : await settle(deps, env, route.deploymentId);
    base.notes = settled;
    const existing = await env.store.getDeployment(route.deploymentId);
    switch (route.kind) {
      case 'plan-only': {
        const planned = planBlueprint(blueprint, loadOptions(deps), catalog, deps.context.workspace);
        const changes = existing
          ? (await startBlueprintUpdate(env.store, existing, blueprint, loadOptions(deps), { preview: true }, catalog)).started.diff.steps
          : allAdded(planned.plan);
        return { ...base, status: 'planned', notes: [...settled, route.why], changes, plan: planned.plan, planDigest: planned.digest };
      }
      case 'preview':
      case 'environment': {
        // A push applies only the plan reviewed on its pull request (or given as plan-digest).
        const review =
          route.kind !== 'environment' ? undefined : route.reviewed ? { reviewed: route.reviewed, pr: route.reviewed.pr } : await reviewedPlanOf(deps, route);
        const stopWhy =
          route.kind !== 'environment'
            ? undefined
            : inputs.planOnly
              ? 'plan-only: planned, not applied.'
              : !review?.reviewed && inputs.requireReviewedPlan
                ? `No reviewed plan (${review?.missing ?? 'none found'}), and require-reviewed-plan is set: planned, not applied.`
                : undefined;
        const stop = await replanned(deps, env, existing, blueprint, catalog, route.kind === 'environment' ? review?.reviewed : undefined, stopWhy);
        if (stop) return { ...base, ...stop, notes: [...settled, ...(stop.notes ?? [])], ...(review?.pr !== undefined ? { commentOn: review.pr } : {}) };
        if (review?.reviewed)
          settled.push(`Applying the plan reviewed in ${review.reviewed.source} (\`${review.reviewed.digest.slice(0, SHOWN_DIGEST_CHARS)}\`).`);
        else if (review?.missing) settled.push(`No reviewed plan: ${review.missing}.`);
        if (review?.pr !== undefined) base.commentOn = review.pr;
        // The digest the sticky comment showed before this push: say when the plan moved on from it.
        const shown = route.kind === 'preview' ? await shownDigest(deps, route.pr, route.deploymentId) : undefined;
        const moved = (digest: string) =>
          shown && shown !== digest
            ? [
                `The blueprint or its inputs changed since the plan this comment showed before (\`${shown.slice(0, SHOWN_DIGEST_CHARS)}\`): re-planned as \`${digest.slice(0, SHOWN_DIGEST_CHARS)}\`.`,
              ]
            : [];
        if (!existing) {
          const { deployment } = await ensureDeployment(env.store, route.deploymentId, blueprint, loadOptions(deps), catalog, {
            ship: env.shipsBlueprintFiles,
          });
          const execution = await startExecution(env.store, {
            deploymentId: deployment.id,
            workflow: 'install',
            catalog,
            trigger: triggerOf(deps, 'pr' in route ? route.pr : review?.pr),
          });
          const done = await run(deps, env, execution, lock);
          const after = await env.store.getDeployment(deployment.id);
          return {
            ...base,
            ...result(done),
            notes: [...settled, ...moved(deployment.blueprintDigest)],
            changes: allAdded(deployment.plan),
            plan: deployment.plan,
            planDigest: deployment.blueprintDigest,
            ...(after?.outputs ? { outputs: after.outputs } : {}),
          };
        }
        const { started, planned } = await startBlueprintUpdate(
          env.store,
          existing,
          blueprint,
          loadOptions(deps),
          {},
          catalog,
          { ship: env.shipsBlueprintFiles },
          { trigger: triggerOf(deps, 'pr' in route ? route.pr : review?.pr) },
        );
        if (started.preview) throw new Error('unexpected preview');
        const notes = [
          ...settled,
          ...moved(planned.digest),
          ...(planned.digest === existing.blueprintDigest
            ? ['The blueprint and inputs are unchanged since the last run: nothing to apply beyond converging.']
            : []),
        ];
        const done = await run(deps, env, started.execution, lock);
        const after = await env.store.getDeployment(existing.id);
        return {
          ...base,
          ...result(done),
          notes,
          changes: started.diff.steps,
          plan: started.diff.finalPlan,
          planDigest: planned.digest,
          ...(after?.outputs ? { outputs: after.outputs } : {}),
        };
      }
      case 'teardown': {
        if (!existing) return { ...base, status: 'skipped', notes: [...settled, 'No preview deployment existed for this pull request.'] };
        const execution = await startExecution(env.store, { deploymentId: existing.id, workflow: 'uninstall', catalog });
        const done = await run(deps, env, execution, lock);
        if (done.status !== 'terminated') return { ...base, ...result(done) };
        const kept = await deleteUninstalled(deps, env, existing.id, execution.id);
        return { ...base, ...result(done), ...(kept ? { notes: [...settled, kept] } : { status: 'uninstalled' as const }) };
      }
      case 'dispatch':
        return await dispatch(deps, env, route, existing !== undefined, lock, base);
    }
  } catch (err) {
    return { ...base, ...failure(deps, err) };
  }
}

/** The plan digest the sticky comment showed before; reading it never fails the run (a token without read access only loses the note). */
async function shownDigest(deps: ActionDeps, pr: number, deploymentId: string): Promise<string | undefined> {
  if (!deps.github) return undefined;
  try {
    return planDigestIn((await deps.github.findComment(pr, commentMarker(deploymentId))) ?? '');
  } catch (err) {
    deps.runner.warning(`could not read the pull request's comments: ${(err as Error).message}`);
    return undefined;
  }
}

const allAdded = (plan: DeploymentPlan): UpdateStep[] => plan.nodes.map((n) => ({ action: 'add', entity: 'node', name: n.id, detail: n.type }));

/** A plan someone approved: its digest, and where it was approved (for the notes). */
interface ReviewedPlan {
  digest: string;
  /** `the plan-digest input`, `pull request #7` … */
  source: string;
  /** The merged pull request that showed it, to report back on. */
  pr?: number;
}

/**
 * The plan made now, checked against the one a reviewer approved: when the blueprint or its inputs
 * changed since, the run re-plans, stops before applying anything, and says so. With `plan-only`
 * (or `require-reviewed-plan` and no reviewed plan), it stops after planning. Undefined when there is
 * nothing to stop for.
 */
async function replanned(
  deps: ActionDeps,
  env: DriverEnvironment,
  existing: DeploymentRecord | undefined,
  blueprint: string,
  catalog: PluginCatalog,
  reviewed: ReviewedPlan | undefined = deps.inputs.planDigest ? { digest: deps.inputs.planDigest, source: 'the plan-digest input' } : undefined,
  stopWhy?: string,
): Promise<Partial<RunReport> | undefined> {
  if (!reviewed && !stopWhy) return undefined;
  let report: Partial<RunReport>;
  if (existing) {
    const { started, planned } = await startBlueprintUpdate(env.store, existing, blueprint, loadOptions(deps), { preview: true }, catalog);
    report = { changes: started.diff.steps, plan: started.diff.finalPlan, planDigest: planned.digest };
  } else {
    const planned = planBlueprint(blueprint, loadOptions(deps), catalog, deps.context.workspace);
    report = { changes: allAdded(planned.plan), plan: planned.plan, planDigest: planned.digest };
  }
  const now = report.planDigest!.slice(0, SHOWN_DIGEST_CHARS);
  if (reviewed && !sameDigest(reviewed.digest, report.planDigest!)) {
    const where = reviewed.pr !== undefined ? ` of pull request #${reviewed.pr}` : '';
    const note = `The blueprint or its inputs changed since the reviewed plan (\`${reviewed.digest.slice(0, SHOWN_DIGEST_CHARS)}\`)${where}: re-planned as \`${now}\` and stopped without applying. Review the plan below, then run again with plan-digest: ${now}.`;
    deps.runner.warning(note.replace(/`/g, ''));
    return { ...report, status: 'planned', notes: [note], ...(reviewed.pr !== undefined ? { commentOn: reviewed.pr } : {}) };
  }
  if (stopWhy) return { ...report, status: 'planned', notes: [`${stopWhy} To apply it, run again with plan-digest: ${now}.`] };
  return undefined;
}

/**
 * The plan a push to a deploy branch must match: the plan-digest input, else the environment plan
 * the merged pull request's comment showed. `missing` says why there is none, when there is none.
 */
async function reviewedPlanOf(
  deps: ActionDeps,
  route: Extract<Route, { kind: 'environment' }>,
): Promise<{ reviewed?: ReviewedPlan; pr?: number; missing?: string }> {
  if (deps.inputs.planDigest) return { reviewed: { digest: deps.inputs.planDigest, source: 'the plan-digest input' } };
  if (!route.sha || !deps.github?.pullRequestsOf) return { missing: 'this push names no commit whose pull request could be looked up' };
  let prs: Array<{ number: number; merged: boolean; base: string }>;
  try {
    prs = (await deps.github.pullRequestsOf(route.sha)).filter((p) => p.merged && p.base === route.branch);
  } catch (err) {
    deps.runner.warning(`could not look up the pull request of ${route.sha}: ${(err as Error).message}`);
    return { missing: `the pull request of ${route.sha.slice(0, 12)} could not be looked up` };
  }
  const pr = prs[0];
  if (!pr) return { missing: `no merged pull request into ${route.branch} contains ${route.sha.slice(0, 12)} (a direct push)` };
  const body = (await deps.github.findComment(pr.number, commentMarker(previewDeploymentId(pr.number, deps.inputs.blueprint))).catch(() => undefined)) ?? '';
  const digest = environmentDigestIn(body, route.deploymentId);
  if (!digest) return { pr: pr.number, missing: `pull request #${pr.number} showed no plan of ${route.deploymentId}` };
  return { reviewed: { digest, source: `pull request #${pr.number}`, pr: pr.number }, pr: pr.number };
}

/** What merging a pull request would do to its base branch's environment: an update preview, or an install. */
async function environmentPlan(
  deps: ActionDeps,
  env: DriverEnvironment,
  target: EnvironmentTarget,
  blueprint: string,
  catalog: PluginCatalog,
): Promise<EnvironmentPlan> {
  const existing = await env.store.getDeployment(target.deploymentId);
  if (existing) {
    const { started, planned } = await startBlueprintUpdate(env.store, existing, blueprint, loadOptions(deps), { preview: true }, catalog);
    return { ...target, exists: true, changes: started.diff.steps, planDigest: planned.digest };
  }
  const planned = planBlueprint(blueprint, loadOptions(deps), catalog, deps.context.workspace);
  return { ...target, exists: false, changes: allAdded(planned.plan), planDigest: planned.digest };
}

function result(done: ExecutionRecord): Partial<RunReport> {
  return { status: statusOf(done), executionId: done.id, workflow: done.workflow, ...(done.error ? { error: done.error } : {}) };
}

function failure(deps: ActionDeps, err: unknown): Partial<RunReport> {
  if (err instanceof BlueprintError) {
    const rest = annotate(deps.runner, err.diagnostics, deps.context.workspace);
    const shown = err.diagnostics.filter((d) => d.severity === 'error').length;
    return { status: 'failed', error: `The blueprint has ${shown} error(s)${rest.length ? `:\n${rest.join('\n')}` : ' (annotated on the files)'}` };
  }
  if (err instanceof ConflictError && err.holder) {
    return {
      status: 'failed',
      error: `Another run holds this deployment: execution ${err.holder.executionId}, run by ${err.holder.owner} (lease until ${new Date(err.holder.expiresAt).toISOString()}). Set wait-for-lock: true to wait for it instead.`,
    };
  }
  return { status: 'failed', error: (err as Error).message ?? String(err) };
}

async function dispatch(
  deps: ActionDeps,
  env: DriverEnvironment,
  route: Extract<Route, { kind: 'dispatch' }>,
  exists: boolean,
  lock: RunOptions,
  base: RunReport,
): Promise<RunReport> {
  const catalog = env.plugins.catalog();
  const blueprint = path.resolve(deps.context.workspace, deps.inputs.blueprint);
  const { workflow, parameters, deploymentId } = route;
  if (workflow === 'install' || workflow === 'update') {
    const stop = await replanned(deps, env, exists ? await env.store.getDeployment(deploymentId) : undefined, blueprint, catalog);
    if (stop) return { ...base, ...stop, notes: [...(base.notes ?? []), ...(stop.notes ?? [])] };
  }
  if (workflow === 'install' && !exists)
    await ensureDeployment(env.store, deploymentId, blueprint, loadOptions(deps), catalog, { ship: env.shipsBlueprintFiles });
  else if (!exists) return { ...base, error: `deployment '${deploymentId}' does not exist; run install first` };
  if (workflow === 'heal') {
    const healed = await runHeal(engineFor(deps, env), deploymentId, parameters, { ...lock, catalog });
    return {
      ...base,
      ...result(healed.heal),
      notes: [...(base.notes ?? []), healed.healed.length ? `Healed ${healed.healed.join(', ')}.` : 'Every checked instance is healthy: nothing to heal.'],
      ...(await outputsOf(env, deploymentId)),
    };
  }
  if (workflow === 'update') {
    // Cloudify's phases first (skip_heal, skip_drift_check, drift_only): heal, then bring drifted instances back too.
    const pre = await runPreUpdate(engineFor(deps, env), deploymentId, parameters, { ...lock, catalog });
    const existing = (await env.store.getDeployment(deploymentId))!;
    const { started, planned } = await startBlueprintUpdate(
      env.store,
      existing,
      blueprint,
      loadOptions(deps),
      parameters,
      catalog,
      { ship: env.shipsBlueprintFiles },
      { drifted: pre.drifted, trigger: triggerOf(deps) },
    );
    if (started.preview) return { ...base, status: 'planned', changes: started.diff.steps, planDigest: planned.digest };
    const done = await run(deps, env, started.execution, lock);
    const notes = [
      ...(base.notes ?? []),
      ...(pre.heal?.healed.length ? [`Healed before the update: ${pre.heal.healed.join(', ')}.`] : []),
      ...(pre.drifted.length ? [`Drifted, brought back to the blueprint: ${pre.drifted.join(', ')}.`] : []),
      ...pre.notes,
    ];
    return { ...base, ...result(done), changes: started.diff.steps, notes, ...(await outputsOf(env, deploymentId)) };
  }
  if (workflow === 'rollback') {
    const to = parameters['to'] ?? parameters['revision'];
    if (to !== undefined && !(typeof to === 'number' && Number.isInteger(to) && to > 0))
      return { ...base, error: `rollback's parameter 'to' must be a revision number, not ${JSON.stringify(to).slice(0, 40)}` };
    const { started, target } = await startRollback(env.store, deploymentId, to as number | undefined, {
      catalog,
      trigger: triggerOf(deps),
      preview: parameters['preview'] === true,
    });
    const notes = [...(base.notes ?? []), `Rolling back to revision ${target.revision} (${target.workflow} of ${target.at}).`];
    if (started.preview) return { ...base, status: 'planned', notes, changes: started.diff.steps, planDigest: target.blueprintDigest };
    const done = await run(deps, env, started.execution, lock);
    return { ...base, ...result(done), notes, changes: started.diff.steps, ...(await outputsOf(env, deploymentId)) };
  }
  const execution = await startExecution(env.store, {
    deploymentId,
    workflow,
    parameters: parameters as YamlMap,
    catalog,
    ...(workflow === 'install' ? { trigger: triggerOf(deps) } : {}),
  });
  const done = await run(deps, env, execution, lock);
  return { ...base, ...result(done), ...(await outputsOf(env, deploymentId)) };
}

async function outputsOf(env: DriverEnvironment, id: string): Promise<Partial<RunReport>> {
  const d = await env.store.getDeployment(id);
  return d?.outputs ? { outputs: d.outputs } : {};
}

/**
 * The scheduled sweep over every matching deployment, by mode: `report` checks health and drift
 * and changes nothing; `heal` (the default) heals what check_status finds unhealthy first;
 * `reconcile` also updates drifted instances back to the blueprint (update with drift_only). Then
 * it looks again: a deployment still unhealthy or drifted gets (or keeps) one issue, a healthy and
 * in-sync one has its issue closed. Each run looks at the current state, so missed or late ticks
 * do not matter.
 */
async function sweep(deps: ActionDeps, env: DriverEnvironment, filter: string | undefined, mode: SweepMode, redactor: Redactor): Promise<RunReport> {
  const catalog = env.plugins.catalog();
  const rows: string[] = [];
  let failing = 0;
  const expired = deps.inputs.previewTtlMs ? await expirePreviews(deps, env, deps.inputs.previewTtlMs, rows, redactor) : new Set<string>();
  failing += await runDueSchedules(deps, env, filter, rows, expired);
  for (const d of await env.store.listDeployments()) {
    if (!matchesFilter(d.id, filter) || expired.has(d.id)) continue;
    const instances = await env.store.listNodeInstances(d.id);
    if (!instances.some((i) => i.state === 'started')) continue;
    try {
      const engine = engineFor(deps, env);
      const resumed = await settleDeployment(env.store, d.id, { waitForLock: false, resume: (e) => runExecution(engine, d.id, e.id, {}) });
      for (const note of resumed) deps.runner.info(`${d.id}: ${note}`);
      const done: string[] = [];
      if (mode !== 'report') {
        const healed = await runHeal(engine, d.id, {}, { catalog });
        if (healed.healed.length) done.push(`healed ${healed.healed.join(', ')}`);
      }
      if (mode === 'reconcile') {
        const found = await driftOf(engine, d.id, catalog);
        if (found.drifted.length > 0) {
          const started = await startUpdate(
            env.store,
            d.id,
            { plan: d.plan, inputs: d.inputs, blueprintFile: d.blueprintFile, blueprintDigest: d.blueprintDigest },
            { drift_only: true },
            { catalog, drifted: found.drifted },
          );
          if (!started.preview) {
            const update = await run(deps, env, started.execution, {});
            done.push(`reconciled ${found.drifted.join(', ')}${update.status === 'terminated' ? '' : ` (update ${update.status})`}`);
          }
        }
      }
      const check = await startExecution(env.store, { deploymentId: d.id, workflow: 'check_status', catalog });
      await run(deps, env, check, {});
      const drift = await driftOf(engine, d.id, catalog);
      const now = await env.store.listNodeInstances(d.id);
      const unhealthy = now.filter((i) => i.lastCheckStatus && !i.lastCheckStatus.ok);
      const drifted = now.filter((i) => drift.drifted.includes(i.id));
      const marker = hiddenMarker('health', d.id);
      const runLink = deps.context.runUrl ? `[Run log](${deps.context.runUrl})` : '';
      const health = unhealthy.length > 0 ? `❌ unhealthy (${unhealthy.length})` : '✅ healthy';
      const driftCell = drift.note
        ? '❔ not checked'
        : drifted.length > 0
          ? `⚠️ drifted (${drifted.length})`
          : drift.checked > 0
            ? '✅ in sync'
            : '➖ no drift checks';
      if (unhealthy.length > 0 || drifted.length > 0) {
        failing++;
        const what = [unhealthy.length > 0 ? 'is unhealthy' : '', drifted.length > 0 ? 'has drifted' : ''].filter(Boolean).join(' and ');
        const lines = [
          ...unhealthy.map((i) => `- ${mdCode(i.id)}: ${mdText(i.lastCheckStatus?.message ?? 'unhealthy')}`),
          ...drifted.map((i) => `- ${mdCode(i.id)} drifted: ${mdText(JSON.stringify(i.lastCheckDrift?.differences ?? {}).slice(0, 500))}`),
        ];
        const after = mode === 'report' ? '' : mode === 'heal' ? ' after healing' : ' after healing and reconciling';
        const body = `${marker}\nDeployment ${mdCode(d.id)} ${what}${after}:\n\n${lines.join('\n')}\n\n${runLink}`;
        // Check messages and drift reports may hold a secret some operation of this run read.
        await deps.github?.reportUnhealthy(marker, redactor.redact(`Isthmus: deployment ${d.id} ${what}`), redactor.redact(body));
      } else {
        const closed = await deps.github?.reportHealthy(marker, `Deployment ${mdCode(d.id)} is healthy and in sync again${runLink ? ` (${runLink})` : ''}.`);
        if (closed) done.push('issue closed');
      }
      if (drift.note) done.push(drift.note);
      rows.push(`| ${mdCode(d.id)} | ${health} | ${driftCell} | ${done.length ? mdText(done.join('; ')) : mode === 'report' ? 'reported' : 'nothing to do'} |`);
    } catch (err) {
      // Another run is working on it: that run reports; the next sweep looks again.
      if (err instanceof ConflictError) {
        rows.push(`| ${mdCode(d.id)} | ⏳ busy | | ${mdText(err.message)} |`);
        continue;
      }
      failing++;
      rows.push(`| ${mdCode(d.id)} | ⚠️ not checked | | ${mdText((err as Error).message)} |`);
    }
  }
  const table = rows.length ? `| deployment | health | drift | what happened |\n|---|---|---|---|\n${rows.join('\n')}` : '_No deployment to check._';
  return {
    deploymentId: filter ?? '*',
    title: mode === 'report' ? 'Drift and health report' : mode === 'heal' ? 'Healing sweep' : 'Reconciling sweep',
    status: failing > 0 ? 'failed' : 'succeeded',
    body: table,
    ...(failing > 0 ? { error: `${failing} deployment(s) unhealthy or drifted` } : {}),
  };
}

/**
 * The deployments' execution schedules (`deployment_settings.default_schedules`): each occurrence
 * that is due is claimed on the deployment record (a conditional write, so two runs cannot both
 * take it) and then run. Returns how many schedule runs failed.
 */
async function runDueSchedules(deps: ActionDeps, env: DriverEnvironment, filter: string | undefined, rows: string[], skip: Set<string>): Promise<number> {
  const catalog = env.plugins.catalog();
  let failed = 0;
  for (let d of await env.store.listDeployments()) {
    const all = { ...(d.plan.schedules ?? {}), ...(d.schedules ?? {}) };
    if (Object.keys(all).length === 0 || skip.has(d.id) || !matchesFilter(d.id, filter)) continue;
    for (const [name, spec] of Object.entries(all)) {
      const done = d.scheduleRuns?.[name] ?? { runs: 0 };
      const occurrence = dueOccurrence(spec, Date.parse(d.createdAt), Date.now(), done);
      if (!occurrence) continue;
      const cell = `⏰ ${mdCode(name)}`;
      try {
        d = await env.store.updateDeployment(d.id, d.version, { scheduleRuns: { ...d.scheduleRuns, [name]: { runs: done.runs + 1, last: occurrence } } });
      } catch (err) {
        if (!(err instanceof ConflictError)) throw err;
        rows.push(`| ${mdCode(d.id)} | ${cell} | | ${mdText(`not run: another run changed the deployment (${err.message}); the next run looks again`)} |`);
        continue;
      }
      try {
        await settleDeployment(env.store, d.id, { waitForLock: false, resume: (e) => runExecution(engineFor(deps, env), d.id, e.id, {}) });
        const execution =
          spec.workflow === 'heal'
            ? (await runHeal(engineFor(deps, env), d.id, spec.parameters, { catalog })).heal
            : await run(deps, env, await startExecution(env.store, { deploymentId: d.id, workflow: spec.workflow, parameters: spec.parameters, catalog }), {});
        if (execution.status !== 'terminated') failed++;
        rows.push(
          `| ${mdCode(d.id)} | ${cell} | | ${mdText(`${spec.workflow} for ${occurrence}: ${execution.status}${execution.error ? ` (${execution.error})` : ''}`)} |`,
        );
      } catch (err) {
        failed++;
        rows.push(`| ${mdCode(d.id)} | ${cell} | | ${mdText(`${spec.workflow} for ${occurrence} did not run: ${(err as Error).message}`)} |`);
      }
      d = (await env.store.getDeployment(d.id)) ?? d;
    }
  }
  return failed;
}

/** Executions that are not someone using the deployment: the sweep's own checks, and heals that found nothing. */
const isUse = (e: ExecutionRecord) => !['check_status', 'check_drift'].includes(e.workflow) && !(e.workflow === 'heal' && e.taskCount === 0);

/** When a deployment was last used (installed, updated, scaled, healed …), in ms since the epoch. */
async function lastUse(env: DriverEnvironment, d: DeploymentRecord): Promise<number> {
  const used = (await env.store.listExecutions(d.id)).filter(isUse).at(-1);
  return Date.parse(used ? (used.endedAt ?? used.startedAt ?? used.createdAt) : d.createdAt);
}

const PREVIEW_ID = /^pr-(\d+)(?:-|$)/;

/**
 * preview-ttl: previews (`pr-<n>…`, not a Component's child) idle for longer than the TTL, or whose
 * pull request is closed (a teardown that failed), are uninstalled and deleted, and the pull
 * request is told. A preview in use (its lock held) is left to the next run.
 */
async function expirePreviews(deps: ActionDeps, env: DriverEnvironment, ttlMs: number, rows: string[], redactor: Redactor): Promise<Set<string>> {
  const catalog = env.plugins.catalog();
  const removed = new Set<string>();
  const days = (ms: number) => (ms >= 86_400_000 ? `${Math.floor(ms / 86_400_000)}d` : `${Math.floor(ms / 3_600_000)}h`);
  for (const d of await env.store.listDeployments()) {
    const pr = PREVIEW_ID.exec(d.id);
    if (!pr || d.parent) continue;
    const number = Number(pr[1]);
    let closed = false;
    try {
      closed = (await deps.github?.pullRequest?.(number))?.state === 'closed';
    } catch {
      // Not knowing whether the pull request is closed leaves only the TTL to decide.
    }
    const idle = Date.now() - (await lastUse(env, d));
    if (!closed && idle <= ttlMs) continue;
    const why = closed ? `its pull request is closed (its teardown did not finish)` : `idle for ${days(idle)}, longer than preview-ttl (${days(ttlMs)})`;
    try {
      await settleDeployment(env.store, d.id, { waitForLock: false, resume: (e) => runExecution(engineFor(deps, env), d.id, e.id, {}) });
      const execution = await startExecution(env.store, { deploymentId: d.id, workflow: 'uninstall', catalog });
      const done = await run(deps, env, execution, {});
      const kept = done.status === 'terminated' ? await deleteUninstalled(deps, env, d.id, execution.id) : undefined;
      const gone = done.status === 'terminated' && !kept;
      if (gone) removed.add(d.id);
      rows.push(`| ${mdCode(d.id)} | 🧹 expired | | ${mdText(gone ? `removed: ${why}` : `removal ${done.status}${kept ? `: ${kept}` : ''}`)} |`);
      const report: RunReport = {
        deploymentId: d.id,
        title: `Preview deployment \`${d.id}\` expired`,
        status: gone ? 'uninstalled' : statusOf(done),
        notes: [`Removed by the scheduled run: ${why}.${gone ? ' Push to the pull request (or reopen it) to deploy it again.' : ''}`],
        executionId: done.id,
        ...(done.error ? { error: done.error } : {}),
        ...(deps.context.runUrl ? { runUrl: deps.context.runUrl } : {}),
      };
      if (deps.inputs.commentOnPr) await deps.github?.upsertComment(number, commentMarker(d.id), renderReport(report, redactor)).catch(() => undefined);
    } catch (err) {
      rows.push(`| ${mdCode(d.id)} | ⏳ not expired yet | | ${mdText((err as Error).message)} |`);
    }
  }
  return removed;
}

/** check_drift over a deployment; a deployment whose checks cannot run is reported as not checked. */
async function driftOf(engine: EngineDeps, id: string, catalog: PluginCatalog): Promise<{ drifted: string[]; checked: number; note?: string }> {
  try {
    const found = await runDriftCheck(engine, id, { catalog });
    return { drifted: found.drifted, checked: found.checked.length };
  } catch (err) {
    if (err instanceof WorkflowError) return { drifted: [], checked: 0, note: `drift not checked: ${err.message}` };
    throw err;
  }
}
