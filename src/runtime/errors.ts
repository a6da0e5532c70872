import { IsthmusError } from '../errors.js';
import type { ChildRequest } from '../state/index.js';

/**
 * An operation's failure. Recoverable ones are retried within max_retries; others fail the
 * task at once (an invalid spec, a permission error).
 */
export class OperationError extends IsthmusError {
  override readonly name = 'OperationError';
  constructor(
    message: string,
    readonly recoverable = true,
    options?: ErrorOptions,
  ) {
    super('operation.failed', message, { ...options, retryable: recoverable });
  }
}

/** Thrown by ctx.retry(): run the operation again after a while (not a failure). */
export class RetryRequest extends IsthmusError {
  override readonly name = 'RetryRequest';
  constructor(
    message: string,
    readonly afterSeconds: number | undefined,
  ) {
    super('operation.retry', message, { retryable: true });
  }
}

/**
 * Thrown by ctx.awaitChild(): the operation needs work on a child deployment that only a driver
 * can do. The step ends asking for it (StepOutcome.child); the driver does it and runs the
 * operation again.
 */
export class ChildWorkRequest extends IsthmusError {
  override readonly name = 'ChildWorkRequest';
  constructor(readonly request: ChildRequest) {
    super('operation.child', `waiting for the driver: ${request.action} child deployment '${request.deploymentId}'`, { retryable: true });
  }
}
