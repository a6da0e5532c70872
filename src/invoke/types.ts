import type { OperationSlots } from '../runtime/slots.js';
import type { StepOutcome, StepRequest } from '../runtime/types.js';

export interface InvokeOptions {
  /** The engine's bound on operations running at once, for invokers that run steps in this process. */
  operationSlots?: OperationSlots;
}

/** Sends one step to wherever steps run (in-process, or an AWS Lambda function). */
export interface StepInvoker {
  invoke(request: StepRequest, options?: InvokeOptions): Promise<StepOutcome>;
  /**
   * True when the invoker honours `operationSlots`: the engine then bounds operations rather than
   * whole steps and keeps more steps in flight, so their state reads and writes overlap other
   * steps' operations. A remote invoker (one Lambda invocation per step) leaves it unset: there,
   * every step in flight is an invocation, and parallelism bounds those.
   */
  readonly boundsOperations?: boolean;
}
