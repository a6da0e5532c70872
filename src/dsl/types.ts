import type { Diagnostics } from './errors.js';
import { applyNamespace } from './functions.js';
import { mergeTypeInterfaces, parseInterfaces } from './interfaces.js';
import { namespaced, type Element } from './merge.js';
import type { DataType, Interfaces, NodeType, PropertySchema, RelationshipType } from './model.js';
import { PRIMITIVE_TYPES, parseSchemaMap } from './schema.js';
import { keyPositionOf, positionOf } from './source-map.js';
import { isYamlMap, type YamlMap } from './yaml-loader.js';

const NODE_TYPE_KEYS = ['derived_from', 'interfaces', 'properties', 'runtime_properties', 'description'];
const RELATIONSHIP_KEYS = ['derived_from', 'properties', 'source_interfaces', 'target_interfaces', 'description'];
const DATA_TYPE_KEYS = ['derived_from', 'properties', 'description', 'version'];

interface Resolvable<T> {
  elements: Map<string, Element>;
  kind: string;
  keys: string[];
  build: (element: Element, body: YamlMap, parent: T | undefined, parentName: string | undefined) => T;
}

/**
 * Resolves `derived_from` chains for one family of types (node types, relationships, data
 * types): every type gets its parent's definitions merged under its own. Unknown parents and
 * cycles are reported at the `derived_from` that causes them.
 */
function resolveFamily<T>(spec: Resolvable<T>, diagnostics: Diagnostics): Record<string, T> {
  const done: Record<string, T> = {};
  const visiting = new Set<string>();
  const failed = new Set<string>();
  const resolve = (name: string, chain: string[]): T | undefined => {
    if (Object.hasOwn(done, name)) return done[name];
    if (failed.has(name)) return undefined;
    const element = spec.elements.get(name);
    if (!element) return undefined;
    const body = element.value ?? {};
    if (!isYamlMap(body)) {
      diagnostics.error(`${spec.kind}.format`, `${spec.kind} '${name}' must be a mapping`, element.position);
      failed.add(name);
      return undefined;
    }
    if (visiting.has(name)) {
      diagnostics.error(
        `${spec.kind}.cycle`,
        `${spec.kind} '${name}' derives from itself: ${[...chain, name].join(' -> ')}`,
        positionOf(body, 'derived_from') ?? element.position,
        'remove one derived_from in the cycle',
      );
      failed.add(name);
      return undefined;
    }
    for (const key of Object.keys(body)) {
      if (!spec.keys.includes(key)) {
        diagnostics.error(
          `${spec.kind}.unknown-key`,
          `${spec.kind} '${name}' has unknown key '${key}'`,
          keyPositionOf(body, key),
          `valid keys: ${spec.keys.join(', ')}`,
        );
      }
    }
    let parent: T | undefined;
    let parentName: string | undefined;
    const derived = body['derived_from'];
    if (derived !== undefined && derived !== null) {
      if (typeof derived !== 'string') {
        diagnostics.error(`${spec.kind}.derived-from`, `${spec.kind} '${name}': derived_from must be a type name`, positionOf(body, 'derived_from'));
      } else {
        parentName = namespaced(element.namespace, derived);
        if (!spec.elements.has(parentName)) {
          diagnostics.error(
            `${spec.kind}.unknown-parent`,
            `${spec.kind} '${name}' derives from '${derived}', which is not defined`,
            positionOf(body, 'derived_from'),
            suggestion(derived, [...spec.elements.keys()]) ?? 'check the imports that should define it',
          );
        } else {
          visiting.add(name);
          parent = resolve(parentName, [...chain, name]);
          visiting.delete(name);
        }
      }
    }
    const built = spec.build(element, body, parent, parentName);
    done[name] = built;
    return built;
  };
  for (const name of spec.elements.keys()) resolve(name, []);
  return done;
}

export function resolveDataTypes(elements: Map<string, Element>, diagnostics: Diagnostics): Record<string, DataType> {
  return resolveFamily<DataType>(
    {
      elements,
      kind: 'data_type',
      keys: DATA_TYPE_KEYS,
      build: (el, body, parent, parentName) => {
        const own = parseSchemaMap(applyNamespace(body['properties'] ?? null, el.namespace), `data type '${el.name}' property`, diagnostics, {
          namespace: (n) => namespaced(el.namespace, n),
        });
        const dt: DataType = { name: el.name, properties: mergeProperties(parent?.properties ?? {}, own) };
        if (parentName) dt.derivedFrom = parentName;
        if (el.position) dt.position = el.position;
        return dt;
      },
    },
    diagnostics,
  );
}

export function resolveNodeTypes(elements: Map<string, Element>, diagnostics: Diagnostics): Record<string, NodeType> {
  return resolveFamily<NodeType>(
    {
      elements,
      kind: 'node_type',
      keys: NODE_TYPE_KEYS,
      build: (el, body, parent, parentName) => {
        const where = `node type '${el.name}'`;
        const own = parseSchemaMap(applyNamespace(body['properties'] ?? null, el.namespace), `${where} property`, diagnostics, {
          namespace: (n) => namespaced(el.namespace, n),
        });
        const ifaces = parseInterfaces(applyNamespace(body['interfaces'] ?? null, el.namespace), where, 'type', diagnostics);
        const t: NodeType = {
          name: el.name,
          hierarchy: [...(parent?.hierarchy ?? []), el.name],
          properties: mergeProperties(parent?.properties ?? {}, own),
          interfaces: mergeTypeInterfaces(parent?.interfaces ?? {}, namespaceImplementations(ifaces, el.namespace)),
        };
        if (parentName) t.derivedFrom = parentName;
        if (el.position) t.position = el.position;
        return t;
      },
    },
    diagnostics,
  );
}

export function resolveRelationshipTypes(elements: Map<string, Element>, diagnostics: Diagnostics): Record<string, RelationshipType> {
  return resolveFamily<RelationshipType>(
    {
      elements,
      kind: 'relationship',
      keys: RELATIONSHIP_KEYS,
      build: (el, body, parent, parentName) => {
        const where = `relationship '${el.name}'`;
        const own = parseSchemaMap(applyNamespace(body['properties'] ?? null, el.namespace), `${where} property`, diagnostics, {
          namespace: (n) => namespaced(el.namespace, n),
        });
        const src = parseInterfaces(applyNamespace(body['source_interfaces'] ?? null, el.namespace), where, 'type', diagnostics);
        const tgt = parseInterfaces(applyNamespace(body['target_interfaces'] ?? null, el.namespace), where, 'type', diagnostics);
        const t: RelationshipType = {
          name: el.name,
          hierarchy: [...(parent?.hierarchy ?? []), el.name],
          properties: mergeProperties(parent?.properties ?? {}, own),
          sourceInterfaces: mergeTypeInterfaces(parent?.sourceInterfaces ?? {}, namespaceImplementations(src, el.namespace)),
          targetInterfaces: mergeTypeInterfaces(parent?.targetInterfaces ?? {}, namespaceImplementations(tgt, el.namespace)),
        };
        if (parentName) t.derivedFrom = parentName;
        if (el.position) t.position = el.position;
        return t;
      },
    },
    diagnostics,
  );
}

/** A derived type's property schema over its parent's: a redefined property replaces the parent's, keeping its default if it gives none. */
function mergeProperties(parent: Record<string, PropertySchema>, own: Record<string, PropertySchema>): Record<string, PropertySchema> {
  const out: Record<string, PropertySchema> = { ...parent };
  for (const [name, schema] of Object.entries(own)) {
    const inherited = parent[name];
    if (inherited && !schema.hasDefault && inherited.hasDefault) {
      out[name] = { ...schema, hasDefault: true, default: inherited.default ?? null };
    } else out[name] = schema;
  }
  return out;
}

/**
 * In a namespaced import, `plugin.task` implementations refer to that import's plugins.
 * Script paths are left alone.
 */
export function namespaceImplementations(ifaces: Interfaces, namespace: string | undefined): Interfaces {
  if (!namespace) return ifaces;
  const out: Interfaces = {};
  for (const [iface, ops] of Object.entries(ifaces)) {
    out[iface] = {};
    for (const [name, op] of Object.entries(ops)) {
      out[iface]![name] = op.implementation && !op.implementation.includes('/') ? { ...op, implementation: namespaced(namespace, op.implementation) } : op;
    }
  }
  return out;
}

/** Reports property schemas whose `type` names neither a primitive nor a data type. */
export function checkSchemaTypes(
  schemas: Iterable<[string, Record<string, PropertySchema>]>,
  dataTypes: Record<string, DataType>,
  diagnostics: Diagnostics,
): void {
  for (const [where, schema] of schemas) {
    for (const [name, prop] of Object.entries(schema)) {
      if (prop.type && !PRIMITIVE_TYPES.has(prop.type) && !Object.hasOwn(dataTypes, prop.type)) {
        diagnostics.error(
          'schema.unknown-type',
          `${where} property '${name}' has unknown type '${prop.type}'`,
          prop.position,
          suggestion(prop.type, [...PRIMITIVE_TYPES, ...Object.keys(dataTypes)]) ?? 'use a primitive type or a declared data type',
        );
      }
    }
  }
}

/** "did you mean …" for a misspelt name. */
export function suggestion(name: string, candidates: string[]): string | undefined {
  let best: string | undefined;
  let bestScore = Infinity;
  for (const c of candidates) {
    const d = editDistance(name.toLowerCase(), c.toLowerCase());
    if (d < bestScore) {
      bestScore = d;
      best = c;
    }
  }
  return best !== undefined && bestScore <= Math.max(2, Math.floor(name.length / 4)) ? `did you mean '${best}'?` : undefined;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 8) return 99;
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length]!;
}
