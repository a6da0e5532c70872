export { executeStep, blueprintDirOf, type RuntimeDeps } from './execute.js';
export { OperationError, RetryRequest } from './errors.js';
export { LocalSecrets, type SecretsProvider } from './secrets.js';
export { Redactor } from './redact.js';
export { deploymentResolver, evaluateDeploymentOutputs } from './resolver.js';
export type * from './types.js';
export { SecretsManagerSecrets } from './secrets-manager.js';
export { secretsPrefix } from './secrets-prefix.js';
export { materializeBlueprintFiles, loadManifest, BLUEPRINT_FILES_FORMAT, type BlueprintFilesManifest } from './blueprint-files.js';
