import { IsthmusError } from '../errors.js';

/** A conditional write lost: another writer changed the item, or a lock is held by someone else. */
export class ConflictError extends IsthmusError {
  override readonly name: string = 'ConflictError';
  constructor(
    message: string,
    readonly holder?: { executionId: string; owner: string; expiresAt: number },
    code = 'state.conflict',
  ) {
    super(code, message, { retryable: true });
  }
}

/** A step's instance write lost to another writer of that instance: it may re-read it and try again. */
export class InstanceConflictError extends ConflictError {
  override readonly name = 'InstanceConflictError';
  constructor(readonly instanceId: string) {
    super(`node instance '${instanceId}' changed while the step ran`);
  }
}

/** A step's write refused because the deployment's lock moved on (another driver, a newer fencing token). */
export class FencedError extends ConflictError {
  override readonly name = 'FencedError';
  constructor(message: string) {
    super(message, undefined, 'state.fenced');
  }
}
