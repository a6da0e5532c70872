import type { StepOutcome, TaskRecord } from '../state/index.js';

/** How many times a status check that must wait for its answer is polled before it reports. */
export const MAX_CHECK_POLLS = 120;

/**
 * How many times one attempt is sent again when it could not be delivered (throttling, a
 * dropped answer): the step may have run, and its recorded outcome comes back on the next send.
 */
export const MAX_INFRASTRUCTURE_RETRIES = 8;

/** What the engine does with a task after an answer (DESIGN.md "Retries"). */
export type Decision =
  /** The execution started no more operations: the task stays pending for a resume. */
  | { action: 'leave-pending' }
  /** Not delivered: the same attempt again after a short, growing delay. */
  | { action: 'resend'; delaySeconds: number }
  | { action: 'succeed' }
  /** The next attempt after `delaySeconds`; `asked` when the operation asked for it (ctx.retry). */
  | { action: 'retry'; delaySeconds: number; asked: boolean }
  /** No retry left (or none allowed): the task fails; an ignored failure does not fail the execution. */
  | { action: 'fail'; ignored: boolean };

export type RetriedTask = Pick<TaskRecord, 'attempt' | 'retryBase' | 'maxRetries' | 'retryInterval' | 'checkStatus' | 'checkDrift' | 'ignoreFailure'>;

/**
 * Cloudify's retry rules as one pure function: a recoverable failure or a retry request takes the
 * next attempt while the task's budget lasts (`maxRetries` of -1 never runs out; a resume starts a
 * new budget at `retryBase`); a non-recoverable failure fails at once; an operation's
 * `retryAfter` overrides the task's retry interval. A status or drift check reports rather than retries,
 * unless it asks to be polled for its answer. `infrastructureFailures` counts this task's
 * undelivered sends so far, this one included.
 */
export function decideOutcome(task: RetriedTask, outcome: StepOutcome, infrastructureFailures: number): Decision {
  if (outcome.notStarted) return { action: 'leave-pending' };
  if (outcome.infrastructure && outcome.status !== 'succeeded' && infrastructureFailures <= MAX_INFRASTRUCTURE_RETRIES) {
    return { action: 'resend', delaySeconds: Math.min(30, 0.2 * 2 ** infrastructureFailures) };
  }
  if (outcome.status === 'succeeded') return { action: 'succeed' };
  const used = task.attempt + 1 - (task.retryBase ?? 0);
  const asked = outcome.status === 'retry';
  const canRetry = asked || outcome.recoverable !== false;
  const budgetLeft = task.maxRetries < 0 || used <= task.maxRetries;
  // A drift check is a check too: it reports, but may wait for its answer (an SSM command).
  const polling = asked && (task.checkStatus === true || task.checkDrift === true) && used <= MAX_CHECK_POLLS;
  if (canRetry && (budgetLeft || polling)) {
    return { action: 'retry', delaySeconds: asked && outcome.retryAfter !== undefined ? outcome.retryAfter : task.retryInterval, asked };
  }
  return { action: 'fail', ignored: task.ignoreFailure === true };
}
