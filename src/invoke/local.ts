import { executeStep, type RuntimeDeps } from '../runtime/index.js';
import type { StepOutcome, StepRequest } from '../runtime/types.js';
import type { StepInvoker } from './types.js';

/** Runs steps in this process with the same runtime the Lambda handler wraps. */
export class LocalInvoker implements StepInvoker {
  constructor(private readonly deps: RuntimeDeps) {}

  invoke(request: StepRequest): Promise<StepOutcome> {
    return executeStep(request, this.deps);
  }
}
