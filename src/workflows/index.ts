export { lifecycleSteps, type PlannedStep } from './install-order.js';
export { buildWorkflowGraph, isBuiltinWorkflow, BUILTIN_WORKFLOWS, type BuiltinWorkflow } from './build.js';
export { selectInstances, type BuildContext, type InstanceFilter } from './builtins.js';
export { WorkflowError } from './errors.js';
export { DEFAULT_RETRIES, INSTANCE_STATES, type InstanceState, type RetryDefaults, type TaskGraph, type TaskSpec } from './graph.js';
export { scaleOutGraph, scaleInGraph, resizeGraph, isResizable, RESIZE_OPERATION } from './scale.js';
export { healGraph, containedSubgraph, type HealOptions } from './heal.js';
export { updateGraph, type UpdateParameters } from './update.js';
export { SCALE_LIST_TASKS, workflowParameters } from './custom.js';
