import { IsthmusError } from '../errors.js';
/**
 * A counting semaphore for operations: at most `size` run at once, waiters start in arrival order.
 * When steps run in this process, the engine bounds operations with it rather than whole steps, so
 * one step's state reads and writes overlap other steps' operations (as a Cloudify agent's worker
 * pool bounds operations, not the reporting of their results).
 */
export class OperationSlots {
  private busy = 0;
  private closed = false;
  private readonly waiting: Array<{ start: () => void; refuse: (err: Error) => void }> = [];

  constructor(readonly size: number) {
    if (!(size >= 1)) throw new RangeError(`operation slots must be at least 1 (got ${size})`);
  }

  /** Operations running now. */
  get running(): number {
    return this.busy;
  }

  /**
   * Runs `fn` in a slot. Throws SlotsClosedError, without running it, once the slots are closed
   * (also to a caller already waiting).
   */
  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.closed) throw new SlotsClosedError();
    if (this.busy >= this.size) await new Promise<void>((start, refuse) => this.waiting.push({ start, refuse }));
    else this.busy++;
    try {
      return await fn();
    } finally {
      // The slot passes straight to the next waiter, so a newcomer cannot overtake it.
      const next = this.waiting.shift();
      if (next) next.start();
      else this.busy--;
    }
  }

  /** No operation starts any more: the execution is cancelling or has failed. Running ones finish. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const w of this.waiting.splice(0)) w.refuse(new SlotsClosedError());
  }
}

export class SlotsClosedError extends IsthmusError {
  override readonly name = 'SlotsClosedError';
  constructor() {
    super('runtime.slots-closed', 'the execution starts no more operations');
  }
}
