import { describe, expect, it } from 'vitest';
import { ConflictError, type ExecutionRecord } from '../state/index.js';
import { createTestStore } from '../../test/support/state.js';
import { abandonExecution, settleDeployment } from './settle.js';

const execution = (id: string, createdAt: string, status: ExecutionRecord['status'] = 'pending'): ExecutionRecord => ({
  deploymentId: 'd',
  id,
  workflow: 'install',
  parameters: {},
  status,
  createdAt,
  taskCount: 0,
  version: 1,
});
const longAgo = new Date(Date.now() - 10 * 60_000).toISOString();

describe('settling a deployment before a run starts its execution', () => {
  it('is a no-op on an idle deployment', async () => {
    const store = await createTestStore();
    await store.createExecution(execution('e0', longAgo, 'terminated'), []);
    expect(await settleDeployment(store, 'd', { waitForLock: false, resume: () => Promise.reject(new Error('nothing to resume')) })).toEqual([]);
  });

  it('fails fast naming the run that holds the lock', async () => {
    const store = await createTestStore();
    await store.createExecution(execution('e1', longAgo, 'started'), []);
    await store.acquireLock('d', 'e1', 'https://github.com/o/r/actions/runs/7', 60_000);
    const err = await settleDeployment(store, 'd', { waitForLock: false, resume: () => Promise.reject(new Error('must not resume a live run')) }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ConflictError);
    expect((err as ConflictError).message).toBe("deployment 'd' is busy: execution e1 (install) is run by https://github.com/o/r/actions/runs/7");
    expect((err as ConflictError).holder?.executionId).toBe('e1');
  });

  it('treats a just-created execution with no lock yet as taken', async () => {
    const store = await createTestStore();
    await store.createExecution(execution('e2', new Date().toISOString()), []);
    await expect(settleDeployment(store, 'd', { waitForLock: false, resume: () => Promise.reject(new Error('too early')) })).rejects.toThrow(
      /e2 \(install\) is run by a run that is starting it/,
    );
  });

  it("resumes a dead run's unfinished execution (its lease expired), then reports it", async () => {
    const store = await createTestStore();
    await store.createExecution(execution('e3', longAgo, 'started'), []);
    await store.acquireLock('d', 'e3', 'dead run', 1);
    await new Promise((r) => setTimeout(r, 20));
    const resumed: string[] = [];
    const notes = await settleDeployment(store, 'd', {
      waitForLock: false,
      resume: async (e) => {
        resumed.push(e.id);
        const current = (await store.getExecution('d', e.id))!;
        return store.updateExecution('d', e.id, current.version, { status: 'terminated' });
      },
    });
    expect(resumed).toEqual(['e3']);
    expect(notes).toEqual(['Resumed execution e3 (install) that an earlier run left unfinished: it ended terminated.']);
  });

  it('with waitForLock, waits until the holder is done', async () => {
    const store = await createTestStore();
    await store.createExecution(execution('e4', longAgo, 'started'), []);
    const lock = await store.acquireLock('d', 'e4', 'run 1', 60_000);
    setTimeout(() => {
      void (async () => {
        const current = (await store.getExecution('d', 'e4'))!;
        await store.updateExecution('d', 'e4', current.version, { status: 'terminated' });
        await store.releaseLock(lock);
      })();
    }, 300);
    expect(await settleDeployment(store, 'd', { waitForLock: true, pollMs: 50, resume: () => Promise.reject(new Error('must wait, not resume')) })).toEqual([]);
  });

  it('an abandoned execution is cancelled, so no later run resumes it', async () => {
    const store = await createTestStore();
    const e = execution('e5', new Date().toISOString());
    await store.createExecution(e, []);
    await abandonExecution(store, e, 'never started: busy');
    expect(await store.getExecution('d', 'e5')).toMatchObject({ status: 'cancelled', error: 'never started: busy' });
  });
});
