import { describe, expect, it } from 'vitest';
import { OperationSlots } from './slots.js';

const tick = () => new Promise((r) => setImmediate(r));

describe('OperationSlots', () => {
  it('never runs more than its size at once, and starts waiters in arrival order', async () => {
    const slots = new OperationSlots(2);
    const releases: Array<() => void> = [];
    const started: number[] = [];
    let peak = 0;
    const runs = [0, 1, 2, 3, 4].map((i) =>
      slots.run(async () => {
        started.push(i);
        peak = Math.max(peak, slots.running);
        await new Promise<void>((r) => releases.push(r));
        return i;
      }),
    );
    await tick();
    expect(started).toEqual([0, 1]);
    releases.shift()!();
    await tick();
    expect(started).toEqual([0, 1, 2]);
    releases.shift()!();
    releases.shift()!();
    await tick();
    expect(started).toEqual([0, 1, 2, 3, 4]);
    for (const release of releases.splice(0)) release();
    expect(await Promise.all(runs)).toEqual([0, 1, 2, 3, 4]);
    expect(peak).toBe(2);
    expect(slots.running).toBe(0);
  });

  it('frees the slot of an operation that throws', async () => {
    const slots = new OperationSlots(1);
    await expect(slots.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await slots.run(async () => 'next')).toBe('next');
    expect(slots.running).toBe(0);
  });

  it('refuses a size below one', () => {
    expect(() => new OperationSlots(0)).toThrow(RangeError);
  });
});
