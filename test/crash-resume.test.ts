import { spawn, spawnSync } from 'node:child_process';
import { writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDbStateStore } from '../src/state/index.js';
import { seededRandom } from '../src/plan/ids.js';
import { writeBlueprintFiles } from './support/blueprint-files.js';

/**
 * Kills the driver (the real CLI, SIGKILL) at random points of a 50-instance install, resumes
 * it each time, and checks that the deployment ends installed with every operation's effect
 * applied exactly once and no runtime property lost.
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
node_templates:
  base: { type: counted, capabilities: { scalable: { properties: { default_instances: 10 } } } }
  app:
    type: counted
    capabilities: { scalable: { properties: { default_instances: 40 } } }
    relationships: [ { type: cloudify.relationships.depends_on, target: base } ]
`;

// Each operation counts itself in a runtime property (saved atomically with its step record)
// and writes a property of its own; a little sleep spreads the run over time.
const COUNT = `export default async function (ctx) {
  const counts = ctx.instance.runtimeProperties.counts ?? {};
  counts[ctx.operation.name] = (counts[ctx.operation.name] ?? 0) + 1;
  ctx.instance.runtimeProperties.counts = counts;
  ctx.instance.runtimeProperties[ctx.operation.name.split('.').pop() + '_by'] = process.pid;
  await new Promise((r) => setTimeout(r, 15));
}
`;

describe('a driver killed at random points', () => {
  it(`resumes after ${KILLS} SIGKILLs and applies every operation exactly once`, async () => {
    const dir = writeBlueprintFiles({ 'blueprint.yaml': BLUEPRINT, 'ops/count.mjs': COUNT });
    mkdirSync(path.join(dir, '.isthmus'), { recursive: true });
    writeFileSync(path.join(dir, '.git'), ''); // the directory is its own repository root
    const endpoint = inject('dynamoDbEndpoint');
    const table = `isthmus-crash-${randomUUID()}`;
    const env = { ...process.env, ISTHMUS_DYNAMODB_ENDPOINT: endpoint, ISTHMUS_STATE_TABLE: table, ISTHMUS_LEASE_MS: '600' };
    const random = seededRandom(7);
    const client = new DynamoDBClient({ endpoint, region: 'local', credentials: { accessKeyId: 'l', secretAccessKey: 'l' } });
    const store = new DynamoDbStateStore({ tableName: table, client });

    const stepCount = async () => {
      try {
        const e = (await store.listExecutions('crash'))[0];
        return e ? (await store.listSteps(e.id)).length : 0;
      } catch {
        return 0; // the first run has not created the table yet
      }
    };
    // Kill once the run has recorded `progress` more steps: every kill lands mid-install.
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
          const base = await stepCount();
          while (!exited) {
            if ((await stepCount()) >= base + progress) {
              child.kill('SIGKILL');
              return;
            }
            await new Promise((r) => setTimeout(r, 15));
          }
        })();
      });

    let lastStderr = '';
    let kills = 0;
    let finished = false;
    let executionId: string | undefined;
    let runs = 0;
    while (!finished && runs < KILLS * 3) {
      runs++;
      const args = executionId ? ['executions', 'resume', executionId] : ['install', 'blueprint.yaml', '-d', 'crash'];
      const code = await runAndKill(args, kills < KILLS ? 1 + Math.floor(random() * 8) : undefined);
      if (code === null) kills++;
      else if (code !== 0) throw new Error(`isthmus ${args.join(' ')} exited with ${code}: ${lastStderr}`);
      executionId ??= (await store.listExecutions('crash'))[0]?.id;
      const e = executionId ? (await store.listExecutions('crash'))[0] : undefined;
      finished = e?.status === 'terminated';
    }
    expect(kills).toBe(KILLS);
    expect(finished).toBe(true);

    const instances = await store.listNodeInstances('crash');
    expect(instances).toHaveLength(50);
    for (const i of instances) {
      expect(i.state).toBe('started');
      expect(i.runtimeProperties['counts']).toEqual({
        'cloudify.interfaces.lifecycle.create': 1,
        'cloudify.interfaces.lifecycle.configure': 1,
        'cloudify.interfaces.lifecycle.start': 1,
      });
      for (const p of ['create_by', 'configure_by', 'start_by']) expect(i.runtimeProperties[p]).toEqual(expect.any(Number));
    }
    const status = spawnSync(process.execPath, [bin, 'deployments'], { cwd: dir, env, encoding: 'utf8' });
    expect(status.stdout).toMatch(/crash\s+active\s+50 started/);
    client.destroy();
  }, 600_000);
});
