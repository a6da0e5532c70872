export { lifecycleSteps, type PlannedStep } from './install-order.js';
