import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { YamlValue } from '../../src/dsl/index.js';
import { parseBlueprint } from '../../src/dsl/index.js';
import { createDeployment, digestOf, runExecution, startExecution, type EngineDeps } from '../../src/engine/index.js';
import { parsePluginSettings, type PluginSettings } from '../../src/settings.js';
import { LocalInvoker } from '../../src/invoke/index.js';
import { planDeployment } from '../../src/plan/index.js';
import { defaultPluginRegistry, type PluginModule } from '../../src/plugins/index.js';
import { OperationError, LocalSecrets, blueprintDirOf, evaluateDeploymentOutputs, observedSecrets, type OperationContext } from '../../src/runtime/index.js';
import { RepositoryChildDeployments } from '../../src/driver/components.js';
import type { DynamoDbStateStore } from '../../src/state/dynamodb-adapter.js';
import { createTestStore } from './state.js';
import { writeBlueprintFiles } from './blueprint-files.js';

/** Operations that record what they did, for asserting exact sequences and exactly-once effects. */
export function recordingPlugin(log: string[], concurrency = { active: 0, max: 0 }): PluginModule {
  const note = (ctx: OperationContext) => {
    const rel = ctx.source && ctx.target ? `(${ctx.source.instance.id}->${ctx.target.instance.id})` : '';
    log.push(`${ctx.node.id} ${ctx.operation.name.replace(/^cloudify\.interfaces\.[a-z_]+\./, '')}${rel}`);
  };
  return {
    name: 'rec',
    operations: {
      op: async (ctx) => {
        note(ctx);
        // The effect to count: applied atomically with the step record.
        const runs = (ctx.instance.runtimeProperties['runs'] as Record<string, number> | undefined) ?? {};
        // Relationship operations count per peer: they run in parallel on one instance.
        const key =
          ctx.source && ctx.target
            ? `${ctx.operation.name}@${ctx.source.instance.id === ctx.instance.id ? ctx.target.instance.id : ctx.source.instance.id}`
            : ctx.operation.name;
        runs[key] = (runs[key] ?? 0) + 1;
        ctx.instance.runtimeProperties['runs'] = runs;
        for (const [k, v] of Object.entries(ctx.inputs)) ctx.instance.runtimeProperties[`input_${k}`] = v as YamlValue;
        if (ctx.operation.name.endsWith('lifecycle.create')) delete ctx.instance.runtimeProperties['broken'];
        if (ctx.operation.name.endsWith('lifecycle.update') || ctx.operation.name.endsWith('lifecycle.create'))
          delete ctx.instance.runtimeProperties['drifted'];
      },
      drift: async (ctx) => {
        note(ctx);
        const drifted = ctx.instance.runtimeProperties['drifted'];
        const report: YamlValue = drifted ? { drifted: true, differences: { [ctx.instance.id]: [String(drifted)] } } : { drifted: false };
        return report;
      },
      check: async (ctx) => {
        note(ctx);
        if (ctx.instance.runtimeProperties['broken']) throw new OperationError('the service does not answer', false);
      },
      heal: async (ctx) => {
        note(ctx);
        delete ctx.instance.runtimeProperties['broken'];
      },
      flaky: async (ctx) => {
        note(ctx);
        const failures = Number(ctx.inputs['failures'] ?? 1);
        if (ctx.operation.retryNumber < failures) throw new OperationError(`flaky failure ${ctx.operation.retryNumber + 1}`, true);
      },
      wait: async (ctx) => {
        note(ctx);
        if (ctx.operation.retryNumber < Number(ctx.inputs['polls'] ?? 2)) ctx.retry('not ready yet', 0);
        ctx.instance.runtimeProperties['ready'] = true;
      },
      fatal: async (ctx) => {
        note(ctx);
        throw new OperationError('invalid spec', false);
      },
      slow: async (ctx) => {
        note(ctx);
        concurrency.active++;
        concurrency.max = Math.max(concurrency.max, concurrency.active);
        await new Promise((r) => setTimeout(r, Number(ctx.inputs['ms'] ?? 50)));
        concurrency.active--;
      },
      secret: async (ctx) => {
        ctx.logger.info(`connecting with password ${String(ctx.inputs['password'])}`);
        ctx.instance.runtimeProperties['connected'] = true;
      },
    },
  };
}

export interface Harness {
  store: DynamoDbStateStore;
  log: string[];
  /** Most `rec.slow` operations seen running at once. */
  concurrency: { active: number; max: number };
  deps: EngineDeps;
  dir: string;
  /** The plugins' settings, shared with the in-process steps: a test may change them between runs. */
  settings: PluginSettings;
  deploy(blueprint: string, id?: string, inputs?: Record<string, YamlValue>): Promise<string>;
  run(deploymentId: string, workflow: string, parameters?: Record<string, YamlValue>): ReturnType<typeof runExecution>;
  /** Plans a blueprint text (for updates) with fresh instance ids. */
  planOf(blueprint: string, name: string, inputs?: Record<string, YamlValue>): ReturnType<typeof planDeployment>;
}

export const RECORDING_TYPES = `plugins:
  rec: { executor: central_deployment_agent }
node_types:
  rec.Node:
    derived_from: cloudify.nodes.Root
    interfaces:
      cloudify.interfaces.lifecycle: { create: rec.op, configure: rec.op, start: rec.op, stop: rec.op, delete: rec.op }
      cloudify.interfaces.validation: { check_status: rec.check }
relationships:
  rec.link:
    derived_from: cloudify.relationships.connected_to
    source_interfaces:
      cloudify.interfaces.relationship_lifecycle: { preconfigure: rec.op, establish: rec.op, unlink: rec.op }
`;

/** Plugin settings as the test process's environment gives them, with a test's own over them. */
export function testPluginSettings(overrides: Partial<PluginSettings> = {}): PluginSettings {
  return { ...parsePluginSettings(process.env), ...overrides };
}

export async function createHarness(
  options: {
    maxParallel?: number;
    secrets?: Record<string, string>;
    maxRetries?: number;
    onSecret?: (value: YamlValue) => void;
    settings?: Partial<PluginSettings>;
  } = {},
): Promise<Harness> {
  const store = await createTestStore();
  const log: string[] = [];
  const concurrency = { active: 0, max: 0 };
  const plugins = defaultPluginRegistry([recordingPlugin(log, concurrency)]);
  const dir = writeBlueprintFiles({});
  const settings = testPluginSettings(options.settings);
  const secretsEnv: Record<string, string> = {};
  for (const [k, v] of Object.entries(options.secrets ?? {})) secretsEnv[`ISTHMUS_SECRET_${k.toUpperCase()}`] = v;
  const stored = new LocalSecrets(path.join(dir, '.isthmus-secrets.yaml'), secretsEnv);
  const secrets = options.onSecret ? observedSecrets(stored, options.onSecret) : stored;
  // Scripts resolve against their deployment's blueprint directory (a Component's child has its own).
  const invoker = new LocalInvoker({ store, plugins, secrets, settings, blueprintDir: (d) => blueprintDirOf(d, dir) });
  const retries = { maxRetries: options.maxRetries ?? 3, retryInterval: 0 };
  const deps: EngineDeps = {
    store,
    invoker,
    children: new RepositoryChildDeployments({ blueprintRoot: dir, catalog: plugins.catalog(), ship: false, retries }),
    maxParallel: options.maxParallel ?? 16,
    leaseMs: 5000,
    cancelPollMs: 50,
    evaluateOutputs: (d) => evaluateDeploymentOutputs(store, d, secrets),
  };
  let n = 0;
  return {
    store,
    log,
    concurrency,
    deps,
    dir,
    settings,
    async deploy(blueprint, id = `dep${++n}`, inputs = {}) {
      const file = path.join(dir, `${id}.yaml`);
      writeFileSync(file, blueprint);
      const bp = parseBlueprint(file, { rootDir: dir, inputs });
      const plan = planDeployment(bp, { seed: id, catalog: plugins.catalog() });
      await createDeployment(store, { id, blueprintFile: file, blueprintDigest: digestOf(blueprint), inputs, plan });
      return id;
    },
    planOf(blueprint, name, inputs = {}) {
      const file = path.join(dir, `${name}.yaml`);
      writeFileSync(file, blueprint);
      return planDeployment(parseBlueprint(file, { rootDir: dir, inputs }), { catalog: plugins.catalog() });
    },
    async run(deploymentId, workflow, parameters = {}) {
      const e = await startExecution(store, {
        deploymentId,
        workflow,
        parameters,
        retries,
        catalog: plugins.catalog(),
      });
      return runExecution(deps, deploymentId, e.id);
    },
  };
}
