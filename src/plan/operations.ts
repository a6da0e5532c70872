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

const COMPUTE = 'cloudify.nodes.Compute';

/** The Compute a node is, or is contained in (transitively): where its host_agent operations belong. */
export function computeHostOf(nodeId: string, nodes: ReadonlyMap<string, { hostId?: string; typeHierarchy: string[] }>): string | undefined {
  for (let id: string | undefined = nodeId, hops = 0; id !== undefined && hops <= nodes.size; hops++) {
    const node = nodes.get(id);
    if (!node) return undefined;
    if (node.typeHierarchy.includes(COMPUTE)) return id;
    id = node.hostId;
  }
  return undefined;
}

/** The operating-system family of a Compute (its `os_family` property; Cloudify's default is linux). */
export function hostOsOf(hostId: string | undefined, nodes: ReadonlyMap<string, { properties: Record<string, unknown> }>): string | undefined {
  if (!hostId) return undefined;
  const family = nodes.get(hostId)?.properties['os_family'];
  return typeof family === 'string' ? family.toLowerCase() : undefined;
}

/**
 * Why an operation cannot run, or undefined when it can (or is a no-op). `host` is the Compute
 * the operation's node is or sits on: an operation whose executor is `host_agent` (Cloudify's
 * default for scripts) belongs on that machine, which Isthmus does not reach yet.
 */
export function unsupportedReason(op: Operation, plugins: Blueprint['plugins'], catalog: PluginCatalog, host?: string, hostOs?: string): string | undefined {
  const target = classifyImplementation(op.implementation, plugins);
  if (target.kind === 'noop') return undefined;
  const executor = op.executor ?? plugins[target.kind === 'script' ? 'script' : target.plugin]?.executor;
  // JavaScript modules are Isthmus's own in-process operations, not Cloudify scripts: they run where steps run.
  const isModule = target.kind === 'script' && /\.m?js$/.test(target.path);
  // A host_agent script of a node on a Compute runs on that host over SSH; a plugin's task would need Cloudify's agent there.
  if (host && executor === 'host_agent' && !isModule && target.kind !== 'script') {
    return `runs on host '${host}' by Cloudify's agent (executor host_agent), and Isthmus installs no agents; set executor: central_deployment_agent to run it where steps run`;
  }
  if (host && executor === 'host_agent' && !isModule && hostOs === 'windows' && target.kind === 'script' && !target.path.endsWith('.ps1')) {
    return `runs on Windows host '${host}' (executor host_agent): Isthmus runs PowerShell (.ps1) scripts there over OpenSSH, never over WinRM; give a .ps1 script, or use SSM (plugin:isthmus-hybrid) or executor: central_deployment_agent`;
  }
  if (target.kind === 'script') {
    const ext = target.path.slice(target.path.lastIndexOf('.'));
    if (catalog.scriptExtensions.has(ext)) return undefined;
    return `no Isthmus script runner for '${ext}' files`;
  }
  if (!plugins[target.plugin]) return `'${target.plugin}' is not a declared plugin`;
  if (!catalog.plugins.has(target.plugin)) return `plugin '${target.plugin}' has no Isthmus implementation`;
  const tasks = catalog.tasks?.get(target.plugin);
  if (tasks && !tasks.has(target.task)) return `Isthmus's '${target.plugin}' plugin does not implement '${target.task}'`;
  return undefined;
}
