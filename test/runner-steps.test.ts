import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseBlueprint } from '../src/dsl/index.js';
import { runExecution, startExecution } from '../src/engine/index.js';
import { LambdaInvoker, LocalInvoker, RoutingInvoker, runsInRunner, startLocalLambdaEndpoint, type LocalLambdaEndpoint } from '../src/invoke/index.js';
import { planDeployment } from '../src/plan/index.js';
import { defaultPluginRegistry } from '../src/plugins/index.js';
import { executeStep, LocalSecrets, type RuntimeDeps } from '../src/runtime/index.js';
import { HEADER, writeBlueprintFiles } from './support/blueprint-files.js';
import { createHarness, RECORDING_TYPES, recordingPlugin, testPluginSettings } from './support/engine.js';

/**
 * Where steps run: the step Lambda by default; the driver's own process (the GitHub runner) for the
 * plugins, nodes or hosts a deployment's `isthmus-runner-steps` label names — a self-hosted runner
 * reaches a data centre that a Lambda in an AWS account cannot.
 */
const BLUEPRINT = `${HEADER}${RECORDING_TYPES}labels:
  isthmus-runner-steps: { values: [ dc_vm ] }
node_templates:
  cloud: { type: rec.Node }
  dc_vm: { type: cloudify.nodes.Compute, properties: { agent_config: { install_method: none } } }
  legacy_app:
    type: rec.Node
    relationships: [ { type: cloudify.relationships.contained_in, target: dc_vm }, { type: rec.link, target: cloud } ]
`;

describe('where steps run', () => {
  it('the label names nodes (and what runs on a Compute it names), plugins, script, or all', () => {
    const dir = writeBlueprintFiles({ 'bp.yaml': BLUEPRINT });
    const plan = planDeployment(parseBlueprint(path.join(dir, 'bp.yaml'), { rootDir: dir }), { seed: 'r' });
    const id = (node: string) => plan.nodeInstances.find((i) => i.nodeId === node)!.id;
    const step = (node: string) => ({ nodeInstanceId: id(node), operation: 'cloudify.interfaces.lifecycle.create' });
    expect(runsInRunner(plan, step('legacy_app'))).toBe(true);
    expect(runsInRunner(plan, step('cloud'))).toBe(false);
    const relationship = { side: 'source' as const, sourceId: id('legacy_app'), targetId: id('cloud'), type: 'rec.link' };
    expect(runsInRunner(plan, { nodeInstanceId: id('legacy_app'), operation: 'cloudify.interfaces.relationship_lifecycle.establish', relationship })).toBe(
      true,
    );
    expect(runsInRunner({ ...plan, labels: { 'isthmus-runner-steps': ['rec'] } }, step('cloud'))).toBe(true);
    expect(runsInRunner({ ...plan, labels: { 'isthmus-runner-steps': ['all'] } }, step('cloud'))).toBe(true);
    expect(runsInRunner({ ...plan, labels: {} }, step('legacy_app'))).toBe(false);
  });

  it("Ansible's steps run in the runner whatever the label says: the step Lambda has no ansible-playbook", () => {
    const dir = writeBlueprintFiles({
      'bp.yaml': `${HEADER}  - plugin:cloudify-ansible-plugin
node_templates:
  cloud: { type: cloudify.nodes.Root }
  configure: { type: cloudify.nodes.ansible.Executor, properties: { playbook_path: site.yaml, sources: 'localhost,' } }
`,
    });
    const plan = planDeployment(parseBlueprint(path.join(dir, 'bp.yaml'), { rootDir: dir }), { seed: 'a' });
    const id = (node: string) => plan.nodeInstances.find((i) => i.nodeId === node)!.id;
    expect(runsInRunner(plan, { nodeInstanceId: id('configure'), operation: 'cloudify.interfaces.lifecycle.start' })).toBe(true);
    expect(runsInRunner(plan, { nodeInstanceId: id('configure'), operation: 'cloudify.interfaces.lifecycle.precreate' })).toBe(true);
    expect(runsInRunner(plan, { nodeInstanceId: id('cloud'), operation: 'cloudify.interfaces.lifecycle.create' })).toBe(false);
  });

  describe('through the real Lambda invoker (a local Invoke API) and this process', () => {
    let endpoint: LocalLambdaEndpoint | undefined;
    afterAll(async () => {
      await endpoint?.close();
    });

    it("a deployment's steps on its data-centre host run here, the rest in the step Lambda, each once", async () => {
      const h = await createHarness({ maxRetries: 0 });
      const inLambda: string[] = [];
      const inRunner: string[] = [];
      const runtime = (log: string[]): RuntimeDeps => ({
        store: h.store,
        plugins: defaultPluginRegistry([recordingPlugin(log)]),
        secrets: new LocalSecrets(undefined, {}),
        settings: testPluginSettings(),
        blueprintDir: () => h.dir,
      });
      const lambdaRuntime = runtime(inLambda);
      endpoint = await startLocalLambdaEndpoint({ step: (event) => executeStep(event as Parameters<typeof executeStep>[0], lambdaRuntime) });
      const lambda = new LambdaInvoker({
        functionName: 'step',
        clientConfig: { endpoint: endpoint.url, region: 'local', credentials: { accessKeyId: 'l', secretAccessKey: 'l' } },
      });
      const invoker = new RoutingInvoker(lambda, new LocalInvoker(runtime(inRunner)), h.store);
      const dep = await h.deploy(BLUEPRINT, 'hybrid');
      const e = await startExecution(h.store, { deploymentId: dep, workflow: 'install', retries: { maxRetries: 0, retryInterval: 0 } });
      const done = await runExecution({ ...h.deps, invoker }, dep, e.id);
      expect(done.error).toBeUndefined();
      expect(inLambda.sort()).toEqual(['cloud configure', 'cloud create', 'cloud start']);
      // legacy_app's lifecycle and its relationship operations with cloud (rec.link's source side).
      expect(inRunner.map((l) => l.replace(/\(.*\)/, '')).sort()).toEqual([
        'legacy_app configure',
        'legacy_app create',
        'legacy_app establish',
        'legacy_app preconfigure',
        'legacy_app start',
      ]);
      expect(endpoint.invocations).toBe(3);
    }, 60_000);
  });
});
