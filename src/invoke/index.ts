export type { StepInvoker } from './types.js';
export { LocalInvoker } from './local.js';
