export { runExecution, defaultOwner, type ChildDeployments, type ChildRequester, type EngineDeps, type RunOptions } from './engine.js';
export { startExecution, createDeployment, cancelExecution, digestOf, type StartOptions } from './start.js';
export { newExecutionId } from './executions.js';
export { EventSink } from './events.js';
export { runHeal, startHealExecution, type HealRun } from './heal.js';
export { startScale } from './scale.js';
export { startUpdate, type UpdateSource, type UpdateStart } from './update.js';
export { runDriftCheck, runPreUpdate, type PreUpdate } from './pre-update.js';
export { startRollback } from './rollback.js';
