import { describe, expect, it } from 'vitest';
import { decideOutcome, MAX_CHECK_POLLS, MAX_INFRASTRUCTURE_RETRIES, type RetriedTask } from './retry-policy.js';

const task = (over: Partial<RetriedTask> = {}): RetriedTask => ({ attempt: 0, maxRetries: 2, retryInterval: 10, ...over });

describe('decideOutcome: the retry policy, without a store', () => {
  it('succeeds on success, even after undelivered sends', () => {
    expect(decideOutcome(task(), { status: 'succeeded' }, 0)).toEqual({ action: 'succeed' });
    expect(decideOutcome(task(), { status: 'succeeded', infrastructure: true }, 0)).toEqual({ action: 'succeed' });
  });

  it('retries a recoverable failure at the task interval while the budget lasts, then fails', () => {
    expect(decideOutcome(task({ attempt: 0 }), { status: 'failed', error: 'x' }, 0)).toEqual({ action: 'retry', delaySeconds: 10, asked: false });
    expect(decideOutcome(task({ attempt: 1 }), { status: 'failed' }, 0)).toMatchObject({ action: 'retry' });
    expect(decideOutcome(task({ attempt: 2 }), { status: 'failed' }, 0)).toEqual({ action: 'fail', ignored: false });
  });

  it('never retries a non-recoverable failure; an ignored one is marked so', () => {
    expect(decideOutcome(task(), { status: 'failed', recoverable: false }, 0)).toEqual({ action: 'fail', ignored: false });
    expect(decideOutcome(task({ ignoreFailure: true }), { status: 'failed', recoverable: false }, 0)).toEqual({ action: 'fail', ignored: true });
  });

  it("an operation's retry request uses its own delay; -1 retries forever; a resume's budget starts at retryBase", () => {
    expect(decideOutcome(task(), { status: 'retry', retryAfter: 3 }, 0)).toEqual({ action: 'retry', delaySeconds: 3, asked: true });
    expect(decideOutcome(task({ maxRetries: -1, attempt: 500 }), { status: 'failed' }, 0)).toMatchObject({ action: 'retry' });
    expect(decideOutcome(task({ attempt: 5 }), { status: 'failed' }, 0)).toMatchObject({ action: 'fail' });
    expect(decideOutcome(task({ attempt: 5, retryBase: 5 }), { status: 'failed' }, 0)).toMatchObject({ action: 'retry' });
  });

  it('a status check that asks to be polled is polled past its budget, up to the poll limit', () => {
    const check = (attempt: number) => task({ attempt, maxRetries: 0, checkStatus: true });
    expect(decideOutcome(check(50), { status: 'retry' }, 0)).toMatchObject({ action: 'retry' });
    expect(decideOutcome(check(MAX_CHECK_POLLS), { status: 'retry' }, 0)).toMatchObject({ action: 'fail' });
    // A failing check is not polled: it reports at once (its budget of 0 is spent).
    expect(decideOutcome(check(0), { status: 'failed' }, 0)).toMatchObject({ action: 'fail' });
    // A drift check waits for its answer the same way (an SSM command takes a few looks).
    expect(decideOutcome(task({ attempt: 3, maxRetries: 0, checkDrift: true }), { status: 'retry' }, 0)).toMatchObject({ action: 'retry' });
    expect(decideOutcome(task({ attempt: 3, maxRetries: 0 }), { status: 'retry' }, 0)).toMatchObject({ action: 'fail' });
  });

  it('sends an undelivered attempt again with a growing delay, then treats it as a failure', () => {
    const undelivered = { status: 'failed' as const, infrastructure: true, error: 'throttled' };
    expect(decideOutcome(task(), undelivered, 1)).toEqual({ action: 'resend', delaySeconds: 0.4 });
    expect(decideOutcome(task(), undelivered, 3)).toEqual({ action: 'resend', delaySeconds: 1.6 });
    expect(decideOutcome(task(), undelivered, MAX_INFRASTRUCTURE_RETRIES + 1)).toMatchObject({ action: 'retry' });
  });

  it('leaves a step that never started pending', () => {
    expect(decideOutcome(task(), { status: 'failed', notStarted: true }, 0)).toEqual({ action: 'leave-pending' });
  });
});
