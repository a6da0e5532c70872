import { RepositoryChildDeployments } from '../driver/components.js';
import { writeFileSync } from 'node:fs';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { describe, expect, inject, it } from 'vitest';
import { HEADER } from '../../test/support/blueprint-files.js';
import { createHarness, recordingPlugin, RECORDING_TYPES, type Harness } from '../../test/support/engine.js';
import { defaultPluginRegistry } from '../plugins/index.js';
import { LocalSecrets } from '../runtime/index.js';
import type { YamlValue } from '../dsl/index.js';
import { DynamoDbStateStore } from '../state/dynamodb-adapter.js';
import type { GitHubPort } from './github.js';
import { readInputs } from './inputs.js';
import { logLine } from './log.js';
import { runAction, type ActionDeps, type Runner } from './main.js';

/** Everything the action told its runner. */
interface RunnerRecord {
  /** Info and warning lines, in order. */
  lines: string[];
  warnings: string[];
  outputs: Map<string, string>;
  masked: string[];
  summaries: string[];
  failures: string[];
}

function recordingRunner(): { runner: Runner; seen: RunnerRecord } {
  const seen: RunnerRecord = { lines: [], warnings: [], outputs: new Map(), masked: [], summaries: [], failures: [] };
  const runner: Runner = {
    info: (m) => void seen.lines.push(m),
    warning: (m) => {
      seen.lines.push(m);
      seen.warnings.push(m);
    },
    annotate: () => undefined,
    setOutput: (n, v) => void seen.outputs.set(n, v),
    setSecret: (v) => void seen.masked.push(v),
    appendSummary: async (m) => void seen.summaries.push(m),
    setFailed: (m) => void seen.failures.push(m),
  };
  return { runner, seen };
}

/** The harness's state as the action opens it, on a client of its own each time (runAction closes it). */
function harnessEnvironment(h: Harness, onOpen?: (onSecret: (value: YamlValue) => void) => void): ActionDeps['openEnvironment'] {
  return async (onSecret) => {
    onOpen?.(onSecret);
    const store = new DynamoDbStateStore({
      tableName: h.store.tableName,
      client: new DynamoDBClient({ endpoint: inject('dynamoDbEndpoint'), region: 'local', credentials: { accessKeyId: 'l', secretAccessKey: 'l' } }),
    });
    const plugins = defaultPluginRegistry([recordingPlugin([])]);
    return {
      store,
      plugins,
      children: new RepositoryChildDeployments({ blueprintRoot: h.dir, catalog: plugins.catalog(), ship: false }),
      secrets: new LocalSecrets(undefined, {}),
      endpoint: 'test',
      shipsBlueprintFiles: false,
      logListener: {},
      engine: { ...h.deps, store },
    };
  };
}

/** A workflow_dispatch run of the action with these inputs, over the harness's state. */
function dispatch(h: Harness, runner: Runner, inputs: Record<string, string>, openEnvironment = harnessEnvironment(h)) {
  return runAction({
    inputs: readInputs((n) => inputs[n] ?? ''),
    context: { eventName: 'workflow_dispatch', payload: {}, ref: '', workspace: h.dir },
    runner,
    openEnvironment,
  });
}

/** The sweep's issue bookkeeping, through runAction with an in-memory GitHub. */
describe('healing sweep', () => {
  it('opens one issue for a deployment still unhealthy after healing, updates it, and closes it once healthy', async () => {
    const h = await createHarness({ maxRetries: 0 });
    // check_status fails while `broken` is set, and reinstalling does not clear it: healing cannot fix it.
    const dep = await h.deploy(
      `${HEADER}${RECORDING_TYPES}node_templates:
  app:
    type: cloudify.nodes.Root
    interfaces:
      cloudify.interfaces.lifecycle: { create: rec.secret }
      cloudify.interfaces.validation: { check_status: rec.check }
`,
      'env-app',
    );
    expect((await h.run(dep, 'install')).status).toBe('terminated');
    const inst = (await h.store.listNodeInstances(dep))[0]!;
    await h.store.updateNodeInstance(dep, inst.id, inst.version, { runtimeProperties: { ...inst.runtimeProperties, broken: true } });

    const issues: Array<{ marker: string; title: string; open: boolean; updates: number }> = [];
    const github: GitHubPort = {
      upsertComment: async () => 'created',
      findComment: async () => undefined,
      reportUnhealthy: async (marker, title) => {
        const open = issues.find((i) => i.marker === marker && i.open);
        if (open) {
          open.updates++;
          return 'updated';
        }
        issues.push({ marker, title, open: true, updates: 0 });
        return 'opened';
      },
      reportHealthy: async (marker) => {
        const open = issues.find((i) => i.marker === marker && i.open);
        if (open) open.open = false;
        return Boolean(open);
      },
    };
    const { runner, seen } = recordingRunner();
    const { summaries, failures } = seen;
    const sweep = () =>
      runAction({
        inputs: readInputs((n) => ({ blueprint: 'x.yaml', deployments: 'env-' })[n] ?? ''),
        context: { eventName: 'schedule', payload: {}, ref: '', workspace: h.dir },
        runner,
        openEnvironment: harnessEnvironment(h),
        github,
      });

    const first = await sweep();
    expect(first.status).toBe('failed');
    expect(first.body).toMatch(/\| <code>env-app<\/code> \| ❌ unhealthy \(1\) \| ➖ no drift checks \| healed app&#95;\w+ \|/);
    expect(issues).toEqual([{ marker: '<!-- isthmus:health=env-app -->', title: 'Isthmus: deployment env-app is unhealthy', open: true, updates: 0 }]);
    expect(failures).toEqual(['1 deployment(s) unhealthy or drifted']);

    await sweep();
    expect(issues).toHaveLength(1);
    expect(issues[0]!.updates).toBe(1);

    const now = (await h.store.listNodeInstances(dep))[0]!;
    const { broken: _, ...fixed } = now.runtimeProperties;
    await h.store.updateNodeInstance(dep, now.id, now.version, { runtimeProperties: fixed });
    const third = await sweep();
    expect(third.status).toBe('succeeded');
    expect(third.body).toMatch(/\| <code>env-app<\/code> \| ✅ healthy \| ➖ no drift checks \| issue closed \|/);
    expect(issues[0]!.open).toBe(false);
    expect(summaries).toHaveLength(3);
  }, 60_000);

  it('report mode reports drift and changes nothing; reconcile mode updates the drifted instance back and closes the issue', async () => {
    const observer: { current: (v: YamlValue) => void } = { current: () => undefined };
    const h = await createHarness({ maxRetries: 0, secrets: { db_password: 'hunter2-in-the-diff' }, onSecret: (v) => observer.current(v) });
    const dep = await h.deploy(
      `${HEADER}${RECORDING_TYPES}node_templates:
  app:
    type: cloudify.nodes.Root
    interfaces:
      cloudify.interfaces.lifecycle: { create: rec.op, update: rec.op }
      cloudify.interfaces.validation: { check_status: rec.check, check_drift: rec.drift }
  db:
    type: cloudify.nodes.Root
    interfaces:
      cloudify.interfaces.lifecycle: { create: rec.op }
      cloudify.interfaces.validation: { check_drift: { implementation: rec.drift, inputs: { password: { get_secret: db_password } } } }
`,
      'env-drift',
    );
    expect((await h.run(dep, 'install')).status).toBe('terminated');
    const app = (await h.store.listNodeInstances(dep)).find((i) => i.nodeId === 'app')!;
    // What a check reports may hold a secret another operation of the run read (db's check reads it): the issue must not show it.
    await h.store.updateNodeInstance(dep, app.id, app.version, {
      runtimeProperties: { ...app.runtimeProperties, drifted: 'replicas; password hunter2-in-the-diff' },
    });
    const issues: Array<{ title: string; body: string; open: boolean }> = [];
    const github: GitHubPort = {
      upsertComment: async () => 'created',
      findComment: async () => undefined,
      reportUnhealthy: async (_marker, title, body) => {
        const open = issues.find((i) => i.open);
        if (open) Object.assign(open, { title, body });
        else issues.push({ title, body, open: true });
        return open ? 'updated' : 'opened';
      },
      reportHealthy: async () => {
        const open = issues.find((i) => i.open);
        if (open) open.open = false;
        return Boolean(open);
      },
    };
    const { runner } = recordingRunner();
    const sweep = (mode: string) =>
      runAction({
        inputs: readInputs((n) => ({ blueprint: 'x.yaml', deployments: 'env-', 'sweep-mode': mode })[n] ?? ''),
        context: { eventName: 'schedule', payload: {}, ref: '', workspace: h.dir },
        runner,
        openEnvironment: harnessEnvironment(h, (onSecret) => (observer.current = onSecret)),
        github,
      });
    const runsOf = async () => (await h.store.listNodeInstances(dep)).find((i) => i.nodeId === 'app')!.runtimeProperties['runs'];

    const report = await sweep('report');
    expect(report.title).toBe('Drift and health report');
    expect(report.status).toBe('failed');
    expect(report.body).toMatch(/\| <code>env-drift<\/code> \| ✅ healthy \| ⚠️ drifted \(1\) \| reported \|/);
    expect(issues).toEqual([{ title: 'Isthmus: deployment env-drift has drifted', body: expect.stringContaining('drifted: {'), open: true }]);
    expect(issues[0]!.body).toContain('replicas');
    expect(issues[0]!.body).not.toContain('hunter2-in-the-diff');
    // Nothing was changed: no update ran.
    expect(await runsOf()).not.toHaveProperty(['cloudify.interfaces.lifecycle.update']);

    const reconcile = await sweep('reconcile');
    expect(reconcile.status).toBe('succeeded');
    expect(reconcile.body).toMatch(/\| <code>env-drift<\/code> \| ✅ healthy \| ✅ in sync \| reconciled app&#95;\w+; issue closed \|/);
    expect(await runsOf()).toMatchObject({ 'cloudify.interfaces.lifecycle.update': 1 });
    expect(issues[0]!.open).toBe(false);
    // Only the drifted instance was touched; the deployment keeps its plan.
    const db = (await h.store.listNodeInstances(dep)).find((i) => i.nodeId === 'db')!;
    expect(db.runtimeProperties['runs']).toEqual({ 'cloudify.interfaces.lifecycle.create': 1 });
    expect(() => readInputs((n) => ({ blueprint: 'x.yaml', 'sweep-mode': 'nuke' })[n] ?? '')).toThrow(
      /input 'sweep-mode' must be report, heal, reconcile, not 'nuke'/,
    );
  }, 60_000);

  it('fails fast naming the run that holds the deployment', async () => {
    const h = await createHarness();
    const dep = await h.deploy(`${HEADER}${RECORDING_TYPES}node_templates:\n  a: { type: rec.Node }\n`, 'held');
    await h.store.acquireLock(dep, 'exec-of-another-run', 'runner-7:1234', 60_000);
    const { runner, seen } = recordingRunner();
    const { failures } = seen;
    const report = await dispatch(h, runner, { blueprint: 'x.yaml', 'deployment-id': 'held', workflow: 'start' });
    expect(report.status).toBe('failed');
    expect(report.error).toMatch(
      /^Another run holds this deployment: execution exec-of-another-run, run by runner-7:1234 \(lease until .*\)\. Set wait-for-lock: true/,
    );
    expect(failures).toHaveLength(1);
  }, 30_000);

  it('a pull request preview still deploys when the comments cannot be read, with a warning', async () => {
    const h = await createHarness();
    writeFileSync(`${h.dir}/app.yaml`, `${HEADER}${RECORDING_TYPES}node_templates:\n  a: { type: rec.Node }\n`);
    const comments: string[] = [];
    const { runner, seen } = recordingRunner();
    const { warnings } = seen;
    const github: GitHubPort = {
      findComment: () => Promise.reject(new Error('Resource not accessible by integration')),
      upsertComment: async (_pr, _marker, body) => {
        comments.push(body);
        return 'created';
      },
      reportUnhealthy: async () => 'opened',
      reportHealthy: async () => false,
    };
    const report = await runAction({
      inputs: readInputs((n) => ({ blueprint: 'app.yaml' })[n] ?? ''),
      context: {
        eventName: 'pull_request',
        payload: { action: 'opened', pull_request: { number: 3, head: { sha: 'abc', repo: { full_name: 'o/r' } }, base: { repo: { full_name: 'o/r' } } } },
        ref: '',
        workspace: h.dir,
      },
      runner,
      openEnvironment: harnessEnvironment(h),
      github,
    });
    expect(report.status).toBe('succeeded');
    expect(report.deploymentId).toBe('pr-3-app');
    expect(warnings).toEqual(["could not read the pull request's comments: Resource not accessible by integration"]);
    expect(comments).toHaveLength(1);
  }, 60_000);
});

describe('secrets in the action (finding 2)', () => {
  it('masks multi-line, quoted and substring secrets in outputs, summary and action outputs, registers each with setSecret, and does not wedge the deployment', async () => {
    const pem = '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAv1Xc0ffee\nQ29mZmVlIGlzIG5vdCBhIHNlY3JldA\n-----END RSA PRIVATE KEY-----';
    const quoted = 'he said "x\\y"';
    const observer: { current: (v: YamlValue) => void } = { current: () => undefined };
    const h = await createHarness({ secrets: { pem, quoted, short: '543' }, onSecret: (v) => observer.current(v) });
    writeFileSync(
      `${h.dir}/app.yaml`,
      `${HEADER}${RECORDING_TYPES}node_templates:
  a: { type: rec.Node }
outputs:
  key: { value: { get_secret: pem } }
  quoted: { value: { get_secret: quoted } }
  short: { value: { get_secret: short } }
  port: { value: 54321 }
`,
    );
    const { runner, seen } = recordingRunner();
    const { masked, outputs, summaries } = seen;
    const run = () =>
      dispatch(
        h,
        runner,
        { blueprint: 'app.yaml', 'deployment-id': 'secretive', workflow: 'install' },
        harnessEnvironment(h, (onSecret) => (observer.current = onSecret)),
      );
    const report = await run();
    expect(report.error).toBeUndefined();
    expect(report.status).toBe('succeeded');
    const printed = [JSON.stringify(report.outputs), ...summaries, ...outputs.values()].join('\n');
    for (const line of pem.split('\n')) expect(printed).not.toContain(line);
    expect(printed).not.toContain('x\\y');
    expect(printed).not.toContain('x\\\\y');
    expect(printed).not.toContain('543');
    expect(report.outputs?.['port']).toBe('***21');
    expect(masked).toEqual(expect.arrayContaining([pem, ...pem.split('\n'), quoted, '543']));
    // The deployment is not wedged: the stored outputs are whole, and the next run works too.
    expect((await h.store.getDeployment('secretive'))?.outputs?.['port']).toBe('***21');
    expect((await run()).status).toBe('succeeded');
  }, 60_000);
});

describe('the action log (finding 8: workflow-command injection)', () => {
  it('writes every message as one line that cannot start a workflow command', async () => {
    const h = await createHarness({ maxRetries: 0 });
    writeFileSync(
      `${h.dir}/app.yaml`,
      `${HEADER}${RECORDING_TYPES}node_templates:\n  a:\n    type: rec.Node\n    interfaces: { cloudify.interfaces.lifecycle: { create: { implementation: rec.secret, inputs: { password: { get_secret: "x\\n::error::forged\\n##[error]old\\r::add-mask::y" } } } } }\n`,
    );
    const { runner, seen } = recordingRunner();
    const { lines } = seen;
    const report = await dispatch(h, runner, { blueprint: 'app.yaml', 'deployment-id': '::warning::id', workflow: 'install' });
    expect(report.status).toBe('failed');
    expect(lines.join('\n'), lines.join('\n')).toContain("secret 'x\\n::error::forged\\n##[error]old\\r::add-mask::y' is not set");
    for (const line of lines) {
      expect(line).not.toMatch(/[\r\n]/);
      expect(line).not.toMatch(/^\s*(::|##\[)/);
    }
    expect(logLine('::error::x')).toBe(':\u200b:error::x');
    expect(logLine('  ##[group]x')).toBe('  #\u200b#[group]x');
  }, 30_000);
});

describe('action outputs (finding 9: blueprint outputs overwrote the action outputs)', () => {
  it("keeps status, deployment-id, execution-id and outputs the action's own; such blueprint outputs are only in the JSON", async () => {
    const h = await createHarness();
    writeFileSync(
      `${h.dir}/app.yaml`,
      `${HEADER}${RECORDING_TYPES}node_templates:\n  a: { type: rec.Node }\noutputs:\n  status: { value: succeeded-honest }\n  deployment-id: { value: other }\n  outputs: { value: '{}' }\n  "bad\\nname": { value: x }\n  url: { value: http://app }\n`,
    );
    const { runner, seen } = recordingRunner();
    const { outputs, warnings } = seen;
    const report = await dispatch(h, runner, { blueprint: 'app.yaml', 'deployment-id': 'outs', workflow: 'install' });
    expect(report.status).toBe('succeeded');
    expect(outputs.get('status')).toBe('succeeded');
    expect(outputs.get('deployment-id')).toBe('outs');
    expect(JSON.parse(outputs.get('outputs')!)).toEqual({
      status: 'succeeded-honest',
      'deployment-id': 'other',
      outputs: '{}',
      'bad\nname': 'x',
      url: 'http://app',
    });
    expect(outputs.get('url')).toBe('http://app');
    expect([...outputs.keys()].sort()).toEqual(['changes-json', 'deployment-id', 'execution-id', 'outputs', 'plan-markdown', 'status', 'url']);
    expect(JSON.parse(outputs.get('changes-json')!)).toMatchObject({ deploymentId: 'outs', status: 'succeeded', changes: [] });
    expect(outputs.get('plan-markdown')).toContain('<!-- isthmus:deployment=outs -->');
    expect(warnings.join('\n')).toContain("are only in the 'outputs' JSON");
  }, 30_000);
});
