import { IsthmusError } from '../errors.js';

/** A workflow that cannot be built from its parameters and the deployment's state. */
export class WorkflowError extends IsthmusError {
  override readonly name = 'WorkflowError';
  constructor(message: string, code: string) {
    super(code, message);
  }
}
