import { Command, Option } from 'commander';
import { loadBlueprint, BlueprintError } from '../dsl/index.js';
import { planDeployment, PlanError } from '../plan/index.js';
import { lifecycleSteps } from '../workflows/index.js';
import { blueprintFlags, loadOptionsFrom, UsageError, type BlueprintCliOptions } from './options.js';
import { renderDiagnostics, renderMermaid, renderPlanTable } from './render.js';
import { registerScheduleCommands } from './schedule-commands.js';
import { registerWorkflowCommands } from './workflow-commands.js';
import { ensureLocalSandbox, registerSandboxCommands } from './sandbox.js';
import { processIO, type CliIO } from './io.js';
import { parseDriverSettings, SettingsError, type DriverSettings, type Environment } from '../settings.js';
import { defaultPluginRegistry } from '../plugins/index.js';
import { ConflictError } from '../state/errors.js';
import { WorkflowError } from '../workflows/index.js';

export type { CliIO };

/**
 * Runs the CLI; returns the exit code instead of exiting, so tests can drive it. `env` is the
 * process environment (src/cli/index.ts passes it): parsed once into settings, which the global
 * flags then override.
 */
export async function runCli(argv: string[], io: CliIO = processIO, env: Environment = {}): Promise<number> {
  let exitCode = 0;
  let kubeconfigOverride: string | undefined;
  let settings: DriverSettings | undefined;
  const globalFlags = () => program.opts<{ aws?: boolean; stateTable?: string; stepFunction?: string; sandbox?: boolean }>();
  const driverSettings = (): DriverSettings => {
    if (settings) return settings;
    const base = parseDriverSettings(env);
    const o = globalFlags();
    settings = {
      ...base,
      ...(o.aws ? { mode: 'aws' as const } : {}),
      ...(o.stateTable ? { stateTable: o.stateTable } : {}),
      ...(o.stepFunction ? { stepFunction: o.stepFunction } : {}),
      ...(kubeconfigOverride ? { plugins: { ...base.plugins, kubeconfigOverride } } : {}),
    };
    return settings;
  };
  const program = new Command('isthmus')
    .description('Serverless Cloudify-DSL orchestrator: validate, plan and run blueprints (local mode: DynamoDB Local + in-process steps)')
    .option('--aws', 'AWS mode: use the state table and step Lambda in your account (ISTHMUS_MODE=aws)')
    .option('--state-table <name>', 'DynamoDB table of AWS mode (ISTHMUS_STATE_TABLE)')
    .option('--step-function <name>', 'step Lambda of AWS mode (ISTHMUS_STEP_FUNCTION)')
    .option('--sandbox', "point every Kubernetes node at this directory's local sandbox (started when missing)")
    .hook('preAction', async () => {
      // `--sandbox`: every Kubernetes node of the command talks to this directory's sandbox.
      if (globalFlags().sandbox) kubeconfigOverride = (await ensureLocalSandbox(process.cwd())).kubeconfig;
    })
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) });

  blueprintFlags(program.command('validate <blueprint>').description('check a blueprint; exit 0 when valid, 1 when not'))
    .option('--json', 'print diagnostics as JSON')
    .action((file: string, flags: BlueprintCliOptions & { json?: boolean }) => {
      const result = loadBlueprint(file, loadOptionsFrom(file, flags));
      let diagnostics = result.diagnostics;
      if (result.blueprint) {
        try {
          planDeployment(result.blueprint, { seed: 'validate' });
        } catch (err) {
          if (!(err instanceof PlanError)) throw err;
          diagnostics = [...diagnostics, ...err.diagnostics];
        }
      }
      const valid = !diagnostics.some((d) => d.severity === 'error');
      if (flags.json) io.out(JSON.stringify({ valid, diagnostics }, null, 2));
      else {
        if (diagnostics.length > 0) io.err(renderDiagnostics(diagnostics));
        if (valid) io.out(`${file}: valid`);
      }
      exitCode = valid ? 0 : 1;
    });

  blueprintFlags(program.command('plan <blueprint>').description('show node instances and the operations a workflow would run (dry run)'))
    .addOption(new Option('--workflow <name>', 'workflow to dry-run').choices(['install', 'uninstall']).default('install'))
    .option('--json', 'print the plan as JSON')
    .option('--mermaid', 'print the plan as a Mermaid graph')
    .option('--seed <seed>', 'seed for instance ids (reproducible output)')
    .action((file: string, flags: BlueprintCliOptions & { json?: boolean; mermaid?: boolean; seed?: string; workflow: 'install' | 'uninstall' }) => {
      const result = loadBlueprint(file, loadOptionsFrom(file, flags));
      if (!result.blueprint) {
        io.err(renderDiagnostics(result.diagnostics));
        exitCode = 1;
        return;
      }
      const catalog = defaultPluginRegistry().catalog();
      const plan = planDeployment(result.blueprint, flags.seed === undefined ? { catalog } : { seed: flags.seed, catalog });
      const steps = lifecycleSteps(plan, flags.workflow);
      if (flags.json) io.out(JSON.stringify({ plan, steps }, null, 2));
      else if (flags.mermaid) io.out(renderMermaid(plan));
      else io.out(renderPlanTable(plan, steps, flags.workflow));
    });

  registerWorkflowCommands(program, io, (code) => (exitCode = code), driverSettings);
  registerScheduleCommands(program, io, (code) => (exitCode = code), driverSettings);
  registerSandboxCommands(program, io);

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'commander.helpDisplayed' || code === 'commander.version') return 0;
    if (code?.startsWith('commander.')) return 2;
    if (err instanceof BlueprintError) {
      io.err(renderDiagnostics(err.diagnostics));
      return 1;
    }
    if (err instanceof WorkflowError || err instanceof ConflictError) {
      io.err(`isthmus: ${err.message}`);
      return 1;
    }
    if (err instanceof SettingsError) {
      io.err(`isthmus: ${err.message}`);
      return 2;
    }
    if (err instanceof UsageError) {
      io.err(`isthmus: ${err.message}`);
      return 2;
    }
    throw err;
  }
  return exitCode;
}
