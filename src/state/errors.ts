/** A conditional write lost: another writer changed the item, or a lock is held by someone else. */
export class ConflictError extends Error {
  override readonly name: string = 'ConflictError';
  constructor(
    message: string,
    readonly holder?: { executionId: string; owner: string; expiresAt: number },
  ) {
    super(message);
  }
}

export class NotFoundError extends Error {
  override readonly name = 'NotFoundError';
}

/** A step's write refused because the deployment's lock moved on (another driver, a newer fencing token). */
export class FencedError extends ConflictError {
  override readonly name = 'FencedError';
}
