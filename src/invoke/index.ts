export type { InvokeOptions, StepInvoker } from './types.js';
export { LocalInvoker } from './local.js';
export { LambdaInvoker, LAMBDA_PAYLOAD_LIMIT, type LambdaInvokerOptions } from './lambda.js';
export { startLocalLambdaEndpoint, type EndpointFaults, type LocalLambdaEndpoint } from './endpoint.js';
export { RoutingInvoker, runsInRunner, RUNNER_STEPS_LABEL } from './routing.js';
