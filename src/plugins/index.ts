import { PluginRegistry, type PluginModule } from './registry.js';
import { scriptRunner } from './script/index.js';
import { SHIPPED_PLUGINS } from './shipped.js';

export { PluginRegistry, type PluginDescriptor, type PluginModule, type ScriptRunner } from './registry.js';
export { scriptRunner, RETRY_EXIT_CODE } from './script/index.js';
export { SHIPPED_PLUGINS } from './shipped.js';

/** The plugins Isthmus ships (loaded when a step first needs one), and any given here. */
export function defaultPluginRegistry(extra: PluginModule[] = []): PluginRegistry {
  return new PluginRegistry([...SHIPPED_PLUGINS, ...extra], scriptRunner);
}
