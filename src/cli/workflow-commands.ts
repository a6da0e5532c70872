import { readFileSync } from 'node:fs';
import { hostname, userInfo } from 'node:os';
import path from 'node:path';
import type { Command } from 'commander';
import { parse } from 'yaml';
import type { YamlMap } from '../dsl/index.js';
import { ACTIVE_EXECUTION_STATUSES, type ExecutionRecord } from '../state/records.js';
import { blueprintFlags, collect, loadOptionsFrom, UsageError, type BlueprintCliOptions } from './options.js';
import type { DriverEnvironment } from '../compose.js';
import type { DriverSettings } from '../settings.js';
import { ProgressDisplay } from './progress.js';
import { stopLocalSandbox } from './sandbox.js';
import type { CliIO } from './io.js';

interface RunFlags {
  maxParallel?: string;
  waitLock?: boolean;
  verbose?: boolean;
  parameters?: string[];
}

/** `-p key=value` or `-p file.yaml` workflow parameters. */
function readParameters(specs: string[] = []): YamlMap {
  const out: YamlMap = {};
  for (const spec of specs) {
    const eq = spec.indexOf('=');
    if (eq > 0) out[spec.slice(0, eq)] = (parse(spec.slice(eq + 1)) ?? null) as YamlMap[string];
    else Object.assign(out, parse(readFileSync(spec, 'utf8')) as YamlMap);
  }
  return out;
}

/** The driver, engine and local state, imported when a command first runs a workflow. */
const runtime = () => import('./workflow-runtime.js');

/** Who runs this CLI, for the deployment's history. */
const cliTrigger = () => {
  let user = 'unknown';
  try {
    user = userInfo().username;
  } catch {
    // A user with no passwd entry (some containers) is still a user.
  }
  return { by: `cli ${user}@${hostname()}` };
};

export function defaultDeploymentId(blueprint: string): string {
  const abs = path.resolve(blueprint);
  const base = path.basename(abs).replace(/\.ya?ml$/, '');
  return (base === 'blueprint' ? path.basename(path.dirname(abs)) : base).replace(/[^A-Za-z0-9_.-]/g, '-');
}

async function drive(io: CliIO, env: DriverEnvironment, execution: ExecutionRecord, flags: RunFlags): Promise<number> {
  const tty = Boolean(process.stdout.isTTY);
  const progress = new ProgressDisplay((t) => process.stdout.write(t), execution.taskCount, tty, flags.verbose ?? false);
  io.out(`Execution ${execution.id}: ${execution.workflow} on deployment ${execution.deploymentId} (${execution.taskCount} tasks)`);
  env.logListener.current = progress.onEvent;
  const done = await (await runtime()).runExecution(
    { ...env.engine, onEvent: progress.onEvent, ...(flags.maxParallel ? { maxParallel: Number(flags.maxParallel) } : {}) },
    execution.deploymentId,
    execution.id,
    { waitForLock: flags.waitLock ?? false },
  );
  progress.end();
  if (done.status === 'terminated') {
    const dep = await env.store.getDeployment(done.deploymentId);
    if (dep && Object.keys(dep.outputs).length > 0 && (done.workflow === 'install' || done.workflow === 'update'))
      io.out(`Outputs:\n${JSON.stringify(dep.outputs, null, 2)}`);
    return 0;
  }
  io.err(`Execution ${done.id} ${done.status}${done.error ? `: ${done.error}` : ''}`);
  io.err(`Resume it with: isthmus executions resume ${done.id}`);
  return 1;
}

function runFlags(cmd: Command): Command {
  return cmd
    .option('--max-parallel <n>', 'operations running at once (default 16)')
    .option('--wait-lock', 'wait for another run on this deployment to finish instead of failing')
    .option('-v, --verbose', 'show every task as it starts and ends');
}

/** Commands that run workflows locally (DynamoDB Local + in-process steps). */
/** Runs a command with the driver's environment (state, steps), closed after; its answer is the exit code. */
export function environmentRunner(setExit: (code: number) => void, settings: () => DriverSettings) {
  return async (fn: (env: DriverEnvironment) => Promise<number>) => {
    const env = await (await runtime()).openDriverEnvironment(settings());
    try {
      setExit(await fn(env));
    } finally {
      env.store.client.destroy();
    }
  };
}

export function registerWorkflowCommands(program: Command, io: CliIO, setExit: (code: number) => void, settings: () => DriverSettings): void {
  const withEnv = environmentRunner(setExit, settings);

  runFlags(
    blueprintFlags(
      program
        .command('install <blueprint>')
        .description('create a deployment from a blueprint (if needed) and install it')
        .option('-d, --deployment-id <id>', 'deployment id (default: from the blueprint file name)'),
    ),
  ).action((blueprint: string, flags: BlueprintCliOptions & RunFlags & { deploymentId?: string }) =>
    withEnv(async (env) => {
      const id = flags.deploymentId ?? defaultDeploymentId(blueprint);
      const { created, deployment } = await (await runtime()).ensureDeployment(
        env.store,
        id,
        blueprint,
        loadOptionsFrom(blueprint, flags),
        env.plugins.catalog(),
        { ship: env.shipsBlueprintFiles },
      );
      if (created) io.out(`Created deployment ${id}: ${deployment.plan.nodeInstances.length} node instances`);
      // Components' child blueprints load with this command's --plugins and --blueprint-import too.
      env.engine = { ...env.engine, children: env.children.withLoadOptions(loadOptionsFrom(blueprint, flags)) };
      const execution = await (await runtime()).startExecution(env.store, {
        deploymentId: id,
        workflow: 'install',
        catalog: env.plugins.catalog(),
        trigger: cliTrigger(),
      });
      return drive(io, env, execution, flags);
    }),
  );

  const dayTwo: Array<[string, string, string]> = [
    ['uninstall', 'uninstall', 'uninstall a deployment (-p ignore_failure=true to go on past failures)'],
    ['start', 'start', 'run lifecycle start on the deployment (filters: -p node_ids=[a])'],
    ['stop', 'stop', 'run lifecycle stop on the deployment'],
    ['restart', 'restart', 'stop then start'],
    ['execute-operation', 'execute_operation', 'run an operation: -p operation=cloudify.interfaces.lifecycle.configure -p operation_kwargs={...}'],
    ['check-status', 'check_status', "run check_status and record each instance's health"],
    ['check-drift', 'check_drift', "compare each instance's live resources with what was applied, and record in sync, drifted or unknown"],
    ['scale', 'scale', 'add or remove instances: -p scalable_entity_name=NODE_OR_GROUP -p delta=2 (negative scales in)'],
  ];
  for (const [command, workflow, description] of dayTwo) {
    runFlags(
      program
        .command(`${command} <deployment>`)
        .description(description)
        .option('-p, --parameters <key=value|file>', 'workflow parameters (repeatable)', collect, []),
    ).action((deployment: string, flags: RunFlags) =>
      withEnv(async (env) => {
        const execution = await (await runtime()).startExecution(env.store, {
          deploymentId: deployment,
          workflow,
          parameters: readParameters(flags.parameters),
          catalog: env.plugins.catalog(),
        });
        const code = await drive(io, env, execution, flags);
        if (workflow === 'check_drift') {
          for (const i of await env.store.listNodeInstances(deployment)) {
            const d = i.lastCheckDrift;
            const detail = d?.state === 'drifted' ? `: ${JSON.stringify(d.differences ?? {})}` : d?.message ? `: ${d.message}` : '';
            io.out(`  ${(d?.state ?? 'unknown (no drift check)').padEnd(9)} ${i.id}${detail}`);
          }
        }
        if (workflow === 'check_status') {
          for (const i of await env.store.listNodeInstances(deployment)) {
            io.out(
              `  ${i.lastCheckStatus?.ok ? 'healthy  ' : 'UNHEALTHY'} ${i.id} (${i.state})${i.lastCheckStatus?.message ? `: ${i.lastCheckStatus.message}` : ''}`,
            );
          }
        }
        return code;
      }),
    );
  }

  runFlags(
    program
      .command('heal <deployment>')
      .description('check_status, then heal or reinstall what is unhealthy (-p node_instance_id=ID, -p force_reinstall=true, -p allow_reinstall=false)')
      .option('-p, --parameters <key=value|file>', 'heal parameters (repeatable)', collect, []),
  ).action((deployment: string, flags: RunFlags) =>
    withEnv(async (env) => {
      const progress = new ProgressDisplay((t) => process.stdout.write(t), 0, false, flags.verbose ?? false);
      env.logListener.current = progress.onEvent;
      const run = await (await runtime()).runHeal(
        { ...env.engine, onEvent: progress.onEvent, ...(flags.maxParallel ? { maxParallel: Number(flags.maxParallel) } : {}) },
        deployment,
        readParameters(flags.parameters),
        { waitForLock: flags.waitLock ?? false, catalog: env.plugins.catalog() },
      );
      progress.end();
      io.out(
        run.healed.length === 0
          ? 'Nothing to heal: every checked instance is healthy'
          : `Healed ${run.healed.join(', ')} (execution ${run.heal.id}: ${run.heal.status})`,
      );
      if (run.heal.status !== 'terminated') io.err(`Resume it with: isthmus executions resume ${run.heal.id}`);
      return run.heal.status === 'terminated' ? 0 : 1;
    }),
  );

  runFlags(
    blueprintFlags(
      program
        .command('update <deployment>')
        .description('update a deployment to a new blueprint and/or inputs (-p preview=true shows the steps only)')
        .option('-b, --blueprint <file>', "the new blueprint (default: the deployment's blueprint file, re-read)")
        .option('-p, --parameters <key=value|file>', 'skip_install, skip_uninstall, skip_reinstall, reinstall_list, preview', collect, [])
        .option('--skip-drift-check', 'do not check drift first (drifted instances are otherwise brought back to the blueprint too)')
        .option('--skip-heal', 'do not heal unhealthy instances first')
        .option('--drift-only', "keep the deployment's blueprint and inputs: only bring drifted instances back to them"),
    ),
  ).action(
    (deploymentId: string, flags: BlueprintCliOptions & RunFlags & { blueprint?: string; skipDriftCheck?: boolean; skipHeal?: boolean; driftOnly?: boolean }) =>
      withEnv(async (env) => {
        const dep = await env.store.getDeployment(deploymentId);
        if (!dep) throw new UsageError(`deployment '${deploymentId}' does not exist`);
        if (flags.driftOnly && flags.blueprint) throw new UsageError("--drift-only keeps the deployment's blueprint: leave out --blueprint");
        const blueprint = flags.blueprint ?? dep.blueprintFile;
        const parameters = {
          ...readParameters(flags.parameters),
          ...(flags.skipDriftCheck ? { skip_drift_check: true } : {}),
          ...(flags.skipHeal ? { skip_heal: true } : {}),
          ...(flags.driftOnly ? { drift_only: true } : {}),
        };
        const pre = await (await runtime()).runPreUpdate(env.engine, deploymentId, parameters, {
          waitForLock: flags.waitLock ?? false,
          catalog: env.plugins.catalog(),
        });
        if (pre.heal?.healed.length) io.out(`Healed before the update: ${pre.heal.healed.join(', ')}`);
        if (pre.driftCheck) io.out(pre.drifted.length ? `Drifted, brought back by the update: ${pre.drifted.join(', ')}` : 'No drift found');
        for (const note of pre.notes) io.err(note);
        const { started } = await (await runtime()).startBlueprintUpdate(
          env.store,
          dep,
          blueprint,
          loadOptionsFrom(blueprint, flags),
          parameters,
          env.plugins.catalog(),
          { ship: env.shipsBlueprintFiles },
          { drifted: pre.drifted },
        );
        for (const step of started.diff.steps)
          io.out(`  ${step.action.padEnd(6)} ${step.entity.padEnd(12)} ${step.name}${step.detail ? `  (${step.detail})` : ''}`);
        if (started.diff.steps.length === 0) io.out('  no changes');
        env.engine = { ...env.engine, children: env.children.withLoadOptions(loadOptionsFrom(blueprint, flags)) };
        if (started.preview) {
          io.out(`Preview only: the update would run ${started.taskCount} tasks`);
          return 0;
        }
        return drive(io, env, started.execution, flags);
      }),
  );

  program
    .command('history <deployment>')
    .description('list the revisions of a deployment: each install and update, who started it, and what it was made from')
    .action((deploymentId: string) =>
      withEnv(async (env) => {
        const dep = await env.store.getDeployment(deploymentId);
        if (!dep) throw new UsageError(`deployment '${deploymentId}' does not exist`);
        const revisions = await env.store.listRevisionSummaries(deploymentId);
        if (revisions.length === 0) io.out('  no revisions recorded (deployments installed before history was kept have none until their next update)');
        for (const r of revisions) {
          const t = r.trigger;
          const what = [
            t?.by ?? 'unknown',
            t?.pr !== undefined ? `PR #${t.pr}` : '',
            t?.commit ? `commit ${t.commit.slice(0, 12)}` : '',
            t?.rollbackTo !== undefined ? `back to ${t.rollbackTo}` : '',
            t?.run ?? '',
          ].filter(Boolean);
          const current = dep.revision?.number === r.revision ? '*' : ' ';
          io.out(
            `${current} ${String(r.revision).padStart(3)}  ${r.at}  ${r.workflow.padEnd(8)} ${r.blueprintDigest.slice(0, 12)}  ${r.executionId}  ${what.join(', ')}`,
          );
        }
        return 0;
      }),
    );

  runFlags(
    program
      .command('rollback <deployment>')
      .description('update a deployment back to a revision of its history (default: the one before the current) — its plan, inputs and shipped files')
      .option('--to <revision>', 'the revision to return to (see isthmus history)')
      .option('--preview', 'show the changes only'),
  ).action((deploymentId: string, flags: RunFlags & { to?: string; preview?: boolean }) =>
    withEnv(async (env) => {
      const to = flags.to === undefined ? undefined : Number(flags.to);
      if (to !== undefined && !(Number.isInteger(to) && to > 0)) throw new UsageError(`--to must be a revision number, not '${flags.to}'`);
      const { started, target } = await (await runtime()).startRollback(env.store, deploymentId, to, {
        catalog: env.plugins.catalog(),
        trigger: cliTrigger(),
        preview: flags.preview ?? false,
      });
      io.out(`Rolling back ${deploymentId} to revision ${target.revision} (${target.workflow} of ${target.at})`);
      for (const step of started.diff.steps)
        io.out(`  ${step.action.padEnd(6)} ${step.entity.padEnd(12)} ${step.name}${step.detail ? `  (${step.detail})` : ''}`);
      if (started.preview) {
        io.out(`Preview only: the rollback would run ${started.taskCount} tasks`);
        return 0;
      }
      return drive(io, env, started.execution, flags);
    }),
  );

  const executions = program.command('executions').description('list, show, cancel and resume executions');
  executions.command('list <deployment>').action((deployment: string) =>
    withEnv(async (env) => {
      for (const e of await env.store.listExecutions(deployment))
        io.out(`${e.id}  ${e.workflow.padEnd(18)} ${e.status.padEnd(12)} ${e.createdAt}${e.error ? `  ${e.error}` : ''}`);
      return 0;
    }),
  );
  executions.command('show <execution>').action((id: string) =>
    withEnv(async (env) => {
      const e = await env.store.findExecution(id);
      if (!e) throw new UsageError(`execution '${id}' does not exist`);
      const tasks = await env.store.listTasks(id);
      io.out(
        JSON.stringify(
          { ...e, tasks: { total: tasks.length, failed: tasks.filter((t) => t.status === 'failed').map((t) => ({ id: t.id, error: t.error })) } },
          null,
          2,
        ),
      );
      return 0;
    }),
  );
  executions
    .command('cancel <execution>')
    .option('--force', 'do not wait for running operations')
    .action((id: string, flags: { force?: boolean }) =>
      withEnv(async (env) => {
        const e = await (await runtime()).cancelExecution(env.store, id, flags.force ?? false);
        io.out(`Execution ${e.id}: ${e.status}`);
        return 0;
      }),
    );
  runFlags(
    executions
      .command('start <workflow>')
      .description("run any workflow of a deployment: a built-in, or one its blueprint declares (Cloudify's `cfy executions start`)")
      .requiredOption('-d, --deployment-id <id>', 'the deployment')
      .option('-p, --parameters <key=value|file>', 'workflow parameters (repeatable)', collect, []),
  ).action((workflow: string, flags: RunFlags & { deploymentId: string }) =>
    withEnv(async (env) => {
      const execution = await (await runtime()).startExecution(env.store, {
        deploymentId: flags.deploymentId,
        workflow,
        parameters: readParameters(flags.parameters),
        catalog: env.plugins.catalog(),
      });
      return drive(io, env, execution, flags);
    }),
  );
  runFlags(executions.command('resume <execution>').description('continue an unfinished or failed execution where it stopped')).action(
    (id: string, flags: RunFlags) =>
      withEnv(async (env) => {
        let e = await env.store.findExecution(id);
        if (!e) throw new UsageError(`execution '${id}' does not exist`);
        if (e.status === 'terminated') {
          io.out(`Execution ${id} already succeeded`);
          return 0;
        }
        if (!ACTIVE_EXECUTION_STATUSES.includes(e.status)) e = await env.store.updateExecution(e.deploymentId, e.id, e.version, { status: 'started' });
        return drive(io, env, e, { ...flags, waitLock: flags.waitLock ?? true });
      }),
  );

  program
    .command('events <execution>')
    .description('print the events of an execution')
    .action((id: string) =>
      withEnv(async (env) => {
        for (const e of await env.store.listEvents(id)) io.out(`${e.at} ${e.level.padEnd(7)} ${e.type.padEnd(17)} ${e.nodeInstanceId ?? ''} ${e.message}`);
        return 0;
      }),
    );
  program
    .command('outputs <deployment>')
    .description("print a deployment's outputs as JSON")
    .action((id: string) =>
      withEnv(async (env) => {
        const dep = await env.store.getDeployment(id);
        if (!dep) throw new UsageError(`deployment '${id}' does not exist`);
        io.out(JSON.stringify(dep.outputs, null, 2));
        return 0;
      }),
    );
  program
    .command('deployments')
    .description('list deployments and their instances')
    .action(() =>
      withEnv(async (env) => {
        for (const d of await env.store.listDeployments()) {
          const instances = await env.store.listNodeInstances(d.id);
          const states = new Map<string, number>();
          for (const i of instances) states.set(i.state, (states.get(i.state) ?? 0) + 1);
          io.out(`${d.id.padEnd(24)} ${d.status.padEnd(12)} ${[...states].map(([s, n]) => `${n} ${s}`).join(', ')}  (${d.blueprintFile})`);
        }
        return 0;
      }),
    );
  program
    .command('local')
    .description('manage the local state service')
    .command('stop')
    .description('stop the background DynamoDB Local and sandbox of this directory')
    .action(async () => {
      io.out((await runtime()).stopLocalState(process.cwd()) ? 'Stopped DynamoDB Local' : 'No DynamoDB Local was running here');
      if (stopLocalSandbox(process.cwd())) io.out('Stopped the sandbox');
    });
}
