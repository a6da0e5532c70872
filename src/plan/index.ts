export { planDeployment, type PlanOptions } from './plan.js';
export { PlanError } from './errors.js';
export { dependencyOrder, findNodeCycle } from './graph.js';
export {
  classifyImplementation,
  computeHostOf,
  hostOsOf,
  unsupportedReason,
  EMPTY_PLUGIN_CATALOG,
  type PluginCatalog,
  type OperationTarget,
} from './operations.js';
export type * from './model.js';
export { scalePlan, withoutInstances, ScaleError, type ScaleRequest, type ScaleResult } from './scale.js';
export { createIdGenerator } from './ids.js';
export { diffPlans, UpdateError, type UpdateDiff, type UpdateStep } from './update.js';
export { dueOccurrence, parseSchedules, type ScheduleRuns, type ScheduleSpec } from './schedules.js';
