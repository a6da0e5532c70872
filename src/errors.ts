/** Options of an Isthmus error: a `cause`, and whether doing the same again may succeed. */
export interface IsthmusErrorOptions extends ErrorOptions {
  /** A lost race or a passing fault may succeed when tried again; a wrong input will not. */
  retryable?: boolean;
}

/**
 * The one base of Isthmus's errors: a stable `code` (what scripts and tests match on), a `cause`,
 * whether trying again can help, and a `name` that each subclass sets. Errors are rendered once,
 * at the edge (CLI, action, Lambda answer). The sandbox's Kubernetes API errors are the exception:
 * they follow Kubernetes' `Status` model (an HTTP code and a reason), see src/sandbox/errors.ts.
 */
export class IsthmusError extends Error {
  override readonly name: string = 'IsthmusError';
  readonly code: string;
  readonly retryable: boolean;

  constructor(code: string, message: string, options: IsthmusErrorOptions = {}) {
    const { retryable, ...errorOptions } = options;
    super(message, errorOptions);
    this.code = code;
    this.retryable = retryable ?? false;
  }
}
