import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createTestStore } from '../../test/support/state.js';
import { ConflictError, FencedError, type DeploymentRecord, type ExecutionRecord, type NodeInstanceRecord, type TaskRecord } from './index.js';
import type { DeploymentPlan } from '../plan/index.js';

const plan: DeploymentPlan = {
  planVersion: 1,
  dslVersion: '1_5',
  mainFile: 'bp.yaml',
  inputs: {},
  nodes: [],
  nodeInstances: [],
  scalingGroups: {},
  outputs: {},
  capabilities: {},
  workflows: [],
  plugins: {},
  labels: {},
  unsupported: [],
};
const now = new Date().toISOString();
const deployment = (id: string): DeploymentRecord => ({
  id,
  blueprintFile: 'bp.yaml',
  blueprintDigest: 'd',
  inputs: {},
  plan,
  outputs: {},
  status: 'created',
  createdAt: now,
  updatedAt: now,
  version: 1,
});
const instance = (dep: string, id: string): NodeInstanceRecord => ({
  deploymentId: dep,
  id,
  nodeId: id.split('_')[0]!,
  state: 'uninitialized',
  runtimeProperties: {},
  version: 1,
});
const execution = (dep: string, id: string): ExecutionRecord => ({
  deploymentId: dep,
  id,
  workflow: 'install',
  parameters: {},
  status: 'pending',
  createdAt: now,
  taskCount: 1,
  version: 1,
});
const task = (exec: string, id: string): TaskRecord => ({
  executionId: exec,
  id,
  kind: 'operation',
  nodeInstanceId: 'a_1',
  operation: 'x.y',
  dependsOn: [],
  status: 'pending',
  attempt: 0,
  maxRetries: 3,
  retryInterval: 1,
  version: 1,
});

describe('DynamoDbStateStore on DynamoDB Local', () => {
  it('creates a deployment once, with its instances and its plan (compressed) intact', async () => {
    const store = await createTestStore();
    await store.createDeployment(deployment('d1'), [instance('d1', 'a_1'), instance('d1', 'b_1')]);
    await expect(store.createDeployment(deployment('d1'), [])).rejects.toBeInstanceOf(ConflictError);
    expect(await store.getDeployment('d1')).toEqual(deployment('d1'));
    expect((await store.listNodeInstances('d1')).map((i) => i.id).sort()).toEqual(['a_1', 'b_1']);
    expect((await store.listDeployments()).map((d) => d.id)).toEqual(['d1']);
  });

  it('makes every update conditional on the version', async () => {
    const store = await createTestStore();
    await store.createDeployment(deployment('d1'), [instance('d1', 'a_1')]);
    const updated = await store.updateNodeInstance('d1', 'a_1', 1, { state: 'created', runtimeProperties: { ip: '10.0.0.1' } });
    expect(updated).toMatchObject({ state: 'created', runtimeProperties: { ip: '10.0.0.1' }, version: 2 });
    await expect(store.updateNodeInstance('d1', 'a_1', 1, { state: 'started' })).rejects.toBeInstanceOf(ConflictError);
    const dep = await store.updateDeployment('d1', 1, { status: 'active' });
    expect(dep.version).toBe(2);
    await expect(store.updateDeployment('d1', 1, { status: 'failed' })).rejects.toBeInstanceOf(ConflictError);
  });

  it('records a step once, atomically with its runtime-property change; a replay gets the first outcome', async () => {
    const store = await createTestStore();
    await store.createDeployment(deployment('d1'), [instance('d1', 'a_1')]);
    const key = { executionId: 'e1', taskId: 't1', attempt: 1 };
    const first = await store.recordStep(
      key,
      { status: 'succeeded', result: 1 },
      { deploymentId: 'd1', id: 'a_1', expectedVersion: 1, update: { runtimeProperties: { count: 1 } } },
    );
    expect(first.recorded).toBe(true);
    const replay = await store.recordStep(
      key,
      { status: 'failed', error: 'again' },
      { deploymentId: 'd1', id: 'a_1', expectedVersion: 2, update: { runtimeProperties: { count: 2 } } },
    );
    expect(replay).toEqual({ recorded: false, outcome: { status: 'succeeded', result: 1 } });
    expect((await store.getNodeInstance('d1', 'a_1'))!.runtimeProperties).toEqual({ count: 1 });
    // A stale instance version aborts the whole transaction: no step is recorded.
    const stale = store.recordStep(
      { ...key, attempt: 2 },
      { status: 'succeeded' },
      { deploymentId: 'd1', id: 'a_1', expectedVersion: 1, update: { runtimeProperties: {} } },
    );
    await expect(stale).rejects.toBeInstanceOf(ConflictError);
    expect(await store.getStep({ ...key, attempt: 2 })).toBeUndefined();
  });

  it('stores executions with their tasks and finds an execution by id alone', async () => {
    const store = await createTestStore();
    await store.createExecution(execution('d1', 'e1'), [task('e1', 't1'), task('e1', 't2')]);
    expect((await store.findExecution('e1'))!.deploymentId).toBe('d1');
    expect((await store.listTasks('e1')).map((t) => t.id).sort()).toEqual(['t1', 't2']);
    const t = await store.updateTask('e1', 't1', 1, { status: 'succeeded', error: undefined });
    expect(t).toMatchObject({ status: 'succeeded', version: 2 });
    await expect(store.updateTask('e1', 't1', 1, { status: 'failed' })).rejects.toBeInstanceOf(ConflictError);
  });

  it("keeps an execution's context typed, its plans compressed in the item, and reads contexts written before (plans as gzip + base64 text)", async () => {
    const store = await createTestStore();
    const big: DeploymentPlan = {
      ...plan,
      nodeInstances: Array.from(
        { length: 400 },
        (_, i) => ({ id: `n_${i}`, nodeId: 'n', relationships: [] }) as unknown as DeploymentPlan['nodeInstances'][number],
      ),
    };
    const scale = { direction: 'out' as const, added: ['n_399'], removed: [], rollback: true, plan: big };
    await store.createExecution({ ...execution('d1', 'e1'), workflow: 'scale', context: { scale } }, [task('e1', 't1')]);
    expect((await store.getExecution('d1', 'e1'))!.context).toEqual({ scale });
    const updated = await store.updateExecution('d1', 'e1', 1, { status: 'started' });
    expect(updated.context?.scale?.plan.nodeInstances).toHaveLength(400);
    expect((await store.listExecutions('d1'))[0]!.context?.scale?.added).toEqual(['n_399']);
    const doc = DynamoDBDocumentClient.from(store.client);
    const items =
      (await doc.send(new QueryCommand({ TableName: store.tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': 'DEP#d1' } })))
        .Items ?? [];
    const stored = items.find((i) => String(i['sk']).startsWith('EXEC#'))!;
    expect(stored['context']).toBeUndefined();
    expect(stored['contextGz']).toBeInstanceOf(Uint8Array);
    expect((stored['contextGz'] as Uint8Array).length).toBeLessThan(JSON.stringify(scale).length / 10);
    // An execution item as an earlier version wrote it: each plan gzip + base64 text in a plain map.
    const text = (p: DeploymentPlan) => gzipSync(JSON.stringify(p)).toString('base64');
    const legacy = {
      ...stored,
      sk: 'EXEC#e0',
      id: 'e0',
      contextGz: undefined,
      context: { update: { planGz: text(big), finalPlanGz: text(plan), added: [], removed: [], inputs: {}, blueprintFile: 'bp.yaml', blueprintDigest: 'd' } },
    };
    await doc.send(new PutCommand({ TableName: store.tableName, Item: legacy, removeUndefinedValues: true } as never));
    const read = (await store.getExecution('d1', 'e0'))!.context?.update;
    expect(read?.plan.nodeInstances).toHaveLength(400);
    expect(read?.finalPlan).toEqual(plan);
  });

  it('appends events in batches and lists them in order, after a given one', async () => {
    const store = await createTestStore();
    const events = Array.from({ length: 60 }, (_, i) => ({
      executionId: 'e1',
      id: `${now}#${String(i).padStart(6, '0')}`,
      at: now,
      type: 'log',
      level: 'info' as const,
      message: `line ${i}`,
    }));
    await store.appendEvents(events);
    const all = await store.listEvents('e1');
    expect(all.map((e) => e.message)).toEqual(events.map((e) => e.message));
    expect((await store.listEvents('e1', events[57]!.id)).map((e) => e.message)).toEqual(['line 58', 'line 59']);
  });

  it('stores events several to an item and still reads one-event items written by earlier versions', async () => {
    const store = await createTestStore();
    const doc = DynamoDBDocumentClient.from(store.client);
    const legacy = { executionId: 'e2', id: `${now}#a#000001`, at: now, type: 'log', level: 'info' as const, message: 'from an earlier version' };
    await doc.send(
      new PutCommand({
        TableName: store.tableName,
        Item: { pk: 'EXEC#e2', sk: `EVT#${legacy.id}`, ...legacy, expiresAtEpoch: Math.floor(Date.now() / 1000) + 60 },
      }),
    );
    const later = [0, 2, 3].map((i) => ({ ...legacy, id: `${now}#b#00000${i}`, message: `paged ${i}` }));
    const before = store.requestCounts['BatchWriteItemCommand'] ?? 0;
    await store.appendEvents(later);
    expect((store.requestCounts['BatchWriteItemCommand'] ?? 0) - before).toBe(1);
    const items = await doc.send(
      new QueryCommand({ TableName: store.tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': 'EXEC#e2' } }),
    );
    expect(items.Items).toHaveLength(2);
    expect((await store.listEvents('e2')).map((e) => e.message)).toEqual(['from an earlier version', 'paged 0', 'paged 2', 'paged 3']);
    expect((await store.listEvents('e2', legacy.id)).map((e) => e.message)).toEqual(['paged 0', 'paged 2', 'paged 3']);
    expect((await store.listEvents('e2', later[1]!.id)).map((e) => e.message)).toEqual(['paged 3']);
  });

  it('gives the lock to one holder, names it to others, and lets an expired lease be taken over with a new fencing token', async () => {
    const store = await createTestStore();
    const first = await store.acquireLock('d1', 'e1', 'driver-a', 60_000);
    const denied = store.acquireLock('d1', 'e2', 'driver-b', 60_000);
    await expect(denied).rejects.toMatchObject({ name: 'ConflictError', holder: { executionId: 'e1', owner: 'driver-a' } });
    const renewed = await store.renewLock(first, 60_000);
    expect(renewed.fencingToken).toBe(first.fencingToken);
    await store.releaseLock(renewed);
    const short = await store.acquireLock('d1', 'e2', 'driver-b', 1);
    await new Promise((r) => setTimeout(r, 10));
    const takeover = await store.acquireLock('d1', 'e2', 'driver-c', 60_000);
    expect(takeover.fencingToken).toBeGreaterThan(short.fencingToken);
    await expect(store.renewLock(short, 1000)).rejects.toBeInstanceOf(ConflictError);
  });

  it('deletes a deployment with its instances and executions', async () => {
    const store = await createTestStore();
    await store.createDeployment(deployment('d1'), [instance('d1', 'a_1')]);
    await store.createExecution(execution('d1', 'e1'), [task('e1', 't1')]);
    const lock = await store.acquireLock('d1', 'delete', 'driver-a', 60_000);
    await store.deleteDeployment('d1', lock);
    expect(await store.getDeployment('d1')).toBeUndefined();
    expect(await store.getLock('d1')).toBeUndefined();
    expect(await store.listNodeInstances('d1')).toEqual([]);
    expect(await store.listTasks('e1')).toEqual([]);
    expect(await store.listDeployments()).toEqual([]);
  });

  it('finding 13: DynamoDB Local answers no web page (CORS allows no origin)', async () => {
    const store = await createTestStore();
    const endpoint = await store.client.config.endpoint!();
    const res = await fetch(`${endpoint.protocol}//${endpoint.hostname}:${endpoint.port}/`, {
      method: 'OPTIONS',
      headers: { origin: 'http://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(res.status).toBeGreaterThanOrEqual(400);
  });

  it('finding 14: deletes a deployment only under its lock; a driver that took it meanwhile keeps it', async () => {
    const store = await createTestStore();
    await store.createDeployment(deployment('d2'), [instance('d2', 'a_1')]);
    const stale = await store.acquireLock('d2', 'teardown', 'driver-a', 1);
    await new Promise((r) => setTimeout(r, 10));
    const taken = await store.acquireLock('d2', 'e-new', 'driver-b', 60_000);
    await expect(store.deleteDeployment('d2', stale)).rejects.toBeInstanceOf(FencedError);
    expect(await store.getDeployment('d2')).toBeDefined();
    expect(await store.listNodeInstances('d2')).toHaveLength(1);
    expect((await store.getLock('d2'))?.fencingToken).toBe(taken.fencingToken);
  });

  it('finding 14: two drivers creating one deployment at once never mix their instances', async () => {
    const store = await createTestStore();
    for (let round = 0; round < 5; round++) {
      const id = `race${round}`;
      const drivers = ['a', 'b', 'c'].map((who) => store.createDeployment(deployment(id), [instance(id, `${who}_1`), instance(id, `${who}_2`)]));
      const settled = await Promise.allSettled(drivers);
      expect(settled.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      for (const r of settled) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(ConflictError);
      const ids = (await store.listNodeInstances(id)).map((i) => i.id.split('_')[0]);
      expect(ids).toHaveLength(2);
      expect(new Set(ids).size).toBe(1);
    }
  });

  it('finding 14: a creation claim left by a dead driver expires, and the next creator clears its instances', async () => {
    const store = await createTestStore();
    // What a driver killed mid-create leaves: an old claim and some instances, no META.
    await store.client.send(
      new PutItemCommand({ TableName: store.tableName, Item: { pk: { S: 'DEP#dead' }, sk: { S: 'CREATING' }, claimedAt: { N: '0' }, expiresAt: { N: '1' } } }),
    );
    await store.putNodeInstances([instance('dead', 'old_1')]);
    await store.createDeployment(deployment('dead'), [instance('dead', 'new_1')]);
    expect((await store.listNodeInstances('dead')).map((i) => i.id)).toEqual(['new_1']);
  });

  it('lists deployments with a Query of their index, never a Scan, and only complete ones', async () => {
    const store = await createTestStore();
    for (const id of ['b', 'a', 'c']) await store.createDeployment(deployment(id), [instance(id, `${id}_1`)]);
    // A creation that died before its META item: not a deployment yet.
    await store.client.send(new PutItemCommand({ TableName: store.tableName, Item: { pk: { S: 'DEPLOYMENTS' }, sk: { S: 'DEP#half' }, id: { S: 'half' } } }));
    const before = store.requestCounts['ScanCommand'] ?? 0;
    expect((await store.listDeployments()).map((d) => d.id)).toEqual(['a', 'b', 'c']);
    expect(store.requestCounts['ScanCommand'] ?? 0).toBe(before);
  });
});
