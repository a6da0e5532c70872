import type { OperationTarget, PluginCatalog } from '../plan/index.js';
import type { OperationFunction } from '../runtime/types.js';

/** A plugin: operations by task name (the part of `plugin.module.task` after the plugin name). */
export interface PluginModule {
  name: string;
  /** Names blueprints use for this plugin (`plugins:` keys), e.g. kubernetes for cloudify-kubernetes-plugin. */
  aliases?: string[];
  operations: Record<string, OperationFunction>;
}

/** Runs script files (`implementation: scripts/x.sh`). */
export interface ScriptRunner {
  extensions: string[];
  run: (scriptPath: string) => OperationFunction;
}

/** Finds the code behind an implementation string. */
export class PluginRegistry {
  private readonly byName = new Map<string, PluginModule>();

  constructor(
    plugins: PluginModule[] = [],
    private readonly scripts?: ScriptRunner,
  ) {
    for (const p of plugins) {
      this.byName.set(p.name, p);
      for (const a of p.aliases ?? []) this.byName.set(a, p);
    }
  }

  resolve(target: OperationTarget): OperationFunction | undefined {
    if (target.kind === 'noop') return undefined;
    if (target.kind === 'script') {
      const ext = target.path.slice(target.path.lastIndexOf('.'));
      return this.scripts?.extensions.includes(ext) ? this.scripts.run(target.path) : undefined;
    }
    return this.byName.get(target.plugin)?.operations[target.task];
  }

  /** What the planner may call supported. */
  catalog(): PluginCatalog {
    const tasks = new Map([...this.byName].map(([name, p]) => [name, new Set(Object.keys(p.operations))]));
    return { plugins: new Set(this.byName.keys()), scriptExtensions: new Set(this.scripts?.extensions ?? []), tasks };
  }
}
