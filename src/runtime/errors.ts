import { IsthmusError } from '../errors.js';

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
