import type { OperationTarget, PluginCatalog } from '../plan/index.js';
import { OperationError } from '../runtime/errors.js';
import type { OperationFunction } from '../runtime/types.js';

/** A plugin: operations by task name (the part of `plugin.module.task` after the plugin name). */
export interface PluginModule {
  name: string;
  /** Names blueprints use for this plugin (`plugins:` keys), e.g. kubernetes for cloudify-kubernetes-plugin. */
  aliases?: string[];
  operations: Record<string, OperationFunction>;
}

/** A plugin known by its metadata, its code loaded on first use. */
export interface PluginDescriptor {
  name: string;
  aliases?: string[];
  tasks: string[];
  load: () => Promise<PluginModule>;
}

/** Runs script files (`implementation: scripts/x.sh`). */
export interface ScriptRunner {
  extensions: string[];
  run: (scriptPath: string) => OperationFunction;
}

interface Entry {
  tasks: ReadonlySet<string>;
  /** The plugin's operations, loaded once (shared by its aliases). */
  operations: () => Promise<Record<string, OperationFunction>>;
}

/** Finds the code behind an implementation string; a described plugin is loaded when first used. */
export class PluginRegistry {
  private readonly byName = new Map<string, Entry>();

  constructor(
    plugins: Array<PluginModule | PluginDescriptor> = [],
    private readonly scripts?: ScriptRunner,
  ) {
    for (const p of plugins) {
      let loading: Promise<Record<string, OperationFunction>> | undefined;
      const entry: Entry =
        'operations' in p
          ? { tasks: new Set(Object.keys(p.operations)), operations: () => Promise.resolve(p.operations) }
          : { tasks: new Set(p.tasks), operations: () => (loading ??= p.load().then((m) => m.operations)) };
      this.byName.set(p.name, entry);
      for (const a of p.aliases ?? []) this.byName.set(a, entry);
    }
  }

  resolve(target: OperationTarget): OperationFunction | undefined {
    if (target.kind === 'noop') return undefined;
    if (target.kind === 'script') {
      const ext = target.path.slice(target.path.lastIndexOf('.'));
      return this.scripts?.extensions.includes(ext) ? this.scripts.run(target.path) : undefined;
    }
    const entry = this.byName.get(target.plugin);
    if (!entry?.tasks.has(target.task)) return undefined;
    return async (ctx) => {
      const fn = (await entry.operations())[target.task];
      if (!fn) throw new OperationError(`plugin '${target.plugin}' does not implement '${target.task}'`, false);
      return fn(ctx);
    };
  }

  /** What the planner may call supported. */
  catalog(): PluginCatalog {
    const tasks = new Map([...this.byName].map(([name, e]) => [name, e.tasks]));
    return { plugins: new Set(this.byName.keys()), scriptExtensions: new Set(this.scripts?.extensions ?? []), tasks };
  }
}
