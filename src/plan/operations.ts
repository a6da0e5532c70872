import { classifyImplementation, type Blueprint, type Operation } from '../dsl/index.js';

export { classifyImplementation, type OperationTarget } from '../dsl/index.js';

/** What Isthmus can execute. Later layers register their plugins; the planner only reads it. */
export interface PluginCatalog {
  /** Plugin names (as blueprints declare them) with an Isthmus implementation. */
  plugins: ReadonlySet<string>;
  /** Script extensions the script runner executes. */
  scriptExtensions: ReadonlySet<string>;
  /** The tasks each plugin implements; a plugin missing here implements any task it is asked for. */
  tasks?: ReadonlyMap<string, ReadonlySet<string>>;
}

/** Nothing is executable until the engine and plugins exist; `plan` reports every real operation honestly. */
export const EMPTY_PLUGIN_CATALOG: PluginCatalog = { plugins: new Set(), scriptExtensions: new Set() };

/** Why an operation cannot run, or undefined when it can (or is a no-op). */
export function unsupportedReason(op: Operation, plugins: Blueprint['plugins'], catalog: PluginCatalog): string | undefined {
  const target = classifyImplementation(op.implementation, plugins);
  if (target.kind === 'noop') return undefined;
  if (target.kind === 'script') {
    const ext = target.path.slice(target.path.lastIndexOf('.'));
    if (catalog.scriptExtensions.has(ext)) return undefined;
    if (ext === '.py') return "Python scripts use Cloudify's ctx proxy, which Isthmus does not provide; rewrite as a shell or JavaScript script";
    return `no Isthmus script runner for '${ext}' files`;
  }
  if (!plugins[target.plugin]) return `'${target.plugin}' is not a declared plugin`;
  if (!catalog.plugins.has(target.plugin)) return `plugin '${target.plugin}' has no Isthmus implementation`;
  const tasks = catalog.tasks?.get(target.plugin);
  if (tasks && !tasks.has(target.task)) return `Isthmus's '${target.plugin}' plugin does not implement '${target.task}'`;
  return undefined;
}
