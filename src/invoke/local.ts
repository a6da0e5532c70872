import { executeStep, type RuntimeDeps } from '../runtime/index.js';
import type { StepOutcome, StepRequest } from '../runtime/types.js';
import type { InvokeOptions, StepInvoker } from './types.js';

/** Runs steps in this process with the same runtime the Lambda handler wraps. */
export class LocalInvoker implements StepInvoker {
  readonly boundsOperations = true;

  constructor(private readonly deps: RuntimeDeps) {}

  invoke(request: StepRequest, options: InvokeOptions = {}): Promise<StepOutcome> {
    return executeStep(request, options.operationSlots ? { ...this.deps, operationSlots: options.operationSlots } : this.deps);
  }
}
