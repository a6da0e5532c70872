/**
 * What the workflow commands run on: the driver, the engine and the composition root (the AWS SDK
 * with them). Loaded when a command first needs it, so `--help`, `validate` and `plan` never pay for it.
 */
export { ensureDeployment, startBlueprintUpdate } from '../driver/deploy.js';
export { cancelExecution, runExecution, runHeal, runPreUpdate, startExecution, startRollback } from '../engine/index.js';
export { openDriverEnvironment, stopLocalState } from '../compose.js';
