/**
 * Engine benchmark on Amazon DynamoDB Local, steps in-process:
 *  1. a 500-instance install whose operations do nothing, at parallelism 16 (the default) and 32:
 *     tasks/s and DynamoDB requests per task;
 *  2. the same with 50 ms operations at parallelism 32: wall time ÷ the ideal bound
 *     max(critical path, total work ÷ parallelism).
 * Steps run in-process (local mode): parallelism bounds operations, and steps read and record
 * state outside their operation slot. A last scenario sends the 50 ms install through the real
 * LambdaInvoker to the local Invoke-API endpoint, where every step in flight is an invocation (the
 * goals are for in-process steps; this line shows what invocation-bound parallelism costs here).
 * Prints one JSON line per scenario.   npm run bench:engine
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { parseBlueprint } from '../src/dsl/index.js';
import { createDeployment, digestOf, runExecution, startExecution } from '../src/engine/index.js';
import { LambdaInvoker, LocalInvoker, startLocalLambdaEndpoint, type LocalLambdaEndpoint, type StepInvoker } from '../src/invoke/index.js';
import { planDeployment } from '../src/plan/index.js';
import { defaultPluginRegistry } from '../src/plugins/index.js';
import { DEFAULT_PLUGIN_SETTINGS } from '../src/settings.js';
import { executeStep, LocalSecrets, type RuntimeDeps } from '../src/runtime/index.js';
import { DynamoDbStateStore, ensureTable, startDynamoDbLocal } from '../src/state/dynamodb-adapter.js';

process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] = 'true';
const INSTANCES = Number(process.env['BENCH_INSTANCES'] ?? 500);

const blueprint = (op: string) => `tosca_definitions_version: cloudify_dsl_1_5
imports: [ cloudify/types/types.yaml ]
plugins:
  bench: { executor: central_deployment_agent }
node_types:
  bench.Node:
    derived_from: cloudify.nodes.Root
    interfaces:
      cloudify.interfaces.lifecycle: { create: bench.${op}, configure: bench.${op}, start: bench.${op} }
node_templates:
  n: { type: bench.Node, capabilities: { scalable: { properties: { default_instances: ${INSTANCES} } } } }
`;

const server = await startDynamoDbLocal();
const dir = mkdtempSync(path.join(tmpdir(), 'isthmus-bench-engine-'));
try {
  const client = new DynamoDBClient({ endpoint: server.endpoint, region: 'local', credentials: { accessKeyId: 'l', secretAccessKey: 'l' }, maxAttempts: 8 });
  const plugins = defaultPluginRegistry([
    {
      name: 'bench',
      operations: {
        noop: async () => undefined,
        sleep50: async () => {
          await new Promise((r) => setTimeout(r, 50));
        },
      },
    },
  ]);
  // The first scenario warms up DynamoDB Local's JVM (JIT) and is not reported.
  const scenarios = [
    ['warm-up', 'noop', 16, 'in-process'],
    ['install-noop', 'noop', 16, 'in-process'],
    ['install-noop-p32', 'noop', 32, 'in-process'],
    ['install-50ms', 'sleep50', 32, 'in-process'],
    ['install-50ms-lambda', 'sleep50', 32, 'lambda'],
  ] as const;
  for (const [scenario, op, parallelism, steps] of scenarios) {
    const table = `bench-${scenario}`;
    await ensureTable(client, table);
    const store = new DynamoDbStateStore({ tableName: table, client });
    const file = path.join(dir, `${scenario}.yaml`);
    writeFileSync(file, blueprint(op));
    const plan = planDeployment(parseBlueprint(file, { rootDir: dir }), { seed: scenario, catalog: plugins.catalog() });
    await createDeployment(store, { id: scenario, blueprintFile: file, blueprintDigest: digestOf(scenario), inputs: {}, plan });
    const runtime: RuntimeDeps = { store, plugins, secrets: new LocalSecrets(), settings: DEFAULT_PLUGIN_SETTINGS, blueprintDir: () => dir };
    let endpoint: LocalLambdaEndpoint | undefined;
    let invoker: StepInvoker = new LocalInvoker(runtime);
    if (steps === 'lambda') {
      endpoint = await startLocalLambdaEndpoint({ step: (event) => executeStep(event as Parameters<typeof executeStep>[0], runtime) });
      invoker = new LambdaInvoker({
        functionName: 'step',
        clientConfig: { endpoint: endpoint.url, region: 'local', credentials: { accessKeyId: 'l', secretAccessKey: 'l' } },
      });
    }
    const execution = await startExecution(store, { deploymentId: scenario, workflow: 'install' });
    const before = { ...store.requestCounts };
    const t0 = performance.now();
    const done = await runExecution({ store, invoker, maxParallel: parallelism, leaseMs: 60_000 }, scenario, execution.id);
    const wallMs = performance.now() - t0;
    await endpoint?.close();
    if (done.status !== 'terminated') throw new Error(`${scenario} ended ${done.status}: ${done.error}`);
    const perTask: Record<string, number> = {};
    let writes = 0;
    for (const [kind, n] of Object.entries(store.requestCounts)) {
      const delta = n - (before[kind] ?? 0);
      if (delta === 0) continue;
      perTask[kind] = Number((delta / done.taskCount).toFixed(3));
      if (/Put|Update|Delete|BatchWrite|TransactWrite/.test(kind)) writes += delta;
    }
    const line: Record<string, unknown> = {
      scenario,
      instances: INSTANCES,
      tasks: done.taskCount,
      parallelism,
      steps,
      wallMs: Math.round(wallMs),
      tasksPerSecond: Math.round(done.taskCount / (wallMs / 1000)),
      writeRequestsPerTask: Number((writes / done.taskCount).toFixed(3)),
      requestsPerTask: perTask,
    };
    if (op === 'sleep50') {
      const operations = INSTANCES * 3;
      const idealMs = Math.max(3 * 50, (operations * 50) / parallelism);
      line['idealMs'] = Math.round(idealMs);
      line['ratioToIdeal'] = Number((wallMs / idealMs).toFixed(2));
    }
    if (scenario !== 'warm-up') console.log(JSON.stringify(line));
  }
  console.log(JSON.stringify({ goals: { tasksPerSecond: '>= 300', writeRequestsPerTask: '<= 2', ratioToIdeal: '<= 1.2' }, for: 'in-process steps' }));
  client.destroy();
} finally {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
}
