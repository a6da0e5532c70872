import { describe, expect, it } from 'vitest';
import type { TaskRecord } from '../state/index.js';
import { TaskScheduler } from './scheduler.js';

type T = Pick<TaskRecord, 'id' | 'dependsOn' | 'status' | 'ignoreFailure' | 'retryAt'>;
const t = (id: string, dependsOn: string[] = [], over: Partial<T> = {}): T => ({ id, dependsOn, status: 'pending', ...over });

describe('TaskScheduler: which tasks may be sent, without a store', () => {
  it('sends tasks as their dependencies succeed, within the limit asked for', () => {
    const s = new TaskScheduler([t('a'), t('b'), t('c', ['a', 'b']), t('d', ['c'])]);
    s.readyAllUnblocked();
    expect(s.takeDue(0, 1)).toEqual(['a']);
    expect(s.takeDue(0, 5)).toEqual(['b']);
    s.succeeded('a');
    expect(s.takeDue(0, 5)).toEqual([]);
    s.succeeded('b');
    expect(s.takeDue(0, 5)).toEqual(['c']);
    s.succeeded('c');
    expect(s.takeDue(0, 5)).toEqual(['d']);
    s.succeeded('d');
    expect(s.open()).toEqual([]);
  });

  it('holds a rescheduled task until its time, and says when that is', () => {
    const s = new TaskScheduler([t('a')]);
    s.readyAllUnblocked();
    expect(s.takeDue(0, 5)).toEqual(['a']);
    s.rescheduled(t('a', [], { retryAt: 1000 }));
    expect(s.takeDue(999, 5)).toEqual([]);
    expect(s.nextDueAt(500)).toBe(1000);
    expect(s.takeDue(1000, 5)).toEqual(['a']);
  });

  it('a failure leaves its dependents open (the execution reports them); an ignored one releases them', () => {
    const s = new TaskScheduler([t('a'), t('b', ['a']), t('c'), t('d', ['c'])]);
    s.readyAllUnblocked();
    s.takeDue(0, 5);
    s.failedFor('a', false);
    s.failedFor('c', true);
    expect(s.takeDue(0, 5)).toEqual(['d']);
    s.succeeded('d');
    expect(s.hasReady()).toBe(false);
    expect(s.open()).toEqual(['b']);
  });

  it('on resume, a failure stored as ignored already satisfies its dependents', () => {
    const s = new TaskScheduler([t('a', [], { status: 'failed', ignoreFailure: true }), t('b', ['a'])]);
    s.readyAllUnblocked();
    expect(s.takeDue(0, 5)).toEqual(['b']);
  });
});
