import { ACTIVE_EXECUTION_STATUSES, ConflictError, type ExecutionRecord, type StateStore } from '../state/index.js';

export interface SettleOptions {
  /** Wait for a live holder instead of failing fast. */
  waitForLock: boolean;
  /** Resumes an execution a dead run left unfinished (the engine, with this run's owner). */
  resume: (execution: ExecutionRecord) => Promise<ExecutionRecord>;
  /** A pending execution younger than this, with no lock yet, may belong to a run about to take it. */
  startingGraceMs?: number;
  pollMs?: number;
  timeoutMs?: number;
  now?: () => number;
}

/**
 * Makes a deployment ready for this run's execution. A run that holds the lock (or is about to)
 * makes this one fail fast naming it — or wait, with `waitForLock`. An execution a dead run left
 * unfinished (no live lock) is resumed first, so nothing it started is lost or done twice.
 * Returns what was done, for the report.
 */
export async function settleDeployment(store: StateStore, deploymentId: string, options: SettleOptions): Promise<string[]> {
  const now = options.now ?? Date.now;
  const grace = options.startingGraceMs ?? 60_000;
  const deadline = now() + (options.timeoutMs ?? 30 * 60_000);
  const notes: string[] = [];
  for (;;) {
    const active = (await store.listExecutions(deploymentId)).filter((e) => ACTIVE_EXECUTION_STATUSES.includes(e.status));
    const lock = await store.getLock(deploymentId);
    const live = lock && lock.expiresAt > now() ? lock : undefined;
    if (active.length === 0 && !live) return notes;
    const starting = active.find((e) => e.status === 'pending' && now() - Date.parse(e.createdAt) < grace);
    if (live || starting) {
      const holder = live
        ? { executionId: live.executionId, owner: live.owner, expiresAt: live.expiresAt }
        : { executionId: starting!.id, owner: 'a run that is starting it', expiresAt: Date.parse(starting!.createdAt) + grace };
      if (!options.waitForLock || now() > deadline) {
        const execution = active.find((e) => e.id === holder.executionId);
        throw new ConflictError(
          `deployment '${deploymentId}' is busy: execution ${holder.executionId}${execution ? ` (${execution.workflow})` : ''} is run by ${holder.owner}`,
          holder,
        );
      }
      await new Promise((r) => setTimeout(r, options.pollMs ?? Math.min(5000, Math.max(250, holder.expiresAt - now()))));
      continue;
    }
    // Active executions, nobody holding the lock: the run that drove them died.
    const oldest = active.sort((a, b) => a.createdAt.localeCompare(b.createdAt))[0]!;
    const done = await options.resume(oldest);
    notes.push(`Resumed execution ${oldest.id} (${oldest.workflow}) that an earlier run left unfinished: it ended ${done.status}.`);
  }
}

/**
 * A new execution that lost the race for the lock never ran: cancel it, so that no later run
 * mistakes it for a dead run's work and resumes it.
 */
export async function abandonExecution(store: StateStore, execution: ExecutionRecord, why: string): Promise<void> {
  const current = await store.getExecution(execution.deploymentId, execution.id);
  if (current?.status !== 'pending') return;
  try {
    await store.updateExecution(current.deploymentId, current.id, current.version, { status: 'cancelled', endedAt: new Date().toISOString(), error: why });
  } catch (err) {
    if (!(err instanceof ConflictError)) throw err;
  }
}
