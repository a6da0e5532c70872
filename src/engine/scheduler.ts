import type { TaskRecord } from '../state/index.js';

type ScheduledTask = Pick<TaskRecord, 'id' | 'dependsOn' | 'status' | 'ignoreFailure' | 'retryAt'>;

/**
 * Which tasks of an execution may be sent now. Pure bookkeeping, no I/O: per task, how many of its
 * dependencies are not yet satisfied (succeeded, or failed with the failure ignored), and the set
 * of tasks ready to send — a rescheduled one waits in it until its `retryAt`.
 */
export class TaskScheduler {
  private readonly tasks = new Map<string, ScheduledTask>();
  private readonly blockers = new Map<string, number>();
  private readonly dependents = new Map<string, string[]>();
  private readonly ready = new Set<string>();
  private readonly satisfied = new Set<string>();
  private readonly failed = new Set<string>();

  /** Tasks stored as failed with `ignoreFailure` already satisfy their dependents. */
  constructor(tasks: Iterable<ScheduledTask>) {
    for (const t of tasks) {
      this.tasks.set(t.id, t);
      if (t.status === 'failed') (t.ignoreFailure ? this.satisfied : this.failed).add(t.id);
    }
    for (const t of this.tasks.values()) {
      for (const d of t.dependsOn) this.dependents.set(d, [...(this.dependents.get(d) ?? []), t.id]);
      this.blockers.set(t.id, t.dependsOn.filter((d) => !this.satisfied.has(d)).length);
    }
  }

  /** Marks every open task whose dependencies are satisfied ready (after recorded answers are applied). */
  readyAllUnblocked(): void {
    for (const t of this.tasks.values()) if (this.isOpen(t.id) && this.blockers.get(t.id) === 0) this.ready.add(t.id);
  }

  succeeded(id: string): void {
    this.satisfy(id);
  }

  /** An ignored failure satisfies dependents; any other leaves them waiting, and the execution fails. */
  failedFor(id: string, ignored: boolean): void {
    if (ignored) this.satisfy(id);
    else this.failed.add(id);
  }

  /** The task goes back to wait for its next send, at `retryAt` (the stored task's). */
  rescheduled(task: ScheduledTask): void {
    this.tasks.set(task.id, task);
    this.ready.add(task.id);
  }

  /** Removes and returns up to `limit` ready tasks whose time has come, in readiness order. */
  takeDue(now: number, limit: number): string[] {
    const due: string[] = [];
    for (const id of this.ready) {
      if (due.length >= limit) break;
      if ((this.tasks.get(id)?.retryAt ?? 0) > now) continue;
      this.ready.delete(id);
      due.push(id);
    }
    return due;
  }

  hasReady(): boolean {
    return this.ready.size > 0;
  }

  /** When the earliest ready task may be sent (now, when one already may). */
  nextDueAt(now: number): number {
    return Math.min(...[...this.ready].map((id) => this.tasks.get(id)?.retryAt ?? now));
  }

  /** Tasks neither satisfied nor failed: with nothing ready or running, these wait on failures. */
  open(): string[] {
    return [...this.tasks.keys()].filter((id) => this.isOpen(id));
  }

  private isOpen(id: string): boolean {
    return !this.satisfied.has(id) && !this.failed.has(id);
  }

  private satisfy(id: string): void {
    this.satisfied.add(id);
    for (const dependent of this.dependents.get(id) ?? []) {
      const left = (this.blockers.get(dependent) ?? 1) - 1;
      this.blockers.set(dependent, left);
      if (left === 0 && this.isOpen(dependent)) this.ready.add(dependent);
    }
  }
}
