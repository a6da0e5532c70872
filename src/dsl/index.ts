export { loadBlueprint, parseBlueprint, type LoadOptions, type LoadResult } from './parse.js';
export { BlueprintError, formatDiagnostic, formatPosition, UNSUPPORTED_CODES, type BlueprintDiagnostic, type SourcePosition } from './errors.js';
export { asFunctionCall, containsFunction, dig, FUNCTION_PHASES, type DeferredFunction, type FunctionCall, type FunctionName } from './functions.js';
export { CONTAINED_IN } from './node-templates.js';
export { parseYamlValue } from './values-from-text.js';
export { DEFAULT_YAML_LIMITS, isYamlMap, type YamlLimits } from './yaml-loader.js';
export type * from './model.js';
export { DEFAULT_MAX_TOTAL_BYTES, defaultRootDir } from './imports.js';
export { evaluateFunctions, attributeOf, FunctionEvaluationError, type RuntimeResolver } from './runtime-functions.js';
