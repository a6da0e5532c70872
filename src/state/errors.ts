/** A conditional write lost: another writer changed the item, or a lock is held by someone else. */
export class ConflictError extends Error {
  override readonly name = 'ConflictError';
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
