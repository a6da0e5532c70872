/** A workflow that cannot be built from its parameters and the deployment's state. */
export class WorkflowError extends Error {
  override readonly name = 'WorkflowError';
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}
