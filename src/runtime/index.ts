export { executeStep, blueprintDirOf, type RuntimeDeps } from './execute.js';
export { OperationError, RetryRequest } from './errors.js';
export { OperationSlots, SlotsClosedError } from './slots.js';
export { LocalSecrets, observedSecrets, type SecretsProvider } from './secrets.js';
export { MASK, Redactor, secretTexts } from './redact.js';
export { deploymentResolver, evaluateDeploymentOutputs } from './resolver.js';
export type * from './types.js';
export { materializeBlueprintFiles, loadManifest, BLUEPRINT_FILES_FORMAT, type BlueprintFilesManifest } from './blueprint-files.js';
