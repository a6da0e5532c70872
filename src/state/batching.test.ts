import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { ConflictError, type NodeInstanceRecord } from './index.js';
import { GroupCommit, GroupRead, type TransactItem } from './batching.js';
import { createTestStore } from '../../test/support/state.js';

const put = (pk: string, sk: string): TransactItem => ({ Put: { TableName: 't', Item: { pk, sk } } });

describe('GroupCommit', () => {
  it('sends a write alone when idle, and what arrives during a commit together in the next one', async () => {
    const sent: number[] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const commits = new GroupCommit(
      async (items) => {
        sent.push(items.length);
        if (sent.length === 1) await gate;
      },
      { items: 50, bytes: 1e6, concurrency: 1 },
    );
    const first = commits.write([put('a', '1')]);
    const rest = Array.from({ length: 5 }, (_, i) => commits.write([put('b', String(i)), put('c', String(i))]));
    release();
    await Promise.all([first, ...rest]);
    expect(sent).toEqual([1, 10]);
  });

  it('never puts two writes to the same item in one transaction', async () => {
    const batches: string[][] = [];
    const commits = new GroupCommit(async (items) => void batches.push(items.map((i) => String(i.Put!.Item['sk']))), { items: 50, bytes: 1e6, concurrency: 1 });
    await Promise.all([commits.write([put('x', '1')]), commits.write([put('x', '2')]), commits.write([put('x', '2')]), commits.write([put('x', '3')])]);
    expect(batches).toEqual([['1'], ['2', '3'], ['2']]);
  });

  it('a cancelled shared transaction fails only the entry whose condition failed; the others commit again', async () => {
    const calls: number[] = [];
    const commits = new GroupCommit(
      async (items) => {
        calls.push(items.length);
        const bad = items.findIndex((i) => i.Put!.Item['sk'] === 'bad');
        if (bad >= 0 && items.length > 1)
          throw new TransactionCanceledException({
            message: 'cancelled',
            $metadata: {},
            CancellationReasons: items.map((_, k) => ({ Code: k === bad ? 'ConditionalCheckFailed' : 'None' })),
          });
      },
      { items: 50, bytes: 1e6, concurrency: 1 },
    );
    // The first write goes alone (idle); the three arriving meanwhile share the next transaction.
    const first = commits.write([put('g', 'first')]);
    const results = await Promise.allSettled([
      commits.write([put('p', 'ok1')]),
      commits.write([put('p', 'bad'), put('q', 'x')]),
      commits.write([put('p', 'ok2')]),
    ]);
    await first;
    expect(calls).toEqual([1, 4, 2]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const err = (results[1] as PromiseRejectedResult).reason as TransactionCanceledException;
    expect(err).toBeInstanceOf(TransactionCanceledException);
    expect(err.CancellationReasons?.map((r) => r.Code)).toEqual(['ConditionalCheckFailed', 'None']);
  });
});

describe('GroupCommit shared checks (the fencing token of finding 14)', () => {
  const check = (token: number): TransactItem => ({
    ConditionCheck: { TableName: 't', Key: { pk: 'DEP#d', sk: 'LOCK' }, ConditionExpression: 'fencingToken = :t', ExpressionAttributeValues: { ':t': token } },
  });

  it('sends an identical check once for the entries that share it; a different token goes in another transaction', async () => {
    const sent: string[][] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const commits = new GroupCommit(
      async (items) => {
        sent.push(items.map((i) => (i.ConditionCheck ? `check:${JSON.stringify(i.ConditionCheck['ExpressionAttributeValues'])}` : String(i.Put!.Item['sk']))));
        if (sent.length === 1) await gate;
      },
      { items: 50, bytes: 1e6, concurrency: 1 },
    );
    const first = commits.write([put('a', '0')]);
    const rest = [commits.write([put('s', '1')], [check(7)]), commits.write([put('s', '2')], [check(7)]), commits.write([put('s', '3')], [check(8)])];
    release();
    await Promise.all([first, ...rest]);
    expect(sent).toEqual([['0'], ['check:{":t":7}', '1', '2'], ['check:{":t":8}', '3']]);
  });

  it('a failed shared check fails every entry that carries it, each with the reasons it would have had alone', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let calls = 0;
    const commits = new GroupCommit(
      async (items) => {
        if (++calls === 1) return gate;
        const at = items.findIndex((i) => i.ConditionCheck);
        if (at >= 0)
          throw new TransactionCanceledException({
            message: 'cancelled',
            $metadata: {},
            CancellationReasons: items.map((_, k) => ({ Code: k === at ? 'ConditionalCheckFailed' : 'None' })),
          });
      },
      { items: 50, bytes: 1e6, concurrency: 1 },
    );
    const first = commits.write([put('a', '0')]);
    const results = Promise.allSettled([
      commits.write([put('s', '1')], [check(7)]),
      commits.write([put('s', '2'), put('i', '2')], [check(7)]),
      commits.write([put('s', '3')]),
    ]);
    release();
    await first;
    const settled = await results;
    expect(settled.map((r) => r.status)).toEqual(['rejected', 'rejected', 'fulfilled']);
    expect(((settled[1] as PromiseRejectedResult).reason as TransactionCanceledException).CancellationReasons?.map((r) => r.Code)).toEqual([
      'ConditionalCheckFailed',
      'None',
      'None',
    ]);
  });
});

describe('GroupRead', () => {
  it('reads together what arrives during a read, and gives each caller its own items', async () => {
    const sizes: number[] = [];
    const reads = new GroupRead(
      async (keys) => {
        sizes.push(keys.length);
        await new Promise((r) => setTimeout(r, 5));
        return keys.filter((k) => k['sk'] !== 'missing').map((k) => ({ ...k, v: `${String(k['pk'])}/${String(k['sk'])}` }));
      },
      { keys: 100, concurrency: 1 },
    );
    const [a, b, c] = await Promise.all([
      reads.read([{ pk: 'a', sk: '1' }]),
      reads.read([
        { pk: 'b', sk: '1' },
        { pk: 'a', sk: '1' },
      ]),
      reads.read([{ pk: 'c', sk: 'missing' }]),
    ]);
    expect(sizes).toEqual([1, 3]);
    expect(a.map((i) => i['v'])).toEqual(['a/1']);
    expect(b.map((i) => i['v'])).toEqual(['b/1', 'a/1']);
    expect(c).toEqual([]);
  });
});

describe('step records under group commit, on DynamoDB Local', () => {
  it('concurrent steps each get their own outcome: recorded, replayed, or a version conflict', async () => {
    const store = await createTestStore();
    const instance = (id: string): NodeInstanceRecord => ({ deploymentId: 'd', id, nodeId: 'n', state: 'uninitialized', runtimeProperties: {}, version: 1 });
    await store.putNodeInstances(Array.from({ length: 20 }, (_, i) => instance(`n_${i}`)));
    const key = (i: number) => ({ executionId: 'e', taskId: `t${i}`, attempt: 0 });
    await store.recordStep(key(0), { status: 'succeeded' });
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        store.recordStep(
          key(i),
          { status: 'succeeded', result: i },
          { deploymentId: 'd', id: `n_${i}`, expectedVersion: i === 7 ? 5 : 1, update: { state: 'created', runtimeProperties: { i } } },
        ),
      ),
    );
    // t0 was recorded before: its replay returns the first outcome and changes nothing.
    expect(results[0]).toEqual({ status: 'fulfilled', value: { recorded: false, outcome: { status: 'succeeded' } } });
    expect((results[7] as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);
    for (const i of [1, 2, 3, 19]) expect(results[i]).toEqual({ status: 'fulfilled', value: { recorded: true, outcome: { status: 'succeeded', result: i } } });
    const after = new Map((await store.listNodeInstances('d')).map((r) => [r.id, r]));
    expect(after.get('n_0')).toMatchObject({ state: 'uninitialized', version: 1 });
    expect(after.get('n_7')).toMatchObject({ state: 'uninitialized', version: 1 });
    expect(after.get('n_19')).toMatchObject({ state: 'created', version: 2, runtimeProperties: { i: 19 } });
    // Fewer transactions than steps: they were committed together.
    expect(store.requestCounts['TransactWriteItemsCommand'] ?? 0).toBeLessThan(19);
  });
});
