import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostics } from './errors.js';
import { NAMESPACE_DELIMITER } from './imports.js';
import type { Blueprint, Interfaces, NodeTemplate, Operation, Plugin } from './model.js';

export type OperationTarget = { kind: 'noop' } | { kind: 'plugin'; plugin: string; task: string } | { kind: 'script'; path: string };

/**
 * Reads an implementation string the way Cloudify does: `plugin.module.task` when its first
 * segment names a declared plugin, otherwise a script path relative to the blueprint.
 */
export function classifyImplementation(implementation: string, plugins: Blueprint['plugins']): OperationTarget {
  if (!implementation) return { kind: 'noop' };
  const dot = implementation.indexOf('.');
  if (dot > 0) {
    const candidate = implementation.slice(0, dot);
    if (plugins[candidate]) return { kind: 'plugin', plugin: candidate, task: implementation.slice(dot + 1) };
    // `ns--plugin.task` from a namespaced import whose plugin was not namespaced (e.g. shared Cloudify types).
    const sep = candidate.lastIndexOf(NAMESPACE_DELIMITER);
    if (sep > 0) {
      const bare = candidate.slice(sep + NAMESPACE_DELIMITER.length);
      if (plugins[bare]) return { kind: 'plugin', plugin: bare, task: implementation.slice(dot + 1) };
    }
  }
  if (/\.[A-Za-z0-9]+$/.test(implementation) && (implementation.includes('/') || !plugins[implementation.split('.')[0]!])) {
    return { kind: 'script', path: implementation };
  }
  return { kind: 'plugin', plugin: implementation.slice(0, Math.max(dot, 0)) || implementation, task: implementation.slice(dot + 1) };
}

/** The operation a qualified name (`cloudify.interfaces.lifecycle.create`) names in some interfaces. */
export function findOperation(interfaces: Interfaces, qualified: string): Operation | undefined {
  const dot = qualified.lastIndexOf('.');
  return interfaces[qualified.slice(0, dot)]?.[qualified.slice(dot + 1)];
}

/**
 * Cloudify refuses a blueprint whose operation names a script that is not in the blueprint (its
 * path is relative to the main blueprint file's directory); so does Isthmus, at the operation.
 */
export function checkScriptsExist(
  mainFile: string,
  nodeTemplates: Record<string, NodeTemplate>,
  plugins: Record<string, Plugin>,
  diagnostics: Diagnostics,
): void {
  const root = path.dirname(path.resolve(mainFile));
  const seen = new Set<string>();
  const check = (interfaces: Interfaces, where: string) => {
    for (const [iface, ops] of Object.entries(interfaces)) {
      for (const [name, op] of Object.entries(ops)) {
        const target = classifyImplementation(op.implementation, plugins);
        if (target.kind !== 'script' || /^[a-z][a-z0-9+.-]*:\/\//i.test(target.path)) continue;
        const key = `${where}\u0000${iface}.${name}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const full = path.resolve(root, target.path);
        const rel = path.relative(root, full);
        if (rel.startsWith('..') || path.isAbsolute(rel)) {
          diagnostics.error(
            'operation.script-outside',
            `${where}: operation '${iface}.${name}' runs '${target.path}', which is outside the blueprint's directory`,
            op.position,
            "keep scripts in the blueprint's directory (or below it)",
          );
        } else if (!existsSync(full) || !statSync(full).isFile()) {
          diagnostics.error(
            'operation.script-not-found',
            `${where}: operation '${iface}.${name}' runs '${target.path}', which is not a file of the blueprint`,
            op.position,
            `add ${target.path} next to the blueprint (paths are relative to ${path.basename(mainFile)}'s directory), or name a declared plugin's task`,
          );
        }
      }
    }
  };
  for (const [id, t] of Object.entries(nodeTemplates)) {
    check(t.interfaces, `node '${id}'`);
    for (const r of t.relationships) {
      check(r.sourceInterfaces, `node '${id}' relationship to '${r.target}'`);
      check(r.targetInterfaces, `node '${id}' relationship to '${r.target}'`);
    }
  }
}
