import { spawn, spawnSync } from 'node:child_process';
import { writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDbStateStore } from '../src/state/dynamodb-adapter.js';
import { seededRandom } from '../src/plan/ids.js';
import { writeBlueprintFiles } from './support/blueprint-files.js';

/**
 * Kills the driver (the real CLI, SIGKILL) at random points of a 50-instance install and then of
 * a scale-in, resumes each time, and checks that the deployment ends as asked with every
 * operation's effect applied exactly once and no runtime property lost.
 */
const bin = path.resolve(import.meta.dirname, '../bin/isthmus.js');
const KILLS = Number(process.env['ISTHMUS_CRASH_KILLS'] ?? 20);

const BLUEPRINT = `tosca_definitions_version: cloudify_dsl_1_5
imports: [ cloudify/types/types.yaml ]
node_types:
  counted:
    derived_from: cloudify.nodes.Root
    interfaces:
      cloudify.interfaces.lifecycle:
        create: ops/count.mjs
        configure: ops/count.mjs
        start: ops/count.mjs
        stop: ops/count.mjs
        delete: ops/count.mjs
relationships:
  counted_link:
    derived_from: cloudify.relationships.depends_on
    target_interfaces:
      cloudify.interfaces.relationship_lifecycle: { establish: ops/count.mjs, unlink: ops/count.mjs }
node_templates:
  base: { type: counted, capabilities: { scalable: { properties: { default_instances: 5 } } } }
  app:
    type: counted
    capabilities: { scalable: { properties: { default_instances: 45 } } }
    relationships: [ { type: counted_link, target: base } ]
`;

// Each operation counts itself in a runtime property (saved atomically with its step record)
// and writes a property of its own; a little sleep spreads the run over time.
const COUNT = `export default async function (ctx) {
  const counts = ctx.instance.runtimeProperties.counts ?? {};
  // Relationship operations on one target run in parallel: one key per peer.
  const key = ctx.source ? ctx.operation.name + '@' + ctx.source.instance.id : ctx.operation.name;
  counts[key] = (counts[key] ?? 0) + 1;
  ctx.instance.runtimeProperties.counts = counts;
  ctx.instance.runtimeProperties[ctx.operation.name.split('.').pop() + '_by'] = process.pid;
  await new Promise((r) => setTimeout(r, 15));
}
`;

describe('a driver killed at random points', () => {
  it(`resumes an install and a scale-in after ${KILLS} SIGKILLs each, applying every operation exactly once`, async () => {
    const dir = writeBlueprintFiles({ 'blueprint.yaml': BLUEPRINT, 'ops/count.mjs': COUNT });
    mkdirSync(path.join(dir, '.isthmus'), { recursive: true });
    writeFileSync(path.join(dir, '.git'), ''); // the directory is its own repository root
    const endpoint = inject('dynamoDbEndpoint');
    const table = `isthmus-crash-${randomUUID()}`;
    const env = { ...process.env, ISTHMUS_DYNAMODB_ENDPOINT: endpoint, ISTHMUS_STATE_TABLE: table, ISTHMUS_LEASE_MS: '600' };
    const random = seededRandom(7);
    const client = new DynamoDBClient({ endpoint, region: 'local', credentials: { accessKeyId: 'l', secretAccessKey: 'l' } });
    const store = new DynamoDbStateStore({ tableName: table, client });

    const stepCount = async (): Promise<{ id?: string; count: number }> => {
      try {
        const e = (await store.listExecutions('crash')).at(-1);
        return e ? { id: e.id, count: (await store.listSteps(e.id)).length } : { count: 0 };
      } catch {
        return { count: 0 }; // the first run has not created the table yet
      }
    };
    // Kill once the run has recorded `progress` more steps: every kill lands mid-run.
    const runAndKill = (args: string[], progress: number | undefined) =>
      new Promise<number | null>((resolve) => {
        const child = spawn(process.execPath, [bin, ...args, '--max-parallel', '4'], { cwd: dir, env, stdio: ['ignore', 'ignore', 'pipe'] });
        lastStderr = '';
        child.stderr.on('data', (c: Buffer) => (lastStderr += c.toString()));
        let exited = false;
        child.once('exit', (code) => {
          exited = true;
          resolve(code);
        });
        if (progress === undefined) return;
        void (async () => {
          let base = await stepCount();
          while (!exited) {
            const now = await stepCount();
            if (now.id !== base.id) base = { ...now, count: 0 }; // the run created a new execution
            if (now.count >= base.count + progress) {
              child.kill('SIGKILL');
              return;
            }
            await new Promise((r) => setTimeout(r, 15));
          }
        })();
      });

    let lastStderr = '';
    // Runs `first` and then `executions resume` until the execution (the deployment's latest) ends,
    // killing the driver `kills` times mid-run.
    const killAndResume = async (first: string[], workflow: string, maxProgress: number) => {
      let kills = 0;
      let executionId: string | undefined;
      for (let runs = 0; runs < KILLS * 3; runs++) {
        const args = executionId ? ['executions', 'resume', executionId] : first;
        const code = await runAndKill(args, kills < KILLS ? 1 + Math.floor(random() * maxProgress) : undefined);
        if (code === null) kills++;
        else if (code !== 0) throw new Error(`isthmus ${args.join(' ')} exited with ${code}: ${lastStderr}`);
        const e = (await store.listExecutions('crash')).filter((x) => x.workflow === workflow).at(-1);
        executionId ??= e?.id;
        if (e?.status === 'terminated') return kills;
      }
      throw new Error(`${workflow} did not finish`);
    };

    expect(await killAndResume(['install', 'blueprint.yaml', '-d', 'crash'], 'install', 8)).toBe(KILLS);

    const instances = await store.listNodeInstances('crash');
    expect(instances).toHaveLength(50);
    const apps = instances.filter((i) => i.nodeId === 'app').map((i) => i.id);
    for (const i of instances) {
      expect(i.state).toBe('started');
      const counts = i.runtimeProperties['counts'] as Record<string, number>;
      const lifecycle = ['create', 'configure', 'start'].map((o) => `cloudify.interfaces.lifecycle.${o}`);
      const expected = i.nodeId === 'base' ? [...lifecycle, ...apps.map((a) => `cloudify.interfaces.relationship_lifecycle.establish@${a}`)] : lifecycle;
      expect(Object.keys(counts).sort()).toEqual(expected.sort());
      expect(Object.values(counts).every((n) => n === 1)).toBe(true);
      for (const p of ['create_by', 'configure_by', 'start_by']) expect(i.runtimeProperties[p]).toEqual(expect.any(Number));
    }
    const status = spawnSync(process.execPath, [bin, 'deployments'], { cwd: dir, env, encoding: 'utf8' });
    expect(status.stdout).toMatch(/crash\s+active\s+50 started/);

    // Scale in by 15 apps, killed again at random points: each base unlinks from each removed app once.
    expect(await killAndResume(['scale', 'crash', '-p', 'scalable_entity_name=app', '-p', 'delta=-15'], 'scale', 3)).toBe(KILLS);
    const after = await store.listNodeInstances('crash');
    expect(after.filter((i) => i.nodeId === 'app')).toHaveLength(30);
    const removed = apps.filter((a) => !after.some((i) => i.id === a));
    expect(removed).toHaveLength(15);
    for (const base of after.filter((i) => i.nodeId === 'base')) {
      const counts = base.runtimeProperties['counts'] as Record<string, number>;
      const unlinks = Object.keys(counts).filter((k) => k.includes('.unlink@'));
      expect(unlinks.sort()).toEqual(removed.map((a) => `cloudify.interfaces.relationship_lifecycle.unlink@${a}`).sort());
      expect(Object.values(counts).every((n) => n === 1)).toBe(true);
    }
    expect((await store.getDeployment('crash'))!.plan.nodeInstances).toHaveLength(35);
    client.destroy();
  }, 600_000);

  it('resumes a parent killed while its Component installs the child deployment: each child operation once, one child execution', async () => {
    const child = BLUEPRINT.replace('default_instances: 5', 'default_instances: 2').replace('default_instances: 45', 'default_instances: 10');
    const parent = `tosca_definitions_version: cloudify_dsl_1_5
imports: [ cloudify/types/types.yaml ]
node_templates:
  service:
    type: cloudify.nodes.Component
    properties: { resource_config: { blueprint: { blueprint_archive: child }, deployment: { id: child-of-crash } } }
capabilities:
  made_by: { value: { get_attribute: [ service, deployment, id ] } }
`;
    const dir = writeBlueprintFiles({ 'parent.yaml': parent, 'child/blueprint.yaml': child, 'child/ops/count.mjs': COUNT });
    mkdirSync(path.join(dir, '.isthmus'), { recursive: true });
    writeFileSync(path.join(dir, '.git'), '');
    const endpoint = inject('dynamoDbEndpoint');
    const table = `isthmus-crash-${randomUUID()}`;
    const env = { ...process.env, ISTHMUS_DYNAMODB_ENDPOINT: endpoint, ISTHMUS_STATE_TABLE: table, ISTHMUS_LEASE_MS: '600' };
    const client = new DynamoDBClient({ endpoint, region: 'local', credentials: { accessKeyId: 'l', secretAccessKey: 'l' } });
    const store = new DynamoDbStateStore({ tableName: table, client });
    const random = seededRandom(11);
    const kills = Math.max(3, Math.round(KILLS / 3));
    const childSteps = async () => {
      try {
        const e = (await store.listExecutions('child-of-crash')).at(-1);
        return e ? (await store.listSteps(e.id)).length : 0;
      } catch {
        return 0;
      }
    };
    let killed = 0;
    let parentExecution: string | undefined;
    let stderr = '';
    for (let runs = 0; runs < kills * 3; runs++) {
      const args = parentExecution ? ['executions', 'resume', parentExecution] : ['install', 'parent.yaml', '-d', 'crash-parent'];
      const proc = spawn(process.execPath, [bin, ...args, '--max-parallel', '4', '--wait-lock'], { cwd: dir, env, stdio: ['ignore', 'ignore', 'pipe'] });
      stderr = '';
      proc.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
      let exited = false;
      const code = new Promise<number | null>((r) =>
        proc.once('exit', (c) => {
          exited = true;
          r(c);
        }),
      );
      if (killed < kills) {
        // Kill once the child's execution has recorded a few more steps: the kill lands inside the child's install.
        const from = await childSteps();
        const progress = 1 + Math.floor(random() * 6);
        while (!exited) {
          if ((await childSteps()) >= from + progress) {
            proc.kill('SIGKILL');
            break;
          }
          await new Promise((r) => setTimeout(r, 15));
        }
      }
      const exit = await code;
      if (exit === null) killed++;
      else if (exit !== 0) throw new Error(`isthmus ${args.join(' ')} exited with ${exit}: ${stderr}`);
      const e = (await store.listExecutions('crash-parent')).at(-1);
      parentExecution ??= e?.id;
      if (e?.status === 'terminated') break;
    }
    process.stdout.write(`${JSON.stringify({ scenario: 'component-crash', kills: killed })}\n`);
    expect(killed).toBeGreaterThanOrEqual(3);
    expect((await store.listExecutions('crash-parent')).at(-1)!.status).toBe('terminated');
    const childExecutions = await store.listExecutions('child-of-crash');
    expect(childExecutions.map((e) => `${e.workflow}:${e.status}`)).toEqual(['install:terminated']);
    const instances = await store.listNodeInstances('child-of-crash');
    expect(instances).toHaveLength(12);
    for (const i of instances) {
      expect(i.state).toBe('started');
      expect(Object.values(i.runtimeProperties['counts'] as Record<string, number>).every((n) => n === 1)).toBe(true);
    }
    expect((await store.getDeployment('crash-parent'))!.parent).toBeUndefined();
    expect((await store.getDeployment('child-of-crash'))!.parent).toMatchObject({ deploymentId: 'crash-parent' });
    client.destroy();
  }, 600_000);
});
