import type { PluginModule } from '../registry.js';
import { migrate } from './migrate.js';
import { TASKS } from './operations.js';

export { healthOf, type Health, type K8sObject } from './health.js';
export { factsOf } from './facts.js';
export { renderTemplate } from './definitions.js';
export { FIELD_MANAGER, OWNER_ANNOTATION } from './operations.js';
export { MIGRATE_FIELD_MANAGER, targetSelector } from './migrate.js';

/**
 * The Kubernetes plugin: `kubernetes.cloudify_kubernetes.tasks.<task>` (Cloudify's task names) and
 * `kubernetes.isthmus.migrate`.
 */
export const kubernetesPlugin: PluginModule = {
  name: 'kubernetes',
  operations: {
    ...Object.fromEntries(Object.entries(TASKS).map(([task, fn]) => [`cloudify_kubernetes.tasks.${task}`, fn])),
    'isthmus.migrate': migrate,
  },
};
