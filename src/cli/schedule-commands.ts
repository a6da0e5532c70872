import type { Command } from 'commander';
import type { YamlMap } from '../dsl/index.js';
import { dueOccurrence, parseSchedules } from '../plan/schedules.js';
import type { DriverSettings } from '../settings.js';
import type { CliIO } from './io.js';
import { UsageError } from './options.js';
import { environmentRunner } from './workflow-commands.js';

/**
 * `isthmus schedules list|create|delete`: execution schedules in Cloudify's form, beside those the
 * blueprint's deployment_settings.default_schedules declare. The scheduled trigger of the action runs
 * both when due.
 */
export function registerScheduleCommands(program: Command, io: CliIO, setExit: (code: number) => void, settings: () => DriverSettings): void {
  const withEnv = environmentRunner(setExit, settings);
  const schedules = program
    .command('schedules')
    .description("a deployment's execution schedules (Cloudify's form), run by the action's scheduled trigger when due");

  schedules.command('list <deployment>').action((deploymentId: string) =>
    withEnv(async (env) => {
      const dep = await env.store.getDeployment(deploymentId);
      if (!dep) throw new UsageError(`deployment '${deploymentId}' does not exist`);
      const all = { ...(dep.plan.schedules ?? {}), ...(dep.schedules ?? {}) };
      if (Object.keys(all).length === 0) io.out('  no schedules');
      for (const [name, spec] of Object.entries(all)) {
        const runs = dep.scheduleRuns?.[name] ?? { runs: 0 };
        const due = dueOccurrence(spec, Date.parse(dep.createdAt), Date.now(), runs);
        const source = dep.schedules?.[name] ? 'created' : 'blueprint';
        io.out(
          `  ${name.padEnd(20)} ${spec.workflow.padEnd(16)} since ${spec.since}${spec.recurrence ? ` every ${spec.recurrence}` : ''}${spec.until ? ` until ${spec.until}` : ''}${spec.count ? ` ×${spec.count}` : ''}${spec.weekdays ? ` on ${spec.weekdays.join(',')}` : ''}  (${source}; ran ${runs.runs}${runs.last ? `, last for ${runs.last}` : ''}${due ? `; due for ${due}` : ''})`,
        );
      }
      return 0;
    }),
  );

  schedules
    .command('create <deployment> <name>')
    .requiredOption('-w, --workflow <workflow>', 'the workflow to run')
    .requiredOption('-s, --since <time>', 'YYYY-MM-DD HH:MM (UTC), or +<n><unit> after the deployment was created')
    .option('-u, --until <time>', 'no run after this time')
    .option('-r, --recurrence <every>', 'how often: <n><unit> (min, h, d, w, mo, y); once without it')
    .option('-c, --count <n>', 'at most this many runs')
    .option('--weekdays <days>', 'only on these days: mo,tu,we,th,fr,sa,su')
    .option('-p, --parameters <json>', 'workflow parameters (JSON)')
    .action(
      (
        deploymentId: string,
        name: string,
        flags: { workflow: string; since: string; until?: string; recurrence?: string; count?: string; weekdays?: string; parameters?: string },
      ) =>
        withEnv(async (env) => {
          const dep = await env.store.getDeployment(deploymentId);
          if (!dep) throw new UsageError(`deployment '${deploymentId}' does not exist`);
          let parameters: YamlMap = {};
          try {
            parameters = flags.parameters ? (JSON.parse(flags.parameters) as YamlMap) : {};
          } catch (err) {
            throw new UsageError(`--parameters is not JSON: ${(err as Error).message}`);
          }
          const raw: YamlMap = {
            workflow: flags.workflow,
            since: flags.since,
            workflow_parameters: parameters,
            ...(flags.until ? { until: flags.until } : {}),
            ...(flags.recurrence ? { recurrence: flags.recurrence } : {}),
            ...(flags.count ? { count: Number(flags.count) } : {}),
            ...(flags.weekdays ? { weekdays: flags.weekdays.split(',').map((d) => d.trim()) } : {}),
          };
          const { schedules: parsed, errors } = parseSchedules({ [name]: raw });
          if (errors.length > 0) throw new UsageError(errors.join('; '));
          await env.store.updateDeployment(dep.id, dep.version, { schedules: { ...(dep.schedules ?? {}), [name]: parsed[name]! } });
          io.out(`Schedule ${name} created on ${deploymentId}`);
          return 0;
        }),
    );

  schedules.command('delete <deployment> <name>').action((deploymentId: string, name: string) =>
    withEnv(async (env) => {
      const dep = await env.store.getDeployment(deploymentId);
      if (!dep) throw new UsageError(`deployment '${deploymentId}' does not exist`);
      if (!dep.schedules?.[name])
        throw new UsageError(
          dep.plan.schedules?.[name]
            ? `schedule '${name}' comes from the blueprint: remove it there`
            : `deployment '${deploymentId}' has no schedule '${name}'`,
        );
      const { [name]: _gone, ...rest } = dep.schedules;
      await env.store.updateDeployment(dep.id, dep.version, { schedules: rest });
      io.out(`Schedule ${name} deleted from ${deploymentId}`);
      return 0;
    }),
  );
}
