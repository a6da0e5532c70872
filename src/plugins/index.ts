import { PluginRegistry, type PluginModule } from './registry.js';
import { scriptRunner } from './script/index.js';

export { PluginRegistry, type PluginModule, type ScriptRunner } from './registry.js';
export { scriptRunner, RETRY_EXIT_CODE } from './script/index.js';

/** The plugins Isthmus ships (later issues add kubernetes, aws, ssm, http). */
export function defaultPluginRegistry(extra: PluginModule[] = []): PluginRegistry {
  return new PluginRegistry([...extra], scriptRunner);
}
