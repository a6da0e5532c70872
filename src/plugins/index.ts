import { PluginRegistry, type PluginModule } from './registry.js';
import { awsPlugin } from './aws/index.js';
import { httpPlugin } from './http/index.js';
import { ssmPlugin } from './ssm/index.js';
import { restPlugin } from './rest/index.js';
import { kubernetesPlugin } from './kubernetes/index.js';
import { scriptRunner } from './script/index.js';

export { PluginRegistry, type PluginModule, type ScriptRunner } from './registry.js';
export { scriptRunner, RETRY_EXIT_CODE } from './script/index.js';

export { kubernetesPlugin } from './kubernetes/index.js';
export { awsPlugin } from './aws/index.js';
export { httpPlugin } from './http/index.js';
export { ssmPlugin } from './ssm/index.js';
export { restPlugin } from './rest/index.js';

/** The plugins Isthmus ships. */
export function defaultPluginRegistry(extra: PluginModule[] = []): PluginRegistry {
  return new PluginRegistry([kubernetesPlugin, awsPlugin, httpPlugin, ssmPlugin, restPlugin, ...extra], scriptRunner);
}
