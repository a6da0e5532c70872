import type { StepOutcome, StepRequest } from '../runtime/types.js';

/** Sends one step to wherever steps run (in-process, or an AWS Lambda function). */
export interface StepInvoker {
  invoke(request: StepRequest): Promise<StepOutcome>;
}
